"""graphviz_images: diagrams drawn by dot at build time, as SVG images with alt text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sphinx_project import build, make_project

pytestmark = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz's dot is not installed (make graphviz)"
)

DIAGRAM = """\
.. graphviz::
   :caption: {caption}
{alt}
   digraph flow {{
      topic -> next;
   }}
"""


def page(title: str, caption: str, alt: str | None) -> str:
    alt_option = f"   :alt: {alt}\n" if alt is not None else ""
    return f"{title}\n{'=' * 8}\n\n" + DIAGRAM.format(caption=caption, alt=alt_option + "\n")


def project(root: Path, zh_alt: str | None = "主题分支合入 next。") -> Path:
    pages = {
        "index": "Index\n=====\n\n.. toctree::\n\n   en\n   zh\n",
        "en": page("Flow", "How a patch flows.", "A topic branch is merged into next."),
        "zh": page("流程", "补丁的流向。", zh_alt),
    }
    return make_project(
        root, ["graphviz_images"], pages, conf_extra="graphviz_output_format = 'svg'\n"
    )


def images(html_page: Path) -> list[tuple[str, str]]:
    return re.findall(
        r'<img src="([^"]+)" alt="([^"]*)" class="graphviz" />',
        html_page.read_text(encoding="utf-8"),
    )


def test_diagrams_are_svg_images_with_the_alt_text_of_their_page(tmp_path: Path) -> None:
    root = project(tmp_path)
    result = build(root, "-W")
    assert result.returncode == 0, result.stderr
    html_dir = root / "_build" / "html"
    for name, alt in (("en", "A topic branch is merged into next."), ("zh", "主题分支合入 next。")):
        ((src, found_alt),) = images(html_dir / f"{name}.html")
        assert found_alt == alt
        svg = html_dir / src
        assert svg.suffix == ".svg"
        assert "<svg" in svg.read_text(encoding="utf-8")
        assert "<object" not in (html_dir / f"{name}.html").read_text(encoding="utf-8")


def test_a_diagram_without_alt_text_is_a_warning(tmp_path: Path) -> None:
    result = build(project(tmp_path, zh_alt=None))
    assert "a diagram needs :alt: text" in result.stderr
