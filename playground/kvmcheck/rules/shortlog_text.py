"""Shortlog rules on the words after the prefix: shortlog-capitalization,
shortlog-vague, shortlog-trailing-punctuation, shortlog-too-long
(handbook: maintainer-kvm-x86#shortlog)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kvmcheck import lazy_re
from kvmcheck.context import PatchContext
from kvmcheck.language import NON_IMPERATIVE_VERBS
from kvmcheck.registry import SUBJECT, Edit, Finding, Rule, rule
from kvmcheck.rules._examples import patch
from kvmcheck.rules.shortlog import SECTION, _diff_uses, _head, _prefix_subject, _subject_edit

_IDENTIFIER_MARKS = lazy_re.compile(r"[_()\[\]{}<>.\-/=#:*0-9]")


def _is_identifier(word: str) -> bool:
    """Names keep their spelling: ``kvm_mmu_zap()``, ``x2APIC``, ``nVMX``, ``MSR``."""
    return (
        bool(_IDENTIFIER_MARKS.search(word))
        or word.isupper()
        or any(ch.isupper() for ch in word[1:])
    )


@rule(
    "shortlog-capitalization",
    "info",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    fixable=True,
    severities=("info", "warning"),
    title="The description starts with a capital letter",
    message="Capitalize the first word after the prefix: '{fixed}', not '{word}'.",
    variants={
        "imperative": "Start the shortlog with a capitalized imperative: '{fixed}', not '{word}'.",
    },
    bad=patch(subject="KVM: x86: reject unknown indices in kvm_get_foo()"),
    good=patch(),
)
def shortlog_capitalization(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """After the prefix comes a short sentence starting with a capital letter: 'KVM: x86: Fix
    ...', not 'KVM: x86: fix ...'. Identifiers keep their own spelling, so 'KVM: x86:
    kvm_set_msr() ...' or 'KVM: VMX: x2APIC ...' are fine. A lower-case word that is not
    imperative either ('fixed', 'adds') is one mistake with one fix, to the capitalized
    imperative ('Fix', 'Add'), and a warning like any shortlog not in imperative mood.
    """
    subject = context.patch.subject
    if subject is None or not subject.prefix or not subject.description:
        return
    word = subject.description.split()[0]
    if not word[0].islower() or _is_identifier(word) or _diff_uses(context, word):
        return
    head = _head(subject)
    bare = word.rstrip(",.:;")
    imperative = NON_IMPERATIVE_VERBS.get(bare.lower())
    if imperative is not None:
        # 'fixed' -> 'Fix', not 'Fixed': the word and its case at once.
        yield rule_.finding(
            subject.lineno,
            "imperative",
            "warning",
            word=bare,
            fixed=imperative,
            edits=[_subject_edit(subject, head + bare, head + imperative)],
        )
        return
    fixed = word[0].upper() + word[1:]
    yield rule_.finding(
        subject.lineno,
        word=word,
        fixed=fixed,
        edits=[_subject_edit(subject, head + word, head + fixed)],
    )


_TRAILING_PUNCTUATION = ".,;:!"

# "Fix a bug in foo()", "Fix issue with bar", "Fix the problem": a bug, but which?
# A clause after it that says what goes wrong ("... where", "... when") is fine.
_VAGUE_BUG = lazy_re.compile(
    r"(?:fix|resolve|address|solve|correct)(?:es|ed)?\s+(?:an?\s+|the\s+|some\s+|several\s+"
    r"|two\s+|minor\s+|potential\s+|possible\s+)?"
    # Words that only say where the issue is: "correct comment description issue".
    r"(?:(?:comment|description|code|wording|logic)\s+){0,2}(?:bugs?|issues?|problems?|errors?)"
    r"(?:\s+#?\d+)?(?:\s+(?:in|with|of|for|on|from|inside|within)\s+"
    r"(?!.*\b(?:where|when|whe?n?ever|that|which|due|caused|by|if|so|because|while|after"
    r"|before)\b).*)?",
    re.IGNORECASE,
)
_CVE = lazy_re.compile(r"\bCVE-\d{4}-\d{3,}\b", re.IGNORECASE)
# Whole descriptions that name no change: "Minor fixes", "Cleanup", "Update x86.c",
# "duplicate code".
_NO_CHANGE = lazy_re.compile(
    r"(?:(?:minor|small|misc(?:ellaneous)?|various|some|trivial|more|a\s+few|several|code|"
    r"random|general)\s+)?(?:bug\s*)?(?:fix(?:es|ups?)?|clean-?ups?|changes?|updates?"
    r"|improvements?|tweaks?|modifications?|patch(?:es)?)"
    r"(?:\s+(?:in|to|for|of|on)\s+\S+)?|(?:update|change|modify|fix)\s+\S+\.[chS]"
    # A symptom with no verb: "duplicate code", "Redundant check".
    r"|(?:duplicated?|redundant|dead|unused|unneeded|useless)\s+(?:code|checks?|lines?)",
    re.IGNORECASE,
)
_BARE_NAME = lazy_re.compile(r"[A-Za-z_]\w*(?:\(\))?")


@rule(
    "shortlog-vague",
    "warning",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    title="The shortlog says what changes",
    message="'{description}' does not say what the patch changes: name the change itself, e.g. "
    "'Reject unknown indices in kvm_get_foo()'.",
    variants={
        "bug": "'{description}' does not say which bug: name what the fix does or what went "
        "wrong, e.g. 'Don't read past the end of foo[] in kvm_get_foo()'.",
        "cve": "Don't put a CVE id in the shortlog ('{description}'): say what the patch "
        "changes; the id can go in the changelog.",
        "name": "'{description}' is only a name: say what changes in it, e.g. 'Reject unknown "
        "indices in {description}'.",
    },
    bad=patch(subject="KVM: x86: Fix a bug in kvm_get_foo()"),
    good=patch(),
)
def shortlog_vague(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The shortlog is all most people read of a patch, in 'git log --oneline', in mail subjects
    and in the release notes, so it has to say what the patch does. 'Fix a bug in X', 'Fix issue
    with Y', 'Minor fixes', a bare function name or a CVE id tell a reader nothing; reviewers ask
    for the change itself ('Reject ...', 'Don't ...', 'Flush ... before ...').
    """
    subject = _prefix_subject(context)
    if subject is None or not subject.description:
        return
    description = subject.description.rstrip(".")
    if _CVE.search(description):  # the id goes in the changelog, the change in the shortlog
        yield rule_.finding(subject.lineno, "cve", description=description)
    elif _VAGUE_BUG.fullmatch(description):
        yield rule_.finding(subject.lineno, "bug", description=description)
    elif _NO_CHANGE.fullmatch(description):
        yield rule_.finding(subject.lineno, description=description)
    elif _BARE_NAME.fullmatch(description) and ("_" in description or "(" in description):
        yield rule_.finding(subject.lineno, "name", description=description)


@rule(
    "shortlog-trailing-punctuation",
    "warning",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    fixable=True,
    title="No punctuation at the end of the shortlog",
    message="Drop the '{char}' at the end of the shortlog.",
    bad=patch(subject="KVM: x86: Reject unknown indices in kvm_get_foo()."),
    good=patch(),
)
def shortlog_trailing_punctuation(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The shortlog works like a title, so it has no full stop or other punctuation at the end."""
    subject = context.patch.subject
    if subject is None or not subject.shortlog:
        return
    last = subject.shortlog[-1]
    if last in _TRAILING_PUNCTUATION and not subject.shortlog.endswith("..."):
        ending = subject.shortlog.rsplit(" ", 1)[-1]
        # The whole run ("fix foo!!!!"): one character a round would take
        # more rounds than --fix makes, and a second run would change it again.
        kept = ending.rstrip(_TRAILING_PUNCTUATION)
        if ending[len(kept) :].startswith("..."):  # "fix foo...!" keeps its ellipsis
            kept += "..."
        edits = (
            [] if subject.end_lineno is None else [Edit.at_end(subject.end_lineno, ending, kept)]
        )
        yield rule_.finding(subject.lineno, char=last, edits=edits)


@rule(
    "shortlog-too-long",
    "info",
    SECTION,
    reads=(SUBJECT,),
    severities=("info", "error"),
    commits_only=True,
    title="The shortlog fits in 75 characters",
    message="The shortlog is {length} characters long; keep 'prefix: description' within {limit} "
    "(75 is the firm limit, 80 the hard one).",
    bad=patch(
        subject="KVM: x86: Reject unknown indices in kvm_get_foo() instead of reading "
        "past the end of the array"
    ),
    good=patch(),
)
def shortlog_too_long(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The shortlog, prefix included, should stay within 75 characters so that it fits in 'git
    log --oneline' and in mail subjects. KVM x86 allows a few characters more when there is a
    good reason, but 80 is a hard limit.
    """
    subject = context.patch.subject
    if subject is None:
        return
    length = len(subject.shortlog)
    if length > 80:
        yield rule_.finding(subject.lineno, severity="error", length=length, limit=80)
    elif length > 75:
        yield rule_.finding(subject.lineno, length=length, limit=75)
