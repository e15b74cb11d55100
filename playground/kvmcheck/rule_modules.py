"""The rule modules, in the order of the rule reference (docs/rules.rst).

One list for the two packages that follow it: ``kvmcheck.rules`` imports
these modules and orders its table by them, and the Chinese catalog
``kvmcheck.messages.zh_CN`` has a module of the same name for each.  A new
rule module is added here, and nowhere else.
"""

RULE_MODULES = (
    "shortlog",
    "shortlog_topic",
    "shortlog_text",
    "shortlog_guest",
    "changelog",
    "function_references",
    "spelling",
    "tags",
    "fixes",
    "links",
    "posting",
    "kvm_unit_tests",
    "code",
    "whitespace",
    "spacing",
    "code_style",
    "code_layout",
    "review_checklist",
    "security",
    "input",
)
