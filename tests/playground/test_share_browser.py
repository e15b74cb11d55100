"""Share links on the real site, in real Chromium: the patch travels in the fragment."""

from __future__ import annotations

import random
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from local_server import served
from playground_support import EXAMPLES, LOAD_TIMEOUT_MS, Session, run_check
from playwright.sync_api import Page, Route, expect

from kvmcheck.share import MAX_FRAGMENT_CHARS, PREFIX, fragment

SHORTLOG_CASE = EXAMPLES / "shortlog-case.patch"
# Run before the page's own scripts: the outcome of the check a link starts.
FIRST_OUTCOME = """
window.firstOutcome = new Promise((resolve) => {
    document.addEventListener("patch-checker:done",
        (event) => resolve({ok: true, ...event.detail}), {once: true});
    document.addEventListener("patch-checker:failed",
        (event) => resolve({ok: false, ...event.detail}), {once: true});
    setTimeout(() => resolve({ok: false, state: "no outcome"}), LIMIT);
});
""".replace("LIMIT", str(LOAD_TIMEOUT_MS))


@pytest.fixture
def logged_site(built_site: Path) -> Iterator[tuple[str, list[str]]]:
    """The site on its own server, with the request line of every request it got."""
    requests: list[str] = []
    with served(built_site, requests) as url:
        yield url, requests


def make_link(page: Page) -> str:
    page.click(".patch-checker button[data-action=share]")
    link = page.locator(".patch-checker [data-share-link]")
    expect(link).to_be_visible()
    return link.input_value()


def open_link(session: Session, link: str) -> tuple[Page, dict]:
    """Open a share link in a new tab; the check it starts must give a result."""
    page = session.context.new_page()
    page.add_init_script(FIRST_OUTCOME)
    page.goto(link)
    return page, page.evaluate("window.firstOutcome")


def test_a_link_opens_the_patch_and_checks_it(
    session: Session, logged_site: tuple[str, list[str]]
) -> None:
    url, requests = logged_site
    page = session.page
    page.goto(f"{url}handbook/en/playground.html")
    marker = "Zq7SharedMarker"
    text = SHORTLOG_CASE.read_text(encoding="utf-8").replace("posted interrupt", marker)
    page.fill(".patch-checker textarea", text)
    link = make_link(page)
    assert link.startswith(f"{url}handbook/en/playground.html#{PREFIX}")
    assert "\n" not in link and len(link.split("#", 1)[1]) <= MAX_FRAGMENT_CHARS
    shared, outcome = open_link(session, link)
    assert outcome["ok"], outcome
    assert shared.input_value(".patch-checker textarea") == text
    expect(
        shared.locator('.patch-checker-results [data-rule="shortlog-prefix-case"]')
    ).to_have_count(1)
    # What the server saw: page loads and assets, never the patch.
    assert requests
    for line in requests:
        assert PREFIX not in line and marker not in line, line
        assert "#" not in line, line


def test_a_link_written_by_python_opens(session: Session, site_url: str) -> None:
    text = SHORTLOG_CASE.read_text(encoding="utf-8")
    link = f"{site_url}handbook/zh_CN/playground.html#{fragment(text)}"
    page, outcome = open_link(session, link)
    assert outcome["ok"], outcome
    assert page.input_value(".patch-checker textarea") == text
    expect(page.locator('.patch-checker-results [data-rule="shortlog-prefix-case"]')).to_have_count(
        1
    )
    # Focus is on the outcome of the check the link started.
    assert page.evaluate("document.activeElement.classList.contains('patch-checker-status')")


def test_a_link_from_the_page_reads_in_python(session: Session, site_url: str) -> None:
    from kvmcheck.share import text_of

    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    text = "Subject: [PATCH] KVM: x86: Wörk ünïcode 中文 \U0001f600\n\n+\tfoo();\n"
    page.fill(".patch-checker textarea", text)
    assert text_of(make_link(page).split("#", 1)[1]) == text


def test_too_large_to_share_is_said(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    # Random letters barely compress: well past the limit as a link.
    noise = "".join(random.Random(8).choices(string.ascii_letters, k=2 * MAX_FRAGMENT_CHARS))
    page.fill(".patch-checker textarea", noise)
    page.click(".patch-checker button[data-action=share]")
    offer = page.locator(".patch-checker-offer")
    said = (
        "This patch is too large to share as a link: compressed, it needs more than "
        f"{MAX_FRAGMENT_CHARS:,} characters. Send the file instead. Download it as patches.mbox"
    )
    expect(offer).to_have_text(said)
    expect(page.locator(".patch-checker [data-share-link]")).to_be_hidden()
    # The check that typing started ends in the status line; what Share
    # said stays beside its download.
    expect(page.locator(".patch-checker")).to_have_attribute(
        "data-state", "done", timeout=LOAD_TIMEOUT_MS
    )
    expect(offer).to_have_text(said)
    # Just under the limit for Python is a link for the page too.
    fits = noise[: MAX_FRAGMENT_CHARS * 3 // 4 - 200]
    fragment(fits)
    page.fill(".patch-checker textarea", fits)
    assert len(make_link(page).split("#", 1)[1]) <= MAX_FRAGMENT_CHARS
    expect(offer).to_be_hidden()


def test_python_ready_later_keeps_what_the_reader_was_told(browser, site_url: str) -> None:
    # Python loads while the reader works; its "ready" must not replace
    # what the reader was just told. The package download is held back
    # until the message is on screen, then let through.
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    held: list[Route] = []
    page.route("**/kvmcheck.zip", lambda route: held.append(route))
    page.goto(f"{site_url}handbook/en/playground.html")
    make_link(page)
    page.click(".patch-checker button[data-action=copy]")
    status = page.locator(".patch-checker-status")
    expect(status).to_contain_text("Link copied.")
    checker = page.locator(".patch-checker")
    expect(checker).to_have_attribute("data-state", "loading")
    deadline = LOAD_TIMEOUT_MS // 100
    while not held and deadline:
        page.wait_for_timeout(100)
        deadline -= 1
    assert held, "the package was never requested"
    for route in held:
        route.continue_()
    expect(checker).to_have_attribute("data-state", "ready", timeout=LOAD_TIMEOUT_MS)
    expect(status).to_contain_text("Link copied.")
    context.close()


def test_a_damaged_link_is_said_and_the_box_kept(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    before = page.input_value(".patch-checker textarea")
    page.goto(f"{site_url}handbook/en/playground.html#{PREFIX}not*base64")
    expect(page.locator(".patch-checker-status")).to_contain_text("could not be read")
    assert page.input_value(".patch-checker textarea") == before


def test_editing_hides_a_stale_link(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    make_link(page)
    outcome = run_check(page, lambda: page.locator(".patch-checker textarea").type("x"))
    assert outcome["ok"], outcome
    expect(page.locator(".patch-checker [data-share-link]")).to_be_hidden()


def test_copy_puts_the_link_on_the_clipboard(browser, site_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site_url}handbook/en/playground.html")
    link = make_link(page)
    page.click(".patch-checker button[data-action=copy]")
    expect(page.locator(".patch-checker-status")).to_contain_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == link
    context.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_handbook_examples_open_in_the_playground(
    session: Session, site_url: str, lang: str
) -> None:
    from kvmcheck.share import text_of

    page = session.page
    page.goto(f"{site_url}handbook/{lang}/maintainer-kvm-x86.html")
    links = page.locator(f'a[href*="playground.html#{PREFIX}"]')
    assert links.count() >= 1
    href = links.first.evaluate("a => a.href")
    assert href.startswith(f"{site_url}handbook/{lang}/playground.html#")
    shared, outcome = open_link(session, href)
    assert outcome["ok"], outcome
    assert shared.input_value(".patch-checker textarea") == text_of(href.split("#", 1)[1])


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "This link is longer than 32,000 characters, longer than any link the playground "
            "makes, so it was not opened.",
        ),
        ("zh_CN", "这个链接超过 32,000 个字符，比本页能生成的任何分享链接都长，因此没有打开。"),
    ],
)
def test_an_over_long_link_is_refused_before_decoding(
    session: Session, site_url: str, lang: str, said: str
) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/{lang}/playground.html")
    before = page.input_value(".patch-checker textarea")
    # Any decoding would fail on the "*": only the length can refuse it first.
    body = "*" + "A" * MAX_FRAGMENT_CHARS
    page.evaluate("hash => { location.hash = hash; }", PREFIX + body)
    expect(page.locator(".patch-checker-status")).to_have_text(said)
    assert page.input_value(".patch-checker textarea") == before


def bomb(size: int) -> str:
    """A link to `size` bytes of one letter: a few kilobytes of DEFLATE."""
    import base64
    import zlib

    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = compressor.compress(b"a" * size) + compressor.flush()
    return PREFIX + base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "The patch in this link unpacks to more than 4 MB, more than the playground "
            "checks, so it was not opened.",
        ),
        ("zh_CN", "链接中的补丁解压后超过 4 MB，超出在线检查的上限，因此没有打开。"),
    ],
)
def test_a_link_that_unpacks_too_far_is_stopped(
    session: Session, site_url: str, lang: str, said: str
) -> None:
    page = session.page
    # Count what the page's stream readers hand out: the inflated bytes.
    page.add_init_script("""
        window.inflated = 0;
        const read = ReadableStreamDefaultReader.prototype.read;
        ReadableStreamDefaultReader.prototype.read = async function () {
            const chunk = await read.call(this);
            window.inflated += chunk.value ? chunk.value.byteLength : 0;
            return chunk;
        };
    """)
    page.goto(f"{site_url}handbook/{lang}/playground.html")
    before = page.input_value(".patch-checker textarea")
    # 20 MB behind a link under the length cap: inflating stops after 4 MB.
    link = bomb(20 * 1024 * 1024)
    assert len(link) <= MAX_FRAGMENT_CHARS
    page.evaluate("hash => { location.hash = hash; }", link)
    expect(page.locator(".patch-checker-status")).to_have_text(said)
    assert page.input_value(".patch-checker textarea") == before
    # Stopped, not read to the end.
    inflated = page.evaluate("window.inflated")
    assert 4 * 1024 * 1024 < inflated < 5 * 1024 * 1024, inflated


def test_just_under_the_size_limit_opens(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    link = bomb(4 * 1024 * 1024)
    outcome = run_check(page, lambda: page.evaluate("hash => { location.hash = hash; }", link))
    # Opened and checked: the limit is the playground's input limit, no less.
    assert outcome["ok"], outcome
    assert len(page.input_value(".patch-checker textarea")) == 4 * 1024 * 1024


@pytest.mark.parametrize(
    ("lang", "why", "label"),
    [
        ("en", "Send the file instead.", "Download it as patches.mbox"),
        (
            "zh_CN",
            f"压缩后仍超过 {MAX_FRAGMENT_CHARS:,} 个字符。请直接发送补丁文件。",
            "下载为 patches.mbox",
        ),
    ],
)
def test_a_series_too_large_to_link_downloads_as_mbox(
    session: Session, site_url: str, lang: str, why: str, label: str
) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/{lang}/playground.html")
    noise = "".join(random.Random(8).choices(string.ascii_letters, k=2 * MAX_FRAGMENT_CHARS))
    page.fill(".patch-checker textarea", noise)
    page.click(".patch-checker button[data-action=share]")
    expect(page.locator(".patch-checker-offer")).to_contain_text(f"{why} {label}")
    offer = page.locator(".patch-checker-offer a[download]")
    expect(offer).to_have_text(label)
    with page.expect_download() as caught:
        offer.click()
    assert caught.value.suggested_filename == "patches.mbox"
    assert Path(caught.value.path()).read_text(encoding="utf-8") == noise
    # Editing makes the offer stale: it goes.
    page.locator(".patch-checker textarea").press("End")
    page.keyboard.type("x")
    expect(offer).to_have_count(0)
