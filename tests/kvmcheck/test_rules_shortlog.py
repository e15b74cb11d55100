"""Shortlog rules: shortlog-* (kvmcheck/rules/shortlog.py)."""

from __future__ import annotations

import pytest
from rule_cases import rule_case_test

from kvmcheck.fix import fix_text
from kvmcheck.rules._examples import diff, patch

VMX = diff(path="arch/x86/kvm/vmx/vmx.c")
NESTED_VMX = diff(path="arch/x86/kvm/vmx/nested.c")
SVM = diff(path="arch/x86/kvm/svm/svm.c")
MMU = diff(path="arch/x86/kvm/mmu/mmu.c")
GUEST = diff(path="arch/x86/kernel/kvm.c")
SELFTEST = diff(path="tools/testing/selftests/kvm/x86/foo_test.c")
COMMON = diff(path="virt/kvm/kvm_main.c")
NON_KVM = diff(path="drivers/gpu/drm/foo.c")


def subject(shortlog: str, diffs: str | None = None) -> str:
    return patch(subject=shortlog, diffs=diffs)


CASES = [
    # rule, text, fires
    ("shortlog-missing", subject(""), True),
    ("shortlog-missing", subject("*** SUBJECT HERE ***"), True),
    ("shortlog-missing", subject("KVM: x86: Fix foo"), False),
    ("shortlog-prefix-missing", subject("Fix foo in kvm_get_foo()"), True),
    # KVM is there, in the wrong place: shortlog-prefix-stacked says so.
    ("shortlog-prefix-missing", subject("selftests: kvm: Add foo test", SELFTEST), False),
    ("shortlog-prefix-missing", subject("KVM:SVM: Fix foo", SVM), False),  # -space says so
    ("shortlog-prefix-missing", subject("KVM: x86: Fix foo"), False),
    ("shortlog-prefix-missing", subject("drm/foo: Fix foo", NON_KVM), False),
    ("shortlog-prefix-missing", subject("x86/cpufeatures: Add foo", VMX + NON_KVM), False),
    ("shortlog-prefix-missing", subject("x86/kvm: Fix foo"), False),  # x86-kvm reports it
    ("shortlog-prefix-case", subject("kvm: x86: Fix foo"), True),
    ("shortlog-prefix-case", subject("KVM: X86: Fix foo"), True),
    ("shortlog-prefix-case", subject("KVM: vmx: Fix foo", VMX), True),
    ("shortlog-prefix-case", subject("KVM: nvmx: Fix foo", NESTED_VMX), True),
    ("shortlog-prefix-case", subject("KVM: Selftests: Add foo", SELFTEST), True),
    ("shortlog-prefix-case", subject("KVM: x86/MMU: Fix foo", MMU), True),
    ("shortlog-prefix-case", subject("KVM: nVMX: Fix foo", NESTED_VMX), False),
    ("shortlog-prefix-case", subject("KVM: Fix foo", COMMON), False),
    ("shortlog-prefix-x86-kvm", subject("x86/kvm: Fix foo"), True),
    ("shortlog-prefix-x86-kvm", subject("KVM: x86/kvm: Fix foo"), True),
    ("shortlog-prefix-x86-kvm", subject("x86/kvm: Fix steal time", GUEST), False),
    ("shortlog-prefix-path", subject("KVM: x86/mmu/mmu.c: Fix foo", MMU), True),
    ("shortlog-prefix-path", subject("arch/x86/kvm/lapic.c: Fix foo"), True),
    ("shortlog-prefix-path", subject("KVM: vmx.c: Fix foo", VMX), True),
    ("shortlog-prefix-path", subject("KVM: x86/mmu: Fix foo", MMU), False),
    ("shortlog-prefix-space", subject("KVM:SVM: Fix foo", SVM), True),
    ("shortlog-prefix-space", subject("KVM: SVM:Fix foo", SVM), True),
    ("shortlog-prefix-space", subject("KVM: SVM: Fix foo", SVM), False),
    ("shortlog-prefix-space", subject("KVM: x86: Fix foo::bar in kvm_get_foo()"), False),
    ("shortlog-prefix-stacked", subject("KVM: x86: SVM: Fix foo", SVM), True),
    ("shortlog-prefix-stacked", subject("x86: KVM: SVM: Fix foo", SVM), True),
    ("shortlog-prefix-stacked", subject("selftests: kvm: Add foo test", SELFTEST), False),
    ("shortlog-prefix-stacked", subject("KVM: x86/mmu: Fix foo", MMU), False),
    (
        "shortlog-prefix-stacked",
        subject("KVM: nVMX: eVMCS: Fix foo", diff(path="arch/x86/kvm/vmx/evmcs.c")),
        False,
    ),
    (
        "shortlog-prefix-stacked",
        subject(
            "KVM: arm64: selftests: Fix foo", diff(path="tools/testing/selftests/kvm/arm64/a.c")
        ),
        False,
    ),
    # git revert's subject quotes the reverted title: no prefix of its own.
    ("shortlog-prefix-missing", subject('Revert "KVM: x86: Fix foo"'), False),
    ("shortlog-prefix-case", subject('Revert "kvm: x86: fix foo"'), False),
]


test_rule = rule_case_test(CASES)


def test_prefix_case_says_the_right_spelling(fired) -> None:
    (finding,) = fired("shortlog-prefix-case", subject("kvm: vmx: Fix foo", VMX))
    assert "'KVM: VMX:'" in finding["message"] and "'kvm: vmx:'" in finding["message"]
    assert finding["severity"] == "error"
    assert finding["line"] == 3


def test_prefix_case_on_unknown_topic_suggests_a_known_one(fired) -> None:
    (finding,) = fired("shortlog-prefix-case", subject("kvm: mmu: Fix foo", MMU))
    assert "'KVM: x86/mmu:'" in finding["message"]
    # A made-up topic that is no file or function name is the case rule's alone.
    assert not fired("shortlog-prefix-unknown-topic", subject("kvm: speculation: Fix foo", MMU))


@pytest.mark.parametrize(
    ("diffs", "prefix"),
    [
        (NESTED_VMX, "KVM: nVMX:"),
        (VMX, "KVM: VMX:"),
        (SVM, "KVM: SVM:"),
        (MMU, "KVM: x86/mmu:"),
        (diff(path="arch/x86/kvm/svm/nested.c"), "KVM: nSVM:"),
        (SELFTEST, "KVM: selftests:"),
        (diff(path="arch/x86/kvm/pmu.c"), "KVM: x86/pmu:"),
        (diff(path="arch/x86/kvm/xen.c"), "KVM: x86/xen:"),
        (VMX + SVM, "KVM: x86:"),
        (COMMON, "KVM:"),
    ],
)
def test_missing_prefix_suggests_the_topic_of_the_files(fired, diffs: str, prefix: str) -> None:
    (finding,) = fired("shortlog-prefix-missing", subject("Fix foo", diffs))
    assert f"'{prefix} Fix foo'" in finding["message"]


@pytest.mark.parametrize(
    ("prefix", "suggestion"),
    [
        ("KVM: x86/mmu/mmu.c:", "KVM: x86/mmu:"),
        ("KVM: vmx/nested.c:", "KVM: nVMX:"),
        ("arch/x86/kvm/svm/svm.c:", "KVM: SVM:"),
    ],
)
def test_path_prefix_in_a_bare_message_suggests_its_topic(fired, prefix, suggestion) -> None:
    message = f"{prefix} Fix foo\n\nFix foo.\n\nSigned-off-by: Jane Developer <jane@example.org>\n"
    (finding,) = fired("shortlog-prefix-path", message)
    assert f"'{suggestion}'" in finding["message"]


def test_kvm_unit_tests_prefixes_are_not_kvm_prefixes(check) -> None:
    text = patch(subject="nVMX: test foo", diffs=diff(path="x86/vmx_tests.c"))
    assert not [f for f in check(text) if f["rule"].startswith("shortlog-")]


def test_quoted_commit_title_is_not_a_shortlog(fired) -> None:
    text = patch(
        trailers='Fixes: 0123456789ab ("kvm: x86: fix foo.")\n'
        "Signed-off-by: Jane Developer <jane@example.org>"
    )
    for rule_id in (
        "shortlog-prefix-case",
        "shortlog-capitalization",
        "shortlog-trailing-punctuation",
    ):
        assert not fired(rule_id, text)


def test_stacked_scopes_name_the_topic_of_the_files_and_fix_it(fired) -> None:
    text = subject("KVM: x86: SVM: Fix foo", SVM)
    (finding,) = fired("shortlog-prefix-stacked", text)
    assert (finding["severity"], finding["line"], finding["fixable"]) == ("warning", 3, True)
    assert finding["message"] == (
        "'KVM: x86: SVM:' stacks scopes: write the one topic the change belongs to, 'KVM: SVM:'."
    )
    (chinese,) = fired("shortlog-prefix-stacked", text, lang="zh_CN")
    assert chinese["message"] == (
        "'KVM: x86: SVM:' 叠用了多个范围：只写改动所属的那一个主题，即 'KVM: SVM:'。"
    )
    fixed, _count = fix_text(text)
    assert "Subject: [PATCH] KVM: SVM: Fix foo\n" in fixed
    assert fix_text(fixed)[0] == fixed


@pytest.mark.parametrize(
    ("shortlog", "diffs", "right"),
    [
        ("x86: KVM: SVM: Fix foo", SVM, "KVM: SVM: Fix foo"),
        (
            "KVM: x86: nSVM: Fix foo",
            SVM + diff(path="arch/x86/kvm/svm/nested.c"),
            "KVM: nSVM: Fix foo",
        ),
        ("KVM: x86: nVMX: Fix foo", NESTED_VMX, "KVM: nVMX: Fix foo"),
    ],
)
def test_stacked_scopes_are_fixed_to_one_topic(fired, shortlog, diffs, right) -> None:
    assert fired("shortlog-prefix-stacked", subject(shortlog, diffs))
    fixed, _count = fix_text(subject(shortlog, diffs))
    assert f"Subject: [PATCH] {right}\n" in fixed
    assert not [f for f in check_fixed(fixed) if f["rule"].startswith("shortlog-prefix")]


def check_fixed(text: str) -> list[dict]:
    from kvmcheck.api import check_texts
    from kvmcheck.results import all_findings

    return all_findings(check_texts([("fixed.patch", text)]))


def test_kvm_after_another_scope_says_kvm_comes_first(fired) -> None:
    text = subject("x86: KVM: SVM: Fix foo", SVM)
    (finding,) = fired("shortlog-prefix-stacked", text)
    assert finding["message"] == (
        "'x86: KVM: SVM:' puts KVM after another scope: KVM patches "
        "start with 'KVM:', here 'KVM: SVM:'."
    )
    (chinese,) = fired("shortlog-prefix-stacked", text, lang="zh_CN")
    assert chinese["message"] == (
        "'x86: KVM: SVM:' 把 KVM 放在了别的范围后面：KVM 补丁以 'KVM:' 开头，这里应写 'KVM: SVM:'。"
    )


def test_stacked_scopes_in_a_bare_message_keep_the_most_specific(fired) -> None:
    message = (
        "KVM: x86: nVMX: Fix foo\n\nFix foo in the nested code.\n\n"
        "Signed-off-by: Jane Developer <jane@example.org>\n"
    )
    (finding,) = fired("shortlog-prefix-stacked", message)
    assert "'KVM: nVMX:'" in finding["message"]
    assert not finding["fixable"]  # no files to be sure by


def test_missing_space_in_the_prefix_is_fixed(fired) -> None:
    text = subject("KVM:SVM: Fix foo", SVM)
    (finding,) = fired("shortlog-prefix-space", text)
    assert (finding["severity"], finding["line"]) == ("warning", 3)
    assert finding["message"] == (
        "Put a space after each colon of the prefix: 'KVM: SVM:', not 'KVM:SVM:'."
    )
    (chinese,) = fired("shortlog-prefix-space", text, lang="zh_CN")
    assert chinese["message"] == (
        "前缀里每个冒号后面都要有一个空格：写 'KVM: SVM:'，不要写 'KVM:SVM:'。"
    )
    fixed, _count = fix_text(text)
    assert "Subject: [PATCH] KVM: SVM: Fix foo\n" in fixed
    assert not [f for f in check_fixed(fixed) if f["rule"].startswith("shortlog-")]


def test_selftests_prefix_case_is_the_case_rule_s(fired) -> None:
    text = subject("kvm: selftests: Add foo test", SELFTEST)
    assert fired("shortlog-prefix-selftests", text) == []
    assert fired("shortlog-prefix-case", text)
