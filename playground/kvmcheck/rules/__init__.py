"""The rules, one module per handbook section; importing registers them."""

from kvmcheck.registry import RULES
from kvmcheck.rules import (
    changelog,
    checklist,
    code,
    code_style,
    input,
    posting,
    security,
    shortlog,
    spelling,
    tags,
)

# The order of rules.md, used by --list-rules and the docs.
_SECTION_ORDER = [m.__name__ for m in (shortlog, changelog, spelling, tags, posting, code,
                                       code_style, checklist, security, input)]
_ordered = sorted(RULES.values(), key=lambda r: _SECTION_ORDER.index(r.check.__module__))
RULES.clear()
RULES.update((r.id, r) for r in _ordered)
