"""Changelog rules (handbook: maintainer-kvm-x86#changelog, #function-references)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kvmcheck.context import PatchContext, has_url, prose_lines
from kvmcheck.language import CONTEXT_OPENERS, IMPERATIVE_VERBS, first_word, pronouns
from kvmcheck.model import Line
from kvmcheck.registry import GENERIC, Finding, Rule, rule
from kvmcheck.rules._examples import BODY, patch

SECTION = "maintainer-kvm-x86#changelog"

_VERSION_HISTORY = re.compile(
    r"\s*(?:[-*]\s*)?\[?(?:v\d+\s*(?:->|→|=>|to|vs\.?)\s*v\d+"
    r"|v\d+\s*[:-]"
    r"|changes?\s+(?:since|from|in|for)\s+(?:v|version\s*)\d+"
    r"|changelog\s*:)",
    re.IGNORECASE,
)
_CALL = re.compile(r"\b([A-Za-z_]\w*)\s*\(")
_C_KEYWORDS = frozenset(
    (
        "if", "for", "while", "switch", "return", "sizeof", "typeof", "__typeof__",
        "do", "else", "case", "goto", "defined", "__attribute__", "alignof", "_Alignof",
        "offsetof", "asm", "__asm__", "volatile", "__volatile__", "likely", "unlikely",
        "static_assert",
    )
)


@rule(
    "changelog-missing", "warning", SECTION, scope=GENERIC,
    bad=patch(body=""),
    good=patch(),
)
def changelog_missing(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Every patch explains what it changes and why, even a one-liner."""
    if not context.patch.is_commit or context.prose:
        return
    subject = context.patch.subject
    yield rule_.finding(subject.lineno if subject else None)


@rule(
    "changelog-pronoun", "warning", SECTION,
    bad=patch(body="Return -EINVAL from kvm_get_foo() when userspace passes an unknown\n"
                   "index.  We read past the end of the array otherwise."),
    good=patch(body="Return -EINVAL from kvm_get_foo() when userspace passes an unknown\n"
                    "index.  KVM reads past the end of the array otherwise."),
)
def changelog_pronoun(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Describe the code and the hardware, not people: no I, we, you."""
    if not context.patch.is_commit:
        return
    for line in context.prose:
        found = pronouns(line.text)
        if found:
            yield rule_.finding(line.lineno, word=found[0], text=line.text.strip())


def _opens_with_imperative(paragraph: list[Line]) -> bool:
    text = paragraph[0].text
    if text[:1].isspace():
        return False  # an indented block (code, log), not a statement
    word = first_word(text)
    return bool(word) and word[0].isupper() and word.lower() in IMPERATIVE_VERBS


@rule(
    "changelog-context-first", "info", SECTION,
    bad=patch(body="Currently, kvm_get_foo() trusts the index userspace passes, so a\n"
                   "bogus value reads past the end of the array.\n\n"
                   "Return -EINVAL for unknown indices."),
    good=patch(),
)
def changelog_context_first(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """KVM x86 wants the change first, then the background (unlike tip)."""
    if not context.patch.is_commit:
        return
    paragraphs = context.patch.paragraphs()
    if len(paragraphs) < 2 or not CONTEXT_OPENERS.match(paragraphs[0][0].text):
        return
    for paragraph in paragraphs[1:]:
        if _opens_with_imperative(paragraph):
            yield rule_.finding(paragraphs[0][0].lineno, line=paragraph[0].lineno or 0)
            return


@rule(
    "changelog-line-too-long", "warning", SECTION, scope=GENERIC,
    bad=patch(body="Return -EINVAL from kvm_get_foo() when userspace passes an unknown index, "
                   "instead of reading past the end of the array."),
    good=patch(),
)
def changelog_line_too_long(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Wrap changelog prose at 75 columns (URLs, tags and logs are exempt)."""
    if not context.patch.is_commit:
        return
    for line in prose_lines(context.patch.message, keep_urls=True):
        if has_url(line.text):
            continue
        length = len(line.text.rstrip())
        if length > 75:
            yield rule_.finding(line.lineno, length=length)


@rule(
    "version-history-in-changelog", "warning", SECTION, scope=GENERIC,
    bad=patch(body=BODY + "\n\nv2: check the index before using it"),
    good=patch(notes="v2: check the index before using it"),
)
def version_history_in_changelog(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Notes on what changed between versions go below the ``---`` line."""
    if not context.patch.is_commit:
        return
    for line in context.patch.message:
        if _VERSION_HISTORY.match(line.text):
            yield rule_.finding(line.lineno, text=line.text.strip())
            return


def diff_functions(context: PatchContext) -> set[str]:
    """Names the diff defines or calls as functions."""
    names: set[str] = set()
    for file in context.patch.files:
        for hunk in file.hunks:
            texts = [hunk.section, *(line.text for line in hunk.added),
                     *(line.text for line in hunk.removed)]
            for text in texts:
                for match in _CALL.finditer(text):
                    name = match.group(1)
                    if text[match.end():].lstrip().startswith("*"):
                        continue  # a function pointer: "type (*name)(...)"
                    if name not in _C_KEYWORDS and not name.isupper() and "_" in name.strip("_") \
                            and not name.endswith("_t"):
                        names.add(name)
    return names


_TITLE_QUOTE = re.compile(r'\("[^"]*"\)?|\("[^"]*$')


def _mentions(text: str, names: set[str]) -> Iterator[str]:
    cleaned = _TITLE_QUOTE.sub(" ", text)
    for match in re.finditer(r"(?<![\w>.&%$-])([A-Za-z_]\w*)(?![\w(])", cleaned):
        name = match.group(1)
        if name in names:
            before = cleaned[max(0, match.start() - 7):match.start()]
            if re.search(r"(?:struct|union|enum)\s+$|\w\($", before):
                continue  # a type, or a macro argument: FNAME(name)()
            yield name


@rule(
    "function-reference-parens", "warning", "maintainer-kvm-x86#function-references",
    bad=patch(subject="KVM: x86: Reject unknown indices in kvm_get_foo",
              body="Return -EINVAL from kvm_get_foo when userspace passes an unknown\n"
                   "index, instead of reading past the end of the array."),
    good=patch(),
)
def function_reference_parens(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Write functions as ``name()`` so readers see it is a function."""
    if not context.patch.is_commit:
        return
    names = diff_functions(context)
    if not names:
        return
    seen: set[str] = set()
    places: list[Line] = []
    subject = context.patch.subject
    if subject is not None and subject.description:
        places.append(Line(subject.description, subject.lineno))
    places.extend(context.prose)
    for line in places:
        for name in _mentions(line.text, names):
            if name not in seen:
                seen.add(name)
                yield rule_.finding(line.lineno, name=name)
