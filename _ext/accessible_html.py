"""HTML that every reader can use: two fixes to what Sphinx writes for any theme.

* Toctree captions ("Handbook" in the sidebar, a ``:caption:`` in a page)
  are written as ``<p role="heading">`` without a level, which assistive
  technology cannot place in the page outline: they get ``aria-level="2"``.
* A code block wider than the page scrolls sideways, and a region that
  scrolls must be reachable from the keyboard.  Every code block's ``<pre>``
  joins the tab order (``tabindex="0"``) as a region named "Code block" in
  the page's language; which blocks overflow depends on the reader's screen,
  so all of them do.

Both live in a subclass of Sphinx's HTML5 translator registered for the
HTML builders, so the theme (furo) stays untouched.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from handbook_site import page_language
from sphinx import addnodes
from sphinx.writers.html5 import HTML5Translator

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.application import Sphinx

CAPTION_LEVEL = "2"
CODE_LABEL = {"en": "Code block", "zh_CN": "代码块"}
HTML_BUILDERS = ("html", "dirhtml", "singlehtml")
# The first <pre> of a rendered block: Pygments' (highlighted) or docutils'
# (parsed-literal), with whatever attributes it already has.
_PRE = re.compile(r"<pre(?=[\s>])")


class AccessibleHTML5Translator(HTML5Translator):
    """Sphinx's HTML5 translator, with levelled captions and reachable code."""

    def visit_title(self, node: Element) -> None:
        if isinstance(node.parent, addnodes.compact_paragraph) and node.parent.get("toctree"):
            self.body.append(
                self.starttag(
                    node, "p", "", CLASS="caption", ROLE="heading", **{"aria-level": CAPTION_LEVEL}
                )
            )
            self.body.append('<span class="caption-text">')
            self.context.append("</span></p>\n")
        else:
            super().visit_title(node)

    def visit_literal_block(self, node: Element) -> None:
        try:
            super().visit_literal_block(node)
        except nodes.SkipNode:
            # Highlighted: the whole block was appended as one string.
            self._reachable_pre()
            raise
        # Not highlighted (parsed-literal): only the <pre> tag so far.
        self._reachable_pre()

    def _reachable_pre(self) -> None:
        label = CODE_LABEL[page_language(self.builder.current_docname or "")]
        attributes = f' tabindex="0" role="region" aria-label="{html.escape(label)}"'
        self.body[-1] = _PRE.sub(f"<pre{attributes}", self.body[-1], count=1)


def setup(app: Sphinx) -> dict[str, Any]:
    for builder in HTML_BUILDERS:
        app.set_translator(builder, AccessibleHTML5Translator)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
