"""The trailer vocabulary (kvmcheck/trailers.py) and its two readers: the
parser's trailer block and the trailer-malformed rule."""

from __future__ import annotations

import pytest

from kvmcheck.parser import parse_file
from kvmcheck.rules._examples import AUTHOR, SIGNOFF, patch
from kvmcheck.trailers import CANONICAL_TAGS, KNOWN_TAGS, PERSON_TAGS, TRAILER_TAGS

CHECKED = [tag for tag in TRAILER_TAGS if tag.checked]


def _value(tag: str) -> str:
    return AUTHOR if tag.lower() in PERSON_TAGS else "something"


def test_the_table_has_each_tag_once() -> None:
    names = [tag.name.lower() for tag in TRAILER_TAGS]
    assert len(names) == len(set(names)) == len(KNOWN_TAGS)
    assert set(CANONICAL_TAGS.values()) == {tag.name for tag in CHECKED}


@pytest.mark.parametrize("tag", [tag.name for tag in TRAILER_TAGS])
def test_a_paragraph_of_one_known_tag_is_the_trailer_block(tag: str) -> None:
    # Lower-cased as well: the block is found before its spelling is checked.
    for written in (tag, tag.lower()):
        (parsed,) = parse_file("x.patch", patch(trailers=f"{written}: {_value(tag)}"))
        assert [t.key for t in parsed.trailers] == [written]
        assert all(written not in line.text for line in parsed.message)


def test_a_paragraph_of_unknown_tags_stays_in_the_message() -> None:
    (parsed,) = parse_file("x.patch", patch(trailers="Looked-at-by: " + AUTHOR))
    assert parsed.trailers == []
    assert parsed.message[-1].text == "Looked-at-by: " + AUTHOR


@pytest.mark.parametrize("tag", [tag.name for tag in CHECKED])
def test_trailer_malformed_corrects_the_case_of_each_checked_tag(fired, tag: str) -> None:
    written = tag.upper()
    trailers = f"{written}: {_value(tag)}" + ("" if tag == "Signed-off-by" else f"\n{SIGNOFF}")
    (finding,) = fired("trailer-malformed", patch(trailers=trailers))
    assert f"'{tag}:'" in finding["message"]
    assert f"'{written}:'" in finding["message"]


@pytest.mark.parametrize("tag", sorted(PERSON_TAGS & set(CANONICAL_TAGS)))
def test_trailer_malformed_wants_an_address_for_each_person_tag(fired, tag: str) -> None:
    name = CANONICAL_TAGS[tag]
    trailers = f"{name}: Jane Developer" + ("" if name == "Signed-off-by" else f"\n{SIGNOFF}")
    findings = fired("trailer-malformed", patch(trailers=trailers))
    assert [f["line"] for f in findings] == [finding_line(trailers, name)]


def finding_line(trailers: str, name: str) -> int:
    text = patch(trailers=trailers)
    return text.split("\n").index(f"{name}: Jane Developer") + 1
