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

``:part:`` says what the example is, so that a fragment is only judged on
what it shows:

``patch`` (default)
   a whole patch, mail or commit; every finding counts.
``changelog``
   a commit message (shortlog, body and perhaps trailers) without the rest of
   a patch; findings about a missing sign-off, the code or the series do not
   count.
``trailers``
   trailer lines only; they are checked under a neutral shortlog and body,
   and only the rules about trailers count.
``shortlog``
   one shortlog per line, each checked on its own; only the shortlog rules
   (and the one about function names) count.

``:ignore:`` names further rules that do not count for this example.
``:language:`` picks the highlighting (default ``text``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from handbook_sections import DEFAULT_LANGUAGE, handbook_docname, split_docname
from sphinx.directives.code import container_wrapper
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from kvmcheck.api import check_texts
from kvmcheck.registry import RULES, SERIES
from kvmcheck.share import ShareError, fragment

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

CLEAN = "clean"
PLAYGROUND_PAGE = "playground"
LINK_TEXT = {"en": "Open in the playground", "zh_CN": "在 playground 中打开"}
# A complete, clean commit around trailer lines, so that only they are judged.
TRAILERS_FRAME = "KVM: x86: Show an example of trailers\n\nShow the trailers below.\n\n"


@dataclass(frozen=True)
class Part:
    """What an example holds, and which rules can judge it."""

    sections: frozenset[str] | None
    per_line: bool = False
    frame: str = ""
    blind: frozenset[str] = frozenset()


_MESSAGE_SECTIONS = frozenset({
    "maintainer-kvm-x86#shortlog", "maintainer-kvm-x86#changelog",
    "maintainer-kvm-x86#function-references", "maintainer-kvm-x86#fixes",
    "maintainer-kvm-x86#links", "maintainer-kvm-x86#vulnerabilities",
    "first-patch#sign-off",
})
PARTS = {
    "patch": Part(sections=None),
    # A message shown on its own usually leaves out the sign-off.
    "changelog": Part(sections=_MESSAGE_SECTIONS, blind=frozenset({"signoff-missing"})),
    "trailers": Part(
        sections=frozenset({"maintainer-kvm-x86#fixes", "maintainer-kvm-x86#links",
                            "first-patch#sign-off"}),
        frame=TRAILERS_FRAME,
        # Trailer examples show one kind of trailer, not always the sign-off.
        blind=frozenset({"signoff-missing"}),
    ),
    "shortlog": Part(
        sections=frozenset({"maintainer-kvm-x86#shortlog",
                            "maintainer-kvm-x86#function-references"}),
        per_line=True,
    ),
}


def rules_fired(text: str, part: Part, ignore: frozenset[str] = frozenset()) -> set[str]:
    """The ids of the rules that fire on ``text`` and count for ``part``."""
    inputs = text.splitlines() if part.per_line else [text]
    fired: set[str] = set()
    for number, item in enumerate(filter(str.strip, inputs), 1):
        result = check_texts([(f"example-{number}", part.frame + item)])
        findings = [f for patch in result["patches"] for f in patch["findings"]]
        findings += result["series"]["findings"]
        fired.update(str(f["rule"]) for f in findings)
    return {rule for rule in fired - ignore - part.blind if _counts(rule, part)}


def _counts(rule_id: str, part: Part) -> bool:
    if part.sections is None:
        return True
    rule = RULES[rule_id]
    return rule.target != SERIES and rule.section in part.sections


def parse_rule_ids(value: str) -> list[str]:
    """Rule ids from a comma- or space-separated option value."""
    return [item for item in value.replace(",", " ").split() if item]


def problem(expect: list[str], fired: set[str]) -> str | None:
    """Why the example is wrong, or None when kvmcheck agrees with it."""
    if expect == [CLEAN]:
        if fired:
            return f"example marked clean, but kvmcheck reports: {', '.join(sorted(fired))}"
        return None
    missing = [rule for rule in expect if rule not in fired]
    if missing:
        seen = ", ".join(sorted(fired)) or "nothing"
        return (f"example expects {', '.join(missing)}, which kvmcheck does not report "
                f"(it reports {seen})")
    return None


class KvmcheckExampleDirective(SphinxDirective):
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "expect": directives.unchanged_required,
        "part": lambda value: directives.choice(value, tuple(PARTS)),
        "ignore": directives.unchanged_required,
        "caption": directives.unchanged_required,
        "language": directives.unchanged_required,
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
        text = "\n".join(self.content) + "\n"
        part = PARTS[self.options.get("part", "patch")]

        wrong = problem(expect, rules_fired(text, part, frozenset(ignore)))
        if wrong:
            logger.warning(wrong, type="kvmcheck", subtype="example",
                           location=(self.env.docname, self.lineno))

        literal = nodes.literal_block(text, text, language=self.options.get("language", "text"))
        self.set_source_info(literal)
        block: nodes.Element = literal
        if "caption" in self.options:
            block = container_wrapper(self, literal, self.options["caption"])
        return [block, self._link(text)]

    def _link(self, text: str) -> nodes.Element:
        where = split_docname(self.env.docname)
        lang = where[0] if where else DEFAULT_LANGUAGE
        paragraph = nodes.paragraph(classes=["kvmcheck-example-link"])
        try:
            share = fragment(text)
        except ShareError as error:
            logger.warning("example too large for a playground link: %s", error,
                           type="kvmcheck", subtype="example",
                           location=(self.env.docname, self.lineno))
            return paragraph
        label = LINK_TEXT.get(lang, LINK_TEXT[DEFAULT_LANGUAGE])
        # The URL depends on the page it is written into: set in resolve_links().
        paragraph += nodes.reference("", label, internal=True, kvmcheck_fragment=share,
                                     kvmcheck_lang=lang)
        return paragraph


def resolve_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Point each link at the playground page of its language, from ``docname``."""
    for link in list(doctree.findall(nodes.reference)):
        if "kvmcheck_fragment" not in link:
            continue
        target = handbook_docname(link["kvmcheck_lang"], PLAYGROUND_PAGE)
        if target not in app.env.found_docs:
            logger.warning("no playground page %r for an example's link", target,
                           type="kvmcheck", subtype="example", location=link)
            link.replace_self(nodes.Text(link.astext()))
            continue
        uri = app.builder.get_relative_uri(docname, target)
        link["refuri"] = f"{uri}#{link['kvmcheck_fragment']}"


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("kvmcheck-example", KvmcheckExampleDirective)
    app.connect("doctree-resolved", resolve_links)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}

