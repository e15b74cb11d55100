"""The table-driven test each test_rules_*.py runs over its CASES."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest


def rule_case_test(cases: Sequence[tuple[str, str, bool]]) -> Callable[..., None]:
    """``test_rule`` over ``(rule_id, text, fires)`` cases, with ids ``<rule-id>-<n>``.

    A case passes when the rule reports something on ``text`` exactly when
    ``fires`` says it should.
    """

    @pytest.mark.parametrize(
        ("rule_id", "text", "fires"),
        [pytest.param(*case, id=f"{case[0]}-{index}") for index, case in enumerate(cases)],
    )
    def test_rule(fired, rule_id: str, text: str, fires: bool) -> None:
        assert bool(fired(rule_id, text)) == fires

    # The golden outputs of these cases (tests/kvmcheck/test_snapshots.py).
    test_rule.cases = cases
    return test_rule


def line_of(text: str, line: str, occurrence: int = 1) -> int:
    """The 1-based number of the ``occurrence``-th line of ``text`` that is ``line``."""
    numbers = [number for number, found in enumerate(text.split("\n"), start=1) if found == line]
    return numbers[occurrence - 1]
