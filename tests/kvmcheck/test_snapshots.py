"""kvmcheck's outputs against the committed golden files (tests/kvmcheck/snapshots.py):
what every rule case and rule example says in each language and what its fix
does, what the parser makes of sample inputs, and what the command line
prints in each format. `make snapshots` rewrites them after an intended change."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import snapshots
from snapshots import HERE, cli_output, compare, dump_series, rule_cases, rule_examples

from kvmcheck.messages import catalog
from kvmcheck.parser import parse_inputs
from kvmcheck.rules import RULES

TESTS = Path(__file__).resolve().parent
EXAMPLES = TESTS.parents[1] / "playground" / "examples"
# The modules whose rule cases come from rule_cases.rule_case_test.
CASE_TABLES = {
    path.stem.removeprefix("test_rules_"): cases
    for path in sorted(TESTS.glob("test_rules_*.py"))
    if (
        cases := getattr(
            getattr(importlib.import_module(path.stem), "test_rule", None), "cases", None
        )
    )
    is not None
}
PARSER_INPUTS = sorted(p for p in (HERE / "parser").iterdir() if p.suffix != ".dump")
PARSER_INPUTS += sorted(EXAMPLES.iterdir())


@pytest.mark.parametrize("section", CASE_TABLES)
def test_rule_cases(section: str) -> None:
    compare(f"rules/{section}.txt", rule_cases(CASE_TABLES[section]))


def test_rule_examples() -> None:
    compare("rules/examples.txt", rule_examples())


@pytest.mark.parametrize("source", PARSER_INPUTS, ids=lambda p: p.name)
def test_parser(source: Path) -> None:
    series = parse_inputs([(source.name, source.read_bytes())])
    compare(f"parser/{source.name}.dump", dump_series(series))


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir()))
@pytest.mark.parametrize(
    "options",
    [
        ("--lang", "en"),
        ("--lang", "zh_CN"),
        ("--format", "github", "--lang", "en"),
        ("--format", "json", "--lang", "zh_CN"),
        ("--terse", "--lang", "en"),
    ],
    ids=["text-en", "text-zh_CN", "github-en", "json-zh_CN", "terse-en"],
)
def test_cli(example: str, options: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES)
    name = f"cli/{example}.{'-'.join(o.lstrip('-') for o in options)}.txt"
    compare(name, cli_output(*options, example))


def test_fix_of_the_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES)
    compare("cli/fix.txt", "".join(cli_output("--fix", p.name) for p in sorted(EXAMPLES.iterdir())))


# The snapshots catch what they are for: one changed word or fix fails them.


def _changed_catalog(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    rule = RULES["trailing-whitespace"]
    if lang == "en":
        monkeypatch.setitem(rule.texts, rule.id, rule.texts[rule.id].replace("spaces", "blanks"))
    else:
        messages = catalog(lang)
        monkeypatch.setitem(messages, rule.id, messages[rule.id] + "。")


def _changed_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = RULES["trailing-whitespace"]
    original = rule.check

    def check(*args):  # the same findings, whose fix keeps one space
        for finding in original(*args):
            for edit in finding.edits:
                edit.new = " "
            yield finding

    monkeypatch.setattr(rule, "check", check)


@pytest.mark.parametrize("change", ["en", "zh_CN", "fix"])
def test_one_changed_message_or_fix_fails_a_snapshot(
    monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    if change == "fix":
        _changed_fix(monkeypatch)
    else:
        _changed_catalog(monkeypatch, change)
    monkeypatch.setattr(snapshots, "UPDATE", False)
    with pytest.raises(AssertionError, match=r"snapshot rules/whitespace\.txt differs"):
        compare("rules/whitespace.txt", rule_cases(CASE_TABLES["whitespace"]))
