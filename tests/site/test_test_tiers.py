"""The suite's tiers: markers follow what a test uses, and `make check`
leaves out exactly the costly ones."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TIERS = ("site", "browser", "kernel", "sphinx", "big", "package", "pyodide")
# A plugin that prints every collected test with the tier markers it got.
LISTING = f"""
def pytest_collection_finish(session):
    for item in session.items:
        marks = sorted({{m.name for m in item.iter_markers()}} & {set(TIERS)!r})
        print("TEST", item.nodeid, ",".join(marks), sep="\\t")
"""


def collected(tmp_path: Path, *options: str) -> dict[str, set[str]]:
    """Node id → tier markers, of what ``pytest --collect-only`` selects."""
    (tmp_path / "tier_listing.py").write_text(LISTING, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "tier_listing",
            *options,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    tests = {}
    for line in result.stdout.splitlines():
        if line.startswith("TEST\t"):
            _, node, marks = line.split("\t")
            tests[node] = set(filter(None, marks.split(",")))
    return tests


@pytest.fixture(scope="module")
def every_test(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    return collected(tmp_path_factory.mktemp("tiers"))


@pytest.mark.parametrize(
    ("marker", "uses", "plain"),
    [
        # a fixture that builds the whole site
        ("site", "tests/site/test_handbook_site.py::test_", "tests/site/test_catalogs.py::"),
        # a fixture that launches Chromium, through other fixtures
        (
            "browser",
            "tests/playground/test_share_browser.py::",
            "tests/playground/test_directive.py::",
        ),
        # a helper module (kernel_tree) that imports kernel_source
        ("kernel", "tests/site/test_first_patch_commands.py::", "tests/site/test_catalogs.py::"),
        # a fixture of a conftest (playground's build_project) from a helper module
        ("sphinx", "tests/playground/test_directive.py::", "tests/kvmcheck/test_rules_tags.py::"),
        # the hang-detector fixture and the scaling shapes
        (
            "big",
            "tests/kvmcheck/test_kvmcheck_robustness.py::test_huge_lines_finish",
            "tests/kvmcheck/test_kvmcheck_robustness.py::test_random_bytes",
        ),
        # the fixture that builds the distributions
        (
            "package",
            "tests/kvmcheck/test_packaging.py::test_wheel",
            "tests/kvmcheck/test_packaging.py::test_changelog",
        ),
        # a helper module that starts Pyodide in Node.js
        (
            "pyodide",
            "tests/playground/test_playground_stdlib_trace.py::",
            "tests/playground/test_playground_stdlib.py::",
        ),
    ],
)
def test_marker_follows_what_the_test_uses(
    every_test: dict[str, set[str]], marker: str, uses: str, plain: str
) -> None:
    marked = [node for node, marks in every_test.items() if marker in marks]
    assert any(node.startswith(uses) for node in marked), f"no {uses}* marked {marker}"
    assert not any(node.startswith(plain) for node in marked), f"{plain}* marked {marker}"


def test_make_check_runs_the_fast_tests_only(
    every_test: dict[str, set[str]], tmp_path: Path
) -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    selection = re.search(r"^FAST_TESTS := (.+)$", makefile, re.MULTILINE)
    assert selection, "the Makefile names no FAST_TESTS selection"
    fast = collected(tmp_path, "-m", selection.group(1))
    assert set(fast) == {node for node, marks in every_test.items() if not marks}
    assert any(node.startswith("tests/kvmcheck/test_rules_tags.py::") for node in fast)


def test_no_test_sets_a_tier_marker_by_hand() -> None:
    """A hand-set tier marker drifts from what the test uses: conftest sets them."""
    by_hand = re.compile(r"pytest\.mark\.(?:" + "|".join(TIERS) + r")\b")
    offenders = [
        str(path.relative_to(REPO))
        for path in sorted((REPO / "tests").rglob("*.py"))
        if ".cache" not in path.parts and by_hand.search(path.read_text("utf-8"))
    ]
    assert offenders == []
