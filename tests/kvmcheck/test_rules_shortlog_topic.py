"""Shortlog rules on the topic the prefix names: shortlog-prefix-unknown-topic,
shortlog-topic-mismatch, shortlog-prefix-selftests, -common, -nested
(kvmcheck/rules/shortlog_topic.py)."""

from __future__ import annotations

import pytest
from rule_cases import rule_case_test

from kvmcheck.fix import fix_text
from kvmcheck.rules._examples import diff, patch

VMX = diff(path="arch/x86/kvm/vmx/vmx.c")


NESTED_VMX = diff(path="arch/x86/kvm/vmx/nested.c")


SVM = diff(path="arch/x86/kvm/svm/svm.c")


MMU = diff(path="arch/x86/kvm/mmu/mmu.c")


SELFTEST = diff(path="tools/testing/selftests/kvm/x86/foo_test.c")
ARM64_SELFTEST = diff(path="tools/testing/selftests/kvm/aarch64/foo_test.c")
S390_SELFTEST = diff(path="tools/testing/selftests/kvm/s390x/foo_test.c")


COMMON = diff(path="virt/kvm/kvm_main.c")


def subject(shortlog: str, diffs: str | None = None) -> str:
    return patch(subject=shortlog, diffs=diffs)


def check_fixed(text: str) -> list[dict]:
    from kvmcheck.api import check_texts
    from kvmcheck.results import all_findings

    return all_findings(check_texts([("fixed.patch", text)]))


CASES = [
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
    ("shortlog-prefix-selftests", subject("selftests: kvm: Add foo test", SELFTEST), True),
    # Another architecture's selftests keep its maintainers' scope (Marc Zyngier's own
    # "KVM: arm64: selftests: get-reg-list: Add pauth configuration"), but not on x86 tests.
    ("shortlog-prefix-selftests", subject("KVM: arm64: selftests: Fix foo", ARM64_SELFTEST), False),
    ("shortlog-prefix-selftests", subject("KVM: s390: selftests: Fix foo", S390_SELFTEST), False),
    ("shortlog-prefix-selftests", subject("KVM: arm64: selftests: Fix foo", SELFTEST), True),
    (
        "shortlog-prefix-selftests",
        subject("KVM: arm64: selftests: Fix foo", ARM64_SELFTEST + SELFTEST),
        True,
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
    ("shortlog-topic-mismatch", subject('Revert "KVM: SVM: Fix foo"', VMX), False),
]


test_rule = rule_case_test(CASES)


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
