"""Fixes: tag rules: fixes-tag-*, commit-reference-format, stable-cc-format
(kvmcheck/rules/fixes.py)."""

from __future__ import annotations

import pytest
from rule_cases import line_of, rule_case_test

from kvmcheck.fix import fix_text
from kvmcheck.rules._examples import BODY, SIGNOFF, patch

FIXES = 'Fixes: 0123456789ab ("KVM: x86: Add kvm_get_foo()")'


def tags(*lines: str) -> str:
    return patch(trailers="\n".join(lines))


CASES = [
    ("fixes-tag-format", tags("Fixes: 0123456789ab", SIGNOFF), True),
    ("fixes-tag-format", tags('Fixes: 0123456 ("KVM: x86: Add kvm_get_foo()")', SIGNOFF), True),
    ("fixes-tag-format", tags("Fixes: 0123456789ab (KVM: x86: Add kvm_get_foo())", SIGNOFF), True),
    # A form maintainers use: the date after the title (corpus: upstream commit 433f4ba19041).
    (
        "fixes-tag-format",
        tags('Fixes: 0123456789ab ("KVM: x86: Add foo", 2013-10-29)', SIGNOFF),
        False,
    ),
    ("fixes-tag-format", tags(FIXES, SIGNOFF), False),
    ("fixes-tag-format", tags('Fixes: 0123456789abcdef0123 ("KVM: x86: Add foo")', SIGNOFF), False),
    (
        "commit-reference-format",
        patch(body="Reject unknown indices, as commit 0123456789ab\nforgot to."),
        True,
    ),
    (
        "commit-reference-format",
        patch(body='Reject unknown indices, as commit 0123456 ("KVM:\nx86: Add foo") forgot to.'),
        True,
    ),
    (
        "commit-reference-format",
        patch(
            body='Reject unknown indices, as commit 0123456789ab ("KVM:\nx86: Add foo") forgot to.'
        ),
        False,
    ),
    (
        "commit-reference-format",
        patch(
            body='Commit 0123456789ab ("KVM: x86: Add foo") forgot\n'
            "the check; reject unknown indices now that commit\n"
            "0123456789ab exposes them."
        ),
        False,
    ),
    (
        "commit-reference-format",
        patch(body="This reverts commit 0123456789abcdef0123456789abcdef01234567."),
        False,
    ),
    ("commit-reference-format", patch(body="The commit message explains the commit faced."), False),
    (
        "commit-reference-format",
        patch(body="Reject unknown indices.\n\n(cherry picked from commit 0123456789abcdef0123)"),
        False,
    ),
    (
        "commit-reference-format",
        patch(body="commit 0123456789abcdef0123 upstream.\n\nReject unknown indices."),
        False,
    ),
    ("fixes-tag-suggested", patch(subject="KVM: x86: Fix a crash in kvm_get_foo()"), True),
    ("fixes-tag-suggested", patch(body="Reject bad indices, the old code is broken."), True),
    ("fixes-tag-suggested", tags(FIXES, SIGNOFF).replace("Reject", "Fix"), False),
    ("fixes-tag-suggested", patch(), False),
    # 'since commit' dates a bug only in a changelog that speaks of one
    # (held-out upstream commit 6c6ab524cfae: "KVM has required NX support
    # for SVM since commit ...").
    (
        "fixes-tag-suggested",
        patch(
            body="KVM has required NX support since commit 0123456789ab\n"
            '("KVM: SVM: Require NX") for exactly this reason.',
            trailers="Cc: stable@vger.kernel.org\n" + SIGNOFF,
        ),
        False,
    ),
    (
        "fixes-tag-suggested",
        patch(
            body="KVM has had this bug since commit 0123456789ab\n"
            '("KVM: SVM: Require NX"), drop the stale check.',
            trailers="Cc: stable@vger.kernel.org\n" + SIGNOFF,
        ),
        True,
    ),
    # The address stable-kernel-rules.rst gives for fixes of unpublished
    # vulnerabilities (corpus: kvm-x86/0325, 0985, 0986).
    ("stable-cc-format", tags("Cc: stable@kernel.org", SIGNOFF), False),
    ("stable-cc-format", tags("Cc: <stable@kernel.org> # 6.1+", SIGNOFF), False),
    ("stable-cc-format", tags("Cc: stable <stable@kernel.org>", SIGNOFF), False),
    ("stable-cc-format", tags("Cc: stable@vger.kerel.org", SIGNOFF), True),
    ("stable-cc-format", tags("Cc: stable", SIGNOFF), True),
    ("stable-cc-format", tags("Cc: stable@vger.kernel.org [5.10+]", SIGNOFF), True),
    ("stable-cc-format", tags("Cc: stable@vger.kernel.org", SIGNOFF), False),
    ("stable-cc-format", tags("Cc: stable@vger.kernel.org # 6.1.x", SIGNOFF), False),
    ("stable-cc-format", tags("Cc: <stable@vger.kernel.org> # v5.10+", SIGNOFF), False),
    # A form accepted patches use (corpus: other-kernel/0089, 0046).
    ("stable-cc-format", tags("Cc: stable <stable@vger.kernel.org>", SIGNOFF), False),
    ("stable-cc-format", tags("Cc: stable <stable@vger.kernel.org>\t# 4.18", SIGNOFF), False),
    ("stable-cc-format", tags("Cc: Stable <stable@kernel.org>", SIGNOFF), True),
]


test_rule = rule_case_test(CASES)


def test_fixes_format_suggests_the_fixed_form(fired) -> None:
    (finding,) = fired(
        "fixes-tag-format", tags("Fixes: 0123456789abcdef (KVM: x86: Add kvm_get_foo())", SIGNOFF)
    )
    assert 'Fixes: 0123456789ab ("KVM: x86: Add kvm_get_foo()")' in finding["message"]
    assert finding["line"] == 11


def test_stable_kernel_org_draws_nothing_and_fix_leaves_it(check) -> None:
    text = tags("Cc: stable@kernel.org # 6.12+", SIGNOFF)
    assert "stable-cc-format" not in {f["rule"] for f in check(text)}
    assert fix_text(text) == (text, 0)


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("Cc: Stable <stable@vger.kernel.org>", "Cc: stable@vger.kernel.org"),
        ("Cc: stable@vger.kernel.org. # 6.1+", "Cc: stable@vger.kernel.org # 6.1+"),
        # A misspelt private address stays private: never rewritten to the public list.
        ("Cc: Stable <stable@kernel.org>", "Cc: stable@kernel.org"),
        ("Cc: stable@kernel.org, # 6.6", "Cc: stable@kernel.org # 6.6"),
    ],
)
def test_stable_fix_keeps_which_address_it_was(written: str, fixed: str) -> None:
    text, count = fix_text(tags(written, SIGNOFF))
    assert count == 1
    assert f"\n{fixed}\n" in text


def test_stable_private_message_names_the_private_address(fired) -> None:
    (finding,) = fired("stable-cc-format", tags("Cc: Stable <stable@kernel.org>", SIGNOFF))
    assert finding["message"] == (
        "Malformed stable tag 'Cc: Stable <stable@kernel.org>': write 'Cc: stable@kernel.org' "
        "(the address for fixes of unpublished vulnerabilities, optionally followed by "
        "'# <version>')."
    )
    (zh,) = fired("stable-cc-format", tags("Cc: Stable <stable@kernel.org>", SIGNOFF), lang="zh_CN")
    assert zh["message"] == (
        "稳定版标签 'Cc: Stable <stable@kernel.org>' 格式不对：应写成 'Cc: stable@kernel.org'"
        "（这是修复尚未公开的漏洞时用的地址，后面可以跟 '# <版本>'）。"
    )


# --- fixes-tag-position -----------------------------------------------------------

FIXES_LINE = 'Fixes: 0123456789ab ("KVM: x86: Add kvm_get_foo()")'


def test_fixes_in_the_middle_of_the_changelog(fired) -> None:
    text = patch(body=f"{BODY}\n\n{FIXES_LINE}\n\nFound by code inspection.")
    (finding,) = fired("fixes-tag-position", text)
    assert (finding["severity"], finding["line"]) == ("warning", line_of(text, FIXES_LINE))
    assert finding["message"] == (
        "Move this 'Fixes:' tag down into the tag block at the end of the changelog, with "
        "'Signed-off-by:' and the other tags (no blank line between them)."
    )
    (chinese,) = fired("fixes-tag-position", text, lang="zh_CN")
    assert chinese["message"] == (
        "把这个 'Fixes:' 标签移到变更日志末尾的标签块里，和 'Signed-off-by:' 等标签放在一起"
        "（中间不留空行）。"
    )
    # One finding: the patch has a Fixes: tag, only in the wrong place.
    assert (
        fired("fixes-tag-suggested", text.replace("Return -EINVAL", "Fix a crash: return -EINVAL"))
        == []
    )


def test_fixes_below_the_separator_is_dropped_by_git_am(fired) -> None:
    text = patch(notes=FIXES_LINE)
    (finding,) = fired("fixes-tag-position", text)
    assert finding["line"] == line_of(text, FIXES_LINE)
    assert finding["message"] == (
        "This 'Fixes:' tag is below the '---' line, where 'git am' drops it: move it into the "
        "tag block at the end of the changelog."
    )
    (chinese,) = fired("fixes-tag-position", text, lang="zh_CN")
    assert chinese["message"] == (
        "这个 'Fixes:' 标签在 '---' 分隔线下面，'git am' 会把它丢掉："
        "请把它移到变更日志末尾的标签块里。"
    )


def test_fixes_in_the_trailer_block_or_quoted_in_prose_is_fine(fired) -> None:
    assert fired("fixes-tag-position", patch(trailers=f"{FIXES_LINE}\n{SIGNOFF}")) == []
    prose = patch(body=f"{BODY}\n\nThe Fixes: tag below names the commit.")
    assert fired("fixes-tag-position", prose) == []


# --- commit-reference-format: a sha cited with its title elsewhere ---------------

FIXES_TAG = 'Fixes: ad856280ddea ("x86/kvm/fpu: Limit guest user_xfeatures")\n'


def _commit_findings(fired, body: str, trailers: str = SIGNOFF) -> list[tuple[int, str]]:
    text = patch(body=f"{BODY}\n\n{body}", trailers=trailers)
    return [(f["line"], f["message"]) for f in fired("commit-reference-format", text)]


def test_bare_sha_named_with_its_title_by_the_fixes_tag_is_fine(fired) -> None:
    body = "The bug fixed by commit ad856280ddea was that KVM saved too much."
    assert _commit_findings(fired, body, FIXES_TAG + SIGNOFF) == []
    assert (
        _commit_findings(fired, body.replace("ad856280ddea", "ad856280ddea12"), FIXES_TAG + SIGNOFF)
        == []
    )


def test_bare_sha_named_with_its_title_in_an_indented_quote_is_fine(fired) -> None:
    body = (
        "This reverts the behavior of\n\n"
        '  commit ad856280ddea ("x86/kvm/fpu: Limit guest user_xfeatures")\n\n'
        "as commit ad856280ddea broke migration."
    )
    assert _commit_findings(fired, body) == []
    wrapped = (
        "Before commit ad856280ddea\n"
        '("x86/kvm/fpu: Limit guest user_xfeatures"), userspace could load\n'
        "anything; commit ad856280ddea stopped that."
    )
    assert _commit_findings(fired, wrapped) == []


def test_abbreviated_sha_is_reported_even_when_the_fixes_tag_names_it(fired) -> None:
    body = "Since commit 2030009 KVM reads past the end of the array."
    short_fixes = 'Fixes: 2030009 ("KVM: x86: Add kvm_get_foo()")\n'
    full_fixes = 'Fixes: 2030009abcde ("KVM: x86: Add kvm_get_foo()")\n'
    for trailers in (SIGNOFF, short_fixes + SIGNOFF, full_fixes + SIGNOFF):
        (found,) = _commit_findings(fired, body, trailers)
        assert found[1] == (
            "'2030009' is too short to identify a commit: write 'commit <12+ hex "
            'digits> ("<title>")\'.'
        )
    text = patch(body=f"{BODY}\n\n{body}")
    (chinese,) = fired("commit-reference-format", text, lang="zh_CN")
    assert chinese["message"] == (
        "'2030009' 太短，不足以唯一标识一个提交：应写成 "
        "'commit <至少 12 位十六进制> (\"<标题>\")'。"
    )


def test_bare_sha_is_not_excused_by_a_fixes_tag_without_its_title(fired) -> None:
    body = "The bug fixed by commit ad856280ddea was that KVM saved too much."
    (found,) = _commit_findings(fired, body, "Fixes: ad856280ddea\n" + SIGNOFF)
    assert found[1] == (
        "Refer to commit ad856280ddea as 'commit ad856280ddea (\"<title>\")': "
        "add the commit's title."
    )


# --- fixes-tag-suggested on a backport request ----------------------------------

STABLE = "Cc: stable@vger.kernel.org"


def stable_fix(body: str, *trailers: str) -> str:
    return patch(
        subject="KVM: SVM: Fix x2APIC MSR interception after APIC reset",
        body=body,
        trailers="\n".join((*trailers, SIGNOFF)),
    )


def test_backport_of_a_bug_with_an_origin_needs_fixes(fired) -> None:
    # kvm-svm-x2avic-cve of the real-review set: the reviewer supplied the Fixes: tag.
    text = stable_fix(
        "The problem exists since x2AVIC was enabled: the check in\n"
        "svm_set_x2apic_msr_interception() skips the reset case.",
        STABLE,
    )
    (finding,) = fired("fixes-tag-suggested", text)
    assert (finding["severity"], finding["line"]) == ("warning", 5)
    assert finding["message"] == (
        "This patch asks for a backport ('Cc: stable') and says the bug has an origin ('exists "
        "since'), but has no 'Fixes:' tag; add 'Fixes: <12+ hex> (\"<title>\")' naming that "
        "commit, so that the stable maintainers know which kernels need the fix."
    )
    (chinese,) = fired("fixes-tag-suggested", text, lang="zh_CN")
    assert chinese["message"] == (
        "本补丁要求向后移植（'Cc: stable'），也说明了缺陷有来由（'exists since'），"
        "却没有 'Fixes:' 标签；请加上 'Fixes: <12 位以上十六进制> (\"<标题>\")'，"
        "指明引入该问题的提交，稳定版维护者才知道哪些内核需要这个修复。"
    )


@pytest.mark.parametrize(
    ("body", "trailers"),
    [
        # A backport of a bug as old as the code: no commit to blame (accepted like this).
        ("Sync the PIR to the IRR before scanning, the old code misses a pending IRQ.", (STABLE,)),
        # The origin named, no backport asked for: the plain hint.
        ("The bug was introduced by the x2AVIC support, the check is wrong.", ()),
    ],
)
def test_fixes_stays_a_hint_otherwise(fired, body: str, trailers: tuple[str, ...]) -> None:
    (finding,) = fired("fixes-tag-suggested", stable_fix(body, *trailers))
    assert finding["severity"] == "info"


def test_backport_with_fixes_is_fine(fired) -> None:
    text = stable_fix("The problem exists since x2AVIC was enabled.", FIXES, STABLE)
    assert fired("fixes-tag-suggested", text) == []
