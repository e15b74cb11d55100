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
from collections.abc import Iterator, Sequence

from kvmcheck.model import Line

_NEWLINE = re.compile("\n")


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
        starts.extend(match.end() for match in _NEWLINE.finditer(text))
        if text and not text.endswith("\n"):
            starts.append(len(text) + 1)  # as if a line end followed
        return cls(text, starts, 0, len(starts) - 1)

    def __len__(self) -> int:
        return self._stop - self._start

    def __getitem__(self, index: int | slice) -> Line | InputLines:
        """A line (a new `Line` each time), or a view of a run of lines."""
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                raise ValueError("InputLines slices take no step")
            return InputLines(self._text, self._starts, self._start + start,
                              self._start + max(start, stop))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("line index out of range")
        number = self._start + index
        starts = self._starts
        return Line(self._text[starts[number]:starts[number + 1] - 1], number + 1)

    def joined(self) -> str:
        """The lines' text joined by line ends: one slice of the input, so
        no string per line is made on the way."""
        if self._start == self._stop:
            return ""
        return self._text[self._starts[self._start]:self._starts[self._stop] - 1]

    def __iter__(self) -> Iterator[Line]:
        text, starts = self._text, self._starts
        for number in range(self._start, self._stop):
            yield Line(text[starts[number]:starts[number + 1] - 1], number + 1)
