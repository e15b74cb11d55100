"""The README's picture of the playground: ``make screenshot``.

Opens the English playground page of a built site (``make htmldocs``) in
Debian's Chromium, checks the example series the page starts with and saves
the top of the checker, findings included, as a PNG.  Run it when the
playground's look or the example's findings change.

Usage: screenshot.py SITE_DIR OUTPUT.png
"""

from __future__ import annotations

import sys
from pathlib import Path

from chromium import CHROMIUM, launch
from local_server import served
from playground_support import LOAD_TIMEOUT_MS, run_check

WIDTH, HEIGHT = 760, 860
CHECKER = ".patch-checker"
BOX_ROWS = 9


def take(site: Path, output: Path) -> None:
    from playwright.sync_api import sync_playwright

    with served(site) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": WIDTH, "height": 2 * HEIGHT})
            page.goto(url + "handbook/en/playground.html")
            # A shorter box than the page's, so the picture shows findings too.
            page.eval_on_selector(f"{CHECKER} textarea", f"box => box.rows = {BOX_ROWS}")
            outcome = run_check(
                page,
                lambda: page.click(f"{CHECKER} button[data-action=check]"),
                limit_ms=LOAD_TIMEOUT_MS,
            )
            if not outcome["ok"]:
                raise SystemExit(f"screenshot: the check did not finish: {outcome}")
            box = page.locator(CHECKER).first.bounding_box()
            assert box is not None
            page.screenshot(
                path=str(output),
                clip={
                    "x": box["x"],
                    "y": box["y"],
                    "width": box["width"],
                    "height": min(box["height"], HEIGHT),
                },
            )
        finally:
            browser.close()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    site, output = Path(argv[0]), Path(argv[1])
    if not (site / "handbook" / "en" / "playground.html").is_file():
        print(f"screenshot: no built site in {site} (run make htmldocs)", file=sys.stderr)
        return 2
    if not CHROMIUM.exists():
        print("screenshot: Debian's chromium is not installed (make chromium)", file=sys.stderr)
        return 2
    take(site, output)
    print(f"screenshot: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
