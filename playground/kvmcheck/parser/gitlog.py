"""``git show`` and ``git log -p`` output: one patch per ``commit`` block."""

from __future__ import annotations

from collections.abc import Sequence

from kvmcheck import lazy_re
from kvmcheck.model import Line, Patch
from kvmcheck.parser.diff import parse_after_message
from kvmcheck.parser.message import set_message, take_subject
from kvmcheck.parser.subject import parse_subject

GIT_LOG_COMMIT = lazy_re.compile(r"commit [0-9a-f]{7,64}\b")


def split_git_log(lines: Sequence[Line], start: int) -> list[Sequence[Line]]:
    chunks: list[Sequence[Line]] = []
    chunk_start = start
    for index, line in enumerate(lines[start:], start=start):
        if GIT_LOG_COMMIT.match(line.text) and index > chunk_start:
            chunks.append(lines[chunk_start:index])
            chunk_start = index
    chunks.append(lines[chunk_start:])
    return chunks


def parse_git_log(source: str, lines: Sequence[Line]) -> Patch:
    patch = Patch(source=source, kind="git-log")
    index = 1
    while index < len(lines) and lines[index].text.strip():
        text = lines[index].text
        name, _, value = text.partition(":")
        if _ and name and " " not in name:
            patch.headers[name.lower()] = (value.strip(), lines[index].lineno)
            if name.lower() == "author":
                patch.author = value.strip()
                patch.author_lineno = lines[index].lineno
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
    if subject_lines:
        patch.subject = parse_subject(
            " ".join(line.text.strip() for line in subject_lines),
            subject_lines[0].lineno,
            subject_lines[-1].lineno,
        )
    set_message(patch, rest)
    parse_after_message(patch, lines[index:])
    return patch
