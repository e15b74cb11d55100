"""The split of added C lines that the code-style rules share
(kvmcheck/added_code.py, kvmcheck/c_source.py).

A patch adding more than KEEP_SPLIT_LINES lines keeps a byte a line and
splits each line again when a rule reads it; the findings must be the same
as when every split line is kept.  And nothing of a checked patch outlives
its run: a playground tab checks patch after patch.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
import test_rules_code_style
import test_rules_spacing
import test_rules_spelling
import test_rules_whitespace

from kvmcheck import added_code
from kvmcheck.api import check_texts
from kvmcheck.c_source import SplitLines, split_lines
from kvmcheck.input_lines import InputLines
from kvmcheck.model import Line, Patch
from kvmcheck.rules._examples import added_lines

CASE_INPUTS = sorted(
    {
        text
        for module in (
            test_rules_code_style,
            test_rules_spacing,
            test_rules_spelling,
            test_rules_whitespace,
        )
        for _rule, text, _fires in module.CASES
    }
)
# Comments opened on one line and closed lines later, with and without a
# context line between: where a lazy split could lose track of a comment.
COMMENTS = added_lines(
    '\tint a; /* starts\n\t * goes on "x" (y)\n\t */ if(a)\n'
    "\t\treturn b ;\n\t/* one */ c = d;\n\t// e=f\n"
)


def findings(text: str) -> list[tuple[int | None, str, str]]:
    result = check_texts([("case.patch", text)])
    return [(f["line"], f["rule"], f["message"]) for p in result["patches"] for f in p["findings"]]


def split_when_read(monkeypatch: pytest.MonkeyPatch, text: str) -> list:
    with monkeypatch.context() as patched:
        patched.setattr(added_code, "KEEP_SPLIT_LINES", 0)
        return findings(text)


@pytest.mark.parametrize("text", [*CASE_INPUTS, COMMENTS])
def test_lines_split_when_read_give_the_same_findings(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    assert split_when_read(monkeypatch, text) == findings(text)


def test_real_patches_split_when_read_give_the_same_findings(
    monkeypatch: pytest.MonkeyPatch, corpus: Path
) -> None:
    for path in sorted((corpus / "kvm-x86").glob("*.patch"))[::5]:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert split_when_read(monkeypatch, text) == findings(text), path.name


def test_split_lines_sequence_matches_the_generator() -> None:
    text = '\tint a; /* x\n\t * y */ b;\n\tc = "/*";\n\t/* z\n'
    lines = [Line(line.text, line.lineno) for line in InputLines.split(text)]
    lines[3].lineno = 9  # not directly after the line above: the comment does not carry
    kept = [(c.code, c.comment, c.line.lineno) for c in split_lines(lines)]
    lazy = SplitLines(lines)
    assert [(c.code, c.comment, c.line.lineno) for c in lazy] == kept
    assert [(lazy[i].code, lazy[i].comment) for i in range(len(lazy))] == [
        (code, comment) for code, comment, _ in kept
    ]


def test_no_patch_outlives_its_check() -> None:
    check_texts([("big.patch", COMMENTS)])
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, Patch)]
