"""Fixtures of the playground tests: servers, browser sessions, a small project.

The real site comes from ``built_site`` (tests/conftest.py, a real
``make htmldocs``), the browser from ``browser`` there too (Debian's
Chromium; the tests that need it are skipped only when it is absent).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from local_server import served
from playground_support import Session, build_project

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="session")
def subpath_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of the same site hosted under /sub/path/ (a symlink on disk)."""
    root = tmp_path_factory.mktemp("subpath")
    (root / "sub").mkdir()
    (root / "sub" / "path").symlink_to(built_site, target_is_directory=True)
    with served(root) as url:
        yield url + "sub/path/"


@pytest.fixture
def session(browser: Browser) -> Iterator[Session]:
    """A fresh browser context (nothing cached) recording its requests."""
    context = browser.new_context()
    page = context.new_page()
    recorded = Session(context, page)
    context.on("request", lambda request: recorded.requests.append(request))
    page.on("pageerror", lambda error: recorded.errors.append(str(error)))
    yield recorded
    context.close()


# Pages the real site does not have: several checkers on one page, a
# checker with a 1 ms time limit, a page without any.
CHECKER_PROJECT_PAGES = {
    "index": """\
Checker project
===============

.. toctree::

   two
   runaway
   huge
   plain
   handbook/zh_CN/check
""",
    "two": """\
Two checkers
============

.. patch-checker::
   :example: shortlog-case
   :rows: 7

.. patch-checker::
""",
    "runaway": """\
A checker with a tiny time limit
================================

.. patch-checker::
   :timeout: 1

And one with the default limit:

.. patch-checker::
""",
    "huge": """\
A checker with time for a huge input
====================================

.. patch-checker::
   :timeout: 600000
""",
    "plain": "No checker\n==========\n\nJust text.\n",
    "handbook/zh_CN/check": """\
检查
====

.. patch-checker::
   :example: clean
""",
}


@pytest.fixture(scope="session")
def checker_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built HTML of the small project."""
    root = tmp_path_factory.mktemp("checker-project")
    result = build_project(root, CHECKER_PROJECT_PAGES)
    assert result.returncode == 0, result.stderr
    return root / "_build" / "html"


@pytest.fixture(scope="session")
def checker_project_url(checker_project: Path) -> Iterator[str]:
    with served(checker_project) as url:
        yield url
