"""The site's and the playground's catalogs speak every language of the one
list (``kvmcheck.messages.LANGUAGES``), with the same keys and placeholders.

kvmcheck's own catalogs are checked in tests/kvmcheck/test_kvmcheck_messages.py.
"""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest

from kvmcheck.messages import LANGUAGES

REPO = Path(__file__).resolve().parents[2]
CATALOGS = {
    "site": REPO / "_ext" / "messages.json",
    "playground": REPO / "playground" / "web" / "messages.json",
}
# A plural message holds one text per CLDR plural category of its language
# (Chinese has only "other"), so its keys may differ between languages.
PLURAL_CATEGORIES = {"zero", "one", "two", "few", "many", "other"}


def texts(tree: dict, prefix: str = "") -> dict[str, set[str]]:
    """Each message's key path → the placeholders it uses."""
    found: dict[str, set[str]] = {}
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and set(value) <= PLURAL_CATEGORIES:
            assert "other" in value, path
            found[path] = set().union(*(placeholders(text) for text in value.values()))
        elif isinstance(value, dict):
            found.update(texts(value, f"{path}."))
        else:
            assert isinstance(value, str) and value.strip(), path
            found[path] = placeholders(value)
    return found


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("component", sorted(CATALOGS))
def test_catalog_has_every_language_and_the_same_messages(component: str) -> None:
    catalog = json.loads(CATALOGS[component].read_text(encoding="utf-8"))
    assert list(catalog) == list(LANGUAGES)
    default = texts(catalog[LANGUAGES[0]])
    for lang in LANGUAGES[1:]:
        assert texts(catalog[lang]) == default, lang
