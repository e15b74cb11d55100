"""The playground reports what ``kvmcheck --format json`` reports, input by input."""

from __future__ import annotations

from pathlib import Path

import pytest
from playground_support import (
    EXAMPLES,
    Session,
    check_files,
    check_text,
    cli_result,
    corpus_patches,
    per_patch,
    shown_findings,
    split_series,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def inputs(tmp_path: Path) -> list[list[Path]]:
    """Each entry is one posting: the files given together to both."""
    singles = [
        *sorted(EXAMPLES.iterdir()),
        *corpus_patches("kvm-x86", 8),
        *corpus_patches("other-kernel", 3),
        *corpus_patches("kvm-unit-tests", 3),
    ]
    return [[path] for path in singles] + [split_series(tmp_path)]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_picked_files_get_the_command_line_findings(session: Session, site_url: str,
                                                    tmp_path: Path, lang: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/{lang}/playground.html")
    mismatches = []
    for paths in inputs(tmp_path):
        outcome = check_files(page, paths)
        expected = cli_result(paths, lang)
        if shown_findings(page) != per_patch(expected) or outcome["summary"] != expected[
                "summary"]:
            mismatches.append((
                [path.name for path in paths], shown_findings(page), per_patch(expected)))
    assert not mismatches


def test_pasted_text_gets_the_command_line_findings(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    for path in sorted(EXAMPLES.iterdir()):
        outcome = check_text(page, path.read_text(encoding="utf-8"))
        expected = cli_result([path])
        assert shown_findings(page) == per_patch(expected), path.name
        assert outcome["summary"] == expected["summary"], path.name
        messages = page.eval_on_selector_all(
            ".patch-checker-patch .patch-checker-message", "nodes => nodes.map(n => n.textContent)")
        assert messages == [f["message"] for p in expected["patches"] for f in p["findings"]]
