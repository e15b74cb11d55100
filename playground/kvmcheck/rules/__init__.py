"""The rule table: importing this package imports every rule module.

One module per handbook section, or per theme of a section with many rules
(``shortlog*.py``), none over 500 lines; its Chinese texts are in the module
of the same name under ``kvmcheck/messages/zh_CN/``, its cases in
``tests/kvmcheck/test_rules_<module>.py``.  ``kvmcheck.registry`` says how a
rule is declared.  ``RULES`` lists the rules in the order of the rule reference
(docs/rules.rst), which ``--list-rules`` and the docs follow.
"""

from kvmcheck.registry import REGISTERED, Rule
from kvmcheck.rules import (
    changelog,
    code,
    code_layout,
    code_style,
    fixes,
    function_references,
    input,
    kvm_unit_tests,
    links,
    posting,
    review_checklist,
    security,
    shortlog,
    shortlog_guest,
    shortlog_text,
    shortlog_topic,
    spacing,
    spelling,
    tags,
    whitespace,
)
from kvmcheck.testing_checklist import ITEMS as _TESTING_ITEMS

_MODULE_ORDER = [
    m.__name__
    for m in (
        shortlog,
        shortlog_topic,
        shortlog_text,
        shortlog_guest,
        changelog,
        function_references,
        spelling,
        tags,
        fixes,
        links,
        posting,
        kvm_unit_tests,
        code,
        whitespace,
        spacing,
        code_style,
        code_layout,
        review_checklist,
        security,
        input,
    )
]

RULES: dict[str, Rule] = {
    r.id: r
    for r in sorted(REGISTERED.values(), key=lambda r: _MODULE_ORDER.index(r.check.__module__))
}
"""Every rule, id -> Rule."""

SECTIONS = tuple(sorted({r.section for r in RULES.values()} | {i.section for i in _TESTING_ITEMS}))
"""Every handbook section a finding or a testing-checklist item links to."""
