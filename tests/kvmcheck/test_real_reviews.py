"""kvmcheck against what real reviewers said (issue 16 §1).

Every decidable problem a reviewer named in a thread of the real-review set
(tests/kvmcheck/real_reviews/) must be reported on that posting at
``warning`` or above; every control (applied with no complaint about its
form) must draw no warning and no error.

Every label names a rule in kvmcheck's registry: a label for a rule not built
fails the test rather than waiting as an expected failure.
"""

from __future__ import annotations

import pytest
from real_review_set import KINDS, Thread, controls, reviewed, threads

from kvmcheck.api import check_texts
from kvmcheck.registry import SEVERITY_RANK
from kvmcheck.results import all_findings
from kvmcheck.rules import RULES

WARNING = SEVERITY_RANK["warning"]


def findings_of(thread: Thread) -> list[dict]:
    return all_findings(check_texts([(thread.path.name, thread.posting())]))


def label_cases() -> list:
    return [
        pytest.param(thread, label, id=f"{thread.slug}:{label}")
        for thread in reviewed()
        for label in thread.labels
    ]


@pytest.mark.parametrize(("thread", "label"), label_cases())
def test_reviewer_label_reported_at_warning(thread: Thread, label: str) -> None:
    assert label in RULES, f"{thread.slug}: no rule {label} in kvmcheck's registry"
    found = [f for f in findings_of(thread) if f["rule"] == label]
    assert any(SEVERITY_RANK[f["severity"]] >= WARNING for f in found), (
        f"{thread.slug}: the reviewer said {thread.quote!r}; kvmcheck reports "
        f"{[(f['severity'], f['message']) for f in found] or 'nothing'} for {label}"
    )


@pytest.mark.parametrize("thread", controls(), ids=lambda thread: thread.slug)
def test_control_draws_no_warning(thread: Thread) -> None:
    loud = [
        (f["rule"], f["severity"], f["message"])
        for f in findings_of(thread)
        if SEVERITY_RANK[f["severity"]] >= WARNING
    ]
    assert loud == []


def test_the_set_is_whole() -> None:
    """Each posting on disk is indexed, each entry has its posting, a posting
    is one mail with the Message-ID the index names, and every reviewed
    thread names at least one problem."""
    entries = threads()
    slugs = [thread.slug for thread in entries]
    assert len(slugs) == len(set(slugs))
    on_disk = {path.stem for path in entries[0].path.parent.glob("*.mbox")}
    assert on_disk == set(slugs)
    for thread in entries:
        assert thread.kind in KINDS
        head = thread.posting().split(b"\n\n", 1)[0].decode("utf-8", "replace").lower()
        assert f"message-id: {thread.posting_id.lower()}" in head, thread.slug
        if thread.kind != "control":
            assert thread.labels or thread.undecidable, thread.slug
            assert thread.quote.strip(), thread.slug
