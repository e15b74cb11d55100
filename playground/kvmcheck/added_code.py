"""Which added lines of C the code-style rules read, split once per patch.

The rules read the ``+`` lines of the C sources and headers of KVM host code
and the selftests (the files a rule declares with ``areas=(KVM_HOST,),
types=C_FILES``).  A line the patch only moves, unchanged, keeps whatever
style it had: the author did not write it.

A rule reads them through ``context.added_code`` (an `AddedCode`) or the
iterators below, never ``hunk.added`` directly: `AddedCode` splits and
sorts the lines once per patch for all the rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from kvmcheck.c_source import CodeLine, SplitLines, lines_with_literals, split_lines
from kvmcheck.model import FileDiff, Hunk, Line, Patch

TYPE_CHECKING = False  # not typing's: a run need not import typing
if TYPE_CHECKING:  # context.py builds an AddedCode for each patch
    from kvmcheck.context import PatchContext

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


class AddedCode:
    """The code one patch adds, as the code-style rules read it.

    Reached as ``context.added_code`` (one per patch, shared by every rule);
    each view is worked out when first asked for and kept until the patch's
    run ends, so the rules share the work without knowing of it:

    ``lines(hunk)``: the added lines of ``hunk`` split into code and comment;
    ``written(hunk)``: one byte per added line, 1 when the author wrote it
    (not moved unchanged from elsewhere in the patch, indentation aside);
    ``whitespace_chosen(hunk)``: the same, but a moved line counts as written
    unless it kept its exact text (its whitespace included);
    ``removed(strip)``: the text of every removed line of the patch
    (``strip``: without the leading and trailing whitespace).
    """

    __slots__ = (
        "_keep_split",
        "_lines",
        "_patch",
        "_removed",
        "_whitespace",
        "_written",
        "_written_code",
    )

    def __init__(self, patch: Patch) -> None:
        self._patch = patch
        self._keep_split: bool | None = None
        self._lines: dict[Hunk, Sequence[CodeLine]] = {}
        self._written: dict[Hunk, bytes] = {}
        self._whitespace: dict[Hunk, bytes] = {}
        self._written_code: dict[Hunk, Sequence[CodeLine]] = {}
        self._removed: dict[bool, frozenset[str]] = {}

    def removed(self, strip: bool) -> frozenset[str]:
        """The removed lines of the patch (``strip``: without their indentation)."""
        found = self._removed.get(strip)
        if found is None:
            found = self._removed[strip] = frozenset(
                line.text.strip() if strip else line.text
                for file in self._patch.files
                for line in file.removed_lines()
            )
        return found

    def lines(self, hunk: Hunk) -> Sequence[CodeLine]:
        """The added lines of ``hunk`` split into code and comment."""
        found = self._lines.get(hunk)
        if found is None:
            if self._keep_split is None:
                added = sum(len(h.added) for file in self._patch.files for h in file.hunks)
                self._keep_split = added <= KEEP_SPLIT_LINES
            found = tuple(split_lines(hunk.added)) if self._keep_split else SplitLines(hunk.added)
            self._lines[hunk] = found
        return found

    def written(self, hunk: Hunk) -> bytes:
        """One byte per added line of ``hunk``: 1 when the author wrote it (not
        moved unchanged, indentation aside)."""
        found = self._written.get(hunk)
        if found is None:
            found = self._written[hunk] = _new_lines(hunk, self.removed(strip=True), strip=True)
        return found

    def written_code(self, hunk: Hunk) -> Iterable[CodeLine]:
        """The lines of ``lines(hunk)`` the author wrote (see ``written``):
        picked once for the twenty rules that read them, unless the patch is
        too big to keep its lines split."""
        found = self._written_code.get(hunk)
        if found is not None:
            return found
        picked = (
            code_line
            for code_line, wrote in zip(self.lines(hunk), self.written(hunk), strict=True)
            if wrote
        )
        if not self._keep_split:
            return picked
        found = self._written_code[hunk] = tuple(picked)
        return found

    def whitespace_chosen(self, hunk: Hunk) -> bytes:
        """One byte per added line of ``hunk``: 1 when the author chose its
        whitespace (not moved with its exact text)."""
        found = self._whitespace.get(hunk)
        if found is None:
            found = self._whitespace[hunk] = _new_lines(
                hunk, self.removed(strip=False), strip=False
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


def whitespace_lines(context: PatchContext) -> Iterator[tuple[FileDiff, Line]]:
    """Added lines whose whitespace the author chose (moved lines that kept
    their exact text are left alone)."""
    added_code = context.added_code
    for file in context.files:
        for hunk in file.hunks:
            for line, chosen in zip(hunk.added, added_code.whitespace_chosen(hunk), strict=True):
                if chosen:
                    yield file, line


def whitespace_lines_with_literals(
    context: PatchContext, having: str
) -> Iterator[tuple[FileDiff, Line, list[tuple[int, int]]]]:
    """:func:`whitespace_lines` that contain ``having``, each with the spans
    of its literals and comments (:func:`kvmcheck.c_source.literal_spans`):
    a whitespace fix must leave them alone."""
    added_code = context.added_code
    for file in context.files:
        for hunk in file.hunks:
            # The spans come from a scan of the whole hunk (a comment or
            # literal may go on over lines): skipped for the many hunks
            # with no line to report.
            if not any(having in line.text for line in hunk.added):
                continue
            for (line, _state, spans), chosen in zip(
                lines_with_literals(hunk.added), added_code.whitespace_chosen(hunk), strict=True
            ):
                if chosen and having in line.text:
                    yield file, line, spans


def code_lines(
    context: PatchContext, files: list[FileDiff] | None = None
) -> Iterator[tuple[FileDiff, CodeLine]]:
    """Written added lines of ``files`` (default: the files the rule reads), split
    into code and comment; code moved or only re-indented keeps whatever style it had."""
    added_code = context.added_code
    for file in context.files if files is None else files:
        for hunk in file.hunks:
            for code_line in added_code.written_code(hunk):
                yield file, code_line


def columns(text: str) -> int:
    """The width of ``text`` with tabs expanded to 8 columns."""
    return len(text.expandtabs(TAB_WIDTH))
