"""Tell when a Chinese page lags behind the English page it translates.

A translated page names its English page and records, per section, a short
hash of the English source it was written from, in its metadata::

    :translation-of: maintainer-kvm-x86
    :translated-from: _top=3f2a9c01 foreword=bc81d2e4 tl-dr=0a9e77d1 …

Sections are the parts of the English source that start at a label line
(``.. _shortlog:``); ``_top`` is the text above the first label. When an
English section changes and the recorded hash no longer matches, the build
warns (type ``translation``, subtype ``stale``, so the warnings gate catches
it) and the page shows a note naming the sections. No git needed: the hashes
live in the page.

After bringing a translation up to date, record it::

    python _ext/translation_status.py mark-current handbook/zh_CN/*.rst
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from handbook_site import HANDBOOK, handbook_link, split_docname
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

TOP = "_top"
SOURCE_LANGUAGE = "en"
_LABEL = re.compile(r"^\.\. _([A-Za-z0-9][\w-]*):\s*$", re.MULTILINE)
_FIELD = re.compile(r"^:translated-from:.*\n?", re.MULTILINE)
_TRANSLATION_OF = re.compile(r"^:translation-of:[ \t]*(\S+)[ \t]*$", re.MULTILINE)

TITLE = "译文可能已过时 · This translation may be out of date"
NOTE = {
    "zh_CN": "英文原文的下列小节在翻译之后改动过，内容如有出入，请以英文版为准：",
}


def section_hashes(source: str) -> dict[str, str]:
    """Short hashes of each labelled section of an English page's source."""
    starts = [(TOP, 0)] + [(m.group(1), m.start()) for m in _LABEL.finditer(source)]
    hashes = {}
    for index, (name, start) in enumerate(starts):
        end = starts[index + 1][1] if index + 1 < len(starts) else len(source)
        text = "\n".join(line.rstrip() for line in source[start:end].strip().splitlines())
        hashes[name] = hashlib.sha256(text.encode()).hexdigest()[:8]
    return hashes


def parse_recorded(value: str) -> dict[str, str]:
    """The ``:translated-from:`` field as a mapping of section to hash."""
    pairs = (item.partition("=") for item in value.split())
    return {name: digest for name, _, digest in pairs if name and digest}


def format_recorded(hashes: dict[str, str]) -> str:
    return " ".join(f"{name}={digest}" for name, digest in hashes.items())


def stale_sections(recorded: dict[str, str], current: dict[str, str]) -> list[str]:
    """English sections whose text changed since the translation was made."""
    return [name for name, digest in current.items() if recorded.get(name) != digest]


def english_source(srcdir: Path, page: str) -> Path:
    return srcdir / HANDBOOK / SOURCE_LANGUAGE / f"{page}.rst"


def mark_current(translation: Path, srcdir: Path) -> bool:
    """Record the current English hashes in ``translation``; True if changed."""
    text = translation.read_text(encoding="utf-8")
    match = _TRANSLATION_OF.search(text)
    if match is None:
        raise ValueError(f"{translation}: no ':translation-of:' field")
    english = english_source(srcdir, match.group(1))
    field = f":translated-from: {format_recorded(section_hashes(english.read_text('utf-8')))}\n"
    without = _FIELD.sub("", text)
    end = _TRANSLATION_OF.search(without).end()
    updated = f"{without[:end]}\n{field}{without[end + 1:]}"
    if updated == text:
        return False
    translation.write_text(updated, encoding="utf-8")
    return True


# -- Sphinx --------------------------------------------------------------------


def check_translation(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    where = split_docname(docname)
    metadata = app.env.metadata.get(docname, {})
    page = metadata.get("translation-of")
    if where is None or not page:
        return
    english = english_source(Path(app.srcdir), str(page))
    if not english.is_file():
        logger.warning("translation of a missing English page %r", page,
                       type="translation", subtype="source", location=docname)
        return
    app.env.note_dependency(str(english))
    current = section_hashes(english.read_text(encoding="utf-8"))
    stale = stale_sections(parse_recorded(str(metadata.get("translated-from", ""))), current)
    if not stale:
        return
    logger.warning(
        "translation may be out of date: English sections changed since it was made: %s "
        "(update the translation, then run `make translations-mark-current`)",
        ", ".join(stale), type="translation", subtype="stale", location=docname,
    )
    _insert_note(doctree, where[0], str(page), stale)


def _insert_note(doctree: nodes.document, lang: str, page: str, stale: list[str]) -> None:
    items = nodes.bullet_list()
    for name in stale:
        ref = handbook_link(page if name == TOP else f"{page}#{name}", lang)
        items += nodes.list_item("", nodes.paragraph("", "", ref))
    note = nodes.admonition(classes=["warning", "translation-stale"])
    note += nodes.title("", TITLE)
    note += nodes.paragraph("", NOTE.get(lang, "The English page changed in these sections:"))
    note += items
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        doctree.insert(0, note)
    else:
        section.insert(1, note)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("handbook_site")
    # The note links resolve against that extension's page-local labels.
    app.setup_extension("handbook_sections")
    app.connect("doctree-read", check_translation)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="translation_status.py",
        description="Record that translations match the current English pages.",
    )
    parser.add_argument("command", choices=["mark-current"])
    parser.add_argument("translations", nargs="+", type=Path, metavar="TRANSLATION.rst")
    parser.add_argument("--srcdir", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="the Sphinx source directory (default: this repository)")
    args = parser.parse_args(argv)
    for path in args.translations:
        try:
            changed = mark_current(path, args.srcdir)
        except (OSError, ValueError) as error:
            print(f"translation_status: {error}", file=sys.stderr)
            return 2
        print(f"{path}: {'recorded the current English' if changed else 'already current'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
