"""The handbook is written in our own words: no sentences copied from the sources.

The reference texts (``../shared/reference/``: the seeds and the Linux 6.12
documents) sit beside the repository on developers' machines and in CI.
Facts — commands, tag formats, commit titles, URLs — may repeat; prose may
not. So code blocks, literals and URLs are set aside, and any run of nine
English words or fourteen Chinese characters shared with a reference text
counts as a copied sentence.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rst_prose import prose
from shared_inputs import REFERENCE

REPO = Path(__file__).resolve().parents[2]
PAGES = sorted((REPO / "handbook").glob("*/*.rst"))
ENGLISH_RUN = 9
CHINESE_RUN = 14


def english_runs(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9_']+", text.lower())
    return {" ".join(words[i : i + ENGLISH_RUN]) for i in range(len(words) - ENGLISH_RUN + 1)}


def chinese_runs(text: str) -> set[str]:
    han = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return {han[i : i + CHINESE_RUN] for i in range(len(han) - CHINESE_RUN + 1)}


@pytest.fixture(scope="module")
def reference_runs() -> tuple[set[str], set[str]]:
    if not REFERENCE.is_dir():
        pytest.skip(f"reference texts not found at {REFERENCE}")
    text = "\n".join(p.read_text(encoding="utf-8") for p in REFERENCE.rglob("*") if p.is_file())
    return english_runs(text), chinese_runs(text)


def test_prose_filter_keeps_prose_and_drops_code() -> None:
    sample = "Keep this.\n\n.. code-block:: text\n\n   drop this\n\nAnd ``drop`` keep.\n"
    assert "drop" not in prose(sample)
    assert "Keep this." in prose(sample) and "keep." in prose(sample)


@pytest.mark.parametrize("page", PAGES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_no_sentence_is_copied_from_the_sources(
    page: Path, reference_runs: tuple[set[str], set[str]]
) -> None:
    english, chinese = reference_runs
    text = prose(page.read_text(encoding="utf-8"))
    copied = sorted(english_runs(text) & english) + sorted(chinese_runs(text) & chinese)
    assert not copied, f"{page.name} repeats the sources word for word: {copied[:5]}"
