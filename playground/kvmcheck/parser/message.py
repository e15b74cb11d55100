"""The commit message: subject paragraph, body, signature, and a bare message
as ``git commit`` hands it to the ``commit-msg`` hook."""

from __future__ import annotations

from collections.abc import Sequence

from kvmcheck import lazy_re
from kvmcheck.input_lines import texts_of
from kvmcheck.model import Line, Patch, Subject
from kvmcheck.parser.diff import BASE_COMMIT, PREREQUISITE, read_below_message
from kvmcheck.parser.parts import BelowMessage, Head, Message, build_patch
from kvmcheck.parser.subject import parse_subject
from kvmcheck.parser.trailer_block import split_trailers

# git commit --verbose: everything below the scissors line is the diff.
_SCISSORS = lazy_re.compile(r"# -+ >8 -+")


def is_patch_break(text: str) -> bool:
    """Where ``git am`` ends the commit message (see git's mailinfo.c)."""
    if text.startswith(("diff -", "Index: ")):
        return True
    if text.startswith("---"):
        rest = text[3:]
        if rest.startswith(" ") and len(rest) > 1 and not rest[1].isspace():
            return True
        return not rest.strip()
    return False


def parse_bare_message(source: str, lines: Sequence[Line]) -> Patch:
    """A commit message as ``git commit`` hands it to the commit-msg hook."""
    end = len(lines)
    comments = False
    for index, line in enumerate(lines):
        if _SCISSORS.match(line.text):
            end = index
            break
        comments = comments or line.text.startswith("#")
    kept = lines[:end]
    if comments:  # git strips comment lines before committing
        kept = [line for line in kept if not line.text.startswith("#")]
    subject_lines, rest = take_subject(kept)
    message, below = read_body(rest)
    return build_patch(
        source, "message", Head({}, None, None, subject_of(subject_lines)), message, below
    )


def take_subject(lines: Sequence[Line]) -> tuple[Sequence[Line], Sequence[Line]]:
    """Git's subject is the first paragraph of the message."""
    index = 0
    while index < len(lines) and not lines[index].text.strip():
        index += 1
    start = index
    while (
        index < len(lines) and lines[index].text.strip() and not is_patch_break(lines[index].text)
    ):
        index += 1
    return lines[start:index], lines[index:]


def subject_of(lines: Sequence[Line]) -> Subject | None:
    """The subject a commit message's first paragraph makes (None if empty)."""
    if not lines:
        return None
    return parse_subject(
        " ".join(line.text.strip() for line in lines), lines[0].lineno, lines[-1].lineno
    )


def read_body(body: Sequence[Line]) -> tuple[Message, BelowMessage | None]:
    """Split a mail or message body at the patch break (``---`` or a diff)."""
    for index, text in enumerate(texts_of(body)):  # no Line made for the search
        if is_patch_break(text):
            return read_message(body[:index]), read_below_message(body[index:])
    return read_message(body), None


def read_message(lines: Sequence[Line]) -> Message:
    """The commit message below the subject, split from its trailers."""
    kept, base_commit = _strip_signature(lines)
    body, trailers = split_trailers(kept)
    return Message(_strip_blank_ends(body), trailers, base_commit)


def _strip_blank_ends(lines: Sequence[Line]) -> Sequence[Line]:
    """``lines`` without its leading and trailing blank lines (one slice, so
    a flood of blank lines costs linear time)."""
    start, end = 0, len(lines)
    while start < end and not lines[start].text.strip():
        start += 1
    while end > start and not lines[end - 1].text.strip():
        end -= 1
    return lines[start:end]


def _strip_signature(lines: Sequence[Line]) -> tuple[Sequence[Line], Line | None]:
    """Drop the mail signature, take out ``base-commit:`` lines and trim
    blank lines from both ends; the last ``base-commit:`` line comes second.

    A slice of ``lines`` unless lines were taken out between the ends: a
    slice of the input makes its lines only when read.
    """
    first = last = None
    base_commit = None
    removed: list[int] = []
    # Texts read, and the plain tests first: most lines are prose.
    for index, text in enumerate(texts_of(lines)):
        if text == "-- ":
            break
        if text.startswith("base-commit:") and BASE_COMMIT.fullmatch(text):
            base_commit = lines[index]
            removed.append(index)
        elif text.startswith("prerequisite-patch-id:") and PREREQUISITE.fullmatch(text):
            removed.append(index)
        elif text.strip():
            if first is None:
                first = index
            last = index
    if first is None or last is None:
        return [], base_commit
    kept = lines[first : last + 1]
    inside = {index for index in removed if first < index < last}
    if inside:
        kept = [line for index, line in enumerate(kept, start=first) if index not in inside]
    return kept, base_commit
