"""cjk_line_breaks: no stray spaces where a Chinese sentence wraps in the source."""

from __future__ import annotations

from pathlib import Path

from cjk_line_breaks import join_cjk_lines
from sphinx_project import build, make_project

PAGE = """\
标题
====

与其等审阅意见回来再改，不如发补丁之前
自己先逐条核对。English words
stay apart, 中文和
English 之间也一样。

.. code-block:: text

   代码块
   不动
"""


def test_join_only_between_cjk_characters() -> None:
    assert join_cjk_lines("之前\n自己") == "之前自己"
    assert join_cjk_lines("之前，\n  自己") == "之前，自己"
    assert join_cjk_lines("words\nstay") == "words\nstay"
    assert join_cjk_lines("中文和\nEnglish") == "中文和\nEnglish"


def test_rendered_paragraph_has_no_stray_space(tmp_path: Path) -> None:
    root = make_project(tmp_path, ["cjk_line_breaks"], {"index": PAGE})
    assert build(root, "-W").returncode == 0
    html = (root / "_build/html/index.html").read_text(encoding="utf-8")
    assert "不如发补丁之前自己先逐条核对" in html
    assert "English words\nstay apart" in html
    assert "代码块\n不动" in html
