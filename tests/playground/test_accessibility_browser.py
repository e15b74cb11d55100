"""Every page of the real site under axe-core, and the site opened from disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from playground_support import REPO, Session, run_check
from playwright.sync_api import Page, expect

AXE = REPO / "playground" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("critical", "serious")


def violations(page: Page) -> list[str]:
    """axe-core's critical and serious violations on the page as it is now."""
    assert AXE.is_file(), "axe-core is missing: run `npm ci --prefix playground`"
    # Evaluated, not added as a <script>: the checker pages' policy allows
    # no inline script.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ["violations"]});
        return result.violations.map((v) => ({id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" "))}));
    }""")
    return [f"{v['id']} ({v['impact']}): {v['nodes']}" for v in found if v["impact"] in BLOCKING]


def test_no_serious_violation_on_any_page(
    session: Session, built_site: Path, site_url: str
) -> None:
    pages = sorted(path.relative_to(built_site).as_posix() for path in built_site.rglob("*.html"))
    # Both languages of the handbook, the project docs, the root and search.
    assert {
        "index.html",
        "search.html",
        "docs/rules.html",
        "handbook/en/playground.html",
        "handbook/zh_CN/playground.html",
    } <= set(pages)
    problems = {}
    for name in pages:
        session.page.goto(site_url + name)
        found = violations(session.page)
        if found:
            problems[name] = found
    assert problems == {}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_no_serious_violation_in_the_playground_after_a_check(
    session: Session, site_url: str, lang: str
) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/{lang}/playground.html")
    outcome = run_check(page, lambda: page.click(".patch-checker button[data-action=check]"))
    assert outcome["ok"], outcome
    assert page.locator(".patch-checker-results [data-rule]").count() >= 1
    page.click(".patch-checker button[data-action=share]")
    expect(page.locator(".patch-checker [data-share-link]")).to_be_visible()
    assert violations(page) == []


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_no_serious_violation_in_what_fix_shows(session: Session, site_url: str, lang: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/{lang}/playground.html")
    page.fill(
        ".patch-checker textarea",
        (REPO / "playground" / "examples" / "shortlog-case.patch").read_text(encoding="utf-8"),
    )
    outcome = run_check(page, lambda: page.click(".patch-checker button[data-action=check]"))
    assert outcome["ok"], outcome
    outcome = run_check(page, lambda: page.click(".patch-checker button[data-action=fix]"))
    assert outcome["ok"], outcome
    expect(page.locator(".patch-checker-fix-view .patch-checker-diff")).to_be_visible()
    assert violations(page) == []


@pytest.mark.parametrize(
    ("lang", "says"), [("en", "Opened from a file"), ("zh_CN", "直接从文件打开")]
)
def test_opened_from_disk_it_says_how_to_serve(
    browser, built_site: Path, lang: str, says: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((built_site / "handbook" / lang / "playground.html").as_uri())
    fallback = page.locator(".patch-checker-fallback")
    expect(fallback).to_be_visible()
    expect(fallback).to_contain_text(says)
    expect(fallback).to_contain_text("make serve")
    expect(fallback).not_to_contain_text("JavaScript")
    # The command line is still offered, and the rest of the page reads as
    # usual: the theme's style sheet applies and the text is there.
    expect(fallback).to_contain_text("kvmcheck")
    expect(page.locator("h1")).to_be_visible()
    assert page.evaluate(
        "getComputedStyle(document.body).getPropertyValue('--color-foreground-primary')"
    )
    assert errors == []
    context.close()


def test_opened_from_disk_pages_without_a_checker_read_fine(browser, built_site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site / "handbook" / "en" / "maintainer-kvm-x86.html").as_uri())
    expect(page.locator("section#shortlog").get_by_role("heading").first).to_be_visible()
    # The theme's script ran (it sets the colour scheme on <body>).
    assert page.evaluate("document.body.dataset.theme") in ("auto", "light", "dark")
    # A checker embedded in the page says how to serve it, in English.
    expect(page.locator("section#shortlog .patch-checker-fallback")).to_contain_text("make serve")
    context.close()
