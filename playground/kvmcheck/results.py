"""Reading a ``check_texts()`` result (the JSON described in docs/using-kvmcheck)."""

from __future__ import annotations

from typing import Any


def all_findings(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Every finding of a result, each patch's in order.

    Every finding belongs to a patch: ``series.findings`` is always empty,
    kept in the JSON for readers of schema 1 only."""
    found: list[dict[str, Any]] = []
    for patch in result["patches"]:
        found.extend(patch["findings"])
    return found
