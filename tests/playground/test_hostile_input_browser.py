"""Hostile input in the playground, in real Chromium (issue 18): dropped
files decoded as the command line decodes them, Fix keeping every
character, escaped bidi overrides, and share links read by the same rules
as kvmcheck.share."""

from __future__ import annotations

import base64
import zlib
from pathlib import Path

import pytest
from playground_support import (
    EXAMPLES,
    Session,
    check_files,
    cli_result,
    per_patch,
    run_check,
    shown_findings,
)
from playwright.sync_api import Page, expect

from kvmcheck.fix import fix_text
from kvmcheck.share import MAX_FRAGMENT_CHARS, MAX_TEXT_BYTES, PREFIX, ShareError, text_of

SHORTLOG_CASE = EXAMPLES / "shortlog-case.patch"


def box(page: Page) -> str:
    return page.input_value(".patch-checker textarea")


def press_fix(page: Page) -> None:
    outcome = run_check(page, lambda: page.click(".patch-checker button[data-action=fix]"))
    assert outcome["ok"], outcome


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe\x00\x00", "utf-32-le")],
    ids=["utf-16-le", "utf-16-be", "utf-32-le"],
)
def test_a_utf16_file_reads_and_fixes_as_on_the_command_line(
    session: Session, site_url: str, tmp_path: Path, bom: bytes, codec: str
) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    text = SHORTLOG_CASE.read_text(encoding="utf-8").replace("Spell", "Spëll 中文", 1)
    dropped = tmp_path / "0001-utf16.patch"
    dropped.write_bytes(bom + text.encode(codec))
    check_files(page, [dropped])
    assert box(page) == text
    assert shown_findings(page) == per_patch(cli_result([dropped]))
    expect(page.locator('[data-rule="shortlog-prefix-case"] .patch-checker-fixable')).to_have_count(
        1
    )
    press_fix(page)
    assert box(page) == fix_text(text, dropped.name)[0]


def test_latin1_letters_survive_the_fix(session: Session, site_url: str, tmp_path: Path) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    text = SHORTLOG_CASE.read_text(encoding="utf-8")
    assert text.isascii()
    text = text.replace("Signed-off-by: ", "Signed-off-by: Jörg Müller ", 1)
    dropped = tmp_path / "0001-latin1.patch"
    dropped.write_bytes(text.encode("latin-1"))
    check_files(page, [dropped])
    assert box(page) == text
    press_fix(page)
    fixed = box(page)
    assert "Jörg Müller" in fixed and "\ufffd" not in fixed
    assert fixed == fix_text(text, dropped.name)[0]


def test_bidi_overrides_in_messages_and_subjects_are_escaped(
    session: Session, site_url: str
) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    text = SHORTLOG_CASE.read_text(encoding="utf-8")
    text = text.replace("Signed-off-by:", 'Fixes: 12345678 ("evil\u202eoof")\nSigned-off-by:', 1)
    page.fill(".patch-checker textarea", text)
    outcome = run_check(page, lambda: page.click(".patch-checker button[data-action=check]"))
    assert outcome["ok"], outcome
    message = page.locator('[data-rule="fixes-tag-format"] .patch-checker-message')
    expect(message).to_contain_text('("evil\\u202eoof")')
    assert "\u202e" not in page.inner_text(".patch-checker-results")


def _raw(data: bytes) -> str:
    return PREFIX + base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _deflated(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _fragments() -> list[str]:
    """Links good and bad, for both readers."""
    good = _raw(_deflated(b"KVM: x86: Fix foo\n"))
    return [
        good,
        good.replace("check=", "check2="),
        good + "+/",
        good + " ",
        PREFIX + "A",
        _raw(_deflated(b"x" * (MAX_TEXT_BYTES + 1))),
        _raw(_deflated(b"KVM") + b"junk"),
        _raw(_deflated(b"KVM: x86: Fix foo")[:-3]),
        _raw(_deflated(b"\xff\xfe")),
        PREFIX + "A" * MAX_FRAGMENT_CHARS,
        _raw(_deflated(b"\n" * MAX_TEXT_BYTES)),
    ]


def _python_reads(fragment: str) -> str | None:
    try:
        return text_of(fragment)
    except ShareError:
        return None


def test_share_links_are_read_by_the_rules_python_reads_them_by(
    session: Session, site_url: str
) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    browser = page.evaluate(
        """async (fragments) => {
        const url = performance.getEntriesByType("resource").map((e) => e.name)
            .find((name) => name.endsWith("/share.js"));
        const share = await import(url);
        const out = [];
        for (const fragment of fragments) {
            if (!share.isShareHash("#" + fragment)) {
                out.push("ignored");
                continue;
            }
            try {
                const text = await share.textOf("#" + fragment);
                out.push(text.length > 64 ? `${text.length} characters` : text);
            } catch (error) {
                out.push(error instanceof share.ShareError ? null : `other: ${error}`);
            }
        }
        return out;
    }""",
        _fragments(),
    )
    python = []
    for fragment in _fragments():
        text = _python_reads(fragment)
        python.append(text if text is None or len(text) <= 64 else f"{len(text)} characters")
    assert browser == python
    assert python[0] == "KVM: x86: Fix foo\n" and python[-1] == f"{MAX_TEXT_BYTES} characters"


def test_a_link_of_another_format_is_said(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(f"{site_url}handbook/en/playground.html")
    before = box(page)
    other = _raw(_deflated(b"KVM: x86: Fix foo\n")).replace("check=", "check2=")
    page.goto(f"{site_url}handbook/en/playground.html#{other}")
    expect(page.locator(".patch-checker-status")).to_contain_text("could not be read")
    assert box(page) == before
