"""Input rules (first-patch#making-a-patch): say what kvmcheck expected."""

from __future__ import annotations

from collections.abc import Iterator

from kvmcheck.context import PatchContext
from kvmcheck.registry import GENERIC, POSTING, Finding, Rule, rule
from kvmcheck.rules._examples import patch


@rule(
    "input-not-a-patch",
    "warning",
    "first-patch#making-a-patch",
    reads=(POSTING,),
    scope=GENERIC,
    title="The input looks like a patch",
    message="This text has no mail headers, no subject prefix, no tags (such as 'Signed-off-by:') "
    "and no diff: it does not look like a patch. It was checked as a bare commit message; "
    "paste the output of git format-patch to check a patch.",
    bad="Roses are red,\nviolets are blue,\nthis is a poem\nand not a patch for you.\n",
    good=patch(),
)
def input_not_a_patch(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Text without any of a patch's marks (a subject line with a prefix such as 'KVM: x86:',
    tags such as 'Signed-off-by:', a diff) is read as a bare commit message, the way a commit-msg
    hook hands one over; if you meant to check a patch, something else ended up in the input.
    """
    patch_ = context.patch
    subject = patch_.subject
    if (
        patch_.kind == "message"
        and not patch_.trailers
        and not patch_.files
        and not patch_.diffstat
        and (subject is None or not subject.prefix)
    ):
        line = subject.lineno if subject is not None else None
        yield rule_.finding(line)


@rule(
    "input-unrecognized",
    "error",
    "first-patch#making-a-patch",
    reads=(POSTING,),
    scope=GENERIC,
    title="The input is a patch",
    message="The input is empty: expected a patch (git format-patch), a mail, 'git show' or 'git "
    "log -p' output, a commit message or a diff.",
    variants={
        "binary": "The input looks like binary data: expected a patch (git format-patch), a mail, "
        "'git show' or 'git log -p' output, a commit message or a diff.",
        "html": "The input is a web page: save the raw message instead (on lore.kernel.org, the "
        "'raw' link of a mail or the 'mbox.gz' of a thread), or use 'b4 am'.",
    },
    bad="<!DOCTYPE html>\n<html><head><title>[PATCH] KVM: x86: Reject unknown indices in "
    "kvm_get_foo() - lore.kernel.org</title></head>\n<body><pre>...</pre></body></html>\n",
    good=patch(),
)
def input_unrecognized(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """kvmcheck reads git format-patch files, saved mails and mbox files, 'git show' or 'git log
    -p' output, bare commit messages and bare diffs. Anything else (an empty file, an image, a
    compressed archive, a web page saved from the archive) cannot be checked.
    """
    patch_ = context.patch
    if patch_.kind != "unrecognized":
        return
    variant = patch_.problem if patch_.problem in ("binary", "html") else None
    yield rule_.finding(None, variant)
