"""Output a hostile patch cannot turn against its reader, and input in the
encodings Windows tools write.

Text and GitHub output show control characters as escapes, so a patch
cannot move the cursor or rewrite the lines above its findings; text echoed
from the input cannot pose as a level that b4 acts on; UTF-16 and UTF-32
input with a byte order mark is read, not taken for binary data.
"""

from __future__ import annotations

import codecs
import re

import pytest

from kvmcheck.api import check_texts
from kvmcheck.output import format_github, format_text, quoted
from kvmcheck.rules._examples import SIGNOFF, patch

# Anything a terminal acts on: C0/C1 controls (ESC, CR, LF...) and bidi overrides.
ACTIVE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE_FIXES = "Fixes: \x1b[2J\x1b[1A\x08ERROR: \u202eboom\x9b31m"


def finding_lines(output: str) -> list[str]:
    """The lines about the Fixes: tag (text: ``[rule]``, GitHub: ``title=rule``)."""
    return [
        line
        for line in output.splitlines()
        if "[fixes-tag-format]" in line or "title=fixes-tag-format::" in line
    ]


@pytest.fixture(scope="module")
def hostile_result() -> dict:
    result = check_texts([("evil.patch", patch(trailers=f"{HOSTILE_FIXES}\n{SIGNOFF}"))])
    messages = [
        f["message"]
        for p in result["patches"]
        for f in p["findings"]
        if f["rule"] == "fixes-tag-format"
    ]
    assert messages and "\x1b" in messages[0], "the finding echoes the hostile tag"
    return result


def test_text_output_escapes_control_characters(hostile_result: dict) -> None:
    for terse in (True, False):
        lines = finding_lines(format_text(hostile_result, terse=terse))
        assert len(lines) == 1
        assert not ACTIVE.search(lines[0])
        assert "\\x1b[2J" in lines[0] and "\\u202e" in lines[0] and "\\x9b" in lines[0]


def test_github_output_escapes_control_characters(hostile_result: dict) -> None:
    lines = finding_lines(format_github(hostile_result))
    assert len(lines) == 1
    assert not ACTIVE.search(lines[0])
    assert lines[0].startswith("::warning ")


def test_echoed_input_cannot_pose_as_a_level(hostile_result: dict) -> None:
    """b4 fails a patch on any output line holding "ERROR:"; the finding
    here is a warning that quotes "ERROR: ..." from the Fixes: tag."""
    [line] = finding_lines(format_text(hostile_result, terse=True))
    assert ": WARNING: [fixes-tag-format]" in line
    assert "ERROR:" not in line
    assert "ERROR\\x3a" in line


def test_lower_case_and_glued_levels_are_quoted_too() -> None:
    result = check_texts([("p", patch(trailers=f"Fixes: xerror: y Warning: z\n{SIGNOFF}"))])
    [line] = finding_lines(format_text(result, terse=True))
    assert "error:" not in line.lower().replace(": warning: [", "")


def test_plain_findings_are_unchanged() -> None:
    result = check_texts([("p", patch(subject="kvm: x86: reject unknown indices."))])
    output = format_text(result, terse=True)
    assert "p:3: ERROR: [shortlog-prefix-case] Use 'KVM: x86:'" in output
    assert "\\x" not in output


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_utf16_and_utf32_with_bom_are_read(encoding: str, bom: bytes) -> None:
    """PowerShell's ``>`` writes UTF-16 with a BOM."""
    text = patch(subject="kvm: x86: reject unknown indices.").replace("\n", "\r\n")
    expected = check_texts([("p", text.encode("utf-8"))])
    result = check_texts([("p", bom + text.encode(encoding))])
    assert result == expected
    assert result["patches"][0]["subject"] is not None


def test_utf16_without_bom_is_still_binary() -> None:
    """Without a mark there is no telling UTF-16 from binary data."""
    result = check_texts([("p", patch().encode("utf-16-le"))])
    assert [f["rule"] for f in result["patches"][0]["findings"]] == ["input-unrecognized"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see https://lore.kernel.org/x", "see https://lore.kernel.org/x"),
        ("tag: v1, Fixes: abc", "tag: v1, Fixes: abc"),
        ("Error: x, warning: y, iNfO: z", "Error\\x3a x, warning\\x3a y, iNfO\\x3a z"),
        ("ERRORS: x ERROR:", "ERRORS: x ERROR\\x3a"),
        ("WARNING\x1b[1m: x", "WARNING\\x1b[1m: x"),
    ],
)
def test_quoted_disarms_every_level_word_and_nothing_else(text: str, expected: str) -> None:
    """quoted() first looks for a colon after the last letter of a level
    word, in any case: every level word is still disarmed."""
    assert quoted(text) == expected
