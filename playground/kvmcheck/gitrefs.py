"""``--git-dir``: look commits up in a local git repository with ``git``.

Used by the command line only; the playground (Pyodide) has no subprocesses.
Every lookup of a run goes to one ``git cat-file --batch`` process: a patch
may mention thousands of commits, and a git process per commit would take
a minute.  Reading the raw commit object also keeps the user's git
configuration out of the answer (``log.showSignature`` would put gpg's
output into a ``git log`` title).
"""

from __future__ import annotations

import subprocess
import weakref
from collections.abc import Callable
from functools import cache

from kvmcheck import lazy_re


class GitDirError(Exception):
    """The path is not a repository git can read (or git is missing)."""


_HEX = lazy_re.compile(r"[0-9a-fA-F]{4,64}")
_TIMEOUT = 60


def _git(git_dir: str, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-C", git_dir, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
            timeout=_TIMEOUT,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise GitDirError(str(error)) from error


def _title(raw: bytes) -> str:
    """The first line of a raw commit object's message, as ``%s`` shows it
    (the lines of its first paragraph joined by spaces)."""
    _headers, _, message = raw.partition(b"\n\n")
    paragraph = message.lstrip(b"\n").split(b"\n\n", 1)[0]
    return " ".join(paragraph.decode("utf-8", errors="replace").split())


class _Batch:
    """One ``git cat-file --batch`` process, asked one object at a time."""

    def __init__(self, git_dir: str) -> None:
        try:
            self._process = subprocess.Popen(
                ["git", "-C", git_dir, "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError as error:
            raise GitDirError(str(error)) from error
        weakref.finalize(self, _close, self._process)

    def commit(self, sha: str) -> tuple[str, str] | None:
        process = self._process
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write(f"{sha}^{{commit}}\n".encode("ascii"))
            process.stdin.flush()
            header = process.stdout.readline().split()
            if len(header) != 3 or header[1] != b"commit":
                return None  # "<name> missing" or "ambiguous"
            size = int(header[2])
            raw = process.stdout.read(size + 1)[:size]
        except (OSError, ValueError) as error:
            raise GitDirError(f"git cat-file failed: {error}") from error
        return header[0].decode("ascii"), _title(raw)


def _close(process: subprocess.Popen) -> None:
    if process.stdin is not None:
        process.stdin.close()
    try:
        process.wait(timeout=_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stdout is not None:
        process.stdout.close()


def commit_lookup(git_dir: str) -> Callable[[str], tuple[str, str] | None]:
    """A function sha -> (full sha, title) of the commit (None when the repository lacks it).

    Raises GitDirError at once if ``git_dir`` is not a git repository.
    """
    probe = _git(git_dir, "rev-parse", "--git-dir")
    if probe.returncode != 0:
        raise GitDirError(probe.stderr.strip() or "git rev-parse failed")
    batch = _Batch(git_dir)

    @cache
    def commit_of(sha: str) -> tuple[str, str] | None:
        if not _HEX.fullmatch(sha):
            return None
        return batch.commit(sha)

    return commit_of
