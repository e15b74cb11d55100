"""``--git-dir``: look commits up in a local git repository with ``git``.

Used by the command line only; the playground (Pyodide) has no subprocesses.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from functools import cache


class GitDirError(Exception):
    """The path is not a repository git can read (or git is missing)."""


def _git(git_dir: str, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-C", git_dir, *args],
            capture_output=True, text=True, encoding="utf-8", errors="replace",
            check=False, timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise GitDirError(str(error)) from error


def commit_lookup(git_dir: str) -> Callable[[str], tuple[str, str] | None]:
    """A function sha -> (full sha, title) of the commit (None when the repository lacks it).

    Raises GitDirError at once if ``git_dir`` is not a git repository.
    """
    probe = _git(git_dir, "rev-parse", "--git-dir")
    if probe.returncode != 0:
        raise GitDirError(probe.stderr.strip() or "git rev-parse failed")

    @cache
    def commit_of(sha: str) -> tuple[str, str] | None:
        found = _git(git_dir, "log", "-1", "--format=%H %s", f"{sha}^{{commit}}", "--")
        if found.returncode != 0 or " " not in found.stdout:
            return None
        full, title = found.stdout.strip().split(" ", 1)
        return full, title

    return commit_of
