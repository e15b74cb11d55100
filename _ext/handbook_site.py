"""What every extension of this site shares.

* Where handbook pages live and in which languages: ``handbook/<lang>/<page>``
  for each language kvmcheck speaks (``kvmcheck.messages.LANGUAGES``, the one
  language list of the project), and the HTML ``lang`` of each.
* How a handbook section is named for Sphinx: ``<lang>/<page>#<id>``, the
  page-local labels ``handbook_sections`` makes, and a link to one.
* The site's static folder (``_ext/static/``) and its style sheet.
* The site catalog (``_ext/messages.json``): every word our extensions
  write into pages, per language, one part per extension.

An extension imports what it needs from here and calls
``app.setup_extension("handbook_site")`` in its ``setup()``, which adds the
static folder and the style sheet once, however many extensions ask.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes

from kvmcheck.messages import DEFAULT_LANGUAGE, LANGUAGES

if TYPE_CHECKING:
    from sphinx.application import Sphinx

HANDBOOK = "handbook"
STATIC_DIR = Path(__file__).resolve().parent / "static"
STYLE_SHEET = "handbook.css"
MESSAGES_FILE = Path(__file__).resolve().parent / "messages.json"


def html_lang(lang: str) -> str:
    """The HTML ``lang`` of a language code: ``zh_CN`` → ``zh-CN``."""
    return lang.replace("_", "-")


@functools.cache
def _catalog() -> dict[str, dict[str, Any]]:
    return json.loads(MESSAGES_FILE.read_text(encoding="utf-8"))


def site_messages(lang: str) -> dict[str, Any]:
    """The site catalog's words in ``lang``: ``language_name`` and one part
    per extension (``site_messages("zh_CN")["section_ticks"]["reset"]``)."""
    return _catalog()[lang]


def split_docname(docname: str) -> tuple[str, str] | None:
    """``(lang, page)`` for a handbook page, None for any other document."""
    parts = docname.split("/")
    if len(parts) == 3 and parts[0] == HANDBOOK and parts[1] in LANGUAGES:
        return parts[1], parts[2]
    return None


def handbook_docname(lang: str, page: str) -> str:
    return f"{HANDBOOK}/{lang}/{page}"


def page_language(docname: str) -> str:
    """The language of a handbook page; the default one for any other page."""
    where = split_docname(docname)
    return where[0] if where else DEFAULT_LANGUAGE


def label_name(lang: str, page: str, fragment: str = "") -> str:
    """The std-domain label of a handbook page or of one of its sections."""
    name = f"{lang}/{page}#{fragment}" if fragment else f"{lang}/{page}"
    return name.lower()


def handbook_link(section: str, lang: str, text: str | None = None) -> addnodes.pending_xref:
    """A reference to ``page#fragment`` of the handbook in ``lang``.

    Resolved by the std domain against the page-local labels of
    ``handbook_sections``; without ``text`` the link shows the section title.
    """
    page, _, fragment = section.partition("#")
    target = label_name(lang, page, fragment)
    shown = text if text is not None else section
    xref = addnodes.pending_xref(
        "",
        refdomain="std",
        reftype="ref",
        reftarget=target,
        refexplicit=text is not None,
        refwarn=True,
    )
    xref += nodes.inline(shown, shown, classes=["xref", "std", "std-ref"])
    return xref


def add_static_path(app: Sphinx) -> None:
    path = str(STATIC_DIR)
    if path not in app.config.html_static_path:
        app.config.html_static_path.append(path)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", add_static_path)
    app.add_css_file(STYLE_SHEET)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
