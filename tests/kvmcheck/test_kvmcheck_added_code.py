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
from kvmcheck.added_code import code_lines, whitespace_lines
from kvmcheck.api import check_texts
from kvmcheck.c_source import SplitLines, split_lines
from kvmcheck.context import PatchContext, analyze
from kvmcheck.input_lines import InputLines
from kvmcheck.model import Line, Patch, Series
from kvmcheck.parser import parse_file
from kvmcheck.registry import KVM_HOST
from kvmcheck.rules._examples import added_lines, diff, patch

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
    # A slice is split there and then, each line in the state it starts in.
    assert [(c.code, c.comment, c.line.lineno) for c in lazy[1:3]] == kept[1:3]
    assert [(c.code, c.comment) for c in lazy[-1:]] == [kept[-1][:2]]


def test_no_patch_outlives_its_check() -> None:
    check_texts([("big.patch", COMMENTS)])
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, Patch)]


# One line moved unchanged, one moved and re-indented, one written; a short
# line ("}") is never taken for moved code.
MOVED = "\tr = kvm_get_foo(vcpu, index);"
REINDENTED = "\t\tkvm_put_foo(vcpu, index);"
WRITTEN = "\treturn -EINVAL;"


def context_of(text: str) -> PatchContext:
    (parsed,) = parse_file("case.patch", text)
    return analyze(parsed, Series([parsed]))


def moving_patch() -> PatchContext:
    return context_of(
        patch(
            diffs=diff(
                path="arch/x86/kvm/x86.c",
                added=f"{MOVED}\n{REINDENTED}\n{WRITTEN}\n}}",
                removed="\tkvm_put_foo(vcpu, index);",
            )
            + diff(path="arch/x86/kvm/vmx/vmx.c", added="\tfoo();", removed=f"{MOVED}\n}}")
        )
    )


def test_added_code_sorts_written_moved_and_reindented_lines() -> None:
    context = moving_patch()
    code = context.added_code
    hunk = context.patch.files[0].hunks[0]
    assert [line.text for line in hunk.added] == [MOVED, REINDENTED, WRITTEN, "}"]
    assert code.removed(strip=False) == {"\tkvm_put_foo(vcpu, index);", MOVED, "}"}
    assert code.removed(strip=True) == {"kvm_put_foo(vcpu, index);", MOVED.strip(), "}"}
    # Indentation aside, the first two were moved: the author wrote the rest.
    assert list(code.written(hunk)) == [0, 0, 1, 1]
    # The re-indented line's whitespace is the author's choice.
    assert list(code.whitespace_chosen(hunk)) == [0, 1, 1, 1]
    assert isinstance(code.lines(hunk), tuple)  # a small patch keeps them split
    assert [(c.code, c.comment, c.line.lineno) for c in code.lines(hunk)] == [
        (line.text, "", line.lineno) for line in hunk.added
    ]


def test_the_rule_iterators_read_through_added_code() -> None:
    context = moving_patch()
    assert [(f.path, c.line.text) for f, c in code_lines(context)] == [
        ("arch/x86/kvm/x86.c", WRITTEN),
        ("arch/x86/kvm/x86.c", "}"),
        ("arch/x86/kvm/vmx/vmx.c", "\tfoo();"),
    ]
    assert [line.text for _file, line in whitespace_lines(context)] == [
        REINDENTED,
        WRITTEN,
        "}",
        "\tfoo();",
    ]


def test_each_view_is_worked_out_once_per_patch_and_shared_by_the_rules() -> None:
    """A rule's scoped context reads the patch's one AddedCode: what one rule
    made, the next reuses (the same objects, not equal copies)."""
    context = moving_patch()
    scoped = context.scoped((KVM_HOST,), added_code.C_FILES)
    assert scoped is not None and scoped.added_code is context.added_code
    hunk = context.patch.files[0].hunks[0]
    code = context.added_code
    assert code.lines(hunk) is scoped.added_code.lines(hunk)
    assert code.written(hunk) is code.written(hunk)
    assert code.removed(strip=True) is code.removed(strip=True)
    # A new patch context starts afresh.
    assert context_of(added_lines(WRITTEN)).added_code is not code


def test_a_big_patch_keeps_a_byte_a_line_and_splits_when_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(added_code, "KEEP_SPLIT_LINES", 3)
    context = moving_patch()  # adds 5 lines
    lines = context.added_code.lines(context.patch.files[0].hunks[0])
    assert isinstance(lines, SplitLines)
    assert [c.line.text for c in lines] == [MOVED, REINDENTED, WRITTEN, "}"]
