"""A copy of this checkout to run ``make`` targets in, sharing the installed
.venv and node_modules (tests that build the whole site use it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENV = REPO / ".venv"
NODE_MODULES = REPO / "playground" / "node_modules"
LEFT_OUT = shutil.ignore_patterns(
    ".git",
    ".venv",
    "node_modules",
    "_build",
    ".*_cache",
    ".hypothesis",
    ".cache",
    "__pycache__",
    "*.egg-info",
)


def copy_checkout(destination: Path) -> Path:
    """The sources copied to ``destination``, node_modules linked in."""
    shutil.copytree(REPO, destination, ignore=LEFT_OUT, symlinks=True)
    (destination / "playground" / "node_modules").symlink_to(NODE_MODULES)
    return destination


def make(checkout: Path, target: str) -> subprocess.CompletedProcess:
    """``make target`` in the copy, with the shared environment."""
    # -o: the shared environment is installed already; never reinstall it
    # from the copy.
    command = [
        "make",
        "--no-print-directory",
        f"VENV={VENV}",
        "-o",
        f"{VENV}/.docs-stamp",
        "-o",
        "playground/node_modules/.package-lock.json",
        target,
    ]
    return subprocess.run(command, cwd=checkout, capture_output=True, text=True, timeout=1200)
