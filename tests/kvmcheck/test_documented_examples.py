"""Every rule's documented examples, run through the checker.

The rule reference (docs/rules) shows each rule's bad and good example from
the registry. A bad example must trigger its rule, a good example must not,
and a good example should be a patch a reader can copy: no error or warning
from any rule.
"""

from __future__ import annotations

import pytest

from kvmcheck.api import check_texts
from kvmcheck.messages import LANGUAGES
from kvmcheck.results import all_findings
from kvmcheck.rules import RULES

BY_ID = pytest.mark.parametrize("rule_id", list(RULES))


def findings(rule_id: str, text: str, lang: str = "en") -> list[dict]:
    return all_findings(check_texts([(f"{rule_id}.patch", text)], lang=lang))


def test_every_rule_documents_both_examples() -> None:
    assert RULES, "the registry is empty"
    for rule in RULES.values():
        assert rule.bad.strip() and rule.good.strip(), rule.id
        assert rule.bad != rule.good, rule.id


@BY_ID
@pytest.mark.parametrize("lang", LANGUAGES)
def test_bad_example_fires_its_rule(rule_id: str, lang: str) -> None:
    rule = RULES[rule_id]
    own = [f for f in findings(rule_id, rule.bad, lang) if f["rule"] == rule_id]
    assert own, f"the bad example of {rule_id} does not trigger it"
    for finding in own:
        assert finding["severity"] in rule.severities
        assert finding["section"] == rule.section
        assert finding["message"].strip()


@BY_ID
def test_good_example_does_not_fire_its_rule(rule_id: str) -> None:
    rule = RULES[rule_id]
    fired = [f for f in findings(rule_id, rule.good) if f["rule"] == rule_id]
    assert not fired, f"the good example of {rule_id} triggers it: {fired}"


@BY_ID
def test_good_example_is_clean(rule_id: str) -> None:
    rule = RULES[rule_id]
    serious = [
        f"[{f['rule']}] {f['message']}"
        for f in findings(rule_id, rule.good)
        if f["severity"] != "info"
    ]
    assert not serious, f"the good example of {rule_id} gets: {serious}"
