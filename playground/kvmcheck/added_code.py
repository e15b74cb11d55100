"""Which added lines of C the code-style rules read, split once per patch.

The rules read the ``+`` lines of the C sources and headers of KVM host code
and the selftests (the files a rule declares with ``areas=(KVM_HOST,),
types=C_FILES``).  A line the patch only moves, unchanged, keeps whatever
style it had: the author did not write it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kvmcheck.c_source import CodeLine, SplitLines, lines_with_literals, split_lines
from kvmcheck.context import PatchContext
from kvmcheck.model import FileDiff, Hunk, Line

# The files the code-style rules read (with areas=(KVM_HOST,)).
C_FILES = ("c", "header")
TAB_WIDTH = 8
# Every code-style rule reads the same split lines: a patch adding up to this
# many lines (the biggest of the real patches in the tests adds 379) keeps
# them all split for the next rule, at most about 1 MB; a bigger one keeps a
# byte a line and splits each line again as a rule reads it.
KEEP_SPLIT_LINES = 5_000

# Shorter lines ("{", "}", "break;") are not evidence that code was moved.
_MOVED_MIN = 8


def removed_texts(context: PatchContext, strip: bool) -> frozenset[str]:
    """The removed lines of the patch (``strip``: without their indentation)."""
    key = ("removed", strip)
    found = context.memo.get(key)
    if found is None:
        found = context.memo[key] = frozenset(
            line.text.strip() if strip else line.text
            for file in context.patch.files
            for line in file.removed_lines()
        )
    return found


def _new_lines(hunk: Hunk, removed: frozenset[str], strip: bool) -> bytes:
    """One byte per added line: 1 for a line the author wrote, 0 for one
    moved unchanged from elsewhere in the patch."""
    return bytes(
        len(line.text.strip()) < _MOVED_MIN
        or (line.text.strip() if strip else line.text) not in removed
        for line in hunk.added
    )


def written(hunk: Hunk, context: PatchContext) -> bytes:
    """One byte per added line of ``hunk``: 1 when the author wrote it (not
    moved unchanged, indentation aside)."""
    if hunk.written is None:
        hunk.written = _new_lines(hunk, removed_texts(context, strip=True), strip=True)
    return hunk.written


def split_hunk(hunk: Hunk, context: PatchContext) -> Sequence[CodeLine]:
    """The added lines of ``hunk`` split into code and comment."""
    if hunk.code is None:
        keep = context.memo.get("keep split")
        if keep is None:
            added = sum(len(h.added) for file in context.patch.files for h in file.hunks)
            keep = context.memo["keep split"] = added <= KEEP_SPLIT_LINES
        hunk.code = tuple(split_lines(hunk.added)) if keep else SplitLines(hunk.added)
    return hunk.code


def whitespace_lines(context: PatchContext) -> Iterator[tuple[FileDiff, Line]]:
    """Added lines whose whitespace the author chose (moved lines that kept
    their exact text are left alone)."""
    for file in context.files:
        for hunk in file.hunks:
            if hunk.whitespace_chosen is None:
                hunk.whitespace_chosen = _new_lines(
                    hunk, removed_texts(context, strip=False), strip=False
                )
            for line, chosen in zip(hunk.added, hunk.whitespace_chosen, strict=True):
                if chosen:
                    yield file, line


def whitespace_lines_with_literals(
    context: PatchContext,
) -> Iterator[tuple[FileDiff, Line, list[tuple[int, int]]]]:
    """:func:`whitespace_lines`, each with the spans of its literals and
    comments (:func:`kvmcheck.c_source.literal_spans`): a whitespace fix
    must leave them alone."""
    for file in context.files:
        for hunk in file.hunks:
            if hunk.whitespace_chosen is None:
                hunk.whitespace_chosen = _new_lines(
                    hunk, removed_texts(context, strip=False), strip=False
                )
            for (line, _state, spans), chosen in zip(
                lines_with_literals(hunk.added), hunk.whitespace_chosen, strict=True
            ):
                if chosen:
                    yield file, line, spans


def code_lines(
    context: PatchContext, files: list[FileDiff] | None = None
) -> Iterator[tuple[FileDiff, CodeLine]]:
    """Written added lines of ``files`` (default: the files the rule reads), split
    into code and comment; code moved or only re-indented keeps whatever style it had."""
    for file in context.files if files is None else files:
        for hunk in file.hunks:
            for code_line, wrote in zip(
                split_hunk(hunk, context), written(hunk, context), strict=True
            ):
                if wrote:
                    yield file, code_line


def columns(text: str) -> int:
    """The width of ``text`` with tabs expanded to 8 columns."""
    return len(text.expandtabs(TAB_WIDTH))
