"""The reader's text survives a reload, the language switch and Back, in
real Chromium on the built site; it stays in the tab and can be cleared."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playground_support import EXAMPLES, Session, run_check
from playwright.sync_api import Page, expect

MARKER = "Zq7KeptMarker"
TEXT = (
    (EXAMPLES / "shortlog-case.patch")
    .read_text(encoding="utf-8")
    .replace("posted interrupt", MARKER)
)
WORDS = {
    "en": {
        "kept": "Your text stays in this browser tab: a reload or the language switch keeps "
        "it, and it is never sent anywhere.",
        "restored": "Your text from before is back (it stays in this browser tab only and is "
        "never sent anywhere).",
        "cleared": "The box is empty and this tab no longer keeps your text.",
        "clear": "Clear the box",
    },
    "zh_CN": {
        "kept": "你的内容只保存在当前浏览器标签页中：刷新页面或切换语言后仍然在，"
        "也不会发送到任何地方。",
        "restored": "已恢复你之前的内容（只保存在当前浏览器标签页中，不会发送到任何地方）。",
        "cleared": "文本框已清空，当前标签页不再保存你的内容。",
        "clear": "清空文本框",
    },
}


def type_text(page: Page, text: str) -> None:
    """As the reader does: the box gets input events (fill sends one)."""
    page.fill(".patch-checker textarea", text)


def box(page: Page) -> str:
    return page.input_value(".patch-checker textarea")


def kept_note(page: Page):
    return page.locator(".patch-checker-kept span")


def assert_never_sent(session: Session, site_url: str) -> None:
    for request in session.requests:
        assert request.url.startswith(site_url), request.url
        assert request.method == "GET" and request.post_data is None, request.url
        assert MARKER not in request.url


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_reload_keeps_the_text_and_checks_it_again(
    session: Session, site_url: str, lang: str
) -> None:
    page = session.page
    url = f"{site_url}handbook/{lang}/playground.html"
    page.goto(url)
    expect(kept_note(page)).to_have_text(WORDS[lang]["kept"])
    type_text(page, TEXT)
    page.reload()
    assert box(page) == TEXT
    expect(kept_note(page)).to_have_text(WORDS[lang]["restored"])
    # Its findings are back too.
    expect(page.locator('.patch-checker-results [data-rule="shortlog-prefix-case"]')).to_have_count(
        1, timeout=120_000
    )
    assert_never_sent(session, site_url)


def test_an_untouched_example_is_not_kept(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    example = box(page)
    page.reload()
    assert box(page) == example
    expect(kept_note(page)).to_have_text(WORDS["en"]["kept"])
    assert page.evaluate("sessionStorage.length") == 0


@pytest.mark.parametrize(("start", "other"), [("en", "zh_CN"), ("zh_CN", "en")])
def test_the_language_switch_carries_the_text(
    session: Session, site_url: str, start: str, other: str
) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/{start}/playground.html")
    type_text(page, TEXT)
    # The switch under the page's title, as a reader would use it.
    page.locator(".lang-switch-page a").first.click()
    page.wait_for_url(f"**/handbook/{other}/playground.html*")
    assert box(page) == TEXT
    expect(kept_note(page)).to_have_text(WORDS[other]["restored"])
    assert_never_sent(session, site_url)


def test_back_from_a_finding_link_brings_the_text_back(
    session: Session,
    site_url: str,
) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    type_text(page, TEXT)
    outcome = run_check(page, lambda: page.click(".patch-checker button[data-action=check]"))
    assert outcome["ok"], outcome
    page.evaluate("window.sameDocument = true")
    link = page.locator('[data-rule="shortlog-prefix-case"] a.patch-checker-section')
    link.click()
    page.wait_for_url("**/handbook/en/maintainer-kvm-x86.html#shortlog")
    page.go_back()
    page.wait_for_url("**/handbook/en/playground.html")
    # A new document (no back/forward cache kept the old one) …
    assert page.evaluate("window.sameDocument") is None
    # … with the reader's text and its findings.
    assert box(page) == TEXT
    expect(page.locator('.patch-checker-results [data-rule="shortlog-prefix-case"]')).to_have_count(
        1, timeout=120_000
    )
    assert_never_sent(session, site_url)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_clear_empties_the_box_and_forgets(session: Session, site_url: str, lang: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/{lang}/playground.html")
    type_text(page, TEXT)
    page.wait_for_function("() => sessionStorage.length === 1")
    page.get_by_role("button", name=WORDS[lang]["clear"], exact=True).click()
    assert box(page) == ""
    expect(kept_note(page)).to_have_text(WORDS[lang]["cleared"])
    expect(page.locator(".patch-checker textarea")).to_be_focused()
    expect(page.locator(".patch-checker-results [data-rule]")).to_have_count(0)
    page.reload()
    assert MARKER not in box(page)
    stored = page.evaluate("Object.values(sessionStorage).join('')")
    assert MARKER not in stored


def test_only_this_tab_keeps_it(browser, site_url: str) -> None:
    context = browser.new_context()
    try:
        first = context.new_page()
        first.goto(f"{site_url}handbook/en/playground.html")
        type_text(first, TEXT)
        first.reload()
        assert box(first) == TEXT
        second = context.new_page()
        second.goto(f"{site_url}handbook/en/playground.html")
        assert MARKER not in box(second)
        assert urlsplit(second.url).path.endswith("playground.html")
    finally:
        context.close()
