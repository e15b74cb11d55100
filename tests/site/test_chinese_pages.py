"""The built Chinese pages read as Chinese: the theme's words around them, and no
stray spaces around marked-up words."""

from __future__ import annotations

import re
from pathlib import Path

from handbook_site import site_messages

_CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
# A space between Chinese text and emphasised or strong Chinese text.
_STRAY_SPACE = re.compile(rf"{_CJK} <(?:strong|em)>{_CJK}|{_CJK}</(?:strong|em)> {_CJK}")


def chinese_pages(built_site: Path) -> list[Path]:
    pages = sorted((built_site / "handbook" / "zh_CN").glob("*.html"))
    assert len(pages) >= 6
    return pages


def test_no_stray_space_around_emphasis(built_site: Path) -> None:
    stray = {
        page.name: _STRAY_SPACE.findall(page.read_text(encoding="utf-8"))
        for page in chinese_pages(built_site)
    }
    assert not {name: found for name, found in stray.items() if found}
    # The pages do emphasise Chinese words, so the check has something to look at.
    first_patch = (built_site / "handbook/zh_CN/first-patch.html").read_text(encoding="utf-8")
    assert re.search(rf"{_CJK}<strong>{_CJK}", first_patch)


def test_chrome_is_chinese(built_site: Path) -> None:
    english = site_messages("en")["page_chrome"]["messages"]
    for page in chinese_pages(built_site):
        text = page.read_text(encoding="utf-8")
        assert '<html class="no-js" lang="zh-CN"' in text, page.name
        assert 'placeholder="搜索"' in text and "<span>回到顶部</span>" in text, page.name
        assert 'aria-label="显示或隐藏站点导航"' in text, page.name
        assert '<span class="caption-text">手册</span>' in text, page.name
        left = [
            words
            for words in english
            if re.search(rf'(?:"|>)\s*{re.escape(words)}\s*(?:"|<)', text)
        ]
        assert not left, f"{page.name}: {left}"
        assert "Toggle navigation of" not in text and "Made with" not in text, page.name
    # Every page with sections has the table of contents and a next or previous page.
    glossary = (built_site / "handbook/zh_CN/glossary.html").read_text(encoding="utf-8")
    assert re.search(r'<span class="toc-title">\s*本页目录\s*</span>', glossary)
    assert "<span>上一页</span>" in glossary or "<span>下一页</span>" in glossary


def test_english_pages_keep_the_theme_words(built_site: Path) -> None:
    text = (built_site / "handbook/en/glossary.html").read_text(encoding="utf-8")
    assert '<html class="no-js" lang="en"' in text
    assert 'placeholder="Search"' in text and "<span>Back to top</span>" in text
    assert '<span class="caption-text">Handbook</span>' in text
