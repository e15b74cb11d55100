"""The playground on the real site, in real Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playground_assets import PACKAGE_ARCHIVE
from playground_support import (
    EXAMPLES,
    Session,
    check_files,
    check_text,
    run_check,
    split_series,
)
from playwright.sync_api import Page, expect

SHORTLOG_CASE = EXAMPLES / "shortlog-case.patch"
CLEAN = EXAMPLES / "clean.patch"
SERIES = EXAMPLES / "series.mbox"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
CJK = re.compile(r"[\u4e00-\u9fff]")


def playground(session: Session, site_url: str, lang: str = "en") -> Page:
    session.page.goto(f"{site_url}handbook/{lang}/playground.html")
    return session.page


def finding(page: Page, rule: str):
    return page.locator(f'.patch-checker-results [data-rule="{rule}"]')


def test_bad_patch_in_english(session: Session, site_url: str) -> None:
    page = playground(session, site_url)
    outcome = check_text(page, SHORTLOG_CASE.read_text(encoding="utf-8"))
    assert outcome["summary"]["error"] >= 1
    found = finding(page, "shortlog-prefix-case")
    expect(found).to_have_count(1)
    assert found.get_attribute("data-severity") == "error"
    assert found.get_attribute("data-line") == "4"
    assert "KVM: VMX:" in found.locator(".patch-checker-message").inner_text()
    assert found.locator(".patch-checker-excerpt").inner_text().startswith("Subject: ")
    status = page.inner_text(".patch-checker-status")
    assert re.fullmatch(
        r"Done in \d+ ms: 1 patch, \d+ errors?, \d+ warnings?, \d+ info\.", status
    ), status
    link = found.locator("a.patch-checker-section")
    assert link.inner_text() == "Handbook: Shortlog"
    assert link.evaluate("a => a.href") == f"{site_url}handbook/en/maintainer-kvm-x86.html#shortlog"
    link.click()
    page.wait_for_url("**/handbook/en/maintainer-kvm-x86.html#shortlog")
    expect(page.locator("section#shortlog")).to_have_count(1)


def test_bad_patch_in_chinese(session: Session, site_url: str) -> None:
    page = playground(session, site_url, "zh_CN")
    check_text(page, SHORTLOG_CASE.read_text(encoding="utf-8"))
    found = finding(page, "shortlog-prefix-case")
    expect(found).to_have_count(1)
    assert found.locator(".patch-checker-badge").inner_text() == "错误"
    assert CJK.search(found.locator(".patch-checker-message").inner_text())
    assert page.inner_text(".patch-checker-status").startswith("完成，用时")
    checklist = page.locator(".patch-checker-checklist li")
    assert checklist.count() >= 1 and CJK.search(checklist.first.inner_text())
    link = found.locator("a.patch-checker-section")
    assert link.inner_text().startswith("手册：")
    href = link.evaluate("a => a.href")
    assert href == f"{site_url}handbook/zh_CN/maintainer-kvm-x86.html#shortlog"
    link.click()
    page.wait_for_url("**/handbook/zh_CN/maintainer-kvm-x86.html#shortlog")
    expect(page.locator("section#shortlog")).to_have_count(1)


def test_every_section_link_leads_to_a_section(session: Session, site_url: str) -> None:
    page = playground(session, site_url)
    outcome = run_check(page, lambda: page.click(".patch-checker button[data-action=check]"))
    assert outcome["ok"], outcome
    hrefs = page.eval_on_selector_all(
        ".patch-checker-results a.patch-checker-section", "links => links.map(a => a.href)"
    )
    assert hrefs
    for href in sorted(set(hrefs)):
        target, fragment = href.split("#")
        assert target.startswith(f"{site_url}handbook/en/"), href
        page.goto(href)
        assert page.locator(f'[id="{fragment}"]').count() == 1, href


def test_dropped_file_is_checked(session: Session, site_url: str) -> None:
    page = playground(session, site_url)
    text = SHORTLOG_CASE.read_text(encoding="utf-8")

    def drop() -> None:
        page.eval_on_selector(
            ".patch-checker textarea",
            """(box, text) => {
            const data = new DataTransfer();
            data.items.add(new File([text], "0001-kvm-vmx-fix.patch", {type: "text/x-patch"}));
            for (const type of ["dragenter", "dragover", "drop"]) {
                box.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true,
                                                       cancelable: true}));
            }
        }""",
            text,
        )

    outcome = run_check(page, drop)
    assert outcome["ok"], outcome
    expect(finding(page, "shortlog-prefix-case")).to_have_count(1)
    assert page.inner_text(".patch-checker-source") == "0001-kvm-vmx-fix.patch"
    assert page.input_value(".patch-checker textarea") == text
    # What was in the box before is one click away.
    restore = page.get_by_role("button", name="Put back the previous text")
    outcome = run_check(page, restore.click)
    assert outcome["ok"], outcome
    assert page.input_value(".patch-checker textarea") == SERIES.read_text(encoding="utf-8")
    expect(restore).to_be_hidden()


def test_clean_patch_shows_no_errors(session: Session, site_url: str) -> None:
    page = playground(session, site_url)
    outcome = check_text(page, CLEAN.read_text(encoding="utf-8"))
    assert outcome["summary"]["error"] == 0
    assert outcome["summary"]["warning"] == 0
    expect(page.locator('.patch-checker-results [data-severity="error"]')).to_have_count(0)
    expect(page.locator('.patch-checker-results [data-severity="warning"]')).to_have_count(0)
    expect(page.locator(".patch-checker-status")).to_contain_text("0 errors")


XSS_PATCH = """\
From 1111111111111111111111111111111111111111 Mon Sep 17 00:00:00 2001
From: Mallory <script>window.pwned = 'from'</script> <m@example.com>
Date: Tue, 4 Mar 2025 09:12:00 +0100
Subject: [PATCH] kvm: <img src=x onerror="pwned='img'"><script>pwned='subject'</script>

See <a href="javascript:window.pwned='link'">this</a> and javascript:window.pwned='bare'.
<svg onload="window.pwned='svg'"></svg>

Link: javascript:window.pwned='trailer'
---
 arch/x86/kvm/x86.c | 1 +
 1 file changed, 1 insertion(+)

diff --git a/arch/x86/kvm/x86.c b/arch/x86/kvm/x86.c
index 1111111111aa..2222222222bb 100644
--- a/arch/x86/kvm/x86.c
+++ b/arch/x86/kvm/x86.c
@@ -1,3 +1,4 @@
 #include <linux/kvm_host.h>
+/* <img src=y onerror="window.pwned='diff'"> */
 #include <linux/module.h>
 #include <linux/export.h>
"""


def test_html_in_the_input_stays_text(session: Session, site_url: str) -> None:
    page = playground(session, site_url)
    check_text(page, XSS_PATCH)
    results = page.locator(".patch-checker-results")
    assert page.evaluate("window.pwned") is None
    assert results.locator("img, script, svg, iframe, object").count() == 0
    # The subject is shown as the characters it is made of.
    assert "<script>pwned='subject'</script>" in results.inner_text()
    for href in results.locator("a").evaluate_all("links => links.map(a => a.href)"):
        assert urlsplit(href).scheme == "http" and href.startswith(f"{site_url}handbook/en/"), href
    for button in results.locator(".patch-checker-line").all():
        button.click()
    assert page.evaluate("window.pwned") is None


def test_the_patch_never_leaves_the_browser(
    session: Session,
    site_url: str,
    built_site: Path,
) -> None:
    marker = "Zq7MarkerNeverSent"
    text = SHORTLOG_CASE.read_text(encoding="utf-8").replace("posted interrupt", marker)
    page = playground(session, site_url)
    check_text(page, text)
    page.fill(".patch-checker textarea", text + "\n" + marker)
    page.wait_for_timeout(1500)  # the re-check after a pause in typing
    assert session.requests
    for request in session.requests:
        url = urlsplit(request.url)
        assert f"{url.scheme}://{url.netloc}/" == site_url, request.url
        assert request.method == "GET", request.url
        assert request.post_data is None
        assert marker not in request.url
        if url.path == "/favicon.ico":
            continue  # asked for by the browser itself, on every site
        assert (built_site / url.path.lstrip("/")).is_file(), request.url


def test_second_check_reuses_the_runtime(session: Session, site_url: str) -> None:
    page = playground(session, site_url)
    first = check_text(page, SHORTLOG_CASE.read_text(encoding="utf-8"))
    second = check_text(page, CLEAN.read_text(encoding="utf-8"))
    assert first["ok"] and second["ok"]
    for name in (*PYODIDE_FILES, "worker.js"):
        assert session.fetched(name) == 1, name
    assert session.fetched(PACKAGE_ARCHIVE) == 1


@pytest.mark.parametrize("page_name", ["index", "first-patch", "review-checklist"])
def test_pages_without_a_checker_load_none_of_it(
    session: Session, site_url: str, page_name: str
) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/{page_name}.html")
    page.wait_for_load_state("load")
    page.mouse.click(300, 300)
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    assert not [url for url in session.urls() if "patch-checker" in url or "pyodide" in url]
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 0


def test_hosted_under_a_sub_path(session: Session, subpath_site: str) -> None:
    page = playground(session, subpath_site)
    check_text(page, SHORTLOG_CASE.read_text(encoding="utf-8"))
    href = finding(page, "shortlog-prefix-case").locator("a").evaluate("a => a.href")
    assert href == f"{subpath_site}handbook/en/maintainer-kvm-x86.html#shortlog"
    for url in session.urls():
        if not url.endswith("/favicon.ico"):
            assert url.startswith(subpath_site), url


def test_without_javascript_it_explains_the_command_line(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}handbook/en/playground.html")
    fallback = page.locator(".patch-checker-fallback")
    expect(fallback).to_be_visible()
    expect(fallback).to_contain_text("kvmcheck")
    expect(fallback).to_contain_text("pip install")
    expect(page.locator(".patch-checker-form")).to_be_hidden()
    context.close()


def test_labels_keyboard_and_live_regions(session: Session, site_url: str) -> None:
    page = playground(session, site_url)
    expect(page.locator(".patch-checker-fallback")).to_be_hidden()
    box = page.get_by_label("Patch to check")
    expect(box).to_have_count(1)
    expect(page.get_by_role("button", name="Check", exact=True)).to_have_count(1)
    status = page.get_by_role("status")
    expect(status).to_have_count(1)
    box.fill(SHORTLOG_CASE.read_text(encoding="utf-8"))
    outcome = run_check(page, lambda: box.press("Control+Enter"))
    assert outcome["ok"], outcome
    expect(page.get_by_role("region", name="Results of the check")).to_have_count(1)
    # The summary is said in the live region, and focus moves there.
    expect(status).to_be_focused()
    expect(status).to_contain_text(re.compile(r"1 patch, \d+ errors?, \d+ warnings?"))
    # Meta+Enter (Cmd on a Mac) checks too.
    outcome = run_check(page, lambda: box.press("Meta+Enter"))
    assert outcome["ok"], outcome
    # Tab from the text box reaches the Check button, then the file picker.
    box.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "check"
    outcome = run_check(page, lambda: page.keyboard.press("Enter"))
    assert outcome["ok"], outcome
    expect(status).to_be_focused()
    # From the status, Tab walks through every control of the results shown:
    # the overview's links and filter, the reminders line (folded), each line
    # button and section link.
    wanted = page.eval_on_selector_all(
        ".patch-checker-results :is(button, a, input, summary)",
        """nodes => nodes.filter((node) => node.checkVisibility()).map((node, i) => {
            node.dataset.tabProbe = i; return i; })""",
    )
    assert len(wanted) >= 2
    reached = []
    for _ in range(len(wanted)):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.dataset.tabProbe ?? null"))
    assert reached == [str(i) for i in wanted]


def test_a_typing_pause_leaves_focus_in_the_box(session: Session, site_url: str) -> None:
    page = playground(session, site_url)
    box = page.locator(".patch-checker textarea")
    outcome = run_check(page, lambda: box.type(" "))
    assert outcome["ok"], outcome
    expect(box).to_be_focused()


def test_clicking_a_line_selects_it_in_the_box(session: Session, site_url: str) -> None:
    page = playground(session, site_url)
    text = SHORTLOG_CASE.read_text(encoding="utf-8")
    check_text(page, text)
    finding(page, "shortlog-prefix-case").locator(".patch-checker-line").click()
    selected = page.eval_on_selector(
        ".patch-checker textarea", "box => box.value.slice(box.selectionStart, box.selectionEnd)"
    )
    assert selected == text.splitlines()[3]
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"


def test_lines_of_picked_files_map_into_the_box(
    session: Session, site_url: str, tmp_path: Path
) -> None:
    parts = split_series(tmp_path)
    page = playground(session, site_url)
    check_files(page, parts)
    box_lines = page.input_value(".patch-checker textarea").splitlines()
    # Patch 2 of the posting is 1/2, the second file.
    buttons = page.locator(".patch-checker-patch[data-patch='2'] .patch-checker-line")
    assert buttons.count() >= 1
    buttons.first.click()
    line = int(buttons.first.locator("xpath=ancestor::li").get_attribute("data-line"))
    selected = page.eval_on_selector(
        ".patch-checker textarea", "box => box.value.slice(box.selectionStart, box.selectionEnd)"
    )
    assert selected == parts[1].read_text(encoding="utf-8").splitlines()[line - 1]
    assert selected in box_lines


def test_typing_pause_rechecks(session: Session, site_url: str) -> None:
    page = playground(session, site_url)
    check_text(page, CLEAN.read_text(encoding="utf-8"))
    expect(finding(page, "shortlog-prefix-case")).to_have_count(0)
    box = page.locator(".patch-checker textarea")

    def edit() -> None:
        box.focus()
        box.press("Control+Home")
        for _ in range(3):
            box.press("ArrowDown")
        box.press("Home")
        box.press("Shift+End")
        page.keyboard.type("Subject: [PATCH] kvm: vmx: fix a typo")

    outcome = run_check(page, edit)
    assert outcome["ok"], outcome
    expect(finding(page, "shortlog-prefix-case")).to_have_count(1)


def test_dark_theme_and_no_policy_violations(browser, site_url: str) -> None:
    context = browser.new_context()
    context.add_init_script("""
        localStorage.setItem("theme", "dark");
        window.violations = [];
        document.addEventListener("securitypolicyviolation",
                                  (event) => window.violations.push(event.violatedDirective));
    """)
    page = context.new_page()
    page.goto(f"{site_url}handbook/en/playground.html")
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    # The theme's inline script ran: the policy allows it by hash.
    assert page.evaluate("document.body.dataset.theme") == "dark"
    check_text(page, SHORTLOG_CASE.read_text(encoding="utf-8"))
    assert page.evaluate("window.violations") == []
    colours = page.evaluate("""() => {
        const value = (node, prop) => getComputedStyle(node)[prop];
        const body = getComputedStyle(document.body);
        return {
            checker: value(document.querySelector('.patch-checker'), 'backgroundColor'),
            box: value(document.querySelector('.patch-checker textarea'), 'backgroundColor'),
            text: value(document.querySelector('.patch-checker-message'), 'color'),
            secondary: body.getPropertyValue('--color-background-secondary').trim(),
        };
    }""")
    assert luminance(colours["checker"]) < 0.2
    assert luminance(colours["box"]) < 0.2
    assert luminance(colours["text"]) > 0.6
    context.close()


def luminance(css_colour: str) -> float:
    red, green, blue = (int(v) for v in re.findall(r"\d+", css_colour)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def test_readable_on_a_phone(browser, site_url: str) -> None:
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    page = context.new_page()
    page.goto(f"{site_url}handbook/en/playground.html")
    outcome = run_check(page, lambda: page.tap(".patch-checker button[data-action=check]"))
    assert outcome["ok"], outcome
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box = page.locator(".patch-checker textarea").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360
    context.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_shortlog_section_embeds_the_example(session: Session, site_url: str, lang: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/{lang}/maintainer-kvm-x86.html")
    checker = "section#shortlog .patch-checker"
    assert page.input_value(f"{checker} textarea") == SHORTLOG_CASE.read_text(encoding="utf-8")
    outcome = run_check(page, lambda: page.click(f"{checker} button[data-action=check]"), checker)
    assert outcome["ok"], outcome
    expect(page.locator(f'{checker} [data-rule="shortlog-prefix-case"]')).to_have_count(1)


def test_bad_input_gets_a_clear_message_and_stays(session: Session, site_url: str) -> None:
    page = playground(session, site_url)
    box = ".patch-checker textarea"
    page.fill(box, "   \n")
    page.click(".patch-checker button[data-action=check]")
    expect(page.locator(".patch-checker-status")).to_have_text("Paste a patch first.")
    # Too big for the browser: said so, the text kept, nothing loaded.
    page.eval_on_selector(box, "box => { box.value = 'x'.repeat(5 * 1024 * 1024); }")
    page.click(".patch-checker button[data-action=check]")
    expect(page.locator(".patch-checker-status")).to_contain_text("5.0 MB")
    assert page.eval_on_selector(box, "box => box.value.length") == 5 * 1024 * 1024
    # A binary file: refused by the page before it replaces the text.
    binary = bytes(range(256)) * 8

    def drop_binary() -> None:
        page.eval_on_selector(
            box,
            """(box, bytes) => {
            const data = new DataTransfer();
            data.items.add(new File([new Uint8Array(bytes)], "photo.png"));
            box.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true,
                                                     cancelable: true}));
        }""",
            list(binary),
        )

    drop_binary()
    expect(page.locator(".patch-checker-status")).to_contain_text("photo.png is not a text file")
    assert page.eval_on_selector(box, "box => box.value.length") == 5 * 1024 * 1024
    # Control characters typed or pasted: kvmcheck's own finding says what
    # was expected.
    check_text(page, "\x01\x02\x03\x04 not text\n" * 8)
    expect(finding(page, "input-unrecognized")).to_have_count(1)
    expect(finding(page, "input-unrecognized")).to_contain_text("binary data")


def test_a_series_looks_like_a_series(session: Session, site_url: str, tmp_path: Path) -> None:
    parts = split_series(tmp_path)
    page = playground(session, site_url)
    check_files(page, parts)
    titles = page.locator(".patch-checker-patch .patch-checker-group-title").all_inner_texts()
    assert titles == ["Cover letter", "Patch 1/2", "Patch 2/2"]
    # Every line button selects the line of the file its finding is about.
    sources = {path.name: path.read_text(encoding="utf-8").splitlines() for path in parts}
    buttons = page.locator(".patch-checker-results .patch-checker-line")
    assert buttons.count() >= 2
    for index in range(buttons.count()):
        button = buttons.nth(index)
        item = button.locator("xpath=ancestor::li[1]")
        source = button.locator("xpath=ancestor::section[1]").get_attribute("data-source")
        line = int(item.get_attribute("data-line"))
        button.click()
        selected = page.eval_on_selector(
            ".patch-checker textarea",
            "box => box.value.slice(box.selectionStart, box.selectionEnd)",
        )
        assert selected == sources[source][line - 1], (source, line)


def test_chinese_series_titles(session: Session, site_url: str) -> None:
    page = playground(session, site_url, "zh_CN")
    outcome = run_check(page, lambda: page.click(".patch-checker button[data-action=check]"))
    assert outcome["ok"], outcome
    titles = page.locator(".patch-checker-patch .patch-checker-group-title").all_inner_texts()
    assert titles == ["封面邮件", "补丁 1/2", "补丁 2/2"]


def test_too_large_clears_the_previous_findings(session: Session, site_url: str) -> None:
    page = playground(session, site_url)
    check_text(page, SHORTLOG_CASE.read_text(encoding="utf-8"))
    assert page.locator(".patch-checker-results [data-rule]").count() >= 1
    box = ".patch-checker textarea"
    page.eval_on_selector(box, "box => { box.value = 'x'.repeat(5 * 1024 * 1024); }")
    page.click(".patch-checker button[data-action=check]")
    expect(page.locator(".patch-checker-status")).to_contain_text("5.0 MB")
    expect(page.locator(".patch-checker-results [data-rule]")).to_have_count(0)
    expect(page.locator(".patch-checker button[data-action=fix]")).to_be_hidden()
