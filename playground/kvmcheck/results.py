"""A ``check_texts()`` result (the JSON described in docs/using-kvmcheck), typed.

The ``TypedDict`` classes below say what each dict of the result holds;
at run time they are plain dicts, so the result is JSON as it stands.
"""

from __future__ import annotations

from typing import TypedDict


class FindingResult(TypedDict):
    """One finding: ``line`` is None when it has no single place."""

    rule: str
    severity: str
    line: int | None
    message: str
    section: str
    url: str
    fixable: bool


class PatchResult(TypedDict):
    """One patch (or cover letter) of the posting, with its findings."""

    source: str
    index: int
    total: int
    cover_letter: bool
    subject: str | None
    findings: list[FindingResult]


class ChecklistItem(TypedDict):
    """A testing reminder for the posting as a whole."""

    id: str
    item: str
    section: str
    url: str


class SeriesResult(TypedDict):
    """What concerns the whole posting (``findings`` is always empty since
    every finding belongs to a patch; schema 1 keeps the key)."""

    findings: list[FindingResult]
    checklist: list[ChecklistItem]


class Summary(TypedDict):
    """How many patches, and how many findings of each severity."""

    patches: int
    error: int
    warning: int
    info: int


class CheckResult(TypedDict):
    """What ``check_texts()`` returns (schema ``version`` 1)."""

    version: int
    lang: str
    patches: list[PatchResult]
    series: SeriesResult
    summary: Summary


def all_findings(result: CheckResult) -> list[FindingResult]:
    """Every finding of a result, each patch's in order.

    Every finding belongs to a patch: ``series.findings`` is always empty,
    kept in the JSON for readers of schema 1 only."""
    found: list[FindingResult] = []
    for patch in result["patches"]:
        found.extend(patch["findings"])
    return found
