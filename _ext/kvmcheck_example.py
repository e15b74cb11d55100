"""The ``kvmcheck-example`` directive: handbook examples that the build checks.

::

    .. kvmcheck-example::
       :expect: shortlog-prefix-case, shortlog-trailing-punctuation
       :part: shortlog
       :caption: Bad:

       kvm: vmx: Fix a NULL pointer dereference in vmx_frob_msrs().

renders the example like a ``code-block`` (same caption, same highlighting)
followed by a link that opens it in the playground, through the share-link
fragment of ``kvmcheck.share``. At build time it runs ``kvmcheck`` on the
example; an example marked ``:expect: clean`` that has findings, or a bad
example whose expected rules do not fire, is a warning (type ``kvmcheck``,
subtype ``example``), so the warnings gate fails the build.

``:part:`` says what the example is, so that a fragment is judged only on
what it shows:

``patch`` (default)
   a whole patch, mail or commit; every finding counts.
``changelog``
   a commit message (shortlog, body, perhaps trailers) without the diff;
   only the rules that read the shortlog or the rest of the commit message
   count (``reads`` on the rule, see ``kvmcheck.registry``), and not the one about a
   missing sign-off, which such an example often leaves out. A missing
   ``Fixes:`` tag does count: a good example of a bug fix shows its tag.
``body``
   paragraphs or trailers from the body of a commit message, checked under a
   neutral shortlog; the same rules count as for ``changelog``.
``shortlog``
   one shortlog per line, each checked on its own; only the rules that read
   the shortlog count. In a bad example every line
   must draw at least one of the expected rules by itself, so that a list of
   bad shortlogs cannot hide a line kvmcheck accepts. With ``:file:``, each
   line is checked as the subject of a patch that changes that file (some
   prefixes are only wrong for some files, ``x86/kvm:`` on KVM's own code).
``code``
   lines of code, checked as lines that a patch adds to ``:file:`` (default
   ``arch/x86/kvm/x86.c``); only the rules that read the diff count.

``:ignore:`` names further rules that do not count for this example.
``:language:`` picks the highlighting (default ``text``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from handbook_site import handbook_docname, page_language, site_messages
from sphinx.directives.code import container_wrapper
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from kvmcheck.api import check_texts
from kvmcheck.registry import DIFF, MESSAGE, SERIES, SUBJECT
from kvmcheck.rules import RULES
from kvmcheck.share import ShareError, fragment

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

CLEAN = "clean"
PLAYGROUND_PAGE = "playground"
DEFAULT_FILE = "arch/x86/kvm/x86.c"
# A clean commit message around a fragment, so that only the fragment is judged.
SHORTLOG = "KVM: x86: Show an example"
BODY = "Show the example below."
SIGNOFF = "Signed-off-by: Example Writer <writer@example.org>"


def as_is(text: str, file: str | None) -> str:
    return text


def under_shortlog(text: str, file: str | None) -> str:
    return f"{SHORTLOG}\n\n{BODY}\n\n{text}"


def _adding(subject: str, lines: list[str], file: str) -> str:
    """A patch with ``subject`` that adds ``lines`` to ``file``."""
    added = "".join(f"+{line}\n" for line in lines)
    return (
        f"{subject}\n\n{BODY}\n\n{SIGNOFF}\n---\n"
        f"diff --git a/{file} b/{file}\n--- a/{file}\n+++ b/{file}\n"
        f"@@ -1,0 +1,{len(lines)} @@\n{added}"
    )


def as_added_lines(text: str, file: str | None) -> str:
    return _adding(SHORTLOG, text.splitlines(), file or DEFAULT_FILE)


def as_subject(text: str, file: str | None) -> str:
    """A shortlog alone, or as the subject of a patch that changes ``file``."""
    return text if file is None else _adding(text, ["example"], file)


@dataclass(frozen=True)
class Part:
    """What an example holds: how to make it a checkable input, which rules count.

    ``reads``: the per-patch rules that read one of these parts count (None:
    every rule; see ``Rule.reads``); ``blind``: rules that never count;
    ``per_line``: check each line on its own.
    """

    wrap: Callable[[str, str | None], str]
    reads: frozenset[str] | None
    blind: frozenset[str] = frozenset()
    per_line: bool = False


_COMMIT_MESSAGE = frozenset({SUBJECT, MESSAGE})
# What a commit message shown on its own usually leaves out.
_MESSAGE_BLIND = frozenset({"signoff-missing"})
PARTS = {
    "patch": Part(as_is, reads=None),
    "changelog": Part(as_is, _COMMIT_MESSAGE, _MESSAGE_BLIND),
    "body": Part(under_shortlog, _COMMIT_MESSAGE, _MESSAGE_BLIND),
    "shortlog": Part(as_subject, frozenset({SUBJECT}), per_line=True),
    "code": Part(as_added_lines, frozenset({DIFF})),
}


def rules_fired_per_item(
    text: str, part: Part, ignore: frozenset[str] = frozenset(), file: str | None = None
) -> list[tuple[str, set[str]]]:
    """Each item kvmcheck checks on its own (a line, for a ``per_line`` part;
    else the whole text) with the ids of the rules that fire on it and count
    for ``part``."""
    inputs = text.splitlines() if part.per_line else [text]
    items = []
    for number, item in enumerate(filter(str.strip, inputs), 1):
        result = check_texts([(f"example-{number}", part.wrap(item, file))])
        findings = [f for patch in result["patches"] for f in patch["findings"]]
        fired = {str(f["rule"]) for f in findings} - ignore - part.blind
        items.append((item, {rule for rule in fired if _counts(rule, part)}))
    return items


def rules_fired(
    text: str, part: Part, ignore: frozenset[str] = frozenset(), file: str | None = None
) -> set[str]:
    """The ids of the rules that fire on ``text`` and count for ``part``."""
    return set().union(*(fired for _, fired in rules_fired_per_item(text, part, ignore, file)))


def _counts(rule_id: str, part: Part) -> bool:
    if part.reads is None:
        return True
    rule = RULES[rule_id]
    return rule.target != SERIES and not part.reads.isdisjoint(rule.reads)


def parse_rule_ids(value: str) -> list[str]:
    """Rule ids from a comma- or space-separated option value."""
    return [item for item in value.replace(",", " ").split() if item]


def problem(expect: list[str], items: list[tuple[str, set[str]]]) -> str | None:
    """Why the example is wrong, or None when kvmcheck agrees with it.

    ``items`` are what kvmcheck checked on its own, with the rules that fired
    on each: every expected rule must fire somewhere, and in a bad example
    checked item by item, each item must draw one of them.
    """
    fired = set().union(*(rules for _, rules in items))
    if expect == [CLEAN]:
        if fired:
            return f"example marked clean, but kvmcheck reports: {', '.join(sorted(fired))}"
        return None
    missing = [rule for rule in expect if rule not in fired]
    if missing:
        seen = ", ".join(sorted(fired)) or "nothing"
        return (
            f"example expects {', '.join(missing)}, which kvmcheck does not report "
            f"(it reports {seen})"
        )
    if len(items) > 1:
        for item, rules in items:
            if not rules & set(expect):
                seen = ", ".join(sorted(rules)) or "nothing"
                return f"line {item.strip()!r} draws none of the expected rules (it draws {seen})"
    return None


class KvmcheckExampleDirective(SphinxDirective):
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "expect": directives.unchanged_required,
        "part": lambda value: directives.choice(value, tuple(PARTS)),
        "ignore": directives.unchanged_required,
        "caption": directives.unchanged_required,
        "language": directives.unchanged_required,
        "file": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        if "expect" not in self.options:
            raise self.error("kvmcheck-example needs :expect: clean or :expect: <rule-id>, …")
        expect = parse_rule_ids(self.options["expect"])
        ignore = parse_rule_ids(self.options.get("ignore", ""))
        unknown = [rule for rule in [*expect, *ignore] if rule != CLEAN and rule not in RULES]
        if unknown:
            raise self.error(f"kvmcheck-example: unknown rule {unknown[0]!r}")
        if CLEAN in expect and len(expect) > 1:
            raise self.error("kvmcheck-example: :expect: is either clean or a list of rules")
        text = self.raw_content()
        part = PARTS[self.options.get("part", "patch")]

        wrong = problem(
            expect, rules_fired_per_item(text, part, frozenset(ignore), self.options.get("file"))
        )
        if wrong:
            logger.warning(
                wrong, type="kvmcheck", subtype="example", location=(self.env.docname, self.lineno)
            )

        literal = nodes.literal_block(text, text, language=self.options.get("language", "text"))
        self.set_source_info(literal)
        block: nodes.Element = literal
        if "caption" in self.options:
            block = container_wrapper(self, literal, self.options["caption"])
        return [block, self._link(text)]

    def raw_content(self) -> str:
        """The content as written, tabs included.

        docutils expands tabs before a directive sees its content, and
        kernel code is indented with tabs, so the lines are read again from
        the source file.
        """
        expanded = "\n".join(self.content) + "\n"
        sources = {source for source, _ in self.content.items}
        if len(sources) != 1:
            return expanded
        try:
            lines = Path(sources.pop()).read_text(encoding="utf-8").splitlines()
        except OSError:
            return expanded
        raw = [lines[offset] if offset < len(lines) else "" for _, offset in self.content.items]
        indents = [len(line) - len(line.lstrip(" ")) for line in raw if line.strip()]
        indent = min(indents, default=0)
        text = "\n".join(line[indent:] for line in raw) + "\n"
        # Only trust the re-read lines if they are the content, tabs aside.
        return text if text.expandtabs(8).split() == expanded.split() else expanded

    def _link(self, text: str) -> nodes.Element:
        lang = page_language(self.env.docname)
        paragraph = nodes.paragraph(classes=["kvmcheck-example-link"])
        try:
            share = fragment(text)
        except ShareError as error:
            logger.warning(
                "example too large for a playground link: %s",
                error,
                type="kvmcheck",
                subtype="example",
                location=(self.env.docname, self.lineno),
            )
            return paragraph
        label = site_messages(lang)["kvmcheck_example"]["open"]
        # The URL depends on the page it is written into: set in resolve_links().
        paragraph += nodes.reference(
            "", label, internal=True, kvmcheck_fragment=share, kvmcheck_lang=lang
        )
        return paragraph


def resolve_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Point each link at the playground page of its language, from ``docname``."""
    for link in list(doctree.findall(nodes.reference)):
        if "kvmcheck_fragment" not in link:
            continue
        target = handbook_docname(link["kvmcheck_lang"], PLAYGROUND_PAGE)
        if target not in app.env.found_docs:
            logger.warning(
                "no playground page %r for an example's link",
                target,
                type="kvmcheck",
                subtype="example",
                location=link,
            )
            link.replace_self(nodes.Text(link.astext()))
            continue
        uri = app.builder.get_relative_uri(docname, target)
        link["refuri"] = f"{uri}#{link['kvmcheck_fragment']}"


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("handbook_site")
    app.add_directive("kvmcheck-example", KvmcheckExampleDirective)
    app.connect("doctree-resolved", resolve_links)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
