"""Changelog rules: changelog-*, imperative-mood (shortlog and changelog),
version-history-in-changelog (kvmcheck/rules/changelog.py)."""

from __future__ import annotations

import pytest
from rule_cases import rule_case_test

from kvmcheck.fix import fix_text
from kvmcheck.rules._examples import BODY, patch


def body(text: str) -> str:
    return patch(body=text)


def subject(shortlog: str) -> str:
    return patch(subject=shortlog)


CASES = [
    ("imperative-mood", subject("KVM: x86: Fixed foo"), True),
    ("imperative-mood", subject("KVM: x86: Adds foo"), True),
    ("imperative-mood", subject("KVM: x86: This patch fixes foo"), True),
    ("imperative-mood", body("This patch makes kvm_get_foo() reject bad indices."), True),
    ("imperative-mood", body("Fixes the index check in kvm_get_foo()."), True),
    ("imperative-mood", subject("KVM: x86: Fix foo"), False),
    ("changelog-missing", body(""), True),
    ("changelog-missing", body("    [  1.234] only a pasted log line"), True),
    ("changelog-missing", body(BODY), False),
    ("changelog-pronoun", body("Reject bad indices, otherwise we read past the end."), True),
    ("changelog-pronoun", body("Reject bad indices. I found this by inspection."), True),
    ("changelog-pronoun", body("Reject bad indices; your guest can crash."), True),
    ("changelog-pronoun", body("Reject bad indices, i.e. never read past the end."), False),
    ("changelog-pronoun", body("Reject bad I/O port indices.  I.e. check them first."), False),
    # "I" as a Roman numeral is not a pronoun.
    ("changelog-pronoun", body("Per the SDM Vol. I, bits 63:32 are reserved."), False),
    ("changelog-pronoun", body("Handle case I: the vCPU is not running."), False),
    ("changelog-pronoun", body("A Type I hypervisor reads bits I and II of FOO."), False),
    ("changelog-pronoun", body("Handle case I, which I missed before."), True),
    ("changelog-pronoun", body('Reject bad indices.  The SDM says "we reserve it".'), False),
    ("changelog-pronoun", body("Reject bad indices:\n\n  we hit this in a log line"), False),
    ("changelog-pronoun", body("Reject bad indices, see https://example.org/we/our"), False),
    ("changelog-pronoun", body("Reject bad indices on US and ME systems."), False),
    ("changelog-pronoun", body("Reject bad indices within 100 us of boot."), False),
    ("changelog-pronoun", body("Reject bad indices; let us not read past the end."), True),
    (
        "changelog-context-first",
        body("Currently, kvm_get_foo() trusts the index.\n\nReject unknown indices."),
        True,
    ),
    (
        "changelog-context-first",
        body("When userspace passes a bad index, KVM reads garbage.\n\nReturn -EINVAL."),
        True,
    ),
    (
        "changelog-context-first",
        body("Reject unknown indices.\n\nCurrently, kvm_get_foo() trusts the index."),
        False,
    ),
    ("changelog-context-first", body("Currently, kvm_get_foo() trusts the index."), False),
    ("changelog-line-too-long", body("x " * 38 + "end"), True),
    ("changelog-line-too-long", body("Reject unknown indices.\n\n\t" + "x" * 90), False),
    (
        "changelog-line-too-long",
        body("Reject unknown indices, see https://lore.kernel.org/all/" + "x" * 60),
        False,
    ),
    ("changelog-line-too-long", body(BODY), False),
    ("version-history-in-changelog", body(BODY + "\n\nv2: check the index first"), True),
    ("version-history-in-changelog", body(BODY + "\n\nChanges since v1:\n - check"), True),
    ("version-history-in-changelog", body(BODY + "\n\nv1 -> v2: check the index"), True),
    ("version-history-in-changelog", patch(notes="v2: check the index first"), False),
    ("version-history-in-changelog", body("Use the v2 layout of the foo table."), False),
]


test_rule = rule_case_test(CASES)


def test_imperative_mood_names_the_imperative(fired) -> None:
    (finding,) = fired("imperative-mood", subject("KVM: x86: Fixed foo"))
    assert "'Fix'" in finding["message"] and "'Fixed'" in finding["message"]


def test_pronoun_finding_per_line_with_its_line(fired) -> None:
    found = fired(
        "changelog-pronoun",
        body("Reject unknown indices.  We read past the end,\nand we must not."),
    )
    assert [f["line"] for f in found] == [5, 6]
    assert "'We'" in found[0]["message"]


def test_line_too_long_reports_the_length(fired) -> None:
    (finding,) = fired("changelog-line-too-long", body("x" * 80))
    assert "80" in finding["message"]


LONG_TITLE = "KVM: VMX: Require KVM_SET_TSS_ADDR being called prior to running a VCPU"


@pytest.mark.parametrize(
    "line",
    [
        # control-selftests-array-size-next: a tool's output, as checkpatch.pl exempts it.
        "./tools/testing/selftests/kvm/x86_64/debug_regs.c:169:32-33: WARNING: Use ARRAY_SIZE.",
        "arch/x86/kvm/vmx/vmx.c:1234:5: error: implicit declaration of function 'kvm_get_foo_bar'",
        # control-vmx-tss-addr-pr-warn: a commit's title is never split.
        f'("{LONG_TITLE}").',
        f'commit 4918c6ca6838 ("{LONG_TITLE}")',
    ],
)
def test_long_lines_that_are_not_wrappable_prose(fired, line: str) -> None:
    assert len(line) > 75
    assert fired("changelog-line-too-long", body(f"Reject unknown indices.\n\n{line}")) == []


def test_long_prose_around_a_title_or_path_is_still_reported(fired) -> None:
    first = "Reject unknown indices as the code in arch/x86/kvm/x86.c: does for other MSRs."
    second = f'See ("{LONG_TITLE}") too.'
    text = body(f"{first}\n{second}")
    english = [f["message"] for f in fired("changelog-line-too-long", text)]
    assert english == [
        f"This changelog line is {len(first)} characters long; wrap prose at 75 columns.",
        f"This changelog line is {len(second)} characters long; wrap prose at 75 columns.",
    ]
    chinese = [f["message"] for f in fired("changelog-line-too-long", text, lang="zh_CN")]
    assert chinese[0] == f"这一行变更日志有 {len(first)} 个字符，正文请在 75 列处换行。"


def test_changelog_rules_skip_the_cover_letter(check) -> None:
    cover = patch(
        subject="KVM: x86: Series", body="v2: we changed everything.", trailers="", diffs=""
    ).replace("[PATCH]", "[PATCH 0/1]")
    first = patch().replace("[PATCH]", "[PATCH 1/1]")
    found = {f["rule"] for f in check(cover + first)}
    assert not found & {"changelog-pronoun", "version-history-in-changelog", "signoff-missing"}


@pytest.mark.parametrize(
    ("shortlog", "written", "right"),
    [
        ("KVM: x86: fixed the index check in kvm_get_foo()", "fixed", "Fix"),
        ("KVM: x86: adds a check to kvm_get_foo()", "adds", "Add"),
    ],
)
def test_lower_case_non_imperative_word_is_one_finding_fixed_to_the_imperative(
    check, shortlog: str, written: str, right: str
) -> None:
    """Issue 17: the word is reported and fixed once, to 'Fix', not to 'Fixed'."""
    text = subject(shortlog)
    # (fixes-tag-suggested, an info, asks for a Fixes: tag: another matter)
    findings = [f for f in check(text) if f["line"] == 3 and f["rule"] != "fixes-tag-suggested"]
    assert [f["rule"] for f in findings] == ["shortlog-capitalization"]
    (finding,) = findings
    assert (finding["severity"], finding["fixable"]) == ("warning", True)
    assert finding["message"] == (
        f"Start the shortlog with a capitalized imperative: '{right}', not '{written}'."
    )
    (chinese,) = [f for f in check(text, lang="zh_CN") if f["rule"] == "shortlog-capitalization"]
    assert chinese["message"] == (
        f"标题行要以首字母大写的祈使动词开头：写 '{right}'，不要写 '{written}'。"
    )
    fixed, count = fix_text(text)
    assert count == 1
    assert f"Subject: [PATCH] {shortlog.replace(written, right, 1)}\n" in fixed
    assert {f["rule"] for f in check(fixed) if f["line"] == 3} <= {"fixes-tag-suggested"}


def test_capitalized_non_imperative_word_is_fixed_by_imperative_mood(check) -> None:
    text = subject("KVM: x86: Fixed the index check in kvm_get_foo()")
    (finding,) = [f for f in check(text) if f["rule"] == "imperative-mood"]
    assert finding["fixable"]
    assert "Subject: [PATCH] KVM: x86: Fix the index check" in fix_text(text)[0]
    assert [f for f in check(text) if f["rule"] == "shortlog-capitalization"] == []


# --- changelog-splat-untrimmed ------------------------------------------------------

SPLAT = (
    "  WARNING: CPU: 2 PID: 1071 at arch/x86/kvm/x86.c:123 kvm_get_foo+0x3e/0x90 [kvm]\n"
    "  RIP: 0010:kvm_get_foo+0x3e/0x90 [kvm]\n"
    "  Call Trace:\n"
    "   <TASK>\n"
    "   kvm_arch_vcpu_ioctl+0x1107/0x1750 [kvm]\n"
    "   ? lock_acquire+0xba/0x2d0\n"
    "   kvm_vcpu_ioctl+0x497/0x970 [kvm]\n"
    "   </TASK>"
)
REGISTERS = (
    "  RSP: 0018:ffffc90000b37d88 EFLAGS: 00010246\n"
    "  RAX: 0000000000000000 RBX: ffff88810a234ac0 RCX: 0000000000000006"
)
CODE = "  Code: 48 8b 45 08 48 89 c7 e8 <0f> 0b 5d c3 cc cc cc cc"


def splat_body(log: str) -> str:
    return patch(body=f"{BODY}\n\nThe bug shows as:\n\n{log}")


def test_a_trimmed_splat_with_its_question_frames_is_fine(fired) -> None:
    """The handbook author's own patches keep the '? ' frames (corpus 1079)."""
    assert fired("changelog-splat-untrimmed", splat_body(SPLAT)) == []
    one = splat_body("  [  123.456789] kvm: unexpected exit reason 0x30")
    assert fired("changelog-splat-untrimmed", one) == []


@pytest.mark.parametrize(
    ("log", "first", "english", "chinese"),
    [
        (
            "\n".join(
                f"  [  123.4567{i}] {line.strip()}" for i, line in enumerate(SPLAT.split("\n"))
            ),
            0,
            "Trim the pasted kernel log: drop the timestamps ('[  123.456789]') and keep only the "
            "lines "
            "that show the problem.",
            "请精简贴进来的内核日志：去掉时间戳（'[  123.456789]'），只留下能说明问题的行。",
        ),
        (
            SPLAT + "\n" + REGISTERS,
            9,
            "Trim the pasted kernel log: drop the register dump (RAX:, RBX:, ...); the RIP line "
            "and "
            "the call trace are what readers need.",
            "请精简贴进来的内核日志：去掉寄存器转储（RAX:、RBX: ……）；读者需要的是 RIP 那一行和调"
            "用栈。",
        ),
        (
            SPLAT + "\n" + CODE,
            8,
            "Trim the pasted kernel log: drop the 'Code:' bytes; the RIP line and the call trace "
            "are "
            "what readers need.",
            "请精简贴进来的内核日志：去掉 'Code:' 字节；读者需要的是 RIP 那一行和调用栈。",
        ),
    ],
)
def test_untrimmed_splats(fired, log: str, first: int, english: str, chinese: str) -> None:
    text = splat_body(log)
    (finding,) = fired("changelog-splat-untrimmed", text)
    assert finding["severity"] == "warning"
    assert finding["line"] == text.split("\n").index(log.split("\n")[first]) + 1
    assert finding["message"] == english
    assert fired("changelog-splat-untrimmed", text, lang="zh_CN")[0]["message"] == chinese


# --- changelog-wrap-too-narrow ---------------------------------------------------------

NARROW = (
    "Return -EINVAL from kvm_get_foo() when\n"
    "userspace passes an unknown index,\n"
    "instead of reading past the end of\n"
    "the array."
)


def test_prose_wrapped_at_forty_columns(fired) -> None:
    text = body(NARROW)
    (finding,) = fired("changelog-wrap-too-narrow", text)
    assert finding["severity"] == "warning"
    assert finding["line"] == text.split("\n").index("Return -EINVAL from kvm_get_foo() when") + 1
    assert finding["message"] == (
        "This paragraph is wrapped well short of 75 columns (the next word would have fit on "
        "this line): rewrap it to about 75 columns."
    )
    (chinese,) = fired("changelog-wrap-too-narrow", text, lang="zh_CN")
    assert chinese["message"] == (
        "这一段换行比 75 列窄得多（下一个词本可以放在这一行）：请按 75 列左右重新换行。"
    )


@pytest.mark.parametrize(
    "text",
    [
        BODY,  # wrapped at about 72
        # sentence per line
        "Return -EINVAL for unknown indices.\nDon't read past the end of the array.\n"
        "Warn once about it.",
        # a list
        "Reject unknown indices in:\n- kvm_get_foo() when asked\n- kvm_set_foo() when asked\n"
        "- kvm_has_foo() when asked",
        # a short last line is no narrow wrap
        "Return -EINVAL from kvm_get_foo() when userspace passes an unknown index,\n"
        "instead of reading past the end of the array.",
        # program output
        "Writing to populated memory : 0.006230175s\nReading from populated memory : 0.00455s\n"
        "Freeing the populated memory : 0.0001s",
    ],
)
def test_wrapping_that_is_not_narrow_prose(fired, text: str) -> None:
    assert fired("changelog-wrap-too-narrow", body(text)) == []
