"""Playground benchmark: how fast the in-browser checker answers, what it costs.

Prints (no assertion):

* first check: a reader opens the playground on a fresh browser profile and
  presses Check as soon as the page has loaded; the time from opening the
  page to the first result on screen (loading starts by itself once the page
  is idle, so part of it overlaps the page's own load), and the bytes that
  took, file by file; on this machine and on a throttled link
  (THROTTLED: 10 Mbit/s, 40 ms, emulated through the DevTools protocol),
  and what its large files would weigh served gzip-compressed;
* warm: one patch and a 30-patch series once Python is up, against the same
  check run natively by CPython in this process (the peer);
* bytes transferred for a handbook page without a checker, for the
  playground page left open (Python loads by itself once the page is idle),
  and once the reader has checked a patch.

The site is built with ``make htmldocs`` into tests/bench/.cache/ and served
on a loopback port; the browser is Debian's Chromium.
"""

from __future__ import annotations

import gzip
import statistics
import subprocess
import time
from pathlib import Path

from chromium import CHROMIUM, launch
from corpus import patch_files
from local_server import served

REPO = Path(__file__).resolve().parents[2]
BUILDDIR = REPO / "tests" / "bench" / ".cache" / "playground-site"
EXAMPLES = REPO / "playground" / "examples"
COLD_RUNS = 3
# A modest home or mobile link, as Chromium's DevTools emulate it.
THROTTLED = {"mbit": 10, "latency_ms": 40}
WARM_RUNS = 20
SERIES_RUNS = 5
SERIES_LENGTH = 30
AIM_COLD_S = 3.0
AIM_WARM_MS = 50.0

# Runs in the page: press Check on the first checker and resolve with the
# time from the press to the rendered result, and the worker's own figure.
TIMED_CHECK = """async (text) => {
    const checker = document.querySelector('.patch-checker');
    if (text !== null) {
        checker.querySelector('textarea').value = text;
    }
    const outcome = new Promise((resolve, reject) => {
        checker.addEventListener('patch-checker:done',
            (event) => resolve(event.detail.ms), {once: true});
        checker.addEventListener('patch-checker:failed',
            (event) => reject(new Error(event.detail.message)), {once: true});
    });
    const started = performance.now();
    checker.querySelector('button[data-action=check]').click();
    const workerMs = await outcome;
    return {totalMs: performance.now() - started, workerMs};
}"""


def build_site() -> Path:
    result = subprocess.run(
        ["make", "--no-print-directory", "htmldocs", f"BUILDDIR={BUILDDIR}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"make htmldocs failed:\n{result.stdout[-2000:]}{result.stderr}")
    return BUILDDIR / "html"


def series_text(count: int) -> str:
    """``count`` accepted upstream KVM x86 patches as one mbox."""
    separator = "From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n"
    texts = [
        path.read_text(encoding="utf-8", errors="replace")
        for path in patch_files("kvm-x86")[:count]
    ]
    return "".join(separator + text.replace("\nFrom ", "\n>From ") for text in texts)


def native_ms(text: str, runs: int) -> float:
    """Median time of the same check by CPython here, in ms."""
    from kvmcheck.api import check_texts

    data = text.encode("utf-8")
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        check_texts([("pasted.patch", data)], lang="en")
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


class Transfer:
    """Bytes a browser context received (headers and bodies), by URL."""

    def __init__(self) -> None:
        self.by_url: list[tuple[str, int]] = []

    def record(self, request) -> None:
        sizes = request.sizes()
        self.by_url.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    def total(self, contains: str = "") -> int:
        return sum(size for url, size in self.by_url if contains in url)


def first_check(browser, url: str, text: str, throttled: bool) -> tuple[float, dict[str, int]]:
    """(seconds from opening ``url`` to the first result, bytes by file name)
    when Check is pressed as soon as the page has loaded."""
    context = browser.new_context()
    transfer = Transfer()
    context.on("requestfinished", transfer.record)
    page = context.new_page()
    if throttled:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        rate = THROTTLED["mbit"] * 1e6 / 8
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": THROTTLED["latency_ms"],
                "downloadThroughput": rate,
                "uploadThroughput": rate,
            },
        )
    page.goto(url, wait_until="load")
    page.evaluate(TIMED_CHECK, text)
    # Time origin: the navigation's start.
    seconds = page.evaluate("performance.now()") / 1000
    context.close()
    by_file: dict[str, int] = {}
    for request_url, size in transfer.by_url:
        name = request_url.split("?")[0].rstrip("/").rsplit("/", 1)[-1] or "(page)"
        by_file[name] = by_file.get(name, 0) + size
    return seconds, by_file


def print_first_check(label: str, runs: list[tuple[float, dict[str, int]]]) -> None:
    times = [seconds for seconds, _ in runs]
    median = statistics.median(times)
    by_file = runs[0][1]
    total = sum(by_file.values())
    print(
        f"first check, {label}: {median:.2f} s from opening the page to the first result "
        f"(median of {len(times)}: {', '.join(f'{s:.2f}' for s in times)}); "
        f"{mb(total)} transferred"
    )
    for name, size in sorted(by_file.items(), key=lambda item: -item[1]):
        if size >= 10_000:
            print(f"    {mb(size):>9}  {name}")
    rest = sum(size for size in by_file.values() if size < 10_000)
    small = sum(1 for size in by_file.values() if size < 10_000)
    print(f"    {mb(rest):>9}  {small} smaller files (the page, its style sheets and scripts)")


def print_compressed(site: Path, by_file: dict[str, int]) -> None:
    """What the first check's large files would weigh served gzip-compressed,
    as most static hosts serve .wasm and .mjs (``make serve`` and the
    bench's server do not), and the download time that saves on THROTTLED."""
    raw = packed = 0
    for name, size in sorted(by_file.items(), key=lambda item: -item[1]):
        if size < 100_000:
            continue
        path = next(site.glob(f"_static/patch-checker/*/{name}"))
        body = path.read_bytes()
        compressed = len(gzip.compress(body, compresslevel=6))
        raw += len(body)
        packed += compressed
        print(f"    gzip: {mb(len(body)):>9} -> {mb(compressed):>9}  {name}")
    rate = THROTTLED["mbit"] * 1e6 / 8
    print(
        f"first check, large files served gzip-compressed: {mb(packed)} instead of {mb(raw)}; "
        f"at {THROTTLED['mbit']} Mbit/s {packed / rate:.1f} s of download "
        f"instead of {raw / rate:.1f} s"
    )


def page_bytes(browser, url: str, check: bool = False) -> tuple[int, int]:
    """(all bytes, Pyodide bytes) for loading ``url``, then checking if asked."""
    context = browser.new_context()
    transfer = Transfer()
    context.on("requestfinished", transfer.record)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    if check:
        page.evaluate(TIMED_CHECK, None)
        page.wait_for_load_state("networkidle")
    context.close()
    return transfer.total(), transfer.total("/pyodide-")


def mb(size: int) -> str:
    return f"{size / 1e6:.2f} MB" if size >= 100_000 else f"{size / 1e3:.1f} kB"


def run() -> None:
    if not CHROMIUM.exists():
        print("playground: skipped, Debian's chromium is not installed (make bench installs it)")
        return
    from playwright.sync_api import sync_playwright

    site = build_site()
    one = (EXAMPLES / "shortlog-case.patch").read_text(encoding="utf-8")
    series = series_text(SERIES_LENGTH)
    with served(site) as root, sync_playwright() as playwright:
        browser = launch(playwright)
        playground = root + "handbook/en/playground.html"

        local = [first_check(browser, playground, one, throttled=False) for _ in range(COLD_RUNS)]
        print_first_check(f"this machine (aim <= {AIM_COLD_S:.0f} s)", local)
        throttled = [first_check(browser, playground, one, throttled=True)]
        print_first_check(
            f"throttled to {THROTTLED['mbit']} Mbit/s, {THROTTLED['latency_ms']} ms", throttled
        )
        print_compressed(site, throttled[0][1])

        context = browser.new_context()
        page = context.new_page()
        page.goto(playground, wait_until="networkidle")
        page.evaluate(TIMED_CHECK, one)
        for label, text, runs in (
            ("one patch", one, WARM_RUNS),
            (f"{SERIES_LENGTH}-patch series", series, SERIES_RUNS),
        ):
            timings = [page.evaluate(TIMED_CHECK, text) for _ in range(runs)]
            total = statistics.median(t["totalMs"] for t in timings)
            worker = statistics.median(t["workerMs"] for t in timings)
            native = native_ms(text, runs)
            aim = f"; aim <= {AIM_WARM_MS:.0f} ms" if label == "one patch" else ""
            print(
                f"warm, {label}: {total:.1f} ms press to result, {worker:.1f} ms in the "
                f"worker (median of {runs}{aim}); native CPython {native:.1f} ms: "
                f"Pyodide/native {worker / native:.1f}x"
            )
        context.close()

        plain_all, plain_pyodide = page_bytes(browser, root + "handbook/en/review-checklist.html")
        loaded_all, loaded_pyodide = page_bytes(browser, playground)
        used_all, used_pyodide = page_bytes(browser, playground, check=True)
        print(
            f"bytes, handbook page without a checker: {mb(plain_all)}, "
            f"of which Pyodide {plain_pyodide} B"
        )
        print(
            f"bytes, playground page left open (Python loads once it is idle): "
            f"{mb(loaded_all)}, "
            f"of which Pyodide {loaded_pyodide} B "
            f"({loaded_all / plain_all:.2f}x the plain page)"
        )
        print(
            f"bytes, playground page after one check: {mb(used_all)}, "
            f"of which Pyodide {mb(used_pyodide)} "
            f"({used_all / plain_all:.0f}x the plain page)"
        )
        browser.close()
