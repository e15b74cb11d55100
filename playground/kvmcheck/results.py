"""Reading a ``check_texts()`` result (the JSON described in docs/using-kvmcheck)."""

from __future__ import annotations

from typing import Any


def all_findings(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Every finding of a result: the series' first, then each patch's in order."""
    found = list(result["series"]["findings"])
    for patch in result["patches"]:
        found.extend(patch["findings"])
    return found
