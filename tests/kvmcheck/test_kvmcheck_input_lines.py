"""InputLines gives the same lines, numbers and slices as a split list."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvmcheck.input_lines import InputLines

TEXTS = st.text(alphabet="ab \n", max_size=40)


def split_list(text: str) -> list[tuple[str, int]]:
    parts = text.split("\n")
    if parts[-1] == "":
        parts.pop()
    return [(part, number) for number, part in enumerate(parts, start=1)]


def pairs(lines) -> list[tuple[str, int]]:
    return [(line.text, line.lineno) for line in lines]


@given(TEXTS, st.integers(-50, 50), st.integers(-50, 50))
def test_lines_and_slices_match_a_split_list(text: str, start: int, stop: int) -> None:
    expected = split_list(text)
    lines = InputLines.split(text)
    assert len(lines) == len(expected)
    assert pairs(lines) == expected
    assert [(lines[i].text, lines[i].lineno) for i in range(-len(lines), len(lines))] \
        == expected + expected
    view = lines[start:stop]
    assert pairs(view) == expected[start:stop]
    assert pairs(view[1:]) == expected[start:stop][1:]


@given(TEXTS, st.integers(-50, 50), st.integers(-50, 50))
def test_joined_is_the_lines_joined_by_line_ends(text: str, start: int, stop: int) -> None:
    view = InputLines.split(text)[start:stop]
    assert view.joined() == "\n".join(part for part, _ in split_list(text)[start:stop])


def test_index_out_of_range() -> None:
    lines = InputLines.split("a\nb\n")[1:]
    with pytest.raises(IndexError):
        lines[1]
