"""Raw input to text and lines: decoding, binary and HTML detection, line splitting."""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence

from kvmcheck import lazy_re
from kvmcheck.input_lines import InputLines, texts_of
from kvmcheck.model import Line

# White space other than a lone space: a run, or a tab or other space character.
_ODD_SPACE = lazy_re.compile(r"\s{2,}|[^\S ]")
# A saved web page (the lore.kernel.org page instead of its raw message).
_HTML = lazy_re.compile(r"\s*<(?:!DOCTYPE\s+html|html)\b", re.IGNORECASE)

# Share of control characters above which input is taken for binary data.
_BINARY_CONTROL_SHARE = 0.01
_CONTROL_CHARS = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f") | {"\x7f"}
# Every byte but those of the control characters: what bytes.translate deletes.
_NOT_CONTROL = bytes(byte for byte in range(256) if chr(byte) not in _CONTROL_CHARS)


def to_text(data: str | bytes) -> tuple[str | None, str | None]:
    """Decode input to text, or say why it is not text."""
    text, problem, _ = decode_input(data)
    return text, problem


def decode_input(data: str | bytes) -> tuple[str | None, str | None, bool]:
    """What :func:`to_text` gives, and whether a byte order mark was taken
    off the text: only then could checking that text again as input give
    another (a second mark taken off, a control character share just over
    the bound once the text is a character shorter)."""
    if isinstance(data, bytes):
        text = _decode_by_bom(data)
        if text is None:
            if b"\x00" in data:
                return None, "binary", False
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                # Mail in a legacy 8-bit charset: every byte maps to a character.
                text = data.decode("latin-1")
                if _mostly_unprintable(text, extra=frozenset(chr(c) for c in range(0x80, 0xA0))):
                    return None, "binary", False
    else:
        text = data
    if "\x00" in text or _mostly_unprintable(text):
        return None, "binary", False
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    if not text.strip():
        return None, "empty", bom
    if _HTML.match(text):
        return None, "html", bom
    return text, None, bom


# Byte order marks of the encodings that put NUL bytes in plain ASCII text;
# PowerShell's ``>`` writes UTF-16 with a BOM.  UTF-32 first: its
# little-endian mark starts with UTF-16's.
_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode_by_bom(data: bytes) -> str | None:
    """The text of UTF-16 or UTF-32 input that starts with its BOM, else None."""
    for bom, encoding in _UNICODE_BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    return None


def _mostly_unprintable(text: str, extra: frozenset[str] = frozenset()) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    if extra:
        # One C-level count per character looked for, not a Python step per
        # character of the sample.
        bad = sum(sample.count(ch) for ch in _CONTROL_CHARS | extra)
    else:
        # Every input comes here: the control characters are ASCII, and so
        # one byte each in UTF-8, where no other character has a byte below
        # 0x80; so they are the bytes left when all others are deleted, two
        # C loops (a regular expression's search took six times as long).
        # Lone surrogates (text from the API) are encoded like any other.
        encoded = sample.encode("utf-8", "surrogatepass")
        bad = len(encoded.translate(None, _NOT_CONTROL))
    return bad > _BINARY_CONTROL_SHARE * len(sample)


def split_lines(text: str) -> InputLines:
    """Split at LF, as git does: a CR before it belongs to the line end, a
    lone CR inside a line is text (a patch whose context line holds one
    applies only if that line stays one line).  Only text without any LF
    is taken for old CR-only line ends.  ``kvmcheck.fix`` splits the same way."""
    if "\r" not in text:  # most input: one quick scan instead of a search for CRLF
        return InputLines.split(text)
    if "\n" in text:
        return InputLines.split(text.replace("\r\n", "\n"))
    return InputLines.split(text.replace("\r", "\n"))


def first_nonblank(lines: Sequence[Line]) -> int | None:
    """The index of the first line that is not blank, None if all are."""
    for index, text in enumerate(texts_of(lines)):
        if text.strip():
            return index
    return None


def collapse_space(text: str) -> str:
    """``" ".join(text.split())`` without the list of words."""
    return _ODD_SPACE.sub(" ", text.strip())
