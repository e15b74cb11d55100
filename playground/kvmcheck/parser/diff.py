"""Below the commit message: notes, diffstat, ``base-commit:``, and the diff."""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Sequence

from kvmcheck import lazy_re
from kvmcheck.input_lines import InputLines, PickedLines, text_reader
from kvmcheck.model import FileDiff, Hunk, Line
from kvmcheck.parser.parts import BelowMessage

_HUNK = lazy_re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
# Diffstat lines: " path | 12 ++--", " path | Bin 0 -> 12 bytes", the summary.
_DIFFSTAT_COUNT = lazy_re.compile(r"\d+ ?[-+]*|Bin\b.*")
_DIFFSTAT_OTHER = lazy_re.compile(
    r" (?:\d+ files? changed\b|(?:create|delete) mode \d+ |rename |mode change )"
)
BASE_COMMIT = lazy_re.compile(r"base-commit: *([0-9a-fA-F]{7,64})\s*")
PREREQUISITE = lazy_re.compile(r"prerequisite-patch-id: *[0-9a-fA-F]+\s*")


def is_diff_start(lines: Sequence[Line], index: int) -> bool:
    """Whether a diff (git's, ``diff -u``'s or an ``Index:`` one) starts at ``lines[index]``."""
    text_of = text_reader(lines)
    return _starts_diff(text_of(index), text_of, len(lines), index)


def _starts_diff(text: str, text_of: Callable[[int], str], total: int, index: int) -> bool:
    """:func:`is_diff_start` of line ``index``, whose text is ``text``, of
    ``total`` lines read by ``text_of``."""
    if text.startswith(("diff --git ", "diff -", "Index: ")):
        return True
    return text.startswith("--- ") and index + 1 < total and text_of(index + 1).startswith("+++ ")


def read_below_message(lines: Sequence[Line]) -> BelowMessage:
    """Notes, diffstat and diff below the commit message."""
    # Texts are read, and a `Line` made only of a line kept.
    text_of = text_reader(lines)
    total = len(lines)
    index = 0
    separator_lineno = None
    if total and text_of(0).startswith("---") and not text_of(0)[3:].strip():
        separator_lineno = lines[0].lineno
        index = 1
    notes: list[Line] = []
    diffstat: list[Line] = []
    base_commit = None
    blank_from = None  # as in message._strip_signature: blank ends are trimmed unread
    while index < total:
        text = text_of(index)
        if text == "-- " or _starts_diff(text, text_of, total, index):
            break
        if is_diffstat(text):
            diffstat.append(lines[index])
        elif BASE_COMMIT.fullmatch(text):
            base_commit = lines[index]
        elif not text.strip():
            if blank_from is None and notes:
                blank_from = index
        elif not PREREQUISITE.fullmatch(text):
            if blank_from is not None:
                notes.extend(line for line in lines[blank_from:index] if not line.text.strip())
                blank_from = None
            notes.append(lines[index])
        index += 1
    files, diff_base_commit = _read_diff(lines[index:])
    if diff_base_commit is not None:
        base_commit = diff_base_commit
    return BelowMessage(separator_lineno, notes, diffstat, files, base_commit)


def is_diffstat(text: str) -> bool:
    """Whether ``text`` is a line of the diffstat ``git format-patch`` writes."""
    if not text.startswith(" "):
        return False
    name, bar, count = text.rpartition("|")
    if bar:
        return bool(name.strip()) and _DIFFSTAT_COUNT.fullmatch(count.strip()) is not None
    return _DIFFSTAT_OTHER.match(text) is not None


def _diff_git_paths(text: str) -> tuple[str | None, str | None]:
    rest = text[len("diff --git ") :].strip()
    if rest.startswith('"'):
        parts = re.findall(r'"((?:[^"\\]|\\.)*+)"|(\S+)', rest)
        names = [quoted or plain for quoted, plain in parts]
    else:
        split = rest.find(" b/")
        names = [rest[:split], rest[split + 1 :]] if split >= 0 else rest.split(" ", 1)
    if len(names) != 2:
        return None, None
    return _strip_prefix(names[0]), _strip_prefix(names[1])


def _strip_prefix(name: str) -> str | None:
    name = name.strip()
    if "\t" in name:
        name = name.split("\t", 1)[0]  # diff -u puts a timestamp after a tab
    if name.startswith('"') and name.endswith('"') and len(name) > 1:
        name = name[1:-1]
    if name == "/dev/null":
        return None
    if name.startswith(("a/", "b/")):
        return name[2:]
    return name


def _read_diff(lines: Sequence[Line]) -> tuple[list[FileDiff], Line | None]:
    """The files of a diff, and the last ``base-commit:`` line between them."""
    files: list[FileDiff] = []
    base_commit = None
    current: FileDiff | None = None
    added, removed = PickedLines.indices(), PickedLines.indices()
    # Hunks are read a character or two a line (InputLines.where); a decoded
    # mail body, a list of lines, from a copy of its text.
    scan = (
        lines
        if isinstance(lines, InputLines)
        else InputLines.split("".join(f"{line.text}\n" for line in lines))
    )
    text_of = scan.text
    index = 0
    total = len(lines)
    while index < total:
        text = text_of(index)
        if text.startswith("diff --git "):
            old, new = _diff_git_paths(text)
            current = FileDiff(old, new, lines[index].lineno)
            files.append(current)
            index += 1
        elif text.startswith("--- ") and _starts_diff(text, text_of, total, index):
            old = _strip_prefix(text[4:])
            new = _strip_prefix(text_of(index + 1)[4:])
            if current is None or current.hunks:
                current = FileDiff(old, new, lines[index].lineno)
                files.append(current)
            else:
                current.old_path, current.new_path = old, new
            index += 2
        elif text.startswith("@@") and current is not None:
            index = _parse_hunk(current, lines, scan, index, added, removed)
        elif current is not None and text.startswith("rename to "):
            current.new_path = text[len("rename to ") :].strip()
            index += 1
        elif text == "-- ":
            break  # mail signature
        else:
            # The plain test first: most lines here are "index ...", "+++ ...".
            if text.startswith("base-commit:") and BASE_COMMIT.fullmatch(text):
                base_commit = lines[index]
            index += 1
    return files, base_commit


def _parse_hunk(
    current: FileDiff,
    lines: Sequence[Line],
    scan: InputLines,
    index: int,
    added: array,
    removed: array,
) -> int:
    """Read the hunk at ``lines[index]`` (``scan``: the same lines' texts);
    the indices of its added and removed lines go to the ``added`` and
    ``removed`` arrays all hunks of the diff share.

    A hunk a mailer damaged is still read, so that the rules see its lines:
    a line without a diff marker is the wrapped end of the line above, and
    diff lines after the counts ran out belong to the hunk too (see
    ``Hunk.damage``)."""
    header = lines[index]
    match = _HUNK.match(header.text)
    if not match:
        return index + 1
    old_count = int(match.group(2)) if match.group(2) is not None else 1
    new_count = int(match.group(4)) if match.group(4) is not None else 1
    hunk = Hunk(
        int(match.group(1)), int(match.group(3)), header.lineno, header.text[match.end() :].strip()
    )
    current.hunks.append(hunk)
    first_added, first_removed = len(added), len(removed)
    damage: list[tuple[int | None, str]] = []
    tabs = spaces = 0
    overrun = False  # the counts ran out, but diff lines go on
    wrapped = False
    index += 1
    total = len(lines)
    # Every line of the diff is read here: by its first characters, and no
    # line is cut out of the text or made a `Line` but on the rare paths.
    text, starts = scan.where(index)
    for start in starts:
        marker = text[start]
        if overrun or (old_count <= 0 and new_count <= 0):
            if not _is_extra_hunk_line(scan.text(index)):
                break
            if not overrun:
                damage.append((lines[index].lineno, "count"))
                overrun = True
        if marker == "+":
            added.append(index)
            new_count -= 1
        elif marker == "-":
            removed.append(index)
            old_count -= 1
        elif marker == " ":
            old_count -= 1
            new_count -= 1
            indent = text[start + 1 : start + 3]  # a line end in it ends the line
            if indent[:1] == "\t":
                tabs += 1
            elif indent == "  ":
                spaces += 1
        elif marker == "\n":  # an empty line: mailers eat the space of empty context lines
            old_count -= 1
            new_count -= 1
        elif marker == "\\":
            pass  # "\ No newline at end of file"
        elif scan.text(index).startswith(("@@", "diff --git ")) or not _wraps(
            scan.text(index - 1), scan.text(index)
        ):
            break  # the hunk ends early: its counts were wrong
        elif not wrapped:
            wrapped = True  # the first is enough to say so: no list grows a line at a time
            damage.append((lines[index].lineno, "wrapped"))
        index += 1
    # Short by the same number of context lines at the very end of the input:
    # trailing blank context lines an editor or a pasted fragment trimmed.
    trimmed = index == total and old_count == new_count
    if not overrun and (old_count > 0 or new_count > 0) and not trimmed:
        damage.append((header.lineno, "count"))
    hunk.added = PickedLines(lines, added, first_added, len(added), skip=1)
    hunk.removed = PickedLines(lines, removed, first_removed, len(removed), skip=1)
    if damage:
        hunk.damage = tuple(damage)
    hunk.context_tabs, hunk.context_spaces = tabs, spaces
    while index < total and scan.text(index).startswith("\\"):
        index += 1  # "\ No newline at end of file"
    last = lines[index - 1].lineno
    if last is not None and header.lineno is not None:
        hunk.lines_below = last - header.lineno
    return index


# Mail clients wrap lines longer than this (72 to 78 columns).
_MAILER_WIDTH = 72


def _wraps(previous: str, text: str) -> bool:
    """Whether ``text`` reads as the end of ``previous``, wrapped by a mailer:
    the two would not have fitted on one line of a mail."""
    return bool(previous.strip()) and len(previous.expandtabs()) + 1 + len(text) > _MAILER_WIDTH


def _is_extra_hunk_line(text: str) -> bool:
    """A diff line after a hunk's counts ran out: the counts were wrong.

    What follows a hunk in good order (the next hunk or file, the mail
    signature "-- ", a blank line before "base-commit:") is not one.
    """
    marker = text[:1]
    if marker == "+":
        return not text.startswith("+++ ")
    if marker == "-":
        return text != "-- " and not text.startswith("--- ")
    return marker == " " and bool(text.strip())
