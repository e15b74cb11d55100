"""Join lines of Chinese text without a stray space.

In reST, a line break inside a paragraph becomes a space. Between two Chinese
characters that space shows up in the page ("不如发补丁之前 自己先"), because
Chinese is written without spaces between words. This transform removes the
line break when the characters on both sides of it are CJK, on any page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# CJK ideographs, CJK punctuation and full-width forms.
_CJK = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
_BREAK_BETWEEN_CJK = re.compile(rf"(?<={_CJK})[ \t]*\n[ \t]*(?={_CJK})")
_SKIP = (nodes.literal_block, nodes.literal, nodes.raw, nodes.comment)


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


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_transform(JoinCJKLines)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
