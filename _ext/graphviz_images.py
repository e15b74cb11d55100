"""Graphviz diagrams as ``<img>`` elements with alt text.

``sphinx.ext.graphviz`` puts an SVG diagram in an ``<object>`` with the alt
text as fallback content. Pages that hold a checker forbid ``<object>``
(their Content-Security-Policy has ``object-src 'none'``), and an ``<img>``
carries its alt text where assistive technology looks for it. So this
extension draws each ``.. graphviz::`` diagram with ``dot`` exactly as
``sphinx.ext.graphviz`` does, and writes it into the page as an image whose
``alt`` is the directive's ``:alt:`` (in the page's language).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.ext.graphviz import GraphvizError, graphviz, render_dot
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)


def visit_graphviz_html(translator: HTML5Translator, node: graphviz) -> None:
    output_format = translator.builder.config.graphviz_output_format
    try:
        path, _ = render_dot(translator, node["code"], node["options"], output_format)
    except GraphvizError as error:
        logger.warning("dot code %r: %s", node["code"], error, location=node)
        raise nodes.SkipNode from error
    if path is None:
        raise nodes.SkipNode
    if "alt" not in node:
        logger.warning("a diagram needs :alt: text", type="graphviz", subtype="alt", location=node)
    alt = html.escape(node.get("alt", ""))
    classes = " ".join(["graphviz", *node.get("classes", [])])
    translator.body.append(
        f'<div class="{classes}"><img src="{html.escape(path.as_posix())}" alt="{alt}" '
        f'class="graphviz" /></div>\n'
    )
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx.ext.graphviz")
    app.add_node(graphviz, override=True, html=(visit_graphviz_html, None))
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
