"""The playground's share links: a patch carried in a URL fragment.

One format, written here and read by ``playground/web/share.js``: the
fragment is ``#check=`` followed by the patch's UTF-8 bytes, compressed with
raw DEFLATE (RFC 1951, what the browser's ``CompressionStream("deflate-raw")``
writes) and encoded as base64url without padding (RFC 4648, section 5).
Browsers never send the fragment to the server, so the patch stays on the
reader's machine.  The build uses :func:`fragment` for the handbook's "open
in the playground" links.

Both readers take the same links and refuse the same ones: a fragment of at
most :data:`MAX_FRAGMENT_CHARS` characters, base64url characters only, one
complete DEFLATE stream with nothing after it, inflating to at most
:data:`MAX_TEXT_BYTES` of valid UTF-8.  A fragment that looks like a share
link of another format (``#check2=``) is refused with a reason, not ignored.
"""

from __future__ import annotations

import base64
import zlib

from kvmcheck import lazy_re

PREFIX = "check="
# Longer links break in mail clients, chat tools and some browsers' address
# bars; a patch that needs more is better attached than linked.
MAX_FRAGMENT_CHARS = 32_000
# What a link may inflate to: the playground's input limit (MAX_BYTES in
# playground/web/patch-checker.js), the most it would check.  DEFLATE
# inflates up to a thousandfold, so 32,000 characters could carry 24 MB.
MAX_TEXT_BYTES = 4 * 1024 * 1024
# "check=", or a name like it ("check2=") that a reader must not ignore.
_SHARE_LIKE = lazy_re.compile(r"check[A-Za-z0-9_-]*=")
_BASE64URL = lazy_re.compile(r"[A-Za-z0-9_-]*")


class ShareError(ValueError):
    """A fragment that is not a share link, or a patch too large to share."""


def fragment(text: str) -> str:
    """The fragment (without ``#``) that opens ``text`` in the playground."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = compressor.compress(text.encode("utf-8")) + compressor.flush()
    encoded = PREFIX + base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")
    if len(encoded) > MAX_FRAGMENT_CHARS:
        raise ShareError(
            f"the link would be {len(encoded)} characters (at most {MAX_FRAGMENT_CHARS})"
        )
    return encoded


def is_share_fragment(fragment_text: str) -> bool:
    """Whether a fragment (with or without ``#``) is meant as a share link:
    ``check=``, or another ``check…=`` that :func:`text_of` then refuses."""
    return _SHARE_LIKE.match(fragment_text.removeprefix("#")) is not None


def text_of(fragment_text: str) -> str:
    """The patch a fragment (with or without ``#``) carries."""
    body = fragment_text.removeprefix("#")
    if not body.startswith(PREFIX):
        if is_share_fragment(body):
            raise ShareError("a link of another format than check=")
        raise ShareError("not a playground link")
    if len(body) > MAX_FRAGMENT_CHARS:
        raise ShareError(f"the link is longer than {MAX_FRAGMENT_CHARS} characters")
    data = body[len(PREFIX) :]
    if not _BASE64URL.fullmatch(data) or len(data) % 4 == 1:
        raise ShareError("the link is damaged: not base64url")
    packed = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    inflater = zlib.decompressobj(-15)
    try:
        raw = inflater.decompress(packed, MAX_TEXT_BYTES + 1)
    except zlib.error as error:
        raise ShareError(f"the link is damaged: {error}") from None
    if len(raw) > MAX_TEXT_BYTES:
        raise ShareError(f"the patch is larger than {MAX_TEXT_BYTES >> 20} MiB")
    if not inflater.eof or inflater.unused_data:
        raise ShareError("the link is damaged: not one complete DEFLATE stream")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ShareError(f"the link is damaged: {error}") from None
