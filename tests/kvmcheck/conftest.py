"""Shared helpers for the kvmcheck tests: run the checker, pick findings."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from shared_inputs import CORPUS

from kvmcheck.api import check_texts
from kvmcheck.results import all_findings


@pytest.fixture
def check():
    """check(text_or_texts, **options) -> list of findings (every patch and the series)."""

    def run(texts, **options) -> list[dict]:
        if isinstance(texts, (str, bytes)):
            texts = [texts]
        inputs = [(f"input-{index}.patch", text) for index, text in enumerate(texts, start=1)]
        return all_findings(check_texts(inputs, **options))

    return run


@pytest.fixture
def fired(check):
    """fired(rule_id, text) -> the findings of that rule only."""

    def run(rule_id: str, texts, **options) -> list[dict]:
        return [f for f in check(texts, **options) if f["rule"] == rule_id]

    return run


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the real-patch corpus is not at {CORPUS} (see README)")
    return CORPUS


@pytest.fixture
def finishes():
    """finishes(inputs, limit=20.0) -> the result, failing if the checker is
    still busy after ``limit`` seconds: a hang detector for huge inputs
    (catastrophic regex backtracking), not a speed test. Tests that use it
    are marked ``big`` (tests/conftest.py)."""

    def run(inputs: list[tuple[str, str | bytes]], limit: float = 20.0) -> dict:
        outcome: dict = {}

        def target() -> None:
            outcome["result"] = check_texts(inputs)

        worker = threading.Thread(target=target, daemon=True)
        worker.start()
        worker.join(limit)
        assert not worker.is_alive(), "the checker did not finish: catastrophic backtracking?"
        return outcome["result"]

    return run
