"""The real-review set: kvm-list postings and what a reviewer said of their form.

The data lives in the repository (tests/kvmcheck/real_reviews/): each posting
exactly as the public archive stores it (``<slug>.mbox``) and ``index.json``,
one entry per thread; README.md there says how they were found and what the
labels mean.  The real-review test and ``make bench`` both read it through
this module, so it needs nothing outside the repository.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "kvmcheck" / "real_reviews"
INDEX = DATA / "index.json"

# What a thread is: a posting a reviewer found fault with (by what it is a
# patch for), or a control, applied with no word about its form.
KINDS = ("kvm-x86", "selftests", "kvm-unit-tests", "control")


@dataclass(frozen=True)
class Thread:
    slug: str
    kind: str
    posting_id: str
    reply_id: str | None
    archive_file_id: str
    reply_file_id: str | None
    reviewer: str
    quote: str
    labels: tuple[str, ...]
    undecidable: tuple[str, ...]

    @property
    def path(self) -> Path:
        return DATA / f"{self.slug}.mbox"

    def posting(self) -> bytes:
        return self.path.read_bytes()


def threads() -> list[Thread]:
    """Every thread of the index, in its order."""
    entries = json.loads(INDEX.read_text(encoding="utf-8"))["threads"]
    return [
        Thread(
            slug=entry["slug"],
            kind=entry["kind"],
            posting_id=entry["posting_id"],
            reply_id=entry.get("reply_id"),
            archive_file_id=entry["archive_file_id"],
            reply_file_id=entry.get("reply_file_id"),
            reviewer=entry["reviewer"],
            quote=entry["quote"],
            labels=tuple(entry["labels"]),
            undecidable=tuple(entry["undecidable"]),
        )
        for entry in entries
    ]


def reviewed() -> list[Thread]:
    """The threads where a reviewer pointed out a problem with the form."""
    return [thread for thread in threads() if thread.kind != "control"]


def controls() -> list[Thread]:
    """The postings applied with no complaint about their form."""
    return [thread for thread in threads() if thread.kind == "control"]
