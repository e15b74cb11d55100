"""Triage of a check's findings in real Chromium on the built site: a summary
with counts per patch and links, a severity filter, the reminders for every
posting folded into one line, and "line N" shown in the text box."""

from __future__ import annotations

import re

import pytest
from playground_support import EXAMPLES, Session, cli_result, run_check
from playwright.sync_api import Page, expect

from kvmcheck import rules
from kvmcheck.registry import SERIES

SERIES_MBOX = EXAMPLES / "series.mbox"
REMINDERS = ["base-commit-missing", "selftests-missing"]
WORDS = {
    "en": {
        "status": re.compile(
            r"Done in \d+ ms: 2 patches and a cover letter, 1 error, "
            r"\d+ warnings, \d+ info\."
        ),
        "summary": "Summary of the findings",
        "reminders": "Reminders for every posting: base-commit-missing, selftests-missing",
        "counts": re.compile(r"\d+ errors?, \d+ warnings?, \d+ info"),
        "warnings": "warnings",
    },
    "zh_CN": {
        "status": re.compile(
            r"完成，用时 \d+ 毫秒：2 个补丁和 1 封封面邮件，1 个错误，"
            r"\d+ 个警告，\d+ 条提示。"
        ),
        "summary": "检查结果概览",
        "reminders": "每次投递都要注意：base-commit-missing, selftests-missing",
        "counts": re.compile(r"\d+ 个错误, \d+ 个警告, \d+ 条提示"),
        "warnings": "警告",
    },
}


def checked_series(session: Session, site_url: str, lang: str) -> Page:
    """The playground with its example series (cover letter and 2 patches) checked."""
    page = session.page
    page.goto(f"{site_url}handbook/{lang}/playground.html")
    outcome = run_check(page, lambda: page.click(".patch-checker button[data-action=check]"))
    assert outcome["ok"], outcome
    return page


def test_reminders_are_the_info_rules_about_the_whole_posting() -> None:
    """What the page folds (its data-reminders, from kvmcheck.rules.REMINDERS)."""
    assert list(rules.REMINDERS) == REMINDERS
    for rule in REMINDERS:
        assert (rules.RULES[rule].target, rules.RULES[rule].severity) == (SERIES, "info")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_summary_counts_per_patch_and_links_to_each(
    session: Session, site_url: str, lang: str
) -> None:
    page = checked_series(session, site_url, lang)
    # The cover letter is not a patch.
    expect(page.locator(".patch-checker-status")).to_have_text(WORDS[lang]["status"])
    summary = page.get_by_role("navigation", name=WORDS[lang]["summary"])
    items = summary.locator(".patch-checker-summary-patches li")
    expect(items).to_have_count(3)
    for index in range(3):
        item = items.nth(index)
        number = item.get_attribute("data-patch")
        section = page.locator(f'.patch-checker-patch[data-patch="{number}"]')
        # The counts are those of the findings shown under the patch.
        shown = section.locator("li[data-severity]")
        found = {
            severity: shown.and_(page.locator(f'[data-severity="{severity}"]')).count()
            for severity in ("error", "warning", "info")
        }
        counts = item.locator(".patch-checker-summary-counts").inner_text()
        assert WORDS[lang]["counts"].fullmatch(counts), counts
        assert [int(n) for n in re.findall(r"\d+", counts)] == list(found.values())
    # A link goes to its patch's findings, and focus with it.
    items.nth(2).locator("a").click()
    last = page.locator('.patch-checker-patch[data-patch="3"]')
    expect(last).to_be_focused()
    expect(last).to_be_in_viewport()
    assert "#" not in page.url


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_reminders_for_every_posting_fold_into_one_line(
    session: Session, site_url: str, lang: str
) -> None:
    # kvmcheck does report them, once per patch …
    reported = [
        f["rule"]
        for patch in cli_result([SERIES_MBOX], lang)["patches"]
        for f in patch["findings"]
        if f["rule"] in REMINDERS
    ]
    assert sorted(set(reported)) == REMINDERS
    page = checked_series(session, site_url, lang)
    # … and the page says them once, in one line that opens to the details.
    for rule in REMINDERS:
        expect(page.locator(f'.patch-checker-patch [data-rule="{rule}"]')).to_have_count(0)
    folded = page.locator(".patch-checker-reminders")
    expect(folded.locator("summary")).to_have_text(WORDS[lang]["reminders"])
    expect(folded.locator("li[data-reminder]")).to_have_count(2)
    expect(folded.locator("li[data-reminder]").first).to_be_hidden()
    folded.locator("summary").click()
    expect(folded.locator("li[data-reminder]").first).to_be_visible()
    expect(folded.locator("a.patch-checker-section")).to_have_count(2)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_severity_filter_hides_and_shows(session: Session, site_url: str, lang: str) -> None:
    page = checked_series(session, site_url, lang)
    results = page.locator(".patch-checker-results")
    warnings = results.locator('li[data-severity="warning"]')
    errors = results.locator('li[data-severity="error"]')
    assert warnings.count() >= 2 and errors.count() == 1
    box = page.get_by_role("checkbox", name=WORDS[lang]["warnings"], exact=True)
    box.uncheck()
    for index in range(warnings.count()):
        expect(warnings.nth(index)).to_be_hidden()
    expect(errors).to_be_visible()
    # A re-check (a pause in typing) keeps the choice.
    page.locator(".patch-checker textarea").focus()
    page.keyboard.press("Control+End")
    outcome = run_check(page, lambda: page.keyboard.type("\n"))
    assert outcome["ok"], outcome
    expect(
        page.get_by_role("checkbox", name=WORDS[lang]["warnings"], exact=True)
    ).not_to_be_checked()
    expect(results.locator('li[data-severity="warning"]').first).to_be_hidden()
    page.get_by_role("checkbox", name=WORDS[lang]["warnings"], exact=True).check()
    expect(results.locator('li[data-severity="warning"]').first).to_be_visible()


# Where the selected line of the text box is drawn, in the viewport.
SELECTED_LINE_BOX = """box => {
    const style = getComputedStyle(box);
    const lineHeight = parseFloat(style.lineHeight);
    const index = box.value.slice(0, box.selectionStart).split('\\n').length - 1;
    const rect = box.getBoundingClientRect();
    const top = rect.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop)
        + index * lineHeight - box.scrollTop;
    return {top, bottom: top + lineHeight, boxTop: rect.top, boxBottom: rect.bottom};
}"""


def settle(page: Page) -> None:
    """Wait for the theme's smooth scrolling to end (scrollY still for 300 ms)."""
    last = None
    for _ in range(50):
        now = page.evaluate("scrollY")
        if now == last:
            return
        last = now
        page.wait_for_timeout(300)
    raise AssertionError("the page kept scrolling")


def test_line_n_shows_the_line_clear_of_the_back_to_top_pill(
    session: Session, site_url: str
) -> None:
    page = session.page
    page.set_viewport_size({"width": 1280, "height": 800})
    page = checked_series(session, site_url, "en")
    # The box just at the top of the window, reached by scrolling up: the
    # theme shows its "Back to top" pill there.
    page.evaluate("""() => window.scrollBy({behavior: 'instant', top:
        document.querySelector('.patch-checker textarea').getBoundingClientRect().top + 100})""")
    page.mouse.move(640, 400)
    page.mouse.wheel(0, -98)
    settle(page)
    pill = page.locator(".back-to-top")
    expect(pill).to_be_visible()
    button = page.locator(".patch-checker-patch .patch-checker-line").first
    # Pressed where it is (a click through Playwright would scroll to it first).
    button.evaluate("node => node.click()")
    settle(page)
    line = page.eval_on_selector(".patch-checker textarea", SELECTED_LINE_BOX)
    height = page.evaluate("innerHeight")
    assert line["top"] >= 0 and line["bottom"] <= height, line
    assert line["boxTop"] <= line["top"] and line["bottom"] <= line["boxBottom"], line
    if pill.is_visible():
        below = pill.bounding_box()["y"] + pill.bounding_box()["height"]
        assert line["boxTop"] >= below, (line, below)
    selected = page.eval_on_selector(
        ".patch-checker textarea", "box => box.value.slice(box.selectionStart, box.selectionEnd)"
    )
    number = int(button.locator("xpath=ancestor::li[1]").get_attribute("data-line"))
    assert selected == page.input_value(".patch-checker textarea").split("\n")[number - 1]
    assert selected.strip()
