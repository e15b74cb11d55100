"""Input rule: input-unrecognized (kvmcheck/rules/input.py)."""

from __future__ import annotations

import pytest

from kvmcheck.rules._examples import patch


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", ("empty", "git format-patch")),
        (b"\n \n", ("empty", "git format-patch")),
        (bytes(range(256)), ("binary", "git format-patch")),
        ("<html><body>patch</body></html>", ("web page", "'raw' link", "b4 am")),
    ],
)
def test_unrecognized_input_is_one_error(check, data, words: tuple[str, ...]) -> None:
    """The message says what the input looked like and what to give instead."""
    (finding,) = check(data)
    assert finding["rule"] == "input-unrecognized"
    assert finding["severity"] == "error"
    assert finding["line"] is None
    for word in words:
        assert word in finding["message"]


def test_patches_are_recognized(fired) -> None:
    assert not fired("input-unrecognized", patch())


def test_one_bad_file_among_good_ones(check) -> None:
    found = check([patch(), b"\x00\x01\x02"])
    assert [f["rule"] for f in found if f["severity"] == "error"] == ["input-unrecognized"]


POEM = "Roses are red,\nviolets are blue,\nthis is a poem\nand not a patch for you.\n"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_text_that_is_no_patch_is_named_as_such(check, lang: str) -> None:
    (finding,) = [f for f in check(POEM, lang=lang) if f["rule"] == "input-not-a-patch"]
    assert finding["severity"] == "warning"
    assert finding["line"] == 1
    assert (
        finding["message"]
        == {
            "en": "This text has no mail headers, no subject prefix, no tags (such as "
            "'Signed-off-by:') and no diff: it does not look like a patch. It was checked as "
            "a bare commit message; paste the output of git format-patch to check a patch.",
            "zh_CN": "这段文本既没有邮件头和标题前缀，也没有标签（如 'Signed-off-by:'）和 diff，"
            "看起来不是补丁，因此按单独的变更日志做了检查。要检查补丁，请粘贴 "
            "git format-patch 的输出。",
        }[lang]
    )


@pytest.mark.parametrize(
    "text",
    [
        # A commit message as the commit-msg hook gets it: a prefix, or a tag.
        "KVM: x86: Reject unknown indices\n\nReject them.\n",
        "Reject unknown indices\n\nReject them.\n\nSigned-off-by: A U Thor <a@example.org>\n",
        # A bare diff, or one under its diffstat.
        " arch/x86/kvm/x86.c | 2 +-\n\ndiff --git a/arch/x86/kvm/x86.c b/arch/x86/kvm/x86.c\n"
        "--- a/arch/x86/kvm/x86.c\n+++ b/arch/x86/kvm/x86.c\n@@ -1 +1 @@\n-a\n+b\n",
    ],
)
def test_commit_messages_and_diffs_are_patches_enough(fired, text: str) -> None:
    assert not fired("input-not-a-patch", text)
