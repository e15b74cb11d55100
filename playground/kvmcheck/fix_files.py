"""``kvmcheck --fix`` and ``--fix-inplace``: read files, fix them, write the result.

The bytes that are not fixed come back as they were: input is decoded as
UTF-8 with ``surrogateescape`` (or as the UTF-16 or UTF-32 its byte order
mark names, and encoded back the same way), so any byte sequence survives
the round trip, and line endings are kept.

``--fix-inplace`` behaves as ``clang-format -i`` users expect (the
user's guide, docs/using-kvmcheck.rst, says so): it follows a symbolic link
and rewrites the file it points to; it refuses what is not a regular file
(a FIFO, a device) and a read-only file; the new file keeps the mode, owner,
group and extended attributes of the old one (owner and group where the
user may set them).  A file with one name is replaced by a complete
temporary copy beside it (``os.replace``), so an error never leaves it
truncated; a file with several hard links is rewritten in place, so that
every name still shows the same, fixed, file.  SIGINT, SIGTERM and SIGHUP
wait while a file is being written, so an interruption leaves either the
old file or the new one, and no temporary copy.
"""

from __future__ import annotations

import codecs
import errno
import os
import signal
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

from kvmcheck.cli_input import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    MIB,
    InputError,
    read_input,
    shown_name,
)
from kvmcheck.fix import fix_text
from kvmcheck.parser import parse_file

# UTF-32 first: its little-endian mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DEFERRED_SIGNALS = {signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)}


def _decoded(data: bytes) -> tuple[str, Callable[[str], bytes]]:
    """The text of ``data`` and the function that encodes a fixed text back
    into the same encoding (byte order mark included)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                break  # not text after all: the parser calls it binary
            return text, lambda fixed, bom=bom, encoding=encoding: bom + fixed.encode(encoding)
    text = data.decode("utf-8", errors="surrogateescape")
    return text, lambda fixed: fixed.encode("utf-8", errors="surrogateescape")


def _unrecognized(name: str, text: str) -> bool:
    """True when kvmcheck does not see a patch at all (empty, binary, HTML)."""
    return any(p.kind == "unrecognized" for p in parse_file(name, text))


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP until the block is done: a file is
    then either the old one or the new one, and no temporary copy is left."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _copy_attributes(source: str, status: os.stat_result, target: str) -> None:
    """Owner and group (as far as the user may set them), extended
    attributes, then the mode (chown clears the set-user-ID bit)."""
    try:
        os.chown(target, status.st_uid, status.st_gid)
    except OSError:
        # Not a group of ours either: the file gets our group, as any new file would.
        with suppress(OSError):
            os.chown(target, -1, status.st_gid)
    if hasattr(os, "listxattr"):
        try:
            names = os.listxattr(source)
        except OSError:
            names = []
        for attribute in names:
            # security.* attributes need privileges the user may lack.
            with suppress(OSError):
                os.setxattr(target, attribute, os.getxattr(source, attribute))
    os.chmod(target, stat.S_IMODE(status.st_mode))


def _replace(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` (see the module's docstring for how)."""
    path = os.path.realpath(path)
    status = os.stat(path)
    if status.st_nlink > 1:
        with open(path, "r+b") as out:
            if hasattr(os, "posix_fallocate") and data:
                # A full disk shows here, before the old content is touched.
                try:
                    os.posix_fallocate(out.fileno(), 0, len(data))
                except OSError as error:
                    if error.errno not in (errno.EOPNOTSUPP, errno.EINVAL):
                        raise
            out.write(data)
            out.truncate()
            out.flush()
            os.fsync(out.fileno())
        return
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".kvmcheck-fix-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        _copy_attributes(path, status, temporary)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def run_fix(
    files: list[str],
    *,
    inplace: bool,
    git_dir: str | None,
    ignore: list[str],
    messages: dict[str, str],
    limit_mib: int,
) -> int:
    """Fix ``files`` (print the one fixed file, or rewrite each); the exit status.

    ``git_dir`` has been checked (``cli_input.git_dir_problem``)."""
    names = files or ["-"]
    if inplace and "-" in names:
        print(messages["cli.fix-inplace-files"], file=sys.stderr)
        return EXIT_USAGE
    if not inplace and len(names) != 1:
        print(messages["cli.fix-one-file"], file=sys.stderr)
        return EXIT_USAGE
    status = EXIT_OK
    budget = limit_mib * MIB  # all files together, as for a check
    for name in names:
        shown = shown_name(name)
        try:
            outcome = _fix_one(
                name,
                shown,
                inplace=inplace,
                git_dir=git_dir,
                ignore=ignore,
                messages=messages,
                budget=budget,
                limit_mib=limit_mib,
            )
        except KeyboardInterrupt:
            print(messages["cli.interrupted"].format(path=shown), file=sys.stderr)
            return EXIT_INTERRUPTED
        if outcome is None:
            status = EXIT_USAGE
        else:
            budget -= outcome
    return status


def _fix_one(
    name: str,
    shown: str,
    *,
    inplace: bool,
    git_dir: str | None,
    ignore: list[str],
    messages: dict[str, str],
    budget: int,
    limit_mib: int,
) -> int | None:
    """Fix one file; how many bytes it had, or None (after saying why) when it failed."""
    try:
        data = read_input(name, budget, limit_mib, messages, inplace=inplace)
    except InputError as error:
        print(error, file=sys.stderr)
        return None
    text, encode = _decoded(data)
    if _unrecognized(shown, text):
        print(messages["cli.not-a-patch"].format(path=shown), file=sys.stderr)
        return None
    fixed, count = fix_text(text, shown, git_dir=git_dir, ignore=ignore)
    result = encode(fixed)
    if inplace:
        if result != data:
            try:
                with _signals_deferred():
                    _replace(name, result)
            except OSError as error:
                print(
                    messages["cli.cannot-write"].format(path=shown, reason=error.strerror or error),
                    file=sys.stderr,
                )
                return None
    else:
        sys.stdout.buffer.write(result)
        sys.stdout.flush()
    print(messages["cli.fixed"].format(path=shown, count=count), file=sys.stderr)
    return len(data)
