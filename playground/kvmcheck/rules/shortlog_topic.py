"""Shortlog rules on the topic the prefix names (shortlog-prefix-unknown-topic,
shortlog-topic-mismatch, shortlog-prefix-selftests, -common, -nested): is it
one kvm-x86 uses, and does it fit the files the patch changes
(handbook: maintainer-kvm-x86#shortlog)."""

from __future__ import annotations

from collections.abc import Iterator

from kvmcheck.context import PatchContext
from kvmcheck.paths import (
    COMMON_SCOPE,
    NESTED_SCOPE,
    WRONG_TOPIC,
    nested_topic,
    suggest_topic,
    topic_covers,
)
from kvmcheck.registry import SUBJECT, Finding, Rule, rule
from kvmcheck.rules._examples import diff, patch
from kvmcheck.rules.shortlog import (
    _KNOWN_BY_LOWER,
    _OTHER_ARCH_LOWER,
    SECTION,
    _diff_uses,
    _is_path,
    _prefix_subject,
    _problem,
    _replace_head,
    _selftests_only,
    _stacked,
    _subject_edit,
    _topic,
    _typed_head,
    _typed_topic,
)
from kvmcheck.topics import ALIASES, KNOWN_TOPICS


@rule(
    "shortlog-prefix-unknown-topic",
    "warning",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    fixable=True,
    title="The topic is a known one",
    message="'{topic}' is not a known KVM x86 topic; use an established one such as '{prefix}' "
    "(propose a new topic on the list first).",
    variants={
        "other-arch": "'KVM: {topic}:' is another architecture's prefix: the KVM x86 rules may "
        "not apply, check that architecture's own conventions.",
        "name": "'{topic}' names a file or a function, not a topic: write '{prefix}'.",
    },
    severities=("info", "warning"),
    bad=patch(
        subject="KVM: x86/vmx: Reject unknown indices in vmx_get_foo()",
        diffs=diff(path="arch/x86/kvm/vmx/vmx.c"),
    ),
    good=patch(
        subject="KVM: VMX: Reject unknown indices in vmx_get_foo()",
        diffs=diff(path="arch/x86/kvm/vmx/vmx.c"),
    ),
)
def shortlog_prefix_unknown_topic(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """KVM x86 uses a short list of topics: x86, x86/mmu, x86/pmu, x86/xen, selftests, SVM, nSVM,
    VMX and nVMX, plus a few added since (SEV, TDX, guest_memfd, ...). When a patch spans several
    topics, use their common parent, which is often plain 'x86'. New topics are agreed on the
    mailing list before they are used. A topic names an area of KVM, not the file or function
    that changes: 'KVM: x86:' for lapic.c, 'KVM: x86/mmu:' rather than 'KVM: MMU:', 'KVM: VMX:'
    for vmenter.S. Files are renamed and split, topics stay; 'git log --oneline <file>' shows
    what earlier patches used.
    """
    subject = _prefix_subject(context)
    if subject is None or _stacked(subject) or _selftests_only(context):
        return
    topic = _topic(subject)
    if topic is None or topic in KNOWN_TOPICS or _is_path(topic):
        return
    if _names_code(context, topic):
        # A file or function name is a made-up topic whatever the case of 'kvm' before it.
        decided = ALIASES.get(topic.lower()) or suggest_topic(context.paths)
        prefix = f"KVM: {decided or 'x86'}:" if decided != "" else "KVM:"
        edits = (
            _replace_head(subject, prefix)
            if decided is not None and len(subject.prefix) == 2
            else []
        )
        yield rule_.finding(subject.lineno, "name", topic=topic, prefix=prefix, edits=edits)
        return
    if subject.prefix[0] != "KVM":
        return  # 'kvm: mmu:' is a case problem, reported by shortlog-prefix-case
    lower = topic.lower()
    if lower in _KNOWN_BY_LOWER or lower.endswith("x86/kvm"):
        return  # a case or x86/kvm problem, reported by those rules
    if lower in _OTHER_ARCH_LOWER:
        yield rule_.finding(subject.lineno, "other-arch", "info", topic=topic)
        return
    decided = ALIASES.get(lower) or suggest_topic(context.paths)
    prefix = f"KVM: {decided or 'x86'}:" if decided != "" else "KVM:"
    typed = f"KVM: {topic}:"
    # Fixed when an alias or the touched files decide the topic.
    edits = (
        [_subject_edit(subject, typed, prefix)]
        if decided is not None and _typed_head(subject) == typed
        else []
    )
    yield rule_.finding(subject.lineno, topic=topic, prefix=prefix, edits=edits)


@rule(
    "shortlog-topic-mismatch",
    "warning",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    fixable=True,
    severities=("info", "warning"),
    title="The topic fits the touched files",
    message="'{prefix}' does not match the files this patch touches; their common topic is "
    "'{suggestion}'.",
    bad=patch(
        subject="KVM: VMX: Reject unknown indices in kvm_get_foo()",
        diffs=diff(path="arch/x86/kvm/svm/svm.c"),
    ),
    good=patch(
        subject="KVM: SVM: Reject unknown indices in kvm_get_foo()",
        diffs=diff(path="arch/x86/kvm/svm/svm.c"),
    ),
)
def shortlog_topic_mismatch(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The topic should cover what the patch changes: mmu/ is x86/mmu, the PMU files are x86/pmu,
    the Xen files are x86/xen, svm/ is SVM, vmx/ is VMX, the selftests are selftests. A patch
    touching several of these takes their first common parent, usually 'x86'. The other
    vendor's topic, plain 'x86' on one subsystem's or one vendor's files, plain 'KVM:' on x86
    code and 'selftests' on kernel code are always sent back (a warning, fixed to the files'
    topic); a topic near the files, such as a feature's on x86.c, is only a hint.
    """
    subject = _prefix_subject(context)
    if subject is None or not context.paths:
        return
    topic = _typed_topic(subject)
    if topic is None or _stacked(subject):
        return
    problem = _problem(context, subject)
    if problem not in (None, WRONG_TOPIC) or (
        problem is None and topic_covers(topic, context.paths)
    ):
        return  # right, or reported by shortlog-prefix-selftests, -common or -nested
    suggestion = suggest_topic(context.paths)
    if suggestion is None or suggestion == topic:
        return
    typed = f"KVM: {topic}:" if topic else "KVM:"
    right = f"KVM: {suggestion}:" if suggestion else "KVM:"
    clear = problem == WRONG_TOPIC
    edits = _replace_head(subject, right) if clear and _typed_head(subject) == typed else []
    yield rule_.finding(
        subject.lineno,
        severity="warning" if clear else "info",
        prefix=typed,
        suggestion=right,
        edits=edits,
    )


@rule(
    "shortlog-prefix-selftests",
    "warning",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    fixable=True,
    title="The KVM selftests are 'KVM: selftests:'",
    message="'{wrong}' is not the selftests' prefix: write 'KVM: selftests:'.",
    bad=patch(
        subject="selftests/kvm: Fix the nsec to sec conversion in demand_paging_test",
        diffs=diff(path="tools/testing/selftests/kvm/demand_paging_test.c"),
    ),
    good=patch(
        subject="KVM: selftests: Fix the nsec to sec conversion in demand_paging_test",
        diffs=diff(path="tools/testing/selftests/kvm/demand_paging_test.c"),
    ),
)
def shortlog_prefix_selftests(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Patches to tools/testing/selftests/kvm/ go through the KVM tree and use the KVM prefix:
    'KVM: selftests:', not 'selftests: kvm:', 'selftests/kvm:', 'KVM: selftest:' or 'KVM: x86:'.
    The architecture, if it matters, goes in the description. Another architecture's selftests
    go through that architecture's tree, whose maintainers write 'KVM: arm64: selftests:' (or
    s390, riscv…): that is right as long as the patch changes no x86 selftest.
    """
    subject = _prefix_subject(context)
    if subject is None or not subject.prefix or not _selftests_only(context):
        return
    lowered = [component.lower() for component in subject.prefix]
    if lowered[:2] == ["kvm", "selftests"]:
        return  # right, or only its case is wrong (shortlog-prefix-case)
    if _other_arch_selftests(lowered, context.paths):
        return
    wrong = _typed_head(subject)
    yield rule_.finding(
        subject.lineno, wrong=wrong, edits=_replace_head(subject, "KVM: selftests:")
    )


# The x86 selftests' folders, before and after 6.14 renamed x86_64/ to x86/.
_X86_SELFTESTS = ("/x86/", "/x86_64/")


def _other_arch_selftests(lowered: list[str], paths: list[str]) -> bool:
    """'KVM: <arch>: selftests:' of another architecture, on no x86 selftest."""
    return (
        lowered[:1] == ["kvm"]
        and lowered[2:3] == ["selftests"]
        and lowered[1] in _OTHER_ARCH_LOWER
        and not any(folder in path for path in paths for folder in _X86_SELFTESTS)
    )


@rule(
    "shortlog-prefix-common",
    "warning",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    fixable=True,
    title="Common KVM code is plain 'KVM:'",
    message="This patch changes common KVM code only ({path}): write '{prefix}', not '{wrong}'.",
    bad=patch(
        subject="KVM: x86: Reject unknown indices in kvm_get_foo()",
        diffs=diff(path="virt/kvm/kvm_main.c"),
    ),
    good=patch(
        subject="KVM: Reject unknown indices in kvm_get_foo()",
        diffs=diff(path="virt/kvm/kvm_main.c"),
    ),
)
def shortlog_prefix_common(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """virt/kvm/ is shared by every architecture, so a change there is a plain 'KVM:' patch (or
    'KVM: guest_memfd:' for guest_memfd.c), even when x86 is what needs it. An x86 topic tells
    the other architectures' maintainers that the patch is none of their business.
    """
    subject = _prefix_subject(context)
    if subject is None or _problem(context, subject) != COMMON_SCOPE:
        return
    suggestion = suggest_topic(context.paths)
    prefix = f"KVM: {suggestion}:" if suggestion else "KVM:"
    common = next(p for p in context.paths if p.startswith("virt/kvm/"))
    yield rule_.finding(
        subject.lineno,
        wrong=_typed_head(subject),
        prefix=prefix,
        path=common,
        edits=_replace_head(subject, prefix),
    )


@rule(
    "shortlog-prefix-nested",
    "warning",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    fixable=True,
    title="Nested changes are nVMX and nSVM",
    message="'{wrong}' does not fit: the patch changes nested code only, so write '{prefix}'.",
    variants={
        "l2": "'{wrong}' does not fit: the shortlog says the change is for L2, so write "
        "'{prefix}'.",
        "plain": "'{wrong}' does not fit: the patch changes no nested code and its shortlog does "
        "not speak of L2, so write '{prefix}'.",
    },
    bad=patch(
        subject="KVM: VMX: Reject unknown indices in nested_get_foo()",
        diffs=diff(path="arch/x86/kvm/vmx/nested.c"),
    ),
    good=patch(
        subject="KVM: nVMX: Reject unknown indices in nested_get_foo()",
        diffs=diff(path="arch/x86/kvm/vmx/nested.c"),
    ),
)
def shortlog_prefix_nested(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Nested virtualization has its own topics: a change to running L2 guests (vmx/nested.c,
    vmcs12, the enlightened VMCS; svm/nested.c) is 'KVM: nVMX:' or 'KVM: nSVM:', not 'KVM: VMX:'
    or 'KVM: SVM:'. The other way round, 'nVMX' and 'nSVM' are for nested changes only.
    """
    subject = _prefix_subject(context)
    if subject is None or _problem(context, subject) != NESTED_SCOPE:
        return
    topic = _typed_topic(subject) or ""
    right = nested_topic(topic)
    prefix = f"KVM: {right}:"
    wrong = f"KVM: {topic}:"
    edits = _replace_head(subject, prefix) if _typed_head(subject) == wrong else []
    if not right.startswith("n"):
        variant: str | None = "plain"
    else:
        variant = None if suggest_topic(context.paths) == right else "l2"
    yield rule_.finding(subject.lineno, variant, wrong=wrong, prefix=prefix, edits=edits)


# arch/x86/kvm/ files whose names people type as a topic ('KVM: lapic:').
_KVM_FILE_NAMES = frozenset(
    (
        "lapic",
        "ioapic",
        "irq",
        "irq_comm",
        "i8254",
        "i8259",
        "hyperv",
        "cpuid",
        "emulate",
        "mmu",
        "pmu",
        "xen",
        "smm",
        "mtrr",
        "debugfs",
        "trace",
        "vmenter",
        "nested",
        "sev",
        "avic",
        "posted_intr",
        "vmcs12",
        "evmcs",
        "spte",
        "tdp_mmu",
        "tdp_iter",
        "paging_tmpl",
        "page_track",
        "pmu_intel",
        "pmu_amd",
        "kvm_main",
        "eventfd",
        "async_pf",
        "kvm_cache_regs",
        "kvm_emulate",
    )
)


def _names_code(context: PatchContext, topic: str) -> bool:
    """Whether ``topic`` is a file's name (a touched one, or a KVM x86 file) or
    a function the diff uses, rather than a topic."""
    lower = topic.lower()
    if lower in _KNOWN_BY_LOWER or lower in _OTHER_ARCH_LOWER or _is_path(topic):
        return False
    stems = {path.rsplit("/", 1)[-1].split(".", 1)[0].lower() for path in context.paths}
    return lower in _KVM_FILE_NAMES or lower in stems or _diff_uses(context, topic.rstrip("()"))
