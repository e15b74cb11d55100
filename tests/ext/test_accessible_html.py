"""accessible_html: levelled toctree captions and code blocks reachable by keyboard."""

from __future__ import annotations

import re
from pathlib import Path

from sphinx_project import build, make_project

INDEX = """\
Project
=======

.. toctree::
   :caption: Handbook

   handbook/zh_CN/page

A wide block:

.. code-block:: text

   {wide}

.. parsed-literal::

   kvmcheck *FILE*
"""

CHINESE = """\
页面
====

::

   make serve
"""


def built(tmp_path: Path) -> Path:
    root = make_project(
        tmp_path,
        ["accessible_html"],
        {
            "index": INDEX.format(wide="x" * 300),
            "handbook/zh_CN/page": CHINESE,
        },
        conf_extra="html_theme = 'furo'\n",
    )
    result = build(root, "-W")
    assert result.returncode == 0, result.stderr
    return root / "_build" / "html"


def test_captions_have_a_level_and_code_takes_focus(tmp_path: Path) -> None:
    html = built(tmp_path)
    index = (html / "index.html").read_text(encoding="utf-8")
    captions = re.findall(r"<p [^>]*role=\"heading\"[^>]*>", index)
    # One in the sidebar (the theme's navigation), one in the page.
    assert len(captions) == 2, captions
    assert all('aria-level="2"' in caption for caption in captions)
    pres = re.findall(r"<pre[\s>][^>]*>?", index)
    assert len(pres) == 2, pres
    for pre in pres:
        assert 'tabindex="0"' in pre and 'role="region"' in pre, pre
        assert 'aria-label="Code block"' in pre, pre
    # The block's text is untouched.
    assert "x" * 300 in index
    # The parsed literal too (docutils' own <pre>, not a highlighted one).
    assert '<pre tabindex="0" role="region" aria-label="Code block" class="literal-block">' in index


def test_code_label_speaks_the_page_language(tmp_path: Path) -> None:
    page = (built(tmp_path) / "handbook/zh_CN/page.html").read_text(encoding="utf-8")
    assert re.search(r'<pre tabindex="0" role="region" aria-label="代码块">', page)
