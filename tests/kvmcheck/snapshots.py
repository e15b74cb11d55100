"""Golden outputs: what kvmcheck says and does, rendered as text and compared
with the committed files under ``tests/kvmcheck/snapshots/``.

A changed message (in either language), line, severity or fix shows up as a
diff of these files in review. ``make snapshots`` rewrites them
(``UPDATE_SNAPSHOTS=1``); ``tests/kvmcheck/test_snapshots.py`` compares.
"""

from __future__ import annotations

import difflib
import io
import os
from collections.abc import Iterable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from kvmcheck.api import check_texts
from kvmcheck.cli import main as cli_main
from kvmcheck.fix import fix_text
from kvmcheck.messages import LANGUAGES
from kvmcheck.model import Line, Patch, Series
from kvmcheck.results import all_findings
from kvmcheck.rules import RULES

HERE = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"


def compare(name: str, actual: str) -> None:
    """Fail with a diff when ``actual`` differs from the snapshot ``name``;
    write it instead under UPDATE_SNAPSHOTS=1."""
    path = HERE / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    expected = path.read_text(encoding="utf-8") if path.exists() else ""
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                f"{name} (committed)",
                f"{name} (now)",
            )
        )
        raise AssertionError(
            f"snapshot {name} differs; if the change is intended, run `make snapshots`"
            f" and commit the result\n{diff}"
        )


def visible(text: str) -> str:
    """Whitespace a reviewer must see: tabs, trailing spaces, line ends."""
    shown = text.replace("\t", "→   ").replace("\r", "␍")
    stripped = shown.rstrip(" ")
    return stripped + "·" * (len(shown) - len(stripped))


def fix_diff(text: str, only: str | None = None) -> str:
    """What ``--fix`` does to ``text`` (only rule ``only``'s fixes, if given),
    as a unified diff with whitespace made visible; "(no change)" if none."""
    ignore = [rule for rule in RULES if rule != only] if only else []
    fixed, count = fix_text(text, ignore=ignore)
    if fixed == text:
        return "  (no change)\n"
    lines = difflib.unified_diff(
        text.splitlines(), fixed.splitlines(), "before", "after", lineterm="", n=0
    )
    body = "".join(f"  {visible(line)}\n" for line in lines)
    return f"  {count} fixed\n{body}"


def findings(text: str, only: str | None = None) -> str:
    """Every finding (of rule ``only``, if given) in every language."""
    out = []
    for lang in LANGUAGES:
        result = check_texts([("input.patch", text)], lang=lang)
        for item in all_findings(result):
            if only is None or item["rule"] == only:
                fixable = " fixable" if item["fixable"] else ""
                out.append(
                    f"  [{lang}] line {item['line']} {item['severity']} {item['rule']}"
                    f"{fixable}: {item['message']}\n"
                )
    return "".join(out) or "  (no finding)\n"


def rule_cases(cases: Iterable[tuple[str, str, bool]]) -> str:
    """The snapshot of a test module's rule cases, named as the test names them."""
    out = []
    for index, (rule_id, text, _fires) in enumerate(cases):
        out.append(f"### {rule_id}-{index}\n")
        out.append(findings(text, rule_id))
        out.append("fix:\n" + fix_diff(text, rule_id) + "\n")
    return "".join(out)


def rule_examples() -> str:
    """Every rule's declared bad and good example: what it says and fixes."""
    out = []
    for rule in RULES.values():
        for kind, text in (("bad", rule.bad), ("good", rule.good)):
            out.append(f"### {rule.id} {kind}\n")
            out.append(findings(text, rule.id))
            out.append("fix:\n" + fix_diff(text, rule.id) + "\n")
    return "".join(out)


def _line(line: Line | None) -> str:
    return "-" if line is None else f"{line.lineno}: {visible(line.text)}"


def dump_patch(patch: Patch) -> str:
    """The parsed fields of one patch, one per line."""
    out = [f"patch {patch.source} kind={patch.kind} problem={patch.problem}"]
    subject = patch.subject
    if subject is not None:
        out.append(f"  subject line {subject.lineno}-{subject.end_lineno}: {visible(subject.raw)}")
        for field in (
            "tags",
            "project",
            "number",
            "total",
            "version",
            "rfc",
            "prefix",
            "description",
            "revert",
        ):
            out.append(f"    {field}: {getattr(subject, field)!r}")
    for name, (value, lineno) in patch.headers.items():
        out.append(f"  header {name} (line {lineno}): {visible(value)}")
    out.append(f"  author (line {patch.author_lineno}): {patch.author}")
    out.extend(f"  message {_line(line)}" for line in patch.message)
    out.extend(f"  trailer {t.key}: {visible(t.value)} (line {t.lineno})" for t in patch.trailers)
    out.append(f"  separator line {patch.separator_lineno}")
    out.extend(f"  notes {_line(line)}" for line in patch.notes)
    out.extend(f"  diffstat {_line(line)}" for line in patch.diffstat)
    for file in patch.files:
        out.append(f"  file {file.old_path} -> {file.new_path} (line {file.lineno})")
        out.extend(f"    + {_line(line)}" for line in file.added_lines())
        out.extend(f"    - {_line(line)}" for line in file.removed_lines())
    out.append(f"  base-commit {_line(patch.base_commit)}")
    return "\n".join(out) + "\n"


def dump_series(series: Series) -> str:
    return "".join(dump_patch(patch) for patch in series.patches)


def cli_output(*argv: str) -> str:
    """What ``kvmcheck argv...`` prints, and its exit status."""
    # A byte stream under the text one: --fix writes the fixed bytes to it.
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    stderr = io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        status = cli_main(list(argv))
    stdout.flush()
    printed = stdout.buffer.getvalue().decode("utf-8", errors="backslashreplace")
    return f"$ kvmcheck {' '.join(argv)}\n{printed}{stderr.getvalue()}exit {status}\n"
