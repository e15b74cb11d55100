"""``kvmcheck --fix`` and ``--fix-inplace``: read files, fix them, write the result.

The bytes that are not fixed come back as they were: input is decoded as
UTF-8 with ``surrogateescape``, so any byte sequence survives the round trip,
and line endings are kept.  A file is replaced only by a complete temporary
copy beside it (``os.replace``), so an error never leaves it truncated.
"""

from __future__ import annotations

import os
import sys
import tempfile

from kvmcheck.fix import fix_text
from kvmcheck.parser import parse_file

STDIN_NAME = "<stdin>"
EXIT_OK, EXIT_USAGE = 0, 2


class _TooLarge(Exception):
    """An input over the --max-input-size limit."""


def _read(name: str, max_bytes: int) -> bytes:
    """The file's bytes; never more than ``max_bytes`` are read (``/dev/zero``)."""
    if name == "-":
        if sys.stdin is None:  # started with stdin closed (<&-)
            raise OSError(0, "the stream is closed")
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        with open(name, "rb") as handle:
            data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _TooLarge
    return data


def _unrecognized(name: str, text: str) -> bool:
    """True when kvmcheck does not see a patch at all (empty, binary, HTML)."""
    return any(p.kind == "unrecognized" for p in parse_file(name, text))


def _replace(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, keeping its permissions.

    A symbolic link stays a link: the file it points to is replaced.
    """
    path = os.path.realpath(path)
    mode = os.stat(path).st_mode & 0o7777
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".kvmcheck-fix-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def run_fix(files: list[str], *, inplace: bool, git_dir: str | None, ignore: list[str],
            messages: dict[str, str], max_bytes: int) -> int:
    """Fix ``files`` (print the one fixed file, or rewrite each); the exit status."""
    names = files or ["-"]
    if inplace and "-" in names:
        print(messages["cli.fix-inplace-files"], file=sys.stderr)
        return EXIT_USAGE
    if not inplace and len(names) != 1:
        print(messages["cli.fix-one-file"], file=sys.stderr)
        return EXIT_USAGE
    if git_dir is not None:
        from kvmcheck.gitrefs import GitDirError, commit_lookup

        try:
            commit_lookup(git_dir)
        except GitDirError as error:
            print(messages["cli.bad-git-dir"].format(path=git_dir, reason=error),
                  file=sys.stderr)
            return EXIT_USAGE
    status = EXIT_OK
    for name in names:
        shown = STDIN_NAME if name == "-" else name
        try:
            data = _read(name, max_bytes)
        except _TooLarge:
            print(messages["cli.too-large"].format(path=shown, limit=max_bytes >> 20),
                  file=sys.stderr)
            status = EXIT_USAGE
            continue
        except OSError as error:
            print(messages["cli.unreadable"].format(path=shown, reason=error.strerror or error),
                  file=sys.stderr)
            status = EXIT_USAGE
            continue
        text = data.decode("utf-8", errors="surrogateescape")
        if _unrecognized(shown, text):
            print(messages["cli.not-a-patch"].format(path=shown), file=sys.stderr)
            status = EXIT_USAGE
            continue
        fixed, count = fix_text(text, shown, git_dir=git_dir, ignore=ignore)
        result = fixed.encode("utf-8", errors="surrogateescape")
        if inplace:
            if result != data:
                try:
                    _replace(name, result)
                except OSError as error:
                    print(messages["cli.cannot-write"].format(
                        path=shown, reason=error.strerror or error), file=sys.stderr)
                    status = EXIT_USAGE
                    continue
        else:
            sys.stdout.buffer.write(result)
            sys.stdout.flush()
        print(messages["cli.fixed"].format(path=shown, count=count), file=sys.stderr)
    return status
