"""Apply the mechanical fixes findings carry (``kvmcheck --fix``, the playground's Fix).

A fixable finding carries :class:`kvmcheck.registry.Edit` s.  :func:`fix_text`
checks the text, applies every edit that still matches the line it names and
overlaps no other, checks again, and repeats until no fixable finding is left
(or nothing more can be applied).  An edit never adds or removes a line, and
lines of a diff other than its added (``+``) lines are never touched, so hunk
headers and the diffstat stay valid and the patch applies wherever it did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import chain

from kvmcheck import lazy_re
from kvmcheck.engine import contexts_of, run_rules
from kvmcheck.model import Patch, Series
from kvmcheck.parser import parse_file
from kvmcheck.registry import Edit, Finding

# Each round fixes what the last one uncovered (a lower-case "kvm: x86: foo."
# gets its prefix, then its capital, then loses its period); a handful is plenty.
MAX_ROUNDS = 8

_LINE_END = lazy_re.compile(r"(\r\n|\r|\n)")


def _split(text: str) -> list[str]:
    """Alternating line texts and line ends, numbered as the parser numbers lines."""
    return _LINE_END.split(text)


def _protected_lines(patches: list[Patch]) -> set[int]:
    """Diff lines that are not added lines: file headers, hunk headers, context, removed."""
    protected: set[int] = set()
    for patch in patches:
        for file in patch.files:
            added = {line.lineno for line in file.added_lines()}
            last = file.lineno
            for hunk in file.hunks:
                numbers = [line.lineno for line in chain(hunk.added, hunk.removed)
                           if line.lineno is not None]
                if hunk.lineno is not None:
                    numbers.append(hunk.lineno)
                if numbers and last is not None:
                    end = max(numbers)
                    protected.update(n for n in range(last, end + 1) if n not in added)
                    last = end + 1
    return protected


def _check(
    text: str, name: str, lookup_commit: Callable[[str], tuple[str, str] | None] | None,
    ignore: frozenset[str],
) -> tuple[list[Patch], list[Finding]]:
    """The patches of ``text`` and its fixable findings."""
    patches = parse_file(name, text)
    contexts = contexts_of(Series(patches), lookup_commit)
    return patches, [f for f in run_rules(contexts, ignore) if f.fixable]


def _placed(edit: Edit, line: str) -> int | None:
    """Where ``edit.old`` starts on ``line``, or None when the edit no longer fits."""
    if "\n" in edit.new or "\r" in edit.new:
        return None
    if edit.column is None:
        first = line.find(edit.old) if edit.old else -1
        return first if first >= 0 else None
    start = edit.column if edit.column >= 0 else len(line) + edit.column
    if start < 0 or line[start:start + len(edit.old)] != edit.old:
        return None
    return start


def _apply_round(parts: list[str], findings: list[Finding], protected: set[int]) -> int:
    """Apply the edits of as many findings as fit together; return how many."""
    taken: dict[int, list[tuple[int, int, str]]] = {}
    fixed = 0
    for finding in sorted(findings, key=lambda f: (f.lineno or 0, f.rule)):
        planned: list[tuple[int, int, int, str]] = []
        for edit in finding.edits:
            index = 2 * (edit.lineno - 1)
            if edit.lineno < 1 or index >= len(parts) or edit.lineno in protected:
                break
            start = _placed(edit, parts[index])
            if start is None:
                break
            end = start + len(edit.old)
            spans = taken.get(edit.lineno, []) + [(s, e) for n, s, e, _ in planned
                                                  if n == edit.lineno]
            if any((s < end and start < e) or s == start for s, e, *_ in spans):
                break
            planned.append((edit.lineno, start, end, edit.new))
        else:
            for lineno, start, end, new in planned:
                taken.setdefault(lineno, []).append((start, end, new))
            fixed += 1
    for lineno, spans in taken.items():
        index = 2 * (lineno - 1)
        line = parts[index]
        for start, end, new in sorted(spans, reverse=True):
            line = line[:start] + new + line[end:]
        parts[index] = line
    return fixed


def fix_text(text: str, name: str = "-", *, git_dir: str | None = None,
             ignore: Iterable[str] = ()) -> tuple[str, int]:
    """``text`` with every fixable finding fixed, and how many findings were fixed.

    ``git_dir`` lets ``Fixes:`` tags get their full sha and title (it raises
    ``kvmcheck.gitrefs.GitDirError`` when it is not a git repository); the
    rules in ``ignore`` fix nothing.  Text without fixable findings comes back
    unchanged, byte for byte.
    """
    verify = None
    if git_dir is not None:
        from kvmcheck.gitrefs import commit_lookup  # subprocess: not for Pyodide

        verify = commit_lookup(git_dir)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    total = 0
    for _ in range(MAX_ROUNDS):
        patches, findings = _check(body, name, verify, frozenset(ignore))
        if not findings:
            break
        parts = _split(body)
        fixed = _apply_round(parts, findings, _protected_lines(patches))
        if not fixed:
            break
        total += fixed
        body = "".join(parts)
    return bom + body, total
