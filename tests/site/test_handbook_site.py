"""The real site: both languages, section ids, language switches, search."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from html_page import read_html

from kvmcheck.messages import LANGUAGES
from kvmcheck.share import text_of

REPO = Path(__file__).resolve().parents[2]
LANGS = LANGUAGES

# The fragment ids each page must have (issue: the handbook pages).
REQUIRED_IDS = {
    "maintainer-kvm-x86": """foreword tl-dr trees branches lifecycle timeline development
        base-tree-branch coding-style comments sdm-and-apm-references shortlog changelog fixes
        function-references testing new-features bug-fixes posting links git-base
        co-posting-tests notifications sha1-stability vulnerabilities""",
    "review-checklist": """coding-style-and-submitting base-branch userspace-api save-restore
        default-off cpuid testable vendor-neutral arch-neutral 64-bit-clean documented
        testing-of-kvm-code selftests kvm-unit-tests functional-tests new-instructions
        new-hardware-features bug-fixes-and-performance large-internal-changes new-apis
        bigger-features""",
    "first-patch": """community trees-and-code kvm-unit-tests selftests mailing-lists
        coding-style making-a-patch sign-off checking-a-patch sending-a-patch
        reviews-and-versions reporting-bugs bisecting""",
}


class HandbookPage:
    """Section ids, all ids, and language-switch links of one HTML page."""

    def __init__(self, path: Path) -> None:
        root = read_html(path)
        self.sections = [
            section.get("id") for section in root.find_all("section") if section.get("id")
        ]
        self.ids = {element.get("id") for element in root.descendants() if element.get("id")}
        self.switches = [
            link.get("href")
            for switch in root.find_all("p", cls="lang-switch")
            for link in switch.find_all("a")
        ]


def handbook_pages(lang: str) -> set[str]:
    return {path.stem for path in (REPO / "handbook" / lang).glob("*.rst")}


def test_both_languages_have_the_same_pages() -> None:
    assert handbook_pages("en") == handbook_pages("zh_CN")
    assert set(REQUIRED_IDS) | {"index", "playground"} <= handbook_pages("en")


@pytest.mark.parametrize("page", sorted(REQUIRED_IDS))
def test_pages_have_the_required_section_ids_in_both_languages(built_site: Path, page: str) -> None:
    required = set(REQUIRED_IDS[page].split())
    sections = {}
    for lang in LANGS:
        found = HandbookPage(built_site / "handbook" / lang / f"{page}.html").sections
        assert required <= set(found), f"{lang}/{page} lacks {sorted(required - set(found))}"
        sections[lang] = [section for section in found if section in required]
    assert sections["en"] == sections["zh_CN"], "same sections, same order"


@pytest.mark.parametrize("page", sorted(handbook_pages("en")))
def test_same_section_ids_and_every_switch_link_resolves(built_site: Path, page: str) -> None:
    parsed = {lang: HandbookPage(built_site / "handbook" / lang / f"{page}.html") for lang in LANGS}
    assert parsed["en"].sections[1:] == parsed["zh_CN"].sections[1:]
    for lang in LANGS:
        here = built_site / "handbook" / lang / f"{page}.html"
        switches = parsed[lang].switches
        # for the page and for every section below the title, one per other language
        expected = len(parsed[lang].sections) * (len(LANGS) - 1)
        assert len(switches) == expected, f"{lang}/{page}"
        for href in switches:
            path, _, fragment = href.partition("#")
            target = (here.parent / path).resolve()
            assert target.is_file(), href
            assert target.parent.name != lang, f"{href} stays in {lang}"
            if fragment:
                assert fragment in HandbookPage(target).ids, href


def test_chinese_search_finds_chinese_terms(built_site: Path) -> None:
    text = (built_site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)\s*", text, re.S).group(1))
    docnames = index["docnames"]

    def pages_with(term: str) -> set[str]:
        # Sphinx files a word found in a page's titles under titleterms only.
        pages = set()
        for kind in ("terms", "titleterms"):
            hits = index[kind].get(term, [])
            pages |= {docnames[hit] for hit in ([hits] if isinstance(hits, int) else hits)}
        return pages

    assert "handbook/zh_CN/first-patch" in pages_with("补丁")
    assert "handbook/zh_CN/maintainer-kvm-x86" in pages_with("补丁")
    assert "handbook/zh_CN/review-checklist" in pages_with("测试")
    # The English glossary names each term's Chinese rendering; no other
    # English page holds Chinese words.
    english = {name for name in pages_with("测试") if name.startswith("handbook/en/")}
    assert english <= {"handbook/en/glossary"}
    assert "handbook/en/maintainer-kvm-x86" in pages_with("shortlog")


def test_review_checklist_pages_load_the_tick_script(built_site: Path) -> None:
    for lang in LANGS:
        checklist = (built_site / "handbook" / lang / "review-checklist.html").read_text("utf-8")
        assert "section-ticks.js" in checklist
        guide = (built_site / "handbook" / lang / "first-patch.html").read_text("utf-8")
        assert "section-ticks.js" not in guide


def test_translations_record_their_english_version() -> None:
    for path in (REPO / "handbook" / "zh_CN").glob("*.rst"):
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        assert f":translation-of: {path.stem}" in head, path.name
        assert ":translated-from: _top=" in head, path.name


_IMG = re.compile(r'<img src="([^"]+)" alt="([^"]*)" class="graphviz" />')
_HAN = re.compile(r"[\u4e00-\u9fff]")


def test_diagrams_are_svg_images_with_alt_text_in_the_page_language(built_site: Path) -> None:
    for lang in LANGS:
        page = built_site / "handbook" / lang / "maintainer-kvm-x86.html"
        diagrams = _IMG.findall(page.read_text(encoding="utf-8"))
        assert len(diagrams) >= 2, f"{lang}: the release cycle and the patch flow"
        for src, alt in diagrams:
            svg = (page.parent / src).resolve()
            assert svg.suffix == ".svg" and "<svg" in svg.read_text(encoding="utf-8"), src
            assert len(alt) > 40, f"{lang}: {src} has no real alt text"
            assert bool(_HAN.search(alt)) == (lang == "zh_CN"), f"{lang}: alt text in {alt!r}"


def test_checked_examples_open_in_the_playground_of_their_language(built_site: Path) -> None:
    link = re.compile(r'<p class="kvmcheck-example-link"><a class="[^"]*" href="([^"]*)">')
    for lang in LANGS:
        hrefs = [
            html.unescape(href)
            for page in (built_site / "handbook" / lang).glob("*.html")
            for href in link.findall(page.read_text(encoding="utf-8"))
        ]
        assert len(hrefs) >= 20, f"{lang}: only {len(hrefs)} checked examples"
        for href in hrefs:
            target, _, share = href.partition("#")
            assert target == "playground.html"
            assert text_of(share).strip()


def test_search_for_a_rejected_word_finds_the_glossary(built_site: Path) -> None:
    text = (built_site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)\s*", text, re.S).group(1))
    hits = index["terms"].get("封面信", [])
    pages = {index["docnames"][hit] for hit in ([hits] if isinstance(hits, int) else hits)}
    assert "handbook/zh_CN/glossary" in pages
