"""The rule table: importing this package imports every rule module.

One module per handbook section, or per theme of a section with many rules
(``shortlog*.py``), none over 500 lines; its Chinese texts are in the module
of the same name under ``kvmcheck/messages/zh_CN/``, its cases in
``tests/kvmcheck/test_rules_<module>.py``.  ``kvmcheck.registry`` says how a
rule is declared.  ``RULES`` lists the rules in the order of the rule reference
(docs/rules.rst), which ``--list-rules`` and the docs follow.
"""

from importlib import import_module

from kvmcheck.registry import REGISTERED, SERIES, Rule
from kvmcheck.rule_modules import RULE_MODULES
from kvmcheck.testing_checklist import ITEMS as _TESTING_ITEMS

# Importing a rule module registers its rules.
_MODULE_ORDER = [import_module(f"{__name__}.{name}").__name__ for name in RULE_MODULES]

RULES: dict[str, Rule] = {
    r.id: r
    for r in sorted(REGISTERED.values(), key=lambda r: _MODULE_ORDER.index(r.check.__module__))
}
"""Every rule, id -> Rule."""

REMINDERS = tuple(r.id for r in RULES.values() if r.target == SERIES and r.severity == "info")
"""The info rules about the posting as a whole (a base commit, selftests):
nearly every real posting draws them, so the playground says them once, in
one line, rather than under each patch."""

SECTIONS = tuple(sorted({r.section for r in RULES.values()} | {i.section for i in _TESTING_ITEMS}))
"""Every handbook section a finding or a testing-checklist item links to."""
