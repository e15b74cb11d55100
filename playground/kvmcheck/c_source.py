"""What the code-style rules see of an added line of C: its code and its comment.

A rule about spacing must not look inside string literals or comments, and a
rule about typos must look only there.  :func:`split_lines` walks the added
lines of a hunk once and splits each into the code (literals blanked, comments
removed) and the comment text, carrying an open ``/* ... */`` from one added
line to the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from kvmcheck import lazy_re
from kvmcheck.model import Line, follows

# typing.overload for mypy only: importing ``typing`` is a share of a
# one-patch run's start-up (mypy reads any TYPE_CHECKING as True).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import overload

# Blanked so operators and commas inside them are not seen; the quotes stay,
# so "a literal is here" still shows.
_LITERAL = lazy_re.compile(r'"(?:[^"\\]|\\.)*"?|\'(?:[^\'\\]|\\.)*\'?')
# A line inside a block comment that git shows without its opening "/*".
_COMMENT_CONTINUATION = lazy_re.compile(r"\s*\*(?:\s|/|$)")


class CodeLine:
    """An added line split into ``code`` and ``comment`` (both may be empty).

    ``line`` is the model's line (text and line number); ``code`` keeps the
    columns of everything before the first comment, with each literal's
    content replaced by the same number of ``x``.
    """

    __slots__ = ("code", "comment", "line")

    def __init__(self, line: Line, code: str, comment: str) -> None:
        self.line = line
        self.code = code
        self.comment = comment

    def __repr__(self) -> str:
        return f"CodeLine({self.code!r}, {self.comment!r})"


def _erase(text: str) -> str:
    """Comment text as the code sees it: gone, but its columns and tabs kept."""
    return re.sub(r"\S", " ", text)


def _blank(match: re.Match[str]) -> str:
    text = match.group()
    quote = text[0]
    closed = len(text) >= 2 and text.endswith(quote)
    inner = len(text) - (2 if closed else 1)
    return quote + "x" * inner + (quote if closed else "")


# No line of C the kernel would take comes near this; line-too-long reports
# one that does.  Splitting a hostile line of a million literals would keep a
# piece per literal alive, so such a line is not split at all.
LONGEST_SPLIT = 4096


def split_line(text: str, in_comment: bool = False) -> tuple[str, str, bool]:
    """``(code, comment, still in a block comment)`` for one line of C; both
    empty for a line longer than :data:`LONGEST_SPLIT`."""
    if len(text) > LONGEST_SPLIT:
        return "", "", in_comment
    if not in_comment and _SPECIAL.search(text) is None and not _COMMENT_CONTINUATION.match(text):
        return text, "", False  # most lines: no comment, no literal
    code: list[str] = []
    comment: list[str] = []
    position = 0
    if in_comment or _COMMENT_CONTINUATION.match(text):
        end = text.find("*/")
        if end < 0:
            return "", text, True
        comment.append(text[:end])
        code.append(_erase(text[: end + 2]))
        position = end + 2
    while position < len(text):
        # Searched in place: slicing off the rest of the line at every
        # comment or literal would copy a long line once per literal.
        special = _SPECIAL.search(text, position)
        if special is None:
            code.append(text[position:])
            break
        code.append(text[position : special.start()])
        position, kind = special.start(), special.group()
        if kind == "//":
            comment.append(text[position + 2 :])
            break
        if kind == "/*":
            end = text.find("*/", position + 2)
            if end < 0:
                comment.append(text[position + 2 :])
                return "".join(code), " ".join(comment), True
            comment.append(text[position + 2 : end])
            if not text[end + 2 :].isspace() and end + 2 < len(text):
                # Code follows: keep its columns.  A comment that ends the
                # line leaves nothing to keep columns for.
                code.append(_erase(text[position : end + 2]))
            position = end + 2
            continue
        literal = _LITERAL.match(text, position)
        assert literal is not None
        code.append(_blank(literal))
        position = literal.end()
    return "".join(code), " ".join(comment), False


_SPECIAL = lazy_re.compile(r"//|/\*|[\"']")


def split_lines(lines: Iterable[Line]) -> Iterator[CodeLine]:
    """Each line split into code and comment, a block comment carried over
    to a line that directly follows (same hunk, no context line between)."""
    in_comment = False
    previous: Line | None = None
    for line in lines:
        code, comment, in_comment = split_line(line.text, in_comment and follows(previous, line))
        previous = line
        yield CodeLine(line, code, comment)


# What SplitLines keeps of a line: its code is its text (nothing to split),
# or it is split again when read, starting outside or inside a block comment.
_PLAIN, _SPLIT, _INSIDE = 0, 1, 2


class SplitLines(Sequence[CodeLine]):
    """:func:`split_lines` of ``lines`` as a sequence that splits a line when
    it is read, keeping one byte a line: whether the line has a comment or a
    literal to split off, and whether it starts inside a block comment.  For
    hunks too big to keep every split line of."""

    __slots__ = ("_lines", "_states")

    def __init__(self, lines: Sequence[Line]) -> None:
        self._lines = lines
        states = bytearray()
        in_comment = False
        previous: Line | None = None
        for line in lines:
            starts_inside = in_comment and follows(previous, line)
            code, comment, in_comment = split_line(line.text, starts_inside)
            states.append(
                _INSIDE
                if starts_inside
                else _PLAIN
                if not comment and code == line.text
                else _SPLIT
            )
            previous = line
        self._states = bytes(states)

    def __len__(self) -> int:
        return len(self._states)

    @staticmethod
    def _split(line: Line, state: int) -> CodeLine:
        if state == _PLAIN:
            return CodeLine(line, line.text, "")
        code, comment, _ = split_line(line.text, state == _INSIDE)
        return CodeLine(line, code, comment)

    if TYPE_CHECKING:

        @overload
        def __getitem__(self, index: int) -> CodeLine: ...
        @overload
        def __getitem__(self, index: slice) -> tuple[CodeLine, ...]: ...

    def __getitem__(self, index: int | slice) -> CodeLine | tuple[CodeLine, ...]:
        """A line, split now; a slice, split now into a tuple."""
        if isinstance(index, slice):
            return tuple(map(self._split, self._lines[index], self._states[index]))
        return self._split(self._lines[index], self._states[index])

    def __iter__(self) -> Iterator[CodeLine]:
        split = self._split
        for line, state in zip(self._lines, self._states, strict=True):
            yield split(line, state)


# Where a line of C stands at its end, for the next line: in code, inside a
# block comment, or inside a string or character literal continued by a
# backslash at the end of the line.
CODE, IN_COMMENT = "", "*"


def literal_spans(text: str, state: str = CODE) -> tuple[list[tuple[int, int]], str]:
    """The ``(start, end)`` spans of ``text`` that lie inside a string or
    character literal or a comment, and the state the next line starts in.

    ``state`` is where the line starts: :data:`CODE`, :data:`IN_COMMENT`, or
    the quote of a literal the previous line continued with a backslash.  A
    fix that edits whitespace must stay out of these spans: a tab inside
    ``"a \\tb"`` is part of the string.  A line longer than
    :data:`LONGEST_SPLIT` is one span: a piece per literal of a hostile line
    would cost far more than the line, and no fix is worth that.
    """
    if len(text) > LONGEST_SPLIT:
        return [(0, len(text))], CODE
    spans: list[tuple[int, int]] = []
    position = 0
    if state == IN_COMMENT:
        end = text.find("*/")
        if end < 0:
            return [(0, len(text))], IN_COMMENT
        spans.append((0, end + 2))
        position = end + 2
    elif state:
        rest = _LITERAL.match(state + text)
        assert rest is not None
        spans.append((0, rest.end() - 1))
        if not _closes(rest.group()[1:], state):
            return spans, state if text.endswith("\\") else CODE
        position = rest.end() - 1
    while position < len(text):
        special = _SPECIAL.search(text, position)
        if special is None:
            break
        start, kind = special.start(), special.group()
        if kind == "//":
            spans.append((start, len(text)))
            break
        if kind == "/*":
            end = text.find("*/", start + 2)
            if end < 0:
                spans.append((start, len(text)))
                return spans, IN_COMMENT
            spans.append((start, end + 2))
            position = end + 2
            continue
        literal = _LITERAL.match(text, start)
        assert literal is not None
        spans.append((start, literal.end()))
        position = literal.end()
        closed = literal.end() - start >= 2 and _closes(literal.group()[1:], kind)
        if not closed:
            return spans, kind if text.endswith("\\") else CODE
    return spans, CODE


def _closes(body: str, quote: str) -> bool:
    """Whether ``body`` (a literal after its opening quote) ends with its closing quote."""
    if not body.endswith(quote):
        return False
    backslashes = len(body) - 1 - len(body[:-1].rstrip("\\"))
    return backslashes % 2 == 0


def lines_with_literals(lines: Iterable[Line]) -> Iterator[tuple[Line, str, list[tuple[int, int]]]]:
    """Each line with the state it starts in and its :func:`literal_spans`,
    a comment or a continued literal carried to a line that directly follows."""
    state = CODE
    previous: Line | None = None
    for line in lines:
        if not follows(previous, line):
            state = CODE
        previous = line
        if state == CODE and _SPECIAL.search(line.text) is None:
            yield line, CODE, []
            continue
        spans, after = literal_spans(line.text, state)
        yield line, state, spans
        state = after
