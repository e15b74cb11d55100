"""The Chinese glossary's terms, read from ``handbook/zh_CN/glossary.rst``.

The glossary gives each concept one Chinese term, taken from the kernel's own
Chinese documentation (``Documentation/translations/zh_CN/``). Two optional
lines of an entry, each a ``、``-separated list, name the words the handbook
does not use for it: ``内核文档也用：`` the renderings the kernel's documents
also use, less often than the term; ``不用：`` renderings they do not use at
all. A word that is fine inside a longer word says so:
``签名（“标签名”除外）``. Those two lines are the only place the variants are
written down; the page, catalog and kernel tests all read them from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ZH_GLOSSARY = REPO / "handbook" / "zh_CN" / "glossary.rst"
EN_GLOSSARY = REPO / "handbook" / "en" / "glossary.rst"

KERNEL_ALSO_LEAD = "内核文档也用："
REJECTED_LEAD = "不用："
_TERM = re.compile(r"^   (\S.*?)\s*$")
_FIELD = re.compile(r"^      (英文|Chinese)[：:]\s*(.+?)\s*$")
_EXCEPT = re.compile(r"^(?P<variant>[^（]+)（(?P<allowed>.+)除外）$")


@dataclass
class Entry:
    """One glossary entry: its terms, the other language's term, the variants."""

    terms: list[str]
    other: str = ""
    kernel_also: dict[str, list[str]] = field(default_factory=dict)
    rejected: dict[str, list[str]] = field(default_factory=dict)

    @property
    def avoided(self) -> dict[str, list[str]]:
        """Every variant the handbook's pages do not use: both lists."""
        return {**self.kernel_also, **self.rejected}


def split_items(line: str) -> list[str]:
    """Items separated by ``、``, keeping those inside （…） together."""
    items, depth, current = [], 0, ""
    for char in line:
        depth += {"（": 1, "）": -1}.get(char, 0)
        if char == "、" and depth == 0:
            items.append(current)
            current = ""
        else:
            current += char
    return [item.strip() for item in [*items, current] if item.strip()]


def parse_variants(line: str) -> dict[str, list[str]]:
    """A variant line's items as {variant: longer words in which it is fine}."""
    variants = {}
    for item in split_items(line):
        match = _EXCEPT.match(item)
        if match:
            allowed = re.findall(r"“([^”]+)”", match.group("allowed"))
            variants[match.group("variant").strip()] = allowed
        else:
            variants[item] = []
    return variants


def parse_glossary(path: Path) -> list[Entry]:
    """The entries of every ``.. glossary::`` block of a page."""
    entries: list[Entry] = []
    inside = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(".. glossary::"):
            inside = True
            continue
        if line and not line.startswith(" "):
            inside = False
        if not inside:
            continue
        stripped = line.strip()
        if term := _TERM.match(line):
            if entries and not entries[-1].other and not entries[-1].avoided:
                entries[-1].terms.append(term.group(1))
            else:
                entries.append(Entry([term.group(1)]))
        elif other := _FIELD.match(line):
            entries[-1].other = other.group(2)
        elif stripped.startswith(KERNEL_ALSO_LEAD):
            entries[-1].kernel_also = parse_variants(stripped.removeprefix(KERNEL_ALSO_LEAD))
        elif stripped.startswith(REJECTED_LEAD):
            entries[-1].rejected = parse_variants(stripped.removeprefix(REJECTED_LEAD))
    return entries


def variant_uses(text: str, preferred: str, variants: dict[str, list[str]]) -> list[str]:
    """Where ``text`` uses one of ``variants`` of ``preferred``, each with context.

    A variant is fine inside one of its allowed longer words, and right after
    its preferred term in parentheses (``封面邮件（cover letter）``), which is
    how a page puts the English beside the Chinese.
    """
    found = []
    for variant, allowed in variants.items():
        flags = re.IGNORECASE if variant.isascii() else 0
        for match in re.finditer(re.escape(variant), text, flags):
            start, end = match.span()
            if text[:start].endswith(f"{preferred}（"):
                continue
            if any(_inside(text, start, end, word, variant) for word in allowed):
                continue
            context = " ".join(text[max(start - 10, 0) : end + 10].split())
            found.append(f"{variant!r} in “{context}” (use {preferred!r})")
    return found


def avoided_uses(text: str, entries: list[Entry]) -> list[str]:
    """Words of either variant line used in ``text``, with the term to use instead."""
    return [use for entry in entries for use in variant_uses(text, entry.terms[0], entry.avoided)]


def _inside(text: str, start: int, end: int, word: str, variant: str) -> bool:
    offset = word.find(variant)
    return offset >= 0 and text[start - offset : start - offset + len(word)] == word
