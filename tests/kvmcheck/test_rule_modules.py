"""kvmcheck/rule_modules.py is the one list of rule modules: a module file
it does not name would register no rule, and a catalog module it does not
name would be left out of the Chinese texts."""

from __future__ import annotations

from pathlib import Path

import kvmcheck
from kvmcheck.rule_modules import RULE_MODULES
from kvmcheck.rules import RULES

PACKAGE = Path(kvmcheck.__file__).resolve().parent


def module_names(folder: Path) -> set[str]:
    return {path.stem for path in folder.glob("*.py") if not path.stem.startswith("_")}


def test_every_rule_module_is_listed_once() -> None:
    assert len(set(RULE_MODULES)) == len(RULE_MODULES)
    assert module_names(PACKAGE / "rules") == set(RULE_MODULES)


def test_the_chinese_catalog_has_a_module_per_rule_module() -> None:
    assert module_names(PACKAGE / "messages" / "zh_CN") == {*RULE_MODULES, "checklist", "cli"}


def test_the_rule_table_follows_the_list() -> None:
    modules = [rule.check.__module__.rsplit(".", 1)[1] for rule in RULES.values()]
    firsts = list(dict.fromkeys(modules))
    assert firsts == list(RULE_MODULES)
    assert modules == sorted(modules, key=RULE_MODULES.index)
