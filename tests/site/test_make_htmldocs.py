"""`make htmldocs` on a copy of this repository: the gate works end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
from checkout_copy import REPO, copy_checkout, make


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of the sources that shares the installed .venv and node_modules."""
    return copy_checkout(tmp_path / "repo")


def test_broken_reference_fails_until_baselined(checkout: Path) -> None:
    assert make(checkout, "htmldocs").returncode == 0
    (checkout / "docs" / "new-page.rst").write_text(
        "New page\n========\n\nSee :ref:`a-label-nobody-wrote`.\n", encoding="utf-8"
    )
    index = checkout / "docs" / "index.rst"
    index.write_text(index.read_text(encoding="utf-8") + "   new-page\n", encoding="utf-8")

    failed = make(checkout, "htmldocs")
    assert failed.returncode != 0
    assert (
        "docs/new-page.rst:4: WARNING: [ref.ref] undefined label: 'a-label-nobody-wrote'"
        in failed.stderr
    )

    assert make(checkout, "warnings-baseline").returncode == 0
    baseline = (checkout / "docs" / "warnings-baseline.txt").read_text(encoding="utf-8")
    assert "docs/new-page.rst: [ref.ref] undefined label: 'a-label-nobody-wrote'\n" in baseline

    passed = make(checkout, "htmldocs")
    assert passed.returncode == 0, passed.stderr


def test_committed_baseline_is_empty() -> None:
    baseline = (REPO / "docs" / "warnings-baseline.txt").read_text(encoding="utf-8")
    assert [line for line in baseline.splitlines() if line and not line.startswith("#")] == []
