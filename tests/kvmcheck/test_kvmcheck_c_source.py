"""Splitting added C lines into code and comment (kvmcheck/c_source.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kvmcheck.c_source import split_line, split_lines
from kvmcheck.model import Line


def test_literals_are_blanked_and_keep_their_width() -> None:
    code, comment, open_comment = split_line("\tpr_err(\"a=b, c(d)\\n\", 'x');")
    assert code == "\tpr_err(\"xxxxxxxxxxx\", 'x');"
    assert comment == "" and not open_comment


def test_comments_are_split_off() -> None:
    # A comment that ends the line leaves nothing whose columns need keeping.
    assert split_line("\tr = 0; /* reset */") == ("\tr = 0; ", " reset ", False)
    assert split_line("\tr = 0; /* reset */  ") == ("\tr = 0;   ", " reset ", False)
    assert split_line("\tr = /* reset */ 0;") == ("\tr =             0;", " reset ", False)
    assert split_line("\tr = 0; // reset") == ("\tr = 0; ", " reset", False)
    assert split_line("\t/* starts here") == ("\t", " starts here", True)
    assert split_line("\t * continues") == ("", "\t * continues", True)
    assert split_line("\t */ r = 0;") == ("\t    r = 0;", "\t ", False)


def test_an_open_comment_carries_to_the_next_line_only() -> None:
    lines = [
        Line("\t/*", 10),
        Line("\tif(x) a=b", 11),
        Line("\t*/", 12),
        Line("\tx=y;", 13),
        Line("\t/*", 20),
        Line("\tfoo(a,b);", 30),
    ]
    split = list(split_lines(lines))
    assert [part.code.strip() for part in split] == ["", "", "", "x=y;", "", "foo(a,b);"]


@given(st.lists(st.text(alphabet="ab /*\"'\\\t;(),=", max_size=40), max_size=8))
def test_any_lines_split_without_error(texts: list[str]) -> None:
    for number, part in enumerate(split_lines([Line(t, n) for n, t in enumerate(texts, 1)])):
        assert len(part.code) <= len(texts[number]) + 2
        assert isinstance(part.comment, str)


def test_a_line_too_long_for_any_kernel_is_not_split() -> None:
    """A hostile line of many literals would keep a piece per literal alive."""
    huge = "\t" + '"a" ' * 2000 + "/* x */ b;"
    assert split_line(huge) == ("", "", False)
    assert split_line(huge, in_comment=True) == ("", "", True)
