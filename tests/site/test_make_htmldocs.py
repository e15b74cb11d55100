"""`make htmldocs` on a copy of this repository: the gate works end to end."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
VENV = REPO / ".venv"
NODE_MODULES = REPO / "playground" / "node_modules"
LEFT_OUT = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "_build", ".*_cache", ".hypothesis",
    "__pycache__", "*.egg-info",
)


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of the sources that shares the installed .venv and node_modules."""
    copy = tmp_path / "repo"
    shutil.copytree(REPO, copy, ignore=LEFT_OUT, symlinks=True)
    (copy / "playground" / "node_modules").symlink_to(NODE_MODULES)
    return copy


def make(checkout: Path, target: str) -> subprocess.CompletedProcess:
    # -o: the shared environment is installed already; never reinstall it
    # from the copy.
    command = [
        "make", "--no-print-directory", f"VENV={VENV}",
        "-o", f"{VENV}/.docs-stamp", "-o", "playground/node_modules/.package-lock.json",
        target,
    ]
    return subprocess.run(command, cwd=checkout, capture_output=True, text=True, timeout=1200)


def test_broken_reference_fails_until_baselined(checkout: Path) -> None:
    assert make(checkout, "htmldocs").returncode == 0
    (checkout / "docs" / "new-page.rst").write_text(
        "New page\n========\n\nSee :ref:`a-label-nobody-wrote`.\n", encoding="utf-8"
    )
    index = checkout / "docs" / "index.rst"
    index.write_text(index.read_text(encoding="utf-8") + "   new-page\n", encoding="utf-8")

    failed = make(checkout, "htmldocs")
    assert failed.returncode != 0
    assert "docs/new-page.rst:4: WARNING: [ref.ref] undefined label: 'a-label-nobody-wrote'" \
        in failed.stderr

    assert make(checkout, "warnings-baseline").returncode == 0
    baseline = (checkout / "docs" / "warnings-baseline.txt").read_text(encoding="utf-8")
    assert "docs/new-page.rst: [ref.ref] undefined label: 'a-label-nobody-wrote'\n" in baseline

    passed = make(checkout, "htmldocs")
    assert passed.returncode == 0, passed.stderr


def test_committed_baseline_is_empty() -> None:
    baseline = (REPO / "docs" / "warnings-baseline.txt").read_text(encoding="utf-8")
    assert [line for line in baseline.splitlines() if line and not line.startswith("#")] == []
