"""The input file's lines, made into `Line` objects only when read.

A `Line` with its text and line number costs about a hundred bytes, so a
megabyte of blank lines split into a list of them would take a hundred
megabytes, nearly all for blank lines the parser trims away.  This keeps
the text once plus where each line starts (four bytes a line), and its
slices are views, not copies.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from itertools import islice

from kvmcheck import lazy_re
from kvmcheck.model import Line

# typing.overload for mypy only: importing ``typing`` is a share of a
# one-patch run's start-up (mypy reads any TYPE_CHECKING as True).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import overload

_NEWLINE = lazy_re.compile("\n")
_MATCH_END = re.Match.end


def _run(index: slice, length: int) -> tuple[int, int]:
    """Where a slice of a sequence of ``length`` lines starts and stops; the
    views here are runs of lines, so no step."""
    start, stop, step = index.indices(length)
    if step != 1:
        raise ValueError("line views take no step")
    return start, max(start, stop)


class InputLines(Sequence[Line]):
    """Lines ``start`` to ``stop`` (0-based, ``stop`` excluded) of ``text``;
    line ``i`` has line number ``i + 1``."""

    __slots__ = ("_start", "_starts", "_stop", "_text")

    def __init__(self, text: str, starts: array, start: int, stop: int) -> None:
        self._text = text
        self._starts = starts
        self._start = start
        self._stop = stop

    @classmethod
    def split(cls, text: str) -> InputLines:
        """Split at LF (one line end, not a line, after the last line)."""
        starts = array("I" if len(text) < 1 << 31 else "q", [0])
        # Match.end called by map, not by a generator: no Python step per line.
        starts.extend(map(_MATCH_END, _NEWLINE.finditer(text)))
        if text and not text.endswith("\n"):
            starts.append(len(text) + 1)  # as if a line end followed
        return cls(text, starts, 0, len(starts) - 1)

    def __len__(self) -> int:
        return self._stop - self._start

    if TYPE_CHECKING:

        @overload
        def __getitem__(self, index: int) -> Line: ...
        @overload
        def __getitem__(self, index: slice) -> InputLines: ...

    def __getitem__(self, index: int | slice) -> Line | InputLines:
        """A line (a new `Line` each time), or a view of a run of lines."""
        if isinstance(index, slice):
            start, stop = _run(index, len(self))
            return InputLines(self._text, self._starts, self._start + start, self._start + stop)
        # len() and the bounds check inlined: the parser reads its lines one by
        # one, some sixty thousand calls for the corpus's 365 patches.
        start = self._start
        length = self._stop - start
        if index < 0:
            index += length
        if not 0 <= index < length:
            raise IndexError("line index out of range")
        number = start + index
        starts = self._starts
        return Line(self._text[starts[number] : starts[number + 1] - 1], number + 1)

    def text(self, index: int) -> str:
        """The text of line ``index`` (0-based, not negative), with no `Line`
        made: what the parser reads of most lines."""
        if not 0 <= index < self._stop - self._start:
            raise IndexError("line index out of range")
        number = self._start + index
        starts = self._starts
        return self._text[starts[number] : starts[number + 1] - 1]

    def texts(self, start: int = 0) -> Iterator[str]:
        """The texts of the lines from ``start`` (0-based) on, with no `Line` made."""
        text, starts = self._text, self._starts
        for number in range(self._start + start, self._stop):
            yield text[starts[number] : starts[number + 1] - 1]

    def where(self, start: int = 0) -> tuple[str, Iterator[int]]:
        """The text these lines are cut from, and where in it each line from
        ``start`` (0-based) on starts: for a reader of a character or two of
        each of many lines, which need not be cut out.  A line's first
        character is ``text[where]``: its line end, "\\n", if it is empty."""
        # A view, not islice(): islice walks the array from its start, so a
        # reader per hunk would make a many-hunk diff cost quadratic time.
        # The array is never resized once split, so it may be exported.
        return self._text, iter(memoryview(self._starts)[self._start + start : self._stop])

    def joined(self) -> str:
        """The lines' text joined by line ends: one slice of the input, so
        no string per line is made on the way."""
        if self._start == self._stop:
            return ""
        return self._text[self._starts[self._start] : self._starts[self._stop] - 1]

    def starting_with(self, prefix: str) -> Iterator[int]:
        """The indices of the lines that start with ``prefix`` (which holds no
        line end), in order: found by searching the text, with no `Line`
        made for the lines in between."""
        if self._start == self._stop:
            return
        text, starts = self._text, self._starts
        # Where the first line starts and the last one ends.
        start, end = starts[self._start], starts[self._stop] - 1
        if text.startswith(prefix, start, end):
            yield 0
        found = text.find("\n" + prefix, start, end)
        while found >= 0:
            # found + 1 starts a line: which one, by a binary search.
            yield bisect_left(starts, found + 1, self._start, self._stop) - self._start
            found = text.find("\n" + prefix, found + 1, end)

    def __iter__(self) -> Iterator[Line]:
        text, starts = self._text, self._starts
        for number in range(self._start, self._stop):
            yield Line(text[starts[number] : starts[number + 1] - 1], number + 1)


def text_reader(lines: Sequence[Line]) -> Callable[[int], str]:
    """What gives the text of ``lines[index]``: for the input file's lines,
    cut from its text with no `Line` made (a decoded mail body is a list)."""
    if isinstance(lines, InputLines):
        return lines.text
    return lambda index: lines[index].text


def texts_of(lines: Sequence[Line], start: int = 0) -> Iterator[str]:
    """The texts of ``lines[start:]`` in order, as :func:`text_reader` reads
    them, with no `Line` made for lines of the input file."""
    if isinstance(lines, InputLines):
        return lines.texts(start)
    if isinstance(lines, PickedLines):
        return islice(lines.texts(), start, None)
    return (lines[index].text for index in range(start, len(lines)))


def linenos_of(lines: Sequence[Line]) -> Iterator[int | None]:
    """The line numbers of ``lines`` in order, with no `Line` made for
    picked lines of the input file."""
    if isinstance(lines, PickedLines):
        return lines.linenos()
    return (line.lineno for line in lines)


def _then(
    first: Callable[[str], str] | None, second: Callable[[str], str] | None
) -> Callable[[str], str] | None:
    """A view that applies ``first``, then ``second`` (either may be None)."""
    if first is None or second is None:
        return first or second
    return lambda text: second(first(text))


class PickedLines(Sequence[Line]):
    """Some lines of another sequence of lines: those at ``indices[start:stop]``,
    each without its first ``skip`` characters (the ``+`` of a diff line) and
    seen through ``view`` if given.

    Four bytes a line, however short the lines: the added lines of a hunk
    or the prose of a changelog, which rules read again and again, are made
    into `Line` objects only while read.  Several may share one index array
    (the hunks of a diff do).

    Between :meth:`keep` and :meth:`drop` the lines are made once, on the
    first read, and the same `Line` objects handed out on every read after:
    the engine keeps the lines of one small patch while its rules run
    (``kvmcheck.context``).  Made on the first read, not by :meth:`keep`,
    so that a view no rule reads (the removed lines of most hunks) costs
    nothing.
    """

    __slots__ = (
        "_indices",
        "_input",
        "_keep",
        "_kept",
        "_skip",
        "_source",
        "_start",
        "_stop",
        "_view",
    )

    def __init__(
        self,
        source: Sequence[Line],
        indices: array,
        start: int = 0,
        stop: int | None = None,
        skip: int = 0,
        view: Callable[[str], str] | None = None,
    ) -> None:
        self._source = source
        self._indices = indices
        self._start = start
        self._stop = len(indices) if stop is None else stop
        self._skip = skip
        self._view = view
        # Lines of the input file are cut from its text directly: no Line
        # made only to be copied.
        self._input = source if isinstance(source, InputLines) else None
        # Between keep() and drop(): _keep, and _kept once the lines are made.
        self._keep = False
        self._kept: tuple[Line, ...] | None = None

    @staticmethod
    def indices() -> array:
        """An empty index array to fill and pass to the constructor."""
        return array("I")

    @classmethod
    def of(cls, lines: Sequence[Line]) -> PickedLines:
        """``lines`` as picked lines: themselves if they are, else all of them."""
        if isinstance(lines, PickedLines):
            return lines
        return cls(lines, array("I", range(len(lines))))

    def picked(self, positions: array, view: Callable[[str], str] | None = None) -> PickedLines:
        """The lines at ``positions`` (0-based, among these), seen through
        ``view`` as well: picked from the same source, so lines of the input
        file are still cut from its text as read."""
        indices, start = self._indices, self._start
        return PickedLines(
            self._source,
            array("I", [indices[start + position] for position in positions]),
            skip=self._skip,
            view=_then(self._view, view),
        )

    def __len__(self) -> int:
        return self._stop - self._start

    def span(self) -> int:
        """At least as many characters as the lines hold, when they are
        picked in the input's order, each once (as kvmcheck picks them): for
        lines of the input file, the stretch of its text from the first to
        the last, which takes no step per line."""
        if not len(self):
            return 0
        if self._input is None:
            return sum(len(line.text) for line in self)
        first = self._input._start + self._indices[self._start]
        last = self._input._start + self._indices[self._stop - 1]
        return self._input._starts[last + 1] - self._input._starts[first]

    def keep(self) -> None:
        """Make the lines on the next read and hand out these ones until
        :meth:`drop`."""
        self._keep = True

    def drop(self) -> None:
        """Make the lines as read again (see :meth:`keep`)."""
        self._keep = False
        self._kept = None

    def _kept_lines(self) -> tuple[Line, ...] | None:
        """The kept lines, made now if this is the first read since
        :meth:`keep`; None if the lines are not kept."""
        kept = self._kept
        if kept is None and self._keep:
            kept = self._kept = tuple(self._made())
        return kept

    def _line(self, index: int) -> Line:
        if self._input is not None:
            lines = self._input
            number = lines._start + index
            starts = lines._starts
            text = lines._text[starts[number] + self._skip : starts[number + 1] - 1]
            lineno: int | None = number + 1
        else:
            line = self._source[index]
            text, lineno = line.text[self._skip :], line.lineno
        return Line(self._view(text) if self._view else text, lineno)

    if TYPE_CHECKING:

        @overload
        def __getitem__(self, index: int) -> Line: ...
        @overload
        def __getitem__(self, index: slice) -> PickedLines: ...

    def __getitem__(self, index: int | slice) -> Line | PickedLines:
        if isinstance(index, slice):
            start, stop = _run(index, len(self))
            found = PickedLines(
                self._source,
                self._indices,
                self._start + start,
                self._start + stop,
                self._skip,
                self._view,
            )
            kept = self._kept_lines()
            if kept is not None:  # a paragraph of a kept message
                found._kept = kept[start:stop]
            return found
        # len() and the bounds check inlined, as in InputLines.__getitem__.
        start = self._start
        length = self._stop - start
        if index < 0:
            index += length
        if not 0 <= index < length:
            raise IndexError("line index out of range")
        kept = self._kept if self._kept is not None else self._kept_lines()
        if kept is not None:
            return kept[index]
        return self._line(self._indices[start + index])

    def __iter__(self) -> Iterator[Line]:
        kept = self._kept_lines()
        if kept is not None:
            return iter(kept)
        return self._made()

    def texts(self) -> Iterator[str]:
        """The lines' texts (seen through the view), with no `Line` made:
        reading texts does not make the lines of a kept view either."""
        if self._kept is not None:
            return (line.text for line in self._kept)
        if self._input is None:
            return (line.text for line in self._made())
        return self._cut(self._input)

    def linenos(self) -> Iterator[int | None]:
        """The lines' numbers: for lines of the input file, worked out from
        where they are picked, with no `Line` made (``kvmcheck.fix`` reads
        the numbers of every diff line)."""
        if self._kept is not None:
            return (line.lineno for line in self._kept)
        # Not islice(): the diff's hunks share one index array, and islice
        # walks it from its start for each hunk.
        picked = map(self._indices.__getitem__, range(self._start, self._stop))
        if self._input is None:
            source = self._source
            return (source[index].lineno for index in picked)
        first = self._input._start + 1
        return (first + index for index in picked)

    def _cut(self, lines: InputLines) -> Iterator[str]:
        """The texts of these lines of the input file ``lines``, cut from its text."""
        indices, skip, view = self._indices, self._skip, self._view
        text, starts, first = lines._text, lines._starts, lines._start
        for position in range(self._start, self._stop):
            number = first + indices[position]
            cut = text[starts[number] + skip : starts[number + 1] - 1]
            yield view(cut) if view else cut

    def _made(self) -> Iterator[Line]:
        """The lines, each made as it is read."""
        indices, skip, view = self._indices, self._skip, self._view
        if self._input is None:
            for position in range(self._start, self._stop):
                yield self._line(indices[position])
            return
        # _line() inlined: rules read the added lines of a patch again and again.
        text, starts, first = self._input._text, self._input._starts, self._input._start
        for position in range(self._start, self._stop):
            number = first + indices[position]
            cut = text[starts[number] + skip : starts[number + 1] - 1]
            yield Line(view(cut) if view else cut, number + 1)
