"""Security rule (handbook: maintainer-kvm-x86#vulnerabilities)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain, pairwise

from kvmcheck import lazy_re
from kvmcheck.context import PatchContext
from kvmcheck.model import Line
from kvmcheck.registry import MESSAGE, SUBJECT, Finding, Rule, rule
from kvmcheck.rules._examples import patch

_GUEST = r"(?:guest|L2|nested|VM|userspace)"
# Every phrase starts a word with one of the letters of the lookahead up
# front: the search tests two conditions at each place in the text, not the
# first step of every alternative (about 40 % less time on the corpus; re
# draws no such shortcut itself from an IGNORECASE alternation).
_VULNERABILITY = lazy_re.compile(
    r"\b(?=[cgvelnuopm])(?:"
    r"\bCVE-\d{4}-\d{4,}\b"
    r"|\bguest[- ]to[- ]host\b"
    r"|\b(?:VM|guest|container)[- ]escape\b|\bescape (?:to|into) the host\b"
    r"|\bL2\b[^.]{0,40}\b(?:attack|exploit|compromise|escape)\w*\b[^.]{0,20}\bL1\b"
    rf"|\b{_GUEST}\b[^.]{{0,60}}\b(?:out[- ]of[- ]bounds|use[- ]after[- ]free|UAF"
    r"|arbitrary (?:read|write|code)|privilege escalation|info(?:rmation)? leak"
    r"|leak (?:host|kernel) (?:memory|data)|corrupt (?:host|the host))"
    r"|\b(?:out[- ]of[- ]bounds|use[- ]after[- ]free|privilege escalation)\b[^.]{0,60}"
    r"\b(?:triggered|triggerable|reachable|exploitable|caused) by "
    rf"(?:a |the |an )?(?:malicious )?{_GUEST}\b"
    r"|\bmalicious (?:guest|L2|VM)\b)",
    re.IGNORECASE,
)


@rule(
    "possible-vulnerability",
    "info",
    "maintainer-kvm-x86#vulnerabilities",
    reads=(SUBJECT, MESSAGE),
    title="Possible vulnerability",
    message="'{phrase}' suggests a guest-triggerable host bug: if this is a vulnerability, report "
    "it through the kernel security process (security@kernel.org) before posting in public.",
    bad=patch(
        body="Return -EINVAL from kvm_get_foo() for unknown indices: a malicious\n"
        "guest can otherwise make the host read past the end of the array."
    ),
    good=patch(),
)
def possible_vulnerability(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Bugs a guest can use against the host, or an L2 guest against L1 (escapes, out-of-bounds
    access, use-after-free, data leaks), are security issues. Follow the kernel's security-bugs
    process before discussing them on public lists.
    """
    patch_ = context.patch
    if not patch_.has_message:
        return
    subject = patch_.subject
    texts = chain(
        [Line(subject.description, subject.lineno)] if subject else [],
        context.prose,
        [Line("", None)],
    )
    for run in _runs(texts, _RUN_LINES):
        # Each window below is a stretch of the run's lines joined by spaces:
        # when the run holds no match, none of its windows does.  One search
        # of the run instead of two of each line: nearly all changelogs.
        if _VULNERABILITY.search(" ".join(line.text for line in run)) is None:
            continue
        # Join neighbouring lines so a phrase wrapped across lines still matches.
        for line, following in pairwise(run):
            window = line.text + " " + following.text
            match = _VULNERABILITY.search(window)
            if match and match.start() < len(line.text):
                yield rule_.finding(line.lineno, phrase=" ".join(match.group().split()))
                return


# Lines searched at once: enough for most changelogs, and a run's text stays
# small however long the changelog.
_RUN_LINES = 64


def _runs(lines: Iterable[Line], size: int) -> Iterator[list[Line]]:
    """``lines`` in runs of up to ``size`` + 1, each starting with the last
    line of the one before: every two neighbouring lines are in one run."""
    run: list[Line] = []
    for line in lines:
        run.append(line)
        if len(run) > size:
            yield run
            run = [run[-1]]
    if len(run) > 1:  # a lone line is the end of the run before
        yield run
