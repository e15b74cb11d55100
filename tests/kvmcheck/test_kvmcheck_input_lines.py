"""InputLines and PickedLines give the same lines, numbers and slices as a split list."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvmcheck.input_lines import InputLines, PickedLines, linenos_of, text_reader, texts_of
from kvmcheck.model import Line

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
    assert [
        (lines[i].text, lines[i].lineno) for i in range(-len(lines), len(lines))
    ] == expected + expected
    view = lines[start:stop]
    assert pairs(view) == expected[start:stop]
    assert pairs(view[1:]) == expected[start:stop][1:]


@given(TEXTS, st.integers(-50, 50), st.integers(-50, 50))
def test_joined_is_the_lines_joined_by_line_ends(text: str, start: int, stop: int) -> None:
    view = InputLines.split(text)[start:stop]
    assert view.joined() == "\n".join(part for part, _ in split_list(text)[start:stop])


@given(TEXTS, st.sampled_from(["a", "ab", " a", "b b"]), st.integers(-50, 50), st.integers(-50, 50))
def test_lines_starting_with_a_prefix_are_found_in_the_text(
    text: str, prefix: str, start: int, stop: int
) -> None:
    view = InputLines.split(text)[start:stop]
    expected = [i for i, line in enumerate(view) if line.text.startswith(prefix)]
    assert list(view.starting_with(prefix)) == expected


@given(TEXTS, st.integers(-50, 50), st.integers(-50, 50), st.integers(0, 50))
def test_texts_are_read_as_the_lines_hold_them(
    text: str, start: int, stop: int, first: int
) -> None:
    """By index and from an index on, from the input, from lines picked of
    it and from a list of lines."""
    view = InputLines.split(text)[start:stop]
    expected = [part for part, _ in split_list(text)[start:stop]]
    for lines in (view, PickedLines.of(view), [Line(line.text, line.lineno) for line in view]):
        text_of = text_reader(lines)
        assert [text_of(index) for index in range(len(lines))] == expected
        assert list(texts_of(lines, first)) == expected[first:]
    with pytest.raises(IndexError):
        view.text(len(view))


def test_index_out_of_range() -> None:
    lines = InputLines.split("a\nb\n")[1:]
    with pytest.raises(IndexError):
        lines[1]


@given(
    TEXTS,
    st.lists(st.integers(0, 39), max_size=20),
    st.integers(0, 2),
    st.integers(-25, 25),
    st.integers(-25, 25),
)
def test_picked_lines_match_picking_from_a_list(
    text: str, picks: list[int], skip: int, start: int, stop: int
) -> None:
    """Picked lines cut from the input file and from a list of lines agree
    with picking from a split list, slices included."""
    expected_lines = split_list(text)
    chosen = [index for index in picks if index < len(expected_lines)]
    expected = [(expected_lines[i][0][skip:], expected_lines[i][1]) for i in chosen]
    indices = PickedLines.indices()
    indices.extend(chosen)
    from_input = PickedLines(InputLines.split(text), indices, skip=skip)
    from_list = PickedLines([Line(t, n) for t, n in expected_lines], indices, skip=skip)
    for picked in (from_input, from_list):
        # Made as read, kept (the same lines on every read), dropped again.
        for kept in (False, True, False):
            if chosen == sorted(set(chosen)):
                assert picked.span() >= sum(len(t) for t, _ in expected)
            if kept:
                picked.keep()
            else:
                picked.drop()
            assert len(picked) == len(expected)
            assert pairs(picked) == expected
            assert list(picked.texts()) == [text for text, _ in expected]
            assert list(picked.linenos()) == [lineno for _, lineno in expected]
            assert list(linenos_of(list(picked))) == [lineno for _, lineno in expected]
            assert [
                (line.text, line.lineno)
                for line in (picked[i] for i in range(-len(expected), len(expected)))
            ] == expected + expected
            assert pairs(picked[start:stop]) == expected[start:stop]
            assert pairs(picked[start:stop][1:]) == expected[start:stop][1:]


def test_kept_lines_are_made_once_until_dropped() -> None:
    indices = PickedLines.indices()
    indices.extend([0, 2])
    picked = PickedLines(InputLines.split("+a\n b\n+c\n"), indices, skip=1)
    assert picked[0] is not picked[0]
    picked.keep()
    first = list(picked)
    assert [line.text for line in first] == ["a", "c"]
    assert list(picked) == first
    assert picked[-1] is first[1]
    assert picked[1:][0] is first[1]
    with pytest.raises(IndexError):
        picked[2]
    picked.drop()
    assert picked[0] is not first[0]
    assert pairs(picked) == [("a", 1), ("c", 3)]


def test_kept_lines_are_made_on_the_first_read() -> None:
    """keep() makes nothing: a kept view no rule reads costs nothing, and one
    read is made once, on its first read (texts read make no line)."""
    seen: list[str] = []

    def view(text: str) -> str:
        seen.append(text)
        return text.upper()

    indices = PickedLines.indices()
    indices.extend([0, 2])
    picked = PickedLines(InputLines.split("+a\n b\n+c\n"), indices, skip=1, view=view)
    picked.keep()
    assert seen == []
    assert list(picked.texts()) == ["A", "C"]
    seen.clear()
    first = picked[1]
    assert (first.text, first.lineno) == ("C", 3)
    assert seen == ["a", "c"]
    assert list(picked) == [picked[0], first]
    assert picked[1] is first
    assert seen == ["a", "c"]
    picked.drop()
    picked.keep()
    assert picked[1:][0] is not first
    assert picked[1:][0] is picked[1]


def test_picked_lines_share_an_index_array_by_range() -> None:
    lines = InputLines.split("+a\n b\n+c\n+d\n")
    indices = PickedLines.indices()
    indices.extend([0, 2, 3])
    first, second = (
        PickedLines(lines, indices, 0, 1, skip=1),
        PickedLines(lines, indices, 1, skip=1),
    )
    assert pairs(first) == [("a", 1)]
    assert pairs(second) == [("c", 3), ("d", 4)]
    with pytest.raises(IndexError):
        second[2]


def test_picked_lines_view_each_line() -> None:
    indices = PickedLines.indices()
    indices.extend([1])
    picked = PickedLines(InputLines.split("a\nsee http://x.org\n"), indices, view=str.upper)
    assert pairs(picked) == [("SEE HTTP://X.ORG", 2)]
    assert list(picked.texts()) == ["SEE HTTP://X.ORG"]
