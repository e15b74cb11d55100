"""Fixtures shared by the whole suite, and the markers of its tiers.

Every test is marked by what it uses, worked out here at collection time, so
a marker cannot drift from the test: a fixture it asks for (directly or
through other fixtures) or a helper module of tests/ its module imports
(directly or through other helpers). ``make check`` deselects the costly
ones; ``make test`` runs everything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest
from chromium import CHROMIUM, launch
from hypothesis import settings
from local_server import served

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent

# marker: (what it means, the fixtures and the helper modules that bring it)
TIERS: dict[str, tuple[str, frozenset[str], frozenset[str]]] = {
    "site": (
        "builds the whole site with make htmldocs",
        frozenset({"built_site"}),
        frozenset({"checkout_copy"}),
    ),
    "browser": (
        "drives Debian's Chromium through Playwright",
        frozenset({"browser"}),
        frozenset({"chromium"}),
    ),
    "kernel": (
        "reads or builds in Debian's linux-source-6.12 tree",
        frozenset(),
        frozenset({"kernel_source"}),
    ),
    "sphinx": ("builds a small Sphinx project", frozenset(), frozenset({"sphinx_project"})),
    "big": (
        "checks megabyte inputs (work, memory, hangs)",
        frozenset({"finishes"}),
        frozenset({"scaling_shapes"}),
    ),
    "package": ("builds the sdist and the wheel", frozenset({"built_distributions"}), frozenset()),
    "pyodide": ("runs kvmcheck in Pyodide under Node.js", frozenset(), frozenset({"pyodide_node"})),
}


# Property tests: 200 examples each in `make test`; `make check` (the fast
# loop) sets HYPOTHESIS_PROFILE=check for a quick sample of each.
settings.register_profile("full", max_examples=200)
settings.register_profile("check", max_examples=20)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "full"))


def pytest_configure(config: pytest.Config) -> None:
    for marker, (meaning, _, _) in TIERS.items():
        config.addinivalue_line("markers", f"{marker}: {meaning} (set by tests/conftest.py)")


def _helpers_used(namespace: dict[str, object], seen: set[str]) -> set[str]:
    """The helper modules of tests/ that a module with these globals uses,
    through other helpers too."""
    for value in namespace.values():
        name = (
            value.__name__ if isinstance(value, ModuleType) else getattr(value, "__module__", None)
        )
        # Conftests share the module name "conftest": they are reached through
        # the fixtures they define (_namespaces_of), never by name.
        if not isinstance(name, str) or name in seen or name.startswith(("conftest", "test_")):
            continue
        helper = sys.modules.get(name)
        path = getattr(helper, "__file__", None)
        if helper is None or path is None or not Path(path).is_relative_to(TESTS):
            continue
        seen.add(name)
        _helpers_used(vars(helper), seen)
    return seen


def _namespaces_of(item: pytest.Item) -> list[dict[str, object]]:
    """The globals of the test's module and of the modules (conftests
    included) that define the fixtures it uses."""
    namespaces = [vars(item.module)] if getattr(item, "module", None) else []
    fixture_info = getattr(item, "_fixtureinfo", None)
    for definitions in getattr(fixture_info, "name2fixturedefs", {}).values():
        namespaces += [getattr(d.func, "__globals__", {}) for d in definitions]
    return namespaces


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    helpers_of: dict[int, set[str]] = {}
    for item in items:
        helpers: set[str] = set()
        for namespace in _namespaces_of(item):
            if id(namespace) not in helpers_of:
                helpers_of[id(namespace)] = _helpers_used(namespace, set())
            helpers |= helpers_of[id(namespace)]
        fixtures = set(getattr(item, "fixturenames", ()))
        for marker, (_, by_fixture, by_helper) in TIERS.items():
            if fixtures & by_fixture or helpers & by_helper:
                item.add_marker(marker)


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
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1200,
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
