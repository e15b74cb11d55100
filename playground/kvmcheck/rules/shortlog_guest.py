"""Shortlog rule for Linux running as a KVM guest (handbook: maintainer-kvm-x86#shortlog).

KVM itself is 'KVM: <topic>:'; the guest side of the kernel
(arch/x86/kernel/kvm.c, kvmclock.c, kvm_para.h) is tip-tree code and
uses 'x86/kvm:'.  shortlog-prefix-x86-kvm reports the opposite mix-up.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvmcheck.context import PatchContext
from kvmcheck.paths import is_guest_side, is_kvm_host
from kvmcheck.registry import SUBJECT, Edit, Finding, Rule, rule
from kvmcheck.rules._examples import diff, patch

SECTION = "maintainer-kvm-x86#shortlog"

# kvmclock has a prefix of its own in the tip tree.
_KVMCLOCK = ("arch/x86/kernel/kvmclock.c", "arch/x86/include/asm/kvmclock.h")

_GUEST_DIFF = diff(
    path="arch/x86/kernel/kvm.c",
    added="\tx86_platform.pit_shutdown_quirk = true;",
    removed="",
    context="static void __init kvm_guest_init(void)",
)


@rule(
    "shortlog-prefix-guest",
    "warning",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    fixable=True,
    title="Guest-side patches are 'x86/kvm:', not 'KVM:'",
    message="This patch changes only the guest side of Linux ({path}), not KVM itself: write "
    "'{prefix}', not '{wrong}'.",
    bad=patch(subject="KVM: x86: Enable the PIT shutdown quirk", diffs=_GUEST_DIFF),
    good=patch(subject="x86/kvm: Enable the PIT shutdown quirk", diffs=_GUEST_DIFF),
)
def shortlog_prefix_guest(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """arch/x86/kernel/kvm.c, kvmclock.c and the kvm_para.h headers are Linux running as a KVM
    guest, not the hypervisor. MAINTAINERS files them under KVM PARAVIRT, and their shortlogs use
    the arch/x86 style 'x86/kvm:' ('x86/kvmclock:' for kvmclock). 'KVM: x86:' there makes a guest
    change read as a change to KVM itself, in the list's mail and in 'git log', and reviewers ask
    for the guest prefix.
    """
    subject = context.patch.subject
    if subject is None or subject.revert or not subject.prefix:
        return
    if subject.prefix[0].lower() != "kvm":
        return
    guest = [path for path in context.paths if is_guest_side(path)]
    if not guest or any(is_kvm_host(path) for path in context.paths):
        return
    prefix = "x86/kvmclock:" if all(path in _KVMCLOCK for path in guest) else "x86/kvm:"
    shortlog, description = subject.shortlog, subject.description
    wrong = shortlog[: len(shortlog) - len(description)].rstrip() if description else shortlog
    edits = [Edit(subject.lineno, wrong, prefix)] if subject.lineno is not None else []
    yield rule_.finding(subject.lineno, path=guest[0], prefix=prefix, wrong=wrong, edits=edits)
