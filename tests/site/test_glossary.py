"""One Chinese vocabulary: the glossary decides, the Chinese pages follow.

The glossary (read by ``zh_glossary``) takes its terms from the kernel's own
Chinese documentation; these tests hold the Chinese pages to it and check its
choices against that documentation in the 6.12 tree.
"""

from __future__ import annotations

import re
from pathlib import Path

import kernel_tree
import pytest
from rst_prose import prose
from zh_glossary import (
    EN_GLOSSARY,
    REPO,
    ZH_GLOSSARY,
    Entry,
    avoided_uses,
    parse_glossary,
    variant_uses,
)

HANDBOOK = REPO / "handbook"
SEARCH_TERMS = HANDBOOK / "zh_CN" / "search-terms.txt"
ZH_PAGES = sorted(p for p in (HANDBOOK / "zh_CN").glob("*.rst") if p != ZH_GLOSSARY)
# The parts of the kernel's Chinese documentation that speak of the same
# things as this handbook: the development process, maintainers, KVM.
KERNEL_ZH_PARTS = ("process", "maintainer", "virt")
# Variants that mostly mean something else in the kernel's documents, so that
# counting them says nothing about the glossary's concept: 签名 is above all a
# PGP/GPG signature there (55 of 58 uses); for a sign-off the documents say 签署.
OTHER_SENSE = {"签名"}
_HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def zh_entries() -> list[Entry]:
    return parse_glossary(ZH_GLOSSARY)


@pytest.fixture(scope="module")
def en_entries() -> list[Entry]:
    return parse_glossary(EN_GLOSSARY)


def test_glossary_reads_both_variant_lines(zh_entries: list[Entry]) -> None:
    entries = {entry.terms[0]: entry for entry in zh_entries}
    assert entries["补丁系列"].kernel_also == {"补丁集": []}
    assert entries["签署"].kernel_also == {"签名": ["标签名"], "签发": []}
    assert entries["审阅者"].rejected == {"审查者": [], "评审人": []}
    assert "倒松树" in entries["倒圣诞树"].rejected
    assert "cover letter" in entries["封面邮件"].rejected
    assert "尾注" in entries["标签"].kernel_also
    assert "64 位干净" in entries["64 位兼容"].rejected


def test_finder_flags_variants_and_spares_allowed_uses(zh_entries: list[Entry]) -> None:
    text = "这个补丁集。标签名里的签名，封面邮件（cover letter）。写在 Cover Letter 里"
    uses = avoided_uses(text, zh_entries)
    assert [use.split(" in ")[0] for use in uses] == ["'补丁集'", "'cover letter'", "'签名'"]
    assert "写在 Cover Letter 里" in uses[1] and uses[1].endswith("(use '封面邮件')")


@pytest.mark.parametrize("page", ZH_PAGES, ids=lambda path: path.name)
def test_chinese_page_uses_the_glossary_terms(page: Path, zh_entries: list[Entry]) -> None:
    uses = avoided_uses(prose(page.read_text(encoding="utf-8")), zh_entries)
    assert not uses, f"{page.name} uses words the glossary rejects: {uses}"


@pytest.mark.parametrize("page", [*ZH_PAGES, ZH_GLOSSARY], ids=lambda path: path.name)
def test_chinese_page_quotes_with_chinese_quotation_marks(page: Path) -> None:
    lines = [
        line.strip() for line in prose(page.read_text(encoding="utf-8")).splitlines() if '"' in line
    ]
    assert not lines, f"{page.name} uses ASCII quotes in prose, use “…”: {lines[:5]}"


def test_glossaries_pair_the_same_terms(zh_entries: list[Entry], en_entries: list[Entry]) -> None:
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
        for word in [entry.terms[0], *entry.avoided]
        if _HAN.search(word) and " " not in word and len(word) > 1
    }
    assert not wanted - words, f"add to {SEARCH_TERMS.name}: {sorted(wanted - words)}"


@pytest.fixture(scope="module")
def kernel_zh_text() -> str:
    """The prose of the kernel's Chinese process, maintainer and KVM documents."""
    root = kernel_tree.tree() / "Documentation" / "translations" / "zh_CN"
    pages = sorted(page for part in KERNEL_ZH_PARTS for page in (root / part).rglob("*.rst"))
    assert len(pages) > 30, f"only {len(pages)} pages under {root}"
    return "\n".join(prose(page.read_text(encoding="utf-8")) for page in pages)


def test_kernel_documents_never_use_a_rejected_variant(
    zh_entries: list[Entry], kernel_zh_text: str
) -> None:
    uses = [
        use
        for entry in zh_entries
        for use in variant_uses(kernel_zh_text, entry.terms[0], entry.rejected)
    ]
    assert not uses, f"the kernel's Chinese documents use these; move them to 内核文档也用: {uses}"


def test_glossary_term_is_the_kernel_documents_most_used(
    zh_entries: list[Entry], kernel_zh_text: str
) -> None:
    """Each term the kernel also renders otherwise is its most frequent rendering.

    A term counts with the words built on it, as a reader meets it: 审阅
    (review) in 审阅者 (reviewer) too. The margins are what the documents
    give: 维护者 75 to 维护人员 74, 稳定版内核 6 to 稳定内核 5 in these parts
    (177 to 95 and 12 to 8 in all of zh_CN).
    """
    for entry in zh_entries:
        term = entry.terms[0]
        term_count = kernel_zh_text.count(term)
        for variant, allowed in entry.kernel_also.items():
            count = len(variant_uses(kernel_zh_text, term, {variant: allowed}))
            assert count, f"{variant!r} is not in the kernel's documents: move it to 不用"
            assert variant in OTHER_SENSE or term_count > count, (
                f"the kernel's documents say {variant!r} {count} times, {term!r} {term_count}"
            )
