"""cjk_line_breaks: no stray spaces where a Chinese sentence wraps in the source, nor
around emphasised words and links in Chinese text."""

from __future__ import annotations

from pathlib import Path

from cjk_line_breaks import join_cjk_lines, tighten
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


MARKUP_PAGE = """\
标题
====

.. _rules:

规则一览
--------

新功能 **必须** 附带测试。内容。 **除上述情况外，** 一律如此。
读 *下方* 的说明，见 :ref:`rules` 一节，点 **选择文件…** 一次选好。
用 **KVM** 的接口，运行 ``make`` 命令，写 **必须** ``Fixes:`` 标签。
The **must** rule stays *spaced* in English.
"""


def test_tighten_only_between_cjk_text_and_cjk_markup() -> None:
    assert tighten(" ", "必须", "附带") == ""
    assert tighten("新功能 ", "", "必须") == "新功能"
    assert tighten(" 附带测试。", "必须", "") == "附带测试。"
    assert tighten("用 ", "", "KVM") == "用 "
    assert tighten(" rule", "must", "") == " rule"
    assert tighten(" 的", "KVM", "") == " 的"


def test_rendered_markup_has_no_stray_space(tmp_path: Path) -> None:
    root = make_project(tmp_path, ["cjk_line_breaks"], {"index": MARKUP_PAGE})
    assert build(root, "-W").returncode == 0
    html = (root / "_build/html/index.html").read_text(encoding="utf-8")
    assert "新功能<strong>必须</strong>附带测试" in html
    assert "内容。<strong>除上述情况外，</strong>一律如此" in html
    assert "读<em>下方</em>的说明" in html
    assert (
        '见<a class="reference internal" href="#rules"><span class="std std-ref">规则一览'
        "</span></a>一节" in html
    )
    assert "点<strong>选择文件…</strong>一次选好" in html
    # Latin text and code keep their spaces.
    assert "用 <strong>KVM</strong> 的接口" in html
    code = '<code class="docutils literal notranslate"><span class="pre">make</span></code>'
    assert f"运行 {code} 命令" in html
    assert "写<strong>必须</strong> <code" in html
    assert "The <strong>must</strong> rule stays <em>spaced</em> in English." in html
