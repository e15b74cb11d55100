"""A tick box before each section of a page, for readers working through it.

A page whose metadata says ``:tickable: true`` (the review checklist) gets
``section-ticks.js``, which puts a tick box in front of each section heading
and a counter with a reset button above the first; the ticks are kept in the
browser's localStorage only. Without JavaScript the page stays a plain list.
The script's words come from the site catalog (``_ext/messages.json``,
``section_ticks``) in the page's language, through a ``data-messages``
attribute of its ``<script>`` tag.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from handbook_site import page_language, site_messages

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SCRIPT = "section-ticks.js"


def add_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    metadata = app.env.metadata.get(pagename, {})
    if str(metadata.get("tickable", "")).strip().lower() in ("true", "yes", "1"):
        words = site_messages(page_language(pagename))["section_ticks"]
        app.add_js_file(
            SCRIPT,
            loading_method="defer",
            **{"data-messages": json.dumps(words, ensure_ascii=False)},
        )


def setup(app: Sphinx) -> dict[str, Any]:
    # The script is in the site's static folder.
    app.setup_extension("handbook_site")
    app.connect("html-page-context", add_script)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
