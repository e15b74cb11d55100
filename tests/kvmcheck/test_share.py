"""The share-link format (kvmcheck.share), shared by the build and the browser."""

from __future__ import annotations

import base64
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvmcheck.share import MAX_FRAGMENT_CHARS, PREFIX, ShareError, fragment, text_of


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
