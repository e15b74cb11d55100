"""The kvmcheck rule reference, generated from the checker's rule registry.

``.. kvmcheck-rules::`` renders, in registry order:

* a table of every rule (id, severity, handbook section, summary), like
  ``kvmcheck --list-rules``;
* one section per rule whose HTML id is the rule id, so ``rules.html#<id>``
  is a stable link: severity, what it applies to, whether ``--fix`` repairs
  it, the function that
  implements it, a link to the handbook section the rule enforces, the
  explanation, the bad example with what kvmcheck says about it, and the
  good example (the lines where the two differ highlighted);
* the testing checklist kvmcheck returns with every result.

The rules' text and examples live in the ``kvmcheck`` package only; this
page never repeats them by hand. The examples are run through the checker
while the page is built: a bad example that does not fire its rule, or a good
example that does, is a build warning (and so a failed build).

Option ``:lang: en|zh_CN`` (default ``en``) picks the language of the rule
text and of the handbook links.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from handbook_site import MESSAGES_FILE, handbook_link, site_messages
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import kvmcheck
from kvmcheck.api import check_texts
from kvmcheck.messages import LANGUAGES, catalog
from kvmcheck.paths import FILE_TYPES
from kvmcheck.results import all_findings
from kvmcheck.rules import RULES
from kvmcheck.testing_checklist import ITEMS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx

    from kvmcheck.registry import Rule

logger = logging.getLogger(__name__)

TESTING_CHECKLIST_ID = "testing-checklist"


def example_block(text: str, caption: str, changed: list[int]) -> nodes.container:
    """A ``code-block:: text`` with a caption, as the handbook writes examples.

    ``changed`` lines (1-based) are highlighted.
    """
    literal = nodes.literal_block(text, text, language="text")
    if changed:
        literal["highlight_args"] = {"hl_lines": changed}
    wrapper = nodes.container("", literal_block=True, classes=["literal-block-wrapper"])
    wrapper += nodes.caption(caption, caption)
    wrapper += literal
    return wrapper


def changed_lines(bad: str, good: str) -> tuple[list[int], list[int]]:
    """The 1-based lines where each example differs from the other.

    A whole patch is hard to compare by eye; highlighting shows the reader
    what the fix is.
    """
    bad_lines, good_lines = bad.splitlines(), good.splitlines()
    matcher = difflib.SequenceMatcher(None, bad_lines, good_lines, autojunk=False)
    in_bad: list[int] = []
    in_good: list[int] = []
    for tag, bad_start, bad_end, good_start, good_end in matcher.get_opcodes():
        if tag != "equal":
            in_bad.extend(range(bad_start + 1, bad_end + 1))
            in_good.extend(range(good_start + 1, good_end + 1))
    return in_bad, in_good


def paragraphs(text: str) -> list[nodes.paragraph]:
    """Plain text, blank-line separated, as docutils paragraphs (no markup)."""
    blocks = [" ".join(block.split()) for block in text.split("\n\n")]
    return [nodes.paragraph(block, block) for block in blocks if block]


def table(header: list[str], rows: Iterable[list[nodes.Node]], widths: list[int]) -> nodes.table:
    group = nodes.tgroup(cols=len(header))
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += row_of([nodes.paragraph(text, text) for text in header])
    group += head
    body = nodes.tbody()
    for cells in rows:
        body += row_of(cells)
    group += body
    result = nodes.table(classes=["kvmcheck-rules-table"])
    result += group
    return result


def row_of(cells: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        inline = isinstance(cell, (nodes.Text, nodes.Inline))
        entry += nodes.paragraph("", "", cell) if inline else cell
        row += entry
    return row


def applies_text(rule: Rule, words: dict[str, str]) -> str:
    """Where the rule applies: which patches, and the message or which files it reads."""
    parts = [words[f"scope-{rule.scope}"]]
    if rule.commits_only:
        parts.append(words["commits-only"])
    areas = words["list-separator"].join(words[f"area-{area}"] for area in rule.areas)
    types = " ".join(suffix for kind in rule.types for suffix in FILE_TYPES[kind])
    if areas and types:
        parts.append(words["typed-files-in"].format(areas=areas, types=types))
    elif areas:
        parts.append(words["files-in"].format(areas=areas))
    elif types:
        parts.append(words["typed-files"].format(types=types))
    return words["separator"].join(parts)


def as_printed(source: str, finding: dict[str, Any]) -> str:
    """A finding as ``kvmcheck`` prints it, without the link to the handbook."""
    where = source if finding["line"] is None else f"{source}:{finding['line']}"
    return f"{where}: {finding['severity'].upper()}: [{finding['rule']}] {finding['message']}"


def language_option(value: str | None) -> str:
    # Not directives.choice(): it lowercases, and "zh_CN" is case sensitive.
    lang = directives.unchanged_required(value).strip()
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose from {', '.join(LANGUAGES)}")
    return lang


def severity_text(rule: Rule) -> str:
    return " / ".join(rule.severities) if len(rule.severities) > 1 else rule.severity


class KvmcheckRules(SphinxDirective):
    """``.. kvmcheck-rules::`` — the whole rule reference."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "lang": language_option,
    }

    def run(self) -> list[nodes.Node]:
        lang = self.options.get("lang", "en")
        # The few words the directive itself writes, from the site catalog.
        words = site_messages(lang)["kvmcheck_rules"]
        self.env.note_dependency(str(MESSAGES_FILE))
        self.note_package_dependency()
        result: list[nodes.Node] = [self.overview(lang, words)]
        result.extend(self.rule_section(rule, lang, words) for rule in RULES.values())
        result.append(self.testing_checklist_section(lang, words))
        for node in result:
            # Show kvmcheck's texts exactly as the command line prints them:
            # no curly quotes around the prefixes and tags people must type.
            node["support_smartquotes"] = False
        return result

    def note_package_dependency(self) -> None:
        # The page is generated from the package: re-read it when any rule,
        # message or example changes.
        package = Path(kvmcheck.__file__).parent
        for path in sorted(package.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                self.env.note_dependency(str(path))

    def overview(self, lang: str, words: dict[str, str]) -> nodes.table:
        rows = []
        for rule in RULES.values():
            rule_link = nodes.reference(
                "", "", nodes.literal(rule.id, rule.id), refid=rule.id, internal=True
            )
            rows.append(
                [
                    rule_link,
                    nodes.Text(severity_text(rule)),
                    handbook_link(rule.section, lang, rule.section),
                    nodes.Text(rule.title(lang)),
                ]
            )
        header = [words["rule"], words["severity"], words["section"], words["summary"]]
        return table(header, rows, widths=[30, 12, 30, 48])

    def rule_section(self, rule: Rule, lang: str, words: dict[str, str]) -> nodes.section:
        section = self.new_section(rule.id, nodes.literal(rule.id, rule.id))
        title = rule.title(lang)
        section += nodes.paragraph(title, "", nodes.strong(title, title))
        facts = nodes.field_list()
        facts += self.field(words["severity"], nodes.Text(severity_text(rule)))
        facts += self.field(words["applies"], nodes.Text(applies_text(rule, words)))
        facts += self.field(words["section"], handbook_link(rule.section, lang))
        if rule.fixable:
            facts += self.field(words["fix"], nodes.Text(words["fixable"]))
        check = f"{rule.check.__module__}.{rule.check.__qualname__}()"
        facts += self.field(words["code"], nodes.literal(check, check))
        section += facts
        section.extend(paragraphs(rule.explanation(lang)))
        bad_changed, good_changed = changed_lines(rule.bad, rule.good)
        section += example_block(rule.bad, words["bad"], bad_changed)
        said = self.findings_of(rule, rule.bad, lang)
        if not said:
            logger.warning(
                "kvmcheck rule %s: its bad example does not fire it",
                rule.id,
                location=self.get_location(),
            )
        else:
            section += nodes.paragraph(words["says"], words["says"])
            section += nodes.literal_block("\n".join(said), "\n".join(said), language="text")
        section += example_block(rule.good, words["good"], good_changed)
        if self.findings_of(rule, rule.good, lang):
            logger.warning(
                "kvmcheck rule %s: its good example fires it", rule.id, location=self.get_location()
            )
        return section

    def testing_checklist_section(self, lang: str, words: dict[str, str]) -> nodes.section:
        title, intro = words["testing-checklist"], words["testing-checklist-intro"]
        section = self.new_section(TESTING_CHECKLIST_ID, nodes.Text(title))
        section += nodes.paragraph(intro, intro)
        messages = catalog(lang)
        items = nodes.bullet_list()
        for item in ITEMS:
            text = messages[f"checklist.{item.id}"]
            entry = nodes.paragraph()
            entry += nodes.Text(f"{text} (")
            entry += handbook_link(item.section, lang)
            entry += nodes.Text(")")
            items += nodes.list_item("", entry)
        section += items
        return section

    def new_section(self, section_id: str, title: nodes.Node) -> nodes.section:
        """A section whose HTML id is exactly ``section_id``."""
        section = nodes.section(ids=[section_id], names=[section_id])
        section += nodes.title("", "", title)
        self.set_source_info(section)
        self.state.document.note_implicit_target(section, section)
        return section

    @staticmethod
    def field(name: str, body: nodes.Node) -> nodes.field:
        field = nodes.field()
        field += nodes.field_name(name, name)
        field += nodes.field_body("", nodes.paragraph("", "", body))
        return field

    @staticmethod
    def findings_of(rule: Rule, example: str, lang: str) -> list[str]:
        """The example's findings of ``rule``, as ``kvmcheck`` prints them."""
        source = f"{rule.id}.patch"
        found = all_findings(check_texts([(source, example)], lang=lang))
        return [as_printed(source, f) for f in found if f["rule"] == rule.id]


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("handbook_site")
    # The handbook links resolve against that extension's page-local labels.
    app.setup_extension("handbook_sections")
    app.add_directive("kvmcheck-rules", KvmcheckRules)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
