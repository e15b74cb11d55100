"""Posting rules: base-commit-missing, kvm-unit-tests-mixed, selftests-missing,
series-numbering (kvmcheck/rules/posting.py)."""

from __future__ import annotations

from rule_cases import rule_case_test

from kvmcheck.rules._examples import diff, patch

KUT = patch(subject="x86: Test foo", diffs=diff(path="x86/foo.c"))
KUT_TAGGED = patch(subject="nVMX: Test foo", diffs=diff(path="lib/x86/vmx.h")).replace(
    "[PATCH]", "[kvm-unit-tests PATCH]")
SELFTEST = diff(path="tools/testing/selftests/kvm/x86/foo_test.c", added="\tfoo();", removed="")
NEW_CAP = diff(path="include/uapi/linux/kvm.h", added="#define KVM_CAP_FOO 240", removed="")
FIXES = 'Fixes: 0123456789ab ("KVM: x86: Add kvm_get_foo()")\n'
SOB = "Signed-off-by: Jane Developer <jane@example.org>"


def numbered(text: str, tag: str) -> str:
    return text.replace("[PATCH]", f"[PATCH {tag}]")


CASES = [
    ("base-commit-missing", patch(base=False), True),
    ("base-commit-missing", patch(), False),
    ("base-commit-missing", patch(base=False, diffs=diff(path="drivers/foo.c"),
                                  subject="drm/foo: Fix bar"), False),
    ("kvm-unit-tests-mixed", patch() + KUT, True),
    ("kvm-unit-tests-mixed", patch() + KUT_TAGGED, True),
    ("kvm-unit-tests-mixed", KUT + KUT_TAGGED, False),
    ("kvm-unit-tests-mixed", patch(), False),
    ("kvm-unit-tests-mixed", patch(subject="lib: Fix string helper",
                                   diffs=diff(path="lib/string.c")), False),
    ("selftests-missing", patch(diffs=NEW_CAP), True),
    ("selftests-missing", patch(trailers=FIXES + SOB), True),
    ("selftests-missing", patch(diffs=NEW_CAP + SELFTEST), False),
    ("selftests-missing", patch(diffs=NEW_CAP).replace("[PATCH]", "[RFC PATCH]"), False),
    ("selftests-missing", patch(), False),
    ("series-numbering", numbered(patch(), "1/2") + numbered(patch(), "2/3"), True),
    ("series-numbering", numbered(patch(), "v2 1/2") + numbered(patch(), "v3 2/2"), True),
    ("series-numbering", numbered(patch(), "1/2") + numbered(patch(), "1/2"), True),
    ("series-numbering", numbered(patch(), "0/3") + numbered(patch(), "1/3")
     + numbered(patch(), "3/3"), True),
    ("series-numbering", numbered(patch(), "3/2"), True),
    ("series-numbering", numbered(patch(), "v2 0/2") + numbered(patch(), "v2 1/2")
     + numbered(patch(), "v2 2/2"), False),
    ("series-numbering", numbered(patch(), "4/7"), False),  # b4 checks one patch at a time
]


test_rule = rule_case_test(CASES)


def test_several_files_are_one_series(fired) -> None:
    assert fired("kvm-unit-tests-mixed", [patch(), KUT])
    assert fired("series-numbering", [numbered(patch(), "1/3"), numbered(patch(), "2/3")]) == []


def test_mixed_series_points_at_the_kvm_unit_tests_patch(fired) -> None:
    (finding,) = fired("kvm-unit-tests-mixed", [patch(), KUT])
    assert finding["line"] == 3
    assert finding["severity"] == "error"


def test_gap_names_the_missing_patches(fired) -> None:
    text = numbered(patch(), "0/4") + numbered(patch(), "1/4") + numbered(patch(), "4/4")
    (finding,) = fired("series-numbering", text)
    assert "2, 3" in finding["message"]
