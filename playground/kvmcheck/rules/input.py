"""Input rule (first-patch#making-a-patch): say what kvmcheck expected."""

from __future__ import annotations

from collections.abc import Iterator

from kvmcheck.context import PatchContext
from kvmcheck.registry import GENERIC, Finding, Rule, rule
from kvmcheck.rules._examples import patch


@rule(
    "input-unrecognized", "error", "first-patch#making-a-patch", scope=GENERIC,
    variants=("binary", "html"),
    bad="<!DOCTYPE html>\n<html><head><title>[PATCH] KVM: x86: Reject unknown indices in "
        "kvm_get_foo() - lore.kernel.org</title></head>\n<body><pre>...</pre></body></html>\n",
    good=patch(),
)
def input_unrecognized(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The input must be a patch, a mail, git show/log output, a message or a diff."""
    patch_ = context.patch
    if patch_.kind != "unrecognized":
        return
    variant = patch_.problem if patch_.problem in ("binary", "html") else None
    yield rule_.finding(None, variant)
