"""Look words up in the typo list built from codespell's dictionary.

The list (``kvmcheck/data/typos.txt``) is generated at build time by
``playground/build_typos.py`` and shipped as package data; it is not in the
repository.  It is read on the first lookup only, and searched in place: the
lines are sorted, so a binary search over the text finds a word without
building a table of 60,000 entries (a one-patch run stays quick; it looks up
a few dozen words).  A batch run looks up thousands: past ``SPLIT_AFTER``
searches the text is split into its lines once, and ``bisect`` searches the
list.
"""

from __future__ import annotations

import os
from bisect import bisect_left

# os.path, not pathlib: importing pathlib is a noticeable share of a one-patch run.
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "typos.txt")

# The list as bytes: decoding its 1.4 MB would be a noticeable share of a
# one-patch run, and UTF-8 bytes sort as the text does.
_text: bytes | None = None
# Words already looked up: prose repeats the same few hundred words, so a
# batch run searches for each one once.
_seen: dict[str, str | None] = {}
_SEEN_MAX = 50_000
# The list's lines, once a run has searched more than SPLIT_AFTER words:
# a search of the list costs a twentieth of one in the text, and splitting
# about as much as 370 searches in the text.  A run past 200 words is a
# batch: the real patches of the tests look up 33 words each (the median),
# 182 at most, and all 365 of them together 3,118.
SPLIT_AFTER = 200
_lines: list[bytes] | None = None
_searches = 0


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
    global _text, _lines, _searches
    if _text is None:
        _seen.clear()
        _lines, _searches = None, 0
        if available():
            with open(DATA, "rb") as data:
                _text = data.read()
        else:
            _text = b""
    return _text


def correction(word: str) -> str | None:
    """The suggested spelling(s) of ``word`` (lower case), None if it is not a known typo."""
    # A batch run asks for the same words again and again: no call to
    # _load() once the list is loaded.
    text = _load() if _text is None else _text
    if word not in _seen:
        if len(_seen) >= _SEEN_MAX:
            _seen.clear()
        _seen[word] = _search(text, word.encode("utf-8"))
    return _seen[word]


def _search(text: bytes, word: bytes) -> str | None:
    global _lines, _searches
    # The lines are sorted as bytes: the one for ``word`` is the first not
    # below "word->", if it starts with it (no misspelling holds "->").
    target = word + b"->"
    if _lines is None:
        _searches += 1
        if _searches <= SPLIT_AFTER:
            return _search_text(text, target)
        # The header line sorts before every word ("#" before letters);
        # the text ends with a line end, not with a line.
        _lines = text.split(b"\n")
        if not _lines[-1]:
            _lines.pop()
    index = bisect_left(_lines, target)
    if index < len(_lines) and _lines[index].startswith(target):
        return _lines[index][len(target) :].decode("utf-8")
    return None


def _search_text(text: bytes, target: bytes) -> str | None:
    # Binary search over the sorted lines: ``low`` is always the start of a
    # line, ``high`` the start of a line or the end of the text.
    low = text.find(b"\n") + 1 if text.startswith(b"#") else 0
    high = len(text)
    while low < high:
        newline = text.rfind(b"\n", low, (low + high) // 2)
        start = low if newline < 0 else newline + 1
        end = text.find(b"\n", start)
        end = len(text) if end < 0 else end
        if text.startswith(target, start, end):
            return text[start + len(target) : end].decode("utf-8")
        if text[start:end] < target:
            low = end + 1
        else:
            high = start
    return None
