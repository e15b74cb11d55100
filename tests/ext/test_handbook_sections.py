"""handbook_sections: page-local labels, the :hb: role and the language switch."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx_project import build, make_project

EN = """\
Guide
=====

Intro, see :hb:`guide#64-bit-clean` and :hb:`the other page <other>`.

.. _64-bit-clean:

Sixty-four bits
---------------

Text.

.. _shortlog:

Shortlog
--------

Back to :hb:`guide#64-bit-clean`.
"""

ZH = """\
指南
====

参见 :hb:`guide#shortlog`。

.. _64-bit-clean:

六十四位
--------

正文。

.. _shortlog:

标题行
------

正文。
"""

OTHER = "Other\n=====\n\nSee :hb:`guide#shortlog`.\n"
INDEX = """\
Index
=====

.. toctree::

   handbook/en/guide
   handbook/en/other
   handbook/zh_CN/guide
   handbook/zh_CN/other
   notes
"""
NOTES = "Notes\n=====\n\nOutside the handbook :hb:`guide#shortlog` means English.\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(
        tmp_path_factory.mktemp("handbook"),
        ["handbook_sections"],
        {
            "index": INDEX,
            "notes": NOTES,
            "handbook/en/guide": EN,
            "handbook/en/other": OTHER,
            "handbook/zh_CN/guide": ZH,
            "handbook/zh_CN/other": OTHER.replace("Other\n=====", "其他\n===="),
        },
    )
    result = build(root, "-W")  # any warning (e.g. a duplicate label) fails
    assert result.returncode == 0, result.stderr
    return root / "_build" / "html"


def read(site: Path, page: str) -> str:
    return (site / f"{page}.html").read_text(encoding="utf-8")


def test_section_ids_are_the_labels_in_both_languages(site: Path) -> None:
    for lang in ("en", "zh_CN"):
        ids = re.findall(r'<section id="([^"]+)"', read(site, f"handbook/{lang}/guide"))
        assert ids[1:] == ["64-bit-clean", "shortlog"]


def test_hb_role_links_within_the_same_language(site: Path) -> None:
    en = read(site, "handbook/en/guide")
    assert 'href="#64-bit-clean"' in en
    assert 'href="other.html"' in en and "the other page" in en
    zh = read(site, "handbook/zh_CN/guide")
    assert 'href="#shortlog"' in zh and "标题行" in zh
    other_zh = read(site, "handbook/zh_CN/other")
    assert 'href="guide.html#shortlog"' in other_zh


def test_hb_role_outside_the_handbook_means_english(site: Path) -> None:
    assert 'href="handbook/en/guide.html#shortlog"' in read(site, "notes")


def test_every_section_links_to_the_same_section_in_the_other_language(site: Path) -> None:
    en = read(site, "handbook/en/guide")
    assert 'href="../zh_CN/guide.html#64-bit-clean" hreflang="zh-CN"' in en
    assert 'href="../zh_CN/guide.html#shortlog" hreflang="zh-CN"' in en
    assert 'href="../zh_CN/guide.html" hreflang="zh-CN"' in en  # the page itself
    zh = read(site, "handbook/zh_CN/guide")
    assert 'href="../en/guide.html#shortlog" hreflang="en"' in zh


def test_chinese_pages_say_they_are_chinese(site: Path) -> None:
    assert '<html lang="zh-CN"' in read(site, "handbook/zh_CN/guide")
    assert '<html lang="en"' in read(site, "handbook/en/guide")
