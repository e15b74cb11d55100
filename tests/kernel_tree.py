"""Pytest access to the cached 6.12 tree (``kernel_source``) and its build tools.

A newcomer's machine may lack the build tools or the package lists to fetch
the kernel source: the tests that need them skip with the reason. In CI
(``CI=true``) the Makefile has installed everything, so the same reasons fail
the test instead of hiding a check that did not run.
"""

from __future__ import annotations

import os
from pathlib import Path

import config_recipes
import kernel_source
import pytest


def unavailable(reason: str) -> None:
    """Skip with ``reason``, or fail in CI, where the check must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"in CI this check must run: {reason}")
    pytest.skip(reason)


def tree() -> Path:
    """The cached partial 6.12 tree, fetched on first use."""
    try:
        return kernel_source.tree()
    except kernel_source.KernelSourceUnavailable as reason:
        unavailable(str(reason))
        raise  # unreachable: unavailable() skips or fails


def build_tools() -> None:
    """Make sure the tools ``make olddefconfig`` needs are installed."""
    if missing := config_recipes.missing_tools():
        unavailable(f"{', '.join(missing)} not installed (make kernel-build-deps installs them)")
