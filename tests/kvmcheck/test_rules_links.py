"""Link rules: link-not-lore, in-reply-to-root (kvmcheck/rules/links.py)."""

from __future__ import annotations

from rule_cases import rule_case_test

from kvmcheck.rules._examples import SIGNOFF, patch


def tags(*lines: str) -> str:
    return patch(trailers="\n".join(lines))


def numbered(text: str, number: str) -> str:
    return text.replace("[PATCH]", f"[PATCH {number}]")


CASES = [
    ("link-not-lore", tags("Link: https://lkml.org/lkml/2024/1/1/1", SIGNOFF), True),
    ("link-not-lore", tags("Link: https://marc.info/?l=kvm&m=1", SIGNOFF), True),
    (
        "link-not-lore",
        tags("Closes: https://patchwork.kernel.org/project/kvm/patch/1/", SIGNOFF),
        True,
    ),
    (
        "link-not-lore",
        tags("Link: https://lore.kernel.org/r/20240101.1@example.org", SIGNOFF),
        False,
    ),
    (
        "link-not-lore",
        tags("Closes: https://bugzilla.kernel.org/show_bug.cgi?id=1", SIGNOFF),
        False,
    ),
    ("in-reply-to-root", patch(headers="In-Reply-To: <old@example.org>\n"), True),
    ("in-reply-to-root", patch(headers="References: <old@example.org>\n"), True),
    ("in-reply-to-root", numbered(patch(headers="In-Reply-To: <c@example.org>\n"), "2/3"), False),
    (
        "in-reply-to-root",
        numbered(patch(headers="In-Reply-To: <old@example.org>\n"), "0/2")
        + numbered(patch(headers="In-Reply-To: <cover@example.org>\n"), "1/2")
        + numbered(patch(headers="In-Reply-To: <cover@example.org>\n"), "2/2"),
        True,
    ),
    (
        "in-reply-to-root",
        numbered(patch(), "0/1")
        + numbered(patch(headers="In-Reply-To: <cover@example.org>\n"), "1/1"),
        False,
    ),
    ("in-reply-to-root", patch(), False),
]


test_rule = rule_case_test(CASES)


def test_in_reply_to_points_at_the_header(fired) -> None:
    (finding,) = fired("in-reply-to-root", patch(headers="In-Reply-To: <old@example.org>\n"))
    assert finding["line"] == 4
