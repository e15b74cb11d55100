"""kvm-unit-tests rules: kut-subject-tag-missing, kut-shortlog-arch-prefix
(kvmcheck/rules/kvm_unit_tests.py)."""

from __future__ import annotations

import pytest
from rule_cases import rule_case_test

from kvmcheck.api import check_texts
from kvmcheck.fix import fix_text
from kvmcheck.results import all_findings
from kvmcheck.rules._examples import diff, patch

X86 = diff(path="x86/msr.c", context="int main(int ac, char **av)")
X86_LIB = diff(path="lib/x86/processor.h", context="static inline u64 rdmsr(u32 index)")
RISCV = diff(path="riscv/Makefile", context="cflatobjs += lib/riscv/sbi.o")
S390X = diff(path="lib/s390x/asm/arch_def.h", context="struct psw {") + diff(
    path="s390x/cstart64.S", context="initial_psw:"
)
ARM = diff(path="arm/psci.c", context="int main(void)")
ARM64_LIB = diff(path="lib/arm64/processor.c", context="void do_handle_sync(void)")
PPC64_LIB = diff(path="lib/ppc64/processor.c", context="void do_handle_exception(void)")
COMMON = diff(path="scripts/runtime.bash", context="function run()")
KERNEL = diff(path="arch/x86/kvm/x86.c")
TO_LIST = "To: kvm@vger.kernel.org\n"


def kut(shortlog: str, diffs: str, tag: str = "PATCH", headers: str = TO_LIST) -> str:
    """A kvm-unit-tests patch with ``tag`` in its brackets."""
    return patch(subject=shortlog, diffs=diffs, headers=headers).replace("[PATCH]", f"[{tag}]")


TAGGED = "kvm-unit-tests PATCH"

CASES = [
    # rule, text, fires
    ("kut-subject-tag-missing", kut("x86: msr: Test reserved bits", X86), True),
    ("kut-subject-tag-missing", kut("x86: Add a helper", X86_LIB, tag="PATCH v2 1/3"), True),
    ("kut-subject-tag-missing", kut("x86: Add a helper", X86_LIB, headers=""), True),  # info
    ("kut-subject-tag-missing", kut("scripts: Quote the test name", COMMON), True),
    ("kut-subject-tag-missing", kut("x86: msr: Test reserved bits", X86, tag=TAGGED), False),
    ("kut-subject-tag-missing", kut("x86: msr: Test it", X86, tag="PATCH kvm-unit-tests"), False),
    (
        "kut-subject-tag-missing",
        kut("x86: msr: Test it", X86, tag="kvm-unit-tests PATCH v3"),
        False,
    ),
    ("kut-subject-tag-missing", kut("KVM: x86: Reject unknown indices", KERNEL), False),
    ("kut-shortlog-arch-prefix", kut("build: Work around old Make", RISCV, tag=TAGGED), True),
    ("kut-shortlog-arch-prefix", kut("Define the PSW bits", S390X, tag=TAGGED), True),
    ("kut-shortlog-arch-prefix", kut("arm:Add a CPU_OFF test", ARM, tag=TAGGED), True),
    ("kut-shortlog-arch-prefix", kut("processor: Fix the vector", ARM64_LIB, tag=TAGGED), True),
    ("kut-shortlog-arch-prefix", kut("riscv: build: Work around Make", RISCV, tag=TAGGED), False),
    ("kut-shortlog-arch-prefix", kut("s390x: Define the PSW bits", S390X, tag=TAGGED), False),
    ("kut-shortlog-arch-prefix", kut("lib: s390x: Define the PSW bits", S390X), False),
    ("kut-shortlog-arch-prefix", kut("lib/s390x: Define the PSW bits", S390X), False),
    ("kut-shortlog-arch-prefix", kut("arm/arm64: Add a CPU_OFF test", ARM), False),
    ("kut-shortlog-arch-prefix", kut("arm64: Fix the vector", ARM64_LIB), False),
    ("kut-shortlog-arch-prefix", kut("processor: Fix the vector", PPC64_LIB), True),
    ("kut-shortlog-arch-prefix", kut("powerpc: Fix the vector", PPC64_LIB, tag=TAGGED), False),
    ("kut-shortlog-arch-prefix", kut("arm/run: Pass the CPU type", ARM), False),
    # x86 takes 'nVMX:', 'svm:', test names and no prefix at all: not checked.
    ("kut-shortlog-arch-prefix", kut("pmu_lbr: Drop a check", X86, tag=TAGGED), False),
    # More than one architecture, or common code: no one architecture to name.
    ("kut-shortlog-arch-prefix", kut("lib: Fix the allocator", RISCV + S390X), False),
    ("kut-shortlog-arch-prefix", kut("scripts: Quote the test name", COMMON + RISCV), False),
]

test_rule = rule_case_test(CASES)


def test_posting_without_the_tag_is_a_warning_in_both_languages(fired) -> None:
    text = kut("x86: msr: Test reserved bits", X86)
    (finding,) = fired("kut-subject-tag-missing", text)
    assert (finding["severity"], finding["line"], finding["fixable"]) == ("warning", 3, True)
    assert finding["message"] == (
        "This is a kvm-unit-tests patch, but its subject's brackets do not say so: post it as "
        "'[kvm-unit-tests PATCH]' (git format-patch --subject-prefix=\"kvm-unit-tests PATCH\"), "
        "or reviewers take it for a kernel patch."
    )
    (chinese,) = fired("kut-subject-tag-missing", text, lang="zh_CN")
    assert chinese["message"] == (
        "这是 kvm-unit-tests 的补丁，邮件标题的方括号里却没有写明：请以 '[kvm-unit-tests PATCH]' "
        '投递（git format-patch --subject-prefix="kvm-unit-tests PATCH"），'
        "否则审阅者会把它当成内核补丁。"
    )


@pytest.mark.parametrize("tag", ["PATCH 2/4", "PATCH v2", "RFC PATCH", "PATCH RESEND"])
def test_a_numbered_or_versioned_mail_is_a_posting(fired, tag: str) -> None:
    (finding,) = fired("kut-subject-tag-missing", kut("x86: Add a helper", X86, tag, headers=""))
    assert finding["severity"] == "warning"


def test_an_exported_commit_only_draws_a_reminder(fired) -> None:
    """'git format-patch' of a commit, not addressed to anyone: the accepted
    kvm-unit-tests commits look like this, so it is not held against them."""
    text = kut("x86: Add a helper", X86_LIB, headers="")
    (finding,) = fired("kut-subject-tag-missing", text)
    assert finding["severity"] == "info"
    assert finding["message"] == (
        "When you post this kvm-unit-tests patch, tag it '[kvm-unit-tests PATCH]': run "
        "'git config format.subjectPrefix \"kvm-unit-tests PATCH\"' once in your "
        "kvm-unit-tests clone."
    )
    (chinese,) = fired("kut-subject-tag-missing", text, lang="zh_CN")
    assert chinese["message"] == (
        "投递这个 kvm-unit-tests 补丁时，标题要写 '[kvm-unit-tests PATCH]'："
        "在你的 kvm-unit-tests 仓库里运行一次 "
        "'git config format.subjectPrefix \"kvm-unit-tests PATCH\"' 即可。"
    )


@pytest.mark.parametrize(
    ("tag", "fixed_tag"),
    [
        ("PATCH", "kvm-unit-tests PATCH"),
        ("PATCH v2 1/3", "kvm-unit-tests PATCH v2 1/3"),
        ("RFC PATCH", "RFC kvm-unit-tests PATCH"),
    ],
)
def test_the_fix_adds_the_tag(tag: str, fixed_tag: str) -> None:
    text = kut("x86: msr: Test reserved bits", X86, tag)
    fixed, _count = fix_text(text)
    assert f"Subject: [{fixed_tag}] x86: msr: Test reserved bits\n" in fixed
    found = all_findings(check_texts([("fixed.patch", fixed)]))
    assert not [f for f in found if f["rule"].startswith("kut-")]


def test_missing_arch_prefix_names_the_architecture_in_both_languages(fired) -> None:
    text = kut("build: Work around old Make", RISCV, tag=TAGGED)
    (finding,) = fired("kut-shortlog-arch-prefix", text)
    assert (finding["severity"], finding["line"], finding["fixable"]) == ("warning", 3, True)
    assert finding["message"] == (
        "This kvm-unit-tests patch changes only riscv code (riscv/Makefile): start the shortlog "
        "with 'riscv:', as in 'riscv: build: Work around old Make'."
    )
    (chinese,) = fired("kut-shortlog-arch-prefix", text, lang="zh_CN")
    assert chinese["message"] == (
        "这个 kvm-unit-tests 补丁只改动了 riscv 的代码（riscv/Makefile）：标题行要以 'riscv:' "
        "开头，例如 'riscv: build: Work around old Make'。"
    )


def test_arm64_library_code_suggests_arm64(fired) -> None:
    (finding,) = fired("kut-shortlog-arch-prefix", kut("processor: Fix it", ARM64_LIB))
    assert "start the shortlog with 'arm64:'" in finding["message"]


def test_a_glued_prefix_asks_for_the_space_in_both_languages(fired) -> None:
    text = kut("arm:Add a CPU_OFF test", ARM, tag=TAGGED)
    (finding,) = fired("kut-shortlog-arch-prefix", text)
    assert finding["message"] == (
        "Put a space after the architecture's colon: 'arm: Add', not 'arm:Add'."
    )
    (chinese,) = fired("kut-shortlog-arch-prefix", text, lang="zh_CN")
    assert (
        chinese["message"]
        == "体系结构前缀的冒号后面要有一个空格：写 'arm: Add'，不要写 'arm:Add'。"
    )


@pytest.mark.parametrize(
    ("shortlog", "diffs", "fixed_shortlog"),
    [
        ("build: Work around old Make", RISCV, "riscv: build: Work around old Make"),
        ("Define the PSW bits", S390X, "s390x: Define the PSW bits"),
        ("arm:Add a CPU_OFF test", ARM, "arm: Add a CPU_OFF test"),
    ],
)
def test_the_fix_writes_the_architecture(shortlog: str, diffs: str, fixed_shortlog: str) -> None:
    text = kut(shortlog, diffs, tag=TAGGED)
    fixed, _count = fix_text(text)
    assert f"Subject: [kvm-unit-tests PATCH] {fixed_shortlog}\n" in fixed
    found = all_findings(check_texts([("fixed.patch", fixed)]))
    assert not [f for f in found if f["rule"].startswith("kut-")]


def test_kernel_rules_stay_off_kvm_unit_tests_patches(fired) -> None:
    """The kvm-unit-tests rules read only kvm-unit-tests patches, and the
    kernel's 'KVM:' prefix rules do not read those."""
    text = kut("build: Work around old Make", RISCV)
    assert fired("shortlog-prefix-missing", text) == []
    assert fired("kut-subject-tag-missing", patch()) == []
    assert fired("kut-shortlog-arch-prefix", patch()) == []
