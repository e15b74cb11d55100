"""Let a reader tick the items of a checklist page.

A page whose metadata says ``:tickable: true`` gets a small script that puts
a checkbox in front of each section heading; the ticks are kept in the
browser's localStorage only. Without JavaScript the page stays a plain list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def add_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    metadata = app.env.metadata.get(pagename, {})
    if str(metadata.get("tickable", "")).strip().lower() in ("true", "yes", "1"):
        app.add_js_file("tickable-checklist.js", loading_method="defer")


def setup(app: Sphinx) -> dict[str, Any]:
    # The script is in the site's static folder.
    app.setup_extension("handbook_site")
    app.connect("html-page-context", add_script)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
