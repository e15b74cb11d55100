"""Which added lines of C the code-style rules read, split once per patch.

The rules read the ``+`` lines of the C sources and headers of KVM host code
and the selftests (the files a rule declares with ``areas=(KVM_HOST,),
types=C_FILES``).  A line the patch only moves, unchanged, keeps whatever
style it had: the author did not write it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from kvmcheck.c_source import CodeLine, split_lines
from kvmcheck.context import PatchContext
from kvmcheck.model import FileDiff, Hunk, Line, Patch

# The files the code-style rules read (with areas=(KVM_HOST,)).
C_FILES = ("c", "header")
TAB_WIDTH = 8


# Every code-style rule reads the same lines of the same patch: the removed lines
# and the split of each hunk are worked out once (the caches hold the patch
# and hunk objects, so an id is never reused while its entry lives).
@lru_cache(maxsize=256)
def _removed_of(patch: Patch, strip: bool) -> frozenset[str]:
    return frozenset(line.text.strip() if strip else line.text
                     for file in patch.files for line in file.removed_lines())


def removed_texts(context: PatchContext, strip: bool) -> frozenset[str]:
    """The removed lines of the patch (``strip``: without their indentation)."""
    return _removed_of(context.patch, strip)


@lru_cache(maxsize=4096)
def split_hunk(hunk: Hunk) -> tuple[CodeLine, ...]:
    """The added lines of ``hunk`` split into code and comment."""
    return tuple(split_lines(hunk.added))


# Shorter lines ("{", "}", "break;") are not evidence that code was moved.
_MOVED_MIN = 8


def _new_lines(hunk: Hunk, removed: frozenset[str], strip: bool) -> list[Line]:
    """Added lines the author wrote: not ones moved unchanged from elsewhere."""
    return [line for line in hunk.added
            if len(line.text.strip()) < _MOVED_MIN
            or (line.text.strip() if strip else line.text) not in removed]


@lru_cache(maxsize=4096)
def _whitespace_of(hunk: Hunk, removed: frozenset[str]) -> tuple[Line, ...]:
    return tuple(_new_lines(hunk, removed, strip=False))


@lru_cache(maxsize=4096)
def _written_ids(hunk: Hunk, removed: frozenset[str]) -> frozenset[int]:
    return frozenset(id(line) for line in _new_lines(hunk, removed, strip=True))


@lru_cache(maxsize=4096)
def _written_of(hunk: Hunk, removed: frozenset[str]) -> tuple[CodeLine, ...]:
    written = _written_ids(hunk, removed)
    return tuple(code_line for code_line in split_hunk(hunk) if id(code_line.line) in written)


def written_ids(hunk: Hunk, context: PatchContext) -> frozenset[int]:
    """``id()`` of the added lines of ``hunk`` the author wrote (not moved
    unchanged, indentation aside): for rules that read whole hunks."""
    return _written_ids(hunk, removed_texts(context, strip=True))


def whitespace_lines(context: PatchContext) -> Iterator[tuple[FileDiff, Line]]:
    """Added lines whose whitespace the author chose (moved lines that kept
    their exact text are left alone)."""
    removed = removed_texts(context, strip=False)
    for file in context.files:
        for hunk in file.hunks:
            for line in _whitespace_of(hunk, removed):
                yield file, line


def code_lines(context: PatchContext,
               files: list[FileDiff] | None = None) -> Iterator[tuple[FileDiff, CodeLine]]:
    """Written added lines of ``files`` (default: the files the rule reads), split
    into code and comment; code moved or only re-indented keeps whatever style it had."""
    removed = removed_texts(context, strip=True)
    for file in context.files if files is None else files:
        for hunk in file.hunks:
            for code_line in _written_of(hunk, removed):
                yield file, code_line


def columns(text: str) -> int:
    """The width of ``text`` with tabs expanded to 8 columns."""
    return len(text.expandtabs(TAB_WIDTH))

