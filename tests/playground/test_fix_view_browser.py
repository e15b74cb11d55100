"""What Fix did, on the real site in real Chromium: the diff, fixing one
finding, undo (the page's and the text box's own), copy and download."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playground_support import EXAMPLES, Session, check_text, run_check
from playwright.sync_api import Page, expect

from kvmcheck.fix import fix_report, fix_text
from kvmcheck.rules._examples import diff, patch

SHORTLOG_CASE = (EXAMPLES / "shortlog-case.patch").read_text(encoding="utf-8")
SERIES = (EXAMPLES / "series.mbox").read_text(encoding="utf-8")


def box(page: Page) -> str:
    return page.input_value(".patch-checker textarea")


def press(page: Page, selector: str) -> dict:
    outcome = run_check(page, lambda: page.click(selector))
    assert outcome["ok"], outcome
    return outcome


def test_ctrl_z_after_fix_gives_back_the_exact_text(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    check_text(page, SHORTLOG_CASE)
    press(page, ".patch-checker button[data-action=fix]")
    assert box(page) == fix_text(SHORTLOG_CASE, "pasted.patch")[0]
    outcome = run_check(page, lambda: page.keyboard.press("Control+z"))
    assert outcome["ok"], outcome
    # Not the fixed text with the old one appended: the text as it was.
    assert box(page) == SHORTLOG_CASE
    assert outcome["summary"]["patches"] == 1
    # The box changed under the fix: its view and Undo go.
    expect(page.locator(".patch-checker-fix-view")).to_be_hidden()
    expect(page.locator(".patch-checker button[data-action=undo]")).to_be_hidden()
    # And redo gives the fix back.
    page.keyboard.press("Control+y")
    assert box(page) == fix_text(SHORTLOG_CASE, "pasted.patch")[0]


def test_undo_button_then_ctrl_z_redoes_the_fix(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    check_text(page, SHORTLOG_CASE)
    press(page, ".patch-checker button[data-action=fix]")
    fixed = box(page)
    press(page, ".patch-checker button[data-action=undo]")
    assert box(page) == SHORTLOG_CASE
    # The page's Undo is an edit of the box too: Ctrl+Z takes it back.
    page.focus(".patch-checker textarea")
    page.keyboard.press("Control+z")
    assert box(page) == fixed


# Spaces that kvmcheck turns into a tab: the diff has to show them.
INDENTED = patch(
    subject="kvm: vmx: reject unknown indices in kvm_get_foo()",
    diffs=diff(path="arch/x86/kvm/vmx/vmx.c", added="        return -EINVAL;"),
)
INDENTED_NAME = "0001-KVM-VMX-Reject-unknown-indices-in-kvm_get_foo.patch"


def drawn(diff_text: str) -> str:
    """A unified diff as the page draws it: white space of changed lines shown."""
    lines = []
    for line in diff_text.split("\n"):
        if line[:1] in "+-" and not line.startswith(("+++", "---")):
            line = line.replace(" ", "·").replace("\t", "→")
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("lang", "title", "download"),
    [
        ("en", "What the fix changed", f"Download {INDENTED_NAME}"),
        ("zh_CN", "自动修正做了哪些改动", f"下载 {INDENTED_NAME}"),
    ],
)
def test_fix_shows_the_diff_and_offers_the_result(
    session: Session, site_url: str, lang: str, title: str, download: str
) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/{lang}/playground.html")
    check_text(page, INDENTED)
    press(page, ".patch-checker button[data-action=fix]")
    view = page.locator(".patch-checker-fix-view")
    expect(view.locator(".patch-checker-group-title")).to_have_text(title)
    report = fix_report(INDENTED, "pasted.patch")
    shown = view.locator(".patch-checker-diff").text_content()
    assert shown == drawn(report.diff)
    assert "\n-+········return·-EINVAL;\n++→return·-EINVAL;\n" in shown
    expect(view.locator(".patch-checker-fix-legend")).to_contain_text("·")
    link = view.locator("a[download]")
    expect(link).to_have_text(download)
    with page.expect_download() as caught:
        link.click()
    saved = caught.value
    assert saved.suggested_filename == INDENTED_NAME
    assert Path(saved.path()).read_text(encoding="utf-8") == report.text == box(page)
    apply = view.locator(".patch-checker-fix-apply")
    expect(apply).to_contain_text("git am 00*.patch")
    expect(apply).to_contain_text("kvmcheck --fix-inplace 00*.patch")


def test_a_series_downloads_as_its_patches(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    check_text(page, SERIES)
    press(page, ".patch-checker button[data-action=fix]")
    report = fix_report(SERIES, "pasted.patch")
    links = page.locator(".patch-checker-fix-view a[download]")
    assert links.evaluate_all("links => links.map((a) => a.download)") == [
        p.name for p in report.patches
    ]
    assert len(report.patches) == 3


def test_fix_this_one_fixes_only_that_finding(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/zh_CN/playground.html")
    check_text(page, SHORTLOG_CASE)
    finding = page.locator('.patch-checker-results [data-rule="shortlog-prefix-case"]')
    button = finding.locator("button.patch-checker-fix-one")
    expect(button).to_have_text("只修正这一处")
    press(
        page,
        '.patch-checker-results [data-rule="shortlog-prefix-case"] button.patch-checker-fix-one',
    )
    assert box(page) == fix_text(SHORTLOG_CASE, "pasted.patch", only=("shortlog-prefix-case", 4))[0]
    assert "Subject: [PATCH] KVM: VMX: fix a typo" in box(page)
    expect(finding).to_have_count(0)
    expect(
        page.locator('.patch-checker-results [data-rule="shortlog-capitalization"]')
    ).to_have_count(1)
    expect(page.locator(".patch-checker-status")).to_contain_text(re.compile("^已修正 1 处问题"))
    press(page, ".patch-checker button[data-action=undo]")
    assert box(page) == SHORTLOG_CASE


def test_copy_fixed_text(browser, site_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site_url}handbook/en/playground.html")
    check_text(page, SHORTLOG_CASE)
    press(page, ".patch-checker button[data-action=fix]")
    page.click(".patch-checker button[data-action=copy-fixed]")
    expect(page.locator(".patch-checker-status")).to_have_text("The fixed text is copied.")
    assert page.evaluate("navigator.clipboard.readText()") == box(page)
    context.close()
