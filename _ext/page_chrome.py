"""The theme's words around a handbook page in the page's language.

The site is one Sphinx project in English, so the theme (furo) writes its
search box, "On this page", Previous/Next, "Back to top", the sidebar
toggles and the footer in English on every page, Chinese ones included.
This extension renders each handbook page with the words of its own
language, from the site catalog's ``page_chrome`` part:

* what the theme's templates translate (``_("Next")``, ``{% trans %}``) is
  looked up in the catalog's ``messages``, then in Sphinx's own catalog for
  the language (``sphinx/locale/zh_CN``), which has some of them;
* what the theme and Sphinx write as fixed English (the toggles' accessible
  names, the icons' titles, the headings' permalink titles, the footer, our
  own sidebar captions) is replaced in the rendered page, in the exact
  places the theme puts it, so that no sentence of the page itself changes.

It works through Sphinx's ``template_bridge`` setting, a documented way to
render pages differently; the theme is not patched.
"""

from __future__ import annotations

import functools
import gettext
import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sphinx
from handbook_site import site_messages, split_docname
from sphinx.jinja2glue import BuiltinTemplateLoader

from kvmcheck.messages import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

SPHINX_LOCALES = Path(sphinx.__file__).resolve().parent / "locale"
# Where the theme writes fixed English, as (before, after) around the words.
_FIXED_PLACES = (
    ('aria-label="', '"'),
    ('title="', '"'),
    ("<title>", "</title>"),
    ('<span class="caption-text">', "</span>"),
)
_TOGGLE_NAVIGATION = re.compile(r'aria-label="Toggle navigation of ([^"]*)"')
_MADE_WITH = re.compile(
    r"Made with\s*(?P<sphinx><a [^>]*>Sphinx</a>) and\s*(?P<author><a [^>]*>@pradyunsg</a>)'s"
    r"\s*(?P<furo><a [^>]*>Furo</a>)"
)


class CatalogTranslations(gettext.NullTranslations):
    """The catalog's words first, then Sphinx's own catalog of the language."""

    def __init__(self, words: dict[str, str], fallback: gettext.NullTranslations) -> None:
        super().__init__()
        self._words = words
        self.add_fallback(fallback)

    def gettext(self, message: str) -> str:
        return self._words.get(message) or super().gettext(message)


@functools.cache
def translations(lang: str) -> CatalogTranslations:
    sphinx_catalog = gettext.translation("sphinx", SPHINX_LOCALES, [lang], fallback=True)
    return CatalogTranslations(site_messages(lang)["page_chrome"]["messages"], sphinx_catalog)


def translate_fixed(page: str, lang: str) -> str:
    """``page`` with the theme's fixed English in ``lang``."""
    words = site_messages(lang)["page_chrome"]
    for english, translated in words["messages"].items():
        for before, after in _FIXED_PLACES:
            page = page.replace(
                f"{before}{english}{after}", f"{before}{html.escape(translated)}{after}"
            )
    page = _TOGGLE_NAVIGATION.sub(
        lambda match: 'aria-label="{}"'.format(
            words["toggle_navigation"].format(title=match.group(1))
        ),
        page,
    )
    return _MADE_WITH.sub(lambda match: words["made_with"].format(**match.groupdict()), page)


class PageChromeTemplates(BuiltinTemplateLoader):
    """Sphinx's template loader, rendering a handbook page in its language."""

    def render(self, template: str, context: dict[str, Any]) -> str:  # type: ignore[override]
        where = split_docname(context.get("pagename", ""))
        lang = where[0] if where else DEFAULT_LANGUAGE
        if lang == DEFAULT_LANGUAGE:
            return super().render(template, context)
        words = site_messages(lang)["page_chrome"]
        default_words = site_messages(DEFAULT_LANGUAGE)["page_chrome"]
        local = translations(lang)
        context = {
            **context,
            # jinja2's _() and {% trans %} look these up in the context first.
            "gettext": local.gettext,
            "ngettext": local.ngettext,
        }
        if context.get("docstitle") == default_words["site_title"]:
            context["docstitle"] = words["site_title"]
        return translate_fixed(super().render(template, context), lang)


def use_page_chrome_templates(app: Sphinx, config: Config) -> None:
    if not config.template_bridge:
        config.template_bridge = f"{__name__}.{PageChromeTemplates.__name__}"


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("handbook_site")
    app.connect("config-inited", use_page_chrome_templates)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
