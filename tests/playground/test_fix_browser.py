"""Fix and Undo on the real site, in real Chromium: kvmcheck.fix in the browser."""

from __future__ import annotations

import re
from pathlib import Path

from playground_support import EXAMPLES, Session, check_files, check_text, run_check
from playwright.sync_api import Page, expect

from kvmcheck.fix import fix_text

SHORTLOG_CASE = EXAMPLES / "shortlog-case.patch"
CLEAN = EXAMPLES / "clean.patch"


def press(page: Page, action: str) -> dict:
    outcome = run_check(page, lambda: page.click(f".patch-checker button[data-action={action}]"))
    assert outcome["ok"], outcome
    return outcome


def box(page: Page) -> str:
    return page.input_value(".patch-checker textarea")


def test_fix_then_undo(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    text = SHORTLOG_CASE.read_text(encoding="utf-8")
    check_text(page, text)
    fixable = page.locator('.patch-checker-results [data-rule="shortlog-prefix-case"]')
    expect(fixable.locator(".patch-checker-fixable")).to_have_text("fixable")
    expected, count = fix_text(text, "pasted.patch")
    assert count >= 1 and expected != text
    press(page, "fix")
    # The box holds what kvmcheck --fix prints, and the page says how much
    # it fixed, then checks the fixed text.
    assert box(page) == expected
    status = page.locator(".patch-checker-status")
    expect(status).to_contain_text(re.compile(rf"^Fixed {count} findings?\. Done in"))
    expect(fixable).to_have_count(0)
    expect(page.locator(".patch-checker button[data-action=fix]")).to_be_hidden()
    press(page, "undo")
    assert box(page) == text
    expect(fixable).to_have_count(1)
    expect(page.locator(".patch-checker button[data-action=undo]")).to_be_hidden()


def test_no_fix_offered_for_a_clean_patch(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    check_text(page, CLEAN.read_text(encoding="utf-8"))
    expect(page.locator(".patch-checker button[data-action=fix]")).to_be_hidden()


def test_undo_brings_back_picked_files(session: Session, site_url: str, tmp_path: Path) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/zh_CN/playground.html")
    picked = tmp_path / "0001-kvm-vmx-fix.patch"
    picked.write_text(SHORTLOG_CASE.read_text(encoding="utf-8"), encoding="utf-8")
    check_files(page, [picked])
    before = box(page)
    press(page, "fix")
    expect(page.locator(".patch-checker-status")).to_contain_text("已修正")
    assert box(page) != before
    press(page, "undo")
    assert box(page) == before
    # The file is checked as a file again: its name is back on its findings.
    expect(page.locator(".patch-checker-source")).to_have_text(picked.name)


def test_editing_after_a_fix_keeps_the_edit(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    check_text(page, SHORTLOG_CASE.read_text(encoding="utf-8"))
    press(page, "fix")
    textarea = page.locator(".patch-checker textarea")
    outcome = run_check(page, lambda: textarea.type("my own words"))
    assert outcome["ok"], outcome
    # Undo would throw the reader's typing away: it is no longer offered.
    expect(page.locator(".patch-checker button[data-action=undo]")).to_be_hidden()
    assert "my own words" in box(page)
