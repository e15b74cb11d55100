"""kvmcheck.model: what the parser's objects hold, whatever the input's shape.

``Patch.message`` is always a `PickedLines`, the lines of the input file
cut from its text as read or the decoded lines of a mail body: the rules
and ``prose_lines()`` read one type.
"""

from __future__ import annotations

import base64

import pytest

from kvmcheck.context import prose_lines
from kvmcheck.input_lines import InputLines, PickedLines
from kvmcheck.model import Line, Patch
from kvmcheck.parser import parse_file, parse_input
from kvmcheck.parser.text import to_text
from kvmcheck.rules._examples import patch as mail

URL_BODY = "See https://example.org/x for\nthe details.\n\n    indented log"
BASE64_MAIL = (
    b"From: Jane Developer <jane@example.org>\n"
    b"Subject: [PATCH] KVM: x86: Encoded body\n"
    b"MIME-Version: 1.0\n"
    b"Content-Type: text/plain; charset=utf-8\n"
    b"Content-Transfer-Encoding: base64\n\n"
    + base64.encodebytes("Caf\u00e9 first.\n\nSigned-off-by: J <j@example.org>\n".encode())
)
GIT_SHOW = (
    "commit 0123456789abcdef0123456789abcdef01234567\n"
    "Author: Jane Developer <jane@example.org>\n"
    "Date:   Mon Jan 1 00:00:00 2024 +0000\n\n"
    "    KVM: x86: Do it\n\n    Return -EINVAL for unknown indices.\n"
)


@pytest.mark.parametrize(
    ("name", "data", "kind", "first", "lineno"),
    [
        ("mail.patch", mail(body=URL_BODY), "email", "See https://example.org/x for", 5),
        ("b64.eml", BASE64_MAIL, "email", "Caf\u00e9 first.", None),
        ("show.txt", GIT_SHOW, "git-log", "Return -EINVAL for unknown indices.", 7),
        ("bare.txt", "KVM: x86: Do it\n\nBecause.\n", "message", "Because.", 3),
        ("only.diff", mail().split("---\n", 1)[1], "diff", None, None),
    ],
)
def test_the_message_is_picked_lines_for_every_kind_of_input(
    name: str, data: str | bytes, kind: str, first: str | None, lineno: int | None
) -> None:
    (patch,) = parse_file(name, data)
    assert patch.kind == kind
    assert type(patch.message) is PickedLines
    assert [(line.text, line.lineno) for line in patch.message[:1]] == (
        [(first, lineno)] if first is not None else []
    )


def test_a_message_of_input_lines_is_still_cut_from_the_input_text() -> None:
    """No Line is made to be kept: the message and its prose read the text."""
    (patch,) = parse_file("mail.patch", mail(body=URL_BODY))
    assert isinstance(patch.message._source, InputLines)
    prose, as_written = prose_lines(patch.message)
    assert isinstance(prose, PickedLines) and isinstance(prose._source, InputLines)
    # URLs blanked, the indented log left out, line numbers kept.
    assert [(line.text, line.lineno) for line in prose] == [
        ("See                       for", 5),
        ("the details.", 6),
    ]
    assert [line.text for line in as_written][:1] == ["See https://example.org/x for"]


def test_prose_of_a_git_log_message_keeps_both_views() -> None:
    """git log's message is indented by four: prose is picked from the
    dedented lines, then has its URLs blanked."""
    patch = Patch("show.txt", "git-log")
    lines = InputLines.split("    See http://a.example/b now\n    \n    done\n")
    indices = PickedLines.indices()
    indices.extend(range(3))
    patch.message = PickedLines(lines, indices, skip=4)
    assert [line.text for line in prose_lines(patch.message)[0]] == [
        "See " + " " * len("http://a.example/b") + " now",
        "done",
    ]


def test_any_sequence_assigned_is_taken_as_picked_lines() -> None:
    patch = Patch("x", "message")
    assert type(patch.message) is PickedLines and len(patch.message) == 0
    patch.message = [Line("one", 3), Line("two", None)]
    assert type(patch.message) is PickedLines
    assert [(line.text, line.lineno) for line in patch.message] == [("one", 3), ("two", None)]
    picked = patch.message
    patch.message = picked
    assert patch.message is picked  # not wrapped twice


def _read(patch: Patch) -> tuple[object, ...]:
    return (
        patch.kind,
        patch.problem,
        patch.subject.raw if patch.subject else None,
        [(line.text, line.lineno) for line in patch.message],
        patch.headers,
    )


_MAIL = "Subject: [PATCH] KVM: x86: Do a thing\n\nBecause.\n\nSigned-off-by: A <a@b.c>\n"


@pytest.mark.parametrize(
    "data",
    [
        _MAIL,
        _MAIL.encode(),
        b"\xef\xbb\xbf" + _MAIL.encode(),
        "\ufeff" + _MAIL,
        # A second byte order mark: checking the text again takes it off too.
        "\ufeff\ufeff" + _MAIL,
        "\ufeff\ufeff".encode("utf-16") + _MAIL.encode("utf-16")[2:],
        "\ufeff\ufeff",
        "\ufeff\ufeff<html>",
        # One control character in a hundred: binary only once the byte
        # order mark is off and the text a character shorter.
        "\ufeff" + "\x01" + "x" * 98,
        b"\x00binary",
        "  \n",
    ],
)
def test_parse_input_reads_as_to_text_then_parse_file(data: str | bytes) -> None:
    """parse_input decodes once what check_texts decoded twice: the same text
    and patches as to_text, then parse_file of its text, byte order
    marks and the binary bound included."""
    text, patches = parse_input("x.patch", data)
    expected = to_text(data)[0]
    assert text == expected
    assert [_read(p) for p in patches] == [
        _read(p) for p in parse_file("x.patch", data if expected is None else expected)
    ]
