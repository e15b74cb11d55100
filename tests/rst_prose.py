"""The prose of a handbook page's reST source, for tests that read the words.

Page metadata fields, labels, code blocks, checked examples, diagrams, toctrees,
literal blocks, inline literals, role targets and URLs are set aside: they
hold commands, patches and names, not the page's own sentences.
"""

from __future__ import annotations

import re

_BLOCK = re.compile(
    r"^(\s*)\.\. (code-block|code|literalinclude|kvmcheck-example|patch-checker|graphviz"
    r"|digraph|toctree)::.*?(?=^\1?\S|\Z)",
    re.M | re.S,
)
_LITERAL_BLOCK = re.compile(r"::\n\n(?:[ \t]+.*\n|\n)+")
_FIELD = re.compile(r"^:[\w-]+:.*$", re.M)
_LABEL = re.compile(r"^\s*\.\. _[^:\n]+:.*$", re.M)
_INLINE = re.compile(r"``.*?``|`[^`]*`_{0,2}|https?://\S+")


def prose(rst: str) -> str:
    """reST without code blocks, literal blocks, inline literals and links."""
    text = _LABEL.sub("", _FIELD.sub("", _BLOCK.sub("", rst + "\n")))
    text = _LITERAL_BLOCK.sub("\n", text)
    return _INLINE.sub(" ", text)
