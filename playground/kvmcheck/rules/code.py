"""Rules on added code (handbook: maintainer-kvm-x86#coding-style, #comments,
#sdm-and-apm-references).  They read the ``+`` lines of C, assembly and
header files in KVM code."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kvmcheck import lazy_re
from kvmcheck.c_source import CODE, IN_COMMENT, lines_with_literals
from kvmcheck.context import PatchContext
from kvmcheck.language import pronouns
from kvmcheck.model import FileDiff, Hunk, Line, follows
from kvmcheck.registry import C_CODE, DIFF, KVM_GUEST, KVM_HOST, Edit, Finding, Rule, rule
from kvmcheck.rules._examples import diff, patch

_COMMENT_START = lazy_re.compile(r"\s*(?:/\*+|\*+(?!/)|//+)")
# A kernel-doc comment documents a function or type at column 0; indented,
# inside a function or a type, it is not kernel-doc either.
_KERNEL_DOC = lazy_re.compile(r"[ \t]*/\*\*(?:\s|$)")
# Repeats are bounded (no section number has nine parts): the re module keeps
# a backtracking record for every pass of a repeated group.
# The lookahead of the first letters lets most places of a line fail at once
# (see security._VULNERABILITY).
_SDM_NUMBER = lazy_re.compile(
    r"\b(?=[acfstv])(?:\b(?:SDM|APM)\b[^.;]{0,30}?\b(?:Vol(?:ume)?\.?\s*\d+[A-D]?\b"
    r"|(?:Section|Sec\.|Chapter|Table|Figure)\s+\d+(?:[.-]\d+){0,8}|\d+(?:\.\d+){1,8}\b)"
    r"|\bVol(?:ume)?\.?\s*\d+[A-D]?\b"
    r"|\b(?:Table|Figure)\s+\d+-\d+"
    r"|\b(?:Section|Chapter)\s+\d+(?:\.\d+){0,8}\b[^.;]{0,30}?\b(?:SDM|APM)\b)",
    re.IGNORECASE,
)
_LABEL = lazy_re.compile(r"\s*\w+:\s*(?:/\*.*)?$")
# A local declaration: ``\tconst struct foo *a, b[2] = x;``.  The re module
# keeps a backtracking record for every pass of a repeated group, about 150
# bytes per input character, so the repeats are bounded (qualifiers) or
# possessive (declarators: a declarator list never needs to give one back).
_DECLARATION = lazy_re.compile(
    r"\t(?!(?:return|goto|break|continue|case|default|else|do|if|while|for|switch)\b)"
    r"(?:(?:const|static|unsigned|signed|volatile|struct|union|enum|register)\s+){0,8}"
    r"[A-Za-z_]\w*(?:\s+\**|\s*\*+\s*)[A-Za-z_]\w*(?:\[[^\]]*\])?"
    r"(?:\s*,\s*\**[A-Za-z_]\w*(?:\[[^\]]*\])?)*+(?:\s*=\s*[^;]+)?;\s*"
)


# The code rules read C and assembly of KVM, host and guest side.
KVM_AREAS = (KVM_HOST, KVM_GUEST)


def written_lines(file: FileDiff, context: PatchContext) -> Iterator[Line]:
    """Added lines the patch writes, not ones it only moves or re-indents.

    Code moved from elsewhere in the patch keeps whatever it said before;
    the author did not write it.
    """
    removed = context.added_code.removed(strip=True)
    for line in file.added_lines():
        if line.text.strip() not in removed:
            yield line


def comment_text(text: str) -> str | None:
    """The comment part of a line of C, or None when the line has none."""
    match = _COMMENT_START.match(text)
    if match:
        return text[match.end() :]
    for marker in ("/*", "//"):
        position = text.find(marker)
        if position >= 0 and text.count('"', 0, position) % 2 == 0:
            return text[position + len(marker) :]
    return None


def _written_comments(context: PatchContext) -> Iterator[tuple[Line, str]]:
    """(line, its comment text) for each written line of KVM source with a comment."""
    for file in context.files:
        for line in written_lines(file, context):
            text = comment_text(line.text)
            if text is not None:
                yield line, text


@rule(
    "kernel-doc-comment",
    "warning",
    "maintainer-kvm-x86#coding-style",
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_CODE,
    title="No kernel-doc comments",
    message="Don't use kernel-doc ('/**') comments in KVM code: write a plain '/*' comment.",
    variants={
        "indented": "'/**' inside a function or a type opens no kernel-doc either: write a plain "
        "'/*' comment.",
    },
    bad=patch(
        diffs=diff(
            added="/**\n * kvm_get_foo - read foo\n */", removed="", context='#include "x86.h"'
        )
    ),
    good=patch(
        diffs=diff(
            added="/* Read foo; the caller has checked the index. */",
            removed="",
            context='#include "x86.h"',
        )
    ),
)
def kernel_doc_comment(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """KVM functions are meant for KVM's own use even when exported, so KVM x86 does not document
    them with kernel-doc ('/**'). A plain comment explaining why the code does what it does is
    welcome.
    """
    for file in context.files:
        for line in written_lines(file, context):
            if _KERNEL_DOC.match(line.text):
                indented = line.text[:1] in (" ", "\t")
                yield rule_.finding(line.lineno, "indented" if indented else None, path=file.path)


@rule(
    "comment-sdm-apm-number",
    "warning",
    "maintainer-kvm-x86#sdm-and-apm-references",
    reads=(DIFF,),
    areas=KVM_AREAS,
    types=C_CODE,
    title="Cite the SDM and APM by name, not number",
    message="Don't cite the SDM/APM by number ('{reference}'): the numbering changes between "
    "editions; name the section or table instead.",
    bad=patch(diffs=diff(added="\t/* See SDM Vol. 3C, Table 24-11. */\n\treturn -EINVAL;")),
    good=patch(
        diffs=diff(added="\t/* Per the SDM, bits 63:32 are reserved. */\n\treturn -EINVAL;")
    ),
)
def comment_sdm_apm_number(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Intel and AMD renumber sections, tables and figures of their manuals with every edition,
    so a comment saying 'SDM 25.3.1' or 'Table 24-11' soon points at the wrong place. Name the
    section if you must, or quote the relevant text. Mentioning the SDM or APM without numbers is
    fine, and changelogs may cite them freely.
    """
    for line, text in _written_comments(context):
        match = _SDM_NUMBER.search(text)
        if match:
            yield rule_.finding(line.lineno, reference=match.group().strip())


@rule(
    "comment-pronoun",
    "warning",
    "maintainer-kvm-x86#comments",
    reads=(DIFF,),
    areas=KVM_AREAS,
    types=C_CODE,
    title="No pronouns in comments",
    message="Avoid pronouns ('{word}') in comments: use imperative mood or name the actor.",
    bad=patch(diffs=diff(added="\t/* We must not read past the array. */\n\treturn -EINVAL;")),
    good=patch(diffs=diff(added="\t/* Never read past the array. */\n\treturn -EINVAL;")),
)
def comment_pronoun(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Comments follow the changelog rules: imperative mood, no 'I', 'we' or 'you'. Explain why
    the code does what it does rather than repeating what it does.
    """
    for line, text in _written_comments(context):
        found = pronouns(text)
        if found:
            yield rule_.finding(line.lineno, word=found[0])


def _space_indented(text: str) -> bool:
    if not text.startswith(" ") or not text.strip():
        return False
    # A comment continuation, or a label indented by one space, is fine.
    return not (text.lstrip(" \t").startswith("*") or _LABEL.match(text))


@rule(
    "indent-spaces",
    "warning",
    "maintainer-kvm-x86#coding-style",
    reads=(DIFF,),
    areas=KVM_AREAS,
    types=C_CODE,
    fixable=True,
    title="Indent with tabs",
    message="Indent with tabs, not spaces.",
    bad=patch(diffs=diff(added="        return -EINVAL;")),
    good=patch(),
)
def indent_spaces(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Kernel C code is indented with tabs, 8 columns wide. Spaces are only used after the tabs,
    to line up continuation lines.
    """
    for file in context.files:
        for hunk in file.hunks:
            run: list[Line] = []
            for line, state, _spans in lines_with_literals(hunk.added):
                # A line that goes on with a string literal has no indentation:
                # its leading spaces are part of the string.
                if state in (CODE, IN_COMMENT) and _space_indented(line.text):
                    if run and not follows(run[-1], line):
                        yield _indent_finding(rule_, file.path, run)
                        run = []
                    run.append(line)
                elif run:
                    yield _indent_finding(rule_, file.path, run)
                    run = []
            if run:
                yield _indent_finding(rule_, file.path, run)


def _tab_indent(line: Line) -> Edit | None:
    """Indentation rewritten as tabs (8 columns each) and the spaces left over."""
    text = line.text
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    column = 0
    for char in indent:
        column = column + 8 - column % 8 if char == "\t" else column + 1
    fixed = "\t" * (column // 8) + " " * (column % 8)
    return Edit.added(line, 0, len(indent), fixed) if fixed != indent else None


def _indent_finding(rule_: Rule, path: str, run: list[Line]) -> Finding:
    """One finding for a run of space-indented lines, fixing every line of it."""
    return rule_.finding(run[0].lineno, path=path, edits=[_tab_indent(line) for line in run])


def _unordered_declaration_runs(hunk: Hunk) -> Iterator[int | None]:
    """The first line of each run of consecutive added declarations that is
    not ordered longest first (the lengths are compared as the run goes, so
    a run of thousands of lines keeps nothing)."""
    first: int | None = None
    previous: Line | None = None
    length = 0
    ordered = True
    for line in hunk.added:
        if not _DECLARATION.fullmatch(line.text):
            if first is not None and not ordered:
                yield first
            first = previous = None
            continue
        if previous is not None and not follows(previous, line):
            if not ordered:
                yield first
            previous = None
        current = len(line.text.rstrip())
        if previous is None:
            first, ordered = line.lineno, True
        elif current > length:
            ordered = False
        previous, length = line, current
    if previous is not None and not ordered:
        yield first


@rule(
    "reverse-fir-tree",
    "info",
    "maintainer-kvm-x86#coding-style",
    reads=(DIFF,),
    areas=KVM_AREAS,
    types=C_CODE,
    title="Local declarations in reverse fir tree order",
    message="Order these local declarations longest line first (reverse fir tree).",
    bad=patch(
        diffs=diff(added="\tint r;\n\tstruct kvm_vcpu *vcpu = kvm_get_vcpu(kvm, 0);", removed="")
    ),
    good=patch(
        diffs=diff(added="\tstruct kvm_vcpu *vcpu = kvm_get_vcpu(kvm, 0);\n\tint r;", removed="")
    ),
)
def reverse_fir_tree(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """KVM x86 prefers local variable declarations sorted from the longest line to the shortest
    (the 'reverse Christmas tree'). It is a preference, not a requirement: dependencies between
    initializers come first.
    """
    for file in context.files:
        for hunk in file.hunks:
            for first in _unordered_declaration_runs(hunk):
                yield rule_.finding(first)
