"""简体中文消息、规则标题与说明。

Each module holds the texts of one rule module of ``kvmcheck/rules/`` (the same
name), or of the testing checklist or the command line; ``MESSAGES`` merges
them, in the order of the rule table."""

from importlib import import_module

from kvmcheck.rule_modules import RULE_MODULES

PARTS = tuple(import_module(f"{__name__}.{name}") for name in (*RULE_MODULES, "checklist", "cli"))
"""The modules of this catalog; no key is in two of them (a test checks)."""

MESSAGES: dict[str, str] = {key: text for part in PARTS for key, text in part.MESSAGES.items()}
