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
    ("shortlog-prefix-unknown-topic", subject("KVM: lapic: Fix foo"), True),
    ("shortlog-prefix-unknown-topic", subject("KVM: speculation: Fix foo"), True),
    ("shortlog-prefix-unknown-topic", subject("KVM: x86/vmx: Fix foo", VMX), True),
    (
        "shortlog-prefix-unknown-topic",
        subject("KVM: SEV: Fix foo", diff(path="arch/x86/kvm/svm/sev.c")),
        False,
    ),
    (
        "shortlog-prefix-unknown-topic",
        subject("KVM: guest_memfd: Fix foo", diff(path="virt/kvm/guest_memfd.c")),
        False,
    ),
    ("shortlog-prefix-unknown-topic", subject("KVM: Fix foo", COMMON), False),
    ("shortlog-topic-mismatch", subject("KVM: VMX: Fix foo", SVM), True),
    ("shortlog-topic-mismatch", subject("KVM: VMX: Fix foo", VMX + SVM), True),
    ("shortlog-topic-mismatch", subject("KVM: x86: Fix foo", SELFTEST), False),  # -selftests
    ("shortlog-prefix-selftests", subject("KVM: x86: Fix foo", SELFTEST), True),
    ("shortlog-topic-mismatch", subject("KVM: VMX: Fix foo", NESTED_VMX), False),  # -nested
    ("shortlog-prefix-nested", subject("KVM: VMX: Fix foo", NESTED_VMX), True),
    ("shortlog-topic-mismatch", subject("KVM: nVMX: Fix foo", NESTED_VMX), False),
    ("shortlog-topic-mismatch", subject("KVM: VMX: Fix foo", NESTED_VMX + VMX), False),
    ("shortlog-prefix-space", subject("KVM:SVM: Fix foo", SVM), True),
    ("shortlog-prefix-space", subject("KVM: SVM:Fix foo", SVM), True),
    ("shortlog-prefix-space", subject("KVM: SVM: Fix foo", SVM), False),
    ("shortlog-prefix-space", subject("KVM: x86: Fix foo::bar in kvm_get_foo()"), False),
    ("shortlog-prefix-stacked", subject("KVM: x86: SVM: Fix foo", SVM), True),
    ("shortlog-prefix-stacked", subject("x86: KVM: SVM: Fix foo", SVM), True),
    ("shortlog-prefix-stacked", subject("selftests: kvm: Add foo test", SELFTEST), False),
    ("shortlog-prefix-selftests", subject("selftests: kvm: Add foo test", SELFTEST), True),
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
    ("shortlog-topic-mismatch", subject("KVM: x86: Fix foo", VMX + SVM), False),
    ("shortlog-topic-mismatch", subject("KVM: x86/mmu: Fix foo", MMU + VMX), False),
    ("shortlog-topic-mismatch", subject("KVM: x86: Fix foo", VMX + SELFTEST), False),
    ("shortlog-topic-mismatch", subject("KVM: x86/pmu: Fix foo", VMX), False),
    (
        "shortlog-topic-mismatch",
        subject("KVM: x86: Fix foo", diff(path="arch/x86/kvm/vmx/pmu_intel.c")),
        False,
    ),
    (
        "shortlog-topic-mismatch",
        subject("KVM: x86/mmu: Fix foo", diff(path="arch/x86/kvm/xen.c")),
        True,
    ),
    (
        "shortlog-topic-mismatch",
        subject("KVM: VMX: Fix foo", diff(path="arch/x86/kvm/svm.c")),
        True,
    ),  # old layout
    ("shortlog-capitalization", subject("KVM: x86: fix foo"), True),
    ("shortlog-capitalization", subject("KVM: x86: kvm_get_foo() rejects bad indices"), False),
    ("shortlog-capitalization", subject("KVM: VMX: x2APIC is never enabled", VMX), False),
    ("shortlog-capitalization", subject("KVM: x86: Fix foo"), False),
    ("shortlog-trailing-punctuation", subject("KVM: x86: Fix foo."), True),
    ("shortlog-trailing-punctuation", subject("KVM: x86: Fix foo!"), True),
    ("shortlog-trailing-punctuation", subject("KVM: x86: Fix foo()"), False),
    ("shortlog-too-long", subject("KVM: x86: " + "x" * 70), True),
    ("shortlog-too-long", subject("KVM: x86: " + "x" * 65), False),
    # git revert's subject quotes the reverted title: no prefix of its own.
    ("shortlog-prefix-missing", subject('Revert "KVM: x86: Fix foo"'), False),
    ("shortlog-prefix-case", subject('Revert "kvm: x86: fix foo"'), False),
    ("shortlog-topic-mismatch", subject('Revert "KVM: SVM: Fix foo"', VMX), False),
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


def test_topic_mismatch_suggests_the_common_parent(fired) -> None:
    (finding,) = fired("shortlog-topic-mismatch", subject("KVM: VMX: Fix foo", VMX + SVM))
    assert "'KVM: x86:'" in finding["message"]
    assert finding["severity"] == "info"


def test_other_architectures_get_an_info(fired) -> None:
    (finding,) = fired(
        "shortlog-prefix-unknown-topic",
        subject("KVM: arm64: Fix foo", diff(path="arch/arm64/kvm/arm.c")),
    )
    assert finding["severity"] == "info"
    assert "arm64" in finding["message"]


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


@pytest.mark.parametrize(
    ("shortlog", "diffs", "suggestion"),
    [
        ("KVM: nVMX: Fix foo", SVM, "KVM: SVM:"),  # the other vendor
        ("KVM: selftests: Fix foo", VMX, "KVM: VMX:"),  # selftests scope on the kernel
        ("KVM: x86: Fix foo", MMU, "KVM: x86/mmu:"),  # one subsystem's files only
        ("KVM: Fix foo", diff(path="arch/x86/kvm/x86.c"), "KVM: x86:"),  # x86 code
        ("KVM: x86: Fix foo", VMX, "KVM: VMX:"),  # one vendor's files only
        ("KVM: x86: Fix foo", SVM, "KVM: SVM:"),
    ],
)
def test_clear_topic_mismatches_are_warnings_fixed_to_the_files_topic(
    fired, shortlog, diffs, suggestion
) -> None:
    text = subject(shortlog, diffs)
    (finding,) = fired("shortlog-topic-mismatch", text)
    typed = shortlog.rsplit(":", 1)[0] + ":"
    assert finding["severity"] == "warning"
    assert finding["message"] == (
        f"'{typed}' does not match the files this patch touches; "
        f"their common topic is '{suggestion}'."
    )
    (chinese,) = fired("shortlog-topic-mismatch", text, lang="zh_CN")
    assert chinese["message"] == (
        f"'{typed}' 与本补丁改动的文件不符，这些文件共同的主题是 '{suggestion}'。"
    )
    fixed, _count = fix_text(text)
    assert f"Subject: [PATCH] {suggestion} {shortlog.rsplit(': ', 1)[1]}\n" in fixed


@pytest.mark.parametrize(
    ("shortlog", "diffs"),
    [
        ("KVM: SEV-ES: Fix foo", diff(path="arch/x86/kvm/x86.c")),  # a feature's code in x86.c
        ("KVM: nSVM: Fix foo", MMU),  # the MMU, for nested
        ("KVM: SVM: Fix foo", SVM + VMX),  # a hook in the other vendor
    ],
)
def test_topics_near_the_files_are_only_hints(fired, shortlog, diffs) -> None:
    text = subject(shortlog, diffs)
    (finding,) = fired("shortlog-topic-mismatch", text)
    assert finding["severity"] == "info"
    assert not finding["fixable"]


@pytest.mark.parametrize(
    ("shortlog", "diffs", "right"),
    [
        ("selftests: kvm: Add foo test", SELFTEST, "KVM: selftests: Add foo test"),
        ("selftests/kvm: Add foo test", SELFTEST, "KVM: selftests: Add foo test"),
        ("KVM: selftest: Add foo test", SELFTEST, "KVM: selftests: Add foo test"),
        ("KVM: x86: Add foo test", SELFTEST, "KVM: selftests: Add foo test"),
        ("selftests: kvm: x86: Add foo test", SELFTEST, "KVM: selftests: Add foo test"),
    ],
)
def test_selftests_scope(fired, shortlog, diffs, right) -> None:
    text = subject(shortlog, diffs)
    (finding,) = fired("shortlog-prefix-selftests", text)
    wrong = shortlog.rsplit(": ", 1)[0] + ":"
    assert (finding["severity"], finding["line"]) == ("warning", 3)
    assert finding["message"] == f"'{wrong}' is not the selftests' prefix: write 'KVM: selftests:'."
    (chinese,) = fired("shortlog-prefix-selftests", text, lang="zh_CN")
    assert chinese["message"] == f"'{wrong}' 不是 selftests 的前缀：应写 'KVM: selftests:'。"
    fixed, _count = fix_text(text)
    assert f"Subject: [PATCH] {right}\n" in fixed
    assert not [f for f in check_fixed(fixed) if f["rule"].startswith("shortlog-prefix")]


def test_selftests_prefix_case_is_the_case_rule_s(fired) -> None:
    text = subject("kvm: selftests: Add foo test", SELFTEST)
    assert fired("shortlog-prefix-selftests", text) == []
    assert fired("shortlog-prefix-case", text)


@pytest.mark.parametrize(
    ("shortlog", "diffs", "right", "path"),
    [
        ("KVM: x86: Fix foo", COMMON, "KVM: Fix foo", "virt/kvm/kvm_main.c"),
        ("KVM: VMX: Fix foo", COMMON, "KVM: Fix foo", "virt/kvm/kvm_main.c"),
        (
            "KVM: x86: Fix foo",
            diff(path="virt/kvm/guest_memfd.c"),
            "KVM: guest_memfd: Fix foo",
            "virt/kvm/guest_memfd.c",
        ),
    ],
)
def test_common_code_is_plain_kvm(fired, shortlog, diffs, right, path) -> None:
    text = subject(shortlog, diffs)
    (finding,) = fired("shortlog-prefix-common", text)
    wrong = shortlog.rsplit(": ", 1)[0] + ":"
    prefix = right.rsplit(": ", 1)[0] + ":" if right.count(":") > 1 else "KVM:"
    assert finding["severity"] == "warning"
    assert finding["message"] == (
        f"This patch changes common KVM code only ({path}): write '{prefix}', not '{wrong}'."
    )
    (chinese,) = fired("shortlog-prefix-common", text, lang="zh_CN")
    assert chinese["message"] == (
        f"本补丁只改动了 KVM 的通用代码（{path}）：应写 '{prefix}'，不要写 '{wrong}'。"
    )
    fixed, _count = fix_text(text)
    assert f"Subject: [PATCH] {right}\n" in fixed
    assert fired("shortlog-topic-mismatch", text) == []


@pytest.mark.parametrize(
    ("shortlog", "diffs", "right", "english", "chinese"),
    [
        (
            "KVM: VMX: Fix foo",
            NESTED_VMX,
            "KVM: nVMX: Fix foo",
            "'KVM: VMX:' does not fit: the patch changes nested code only, so write 'KVM: nVMX:'.",
            "'KVM: VMX:' 不合适：本补丁只改动了嵌套虚拟化的代码，应写 'KVM: nVMX:'。",
        ),
        (
            "KVM: SVM: Fix foo",
            diff(path="arch/x86/kvm/svm/nested.c"),
            "KVM: nSVM: Fix foo",
            "'KVM: SVM:' does not fit: the patch changes nested code only, so write 'KVM: nSVM:'.",
            "'KVM: SVM:' 不合适：本补丁只改动了嵌套虚拟化的代码，应写 'KVM: nSVM:'。",
        ),
        (
            "KVM: VMX: Enable PKS for nested VM",
            NESTED_VMX + VMX,
            "KVM: nVMX: Enable PKS for nested VM",
            "'KVM: VMX:' does not fit: the shortlog says the change is for L2, so write 'KVM: "
            "nVMX:'.",
            "'KVM: VMX:' 不合适：标题行说明这是针对 L2 的改动，应写 'KVM: nVMX:'。",
        ),
        (
            "KVM: nVMX: Fix foo",
            VMX,
            "KVM: VMX: Fix foo",
            "'KVM: nVMX:' does not fit: the patch changes no nested code and its shortlog does not "
            "speak of L2, so write 'KVM: VMX:'.",
            "'KVM: nVMX:' 不合适：本补丁没有改动嵌套虚拟化的代码，标题行也没有提到 L2，"
            "应写 'KVM: VMX:'。",
        ),
    ],
)
def test_nested_scopes(fired, shortlog, diffs, right, english, chinese) -> None:
    text = subject(shortlog, diffs)
    (finding,) = fired("shortlog-prefix-nested", text)
    assert (finding["severity"], finding["message"]) == ("warning", english)
    assert fired("shortlog-prefix-nested", text, lang="zh_CN")[0]["message"] == chinese
    fixed, _count = fix_text(text)
    assert f"Subject: [PATCH] {right}\n" in fixed


@pytest.mark.parametrize(
    ("shortlog", "diffs"),
    [
        ("KVM: nVMX: Fix foo", NESTED_VMX + VMX),
        ("KVM: VMX: Fix foo", NESTED_VMX + VMX),
        ("KVM: nVMX: Fix L2 foo", VMX),
        ("KVM: nVMX: Filter foo", diff(path="arch/x86/kvm/vmx/evmcs.c")),
    ],
)
def test_nested_scopes_that_fit(fired, shortlog, diffs) -> None:
    assert fired("shortlog-prefix-nested", subject(shortlog, diffs)) == []


@pytest.mark.parametrize(
    ("shortlog", "diffs", "name", "right"),
    [
        ("KVM: lapic: Fix foo", diff(path="arch/x86/kvm/lapic.c"), "lapic", "KVM: x86: Fix foo"),
        ("KVM: LAPIC: Fix foo", diff(path="arch/x86/kvm/lapic.c"), "LAPIC", "KVM: x86: Fix foo"),
        ("KVM: MMU: Fix foo", MMU, "MMU", "KVM: x86/mmu: Fix foo"),
        (
            "KVM: vmenter: Use tabs",
            diff(path="arch/x86/kvm/vmx/vmenter.S"),
            "vmenter",
            "KVM: VMX: Use tabs",
        ),
        (
            "kvm: vmenter: Use tabs",
            diff(path="arch/x86/kvm/vmx/vmenter.S"),
            "vmenter",
            "KVM: VMX: Use tabs",
        ),
        (
            "KVM: kvm_get_foo: Fix foo",
            diff(added="\treturn kvm_get_foo(0);"),
            "kvm_get_foo",
            "KVM: x86: Fix foo",
        ),
    ],
)
def test_file_and_function_names_as_topic(fired, shortlog, diffs, name, right) -> None:
    text = subject(shortlog, diffs)
    (finding,) = fired("shortlog-prefix-unknown-topic", text)
    prefix = right.rsplit(": ", 1)[0] + ":"
    assert (finding["severity"], finding["fixable"]) == ("warning", True)
    assert finding["message"] == (
        f"'{name}' names a file or a function, not a topic: write '{prefix}'."
    )
    (chinese,) = fired("shortlog-prefix-unknown-topic", text, lang="zh_CN")
    assert chinese["message"] == f"'{name}' 是文件名或函数名，不是主题：应写 '{prefix}'。"
    fixed, _count = fix_text(text)
    assert f"Subject: [PATCH] {right}\n" in fixed


def test_other_unknown_topics_are_fixed_when_an_alias_decides(fired) -> None:
    text = subject("KVM: vmx/pmu: Fix foo", diff(path="arch/x86/kvm/vmx/pmu_intel.c"))
    (finding,) = fired("shortlog-prefix-unknown-topic", text)
    assert (finding["severity"], finding["fixable"]) == ("warning", True)
    assert finding["message"] == (
        "'vmx/pmu' is not a known KVM x86 topic; use an established "
        "one such as 'KVM: x86/pmu:' (propose a new topic on the list "
        "first)."
    )
    fixed, _count = fix_text(text)
    assert "Subject: [PATCH] KVM: x86/pmu: Fix foo\n" in fixed


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
