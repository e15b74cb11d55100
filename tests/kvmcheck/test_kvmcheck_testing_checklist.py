"""The testing checklist returned with every result."""

from __future__ import annotations

from kvmcheck.api import check_texts
from kvmcheck.rules._examples import diff, patch

FIXES = (
    'Fixes: 0123456789ab ("KVM: x86: Add foo")\nSigned-off-by: Jane Developer <jane@example.org>'
)


def items(*texts: str, lang: str = "en") -> dict[str, dict]:
    result = check_texts([(f"{i}.patch", t) for i, t in enumerate(texts)], lang=lang)
    return {item["id"]: item for item in result["series"]["checklist"]}


def test_always_build_and_run_tests_for_kvm() -> None:
    found = items(patch(diffs=diff(path="arch/x86/kvm/vmx/vmx.c")))
    assert {"build", "run-tests"} <= set(found)
    assert "KVM_INTEL=m KVM_AMD=m KVM_WERROR=y" in found["build"]["item"]
    assert found["build"]["section"] == "maintainer-kvm-x86#testing"
    assert found["build"]["url"] == "handbook/en/maintainer-kvm-x86.html#testing"


def test_mmu_changes_ask_for_tdp_disabled() -> None:
    assert "tdp-disabled" in items(patch(diffs=diff(path="arch/x86/kvm/mmu/mmu.c")))
    assert "tdp-disabled" not in items(patch(diffs=diff(path="arch/x86/kvm/vmx/vmx.c")))


def test_module_param_code() -> None:
    text = patch(diffs=diff(path="arch/x86/kvm/vmx/vmx.c", added="\tif (enable_ept)\n\t\tfoo();"))
    assert "module-params" in items(text)


def test_rst_changes_ask_for_htmldocs() -> None:
    assert "htmldocs" in items(patch(diffs=diff(path="Documentation/virt/kvm/api.rst")))


def test_intel_and_amd() -> None:
    assert "intel-and-amd" in items(patch(diffs=diff(path="arch/x86/kvm/x86.c")))
    assert "intel-and-amd" in items(
        patch(diffs=diff(path="arch/x86/kvm/vmx/vmx.c") + diff(path="arch/x86/kvm/svm/svm.c"))
    )
    assert "intel-and-amd" not in items(patch(diffs=diff(path="arch/x86/kvm/vmx/vmx.c")))


def test_features_and_fixes() -> None:
    feature = patch(
        diffs=diff(path="include/uapi/linux/kvm.h", added="#define KVM_CAP_FOO 240", removed="")
    )
    assert "negative-tests" in items(feature)
    found = items(patch(trailers=FIXES), lang="zh_CN")
    assert found["reproducer"]["section"] == "maintainer-kvm-x86#bug-fixes"
    assert "复现" in found["reproducer"]["item"]


def test_non_kvm_series_gets_no_kvm_items() -> None:
    found = items(patch(subject="drm/foo: Fix bar", diffs=diff(path="drivers/gpu/drm/foo.c")))
    assert not found


def test_kvm_unit_tests_series_runs_the_tests() -> None:
    found = items(patch(subject="x86: Test foo", diffs=diff(path="x86/foo.c")))
    assert set(found) == {"run-tests"}
