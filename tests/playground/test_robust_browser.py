"""The playground under a huge result and broken downloads, in real Chromium.

The pages come from the small project of conftest.py: it has a checker
with time enough for a huge input.
"""

from __future__ import annotations

import re

import pytest
from playground_support import Session, run_check
from playwright.sync_api import Page, Route, expect

from kvmcheck.rules._examples import diff, patch

PATCHES = 500
FINDINGS_PER_PATCH = 200
# Checking 100,000 findings' worth of input takes Pyodide a while on a busy
# machine; the page must stay usable all along, which is what is tested.
HUGE_CHECK_LIMIT_MS = 900_000
# The worker's downloads, and one way each can break.
BROKEN = {
    "abort": lambda route: route.abort(),
    "404": lambda route: route.fulfill(status=404, body="not here"),
    "corrupt": lambda route: route.fulfill(
        status=200, body=b"\0not wasm" * 64, content_type="application/wasm"
    ),
}


def huge_series() -> str:
    """PATCHES patches, each with FINDINGS_PER_PATCH space-indented lines."""
    added = "\n".join("        a();\n\tb();" for _ in range(FINDINGS_PER_PATCH))
    one = patch(
        diffs=diff(path="arch/x86/kvm/x86.c", added=added, removed="", context="void f(void)")
    )
    return "\n".join(
        one.replace("[PATCH]", f"[PATCH {n}/{PATCHES}]") for n in range(1, PATCHES + 1)
    )


def test_a_huge_result_is_folded_and_the_page_stays_responsive(
    session: Session, checker_project_url: str
) -> None:
    page = session.page
    page.goto(checker_project_url + "huge.html")
    text = huge_series()
    page.eval_on_selector(".patch-checker textarea", "(box, text) => { box.value = text; }", text)
    # A click while the findings are being drawn must be handled then, not
    # after: drawing gives the browser its turn between slices.
    page.evaluate("""() => {
        const results = document.querySelector('.patch-checker-results');
        const probe = document.createElement('button');
        probe.id = 'probe';
        document.body.append(probe);
        window.clickedWhileDrawing = [];
        probe.addEventListener('click', () =>
            window.clickedWhileDrawing.push(results.getAttribute('aria-busy')));
        new MutationObserver(() => {
            if (results.getAttribute('aria-busy') === 'true') {
                setTimeout(() => probe.click());
            }
        }).observe(results, {attributes: true, attributeFilter: ['aria-busy']});
    }""")
    outcome = run_check(
        page,
        lambda: page.click(".patch-checker button[data-action=check]"),
        limit_ms=HUGE_CHECK_LIMIT_MS,
    )
    assert outcome["ok"], outcome
    assert outcome["summary"]["warning"] >= PATCHES * FINDINGS_PER_PATCH >= 100_000
    assert page.evaluate("window.clickedWhileDrawing") == ["true"]
    # Each patch shows a few findings of the rule and folds the rest.
    first = page.locator(".patch-checker-patch").first
    assert first.locator('[data-rule="indent-spaces"]').count() == 5
    more = first.locator('[data-more-rule="indent-spaces"]')
    expect(more).to_contain_text(f"and {FINDINGS_PER_PATCH - 5} more like this")
    assert page.locator(".patch-checker-results [data-rule]").count() < 10 * PATCHES
    # More on demand: the next hundred, focus on the first of them.
    more.locator("button").click()
    assert first.locator('[data-rule="indent-spaces"]').count() == 105
    expect(more).to_contain_text(f"and {FINDINGS_PER_PATCH - 105} more like this")
    focused = page.evaluate("document.activeElement.dataset.rule")
    assert focused == "indent-spaces"
    more.locator("button").click()
    assert first.locator('[data-rule="indent-spaces"]').count() == FINDINGS_PER_PATCH
    expect(more).to_have_count(0)


def check_outcome(page: Page) -> dict:
    return run_check(page, lambda: page.click(".patch-checker button[data-action=check]"))


@pytest.mark.parametrize("how", sorted(BROKEN))
def test_a_broken_wasm_download_is_reported_and_check_retries(
    session: Session, checker_project_url: str, how: str
) -> None:
    page = session.page
    page.route("**/pyodide.asm.wasm", BROKEN[how])
    page.goto(checker_project_url + "two.html")
    # Short, so that a load that never ends is noticed in the test too.
    page.eval_on_selector(".patch-checker", "node => { node.dataset.loadTimeout = '20000'; }")
    outcome = check_outcome(page)
    assert not outcome["ok"] and outcome["state"] == "error", outcome
    assert "Press Retry" in outcome["message"]
    expect(page.locator(".patch-checker-results [data-rule]")).to_have_count(0)
    page.unroute("**/pyodide.asm.wasm")
    # The retry starts from scratch, with the page's settings read again.
    page.eval_on_selector(".patch-checker", "node => { node.dataset.loadTimeout = '120000'; }")
    outcome = check_outcome(page)
    assert outcome["ok"], outcome
    # A new worker each time (the first may have started when the page was idle).
    assert session.fetched("worker.js") >= 2


def test_a_package_download_that_never_answers_times_out(
    session: Session, checker_project_url: str
) -> None:
    stalled: list[Route] = []
    page = session.page
    page.route("**/kvmcheck.zip", lambda route: stalled.append(route))

    def short_limit(route: Route) -> None:
        # 3 s from the start: loading begins on its own once the page is idle.
        response = route.fetch()
        route.fulfill(
            response=response,
            body=re.sub(r'data-load-timeout="\d+"', 'data-load-timeout="3000"', response.text()),
        )

    page.route("**/check.html", short_limit)
    page.goto(checker_project_url + "handbook/zh_CN/check.html")
    outcome = check_outcome(page)
    assert not outcome["ok"] and outcome["state"] == "error", outcome
    # Said in the page's language, with what to do next.
    assert "3 秒内没有加载完成" in outcome["message"], outcome
    assert "重试" in outcome["message"]
    assert stalled, "the package was never requested"
    page.unroute("**/kvmcheck.zip")
    page.eval_on_selector(".patch-checker", "node => { node.dataset.loadTimeout = '120000'; }")
    outcome = check_outcome(page)
    assert outcome["ok"], outcome
