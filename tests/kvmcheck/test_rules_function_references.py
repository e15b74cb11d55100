"""Function-reference rules: function-reference-parens
(kvmcheck/rules/function_references.py)."""

from __future__ import annotations

from rule_cases import rule_case_test

from kvmcheck.rules._examples import diff, patch


def body(text: str) -> str:
    return patch(body=text)


CASES = [
    (
        "function-reference-parens",
        body("Make kvm_get_foo return -EINVAL for unknown indices."),
        True,
    ),
    (
        "function-reference-parens",
        patch(subject="KVM: x86: Reject unknown indices in kvm_get_foo"),
        True,
    ),
    (
        "function-reference-parens",
        body("Make kvm_get_foo() return -EINVAL for unknown indices."),
        False,
    ),
    ("function-reference-parens", body("Check the index in struct kvm_get_foo before use."), False),
    (
        "function-reference-parens",
        body('Reject bad indices, fixing commit 0123456789ab ("KVM: x86: Add kvm_get_foo").'),
        False,
    ),
]


test_rule = rule_case_test(CASES)


def test_function_reference_names_the_function(fired) -> None:
    (finding,) = fired(
        "function-reference-parens", body("Make kvm_get_foo return -EINVAL for unknown indices.")
    )
    assert "'kvm_get_foo()'" in finding["message"]
    assert finding["line"] == 5


def test_function_reference_ignores_function_pointer_types(fired) -> None:
    text = patch(
        body="Store the gpa_t of the fault, not a gva_t.",
        diffs=diff(
            added="\tgpa_t (*translate)(struct kvm_vcpu *vcpu, gpa_t gpa);",
            removed="\tgva_t (*translate)(struct kvm_vcpu *vcpu, gva_t gva);",
        ),
    )
    assert not fired("function-reference-parens", text)
