"""Loading Python in real Chromium on the built site: a progress bar of the
bytes, started when the page is idle, the Check button on the first screen,
and a failed download said within 15 s with a Retry that works."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from local_server import served
from playground_support import Session, run_check
from playwright.sync_api import Page, Route, expect

READY_MS = 120_000
# Every aria-valuenow the page's progress bar takes, in order, from the start.
RECORD_PROGRESS = """
window.progressSeen = [];
new MutationObserver((records) => {
    for (const record of records) {
        const node = record.target;
        if (node.getAttribute && node.getAttribute('role') === 'progressbar') {
            window.progressSeen.push([Number(node.getAttribute('aria-valuenow')),
                                      Number(node.getAttribute('aria-valuemax')),
                                      node.getAttribute('aria-valuetext')]);
        }
    }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['aria-valuenow']});
"""
WORDS = {
    "en": {
        "progress": re.compile(r"Downloading Python and kvmcheck: \d+\.\d of 1\d\.\d MB"),
        "label": "Downloading Python and kvmcheck",
        "retry": "Retry",
        "failed": "Press Retry",
        "stalled": "Python could not load: {} stopped arriving (no data for 10 s). Press Retry",
        "shortcut": "or Ctrl+Enter in the box",
        "check": "Check",
    },
    "zh_CN": {
        "progress": re.compile(r"正在下载 Python 和 kvmcheck：\d+\.\d / 1\d\.\d MB"),
        "label": "正在下载 Python 和 kvmcheck",
        "retry": "重试",
        "failed": "请点击“重试”",
        "stalled": "Python 无法加载：{} 的下载中断了（10 秒内没有收到数据）。请点击“重试”",
        "shortcut": "或在文本框中按 Ctrl+Enter",
        "check": "检查",
    },
}
BROKEN = {
    "404": lambda route: route.fulfill(status=404, body="not here"),
    "abort": lambda route: route.abort(),
    "corrupt": lambda route: route.fulfill(
        status=200, body=b"\0not wasm" * 64, content_type="application/wasm"
    ),
}


def state(page: Page):
    return page.locator(".patch-checker").first


def throttle(page: Page, mbit: float, latency_ms: float) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    rate = mbit * 1e6 / 8
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": latency_ms,
            "downloadThroughput": rate,
            "uploadThroughput": rate,
        },
    )


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_progress_bar_counts_the_bytes_of_the_total(
    session: Session, site_url: str, built_site: Path, lang: str
) -> None:
    page = session.page
    page.add_init_script(RECORD_PROGRESS)
    throttle(page, 100, 5)
    page.goto(f"{site_url}handbook/{lang}/playground.html")
    # No click, no key: loading starts by itself once the page is idle.
    expect(state(page)).to_have_attribute("data-state", "ready", timeout=READY_MS)
    seen = page.evaluate("window.progressSeen")
    sizes = json.loads(state(page).get_attribute("data-load-bytes"))
    total = sum(sizes.values())
    # The recorded sizes are those of the files served.
    for name, size in sizes.items():
        served = [path for path in (built_site / "_static" / "patch-checker").rglob(name)]
        assert [path.stat().st_size for path in served] == [size], name
        assert session.fetched(name) == 1, name
    values = [now for now, _, _ in seen]
    assert all(most == total for _, most, _ in seen[1:])
    assert values == sorted(values), values
    assert len(set(values)) >= 4, values
    assert values[-1] == total
    assert any(WORDS[lang]["progress"].fullmatch(text) for _, _, text in seen), seen
    bar = page.get_by_role("progressbar", name=WORDS[lang]["label"], include_hidden=True)
    expect(bar).to_have_count(1)
    expect(bar).to_be_hidden()  # once Python is ready


def test_loading_starts_after_the_first_paint(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    expect(state(page)).to_have_attribute("data-state", "ready", timeout=READY_MS)
    paint, first_download = page.evaluate("""() => [
        performance.getEntriesByName('first-contentful-paint')[0].startTime,
        Math.min(...performance.getEntriesByType('resource')
            .filter((entry) => /worker\\.js$|pyodide/.test(entry.name))
            .map((entry) => entry.startTime))]""")
    assert paint < first_download


def test_a_checker_far_below_loads_once_scrolled_to(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/maintainer-kvm-x86.html")
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)
    assert not [url for url in session.urls() if "pyodide" in url or "worker.js" in url]
    page.locator(".patch-checker").first.scroll_into_view_if_needed()
    expect(state(page)).to_have_attribute("data-state", "ready", timeout=READY_MS)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_check_and_its_shortcut_are_on_the_first_screen(browser, site_url: str, lang: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{site_url}handbook/{lang}/playground.html")
        check = page.get_by_role("button", name=WORDS[lang]["check"], exact=True)
        shortcut = page.locator(".patch-checker-shortcut")
        expect(shortcut).to_have_text(WORDS[lang]["shortcut"])
        assert check.get_attribute("aria-keyshortcuts") == "Control+Enter Meta+Enter"
        for part in (check, shortcut):
            expect(part).to_be_in_viewport(ratio=1)
            box = part.bounding_box()
            assert box is not None and box["y"] + box["height"] <= 800
    finally:
        context.close()


@pytest.mark.parametrize(
    ("name", "how", "lang"),
    [
        ("pyodide.asm.wasm", "404", "en"),
        ("pyodide.asm.wasm", "abort", "zh_CN"),
        ("pyodide.asm.wasm", "corrupt", "en"),
        ("python_stdlib.zip", "404", "en"),
        ("pyodide.asm.mjs", "404", "en"),
        ("kvmcheck.zip", "abort", "en"),
    ],
)
def test_a_failed_download_is_said_within_15_s_and_retry_works(
    session: Session, site_url: str, name: str, how: str, lang: str
) -> None:
    page = session.page
    broken: list[Route] = []

    def fail(route: Route) -> None:
        broken.append(route)
        BROKEN[how](route)

    page.route(f"**/{name}", fail)
    started = time.monotonic()
    page.goto(f"{site_url}handbook/{lang}/playground.html")
    expect(state(page)).to_have_attribute("data-state", "error", timeout=15_000)
    assert time.monotonic() - started < 15
    assert broken, f"{name} was never requested"
    status = page.locator(".patch-checker-status")
    expect(status).to_contain_text(WORDS[lang]["failed"])
    retry = page.get_by_role("button", name=WORDS[lang]["retry"], exact=True)
    expect(retry).to_be_visible()
    expect(page.get_by_role("progressbar")).to_be_hidden()
    page.unroute(f"**/{name}")
    outcome = run_check(page, retry.click)
    assert outcome["ok"], outcome
    expect(retry).to_be_hidden()
    expect(page.locator(".patch-checker-results [data-rule]").first).to_be_visible()


@pytest.mark.parametrize(
    ("name", "lang"),
    [("pyodide.asm.wasm", "en"), ("python_stdlib.zip", "zh_CN"), ("pyodide.asm.wasm", "zh_CN")],
)
def test_a_stalled_download_is_said_within_15_s_and_retry_works(
    session: Session, built_site: Path, name: str, lang: str
) -> None:
    """The server sends the file's headers, then nothing and no error.

    (Pyodide's own files: a stall of kvmcheck.zip is caught by the same
    timer, but on a busy machine the worker can be held up starting Python
    for seconds first, so its 15 s would measure the CPU, not the loader.)"""
    page = session.page
    stalled = {name}
    requests: list[str] = []
    with served(built_site, requests, stalled) as url:
        started = time.monotonic()
        page.goto(f"{url}handbook/{lang}/playground.html")
        expect(state(page)).to_have_attribute("data-state", "error", timeout=15_000)
        assert time.monotonic() - started < 15
        assert any(name in line for line in requests), f"{name} was never requested"
        status = page.locator(".patch-checker-status")
        expect(status).to_contain_text(WORDS[lang]["stalled"].format(name))
        retry = page.get_by_role("button", name=WORDS[lang]["retry"], exact=True)
        expect(retry).to_be_visible()
        stalled.clear()
        outcome = run_check(page, retry.click)
        assert outcome["ok"], outcome
        expect(retry).to_be_hidden()
        expect(page.locator(".patch-checker-results [data-rule]").first).to_be_visible()
