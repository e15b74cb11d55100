"""Full-text search in real Chromium finds Chinese words on the Chinese pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("测试", "handbook/zh_CN/review-checklist.html"),
        ("补丁", "handbook/zh_CN/first-patch.html"),
        ("shortlog", "handbook/en/maintainer-kvm-x86.html"),
        # A variant the glossary rejects leads to the glossary entry that names the term.
        ("封面信", "handbook/zh_CN/glossary.html"),
    ],
)
def test_search_page_lists_the_page(browser: Browser, site_url: str, query: str, page: str) -> None:
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{site_url}search.html?q={query}")
    # Sphinx adds one result every 5 ms and fills the summary line only after
    # the last one: reading the list before that races the search.
    tab.wait_for_function(
        "document.querySelector('#search-results p.search-summary')?.innerText.trim()",
        timeout=30_000,
    )
    results = tab.locator("#search-results ul.search li a")
    links = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(link.split("?")[0].split("#")[0] == page for link in links), links
    context.close()
