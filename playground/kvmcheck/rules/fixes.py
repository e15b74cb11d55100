"""Fixes: tag rules: the tag, commit references in the changelog, the stable Cc
(handbook: maintainer-kvm-x86#fixes)."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain

from kvmcheck import lazy_re
from kvmcheck.context import PatchContext
from kvmcheck.model import Line, Trailer
from kvmcheck.registry import GENERIC, MESSAGE, Finding, Rule, rule
from kvmcheck.rules._examples import BODY, SIGNOFF, patch
from kvmcheck.rules.tags import _rewrite

FIXES = "maintainer-kvm-x86#fixes"


# Some maintainers add the commit date: 84cffe499b94 ("kvm: Emulate MOVBE", 2013-10-29).
_FIXES_OK = lazy_re.compile(r'[0-9a-f]{12,40} \("(.+)"(?:, \d{4}-\d{2}-\d{2})?\)')
_SHA = lazy_re.compile(r"\b[0-9a-fA-F]{6,40}\b")
_FIXES_TITLE = lazy_re.compile(r'\(\s*["“](.*?)["”]\s*\)|["“](.*?)["”]')
# Accepted patches also name the list: "stable <stable@vger.kernel.org>".  The
# address without "vger." is the one stable-kernel-rules.rst gives for fixes of
# unpublished vulnerabilities: it delivers nowhere, so a fix can be sent
# without reaching a public list, and the stable tools still find the tag.
_STABLE_OK = lazy_re.compile(
    r"(?:stable <stable@(?:vger\.)?kernel\.org>"
    r"|<?stable@(?:vger\.)?kernel\.org>?)(?:\s+#.*)?"
)
# What people write for either address that has one mechanical fix; group 1
# is "vger." for the public list.
_STABLE_ADDRESS = lazy_re.compile(
    r'(?:"?stable"?\s*)?<?\s*stable@(vger\.)?kernel\.org\s*>?[.,;]?', re.IGNORECASE
)
# A Fixes: value that starts with the sha (optionally after "commit").
_LEADING_SHA = lazy_re.compile(r"(?:commit\s+)?([0-9a-fA-F]{6,40})\b")


_COMMIT_MENTION = lazy_re.compile(r"\b(?:commit|Commit|COMMIT)\s+([0-9a-f]{6,40})\b")
_AFTER_SHA_TITLE = lazy_re.compile(r'\s*\(\s*["“]')
_TITLE_END = lazy_re.compile(r'["”]\s*\)')
# Longer than any commit title (with its quotes), and than any sha.
_MAX_TITLE_SPAN = 400
_MAX_SHA = 40
# Lines git and the stable tooling write themselves; the title is elsewhere.
_GIT_OWN_LINE = lazy_re.compile(
    r"(?:This reverts commit|cherry picked from commit|[Uu]pstream commit) [0-9a-f]{7,40}"
    r"|commit [0-9a-f]{7,40} upstream"
)


def _suggest_fixes(value: str, title: str | None = None) -> str:
    value = value[:500]  # a Fixes: tag is one line; keep the searches bounded
    sha_match = _SHA.search(value)
    sha = sha_match.group().lower()[:12] if sha_match else "<sha>"
    if len(sha) < 12 and sha_match:
        sha = f"{sha}…"
    if title is None:
        rest = value[sha_match.end() :].strip() if sha_match else value.strip()
        found = _FIXES_TITLE.search(rest)
        if found:
            title = found.group(1) or found.group(2)
        elif rest.startswith("(") and rest.endswith(")"):
            title = rest[1:-1].strip()
        else:
            title = rest.strip('"') or "<title>"
    return f'{sha} ("{title}")'


def _normalize(title: str) -> str:
    return " ".join(title.split())


@rule(
    "fixes-tag-format",
    "warning",
    FIXES,
    reads=(MESSAGE,),
    scope=GENERIC,
    commits_only=True,
    fixable=True,
    title='Fixes: <12+ hex> ("<title>")',
    message="Malformed 'Fixes:' tag '{written}': write 'Fixes: {right}' (at least 12 hex digits, "
    'the title in ("..."), on one line).',
    variants={
        "unknown-commit": "'Fixes:' names {sha}, which is not a commit of the --git-dir "
        "repository.",
        "title-mismatch": "The 'Fixes:' title does not match commit {sha}: write 'Fixes: {right}'.",
    },
    bad=patch(trailers="Fixes: 0123456789ab (KVM: x86: Add kvm_get_foo())\n" + SIGNOFF),
    good=patch(trailers='Fixes: 0123456789ab ("KVM: x86: Add kvm_get_foo()")\n' + SIGNOFF),
)
def fixes_tag_format(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """'Fixes:' names the commit that introduced the bug, as 'Fixes: <first 12 or more hex digits
    of the sha> ("<its shortlog>")' on a single line, however long. KVM x86 wants the tag on
    every bug fix, even when no backport is needed. 'git log -1 --abbrev=12 --format="Fixes: %h
    (\\"%s\\")" <sha>' prints it.
    """
    for trailer in context.patch.trailers:
        if trailer.key.lower() != "fixes":
            continue
        value = trailer.value
        well_formed = _FIXES_OK.fullmatch(value)
        if well_formed is None:
            right = _known_fixes(context, value) or _suggest_fixes(value)
            fixed = right if "…" not in right and "<" not in right else None
            yield rule_.finding(
                trailer.lineno,
                written=value,
                right=right,
                edits=[_rewrite(trailer, f"Fixes: {fixed}")] if fixed else [],
            )
            continue
        if context.lookup_commit is not None:
            yield from _verify(
                rule_, context, trailer.lineno, value.split()[0], well_formed.group(1), trailer
            )


def _known_fixes(context: PatchContext, value: str) -> str | None:
    """``<sha12> ("<title>")`` of the commit a Fixes: value starts with, if --git-dir has it."""
    if context.lookup_commit is None:
        return None
    leading = _LEADING_SHA.match(value)
    found = context.lookup_commit(leading.group(1)) if leading else None
    return f'{found[0][:12]} ("{found[1]}")' if found else None


def _verify(
    rule_: Rule,
    context: PatchContext,
    lineno: int | None,
    sha: str,
    title: str | None,
    trailer: Trailer | None = None,
) -> Iterator[Finding]:
    """Findings for a sha missing from the ``--git-dir`` tree or a wrong title.

    With the ``trailer`` of a Fixes: tag, a wrong title comes with its fix.
    """
    lookup = context.lookup_commit
    if lookup is None:  # no --git-dir: nothing to verify against
        return
    found = lookup(sha)
    if found is None:
        yield rule_.finding(lineno, "unknown-commit", sha=sha)
        return
    actual = found[1]
    if title is not None and _normalize(title) != _normalize(actual):
        right = f'{sha[:12]} ("{actual}")'
        edits = [_rewrite(trailer, f"Fixes: {right}")] if trailer is not None else []
        yield rule_.finding(lineno, "title-mismatch", sha=sha, right=right, edits=edits)


def _prose_paragraph_text(prose: Sequence[Line]) -> Iterator[tuple[str, _LineStarts]]:
    """Prose paragraphs joined into one string, with where each line starts."""
    # Grown in place (CPython resizes a string only referenced here): a list
    # of pieces would cost some sixty bytes a line.
    text = ""
    starts = _LineStarts()
    previous: int | None = None
    for line in prose:
        if text and (line.lineno is None or previous is None or line.lineno != previous + 1):
            yield text, starts
            text, starts = "", _LineStarts()
        starts.add(len(text), line.lineno)
        text += line.text + " "
        previous = line.lineno
    if text:
        yield text, starts


class _LineStarts:
    """Where each line of a joined paragraph starts, and its line number:
    two arrays, as a paragraph may have a hundred thousand lines."""

    def __init__(self) -> None:
        self._offsets = array("L")
        self._linenos = array("l")

    def add(self, offset: int, lineno: int | None) -> None:
        self._offsets.append(offset)
        self._linenos.append(-1 if lineno is None else lineno)

    def lineno_at(self, offset: int) -> int | None:
        """The line number of the line holding ``offset`` (a binary search)."""
        lineno = self._linenos[max(bisect_right(self._offsets, offset) - 1, 0)]
        return None if lineno < 0 else lineno


class _CitedCommits:
    """Commits already cited in full (or by a Fixes: tag): a later bare sha may
    name one of them, as a prefix of it or extended.  Set lookups, not a scan,
    as a paragraph may cite thousands."""

    def __init__(self, shas: Iterable[str] = ()) -> None:
        self._shas: set[str] = set()
        self._prefixes: set[str] = set()
        for sha in shas:
            self.add(sha)

    def add(self, sha: str) -> None:
        self._shas.add(sha)
        self._prefixes.update(sha[:length] for length in range(1, min(len(sha), _MAX_SHA) + 1))

    def names(self, sha: str) -> bool:
        """True when ``sha`` and a cited commit are one a prefix of the other."""
        return sha in self._prefixes or any(
            sha[:length] in self._shas for length in range(1, len(sha) + 1)
        )


_TITLED_SHA = lazy_re.compile(r"\b([0-9a-f]{12,40})\s*\(\s*[\"“]")
_SHA_AT_END = lazy_re.compile(r"\b([0-9a-f]{12,40})\s*$")
_TITLE_AT_START = lazy_re.compile(r"\s*\(\s*[\"“]")


def _titled_shas(context: PatchContext) -> Iterator[str]:
    """Shas (12+ hex digits) the patch gives with their title: in Fixes: tags,
    and anywhere in the changelog, an indented or quoted line too, the title
    perhaps on the next line."""
    for trailer in context.patch.trailers:
        if trailer.key.lower() == "fixes":
            leading = _LEADING_SHA.match(trailer.value)
            if (
                leading
                and len(leading.group(1)) >= 12
                and _AFTER_SHA_TITLE.match(trailer.value, leading.end())
            ):
                yield leading.group(1).lower()
    pending: str | None = None
    for line in context.patch.message:
        text = line.text
        if pending is not None and _TITLE_AT_START.match(text):
            yield pending
        for match in _TITLED_SHA.finditer(text):
            yield match.group(1)
        at_end = _SHA_AT_END.search(text)
        pending = at_end.group(1) if at_end else None


@rule(
    "commit-reference-format",
    "warning",
    FIXES,
    reads=(MESSAGE,),
    scope=GENERIC,
    commits_only=True,
    title="Commits are cited with their title",
    message="Refer to commit {sha} as 'commit {sha} (\"<title>\")': add the commit's title.",
    variants={
        "short": "'{sha}' is too short to identify a commit: write 'commit <12+ hex digits> "
        '("<title>")\'.',
        "unknown-commit": "The changelog names {sha}, which is not a commit of the --git-dir "
        "repository.",
        "title-mismatch": "The title given for commit {sha} does not match: write 'commit "
        "{right}'.",
    },
    bad=patch(
        body="Return -EINVAL from kvm_get_foo() for unknown indices, a check\n"
        "that commit 0123456789ab forgot."
    ),
    good=patch(
        body="Return -EINVAL from kvm_get_foo() for unknown indices, a check\n"
        'that commit 0123456789ab ("KVM: x86: Add kvm_get_foo()") forgot.'
    ),
)
def commit_reference_format(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """In the changelog, cite a commit as 'commit <12+ hex digits> ("<title>")'. A short sha can
    become ambiguous as the tree grows, and the title tells readers what the commit was without
    looking it up.
    """
    # A commit cited with its title (in a Fixes: tag, or anywhere in the
    # changelog) may be named by its sha alone elsewhere.  Gathered at the
    # first mention: most changelogs name no commit.
    cited: _CitedCommits | None = None
    prose = context.prose
    # Every mention has "commit", "Commit" or "COMMIT" in one line: one test
    # a line instead of joining the paragraphs, for the many changelogs
    # that name no commit.
    if not any("ommit" in line.text or "OMMIT" in line.text for line in prose):
        return
    for text, starts in _prose_paragraph_text(prose):
        for match in _COMMIT_MENTION.finditer(text):
            if cited is None:
                cited = _CitedCommits(_titled_shas(context))
            sha = match.group(1)
            if not re.search(r"\d", sha):
                continue  # an English word made of hex letters
            context_start = max(0, match.start() - len("cherry picked from "))
            if _GIT_OWN_LINE.search(text, context_start, match.end() + len(" upstream")):
                continue  # written by git revert / cherry-pick or the stable scripts
            lineno = starts.lineno_at(match.start(1))
            title_start = _AFTER_SHA_TITLE.match(text, match.end())
            if len(sha) < 12:
                # Too short to be sure of, even for a commit cited in full elsewhere.
                yield rule_.finding(lineno, "short", sha=sha)
                continue
            if title_start is None and cited.names(sha):
                continue
            if not title_start:
                yield rule_.finding(lineno, sha=sha)
                continue
            cited.add(sha)
            if context.lookup_commit is not None:
                # Bounded: an unclosed title must not make every mention scan
                # to the end of the paragraph.
                end = _TITLE_END.search(
                    text, title_start.end(), title_start.end() + _MAX_TITLE_SPAN
                )
                title = text[title_start.end() : end.start()] if end else None
                yield from _verify(rule_, context, lineno, sha, title)


# The lookahead of the words' first letters lets most places of a line fail
# at once (see security._VULNERABILITY).
_BUG_WORDS = lazy_re.compile(
    r"\b(?=[bcdfnoprsu])(?:fix(?:es|ed)?|bugs?|regression|crash(?:es|ed)?|broken|breaks|panic|oops"
    r"|use-after-free|null pointer|deadlock|splat)\b",
    re.IGNORECASE,
)


@rule(
    "fixes-tag-suggested",
    "info",
    FIXES,
    reads=(MESSAGE,),
    commits_only=True,
    severities=("info", "warning"),
    title="Bug fixes carry a Fixes: tag",
    message="The changelog describes a bug fix ('{word}') but has no 'Fixes:' tag; add 'Fixes: "
    '<12+ hex> ("<title>")\' naming the commit that introduced the bug.',
    variants={
        "stable": "This patch asks for a backport ('Cc: stable') and says the bug has an origin "
        "('{word}'), but has no 'Fixes:' tag; add 'Fixes: <12+ hex> (\"<title>\")' naming "
        "that commit, so that the stable maintainers know which kernels need the fix.",
    },
    bad=patch(subject="KVM: x86: Fix an out-of-range read in kvm_get_foo()"),
    good=patch(
        subject="KVM: x86: Fix an out-of-range read in kvm_get_foo()",
        trailers='Fixes: 0123456789ab ("KVM: x86: Add kvm_get_foo()")\n' + SIGNOFF,
    ),
)
def fixes_tag_suggested(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """KVM x86 asks for a 'Fixes:' tag on every bug fix, even for old bugs and even when the fix
    is not meant for stable kernels: it tells reviewers and distributions where the bug came
    from. A backport is requested separately, with 'Cc: stable'; a fix that asks for one and
    says itself that the bug came in with an earlier change ('exists since', 'introduced by')
    is sent back without 'Fixes:': the tag tells the stable maintainers which kernels need it.
    """
    patch_ = context.patch
    if any(t.key.lower() == "fixes" for t in patch_.trailers) or _misplaced_fixes(context):
        return  # there is a Fixes: tag (fixes-tag-position reports a misplaced one)
    stable = any(t.key.lower() == "cc" and _STABLE_ADDRESS.search(t.value) for t in patch_.trailers)
    subject = patch_.subject

    def changelog() -> Iterator[Line]:
        # Read as it goes: a list of every prose line would hold the whole
        # changelog's lines at once (the 1 MB inputs of the scaling tests).
        return chain([Line(subject.description, subject.lineno)] if subject else [], context.prose)

    # Whether the changelog speaks of a bug at all: read at the first bare
    # 'since commit', and once, however many of them the changelog has.
    speaks_of_bug: bool | None = None
    for line in context.prose if stable else ():
        origin = _BUG_ORIGIN.search(line.text)
        if not origin:
            continue
        # A bare 'since commit' also dates what is not a bug ("KVM has required
        # NX since commit ..."): it names a bug's origin only in a changelog
        # that speaks of a bug at all.
        if origin.group().lower() == "since commit" and speaks_of_bug is None:
            speaks_of_bug = any(_BUG_WORDS.search(other.text) for other in changelog())
        if origin.group().lower() != "since commit" or speaks_of_bug:
            yield rule_.finding(line.lineno, "stable", "warning", word=origin.group())
            return
    for line in changelog():
        match = _BUG_WORDS.search(line.text)
        if match:
            yield rule_.finding(line.lineno, word=match.group())
            return


# Words by which a changelog says its bug came in with an earlier change.  No
# accepted patch of the corpus with 'Cc: stable' and no 'Fixes:' uses them
# (those fix bugs as old as the code, where no commit is to blame).
_BUG_ORIGIN = lazy_re.compile(
    r"\b(?:exists? since|introduced (?:by|in|with)|since commit|broken (?:by|since)|regressed"
    r"|regression)\b",
    re.IGNORECASE,
)
_FIXES_LINE = lazy_re.compile(r"\s*Fixes\s*:\s*(?:commit\s+)?[0-9a-fA-F]{6,40}\b")


def _misplaced_fixes(context: PatchContext) -> tuple[Line, bool] | None:
    """The first 'Fixes: <sha>' line of the changelog or of the notes below
    '---' (True), where git does not read it as a trailer."""
    patch_ = context.patch
    for lines, in_notes in ((patch_.message, False), (patch_.notes, True)):
        for line in lines:
            if _FIXES_LINE.match(line.text):
                return line, in_notes
    return None


@rule(
    "fixes-tag-position",
    "warning",
    FIXES,
    reads=(MESSAGE,),
    scope=GENERIC,
    commits_only=True,
    title="Fixes: goes in the trailer block",
    message="Move this 'Fixes:' tag down into the tag block at the end of the changelog, with "
    "'Signed-off-by:' and the other tags (no blank line between them).",
    variants={
        "notes": "This 'Fixes:' tag is below the '---' line, where 'git am' drops it: move it "
        "into the tag block at the end of the changelog.",
    },
    bad=patch(
        body=BODY + '\n\nFixes: 0123456789ab ("KVM: x86: Add kvm_get_foo()")\n\n'
        "Found by code inspection."
    ),
    good=patch(
        body=BODY + "\n\nFound by code inspection.",
        trailers='Fixes: 0123456789ab ("KVM: x86: Add kvm_get_foo()")\n' + SIGNOFF,
    ),
)
def fixes_tag_position(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Tags are read by scripts only in the last paragraph of the changelog, the trailer block,
    one tag per line and no blank line in between. A 'Fixes:' line in the middle of the
    changelog, or below '---', is not seen by the stable tooling, by 'git interpret-trailers'
    or by the maintainers' scripts; put it with the other tags, before 'Signed-off-by:'.
    """
    found = _misplaced_fixes(context)
    if found is not None:
        line, in_notes = found
        yield rule_.finding(line.lineno, "notes" if in_notes else None)


@rule(
    "stable-cc-format",
    "warning",
    FIXES,
    reads=(MESSAGE,),
    scope=GENERIC,
    commits_only=True,
    fixable=True,
    title="Cc: stable@vger.kernel.org",
    message="Malformed stable tag '{written}': write 'Cc: stable@vger.kernel.org' (optionally "
    "followed by '# <version>').",
    variants={
        "private": "Malformed stable tag '{written}': write 'Cc: stable@kernel.org' (the address "
        "for fixes of unpublished vulnerabilities, optionally followed by '# <version>').",
    },
    bad=patch(trailers="Cc: Stable <stable@vger.kernel.org>\n" + SIGNOFF),
    good=patch(trailers="Cc: stable@vger.kernel.org # 6.1+\n" + SIGNOFF),
)
def stable_cc_format(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """KVM x86 does not backport on 'Fixes:' alone; a fix meant for stable kernels says so with
    the tag 'Cc: stable@vger.kernel.org', optionally followed by '# <version>' ('Cc: stable
    <stable@vger.kernel.org>', a form accepted patches use too, is fine). The fix of a
    vulnerability that is not public yet uses 'Cc: stable@kernel.org' instead: mail to that
    address is not delivered anywhere, so sending the fix leaks nothing, and the stable tools
    still pick the tag up. Other addresses or spellings are not picked up by the stable tooling.
    """
    for trailer in context.patch.trailers:
        value = trailer.value
        lower_key = trailer.key.lower()
        mentions_stable = (
            "stable@" in value.lower()
            or (lower_key == "cc" and value.lower().startswith("stable"))
            or lower_key == "stable"
        )
        if not mentions_stable:
            continue
        if lower_key == "cc" and _STABLE_OK.fullmatch(value):
            continue
        address, hash_, comment = value.partition("#")
        known = _STABLE_ADDRESS.fullmatch(address.strip()) if lower_key == "cc" else None
        # Never turn the private address into the public list's, nor the other way.
        public = known is None or known.group(1) is not None
        edits = []
        if known:
            fixed = ("Cc: stable@vger.kernel.org" if public else "Cc: stable@kernel.org") + (
                f" #{comment.rstrip()}" if hash_ else ""
            )
            edits.append(_rewrite(trailer, fixed))
        yield rule_.finding(
            trailer.lineno,
            None if public else "private",
            written=f"{trailer.key}: {value}",
            edits=edits,
        )
