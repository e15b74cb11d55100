"""Input rule: input-unrecognized (kvmcheck/rules/input.py)."""

from __future__ import annotations

import pytest

from kvmcheck.rules._examples import patch


@pytest.mark.parametrize(
    ("data", "words"),
    [(b"", ("empty", "git format-patch")), (b"\n \n", ("empty", "git format-patch")),
     (bytes(range(256)), ("binary", "git format-patch")),
     ("<html><body>patch</body></html>", ("web page", "'raw' link", "b4 am"))],
)
def test_unrecognized_input_is_one_error(check, data, words: tuple[str, ...]) -> None:
    """The message says what the input looked like and what to give instead."""
    (finding,) = check(data)
    assert finding["rule"] == "input-unrecognized"
    assert finding["severity"] == "error"
    assert finding["line"] is None
    for word in words:
        assert word in finding["message"]


def test_patches_are_recognized(fired) -> None:
    assert not fired("input-unrecognized", patch())


def test_one_bad_file_among_good_ones(check) -> None:
    found = check([patch(), b"\x00\x01\x02"])
    assert [f["rule"] for f in found if f["severity"] == "error"] == ["input-unrecognized"]
