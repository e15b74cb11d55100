"""Input rule: input-unrecognized (kvmcheck/rules/input.py)."""

from __future__ import annotations

import pytest

from kvmcheck.rules._examples import patch


@pytest.mark.parametrize(
    ("data", "word"),
    [(b"", "empty"), (b"\n \n", "empty"), (bytes(range(256)), "binary"),
     ("<html><body>patch</body></html>", "web page")],
)
def test_unrecognized_input_is_one_error(check, data, word: str) -> None:
    (finding,) = check(data)
    assert finding["rule"] == "input-unrecognized"
    assert finding["severity"] == "error"
    assert finding["line"] is None
    assert word in finding["message"]
    assert "git format-patch" in finding["message"] or "raw" in finding["message"]


def test_patches_are_recognized(fired) -> None:
    assert not fired("input-unrecognized", patch())


def test_one_bad_file_among_good_ones(check) -> None:
    found = check([patch(), b"\x00\x01\x02"])
    assert [f["rule"] for f in found if f["severity"] == "error"] == ["input-unrecognized"]
