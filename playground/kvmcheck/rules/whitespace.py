"""Whitespace and line length on added C lines (handbook: maintainer-kvm-x86#coding-style).

checkpatch.pl's whitespace checks, on the ``+`` lines of KVM host C sources,
headers and selftests.  Whitespace findings carry their fix (``--fix``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kvmcheck import lazy_re
from kvmcheck.added_code import (
    C_FILES,
    TAB_WIDTH,
    code_lines,
    columns,
    whitespace_lines,
    whitespace_lines_with_literals,
)
from kvmcheck.c_source import CodeLine
from kvmcheck.context import PatchContext
from kvmcheck.registry import DIFF, KVM_HOST, Edit, Finding, Rule, rule
from kvmcheck.rules._examples import added_lines

SECTION = "maintainer-kvm-x86#coding-style"
MAX_COLUMNS = 100


@rule(
    "trailing-whitespace",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    fixable=True,
    title="No trailing whitespace",
    message="Trailing whitespace: remove the spaces or tabs at the end of this line.",
    bad=added_lines("\treturn -EINVAL;  "),
    good=added_lines("\treturn -EINVAL;"),
)
def trailing_whitespace(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Spaces and tabs at the end of a line are invisible in an editor but show up in every diff,
    and git warns about them when the patch is applied. checkpatch.pl reports them as errors.
    kvmcheck --fix removes them.
    """
    for _file, line in whitespace_lines(context):
        kept = line.text.rstrip(" \t")
        if kept != line.text:
            edit = Edit.added(line, len(kept), len(line.text), "")
            yield rule_.finding(line.lineno, edits=[edit])


# At the end of a line it is trailing whitespace, reported as that.
_SPACE_BEFORE_TAB = lazy_re.compile(r" +\t(?=.*\S)")


def _tabs_for(text: str, match: re.Match[str]) -> str:
    """The tabs that end ``match`` (spaces, then a tab) at the same column."""
    return "\t" * (
        columns(text[: match.end()]) // TAB_WIDTH - columns(text[: match.start()]) // TAB_WIDTH
    )


@rule(
    "space-before-tab",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    fixable=True,
    title="No space before a tab",
    message="A space before a tab: indent and align with tabs, and use spaces only after the last "
    "tab.",
    bad=added_lines("\tint r; \t/* result */"),
    good=added_lines("\tint r;\t/* result */"),
)
def space_before_tab(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A space right before a tab is usually swallowed by the tab, so nobody sees it, but it still
    changes the line in the diff and can shift the alignment. Align with tabs, then spaces.
    kvmcheck --fix replaces the spaces, but never inside a string literal or a comment.
    """
    for _file, line, spans in whitespace_lines_with_literals(context, " \t"):
        if line.text.startswith(" "):
            continue
        # Inside a string literal the tab is data, inside a comment prose:
        # only the spaces between code tokens are the author's layout.
        edits = [
            Edit.added(line, match.start(), match.end(), _tabs_for(line.text, match))
            for match in _SPACE_BEFORE_TAB.finditer(line.text)
            if not any(start < match.end() and match.start() < end for start, end in spans)
        ]
        if edits:
            yield rule_.finding(line.lineno, edits=edits)


# --- line length ----------------------------------------------------------------------

_URL = lazy_re.compile(r"\b[a-z]+://")


def _too_long_for_a_reason(code_line: CodeLine) -> bool:
    """Lines checkpatch lets run long: a user-visible string that starts
    before the limit (never split, so it can be grepped) and URLs."""
    text = code_line.line.text
    quote = code_line.code.find('"')
    if quote >= 0 and columns(text[:quote]) < MAX_COLUMNS:
        return True
    return _URL.search(text) is not None


@rule(
    "line-too-long",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="Lines stay within 100 columns",
    message="This line is {width} columns wide; kernel code stays within 100 (80 preferred).",
    bad=added_lines(
        "\treturn kvm_frobnicate_the_vcpu_state(vcpu, KVM_FROB_ALL_REGISTERS, "
        "KVM_FROB_FLAG_SYNC | KVM_FROB_FLAG_FORCE);"
    ),
    good=added_lines(
        "\treturn kvm_frobnicate_the_vcpu_state(vcpu, KVM_FROB_ALL_REGISTERS,\n"
        "\t\t\t\t\t     KVM_FROB_FLAG_SYNC | KVM_FROB_FLAG_FORCE);"
    ),
)
def line_too_long(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The kernel's limit is 80 columns, stretched to 100 where breaking a line would make it harder
    to read; checkpatch.pl warns past 100. A message string is never split to fit (people grep for
    it), and a URL may run long too.
    """
    for _file, code_line in code_lines(context):
        width = columns(code_line.line.text.rstrip())
        if width > MAX_COLUMNS and not _too_long_for_a_reason(code_line):
            yield rule_.finding(code_line.line.lineno, width=width)
