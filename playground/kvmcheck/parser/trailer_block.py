"""The trailer block that ends a commit message: ``Signed-off-by:`` and the rest."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kvmcheck import lazy_re
from kvmcheck.input_lines import text_reader
from kvmcheck.model import Line, Trailer
from kvmcheck.trailers import KNOWN_TAGS

# A possessive repeat (*+, also in diff._diff_git_paths): the re module keeps a
# backtracking record per pass of a repeated group, tens of bytes per character.
_TRAILER = lazy_re.compile(r"([A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*+) *:(.*)")


def _is_trailer_line(text: str) -> bool:
    match = _TRAILER.fullmatch(text)
    return match is not None and len(match.group(1)) <= 40 and not match.group(2).startswith("//")


def _is_known_tag(text: str) -> bool:
    match = _TRAILER.fullmatch(text)
    return match is not None and match.group(1).lower() in KNOWN_TAGS


def _is_trailer_block_line(text: str) -> bool:
    """Trailer, its continuation, or a maintainer's ``[ note ]`` between trailers."""
    stripped = text.strip()
    return (
        _is_trailer_line(text)
        or (text[:1] in (" ", "\t") and bool(stripped))
        or stripped.startswith("[")
        or stripped.startswith("(cherry picked from commit")
    )


def _trailer_run_start(text_of: Callable[[int], str], end: int) -> int:
    """Where the run of trailer-block lines ending at ``end`` starts, the
    lines' texts read by ``text_of``.

    A maintainer's note may span lines: ``[Fixed up the comment.`` ...
    ``- Paolo]``; it is taken whole.
    """
    index = end - 1
    while index >= 0:
        text = text_of(index)
        if not text.strip():
            break
        if _is_trailer_block_line(text):
            index -= 1
            continue
        if text.rstrip().endswith("]"):
            opening = index
            while (
                opening >= 0
                and text_of(opening).strip()
                and not text_of(opening).lstrip().startswith("[")
            ):
                opening -= 1
            if opening >= 0 and text_of(opening).lstrip().startswith("["):
                index = opening - 1
                continue
        break
    return index + 1


def split_trailers(lines: Sequence[Line]) -> tuple[Sequence[Line], list[Trailer]]:
    """Separate the trailer block at the end of a message from its body.

    The trailer block is the run of trailer lines ending the last paragraph
    (it must hold at least one known tag), extended upwards over whole
    paragraphs made only of trailers.
    """
    # Texts read, and a `Line` made only of a trailer (for its number).
    text_of = text_reader(lines)
    end = len(lines)
    start = _trailer_run_start(text_of, end)
    while start < end and text_of(start)[:1] in (" ", "\t"):
        start += 1  # a continuation needs its trailer above it
    if not any(_is_known_tag(text_of(index)) for index in range(start, end)):
        return lines, []
    while True:
        above = start
        while above > 0 and not text_of(above - 1).strip():
            above -= 1
        top = above
        while top > 0 and text_of(top - 1).strip():
            top -= 1
        if (
            top < above
            and text_of(top)[:1] not in (" ", "\t")
            and all(_is_trailer_block_line(text_of(index)) for index in range(top, above))
            and any(_is_known_tag(text_of(index)) for index in range(top, above))
        ):
            start = top
            continue
        break
    trailers: list[Trailer] = []
    in_note = False
    for index in range(start, end):
        text = text_of(index)
        stripped = text.strip()
        if in_note or stripped.startswith("["):
            # A maintainer's note; it may go on over several (indented) lines.
            in_note = not stripped.endswith("]")
            continue
        if not stripped:
            continue
        match = _TRAILER.fullmatch(text) if text[:1] not in (" ", "\t") else None
        if match:
            lineno = lines[index].lineno
            trailers.append(Trailer(match.group(1), match.group(2).strip(), lineno, text))
        elif trailers and text[:1] in (" ", "\t"):
            last = trailers[-1]
            trailers[-1] = Trailer(last.key, f"{last.value} {text.strip()}", last.lineno, last.raw)
    return lines[:start], trailers
