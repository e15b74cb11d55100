"""Turn input files into the patch model (the only package that reads raw text).

Accepted input, per file: a ``git format-patch`` file or saved mail (MIME,
quoted-printable/base64 bodies, RFC 2047 headers, folded headers, CRLF), an
mbox holding a whole series, ``git show`` / ``git log -p`` output, a bare
commit message (as git hands it to a ``commit-msg`` hook) or a bare diff.
Several files form one series.

Headers and transfer encodings are decoded with the standard library
``email`` package; this package only tracks where each piece of text sits in
the input so that findings can name the line.

One grammar per module: ``text`` (bytes to lines), ``mail`` (mbox, headers,
in-body headers) with ``mime`` (encoded words and bodies), ``gitlog``
(``git show`` / ``git log -p``), ``message`` (subject paragraph, body,
signature, bare commit messages) with ``trailer_block``, ``diff`` (notes,
diffstat and the diff below the message) and ``subject``.  The grammars
return what they read; ``parts.build_patch`` alone sets the patch's fields.
This module picks the grammar for each input.
"""

from __future__ import annotations

from collections.abc import Iterable

from kvmcheck.model import Patch, Series
from kvmcheck.parser.diff import is_diff_start, is_diffstat, read_below_message
from kvmcheck.parser.gitlog import GIT_LOG_COMMIT, parse_git_log, split_git_log
from kvmcheck.parser.mail import (
    MBOX_FROM,
    author_email,
    header_block_follows,
    looks_like_email,
    mbox_message_starts,
    parse_email,
    split_mbox,
)
from kvmcheck.parser.message import parse_bare_message
from kvmcheck.parser.parts import build_patch
from kvmcheck.parser.subject import parse_subject
from kvmcheck.parser.text import decode_input, first_nonblank, split_lines, to_text

__all__ = [
    "author_email",
    "mbox_message_starts",
    "parse_file",
    "parse_input",
    "parse_inputs",
    "parse_subject",
]


def parse_inputs(inputs: Iterable[tuple[str, str | bytes]]) -> Series:
    """Parse every (source name, content) pair into one series."""
    series = Series()
    for source, data in inputs:
        series.patches.extend(parse_file(source, data))
    return series


def parse_file(source: str, data: str | bytes) -> list[Patch]:
    """Parse one input file into the patches it holds (at least one)."""
    text, problem = to_text(data)
    return _parse_text(source, text, problem)


def parse_input(source: str, data: str | bytes) -> tuple[str | None, list[Patch]]:
    """The text ``parse_file`` reads from ``data`` (None when it is not
    text) and the patches ``parse_file`` finds, with the input decoded and
    checked once, not once for each."""
    text, problem, bom = decode_input(data)
    if bom and text is not None:
        # Checked again, a text that had a byte order mark may give another
        # (see decode_input): parsed as parse_file parses it.
        return text, parse_file(source, text)
    return text, _parse_text(source, text, problem)


def _parse_text(source: str, text: str | None, problem: str | None) -> list[Patch]:
    """The patches in ``text``, the input as decoded by ``to_text``, which
    gave ``problem`` if it is None."""
    if text is None:
        return [Patch(source=source, kind="unrecognized", problem=problem)]
    lines = split_lines(text)
    start = first_nonblank(lines)
    if start is None:
        return [Patch(source=source, kind="unrecognized", problem="empty")]
    first = lines[start].text
    if MBOX_FROM.match(first) and header_block_follows(lines, start + 1):
        return [parse_email(source, chunk[1:]) for chunk in split_mbox(lines, start)]
    if looks_like_email(lines, start):
        return [parse_email(source, lines[start:])]
    if GIT_LOG_COMMIT.match(first):
        return [parse_git_log(source, chunk) for chunk in split_git_log(lines, start)]
    if is_diff_start(lines, start) or is_diffstat(first) or first.rstrip() == "---":
        # A diff, or what format-patch writes above one (the "---" and the
        # diffstat): not a commit message whose shortlog is " x.c | 2 +-".
        return [build_patch(source, "diff", below=read_below_message(lines[start:]))]
    return [parse_bare_message(source, lines[start:])]
