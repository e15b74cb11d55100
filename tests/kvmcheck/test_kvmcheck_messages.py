"""Message catalogs: complete in every language, same placeholders."""

from __future__ import annotations

import importlib
import string
from collections import Counter

import pytest

from kvmcheck.messages import LANGUAGES, catalog, language_from_locale, zh_CN
from kvmcheck.rules import RULES
from kvmcheck.testing_checklist import ITEMS


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def english() -> dict[str, str]:
    """Every English text: the rules' own and the catalog's (checklist, cli)."""
    texts = dict(catalog("en"))
    for rule in RULES.values():
        texts.update(rule.texts)
    return texts


def rule_keys() -> set[str]:
    return {
        key
        for rule in RULES.values()
        for key in (*rule.message_keys, f"{rule.id}.title", f"{rule.id}.explanation")
    }


def test_chinese_texts_sit_in_the_module_named_as_the_rules() -> None:
    """kvmcheck/rules/<m>.py has its Chinese texts in kvmcheck/messages/zh_CN/<m>.py,
    and no key is in two modules of the package (the merge would hide one)."""
    counts = Counter(key for part in zh_CN.PARTS for key in part.MESSAGES)
    assert [key for key, count in counts.items() if count > 1] == []
    assert counts.keys() == catalog("zh_CN").keys()
    for rule in RULES.values():
        name = rule.check.__module__.rsplit(".", 1)[1]
        part = importlib.import_module(f"kvmcheck.messages.zh_CN.{name}")
        assert part in zh_CN.PARTS
        assert set(rule.texts) <= part.MESSAGES.keys(), rule.id


def test_catalogs_have_the_same_keys() -> None:
    expected = set(english())
    for lang in LANGUAGES:
        if lang != "en":
            assert set(catalog(lang)) == expected, lang


def test_english_catalog_holds_no_rule_text() -> None:
    assert not rule_keys() & set(catalog("en"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_has_its_texts(lang: str) -> None:
    for rule in RULES.values():
        for key in (*rule.message_keys, f"{rule.id}.title", f"{rule.id}.explanation"):
            assert rule.text(key, lang).strip(), f"{lang}: {key}"
    for item in ITEMS:
        assert catalog(lang)[f"checklist.{item.id}"].strip()


def test_no_stray_keys() -> None:
    expected = rule_keys() | {f"checklist.{item.id}" for item in ITEMS}
    stray = {key for key in english() if not key.startswith("cli.")} - expected
    assert not stray


def test_placeholders_match_across_languages() -> None:
    texts = english()
    for lang in LANGUAGES:
        for key, template in catalog(lang).items():
            assert placeholders(template) == placeholders(texts[key]), f"{lang}: {key}"


def test_chinese_catalog_is_chinese() -> None:
    chinese = catalog("zh_CN")
    for rule in RULES.values():
        text = chinese[f"{rule.id}.explanation"]
        assert sum("\u4e00" <= ch <= "\u9fff" for ch in text) >= 20, rule.id


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LC_ALL": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LC_MESSAGES": "zh_CN"}, "zh_CN"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANG": "zh_TW.UTF-8"}, "zh_CN"),
        ({"LANG": "zh"}, "zh_CN"),
        ({"LANG": "en_GB.UTF-8@euro"}, "en"),
    ],
)
def test_language_from_locale(environ: dict, lang: str) -> None:
    assert language_from_locale(environ) == lang


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        catalog("fr")
