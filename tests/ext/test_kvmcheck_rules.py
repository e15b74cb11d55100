"""kvmcheck_rules: the rule reference generated from the kvmcheck registry.

Each test builds a small real Sphinx project with handbook pages that carry
every section label a rule links to, and reads the HTML back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from html_page import Element, read_html
from sphinx_project import build, make_project

from kvmcheck.messages import catalog
from kvmcheck.rules import RULES
from kvmcheck.testing_checklist import ITEMS

SECTIONS = sorted({rule.section for rule in RULES.values()} | {item.section for item in ITEMS})

INDEX = """\
Index
=====

.. toctree::

   docs/rules
   docs/rules-zh
{handbook}
"""
RULES_PAGE = "Rules\n=====\n\n.. kvmcheck-rules::\n"
RULES_PAGE_ZH = "规则\n====\n\n.. kvmcheck-rules::\n   :lang: zh_CN\n"


def handbook_page(page: str, fragments: list[str]) -> str:
    """A handbook page with a labelled section for each fragment."""
    parts = [f"{page}\n{'=' * len(page)}\n"]
    for fragment in fragments:
        title = f"Section {fragment}"
        parts.append(f".. _{fragment}:\n\n{title}\n{'-' * len(title)}\n\nText.\n")
    return "\n".join(parts)


def project(root: Path, extra_extensions: tuple[str, ...] = ()) -> Path:
    fragments: dict[str, list[str]] = {}
    for section in SECTIONS:
        page, _, fragment = section.partition("#")
        fragments.setdefault(page, []).append(fragment)
    pages = {"docs/rules": RULES_PAGE, "docs/rules-zh": RULES_PAGE_ZH}
    for lang in ("en", "zh_CN"):
        for page, ids in fragments.items():
            pages[f"handbook/{lang}/{page}"] = handbook_page(page, ids)
    toc = "\n".join(f"   {name}" for name in pages if name.startswith("handbook/"))
    pages["index"] = INDEX.format(handbook=toc)
    return make_project(root, ["kvmcheck_rules", *extra_extensions], pages)


class RulesPage:
    """Links, code blocks, highlighted lines and text of each section of a page."""

    def __init__(self, path: Path) -> None:
        self.root = read_html(path)

    def section(self, section_id: str) -> Element:
        found = self.root.find("section", id=section_id)
        assert found is not None, f"no section with id {section_id}"
        return found

    def links(self, section_id: str) -> list[str]:
        return [a.get("href") for a in self.section(section_id).find_all("a") if a.get("href")]

    def pre(self, section_id: str) -> list[str]:
        return [block.text() for block in self.section(section_id).find_all("pre")]

    def highlighted(self, section_id: str) -> list[str]:
        return [span.text() for span in self.section(section_id).find_all("span", cls="hll")]

    def text(self, section_id: str) -> str:
        return self.section(section_id).text()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = project(tmp_path_factory.mktemp("rules"))
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "_build" / "html", result.stderr


def test_builds_without_warnings(built: tuple[Path, str]) -> None:
    _, stderr = built
    assert "WARNING" not in stderr and "ERROR" not in stderr, stderr


def test_every_rule_has_a_section_with_its_id_and_examples(built: tuple[Path, str]) -> None:
    page = RulesPage(built[0] / "docs" / "rules.html")
    for rule in RULES.values():
        blocks = [block.strip() for block in page.pre(rule.id)]
        assert rule.bad.strip() in blocks, f"{rule.id}: bad example missing"
        assert rule.good.strip() in blocks, f"{rule.id}: good example missing"
        text = page.text(rule.id)
        assert rule.title("en") in text
        assert rule.severity in text
        assert f"{rule.check.__module__}.{rule.check.__qualname__}()" in text
        assert ("kvmcheck --fix repairs it" in text) == rule.fixable, rule.id
    assert "KVM patches only; .c .h .S .lds files of KVM code, Linux-as-a-guest code" in page.text(
        "indent-spaces"
    )
    assert "any kernel patch; the commit message" in page.text("signoff-missing")


def test_lines_that_differ_between_the_examples_are_highlighted(
    built: tuple[Path, str],
) -> None:
    page = RulesPage(built[0] / "docs" / "rules.html")
    for rule in RULES.values():
        bad, good = set(rule.bad.splitlines()), set(rule.good.splitlines())
        marked = {line.rstrip("\n") for line in page.highlighted(rule.id)}
        assert marked, f"{rule.id}: nothing highlighted"
        assert marked <= bad | good, f"{rule.id}: highlights outside the examples"
        assert bad ^ good <= marked, f"{rule.id}: unmarked changes {(bad ^ good) - marked}"


def test_bad_example_shows_what_kvmcheck_says(built: tuple[Path, str]) -> None:
    page = RulesPage(built[0] / "docs" / "rules.html")
    for rule in RULES.values():
        said = [block for block in page.pre(rule.id) if f"[{rule.id}]" in block]
        assert said, f"{rule.id}: no kvmcheck output shown for the bad example"
        assert said[0].startswith(f"{rule.id}.patch:")


def test_each_rule_links_to_its_english_handbook_section(built: tuple[Path, str]) -> None:
    page = RulesPage(built[0] / "docs" / "rules.html")
    for rule in RULES.values():
        page_name, _, fragment = rule.section.partition("#")
        expected = f"../handbook/en/{page_name}.html#{fragment}"
        assert expected in page.links(rule.id), (rule.id, page.links(rule.id))


def test_overview_table_links_every_rule(built: tuple[Path, str]) -> None:
    html = (built[0] / "docs" / "rules.html").read_text(encoding="utf-8")
    table = html[html.index("kvmcheck-rules-table") : html.index("</table>")]
    for rule in RULES.values():
        assert f'href="#{rule.id}"' in table
        page_name, _, fragment = rule.section.partition("#")
        assert f'href="../handbook/en/{page_name}.html#{fragment}"' in table


def test_testing_checklist_lists_every_item(built: tuple[Path, str]) -> None:
    page = RulesPage(built[0] / "docs" / "rules.html")
    text = page.text("testing-checklist")
    messages = catalog("en")
    for item in ITEMS:
        assert messages[f"checklist.{item.id}"] in text


def test_chinese_reference_links_to_chinese_handbook(built: tuple[Path, str]) -> None:
    page = RulesPage(built[0] / "docs" / "rules-zh.html")
    for rule in RULES.values():
        page_name, _, fragment = rule.section.partition("#")
        assert f"../handbook/zh_CN/{page_name}.html#{fragment}" in page.links(rule.id)
        assert rule.title("zh_CN") in page.text(rule.id)
    html = (built[0] / "docs" / "rules-zh.html").read_text(encoding="utf-8")
    assert "错误示例" in html and "正确示例" in html


BREAK_EXAMPLES = """\
from kvmcheck.rules import RULES


def setup(app):
    rules = list(RULES.values())
    rules[0].good = rules[0].bad
    rules[1].bad = rules[1].good
    return {"parallel_read_safe": True}
"""


def test_examples_that_disagree_with_the_checker_are_build_warnings(tmp_path: Path) -> None:
    root = project(tmp_path / "broken", extra_extensions=("break_examples",))
    (root / "break_examples.py").write_text(BREAK_EXAMPLES)
    result = build(root)
    first, second = list(RULES.values())[:2]
    assert f"kvmcheck rule {first.id}: its good example fires it" in result.stderr
    assert f"kvmcheck rule {second.id}: its bad example does not fire it" in result.stderr
