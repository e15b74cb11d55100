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

After bringing a translation up to date, record it for that page only::

    python _ext/translation_status.py mark-current handbook/zh_CN/first-patch.rst

(``make translations-mark-current PAGES=…``). Without pages it lists the
stale translations and changes nothing: marking every page at once would
hide the ones nobody updated.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from handbook_site import (
    DEFAULT_LANGUAGE,
    HANDBOOK,
    LANGUAGES,
    MESSAGES_FILE,
    handbook_link,
    site_messages,
    split_docname,
)
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

TOP = "_top"
# Translations are made from the default language's pages.
SOURCE_LANGUAGE = DEFAULT_LANGUAGE
_LABEL = re.compile(r"^\.\. _([A-Za-z0-9][\w-]*):\s*$", re.MULTILINE)
_FIELD = re.compile(r"^:translated-from:(.*)\n?", re.MULTILINE)
_TRANSLATION_OF = re.compile(r"^:translation-of:[ \t]*(\S+)[ \t]*$", re.MULTILINE)


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


def translated_from(translation: Path, srcdir: Path) -> Path:
    """The English source named by a translation's ``:translation-of:``."""
    match = _TRANSLATION_OF.search(translation.read_text(encoding="utf-8"))
    if match is None:
        raise ValueError(f"{translation}: no ':translation-of:' field")
    return english_source(srcdir, match.group(1))


def stale_translations(srcdir: Path) -> dict[Path, list[str]]:
    """Every translated page whose English changed since: page → sections."""
    stale = {}
    for lang in LANGUAGES:
        if lang == SOURCE_LANGUAGE:
            continue
        for translation in sorted((srcdir / HANDBOOK / lang).glob("*.rst")):
            text = translation.read_text(encoding="utf-8")
            if _TRANSLATION_OF.search(text) is None:
                continue
            english = translated_from(translation, srcdir).read_text(encoding="utf-8")
            field = _FIELD.search(text)
            recorded = parse_recorded(field.group(1) if field else "")
            sections = stale_sections(recorded, section_hashes(english))
            if sections:
                stale[translation] = sections
    return stale


def mark_current(translation: Path, srcdir: Path) -> bool:
    """Record the current English hashes in ``translation``; True if changed."""
    text = translation.read_text(encoding="utf-8")
    english = translated_from(translation, srcdir)
    field = f":translated-from: {format_recorded(section_hashes(english.read_text('utf-8')))}\n"
    without = _FIELD.sub("", text)
    end = _TRANSLATION_OF.search(without).end()
    updated = f"{without[:end]}\n{field}{without[end + 1 :]}"
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
        logger.warning(
            "translation of a missing English page %r",
            page,
            type="translation",
            subtype="source",
            location=docname,
        )
        return
    app.env.note_dependency(str(english))
    app.env.note_dependency(str(MESSAGES_FILE))
    current = section_hashes(english.read_text(encoding="utf-8"))
    stale = stale_sections(parse_recorded(str(metadata.get("translated-from", ""))), current)
    if not stale:
        return
    logger.warning(
        "translation may be out of date: English sections changed since it was made: %s "
        "(update the translation, then run `make translations-mark-current`)",
        ", ".join(stale),
        type="translation",
        subtype="stale",
        location=docname,
    )
    _insert_note(doctree, where[0], str(page), stale)


def _insert_note(doctree: nodes.document, lang: str, page: str, stale: list[str]) -> None:
    items = nodes.bullet_list()
    for name in stale:
        ref = handbook_link(page if name == TOP else f"{page}#{name}", lang)
        items += nodes.list_item("", nodes.paragraph("", "", ref))
    words = site_messages(lang)["translation_status"]
    note = nodes.admonition(classes=["warning", "translation-stale"])
    note += nodes.title("", words["stale_title"])
    note += nodes.paragraph("", words["stale_note"])
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
    parser.add_argument(
        "translations",
        nargs="*",
        type=Path,
        metavar="TRANSLATION.rst",
        help="the translated pages you brought up to date; without any, "
        "list the stale ones and change nothing",
    )
    parser.add_argument(
        "--srcdir",
        type=Path,
        default=Path(__file__).resolve().parent.parent,
        help="the Sphinx source directory (default: this repository)",
    )
    args = parser.parse_args(argv)
    try:
        if not args.translations:
            return list_stale(args.srcdir)
        for path in args.translations:
            changed = mark_current(path, args.srcdir)
            print(f"{path}: {'recorded the current English' if changed else 'already current'}")
    except (OSError, ValueError) as error:
        print(f"translation_status: {error}", file=sys.stderr)
        return 2
    return 0


def list_stale(srcdir: Path) -> int:
    stale = stale_translations(srcdir)
    if not stale:
        print("Every translation matches the current English.")
        return 0
    names = [path.relative_to(srcdir).as_posix() for path in stale]
    print("These translations lag behind the English (sections that changed):")
    for name, sections in zip(names, stale.values(), strict=True):
        print(f"  {name}: {', '.join(sections)}")
    print(
        "Nothing was marked. Bring a page up to date, then mark that page alone:\n"
        f"  make translations-mark-current PAGES={names[0]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
