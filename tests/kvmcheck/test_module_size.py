"""No module of the kvmcheck package is over 500 lines (issue 20): a module
that grows past it holds more than one job and is split by theme, as
rules/shortlog*.py, messages/zh_CN/ and parser/ are."""

from __future__ import annotations

from pathlib import Path

import kvmcheck

PACKAGE = Path(kvmcheck.__file__).resolve().parent
MAX_LINES = 500


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_500_lines() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 40  # the package itself, not an empty folder
    over = {
        str(path.relative_to(PACKAGE)): line_count(path)
        for path in modules
        if line_count(path) > MAX_LINES
    }
    assert over == {}
