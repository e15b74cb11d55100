"""Section ids, cross-references and the language switch of the handbook.

The handbook has the same pages in every language (``handbook/<lang>/<page>``)
and the same section ids on both sides, so that ``#shortlog`` means the same
section in English and in Chinese. Writers put a plain label before each
section (``.. _shortlog:``); this extension

* makes those labels page-local: Sphinx sees them as ``<lang>/<page>#<id>``,
  so the same id in two languages is no duplicate label, while the HTML id
  stays exactly ``<id>`` (even ``64-bit-clean``, which docutils would
  shorten);
* adds the ``:hb:`` role: ``:hb:`maintainer-kvm-x86#fixes``` links to that
  section in the current page's language, ``:hb:`first-patch``` to the page;
* puts a link to the same section in every other language under every
  section heading (its words from the site catalog, ``handbook_sections``),
  and marks each page with its language (``lang="zh-CN"``).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from docutils import nodes
from handbook_site import (
    LANGUAGES,
    MESSAGES_FILE,
    handbook_docname,
    html_lang,
    label_name,
    page_language,
    site_messages,
    split_docname,
)
from sphinx.roles import XRefRole
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import clean_astext

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class PageLocalLabels(SphinxTransform):
    """Rename a page's explicit labels to ``<lang>/<page>#<id>``; id = label.

    Runs just before Sphinx hands the labels to the std domain (850).
    """

    default_priority = 845

    def apply(self, **kwargs: Any) -> None:
        where = split_docname(self.env.docname)
        if where is None:
            return
        lang, page = where
        document = self.document
        for name, explicit in list(document.nametypes.items()):
            old_id = document.nameids.get(name)
            if not explicit or old_id is None or "#" in name:
                continue
            node = document.ids[old_id]
            if not isinstance(node, nodes.section):
                continue
            self._set_id(node, old_id, name)
            local = label_name(lang, page, name)
            del document.nametypes[name], document.nameids[name]
            document.nametypes[local] = True
            document.nameids[local] = name
            node["names"] = [local if n == name else n for n in node["names"]]

    def _set_id(self, section: nodes.section, old_id: str, new_id: str) -> None:
        """Make ``new_id`` the section's first id (the one HTML uses)."""
        document = self.document
        if old_id != new_id:
            if new_id in document.ids and document.ids[new_id] is not section:
                return
            del document.ids[old_id]
            document.ids[new_id] = section
            for node in document.findall(nodes.Element):
                if node.get("refid") == old_id:
                    node["refid"] = new_id
        ids = [new_id] + [i for i in section["ids"] if i not in (old_id, new_id)]
        section["ids"] = ids


class HandbookRef(XRefRole):
    """``:hb:`page#id``` in the language of the page that uses it."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        # Resolved by the std domain like :ref:, against page-local labels.
        self.refdomain, self.reftype = "std", "ref"
        self.classes = ["xref", "std", "std-ref"]
        return self.create_xref_node()

    def process_link(
        self,
        env: BuildEnvironment,
        refnode: nodes.Element,
        has_explicit_title: bool,
        title: str,
        target: str,
    ) -> tuple[str, str]:
        page, _, fragment = target.partition("#")
        return title, label_name(page_language(env.docname), page, fragment)


def register_page_labels(app: Sphinx, doctree: nodes.document) -> None:
    """Let ``:hb:`page``` find a handbook page without a fragment."""
    docname = app.env.docname
    where = split_docname(docname)
    if where is None:
        return
    std = app.env.domains.standard_domain
    title = next(iter(doctree.findall(nodes.title)), None)
    # The language switch's words.
    app.env.note_dependency(str(MESSAGES_FILE))
    name = label_name(*where)
    std.labels[name] = docname, "", clean_astext(title) if title else where[1]
    std.anonlabels[name] = docname, ""


class LanguageSwitch(SphinxPostTransform):
    """Under each section heading, links to that section in the other languages."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        where = split_docname(self.env.docname)
        if where is None:
            return
        lang, page = where
        uris = {
            other: self.app.builder.get_relative_uri(self.env.docname, target)
            for other in LANGUAGES
            if other != lang and (target := handbook_docname(other, page)) in self.env.found_docs
        }
        if not uris:
            return
        for section in self.document.findall(nodes.section):
            top = not isinstance(section.parent, nodes.section)
            fragment = section["ids"][0] if section["ids"] else ""
            if not top and not self._is_label(section, lang, page):
                continue
            hrefs = {other: uri if top else f"{uri}#{fragment}" for other, uri in uris.items()}
            section.insert(1, self._links(hrefs, top))

    @staticmethod
    def _is_label(section: nodes.section, lang: str, page: str) -> bool:
        return (
            bool(section["ids"]) and label_name(lang, page, section["ids"][0]) in section["names"]
        )

    @staticmethod
    def _links(hrefs: dict[str, str], top: bool) -> nodes.raw:
        """One ``<p>`` with a link per language, each in its own language."""
        what = "page" if top else "section"
        links = []
        for lang, href in hrefs.items():
            words = site_messages(lang)
            title = words["handbook_sections"][f"switch_{what}"]
            links.append(
                f'<a href="{html.escape(href)}" hreflang="{html_lang(lang)}" '
                f'lang="{html_lang(lang)}" title="{html.escape(title)}">'
                f"{html.escape(words['language_name'])}</a>"
            )
        markup = f'<p class="lang-switch lang-switch-{what}">{" ".join(links)}</p>'
        return nodes.raw("", markup, format="html")


def set_page_language(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    where = split_docname(pagename)
    if where is not None:
        context["language"] = html_lang(where[0])


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("handbook_site")
    app.add_transform(PageLocalLabels)
    app.add_post_transform(LanguageSwitch)
    app.add_role("hb", HandbookRef(lowercase=True, innernodeclass=nodes.inline, warn_dangling=True))
    app.connect("doctree-read", register_page_labels)
    app.connect("html-page-context", set_page_language)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
