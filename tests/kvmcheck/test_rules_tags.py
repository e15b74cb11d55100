"""Tag rules: signoff-*, trailer-malformed (kvmcheck/rules/tags.py)."""

from __future__ import annotations

from rule_cases import rule_case_test

from kvmcheck.rules._examples import SIGNOFF, diff, patch


def tags(*lines: str) -> str:
    return patch(trailers="\n".join(lines))


CASES = [
    ("signoff-missing", tags(), True),
    ("signoff-missing", tags("Reviewed-by: Joe Reviewer <joe@example.org>"), True),
    ("signoff-missing", tags(SIGNOFF), False),
    ("signoff-missing", patch(trailers="", diffs=""), True),
    ("signoff-author-mismatch", tags("Signed-off-by: Jane Developer <jane@elsewhere.org>"), True),
    ("signoff-author-mismatch", tags("Signed-off-by: Jane Developer <JANE@Example.org>"), False),
    ("signoff-author-mismatch", tags(SIGNOFF, "Signed-off-by: Maint Ainer <m@example.org>"), False),
    ("trailer-malformed", tags("Signed-Off-By: Jane Developer <jane@example.org>"), True),
    ("trailer-malformed", tags("Signed-off-by:Jane Developer <jane@example.org>"), True),
    ("trailer-malformed", tags(SIGNOFF, "Reviewed-by: Joe Reviewer"), True),
    ("trailer-malformed", tags("Co-developed-by: Joe Dev <joe@example.org>", SIGNOFF), True),
    (
        "trailer-malformed",
        tags(
            "Co-developed-by: Joe Dev <joe@example.org>",
            "Signed-off-by: Joe Dev <joe@example.org>",
            SIGNOFF,
        ),
        False,
    ),
    # The co-developer applied the patch: their sign-off closes the block,
    # after the Link: that applying adds (held-out upstream 1b30e7551767).
    (
        "trailer-malformed",
        tags(
            "Co-developed-by: Maint Ainer <m@example.org>",
            SIGNOFF,
            "Link: https://patch.msgid.link/20260303003421.2185681-9-jane@example.org",
            "Signed-off-by: Maint Ainer <m@example.org>",
        ),
        False,
    ),
    # Without that stamp it is a posting: the sign-off must follow directly.
    (
        "trailer-malformed",
        tags(
            "Co-developed-by: Maint Ainer <m@example.org>",
            SIGNOFF,
            "Signed-off-by: Maint Ainer <m@example.org>",
        ),
        True,
    ),
    (
        "trailer-malformed",
        tags("Reported-by: syzbot+0123456789abcdef@syzkaller.appspotmail.com", SIGNOFF),
        False,
    ),
]


test_rule = rule_case_test(CASES)


def test_trailer_malformed_gives_the_spelling(fired) -> None:
    (finding,) = fired(
        "trailer-malformed", tags("Signed-Off-By: Jane Developer <jane@example.org>")
    )
    assert "'Signed-off-by:'" in finding["message"]


def test_signoff_missing_suggests_the_author(fired) -> None:
    (finding,) = fired("signoff-missing", tags())
    assert "Signed-off-by: Jane Developer <jane@example.org>" in finding["message"]
    assert finding["severity"] == "error"


def test_bare_diff_has_no_message_rules(check) -> None:
    text = diff()
    found = {f["rule"] for f in check(text)}
    assert not found & {"signoff-missing", "shortlog-missing", "changelog-missing"}
