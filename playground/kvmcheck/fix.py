"""Apply the mechanical fixes findings carry (``kvmcheck --fix``, the playground's Fix).

A fixable finding carries :class:`kvmcheck.registry.Edit` s.  :func:`fix_text`
checks the text, applies every edit that still matches the line it names and
overlaps no other, checks again, and repeats until no fixable finding is left
(or nothing more can be applied).  An edit never adds or removes a line, and
lines of a diff other than its added (``+``) lines are never touched, so hunk
headers and the diffstat stay valid and the patch applies wherever it did.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from itertools import pairwise

from kvmcheck import lazy_re
from kvmcheck.engine import contexts_of, run_rules
from kvmcheck.input_lines import linenos_of
from kvmcheck.model import Patch, Series
from kvmcheck.parser import mbox_message_starts, parse_file
from kvmcheck.registry import Edit, Finding

# Each round fixes what the last one uncovered (a lower-case "kvm: x86: foo."
# gets its prefix, then its capital, then loses its period); a handful is plenty.
MAX_ROUNDS = 8

_LINE_END = lazy_re.compile(r"(\r?\n)")
_CR_LINE_END = lazy_re.compile(r"(\r)")


def _split(text: str) -> list[str]:
    """Alternating line texts and line ends, numbered as the parser numbers
    lines: at LF (with the CR before it), or at CR in a text without any LF."""
    return (_LINE_END if "\n" in text else _CR_LINE_END).split(text)


def _lines_at(text: str, numbers: set[int]) -> dict[int, str]:
    """The lines of ``text`` numbered in ``numbers``, keyed by their index in
    :func:`_split`'s list, without splitting the text past the last of them."""
    last = max(numbers, default=0)
    if "\n" not in text:
        pieces = text.split("\r", last)
        return {2 * (n - 1): pieces[n - 1] for n in numbers if 1 <= n <= len(pieces)}
    pieces = text.split("\n", last)
    found = {}
    for n in numbers:
        if 1 <= n <= len(pieces):
            line = pieces[n - 1]
            # A CR before the LF belongs to the line end (the last line has none).
            found[2 * (n - 1)] = line[:-1] if n < len(pieces) and line.endswith("\r") else line
    return found


def _protected_lines(patches: list[Patch], only: set[int] | None = None) -> set[int]:
    """Diff lines that are not added lines: file headers, hunk headers,
    removed and context lines, up to the last line of each file's last hunk
    (of the line numbers in ``only``, when given: a set of every line of a
    large diff would cost more than the diff)."""
    protected: set[int] = set()
    wanted = None if only is None else sorted(only)
    for patch in patches:
        for file in patch.files:
            if file.lineno is None:
                continue
            if wanted is not None:
                # Most edits are in the subject and the changelog: a file
                # whose lines hold none of them is passed over after a look
                # at its last hunk (hunks come in the order of the text, so
                # that hunk ends the file's diff).
                diff_end = file.hunks[-1].last_lineno if file.hunks else None
                if diff_end is None or not _between(wanted, file.lineno, diff_end):
                    continue
            # Line numbers only: no Line made for each added and removed line.
            added = {
                lineno
                for hunk in file.hunks
                for lineno in linenos_of(hunk.added)
                if only is None or lineno in only
            }
            last = file.lineno
            for hunk in file.hunks:
                end = hunk.last_lineno
                if end is not None:
                    between: Iterable[int] = (
                        range(last, end + 1) if wanted is None else _between(wanted, last, end)
                    )
                    protected.update(n for n in between if n not in added)
                    last = end + 1
    return protected


def _between(numbers: list[int], first: int, last: int) -> list[int]:
    """The sorted ``numbers`` from ``first`` to ``last``, both included."""
    return numbers[bisect_left(numbers, first) : bisect_right(numbers, last)]


def _check(
    text: str,
    name: str,
    lookup_commit: Callable[[str], tuple[str, str] | None] | None,
    ignore: frozenset[str],
    only: tuple[str, int] | None = None,
) -> tuple[list[Patch], list[Finding]]:
    """The patches of ``text`` and its fixable findings (those of ``only``'s
    rule on its line, when given)."""
    patches = parse_file(name, text)
    contexts = contexts_of(Series(patches), lookup_commit)
    findings = [f for f in run_rules(contexts, ignore) if f.fixable]
    if only is not None:
        findings = [f for f in findings if (f.rule, f.lineno) == only]
    return patches, findings


def _placed(edit: Edit, line: str) -> int | None:
    """Where ``edit.old`` starts on ``line``, or None when the edit no longer fits."""
    if "\n" in edit.new or "\r" in edit.new:
        return None
    if edit.column is None:
        first = line.find(edit.old) if edit.old else -1
        return first if first >= 0 else None
    start = edit.column if edit.column >= 0 else len(line) + edit.column
    if start < 0 or line[start : start + len(edit.old)] != edit.old:
        return None
    return start


def _encoded_bodies(patches: list[Patch]) -> list[tuple[int, int | None, str]]:
    """(first line, line after the last or None, charset) of each quoted-printable mail body."""
    starts = [
        min((n for _, n in p.headers.values() if n is not None), default=None) for p in patches
    ]
    bodies = []
    for index, patch in enumerate(patches):
        encoding = (patch.header("content-transfer-encoding") or "").strip().lower()
        content_type = patch.header("content-type") or ""
        if encoding != "quoted-printable" or content_type.lower().startswith("multipart/"):
            continue
        charset = _CHARSET.search(content_type)
        first = max(n for _, n in patch.headers.values() if n is not None) + 1
        following = next((n for n in starts[index + 1 :] if n is not None), None)
        bodies.append((first, following, charset.group(1) if charset else "utf-8"))
    return bodies


_CHARSET = lazy_re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def _quoted_printable(text: str, charset: str) -> str | None:
    """``text`` as it is written in a quoted-printable body; None when the
    charset cannot hold it."""
    out = []
    for char in text:
        if char == "=" or not (" " <= char <= "~" or char == "\t"):
            try:
                data = char.encode(charset)
            except (LookupError, UnicodeEncodeError):
                return None
            out.append("".join(f"={byte:02X}" for byte in data))
        else:
            out.append(char)
    return "".join(out)


class _Target:
    """The text a round edits: its lines, the lines no edit may touch, and
    the quoted-printable mail bodies, whose lines take their new text encoded."""

    def __init__(self, text: str, patches: list[Patch], only: set[int] | None = None) -> None:
        # Every line and line end when the text is to be rebuilt; else
        # (``only``) just the lines edits name, as {index in parts: line}.
        self.parts: list[str] | dict[int, str] = (
            _split(text) if only is None else _lines_at(text, only)
        )
        self.protected = _protected_lines(patches, only)
        self.bodies = _encoded_bodies(patches)

    def rebuilt(self) -> str:
        """The text with the edits made (a target of every line, no ``only``)."""
        if isinstance(self.parts, dict):
            raise TypeError("a target of some lines only cannot be rebuilt")
        return "".join(self.parts)

    def _line(self, lineno: int) -> str | None:
        index = 2 * (lineno - 1)
        return self.parts[index] if 0 <= index < len(self.parts) else None

    def _charset(self, lineno: int) -> str | None:
        for first, following, charset in self.bodies:
            if first <= lineno and (following is None or lineno < following):
                return charset
        return None

    def plan(self, finding: Finding) -> list[tuple[int, int, int, str]] | None:
        """(line, start, end, new text) of each edit of ``finding``, or None
        when one of them no longer fits the text."""
        planned = []
        for edit in finding.edits:
            line = (
                self.parts.get(2 * (edit.lineno - 1))
                if isinstance(self.parts, dict)
                else self._line(edit.lineno)
            )
            if line is None or edit.lineno in self.protected:
                return None
            start = _placed(edit, line)
            if start is None:
                return None
            new = edit.new
            charset = self._charset(edit.lineno)
            if charset is not None:
                # The rules read the decoded text: it is the raw line only
                # when the line holds no "=" escape (or soft line break).
                encoded = None if "=" in line else _quoted_printable(new, charset)
                if encoded is None:
                    return None
                new = encoded
            planned.append((edit.lineno, start, start + len(edit.old), new))
        return planned


def fixable_now(text: str, patches: list[Patch], findings: Iterable[Finding]) -> set[int]:
    """The ``id()`` of each of ``findings`` (of ``patches``, parsed from
    ``text``) whose edits all apply to ``text``: only these are fixable."""
    candidates = [finding for finding in findings if finding.edits]
    if not candidates:
        return set()
    needed = {edit.lineno for finding in candidates for edit in finding.edits}
    target = _Target(text.removeprefix("\ufeff"), patches, needed)
    return {id(finding) for finding in candidates if target.plan(finding) is not None}


def _apply_round(target: _Target, findings: list[Finding]) -> int:
    """Apply the edits of as many findings as fit together; return how many."""
    parts = target.parts
    taken: dict[int, list[tuple[int, int, str]]] = {}
    fixed = 0
    for finding in sorted(findings, key=lambda f: (f.lineno or 0, f.rule)):
        planned = target.plan(finding)
        if planned is None:
            continue
        placed: list[tuple[int, int, int, str]] = []
        for lineno, start, end, new in planned:
            spans = taken.get(lineno, []) + [(s, e, t) for n, s, e, t in placed if n == lineno]
            if any((s < end and start < e) or s == start for s, e, *_ in spans):
                break
            placed.append((lineno, start, end, new))
        else:
            for lineno, start, end, new in placed:
                taken.setdefault(lineno, []).append((start, end, new))
            fixed += 1
    for lineno, spans in taken.items():
        index = 2 * (lineno - 1)
        line = parts[index]
        for start, end, new in sorted(spans, reverse=True):
            line = line[:start] + new + line[end:]
        parts[index] = line
    return fixed


def fix_text(
    text: str,
    name: str = "-",
    *,
    git_dir: str | None = None,
    ignore: Iterable[str] = (),
    only: tuple[str, int] | None = None,
) -> tuple[str, int]:
    """``text`` with every fixable finding fixed, and how many findings were fixed.

    ``git_dir`` lets ``Fixes:`` tags get their full sha and title (it raises
    ``kvmcheck.gitrefs.GitDirError`` when it is not a git repository); the
    rules in ``ignore`` fix nothing; ``only`` (a rule id and a line number)
    fixes just that finding (the playground's "fix this one").  Text without
    fixable findings comes back unchanged, byte for byte.
    """
    verify = None
    if git_dir is not None:
        from kvmcheck.gitrefs import commit_lookup  # subprocess: not for Pyodide

        verify = commit_lookup(git_dir)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    total = 0
    for _ in range(MAX_ROUNDS):
        patches, findings = _check(body, name, verify, frozenset(ignore), only)
        if not findings:
            break
        target = _Target(body, patches)
        fixed = _apply_round(target, findings)
        if not fixed:
            break
        total += fixed
        body = target.rebuilt()
    return bom + body, total


# Plain classes, not dataclasses: every ``kvmcheck FILE`` run imports this
# module (for fixable_now), and ``dataclasses`` brings ``inspect`` and ``ast``
# with it, a tenth of a one-patch run's CPU time.
class FixedPatch:
    """One message of a fixed text, under the name git format-patch gives it."""

    __slots__ = ("name", "text")

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text

    def __repr__(self) -> str:
        return f"FixedPatch({self.name!r}, {len(self.text)} characters)"


class FixReport:
    """What a fix did to one text: the playground shows it and offers the result."""

    __slots__ = ("diff", "fixed", "patches", "text")

    def __init__(self, text: str, fixed: int, diff: str, patches: list[FixedPatch]) -> None:
        self.text = text
        self.fixed = fixed
        self.diff = diff
        self.patches = patches


_NAME_UNSAFE = lazy_re.compile(r"[^A-Za-z0-9_.]+")
# git format-patch cuts the subject part of a file name at 64 characters.
_NAME_SUBJECT_MAX = 64


def patch_file_name(number: int, shortlog: str) -> str:
    """``0001-KVM-x86-Fix-foo.patch``: the name git format-patch gives a patch."""
    words = _NAME_UNSAFE.sub("-", shortlog).strip("-.")[:_NAME_SUBJECT_MAX].rstrip("-.")
    return f"{number:04d}-{words or 'patch'}.patch"


def split_patches(text: str, name: str) -> list[FixedPatch]:
    """``text`` cut into its messages (an mbox holds several), each named as
    git format-patch names it: numbered from the subject's ``n/N`` (0 for a
    cover letter), or in order."""
    parts = _split(text)
    # Each line with its line end, numbered as the parser numbers lines.
    lines = [
        parts[i] + (parts[i + 1] if i + 1 < len(parts) else "") for i in range(0, len(parts), 2)
    ]
    starts = mbox_message_starts(text) or [0]
    starts[0] = 0  # anything above the first separator stays with the first message
    bounds = [*starts, len(lines)]
    out: list[FixedPatch] = []
    for order, (start, end) in enumerate(pairwise(bounds), start=1):
        part = "".join(lines[start:end])
        subject = next((p.subject for p in parse_file(name, part) if p.subject), None)
        number = subject.number if subject and subject.number is not None else order
        shortlog = subject.shortlog if subject else ""
        out.append(FixedPatch(patch_file_name(number, shortlog), part))
    return out


def fix_report(
    text: str,
    name: str = "-",
    *,
    only: tuple[str, int] | None = None,
) -> FixReport:
    """:func:`fix_text` with what the playground shows of it: a unified diff
    of the change and the fixed messages under their own file names."""
    # Imported here: only the playground's fix view needs a diff, and a
    # ``kvmcheck FILE`` run should not pay for importing difflib.
    import difflib

    fixed_text, count = fix_text(text, name, only=only)
    # Split at LF only: a CR or a form feed is part of a line's text here.
    diff = "\n".join(
        difflib.unified_diff(
            text.split("\n"),
            fixed_text.split("\n"),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
            lineterm="",
        )
    )
    return FixReport(fixed_text, count, diff, split_patches(fixed_text, name))
