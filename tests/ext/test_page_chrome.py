"""page_chrome: the theme's words around a Chinese page are Chinese.

A small furo project with a handbook in two languages: the Chinese pages get
the search box, navigation, "On this page", Previous/Next, "Back to top",
toggles, permalinks and footer in Chinese; the English pages stay as furo
writes them.
"""

from __future__ import annotations

import re
from pathlib import Path

import furo
import pytest
from handbook_site import site_messages
from page_chrome import translations
from sphinx_project import build, make_project

INDEX = """\
Home
====

.. toctree::
   :caption: Handbook

   handbook/en/a
   handbook/en/b
   handbook/zh_CN/a
   handbook/zh_CN/b
"""
PAGE = """\
{title}
{rule}

.. _part:

{part}
{dashes}

{text}
"""


def page(title: str, part: str, text: str) -> str:
    return PAGE.format(title=title, rule="=" * 8, part=part, dashes="-" * 8, text=text)


PAGES = {
    "index": INDEX,
    "handbook/en/a": page("First", "Part", "Some text."),
    "handbook/en/b": page("Second", "Part", "More text."),
    "handbook/zh_CN/a": page("第一页", "一节", "一些文字。"),
    "handbook/zh_CN/b": page("第二页", "一节", "更多文字。"),
}
CONF = 'html_title = "KVM x86 handbook"\ncopyright = "2026, Someone"\n'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(
        tmp_path_factory.mktemp("chrome"),
        ["handbook_sections", "page_chrome"],
        PAGES,
        conf_extra=CONF,
        theme="furo",
    )
    result = build(root, "-W")
    assert result.returncode == 0, result.stderr
    return root / "_build/html/handbook"


def read(site: Path, name: str) -> str:
    return (site / f"{name}.html").read_text(encoding="utf-8")


def test_chinese_page_chrome_is_chinese(site: Path) -> None:
    zh = read(site, "zh_CN/a")
    assert '<html class="no-js" lang="zh-CN"' in zh
    assert 'placeholder="搜索"' in zh and 'aria-label="搜索"' in zh
    assert re.search(r'<span class="toc-title">\s*本页目录\s*</span>', zh)
    assert "<span>回到顶部</span>" in zh
    assert re.search(r"<span>下一页</span>\s*</div>\s*<div class=\"title\">第二页</div>", zh)
    assert re.search(r"<span>上一页</span>\s*</div>\s*<div class=\"title\">Second</div>", zh)
    assert re.search(r'class="skip-to-content muted-link" href="#furo-main-content">跳到正文<', zh)
    assert 'aria-label="显示或隐藏站点导航"' in zh
    assert 'aria-label="显示或隐藏本页目录"' in zh
    assert 'aria-label="切换浅色、深色或自动配色"' in zh
    assert '<span class="caption-text">手册</span>' in zh
    assert 'title="链接到本节"' in zh
    assert "<title>目录</title>" in zh and "<title>浅色模式</title>" in zh
    assert "<title>第一页 - KVM x86 贡献者手册</title>" in zh
    assert "版权所有 &#169; 2026, Someone" in zh
    assert re.search(
        r"本站由 <a [^>]*>Sphinx</a> 和 <a [^>]*>@pradyunsg</a> 的 "
        r"<a [^>]*>Furo</a> 主题生成",
        zh,
    )


def test_no_english_chrome_left_on_the_chinese_page(site: Path) -> None:
    zh = read(site, "zh_CN/a")
    english = site_messages("en")["page_chrome"]["messages"]
    left = [words for words in english if re.search(rf'(?:"|>)\s*{re.escape(words)}\s*(?:"|<)', zh)]
    assert not left
    assert "Toggle navigation of" not in zh and "Made with" not in zh


def test_english_page_keeps_furo_words(site: Path) -> None:
    en = read(site, "en/a")
    assert '<html class="no-js" lang="en"' in en
    assert 'placeholder="Search"' in en
    assert re.search(r'<span class="toc-title">\s*On this page\s*</span>', en)
    assert "<span>Back to top</span>" in en
    assert 'aria-label="Toggle site navigation sidebar"' in en
    assert '<span class="caption-text">Handbook</span>' in en
    assert "<title>First - KVM x86 handbook</title>" in en
    assert "Made with" in en and "本站由" not in en


def test_every_word_furo_translates_has_chinese() -> None:
    """Each ``_()``/``{% trans %}`` text of furo's page templates has a translation."""
    theme = Path(furo.__file__).parent / "theme" / "furo"
    templates = [theme / "page.html", theme / "base.html", theme / "sidebar" / "search.html"]
    source = "\n".join(path.read_text(encoding="utf-8") for path in templates)
    called = re.findall(r"""_\(\s*["']([^"']+)["']\s*\)""", source)
    blocks = re.findall(r"{%-? trans -?%}\s*([^{}<]+?)\s*{%-? endtrans", source)
    words = {*called, *(text for text in blocks if text.strip())}
    assert {"Next", "On this page", "Back to top", "Skip to content"} <= words
    chinese = translations("zh_CN")
    # Links to pages this site does not have, and the footer's "Made with",
    # which page_chrome words as a whole (``made_with``).
    elsewhere = {"About these documents", "Copyright", "Made with"}
    untranslated = {word for word in words - elsewhere if chinese.gettext(word) == word}
    assert not untranslated
