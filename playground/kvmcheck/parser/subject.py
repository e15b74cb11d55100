"""The subject line: ``[PATCH v2 3/7] KVM: x86: Fix foo`` into its parts."""

from __future__ import annotations

import re

from kvmcheck import lazy_re
from kvmcheck.model import Subject

_SUBJECT_TAGS = lazy_re.compile(r"\[([^\]]*)\]\s*")
_PREFIX_COMPONENT = lazy_re.compile(r"([^\s:\[\]]+):(?:\s+|$)")
_REVERT = lazy_re.compile(r'Revert ".*"')
_VERSION_TAG = lazy_re.compile(r"[vV](\d{1,4})")
_NUMBER_TAG = lazy_re.compile(r"(\d{1,5})/(\d{1,5})")


def parse_subject(raw: str, lineno: int | None, end_lineno: int | None = None) -> Subject:
    """Split ``[PATCH v2 3/7] KVM: x86: Fix foo`` into its parts.

    ``end_lineno``: the line the subject ends on, when it was folded over several.
    """
    text = " ".join(raw.split())
    subject = Subject(raw=text, lineno=lineno)
    subject.end_lineno = end_lineno if end_lineno is not None else lineno
    tags: list[str] = []
    position = 0
    while True:
        match = _SUBJECT_TAGS.match(text, position)
        if not match:
            break
        tags.extend(word for word in re.split(r"[\s,]+", match.group(1)) if word)
        position = match.end()
    subject.tags = tuple(tags)
    for tag in tags:
        upper = tag.upper()
        if upper in ("PATCH", "PATCHSET"):
            subject.is_patch = True
        elif upper == "RFC":
            subject.rfc = True
        elif upper in ("KVM-UNIT-TESTS", "KVM-UNIT-TEST", "KUT"):
            subject.project = "kvm-unit-tests"
        elif _VERSION_TAG.fullmatch(tag):
            subject.version = int(tag[1:])
        else:
            number = _NUMBER_TAG.fullmatch(tag)
            if number:
                subject.number, subject.total = int(number.group(1)), int(number.group(2))
    shortlog = text[position:].strip()
    subject.shortlog = shortlog
    if _REVERT.fullmatch(shortlog):
        # git revert's own subject: the quoted title is never checked as a shortlog.
        subject.revert = True
        subject.description = shortlog
        return subject
    prefix: list[str] = []
    offset = 0
    while True:
        match = _PREFIX_COMPONENT.match(shortlog, offset)
        if not match:
            break
        prefix.append(match.group(1))
        offset = match.end()
    subject.prefix = tuple(prefix)
    subject.description = shortlog[offset:].strip()
    return subject
