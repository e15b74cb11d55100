"""Input that is not a patch, on the real site in real Chromium: a binary file
refused before it touches the box, text without a patch's marks named as
such, a diffstat and a folded Subject read right."""

from __future__ import annotations

import base64

import pytest
from playground_support import EXAMPLES, Session, check_text
from playwright.sync_api import Page, expect

SHORTLOG_CASE = (EXAMPLES / "shortlog-case.patch").read_text(encoding="utf-8")
# A 1x1 PNG, as a screenshot dropped by mistake would start.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJ"
    "RU5ErkJggg=="
)
POEM = "Roses are red,\nviolets are blue,\nthis is a poem\nand not a patch for you.\n"


def playground(session: Session, site_url: str, lang: str) -> Page:
    session.page.goto(f"{site_url}handbook/{lang}/playground.html")
    return session.page


def finding(page: Page, rule: str):
    return page.locator(f'.patch-checker-results [data-rule="{rule}"]')


def drop(page: Page, name: str, data: bytes, kind: str) -> None:
    page.eval_on_selector(
        ".patch-checker textarea",
        """(box, [name, bytes, kind]) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], name, {type: kind}));
        for (const type of ["dragenter", "dragover", "drop"]) {
            box.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true,
                                                   cancelable: true}));
        }
    }""",
        [name, list(data), kind],
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "screenshot.png is not a text file (it looks like an image or other binary data), "
            "so it was not opened and the text box is unchanged. Open a .patch, .mbox or .eml "
            "file.",
        ),
        (
            "zh_CN",
            "screenshot.png 不是文本文件（看起来是图片或其他二进制数据），因此没有打开，"
            "文本框中的内容保持不变。请打开 .patch、.mbox 或 .eml 文件。",
        ),
    ],
)
def test_a_dropped_image_never_reaches_the_box(
    session: Session, site_url: str, lang: str, said: str
) -> None:
    page = playground(session, site_url, lang)
    mine = SHORTLOG_CASE.replace("posted interrupt", "my own words")
    page.fill(".patch-checker textarea", mine)
    # Watch every value the box takes, not only the last one.
    page.eval_on_selector(
        ".patch-checker textarea",
        """box => {
        window.seen = [];
        const own = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value");
        Object.defineProperty(box, "value", {
            get() { return own.get.call(this); },
            set(text) { window.seen.push(text); own.set.call(this, text); },
        });
    }""",
    )
    drop(page, "screenshot.png", PNG, "image/png")
    status = page.locator(".patch-checker-status")
    expect(status).to_have_text(said)
    assert page.locator(".patch-checker").get_attribute("data-state") == "error"
    assert page.input_value(".patch-checker textarea") == mine
    assert page.evaluate("window.seen") == []
    expect(page.locator(".patch-checker button[data-action=restore]")).to_be_hidden()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "it does not look like a patch"),
        ("zh_CN", "看起来不是补丁"),
    ],
)
def test_a_poem_is_said_to_be_no_patch(
    session: Session, site_url: str, lang: str, words: str
) -> None:
    page = playground(session, site_url, lang)
    check_text(page, POEM)
    found = finding(page, "input-not-a-patch")
    expect(found).to_have_count(1)
    expect(found.locator(".patch-checker-message")).to_contain_text(words)
    expect(found).to_have_attribute("data-severity", "warning")


def test_a_pasted_diffstat_is_no_shortlog(session: Session, site_url: str) -> None:
    page = playground(session, site_url, "en")
    # What a reader copies from a patch below its "---".
    pasted = SHORTLOG_CASE[SHORTLOG_CASE.index("\n---\n") + len("\n---\n") :]
    assert pasted.startswith(" arch/x86/kvm/vmx/posted_intr.c | 2 +-\n")
    check_text(page, pasted)
    # Checked as the diff it is: no subject made of the diffstat, nothing
    # said about a shortlog.
    expect(page.locator(".patch-checker-subject")).to_have_count(0)
    expect(page.locator(".patch-checker-results")).not_to_contain_text("posted_intr.c |")
    expect(page.locator(".patch-checker-clean")).to_have_text("No findings.")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_folded_subject_is_quoted_whole(session: Session, site_url: str, lang: str) -> None:
    page = playground(session, site_url, lang)
    folded = SHORTLOG_CASE.replace(
        "Subject: [PATCH] kvm: vmx: fix a typo in the posted interrupt wakeup comment",
        "Subject: [PATCH] kvm: vmx: fix a typo in the posted interrupt\n wakeup comment",
    )
    check_text(page, folded)
    excerpt = finding(page, "shortlog-prefix-case").locator(".patch-checker-excerpt")
    expect(excerpt).to_have_text(
        "Subject: [PATCH] kvm: vmx: fix a typo in the posted interrupt wakeup comment"
    )
