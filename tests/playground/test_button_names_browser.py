"""Every button of the playground is named from the catalog, in both languages.

A template that read ``text.copy`` (the dict's method, not the string)
labelled the share panel's copy button ``<built-in method copy of dict
object …>``; this test reads every button's accessible name as Chromium
computes it and requires a string of playground/web/messages.json.
"""

from __future__ import annotations

import json
import re

import pytest
from playground_support import EXAMPLES, REPO, Session, check_text, run_check
from playwright.sync_api import expect

CATALOG = json.loads((REPO / "playground" / "web" / "messages.json").read_text(encoding="utf-8"))


def catalog_patterns(lang: str) -> list[re.Pattern]:
    """Every string of the language's catalog, its {placeholders} as wildcards."""
    strings: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(CATALOG[lang])
    return [
        re.compile(
            "".join(
                ".+" if part.startswith("{") else re.escape(part)
                for part in re.split(r"(\{\w+\})", text)
            )
        )
        for text in strings
    ]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_button_is_named_from_the_catalog(session: Session, site_url: str, lang: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/{lang}/playground.html")
    check_text(page, (EXAMPLES / "shortlog-case.patch").read_text(encoding="utf-8"))
    # Show every panel that has buttons: the share link, Fix's view, Undo.
    page.click(".patch-checker button[data-action=share]")
    expect(page.locator(".patch-checker button[data-action=copy]")).to_be_visible()
    outcome = run_check(page, lambda: page.click(".patch-checker button[data-action=fix]"))
    assert outcome["ok"], outcome
    page.click(".patch-checker button[data-action=share]")
    expect(page.locator(".patch-checker button[data-action=copy-fixed]")).to_be_visible()
    patterns = catalog_patterns(lang)
    buttons = page.locator(".patch-checker button:visible")
    assert buttons.count() >= 6
    names = []
    for index in range(buttons.count()):
        button = buttons.nth(index)
        name = button.evaluate("b => (b.getAttribute('aria-label') || b.textContent).trim()")
        # The name assistive technology gets is that text.
        expect(button).to_have_accessible_name(name)
        names.append(name)
    strays = [name for name in names if not any(p.fullmatch(name) for p in patterns)]
    assert strays == []
    copy = CATALOG[lang]["page"]["copy"]
    assert copy in names
