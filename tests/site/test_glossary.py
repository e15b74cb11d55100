"""One Chinese vocabulary: the glossary decides, the Chinese pages follow.

The Chinese glossary (``handbook/zh_CN/glossary.rst``) gives each concept one
term and, on a line starting with ``不用：``, the renderings the handbook
rejects, separated by ``、``. A rejected word that is fine inside a longer
word says so: ``系列（“一系列”除外）``. That line is the only place the
rejected variants are written down; these tests read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rst_prose import prose

REPO = Path(__file__).resolve().parents[2]
HANDBOOK = REPO / "handbook"
ZH_GLOSSARY = HANDBOOK / "zh_CN" / "glossary.rst"
EN_GLOSSARY = HANDBOOK / "en" / "glossary.rst"
SEARCH_TERMS = HANDBOOK / "zh_CN" / "search-terms.txt"
ZH_PAGES = sorted(p for p in (HANDBOOK / "zh_CN").glob("*.rst") if p != ZH_GLOSSARY)

REJECTED_LEAD = "不用："
_TERM = re.compile(r"^   (\S.*?)\s*$")
_FIELD = re.compile(r"^      (英文|Chinese)[：:]\s*(.+?)\s*$")
_EXCEPT = re.compile(r"^(?P<variant>[^（]+)（(?P<allowed>.+)除外）$")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Entry:
    """One glossary entry: its terms, the other language's term, rejected words."""

    terms: list[str]
    other: str = ""
    rejected: dict[str, list[str]] = field(default_factory=dict)


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


def parse_rejected(line: str) -> dict[str, list[str]]:
    """``不用：`` items as {variant: longer words in which it is fine}."""
    rejected = {}
    for item in split_items(line):
        match = _EXCEPT.match(item)
        if match:
            allowed = re.findall(r"“([^”]+)”", match.group("allowed"))
            rejected[match.group("variant").strip()] = allowed
        else:
            rejected[item] = []
    return rejected


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
        if term := _TERM.match(line):
            if entries and not entries[-1].other and not entries[-1].rejected:
                entries[-1].terms.append(term.group(1))
            else:
                entries.append(Entry([term.group(1)]))
        elif other := _FIELD.match(line):
            entries[-1].other = other.group(2)
        elif line.strip().startswith(REJECTED_LEAD):
            entries[-1].rejected = parse_rejected(line.strip().removeprefix(REJECTED_LEAD))
    return entries


def rejected_uses(text: str, entries: list[Entry]) -> list[str]:
    """Rejected words used in ``text``, with the preferred term for each.

    A variant is fine inside one of its allowed longer words, and right after
    its preferred term in parentheses (``封面信（cover letter）``), which is
    how a page puts the English beside the Chinese.
    """
    found = []
    for entry in entries:
        preferred = entry.terms[0]
        for variant, allowed in entry.rejected.items():
            flags = re.IGNORECASE if variant.isascii() else 0
            for match in re.finditer(re.escape(variant), text, flags):
                start, end = match.span()
                if text[:start].endswith(f"{preferred}（"):
                    continue
                if any(_inside(text, start, end, word, variant) for word in allowed):
                    continue
                context = " ".join(text[max(start - 10, 0):end + 10].split())
                found.append(f"{variant!r} in “{context}” (use {preferred!r})")
    return found


def _inside(text: str, start: int, end: int, word: str, variant: str) -> bool:
    offset = word.find(variant)
    return offset >= 0 and text[start - offset:start - offset + len(word)] == word


@pytest.fixture(scope="module")
def zh_entries() -> list[Entry]:
    return parse_glossary(ZH_GLOSSARY)


@pytest.fixture(scope="module")
def en_entries() -> list[Entry]:
    return parse_glossary(EN_GLOSSARY)


def test_glossary_rejects_the_known_variants(zh_entries: list[Entry]) -> None:
    rejected = {entry.terms[0]: entry.rejected for entry in zh_entries}
    assert rejected["补丁集"] == {"补丁系列": [], "系列": ["一系列"]}
    assert "审阅者" in rejected["评审者"]
    assert "倒松树" in rejected["倒圣诞树"]
    assert "cover letter" in rejected["封面信"]
    assert "尾注" in rejected["标签"]
    assert "64 位干净" in rejected["64 位兼容"]


def test_finder_flags_variants_and_spares_allowed_uses(zh_entries: list[Entry]) -> None:
    text = "这个补丁系列。一系列补丁，封面信（cover letter）。写在 Cover Letter 里"
    uses = rejected_uses(text, zh_entries)
    assert [use.split(" in ")[0] for use in uses] == ["'补丁系列'", "'系列'", "'cover letter'"]
    assert "写在 Cover Letter 里" in uses[2] and uses[2].endswith("(use '封面信')")


@pytest.mark.parametrize("page", ZH_PAGES, ids=lambda path: path.name)
def test_chinese_page_uses_the_glossary_terms(page: Path, zh_entries: list[Entry]) -> None:
    uses = rejected_uses(prose(page.read_text(encoding="utf-8")), zh_entries)
    assert not uses, f"{page.name} uses words the glossary rejects: {uses}"


@pytest.mark.parametrize("page", [*ZH_PAGES, ZH_GLOSSARY], ids=lambda path: path.name)
def test_chinese_page_quotes_with_chinese_quotation_marks(page: Path) -> None:
    lines = [line.strip() for line in prose(page.read_text(encoding="utf-8")).splitlines()
             if '"' in line]
    assert not lines, f"{page.name} uses ASCII quotes in prose, use “…”: {lines[:5]}"


def test_glossaries_pair_the_same_terms(
    zh_entries: list[Entry], en_entries: list[Entry]
) -> None:
    zh_pairs = {(entry.other.split("（")[0].strip(), entry.terms[0]) for entry in zh_entries}
    en_pairs = {(entry.terms[0], entry.other) for entry in en_entries}
    assert zh_pairs == en_pairs


def test_search_dictionary_knows_every_chinese_term_and_variant(
    zh_entries: list[Entry],
) -> None:
    words = {line.split()[0] for line in SEARCH_TERMS.read_text("utf-8").splitlines() if line}
    wanted = {
        word
        for entry in zh_entries
        for word in [entry.terms[0], *entry.rejected]
        if _HAN.search(word) and " " not in word and len(word) > 1
    }
    assert not wanted - words, f"add to {SEARCH_TERMS.name}: {sorted(wanted - words)}"
