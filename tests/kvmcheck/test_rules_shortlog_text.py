"""Shortlog rules on the words after the prefix: shortlog-capitalization,
shortlog-vague, shortlog-trailing-punctuation, shortlog-too-long
(kvmcheck/rules/shortlog_text.py)."""

from __future__ import annotations

import pytest
from rule_cases import rule_case_test

from kvmcheck.rules._examples import diff, patch

VMX = diff(path="arch/x86/kvm/vmx/vmx.c")


def subject(shortlog: str, diffs: str | None = None) -> str:
    return patch(subject=shortlog, diffs=diffs)


CASES = [
    ("shortlog-capitalization", subject("KVM: x86: fix foo"), True),
    ("shortlog-capitalization", subject("KVM: x86: kvm_get_foo() rejects bad indices"), False),
    ("shortlog-capitalization", subject("KVM: VMX: x2APIC is never enabled", VMX), False),
    ("shortlog-capitalization", subject("KVM: x86: Fix foo"), False),
    ("shortlog-trailing-punctuation", subject("KVM: x86: Fix foo."), True),
    ("shortlog-trailing-punctuation", subject("KVM: x86: Fix foo!"), True),
    ("shortlog-trailing-punctuation", subject("KVM: x86: Fix foo()"), False),
    ("shortlog-too-long", subject("KVM: x86: " + "x" * 70), True),
    ("shortlog-too-long", subject("KVM: x86: " + "x" * 65), False),
]


test_rule = rule_case_test(CASES)


def test_too_long_is_info_to_80_then_an_error(fired) -> None:
    """The handbook: 75 is a firm-but-not-hard limit, 80 the hard one."""
    assert not fired("shortlog-too-long", subject("KVM: x86: " + "x" * 65))  # 75
    (first,) = fired("shortlog-too-long", subject("KVM: x86: " + "x" * 66))  # 76
    (last,) = fired("shortlog-too-long", subject("KVM: x86: " + "x" * 70))  # 80
    (error,) = fired("shortlog-too-long", subject("KVM: x86: " + "x" * 71))  # 81
    assert (first["severity"], last["severity"], error["severity"]) == ("info", "info", "error")
    (error,) = fired("shortlog-too-long", subject("KVM: x86: " + "x" * 72))  # 82
    assert "82" in error["message"]


def test_too_long_counts_without_the_patch_tag(fired) -> None:
    text = patch(subject="KVM: x86: " + "x" * 64).replace("[PATCH]", "[PATCH v12 100/100]")
    assert not fired("shortlog-too-long", text)


@pytest.mark.parametrize(
    ("description", "fires"),
    [
        ("Fix a bug in kvm_get_foo()", True),
        ("Fix issue with the lapic timer", True),
        ("Fix issue #123", True),
        ("Fix bugs", True),
        ("Fix CVE-2021-1234", True),
        ("fix for x2avic CVE-2023-5090", True),
        ("Minor fixes", True),
        ("Cleanups", True),
        ("Update x86.c", True),
        ("kvm_get_foo()", True),
        ("correct comment description issue", True),  # kvm-vmx-comment-loaded-vmcs
        ("duplicate code", True),  # kvm-mmu-duplicate-code-comment
        ("Redundant checks", True),
        ("Drop duplicate code in kvm_get_foo()", False),
        ("Fix comment typo in kvm_get_foo()", False),
        ("Fix crash due to uninitialized current_vmcs", False),  # accepted upstream
        ("Fix a bug where the guest hangs on INIT", False),
        ("Fix an issue in kvm_get_foo() when L2 exits", False),
        ("Fix error handling in kvm_get_foo()", False),
        ("Fix errors reported by sparse", False),
        ("Reject unknown indices in kvm_get_foo()", False),
    ],
)
def test_vague_shortlogs(fired, description: str, fires: bool) -> None:
    assert bool(fired("shortlog-vague", subject(f"KVM: x86: {description}"))) == fires


@pytest.mark.parametrize(
    ("description", "english", "chinese"),
    [
        (
            "Fix a bug in kvm_get_foo()",
            "'Fix a bug in kvm_get_foo()' does not say which bug: name what the fix does or what "
            "went "
            "wrong, e.g. 'Don't read past the end of foo[] in kvm_get_foo()'.",
            "'Fix a bug in kvm_get_foo()' 没有说明是哪个 bug：请写出修复做了什么，或者出了什么问题"
            "，"
            "例如 'Don't read past the end of foo[] in kvm_get_foo()'。",
        ),
        (
            "CVE-2021-1234",
            "Don't put a CVE id in the shortlog ('CVE-2021-1234'): say what the patch changes; the "
            "id can go in the changelog.",
            "标题行里不要写 CVE 编号（'CVE-2021-1234'）：请说明补丁改了什么，编号可以写进变更日志"
            "。",
        ),
        (
            "kvm_get_foo()",
            "'kvm_get_foo()' is only a name: say what changes in it, e.g. 'Reject unknown indices "
            "in "
            "kvm_get_foo()'.",
            "'kvm_get_foo()' 只是一个名字：请说明它哪里变了，例如 'Reject unknown indices in "
            "kvm_get_foo()'。",
        ),
        (
            "Minor fixes",
            "'Minor fixes' does not say what the patch changes: name the change itself, e.g. "
            "'Reject "
            "unknown indices in kvm_get_foo()'.",
            "'Minor fixes' 没有说明补丁改了什么：请直接写出改动本身，"
            "例如 'Reject unknown indices in kvm_get_foo()'。",
        ),
        (
            "duplicate code",
            "'duplicate code' does not say what the patch changes: name the change itself, e.g. "
            "'Reject unknown indices in kvm_get_foo()'.",
            "'duplicate code' 没有说明补丁改了什么：请直接写出改动本身，"
            "例如 'Reject unknown indices in kvm_get_foo()'。",
        ),
        (
            "correct comment description issue",
            "'correct comment description issue' does not say which bug: name what the fix does or "
            "what went wrong, e.g. 'Don't read past the end of foo[] in kvm_get_foo()'.",
            "'correct comment description issue' 没有说明是哪个 bug：请写出修复做了什么，"
            "或者出了什么问题，例如 'Don't read past the end of foo[] in kvm_get_foo()'。",
        ),
    ],
)
def test_vague_shortlog_messages(fired, description: str, english: str, chinese: str) -> None:
    text = subject(f"KVM: x86: {description}")
    (finding,) = fired("shortlog-vague", text)
    assert (finding["severity"], finding["line"], finding["fixable"]) == ("warning", 3, False)
    assert finding["message"] == english
    assert fired("shortlog-vague", text, lang="zh_CN")[0]["message"] == chinese
