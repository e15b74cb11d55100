"""glossary_terms: the same word in two glossaries, each language links to its own."""

from __future__ import annotations

import posixpath
from pathlib import Path

from sphinx.util.inventory import InventoryFile
from sphinx_project import build, make_project

EN_GLOSSARY = """\
Glossary
========

.. glossary::

   vCPU
      A virtual CPU.
"""
ZH_GLOSSARY = """\
术语
====

.. glossary::

   vCPU
      虚拟 CPU。
"""
PAGES = {
    "index": "Index\n=====\n\n.. toctree::\n\n   handbook/en/glossary\n   handbook/en/page\n"
    "   handbook/zh_CN/glossary\n   handbook/zh_CN/page\n",
    "handbook/en/glossary": EN_GLOSSARY,
    "handbook/zh_CN/glossary": ZH_GLOSSARY,
    "handbook/en/page": "Page\n====\n\nEach :term:`vCPU` runs in a thread.\n",
    "handbook/zh_CN/page": "页面\n====\n\n每个 :term:`vCPU` 在一个线程里运行。\n",
}


def test_each_language_links_to_its_own_glossary(tmp_path: Path) -> None:
    root = make_project(tmp_path, ["glossary_terms"], PAGES)
    result = build(root, "-W")
    assert result.returncode == 0, result.stderr
    html = root / "_build/html/handbook"
    assert 'href="glossary.html#term-vCPU"' in (html / "en/page.html").read_text("utf-8")
    assert 'href="glossary.html#term-vCPU"' in (html / "zh_CN/page.html").read_text("utf-8")
    # The index and the object inventory name the term as written.
    index = (root / "_build/html/searchindex.js").read_text("utf-8")
    assert '"vcpu":[[0,"term-vCPU",true],[2,"term-vCPU",true]]' in index
    with (root / "_build/html/objects.inv").open("rb") as inventory:
        terms = InventoryFile.load(inventory, "", posixpath.join)["std:term"]
    assert set(terms) == {"vCPU"}


def test_without_the_extension_the_second_glossary_is_a_duplicate(tmp_path: Path) -> None:
    root = make_project(tmp_path, ["handbook_site"], PAGES)
    result = build(root, "-W")
    assert result.returncode != 0
    assert "duplicate term description of vCPU" in result.stderr


def test_a_page_does_not_borrow_a_term_of_the_other_language(tmp_path: Path) -> None:
    pages = {**PAGES, "handbook/zh_CN/glossary": "术语\n====\n\n没有条目。\n"}
    root = make_project(tmp_path, ["glossary_terms"], pages)
    result = build(root, "-W")
    assert "term not in glossary: 'vCPU'" in result.stderr
