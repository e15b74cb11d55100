"""Sphinx configuration of the KVM x86 contributor handbook."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "_ext"))
sys.path.insert(0, str(ROOT / "playground"))

project = "KVM x86 contributor handbook"
author = "The KVM x86 handbook contributors"
copyright = "2026, The KVM x86 handbook contributors"
language = "en"
root_doc = "index"

extensions = [
    "myst_parser",
    "sphinx_design",
    # Our own extensions, one per file in _ext/; handbook_site is what
    # they share (languages, page names, the static folder).
    "warnings_gate",
    "quiet_build_log",
    "handbook_site",
    "handbook_sections",
    "glossary_terms",
    "page_chrome",
    "translation_status",
    "section_ticks",
    "cjk_line_breaks",
    "patch_checker",
    "accessible_html",
    "kvmcheck_rules",
    "kvmcheck_example",
    "graphviz_images",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
# Sources are the root page, the handbook and the project docs; nothing else
# in the repository (README, tests, caches) is a page.
include_patterns = ["index.rst", "handbook/**", "docs/**"]
exclude_patterns = ["**/node_modules", "**/.*"]

myst_heading_anchors = 3

# The site mixes English and Chinese pages in one search index: the Chinese
# splitter segments Chinese with jieba and stems English words as usual.
html_search_language = "zh"
html_search_options = {"dict": str(ROOT / "handbook" / "zh_CN" / "search-terms.txt")}

# Diagrams are drawn at build time by Debian's graphviz (`make graphviz`), as
# SVG files served with the site.
graphviz_output_format = "svg"

html_theme = "furo"
html_title = "KVM x86 handbook"
html_static_path = []
html_last_updated_fmt = None
html_copy_source = False

# The committed list of accepted warnings; ours is empty.
warnings_gate_baseline = "docs/warnings-baseline.txt"
warnings_gate_update_hint = "make warnings-baseline"
