"""The trailer block that ends a commit message: ``Signed-off-by:`` and the rest."""

from __future__ import annotations

from collections.abc import Sequence

from kvmcheck import lazy_re
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


def _trailer_run_start(lines: Sequence[Line], end: int) -> int:
    """Where the run of trailer-block lines ending at ``end`` starts.

    A maintainer's note may span lines: ``[Fixed up the comment.`` ...
    ``- Paolo]``; it is taken whole.
    """
    index = end - 1
    while index >= 0:
        text = lines[index].text  # each read of a line makes it: read once
        if not text.strip():
            break
        if _is_trailer_block_line(text):
            index -= 1
            continue
        if text.rstrip().endswith("]"):
            opening = index
            while (
                opening >= 0
                and lines[opening].text.strip()
                and not lines[opening].text.lstrip().startswith("[")
            ):
                opening -= 1
            if opening >= 0 and lines[opening].text.lstrip().startswith("["):
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
    end = len(lines)
    start = _trailer_run_start(lines, end)
    while start < end and lines[start].text[:1] in (" ", "\t"):
        start += 1  # a continuation needs its trailer above it
    if not any(_is_known_tag(line.text) for line in lines[start:end]):
        return lines, []
    while True:
        above = start
        while above > 0 and not lines[above - 1].text.strip():
            above -= 1
        top = above
        while top > 0 and lines[top - 1].text.strip():
            top -= 1
        paragraph = lines[top:above]
        if (
            paragraph
            and all(_is_trailer_block_line(line.text) for line in paragraph)
            and paragraph[0].text[:1] not in (" ", "\t")
            and any(_is_known_tag(line.text) for line in paragraph)
        ):
            start = top
            continue
        break
    trailers: list[Trailer] = []
    in_note = False
    for line in lines[start:end]:
        text = line.text
        stripped = text.strip()
        if in_note or stripped.startswith("["):
            # A maintainer's note; it may go on over several (indented) lines.
            in_note = not stripped.endswith("]")
            continue
        if not stripped:
            continue
        match = _TRAILER.fullmatch(text) if text[:1] not in (" ", "\t") else None
        if match:
            trailers.append(Trailer(match.group(1), match.group(2).strip(), line.lineno, text))
        elif trailers and text[:1] in (" ", "\t"):
            last = trailers[-1]
            trailers[-1] = Trailer(last.key, f"{last.value} {text.strip()}", last.lineno, last.raw)
    return lines[:start], trailers
