"""The typo list: built from codespell's dictionary (playground/build_typos.py)
and looked up in place (kvmcheck/typos.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kvmcheck import cli, typos

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "playground"))
import build_typos

DICTIONARY = "\n".join(
    [
        "zebar->zebra",
        "abotu->about",
        "1nd->1st",
        "__cpusplus->__cplusplus",
        "Teh->The",
        "aache->cache, ache,",
        "mispell->misspell",
        "cann->can",
        "cann't->can't",
    ]
)


def test_lines_are_sorted_lower_case_words() -> None:
    lines = build_typos.typo_lines(DICTIONARY)
    assert lines == sorted(lines)
    # Sorted as bytes, whole lines: "'" sorts before "-".
    assert lines == [
        "aache->cache, ache",
        "abotu->about",
        "cann't->can't",
        "cann->can",
        "mispell->misspell",
        "teh->The",
        "zebar->zebra",
    ]


# Searched in the text (a one-patch run), or over its split lines (a batch
# run past SPLIT_AFTER searches): both answer the same.
@pytest.mark.parametrize("split_after", [typos.SPLIT_AFTER, 0])
def test_write_and_look_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, split_after: int
) -> None:
    monkeypatch.setattr(build_typos, "dictionary_text", lambda: (DICTIONARY, "9.9"))
    target = build_typos.write_typos(tmp_path / "data" / "typos.txt")
    assert target is not None
    monkeypatch.setattr(typos, "DATA", target)
    monkeypatch.setattr(typos, "_text", None)
    monkeypatch.setattr(typos, "SPLIT_AFTER", split_after)
    assert typos.available()
    assert "codespell 9.9" in typos.source()
    for wrong, right in (
        ("aache", "cache, ache"),
        ("abotu", "about"),
        ("cann", "can"),
        ("cann't", "can't"),
        ("mispell", "misspell"),
        ("teh", "The"),
        ("zebar", "zebra"),
    ):
        assert typos.correction(wrong) == right
    for word in ("the", "aaa", "zzzz", "about", "", "mispel", "can", "cannt"):
        assert typos.correction(word) is None


def test_without_codespell_an_existing_list_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_typos, "dictionary_text", lambda: None)
    target = tmp_path / "typos.txt"
    assert build_typos.write_typos(target) is None
    target.write_text("# old\nteh->the\n", encoding="utf-8")
    assert build_typos.write_typos(target) == target
    assert target.read_text(encoding="utf-8") == "# old\nteh->the\n"


def test_missing_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(typos, "DATA", tmp_path / "none.txt")
    monkeypatch.setattr(typos, "_text", None)
    assert not typos.available()
    assert typos.source() is None
    assert typos.correction("teh") is None


@pytest.mark.skipif(not typos.available(), reason="installed without the typo list")
def test_the_installed_list_comes_from_codespell() -> None:
    assert "codespell" in typos.source()
    assert typos.correction("recieve") == "receive"
    assert typos.correction("receive") is None


@pytest.mark.skipif(not typos.available(), reason="installed without the typo list")
def test_a_batch_run_finds_what_a_one_patch_run_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    with open(typos.DATA, "rb") as data:
        entries = [line.decode().split("->") for line in data.read().splitlines()[1:]]
    # Every 50th misspelling, and words next to them in the order that are not in the list.
    words = [wrong for wrong, _fixes in entries[::50]] + [
        wrong + suffix for wrong, _fixes in entries[25::500] for suffix in ("a", "zz", "'")
    ]
    answers = []
    for split_after in (len(words), 0):
        monkeypatch.setattr(typos, "_text", None)
        monkeypatch.setattr(typos, "SPLIT_AFTER", split_after)
        answers.append([typos.correction(word) for word in words])
        assert (typos._lines is None) == (split_after == len(words))
    assert answers[0] == answers[1]
    fixes = dict(entries)
    assert answers[0] == [fixes.get(word) for word in words]
    assert sum(answer is None for answer in answers[0]) >= 200


def test_list_rules_says_when_the_list_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(typos, "DATA", tmp_path / "none.txt")
    monkeypatch.setattr(typos, "_text", None)
    assert cli.main(["--list-rules"]) == 0
    out, err = capsys.readouterr()
    assert "typo\twarning|info\t" in out
    assert "no typo list" in err and "codespell" in err


@pytest.mark.skipif(not typos.available(), reason="installed without the typo list")
def test_list_rules_is_quiet_when_the_list_is_there(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--list-rules"]) == 0
    assert capsys.readouterr().err == ""
