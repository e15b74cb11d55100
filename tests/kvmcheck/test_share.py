"""The share-link format (kvmcheck.share), shared by the build and the browser."""

from __future__ import annotations

import base64
import random
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvmcheck.share import (
    MAX_FRAGMENT_CHARS,
    MAX_TEXT_BYTES,
    PREFIX,
    ShareError,
    fragment,
    is_share_fragment,
    text_of,
)


@given(st.text(max_size=2000))
def test_round_trip(text: str) -> None:
    assert text_of(fragment(text)) == text
    assert text_of("#" + fragment(text)) == text


def test_fragment_is_url_safe_and_unpadded() -> None:
    encoded = fragment("KVM: x86: Fix foo\n" * 50 + "\u6d4b\u8bd5")
    body = encoded.removeprefix(PREFIX)
    assert encoded.startswith(PREFIX)
    assert set(body) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    # Compression pays: 50 repeated lines take far fewer characters.
    assert len(encoded) < 200


def test_too_large_to_share() -> None:
    incompressible = base64.b64encode(random.Random(0).randbytes(40_000)).decode()
    with pytest.raises(ShareError, match="at most"):
        fragment(incompressible)
    assert MAX_FRAGMENT_CHARS == 32_000


@pytest.mark.parametrize("bad", ["", "#", "#other=abc", "check=!!!!", "check=AAAA"])
def test_damaged_or_foreign_fragments(bad: str) -> None:
    with pytest.raises(ShareError):
        text_of(bad)


def _raw(data: bytes) -> str:
    """A check= fragment carrying ``data`` as raw DEFLATE, however made."""
    return PREFIX + base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _deflated(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (fragment("KVM: x86: Fix foo").replace("check=", "check2="), "another format"),
        (fragment("KVM: x86: Fix foo") + "+/", "not base64url"),
        (fragment("KVM: x86: Fix foo")[:-1] + " " + fragment("x")[-1:], "not base64url"),
        (PREFIX + "A", "not base64url"),
        (_raw(_deflated(b"x" * (MAX_TEXT_BYTES + 1))), "larger than 4 MiB"),
        (_raw(_deflated(b"KVM") + b"junk"), "not one complete DEFLATE stream"),
        (_raw(_deflated(b"KVM: x86: Fix foo")[:-3]), "damaged"),
        (_raw(_deflated(b"\xff\xfe")), "damaged"),
        (PREFIX + "A" * MAX_FRAGMENT_CHARS, "longer than 32000 characters"),
    ],
)
def test_links_the_browser_refuses_are_refused(bad: str, reason: str) -> None:
    """One rule set with share.js (tests/playground/test_share_browser.py
    reads the same links in the page)."""
    with pytest.raises(ShareError, match=reason):
        text_of(bad)
    assert is_share_fragment(bad) == bad.startswith("check")


def test_a_link_of_the_largest_size_still_reads() -> None:
    text = "\n" * MAX_TEXT_BYTES
    link = _raw(_deflated(text.encode()))
    assert len(link) <= MAX_FRAGMENT_CHARS
    assert text_of(link) == text
