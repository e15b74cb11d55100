"""Look words up in the typo list built from codespell's dictionary.

The list (``kvmcheck/data/typos.txt``) is generated at build time by
``playground/build_typos.py`` and shipped as package data; it is not in the
repository.  It is read on the first lookup only, and searched in place: the
lines are sorted, so a binary search over the text finds a word without
building a table of 60,000 entries (a one-patch run stays quick).
"""

from __future__ import annotations

import os

# os.path, not pathlib: importing pathlib is a noticeable share of a one-patch run.
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "typos.txt")

# The list as bytes: decoding its 1.4 MB would be a noticeable share of a
# one-patch run, and UTF-8 bytes sort as the text does.
_text: bytes | None = None
# Words already looked up: prose repeats the same few hundred words, so a
# batch run searches for each one once.
_seen: dict[str, str | None] = {}
_SEEN_MAX = 50_000


def available() -> bool:
    """Whether this installation ships the typo list."""
    return bool(_text) or os.path.isfile(DATA)


def source() -> str | None:
    """Where the list came from (its header line), None when it is missing."""
    if not available():
        return None
    with open(DATA, encoding="utf-8") as data:
        return data.readline().lstrip("# ").strip()


def _load() -> bytes:
    global _text
    if _text is None:
        _seen.clear()
        if available():
            with open(DATA, "rb") as data:
                _text = data.read()
        else:
            _text = b""
    return _text


def correction(word: str) -> str | None:
    """The suggested spelling(s) of ``word`` (lower case), None if it is not a known typo."""
    text = _load()
    if word not in _seen:
        if len(_seen) >= _SEEN_MAX:
            _seen.clear()
        _seen[word] = _search(text, word.encode("utf-8"))
    return _seen[word]


def _search(text: bytes, word: bytes) -> str | None:
    # Binary search over the sorted lines: ``low`` is always the start of a
    # line, ``high`` the start of a line or the end of the text.
    low = text.find(b"\n") + 1 if text.startswith(b"#") else 0
    high = len(text)
    while low < high:
        newline = text.rfind(b"\n", low, (low + high) // 2)
        start = low if newline < 0 else newline + 1
        end = text.find(b"\n", start)
        end = len(text) if end < 0 else end
        arrow = text.find(b"->", start, end)
        key = text[start:arrow] if arrow >= 0 else text[start:end]
        if key == word:
            return text[arrow + 2 : end].decode("utf-8")
        if key < word:
            low = end + 1
        else:
            high = start
    return None
