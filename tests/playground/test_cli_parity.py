"""The playground reports what ``kvmcheck --format json`` reports, input by input."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playground_support import (
    EXAMPLES,
    Session,
    check_files,
    check_text,
    cli_result,
    corpus_patches,
    per_patch,
    reminders,
    shown_findings,
    shown_reminders,
    split_series,
)

from kvmcheck.rules import REMINDERS

if TYPE_CHECKING:
    from playwright.sync_api import Page


def mismatches(page: Page, postings: list[list[Path]], lang: str) -> list[tuple]:
    """Each posting (the files given together) where page and CLI disagree."""
    found = []
    for paths in postings:
        outcome = check_files(page, paths)
        expected = cli_result(paths, lang)
        if (
            shown_findings(page) != per_patch(expected)
            or shown_reminders(page) != reminders(expected)
            or outcome["summary"] != expected["summary"]
        ):
            found.append(([path.name for path in paths], shown_findings(page), per_patch(expected)))
    return found


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_picked_files_get_the_command_line_findings(
    session: Session, site_url: str, tmp_path: Path, lang: str
) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/{lang}/playground.html")
    postings = [[path] for path in sorted(EXAMPLES.iterdir())] + [split_series(tmp_path)]
    assert not mismatches(page, postings, lang)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_picked_real_patches_get_the_command_line_findings(
    session: Session, site_url: str, lang: str
) -> None:
    real = [
        *corpus_patches("kvm-x86", 8),
        *corpus_patches("other-kernel", 3),
        *corpus_patches("kvm-unit-tests", 3),
    ]
    page = session.page
    page.goto(f"{site_url}handbook/{lang}/playground.html")
    assert not mismatches(page, [[path] for path in real], lang)


def test_pasted_text_gets_the_command_line_findings(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    for path in sorted(EXAMPLES.iterdir()):
        outcome = check_text(page, path.read_text(encoding="utf-8"))
        expected = cli_result([path])
        assert shown_findings(page) == per_patch(expected), path.name
        assert shown_reminders(page) == reminders(expected), path.name
        assert outcome["summary"] == expected["summary"], path.name
        messages = page.eval_on_selector_all(
            ".patch-checker-patch .patch-checker-message", "nodes => nodes.map(n => n.textContent)"
        )
        assert messages == [
            f["message"]
            for p in expected["patches"]
            for f in p["findings"]
            if f["rule"] not in REMINDERS
        ]
        said = page.eval_on_selector_all(
            ".patch-checker-reminders [data-reminder]",
            "nodes => nodes.map(n => n.firstChild.textContent)",
        )
        assert said == list(
            dict.fromkeys(
                f["message"]
                for p in expected["patches"]
                for f in p["findings"]
                if f["rule"] in REMINDERS
            )
        )
