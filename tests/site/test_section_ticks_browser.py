"""Ticking the sections of the review checklist (section_ticks) in real Chromium."""

from __future__ import annotations

from playwright.sync_api import Browser


def test_ticks_persist_and_are_shared_by_both_languages(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "handbook/en/review-checklist.html")
    box = page.locator('input.section-tick[data-item="cpuid"]')
    assert not box.is_checked()
    box.check()
    assert page.locator("#cpuid").get_attribute("class").count("section-ticked") == 1
    page.reload()
    assert page.locator('input.section-tick[data-item="cpuid"]').is_checked()
    page.goto(site_url + "handbook/zh_CN/review-checklist.html")
    assert page.locator('input.section-tick[data-item="cpuid"]').is_checked()
    assert not page.locator('input.section-tick[data-item="testable"]').is_checked()
    page.get_by_role("button", name="清除所有勾选").click()
    assert not page.locator('input.section-tick[data-item="cpuid"]').is_checked()
    context.close()


def test_without_javascript_it_is_a_plain_list(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "handbook/en/review-checklist.html")
    assert page.locator("input.section-tick").count() == 0
    assert page.locator("section#cpuid h3, section#cpuid h2").count() == 1
    context.close()
