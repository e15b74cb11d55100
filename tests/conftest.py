"""Fixtures shared by the whole suite."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from chromium import CHROMIUM, launch
from local_server import served

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess:
    """The real site, built once per test run with `make htmldocs`: the run,
    its output included (the HTML: ``built_site``).

    The build fails on any warning (the warnings gate), so a site that
    builds at all has no warning.
    """
    builddir = tmp_path_factory.mktemp("site")
    make = shutil.which("make")
    assert make, "make is needed to build the site"
    result = subprocess.run(
        [make, "--no-print-directory", "htmldocs", f"BUILDDIR={builddir}"],
        cwd=REPO, capture_output=True, text=True, timeout=1200,
    )
    assert result.returncode == 0, f"make htmldocs failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="session")
def built_site(site_build: subprocess.CompletedProcess) -> Path:
    """The HTML of the real site (see ``site_build``)."""
    return Path(site_build.args[-1].removeprefix("BUILDDIR=")) / "html"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served over http on a free loopback port."""
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()
