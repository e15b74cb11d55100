"""Changelog rules (handbook: maintainer-kvm-x86#changelog)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from kvmcheck import lazy_re
from kvmcheck.context import PatchContext, has_url
from kvmcheck.language import (
    CONTEXT_OPENERS,
    IMPERATIVE_VERBS,
    NON_IMPERATIVE_VERBS,
    first_word,
    pronouns,
)
from kvmcheck.model import Line, follows
from kvmcheck.registry import GENERIC, MESSAGE, SUBJECT, Edit, Finding, Rule, rule
from kvmcheck.rules._examples import BODY, patch

SECTION = "maintainer-kvm-x86#changelog"

_VERSION_HISTORY = lazy_re.compile(
    r"\s*(?:[-*]\s*)?\[?(?:v\d+\s*(?:->|→|=>|to|vs\.?)\s*v\d+"
    r"|v\d+\s*[:-]"
    r"|changes?\s+(?:since|from|in|for)\s+(?:v|version\s*)\d+"
    r"|changelog\s*:)",
    re.IGNORECASE,
)


@rule(
    "changelog-missing",
    "warning",
    SECTION,
    reads=(MESSAGE,),
    scope=GENERIC,
    commits_only=True,
    title="Every patch has a changelog",
    message="There is no changelog: below the shortlog, explain what changes and why.",
    bad=patch(body=""),
    good=patch(),
)
def changelog_missing(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Even a one-line fix needs a few sentences: what the patch changes, why, and what was
    broken. Reviewers read it before the code, and people running 'git blame' years later depend
    on it.
    """
    if context.prose:
        return
    subject = context.patch.subject
    yield rule_.finding(subject.lineno if subject else None)


_THIS_PATCH = lazy_re.compile(
    r"(?:in )?this (?:patch|commit|change|series)\b|the patch\b", re.IGNORECASE
)


def _non_imperative(text: str, shortlog: bool = False) -> tuple[str, str | None] | None:
    """(what was written, imperative replacement) when ``text`` opens non-imperatively.

    In the shortlog the replacement is capitalized (the description starts
    with a capital letter): 'fixed' is 'Fix' there, one finding and one fix
    for the word, not a second for its case."""
    stripped = text.strip()
    match = _THIS_PATCH.match(stripped)
    if match:
        return match.group(), None
    word = stripped.split(maxsplit=1)[0] if stripped else ""
    word = word.rstrip(",.:;")
    replacement = NON_IMPERATIVE_VERBS.get(word.lower())
    if replacement is None:
        return None
    if not shortlog and not word[0].isupper() and word[0].isalpha():
        replacement = replacement.lower()
    return word, replacement


@rule(
    "imperative-mood",
    "warning",
    SECTION,
    reads=(SUBJECT, MESSAGE),
    commits_only=True,
    fixable=True,
    title="Imperative mood",
    message="Write the shortlog in imperative mood: '{instead}', not '{written}'.",
    variants={
        "this-patch": "Don't open the shortlog with '{written}': state what the change does, in "
        "imperative mood ('Fix ...', 'Add ...').",
        "changelog": "Start the changelog in imperative mood: '{instead} ...', not '{written} "
        "...'.",
        "changelog-this-patch": "Don't start the changelog with '{written}': state the change "
        "directly, in imperative mood ('Add ...', 'Fix ...').",
    },
    bad=patch(subject="KVM: x86: Added a check for unknown indices to kvm_get_foo()"),
    good=patch(),
)
def imperative_mood(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Write the shortlog and the changelog as instructions to the code base: 'Add ...', 'Fix
    ...', 'Drop ...'. Phrases such as 'This patch adds', 'Added' or 'Fixes' describe the patch
    instead of the change and read oddly in the history.
    """
    subject = context.patch.subject
    if subject is None:
        return
    places = []
    if subject.description:
        places.append((subject.description, subject.lineno, ""))
    if context.prose:
        places.append((context.prose[0].text, context.prose[0].lineno, "changelog"))
    for text, lineno, where in places:
        found = _non_imperative(text, shortlog=not where)
        if found is None:
            continue
        written, instead = found
        if not where and instead is not None and written[0].islower() and subject.prefix:
            continue  # shortlog-capitalization fixes 'fixed' to 'Fix' at once
        if instead is None:
            variant = f"{where}-this-patch" if where else "this-patch"
            yield rule_.finding(lineno, variant, written=written)
            continue
        edits = []
        if not where and lineno is not None:
            # The shortlog's word, fixed where it follows the prefix.
            head = subject.shortlog[: len(subject.shortlog) - len(subject.description)]
            edits.append(Edit(lineno, head + written, head + instead))
        yield rule_.finding(lineno, where or None, written=written, instead=instead, edits=edits)


@rule(
    "changelog-pronoun",
    "warning",
    SECTION,
    reads=(MESSAGE,),
    commits_only=True,
    title="No pronouns in the changelog",
    message="Avoid pronouns ('{word}') in the changelog: describe the code and its behavior (e.g. "
    "'KVM does X', not 'we do X').",
    bad=patch(
        body="Return -EINVAL from kvm_get_foo() when userspace passes an unknown\n"
        "index.  We read past the end of the array otherwise."
    ),
    good=patch(
        body="Return -EINVAL from kvm_get_foo() when userspace passes an unknown\n"
        "index.  KVM reads past the end of the array otherwise."
    ),
)
def changelog_pronoun(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """'I', 'we' and 'you' make it unclear who or what acts: the author, KVM, the guest,
    userspace? Name the actor instead ('KVM injects #GP', 'the guest writes ...') and write the
    change itself in imperative mood.
    """
    for line in context.prose:
        found = pronouns(line.text)
        if found:
            yield rule_.finding(line.lineno, word=found[0], text=line.text.strip())


def _opens_with_imperative(paragraph: Sequence[Line]) -> bool:
    text = paragraph[0].text
    if text[:1].isspace():
        return False  # an indented block (code, log), not a statement
    word = first_word(text)
    return bool(word) and word[0].isupper() and word.lower() in IMPERATIVE_VERBS


@rule(
    "changelog-context-first",
    "info",
    SECTION,
    reads=(MESSAGE,),
    commits_only=True,
    title="State the change first, then the background",
    message="The changelog opens with background; KVM x86 wants the change stated first (the "
    "statement at line {line}), followed by the context.",
    bad=patch(
        body="Currently, kvm_get_foo() trusts the index userspace passes, so a\n"
        "bogus value reads past the end of the array.\n\n"
        "Return -EINVAL for unknown indices."
    ),
    good=patch(),
)
def changelog_context_first(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """KVM x86 differs from the tip tree here: open with a short statement of what the patch
    changes, then explain the problem and the background. The 'what' nearly always fits in one
    sentence, so readers skimming the history find it at once.
    """
    paragraphs = context.patch.paragraphs()
    first = next(paragraphs, None)
    if first is None or not CONTEXT_OPENERS.match(first[0].text):
        return
    for paragraph in paragraphs:
        if _opens_with_imperative(paragraph):
            yield rule_.finding(first[0].lineno, line=paragraph[0].lineno or 0)
            return


@rule(
    "changelog-line-too-long",
    "warning",
    SECTION,
    reads=(MESSAGE,),
    scope=GENERIC,
    commits_only=True,
    title="Changelog lines wrap at 75 columns",
    message="This changelog line is {length} characters long; wrap prose at 75 columns.",
    bad=patch(
        body="Return -EINVAL from kvm_get_foo() when userspace passes an unknown index, "
        "instead of reading past the end of the array."
    ),
    good=patch(),
)
def changelog_line_too_long(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """git indents the message when showing it, so prose wrapped at 75 columns still fits an
    80-column terminal. URLs, tags, pasted logs, tool output that starts with a file path
    ('path/to/file.c:12: ...') and a quoted commit title, which is never split, are left as
    they are.
    """
    for line in context.prose_with_urls:
        text = line.text.rstrip()
        # The length first: most lines are short, and the searches cost more.
        if len(text) <= 75:
            continue
        if has_url(text) or _PATH_FIRST.match(text) or _QUOTED_TITLE.fullmatch(text):
            continue
        yield rule_.finding(line.lineno, length=len(text))


# Output of a tool pasted as it was: a line that starts with a file path and a
# colon (checkpatch.pl leaves these long lines alone for the same reason).
_PATH_FIRST = lazy_re.compile(r"(?:[\w.+-]*/)+[\w.+-]+:")
# A commit reference's title on a line of its own, '("KVM: x86: ...")' with an
# optional 'commit <sha> ' before it: splitting the title would break a grep.
_QUOTED_TITLE = lazy_re.compile(r"(?:commit [0-9a-f]{12,40} )?\(\".+\"\)[.,;:]?")


# A paragraph is wrapped too narrowly when none of its lines reaches past
# this column and its lines end where the next word would still have fit in
# 75.  The maintainer also asked a changelog whose longest line was 64 to be
# rewrapped, but lines of 61-65 are common in accepted patches and in the
# handbook's own examples: only "well short" counts.
_NARROW_WIDTH = 60
_WRAP_COLUMN = 75
_LIST_ITEM = lazy_re.compile(r"\s*(?:[-*+•]|\d+[.)]|[a-z][.)]|\(\w+\))\s")
# Program output and tables read as prose lines: hex numbers, "x = y",
# "name : value", columns set apart by runs of spaces after a word.
_NOT_PROSE = lazy_re.compile(r"0x[0-9a-fA-F]{6,}|=|\s:\s|\w {2,}(?=\S)")


def _wrapped_early(line: str, following: str) -> bool | None:
    """Whether ``line`` ended where the first word of ``following`` would
    still have fit well before 75 columns; None when the pair says nothing
    about wrapping (a sentence or list ends there, or it is not prose)."""
    text = line.rstrip()
    if text.endswith((".", ":", ";", "!", "?")):
        return None
    # Split no further than the words the test needs: the first word of
    # ``following``, whether ``line`` has four.
    words = following.split(None, 1)
    if not words or len(text.split(None, 3)) < 4:
        return None
    if _LIST_ITEM.match(line) or _LIST_ITEM.match(following) or _NOT_PROSE.search(text):
        return None
    if not (following[:1].isalnum() or following[:1] in "(\"'"):
        return None
    return len(text) + 1 + len(words[0]) <= _WRAP_COLUMN


class _Paragraph:
    """What the narrow-wrap check counts of a paragraph, line by line (a
    paragraph may have a hundred thousand lines: none is kept)."""

    __slots__ = ("counted", "early", "first", "too_wide")

    def __init__(self) -> None:
        self.counted = self.early = 0
        self.first: Line | None = None
        self.too_wide = False

    def narrow(self) -> bool:
        """No line past the width; two lines at least, and two of every three
        that say anything, end where the next word would have fit."""
        return not self.too_wide and self.early >= 2 and self.early * 3 >= self.counted * 2


def _first_narrow_line(prose: Sequence[Line]) -> Line | None:
    """The first early-wrapped line of the first paragraph wrapped too narrowly."""
    paragraph = _Paragraph()
    previous: Line | None = None
    for line in prose:
        if previous is not None and not follows(previous, line):
            if paragraph.narrow():
                return paragraph.first
            paragraph, previous = _Paragraph(), None
        paragraph.too_wide = paragraph.too_wide or len(line.text.rstrip()) > _NARROW_WIDTH
        # A paragraph with a wide line is not narrow whatever its counts: most
        # paragraphs, whose other lines need no look then.
        if previous is not None and not paragraph.too_wide:
            verdict = _wrapped_early(previous.text, line.text)
            if verdict is not None:
                paragraph.counted += 1
                if verdict:
                    paragraph.early += 1
                    paragraph.first = paragraph.first or previous
        previous = line
    return paragraph.first if paragraph.narrow() else None


@rule(
    "changelog-wrap-too-narrow",
    "warning",
    SECTION,
    reads=(MESSAGE,),
    commits_only=True,
    title="Changelog prose uses the width up to 75 columns",
    message="This paragraph is wrapped well short of 75 columns (the next word would have fit "
    "on this line): rewrap it to about 75 columns.",
    bad=patch(
        body="Return -EINVAL from kvm_get_foo() when\nuserspace passes an unknown "
        "index,\ninstead of reading past the end of\nthe array."
    ),
    good=patch(),
)
def changelog_wrap_too_narrow(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Changelog prose is wrapped at about 75 columns, as wide as git's indented display allows.
    A changelog wrapped at 50 or 60 columns looks like mailer damage, takes more lines than it
    needs and is one of the things reviewers ask to fix. Lists, logs, code and tables are
    left as they are; 'git commit' with your editor set to wrap at 72 to 75 does it for you.
    """
    first = _first_narrow_line(context.prose)
    if first is not None:
        yield rule_.finding(first.lineno)


@rule(
    "version-history-in-changelog",
    "warning",
    SECTION,
    reads=(MESSAGE,),
    scope=GENERIC,
    commits_only=True,
    title="Version history goes below '---'",
    message="Version notes ('{text}') belong below the '---' line, where 'git am' drops them.",
    bad=patch(body=BODY + "\n\nv2: check the index before using it"),
    good=patch(notes="v2: check the index before using it"),
)
def version_history_in_changelog(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Notes such as 'v2: renamed foo' help reviewers but mean nothing in the git history. Put
    them after the '---' line (or in the cover letter); everything there is discarded when the
    patch is applied.
    """
    for line in context.patch.message:
        if _VERSION_HISTORY.match(line.text):
            yield rule_.finding(line.lineno, text=line.text.strip())
            return


# What a pasted kernel log keeps that reviewers ask to trim.
_SPLAT_TIMESTAMP = lazy_re.compile(r"\s*\[\s*\d+\.\d{3,}\]")
_SPLAT_REGISTERS = lazy_re.compile(
    r"\s*(?:\[[^\]]*\]\s*)?(?:R[A-Z0-9]{1,2}|[ECDFGS]S|CR\d|DR\d)"
    r": [0-9a-f]{4,16}\b.*\b(?:R[A-Z0-9]{1,2}|CR\d|DR\d): [0-9a-f]"
)
_SPLAT_CODE = lazy_re.compile(r"\s*(?:\[[^\]]*\]\s*)?Code: (?:<?[0-9a-f]{2}>? ){8}")
# Two timestamped lines make a pasted log; one may be quoted on purpose.
_MIN_TIMESTAMPS = 2


def _untrimmed_splat(message: Sequence[Line]) -> tuple[Line, str] | None:
    """The first line of a pasted log that keeps timestamps, a register dump
    or 'Code:' bytes, and which of them (the timestamps after the second)."""
    first_timestamp: Line | None = None
    timestamps = 0
    for line in message:
        text = line.text
        # A timestamp has a "[", a register dump and "Code:" a ": ": a test
        # for each keeps nearly all prose lines from the three searches.
        if "[" in text and _SPLAT_TIMESTAMP.match(text):
            timestamps += 1
            first_timestamp = first_timestamp or line
            if timestamps >= _MIN_TIMESTAMPS:
                return first_timestamp, "timestamps"
        if ": " in text:
            if _SPLAT_REGISTERS.match(text):
                return line, "registers"
            if _SPLAT_CODE.match(text):
                return line, "code"
    return None


@rule(
    "changelog-splat-untrimmed",
    "warning",
    SECTION,
    reads=(MESSAGE,),
    commits_only=True,
    title="Pasted kernel traces are trimmed",
    message="Trim the pasted kernel log: drop the timestamps ('[  123.456789]') and keep only the "
    "lines that show the problem.",
    variants={
        "registers": "Trim the pasted kernel log: drop the register dump (RAX:, RBX:, ...); the "
        "RIP line and the call trace are what readers need.",
        "code": "Trim the pasted kernel log: drop the 'Code:' bytes; the RIP line and the call "
        "trace are what readers need.",
    },
    bad=patch(
        body=BODY + "\n\n  [  123.456789] WARNING: CPU: 2 PID: 1071 at "
        "arch/x86/kvm/x86.c:123 kvm_get_foo+0x3e/0x90 [kvm]\n"
        "  [  123.456801] Call Trace:\n  [  123.456803]  kvm_arch_vcpu_ioctl+0x1107/0x1750 "
        "[kvm]"
    ),
    good=patch(
        body=BODY + "\n\n  WARNING: CPU: 2 PID: 1071 at arch/x86/kvm/x86.c:123 "
        "kvm_get_foo+0x3e/0x90 [kvm]\n  Call Trace:\n   "
        "kvm_arch_vcpu_ioctl+0x1107/0x1750 [kvm]"
    ),
)
def changelog_splat_untrimmed(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A WARN, BUG or KASAN report in the changelog is welcome: it shows what went wrong and lets
    others find the fix by searching for it. Trim it before pasting: timestamps, the register
    dump and the 'Code:' bytes say nothing about the bug and make the changelog hard to read;
    keep the first line, the RIP line and the call trace (the '? ' frames may go too). Indent
    the log by a space or two so that it stands apart from the prose.
    """
    found = _untrimmed_splat(context.patch.message)
    if found is not None:
        line, kind = found
        yield rule_.finding(line.lineno, None if kind == "timestamps" else kind)
