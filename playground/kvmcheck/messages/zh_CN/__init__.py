"""简体中文消息、规则标题与说明。

Each module holds the texts of one rule module of ``kvmcheck/rules/`` (the same
name), or of the testing checklist or the command line; ``MESSAGES`` merges
them, in the order of the rule table."""

from kvmcheck.messages.zh_CN import (
    changelog,
    checklist,
    cli,
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

PARTS = (
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
    checklist,
    cli,
)
"""The modules of this catalog; no key is in two of them (a test checks)."""

MESSAGES: dict[str, str] = {key: text for part in PARTS for key, text in part.MESSAGES.items()}
