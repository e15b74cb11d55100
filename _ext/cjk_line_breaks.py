"""No stray spaces in Chinese text: at line breaks and around marked-up words.

In reST, a line break inside a paragraph becomes a space. Between two Chinese
characters that space shows up in the page ("不如发补丁之前 自己先"), because
Chinese is written without spaces between words. The first transform removes
the line break when the characters on both sides of it are CJK, on any page.

Inline markup needs whitespace (or punctuation) around it in reST, so a
writer types ``功能 **必须** 附带`` and the page would show "功能 必须 附带".
The second transform, run once references have their final text, removes the
space between a Chinese character and emphasised, strong or linked text that
starts (or ends) with one. Code (``literal``) keeps its spaces, and so does
anything next to Latin text ("用 **KVM** 的", "the **must** rule").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# CJK ideographs, CJK punctuation and full-width forms.
_CJK = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
# Markup that ends a Chinese phrase with an ellipsis or a dash ("选择文件…")
# is Chinese text too.
_CJK_CHAR = re.compile(rf"{_CJK}|[\u2026\u2014]")
_BREAK_BETWEEN_CJK = re.compile(rf"(?<={_CJK})[ \t]*\n[ \t]*(?={_CJK})")
_SKIP = (nodes.literal_block, nodes.literal, nodes.raw, nodes.comment)
# Inline markup whose text reads as part of the sentence.
_MARKUP = (nodes.emphasis, nodes.strong, nodes.reference, nodes.inline)


def join_cjk_lines(text: str) -> str:
    return _BREAK_BETWEEN_CJK.sub("", text)


class JoinCJKLines(SphinxTransform):
    default_priority = 900

    def apply(self, **kwargs: Any) -> None:
        for text in list(self.document.findall(nodes.Text)):
            if "\n" not in text or isinstance(text.parent, _SKIP):
                continue
            joined = join_cjk_lines(str(text))
            if joined != str(text):
                text.parent.replace(text, nodes.Text(joined))


def _is_cjk(char: str) -> bool:
    return bool(char) and bool(_CJK_CHAR.fullmatch(char))


def _markup_text(node: nodes.Node | None) -> str:
    """The text of inline markup, or "" for anything else (code included)."""
    if not isinstance(node, _MARKUP) or any(node.findall(nodes.literal)):
        return ""
    return node.astext()


def tighten(text: str, before: str, after: str) -> str:
    """``text`` without the spaces that separate it from CJK markup around it.

    ``before`` is the text of the markup just before ``text`` ("" if none),
    ``after`` that of the markup just after it.
    """
    body = text.strip()
    if not body:
        # Only spaces between two pieces of markup.
        return "" if _is_cjk(before[-1:]) and _is_cjk(after[:1]) else text
    if _is_cjk(after[:1]) and _is_cjk(body[-1]):
        text = text.rstrip(" \t\n")
    if _is_cjk(before[-1:]) and _is_cjk(body[0]):
        text = text.lstrip(" \t\n")
    return text


class TightenCJKMarkup(SphinxPostTransform):
    """Drop spaces between Chinese text and the markup inside it."""

    # After references are resolved (10), so that links have their text.
    default_priority = 20

    def run(self, **kwargs: Any) -> None:
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            spaced = str(text)[:1].isspace() or str(text)[-1:].isspace()
            if parent is None or isinstance(parent, _SKIP) or not spaced:
                continue
            index = parent.index(text)
            before = _markup_text(parent[index - 1]) if index > 0 else ""
            after = _markup_text(parent[index + 1]) if index + 1 < len(parent) else ""
            tightened = tighten(str(text), before, after)
            if tightened != str(text):
                parent.replace(text, nodes.Text(tightened))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_transform(JoinCJKLines)
    app.add_post_transform(TightenCJKMarkup)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
