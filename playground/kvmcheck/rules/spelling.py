"""Typos and repeated words in the changelog and in added comments
(handbook: maintainer-kvm-x86#changelog).

Misspellings come from codespell's maintained dictionary, packed into
kvmcheck at build time (``kvmcheck.typos``); words that look like code
(identifiers, paths, all-caps names) are never looked up.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvmcheck import lazy_re, typos
from kvmcheck.added_code import C_FILES, code_lines
from kvmcheck.context import PatchContext
from kvmcheck.model import FileDiff, Line, follows
from kvmcheck.paths import in_scope
from kvmcheck.registry import DIFF, GENERIC, KVM_HOST, MESSAGE, SUBJECT, Finding, Rule, rule
from kvmcheck.rules._examples import BODY, diff, patch

SECTION = "maintainer-kvm-x86#changelog"

# A word of prose: letters (with one apostrophe), not part of an identifier,
# a path, a function call, a number or an option.
# The letter runs are possessive: a shorter run would be followed by a
# letter, which the lookahead refuses anyway.
_WORD = lazy_re.compile(r"(?<![\w'/.\\-])[A-Za-z]++(?:'[A-Za-z]++)?(?![\w(/\\-]|\.\w)")
# Words as checkpatch.pl sees them: lower case, maybe capitalized, two
# letters or more; "ICR ICR2" or "A A" are names, not slips.  Group 2 is
# the next word when it is the same word in any case ("The the"): the
# search skips the other pairs of words, nearly all of them, itself.
_REPEATED = lazy_re.compile(r"\b([A-Z]?+[a-z]{2,}+) (?=(?=[A-Z]?[a-z]{2,}\b)((?i:\1))\b)")
_PROSE_WORD = lazy_re.compile(r"[A-Z]?[a-z]{2,}")
_HEX = lazy_re.compile(r"[0-9a-fA-F]{2,}")
# Repeated words that are right ("had had", "that that"), or hex bytes
# that are words too (checkpatch.pl's list).
_REPEAT_OK = frozenset(("long", "that", "had"))
_HEX_WORDS = frozenset(("add", "added", "bad", "be"))


def _lookup_form(word: str) -> str | None:
    """The lower-case form to look up: None for ALL-CAPS or mixed-case names."""
    if word.islower():
        return word
    if word[0].isupper() and word[1:].islower():
        return word.lower()
    return None


def _texts(context: PatchContext) -> Iterator[tuple[Line, str, str | None, bool]]:
    """(line, text, variant, whole line) for the shortlog, the changelog prose
    and the comments of added code (variant ``comment``).  "Whole line": the
    text fills its line, so it may go on on the next one (not a comment after
    code).  Made as read: a changelog may have a hundred thousand lines."""
    patch = context.patch
    if patch.is_commit:
        subject = patch.subject
        if subject is not None and subject.description:
            yield Line(subject.description, subject.lineno), subject.description, None, False
        for line in context.prose:
            yield line, line.text, None, True
    for _file, code_line in code_lines(context, _kvm_c_files(context)):
        comment = code_line.comment.strip(" \t*/")
        if comment:
            yield code_line.line, comment, "comment", not code_line.code.strip()


def _kvm_c_files(context: PatchContext) -> list[FileDiff]:
    """Comments are read in the C files the code-style rules read."""
    return [f for f in context.patch.files if in_scope(f.path, (KVM_HOST,), C_FILES)]


def _with_case(fix: str, word: str) -> str:
    return fix[:1].upper() + fix[1:] if word[:1].isupper() else fix


@rule(
    "typo",
    "warning",
    SECTION,
    reads=(SUBJECT, MESSAGE, DIFF),
    scope=GENERIC,
    title="No typos in the changelog and comments",
    message="'{word}' may be misspelled in the changelog: perhaps '{fix}'?",
    variants={
        "comment": "'{word}' may be misspelled in this comment: perhaps '{fix}'?",
        "unavailable": "Typos were not checked: this kvmcheck was built without its typo list "
        "(codespell's dictionary); reinstall it with codespell available.",
    },
    severities=("warning", "info"),
    bad=patch(
        body="Return -EINVAL from kvm_get_foo() when userspace passes an unknown\n"
        "index, instead of reading past the end of the array.  The ioctl\n"
        "handler trusts the index it is given, wich lets the host read memory\n"
        "it does not own."
    ),
    good=patch(),
)
def typo(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A typo in a changelog or comment stays in the kernel's history and makes the text harder to
    search. kvmcheck looks words up in codespell's dictionary of common misspellings, built into
    kvmcheck when it is installed; identifiers and names in capitals are not checked.
    """
    first = next(_texts(context), None)
    if first is None:
        return
    if not typos.available():
        yield rule_.finding(first[0].lineno, "unavailable", "info")
        return
    # Look each distinct word up once; only the rare misspelled ones are
    # then searched for line by line.
    words = {
        word for _line, text, _variant, _whole in _texts(context) for word in _WORD.findall(text)
    }
    # len() and islower() first: they spare the call to _lookup_form() for
    # the short words and the lower-case ones, most of them.  The words are
    # ASCII, so a word and its lower-case form have the same length.
    fixes = {
        word: fix
        for word in words
        if len(word) >= 3
        and (form := word if word.islower() else _lookup_form(word)) is not None
        and (fix := typos.correction(form)) is not None
    }
    if not fixes:
        return
    for line, text, variant, _whole in _texts(context):
        for word in dict.fromkeys(_WORD.findall(text)):
            if word in fixes:
                yield rule_.finding(
                    line.lineno, variant, word=word, fix=_with_case(fixes[word], word)
                )


def _repeats(text: str) -> Iterator[str]:
    for match in _REPEATED.finditer(text):
        word = match.group(1)
        start, end = match.start(), match.end(2)
        if start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"'":
            continue
        if end < len(text) and text[end] not in " \t.,;:?!)":
            continue
        lower = word.lower()
        if lower in _REPEAT_OK or (_HEX.fullmatch(word) and lower not in _HEX_WORDS):
            continue
        yield word


@rule(
    "repeated-word",
    "warning",
    SECTION,
    reads=(SUBJECT, MESSAGE, DIFF),
    scope=GENERIC,
    title="No repeated words",
    message="'{word} {word}': a word repeated in the changelog.",
    variants={
        "comment": "'{word} {word}': a word repeated in this comment.",
    },
    bad=patch(body=BODY.replace("past the end", "past the the end")),
    good=patch(
        diffs=diff(added="\t/* Check the index: the caller does not. */\n\treturn -EINVAL;")
    ),
)
def repeated_word(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A word written twice in a row ('the the', 'to to'), often across a line break after
    rewording, is the most common slip in changelogs and comments.
    """
    previous: tuple[Line, str] | None = None
    for line, text, variant, whole in _texts(context):
        for word in _repeats(text):
            yield rule_.finding(line.lineno, variant, word=word)
        # Only the first and the last word matter: the line is not split
        # into all of its words.
        first = text.split(None, 1)[:1] if whole else []
        if previous is not None and first and follows(previous[0], line):
            last = previous[1]
            if (
                first[0].lower() == last.lower()
                and _PROSE_WORD.fullmatch(first[0])
                and _PROSE_WORD.fullmatch(last)
                and last.lower() not in _REPEAT_OK
            ):
                yield rule_.finding(line.lineno, variant, word=first[0])
        previous = (line, text.rsplit(None, 1)[-1]) if first else None
