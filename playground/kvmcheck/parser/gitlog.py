"""``git show`` and ``git log -p`` output: one patch per ``commit`` block."""

from __future__ import annotations

from collections.abc import Sequence

from kvmcheck import lazy_re
from kvmcheck.model import Line, Patch
from kvmcheck.parser.diff import read_below_message
from kvmcheck.parser.message import read_message, subject_of, take_subject
from kvmcheck.parser.parts import Head, build_patch

GIT_LOG_COMMIT = lazy_re.compile(r"commit [0-9a-f]{7,64}\b")


def split_git_log(lines: Sequence[Line], start: int) -> list[Sequence[Line]]:
    """Cut ``git log -p`` output at its ``commit <sha>`` lines."""
    chunks: list[Sequence[Line]] = []
    chunk_start = start
    for index, line in enumerate(lines[start:], start=start):
        if GIT_LOG_COMMIT.match(line.text) and index > chunk_start:
            chunks.append(lines[chunk_start:index])
            chunk_start = index
    chunks.append(lines[chunk_start:])
    return chunks


def parse_git_log(source: str, lines: Sequence[Line]) -> Patch:
    """One commit: ``Author:`` and the other headers, the message indented by
    four spaces, then what ``git show`` prints below it."""
    headers: dict[str, tuple[str, int | None]] = {}
    author = author_lineno = None
    index = 1
    while index < len(lines) and lines[index].text.strip():
        text = lines[index].text
        name, colon, value = text.partition(":")
        if colon and name and " " not in name:
            headers[name.lower()] = (value.strip(), lines[index].lineno)
            if name.lower() == "author":
                author, author_lineno = value.strip(), lines[index].lineno
        index += 1
    message: list[Line] = []
    while index < len(lines):
        text = lines[index].text
        if text.startswith("    "):
            message.append(Line(text[4:], lines[index].lineno))
        elif not text.strip():
            message.append(Line("", lines[index].lineno))
        else:
            break
        index += 1
    subject_lines, rest = take_subject(message)
    head = Head(headers, author, author_lineno, subject_of(subject_lines))
    return build_patch(
        source, "git-log", head, read_message(rest), read_below_message(lines[index:])
    )
