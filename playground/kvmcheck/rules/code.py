"""Rules on added code (handbook: maintainer-kvm-x86#coding-style, #comments,
#sdm-and-apm-references).  They read the ``+`` lines of C, assembly and
header files in KVM code."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kvmcheck import paths as P
from kvmcheck.context import PatchContext
from kvmcheck.language import pronouns
from kvmcheck.model import FileDiff, Hunk, Line
from kvmcheck.registry import Finding, Rule, rule
from kvmcheck.rules._examples import diff, patch

_COMMENT_START = re.compile(r"\s*(?:/\*+|\*+(?!/)|//+)")
# A kernel-doc comment documents a function or type: it starts at column 0.
_KERNEL_DOC = re.compile(r"/\*\*(?:\s|$)")
# Repeats are bounded (no section number has nine parts): the re module keeps
# a backtracking record for every pass of a repeated group.
_SDM_NUMBER = re.compile(
    r"\b(?:SDM|APM)\b[^.;]{0,30}?\b(?:Vol(?:ume)?\.?\s*\d+[A-D]?\b"
    r"|(?:Section|Sec\.|Chapter|Table|Figure)\s+\d+(?:[.-]\d+){0,8}|\d+(?:\.\d+){1,8}\b)"
    r"|\bVol(?:ume)?\.?\s*\d+[A-D]?\b"
    r"|\b(?:Table|Figure)\s+\d+-\d+"
    r"|\b(?:Section|Chapter)\s+\d+(?:\.\d+){0,8}\b[^.;]{0,30}?\b(?:SDM|APM)\b",
    re.IGNORECASE,
)
_LABEL = re.compile(r"\s*\w+:\s*(?:/\*.*)?$")
# A local declaration: ``\tconst struct foo *a, b[2] = x;``.  The re module
# keeps a backtracking record for every pass of a repeated group, about 150
# bytes per input character, so the repeats are bounded (qualifiers) or
# possessive (declarators: a declarator list never needs to give one back).
_DECLARATION = re.compile(
    r"\t(?!(?:return|goto|break|continue|case|default|else|do|if|while|for|switch)\b)"
    r"(?:(?:const|static|unsigned|signed|volatile|struct|union|enum|register)\s+){0,8}"
    r"[A-Za-z_]\w*(?:\s+\**|\s*\*+\s*)[A-Za-z_]\w*(?:\[[^\]]*\])?"
    r"(?:\s*,\s*\**[A-Za-z_]\w*(?:\[[^\]]*\])?)*+(?:\s*=\s*[^;]+)?;\s*"
)


def _source_files(context: PatchContext) -> Iterator[FileDiff]:
    if not context.is_kvm:
        return
    for file in context.kvm_files():
        if P.is_source(file.path):
            yield file


def written_lines(file: FileDiff, context: PatchContext) -> Iterator[Line]:
    """Added lines the patch writes, not ones it only moves or re-indents.

    Code moved from elsewhere in the patch keeps whatever it said before;
    the author did not write it.
    """
    removed = context.patch.removed_texts()
    for line in file.added_lines():
        if line.text.strip() not in removed:
            yield line


def comment_text(text: str) -> str | None:
    """The comment part of a line of C, or None when the line has none."""
    match = _COMMENT_START.match(text)
    if match:
        return text[match.end():]
    for marker in ("/*", "//"):
        position = text.find(marker)
        if position >= 0 and text.count('"', 0, position) % 2 == 0:
            return text[position + len(marker):]
    return None


def _written_comments(context: PatchContext) -> Iterator[tuple[Line, str]]:
    """(line, its comment text) for each written line of KVM source with a comment."""
    for file in _source_files(context):
        for line in written_lines(file, context):
            text = comment_text(line.text)
            if text is not None:
                yield line, text


@rule(
    "kernel-doc-comment", "warning", "maintainer-kvm-x86#coding-style",
    bad=patch(diffs=diff(added="/**\n * kvm_get_foo - read foo\n */", removed="",
                         context="#include \"x86.h\"")),
    good=patch(diffs=diff(added="/* Read foo; the caller has checked the index. */", removed="",
                          context="#include \"x86.h\"")),
)
def kernel_doc_comment(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """KVM functions are internal: plain comments, not kernel-doc ``/**``."""
    for file in _source_files(context):
        if not P.is_kvm_host(file.path):
            continue
        for line in written_lines(file, context):
            if _KERNEL_DOC.match(line.text):
                yield rule_.finding(line.lineno, path=file.path)


@rule(
    "comment-sdm-apm-number", "warning", "maintainer-kvm-x86#sdm-and-apm-references",
    bad=patch(diffs=diff(added="\t/* See SDM Vol. 3C, Table 24-11. */\n\treturn -EINVAL;")),
    good=patch(diffs=diff(added="\t/* Per the SDM, bits 63:32 are reserved. */\n"
                                "\treturn -EINVAL;")),
)
def comment_sdm_apm_number(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """SDM/APM numbering changes between editions: cite sections by name."""
    for line, text in _written_comments(context):
        match = _SDM_NUMBER.search(text)
        if match:
            yield rule_.finding(line.lineno, reference=match.group().strip())


@rule(
    "comment-pronoun", "warning", "maintainer-kvm-x86#comments",
    bad=patch(diffs=diff(added="\t/* We must not read past the array. */\n\treturn -EINVAL;")),
    good=patch(diffs=diff(added="\t/* Never read past the array. */\n\treturn -EINVAL;")),
)
def comment_pronoun(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Comments, like changelogs, use imperative mood and no pronouns."""
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
    "indent-spaces", "warning", "maintainer-kvm-x86#coding-style",
    bad=patch(diffs=diff(added="        return -EINVAL;")),
    good=patch(),
)
def indent_spaces(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Kernel code is indented with tabs (spaces may only align after them)."""
    for file in _source_files(context):
        for hunk in file.hunks:
            previous: int | None = None
            for line in hunk.added:
                if _space_indented(line.text):
                    follows = previous is not None and line.lineno == previous + 1
                    if not follows:
                        yield rule_.finding(line.lineno, path=file.path)
                    previous = line.lineno
                else:
                    previous = None


def _declaration_runs(hunk: Hunk) -> Iterator[list[Line]]:
    run: list[Line] = []
    for line in hunk.added:
        consecutive = bool(run) and line.lineno is not None and run[-1].lineno is not None \
            and line.lineno == run[-1].lineno + 1
        if _DECLARATION.fullmatch(line.text):
            if not consecutive and run:
                yield run
                run = []
            run.append(line)
        else:
            if run:
                yield run
            run = []
    if run:
        yield run


@rule(
    "reverse-fir-tree", "info", "maintainer-kvm-x86#coding-style",
    bad=patch(diffs=diff(added="\tint r;\n\tstruct kvm_vcpu *vcpu = kvm_get_vcpu(kvm, 0);",
                         removed="")),
    good=patch(diffs=diff(added="\tstruct kvm_vcpu *vcpu = kvm_get_vcpu(kvm, 0);\n\tint r;",
                          removed="")),
)
def reverse_fir_tree(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Local declarations go longest line first ("reverse Christmas tree")."""
    for file in _source_files(context):
        for hunk in file.hunks:
            for run in _declaration_runs(hunk):
                lengths = [len(line.text.rstrip()) for line in run]
                if len(run) >= 2 and lengths != sorted(lengths, reverse=True):
                    yield rule_.finding(run[0].lineno)

