"""The playground's share links: a patch carried in a URL fragment.

One format, written here and read by ``playground/web/share.js``: the
fragment is ``#check=`` followed by the patch's UTF-8 bytes, compressed with
raw DEFLATE (RFC 1951, what the browser's ``CompressionStream("deflate-raw")``
writes) and encoded as base64url without padding (RFC 4648, section 5).
Browsers never send the fragment to the server, so the patch stays on the
reader's machine.  The build uses :func:`fragment` for the handbook's "open
in the playground" links.
"""

from __future__ import annotations

import base64
import zlib

PREFIX = "check="
# Longer links break in mail clients, chat tools and some browsers' address
# bars; a patch that needs more is better attached than linked.
MAX_FRAGMENT_CHARS = 32_000


class ShareError(ValueError):
    """A fragment that is not a share link, or a patch too large to share."""


def fragment(text: str) -> str:
    """The fragment (without ``#``) that opens ``text`` in the playground."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = compressor.compress(text.encode("utf-8")) + compressor.flush()
    encoded = PREFIX + base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")
    if len(encoded) > MAX_FRAGMENT_CHARS:
        raise ShareError(f"the link would be {len(encoded)} characters "
                         f"(at most {MAX_FRAGMENT_CHARS})")
    return encoded


def text_of(fragment_text: str) -> str:
    """The patch a fragment (with or without ``#``) carries."""
    body = fragment_text.removeprefix("#")
    if not body.startswith(PREFIX):
        raise ShareError("not a playground link")
    data = body[len(PREFIX):]
    try:
        packed = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
        return zlib.decompress(packed, -15).decode("utf-8")
    except (ValueError, zlib.error) as error:
        raise ShareError(f"the link is damaged: {error}") from None
