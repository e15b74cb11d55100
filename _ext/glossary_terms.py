"""Glossary terms that belong to one language of the handbook.

Some words are the same in both glossaries (``vCPU``, ``RFC``, ``b4``: the
Chinese pages use them as they are). Sphinx keeps one term of a name for the
whole project and warns about the second. This extension notes a term that a
handbook page defines under the page's language (``zh_CN:vCPU``), and
``:term:`` on a handbook page finds the term of its own language, so that a
Chinese page links to the Chinese entry. Search shows the term as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from handbook_site import LANGUAGES, split_docname
from sphinx.domains.std import StandardDomain

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


def in_language(docname: str, term: str) -> str:
    """The name under which ``docname`` defines or looks up ``term``."""
    where = split_docname(docname)
    return f"{where[0]}:{term}" if where else term


def as_written(name: str) -> str:
    """A term's name without the language it was noted under."""
    lang, colon, term = name.partition(":")
    return term if colon and lang in LANGUAGES else name


class HandbookStandardDomain(StandardDomain):
    """The std domain, with the handbook's glossary terms noted per language."""

    def _note_term(self, term: str, labelid: str, location: Any = None) -> None:
        super()._note_term(in_language(self.env.docname, term), labelid, location)

    def _resolve_term_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        local = in_language(fromdocname, target)
        return super()._resolve_term_xref(env, fromdocname, builder, typ, local, node, contnode)

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for name, dispname, objtype, docname, anchor, priority in super().get_objects():
            if objtype == "term":
                name, dispname = as_written(name), as_written(dispname)
            yield name, dispname, objtype, docname, anchor, priority


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("handbook_site")
    app.add_domain(HandbookStandardDomain, override=True)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
