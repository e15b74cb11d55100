"""What a check (``kvmcheck FILE...``) and a fix (``--fix``, ``--fix-inplace``)
share on the command line: the exit statuses, reading the inputs within the
``--max-input-size`` budget, and the check of ``--git-dir``.

Every problem is said in one line from the message catalog (``cli.*`` keys of
``kvmcheck/messages/<lang>.py``), never with a traceback.
"""

from __future__ import annotations

import os
import stat
import sys

# For annotations only: a run need not import typing.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO

STDIN_NAME = "<stdin>"
MIB = 1024 * 1024
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
# 128 + SIGINT, as a shell reports a command stopped by Ctrl-C.
EXIT_INTERRUPTED = 130


class InputError(Exception):
    """An input that cannot be read (or, for ``--fix-inplace``, rewritten):
    the message, from the catalog, says which and why."""


def shown_name(name: str) -> str:
    """The name of input ``name`` in messages ("-" is standard input)."""
    return STDIN_NAME if name == "-" else name


def read_input(
    name: str, budget: int, limit_mib: int, messages: dict[str, str], *, inplace: bool = False
) -> bytes:
    """The bytes of input ``name`` ("-": standard input), never more than
    ``budget`` of them: ``kvmcheck /dev/zero`` must stop, not fill the memory.

    ``limit_mib`` is the ``--max-input-size`` the message names.  With
    ``inplace`` the file must be one ``--fix-inplace`` may rewrite, a regular
    writable file; it is opened without blocking, so a FIFO is refused
    rather than waited on.  Raises :class:`InputError`.
    """
    shown = shown_name(name)
    try:
        if name == "-":
            if sys.stdin is None:  # started with stdin closed (<&-)
                raise InputError(
                    messages["cli.unreadable"].format(path=shown, reason=messages["cli.closed"])
                )
            data = sys.stdin.buffer.read(budget + 1)
        else:
            flags = os.O_RDONLY | (os.O_NONBLOCK if inplace else 0)
            with open(os.open(name, flags), "rb") as handle:
                status = os.fstat(handle.fileno())
                if inplace:
                    _check_rewritable(name, status, messages)
                data = _read_at_most(handle, status, budget + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(messages["cli.unreadable"].format(path=shown, reason=reason)) from error
    if len(data) > budget:
        raise InputError(messages["cli.too-large"].format(path=shown, limit=limit_mib))
    return data


def _read_at_most(handle: BinaryIO, status: os.stat_result, count: int) -> bytes:
    """``handle.read(count)``, without asking for a buffer of ``count``
    bytes for a regular file that holds fewer: read(count) allocates all of
    them (16 MiB by default) before it shrinks the result, for each input
    of a batch.  A file that grew since ``status`` is read on to ``count``."""
    if not stat.S_ISREG(status.st_mode) or status.st_size >= count:
        return handle.read(count)
    data = handle.read(status.st_size + 1)
    if len(data) > status.st_size:  # it grew: read on as read(count) would
        data += handle.read(count - len(data))
    return data


def _check_rewritable(name: str, status: os.stat_result, messages: dict[str, str]) -> None:
    if not stat.S_ISREG(status.st_mode):
        raise InputError(messages["cli.not-regular"].format(path=name))
    if not status.st_mode & stat.S_IWUSR or not os.access(name, os.W_OK):
        raise InputError(messages["cli.read-only"].format(path=name))


def bad_git_dir(path: str, error: Exception, messages: dict[str, str]) -> str:
    """The message for a ``--git-dir`` git cannot use (``error`` says why)."""
    return messages["cli.bad-git-dir"].format(path=path, reason=error)


def git_dir_problem(git_dir: str | None, messages: dict[str, str]) -> str | None:
    """Why ``--git-dir`` cannot be used, or None (also when it is not given).

    Checked once, before any input is read or any file rewritten.
    """
    if git_dir is None:
        return None
    from kvmcheck.gitrefs import GitDirError, commit_lookup  # subprocess: not for Pyodide

    try:
        commit_lookup(git_dir)
    except GitDirError as error:
        return bad_git_dir(git_dir, error, messages)
    return None
