"""Shortlog rules (handbook: maintainer-kvm-x86#shortlog)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from kvmcheck import lazy_re
from kvmcheck.context import PatchContext
from kvmcheck.language import NON_IMPERATIVE_VERBS
from kvmcheck.model import Subject
from kvmcheck.paths import (
    COMMON_SCOPE,
    NESTED_SCOPE,
    SELFTESTS_SCOPE,
    WRONG_TOPIC,
    nested_topic,
    scope_problem,
    suggest_topic,
    topic_covers,
)
from kvmcheck.registry import GENERIC, SUBJECT, Edit, Finding, Rule, rule
from kvmcheck.rules._examples import diff, patch
from kvmcheck.topics import ALIASES, KNOWN_TOPICS, OTHER_ARCH_TOPICS

SECTION = "maintainer-kvm-x86#shortlog"

_KNOWN_BY_LOWER = {topic.lower(): topic for topic in KNOWN_TOPICS}
_OTHER_ARCH_LOWER = {topic.lower() for topic in OTHER_ARCH_TOPICS}
_PATH_LIKE = lazy_re.compile(
    r"(?:arch|virt|tools|include|Documentation|drivers)/.*|.*\.(?:[chS]|rst|txt|py|sh|lds)"
)
_TEMPLATE = "*** SUBJECT HERE ***"


def _prefix_subject(context: PatchContext) -> Subject | None:
    """The subject whose prefix the prefix rules check (not a revert's)."""
    subject = context.patch.subject
    return None if subject is None or subject.revert else subject


def _head(subject: Subject) -> str:
    """The shortlog up to its description: the prefix as typed (``"kvm: vmx: "``)."""
    shortlog, description = subject.shortlog, subject.description
    return shortlog[: len(shortlog) - len(description)] if description else shortlog


def _subject_edit(subject: Subject, old: str, new: str) -> Edit | None:
    """Replace the first ``old`` on the subject's line (the prefix comes first)."""
    return Edit(subject.lineno, old, new) if subject.lineno is not None and old else None


def _topic(subject) -> str | None:
    """The ``<topic>`` of ``KVM: <topic>:`` (any case of KVM), if there is one."""
    if len(subject.prefix) >= 2 and subject.prefix[0].lower() == "kvm":
        return subject.prefix[1]
    return None


def _is_path(component: str) -> bool:
    return _PATH_LIKE.fullmatch(component) is not None


def _suggested_prefix(context: PatchContext, typed_path: str | None = None) -> str:
    """``KVM: <topic>:`` fitting the touched files (or the path typed as a prefix)."""
    topic = suggest_topic(context.paths)
    if topic is None and typed_path:
        # No diff to go by (a bare commit message): the typed path says where.
        guesses = (typed_path, f"arch/x86/kvm/{typed_path.removeprefix('x86/')}")
        topic = next((t for t in (suggest_topic([g]) for g in guesses) if t is not None), None)
    if topic is None:
        topic = "x86"
    return f"KVM: {topic}:" if topic else "KVM:"


def _scope_name(component: str) -> str | None:
    """The topic a prefix component names (``"KVM"`` for KVM itself), or None."""
    lower = component.lower()
    if lower == "kvm":
        return "KVM"
    return _KNOWN_BY_LOWER.get(lower) or ALIASES.get(lower)


def _stacked(subject: Subject) -> bool:
    """``KVM: x86: SVM:`` or ``x86: KVM: SVM:``: more than one topic, or KVM
    after a topic.  Another architecture's prefixes have their own habits."""
    prefix = subject.prefix
    if any(component.lower() in _OTHER_ARCH_LOWER for component in prefix):
        return False
    lowered = [component.lower() for component in prefix]
    if "kvm" in lowered[1:]:
        return True
    if not lowered or lowered[0] != "kvm":
        return False
    return sum(_scope_name(component) is not None for component in prefix[1:]) >= 2


def _typed_head(subject: Subject) -> str:
    """The prefix as typed, without the space before the description."""
    return _head(subject).rstrip()


def _typed_topic(subject: Subject) -> str | None:
    """The topic typed after 'KVM:' as the topic list spells it (``""`` for a
    plain 'KVM:'), or None when the prefix is not 'KVM: <known topic>:'."""
    prefix = subject.prefix
    if not prefix or prefix[0].lower() != "kvm":
        return None
    if len(prefix) == 1:
        return ""
    return _KNOWN_BY_LOWER.get(prefix[1].lower())


def _problem(context: PatchContext, subject: Subject) -> str | None:
    """What scope_problem() finds wrong with the typed topic (worked out once
    per patch for the scope rules)."""
    key = ("scope problem", subject.shortlog)
    if key not in context.memo:
        topic = _typed_topic(subject)
        context.memo[key] = (
            None
            if topic is None or _stacked(subject)
            else scope_problem(topic, context.paths, subject.description)
        )
    return context.memo[key]


def _selftests_only(context: PatchContext) -> bool:
    """Every file that says something about the topic is a selftest."""
    return (
        scope_problem("selftests", context.paths) is None
        and scope_problem("x86", context.paths) == SELFTESTS_SCOPE
    )


def _replace_head(subject: Subject, prefix: str) -> list[Edit | None]:
    """The edit writing ``prefix`` in place of the typed prefix."""
    head = _typed_head(subject)
    return [_subject_edit(subject, head, prefix)] if head else []


@rule(
    "shortlog-missing",
    "error",
    SECTION,
    reads=(SUBJECT,),
    scope=GENERIC,
    commits_only=True,
    title="The commit has a shortlog",
    message="The commit has no shortlog: its first line (the mail's Subject:) must summarize the "
    "change, e.g. 'KVM: x86: Fix the foo check in bar()'.",
    bad=patch(subject=""),
    good=patch(),
)
def shortlog_missing(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The shortlog is the one-line summary at the top of a commit; in a mailed patch it is the
    Subject: after the [PATCH] tag. It is what people see in 'git log --oneline', in mail clients
    and in search results, so a patch without one cannot be applied.
    """
    patch_ = context.patch
    subject = patch_.subject
    if subject is None or not subject.shortlog or subject.shortlog == _TEMPLATE:
        yield rule_.finding(subject.lineno if subject else patch_.header_lineno("subject"))


@rule(
    "shortlog-prefix-missing",
    "error",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    title="KVM patches start with 'KVM: <topic>:'",
    message="The patch changes KVM code but the shortlog has no 'KVM:' prefix: write '{prefix} "
    "{shortlog}'.",
    bad=patch(subject="Reject unknown indices in kvm_get_foo()"),
    good=patch(),
)
def shortlog_prefix_missing(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Maintainers filter the list by prefix. A patch to KVM host code (arch/x86/kvm/, virt/kvm/,
    the KVM headers, the KVM selftests or documentation) starts its shortlog with 'KVM:' and a
    topic such as 'x86', 'x86/mmu', 'VMX' or 'selftests'. Patches that only change Linux running
    as a KVM guest use 'x86/kvm:' instead.
    """
    subject = _prefix_subject(context)
    if subject is None or not subject.shortlog or not context.kvm_host_only:
        return
    lowered = [component.lower() for component in subject.prefix]
    if "kvm" in lowered or _missing_space(subject) is not None:
        return  # here, or without its spaces: shortlog-prefix-stacked or -space says what to do
    if lowered and _selftests_only(context):
        return  # shortlog-prefix-selftests says what to write
    if any(component.endswith("x86/kvm") for component in lowered):
        return  # shortlog-prefix-x86-kvm says what to do
    yield rule_.finding(
        subject.lineno,
        prefix=_suggested_prefix(context),
        shortlog=subject.description or subject.shortlog,
    )


@rule(
    "shortlog-prefix-case",
    "error",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    fixable=True,
    title="Prefix names are spelled exactly",
    message="Use '{right}' (prefix names are case sensitive), not '{wrong}'.",
    bad=patch(
        subject="kvm: vmx: Reject unknown indices in kvm_get_foo()",
        diffs=diff(path="arch/x86/kvm/vmx/vmx.c"),
    ),
    good=patch(
        subject="KVM: VMX: Reject unknown indices in kvm_get_foo()",
        diffs=diff(path="arch/x86/kvm/vmx/vmx.c"),
    ),
)
def shortlog_prefix_case(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The prefix is matched by people and scripts as written: 'KVM: x86:', 'KVM: VMX:', 'KVM:
    nVMX:', 'KVM: selftests:'. Variants such as 'kvm: vmx:', 'KVM: X86:' or 'KVM: Selftests:'
    scatter a topic's history and get corrected by the maintainers.
    """
    subject = _prefix_subject(context)
    if subject is None or not subject.prefix or subject.prefix[0].lower() != "kvm":
        return
    typed = subject.prefix[:2]
    topic = _topic(subject)
    right_topic = None
    if topic is not None:
        known = _KNOWN_BY_LOWER.get(topic.lower())
        if known is not None and known != topic:
            right_topic = known
        elif (
            known is None
            and subject.prefix[0] != "KVM"
            and topic.lower() not in _OTHER_ARCH_LOWER
            and not _is_path(topic)
        ):
            # Report the whole corrected prefix here, unknown topic included.
            right_topic = ALIASES.get(topic.lower()) or suggest_topic(context.paths) or topic
    if subject.prefix[0] == "KVM" and right_topic is None:
        return
    right = ["KVM"]
    if topic is not None:
        right.append(right_topic or topic)
    wrong_text = "".join(f"{c}: " for c in typed).strip()
    right_text = "".join(f"{c}: " for c in right).strip()
    edits = []
    if wrong_text.lower() == right_text.lower() and _head(subject).startswith(wrong_text):
        edits.append(_subject_edit(subject, wrong_text, right_text))  # only the case changes
    yield rule_.finding(subject.lineno, wrong=wrong_text, right=right_text, edits=edits)


@rule(
    "shortlog-prefix-x86-kvm",
    "error",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    title="'x86/kvm:' only for guest-side code",
    message="'x86/kvm:' is reserved for Linux-as-a-KVM-guest code such as arch/x86/kernel/kvm.c; "
    "this patch changes KVM host code, so write '{prefix}'.",
    bad=patch(subject="x86/kvm: Reject unknown indices in kvm_get_foo()"),
    good=patch(),
)
def shortlog_prefix_x86_kvm(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Two different pieces of code are easily confused: KVM itself (the hypervisor,
    arch/x86/kvm/) and the code that lets Linux run well as a KVM guest (arch/x86/kernel/kvm.c,
    kvmclock.c, kvm_para.h). The guest side uses the tip-tree style 'x86/kvm:'; the hypervisor
    uses 'KVM: <topic>:'.
    """
    subject = _prefix_subject(context)
    if subject is None or not context.touches_kvm_host:
        return
    if any(component.lower() == "x86/kvm" for component in subject.prefix):
        yield rule_.finding(subject.lineno, prefix=_suggested_prefix(context))


@rule(
    "shortlog-prefix-path",
    "error",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    title="The prefix is a topic, not a file",
    message="The prefix '{component}' is a file name or path; name the topic instead: '{prefix}'.",
    bad=patch(
        subject="KVM: x86/mmu/mmu.c: Reject unknown indices in kvm_get_foo()",
        diffs=diff(path="arch/x86/kvm/mmu/mmu.c"),
    ),
    good=patch(
        subject="KVM: x86/mmu: Reject unknown indices in kvm_get_foo()",
        diffs=diff(path="arch/x86/kvm/mmu/mmu.c"),
    ),
)
def shortlog_prefix_path(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A prefix says which area of KVM changes, not which file: files move and get split, topics
    stay. Write 'KVM: x86/mmu:' rather than 'KVM: x86/mmu/mmu.c:' or 'arch/x86/kvm/lapic.c:'.
    'git log --oneline <file>' shows which topic earlier patches to a file used.
    """
    subject = _prefix_subject(context)
    if subject is None:
        return
    for component in subject.prefix:
        if _is_path(component):
            yield rule_.finding(
                subject.lineno, component=component, prefix=_suggested_prefix(context, component)
            )
            return


_PREFIX_RUN = lazy_re.compile(r"(?:[A-Za-z][\w/.-]*:[ \t]*)+")


def _missing_space(subject: Subject) -> str | None:
    """The prefix as typed, up to the word glued to it, when a colon in it has
    no space after it (``KVM:SVM:``, ``KVM: SVM:Fix``) and it names KVM or a
    topic; None otherwise."""
    shortlog = subject.shortlog
    match = _PREFIX_RUN.match(shortlog)
    if match is None:
        return None
    end = match.end()
    if end < len(shortlog) and shortlog[end - 1] == ":":
        end = (
            len(shortlog.split(None, 1)[0])
            if " " not in shortlog[:end]
            else end + len(shortlog[end:].split(None, 1)[0])
        )
    wrong = shortlog[:end].rstrip()
    if not re.search(r":(?=\S)", wrong):
        return None
    if not any(_scope_name(c.strip()) is not None for c in wrong.split(":")):
        return None
    return wrong


@rule(
    "shortlog-prefix-space",
    "warning",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    fixable=True,
    title="A space after each colon of the prefix",
    message="Put a space after each colon of the prefix: '{right}', not '{wrong}'.",
    bad=patch(
        subject="KVM:SVM: Reject unknown indices in kvm_get_foo()",
        diffs=diff(path="arch/x86/kvm/svm/svm.c"),
    ),
    good=patch(
        subject="KVM: SVM: Reject unknown indices in kvm_get_foo()",
        diffs=diff(path="arch/x86/kvm/svm/svm.c"),
    ),
)
def shortlog_prefix_space(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The prefix is a list of names, each followed by a colon and a space: 'KVM: SVM: ...'.
    'KVM:SVM:' is not found by people and scripts filtering the list for 'KVM: SVM:', and the
    other prefix checks cannot tell what it names.
    """
    subject = _prefix_subject(context)
    if subject is None:
        return
    wrong = _missing_space(subject)
    if wrong is None:
        return
    right = re.sub(r":[ \t]*(?=\S)", ": ", wrong)
    yield rule_.finding(
        subject.lineno, wrong=wrong, right=right, edits=[_subject_edit(subject, wrong, right)]
    )


@rule(
    "shortlog-prefix-stacked",
    "warning",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    fixable=True,
    title="One topic, after 'KVM:'",
    message="'{wrong}' stacks scopes: write the one topic the change belongs to, '{prefix}'.",
    variants={
        "order": "'{wrong}' puts KVM after another scope: KVM patches start with 'KVM:', here "
        "'{prefix}'.",
    },
    bad=patch(
        subject="KVM: x86: SVM: Reject unknown indices in kvm_get_foo()",
        diffs=diff(path="arch/x86/kvm/svm/svm.c"),
    ),
    good=patch(
        subject="KVM: SVM: Reject unknown indices in kvm_get_foo()",
        diffs=diff(path="arch/x86/kvm/svm/svm.c"),
    ),
)
def shortlog_prefix_stacked(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A KVM x86 prefix is 'KVM:' and one topic: 'KVM: SVM:', not 'KVM: x86: SVM:' or 'x86: KVM:
    SVM:'; the selftests are 'KVM: selftests:', not 'selftests: kvm:'. Subsystems nest with a
    slash ('KVM: x86/mmu:'), not with another colon. Pick the most specific topic that covers
    every touched file.
    """
    subject = _prefix_subject(context)
    if subject is None or not _stacked(subject) or _selftests_only(context):
        return
    wrong = _typed_head(subject)
    paths = context.paths
    typed = [name for name in (_scope_name(c) for c in subject.prefix) if name and name != "KVM"]
    # The most specific topic typed (the last) that fits the files, else the files' own.
    topic = next(
        (
            name
            for name in reversed(typed)
            if not paths or (topic_covers(name, paths) and scope_problem(name, paths) is None)
        ),
        None,
    )
    if topic is None:
        topic = suggest_topic(paths) or ""
    prefix = f"KVM: {topic}:" if topic else "KVM:"
    variant = "order" if subject.prefix[0].lower() != "kvm" else None
    edits = [_subject_edit(subject, wrong, prefix)] if context.paths else []
    yield rule_.finding(subject.lineno, variant, wrong=wrong, prefix=prefix, edits=edits)


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
    The architecture, if it matters, goes in the description.
    """
    subject = _prefix_subject(context)
    if subject is None or not subject.prefix or not _selftests_only(context):
        return
    lowered = [component.lower() for component in subject.prefix]
    if lowered[:2] == ["kvm", "selftests"]:
        return  # right, or only its case is wrong (shortlog-prefix-case)
    wrong = _typed_head(subject)
    yield rule_.finding(
        subject.lineno, wrong=wrong, edits=_replace_head(subject, "KVM: selftests:")
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
    return lower in _KVM_FILE_NAMES or lower in stems or topic.rstrip("()") in _diff_words(context)


_IDENTIFIER_MARKS = lazy_re.compile(r"[_()\[\]{}<>.\-/=#:*0-9]")


def _is_identifier(word: str) -> bool:
    """Names keep their spelling: ``kvm_mmu_zap()``, ``x2APIC``, ``nVMX``, ``MSR``."""
    return (
        bool(_IDENTIFIER_MARKS.search(word))
        or word.isupper()
        or any(ch.isupper() for ch in word[1:])
    )


def _diff_words(context: PatchContext) -> set[str]:
    """Identifiers the diff uses: a shortlog may start with one (``vmread ...``)."""
    words: set[str] = set()
    for file in context.patch.files:
        for hunk in file.hunks:
            for line in chain(hunk.added, hunk.removed):
                words.update(re.findall(r"[A-Za-z_]\w*", line.text))
    return words


@rule(
    "shortlog-capitalization",
    "info",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    fixable=True,
    severities=("info", "warning"),
    title="The description starts with a capital letter",
    message="Capitalize the first word after the prefix: '{fixed}', not '{word}'.",
    variants={
        "imperative": "Start the shortlog with a capitalized imperative: '{fixed}', not '{word}'.",
    },
    bad=patch(subject="KVM: x86: reject unknown indices in kvm_get_foo()"),
    good=patch(),
)
def shortlog_capitalization(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """After the prefix comes a short sentence starting with a capital letter: 'KVM: x86: Fix
    ...', not 'KVM: x86: fix ...'. Identifiers keep their own spelling, so 'KVM: x86:
    kvm_set_msr() ...' or 'KVM: VMX: x2APIC ...' are fine. A lower-case word that is not
    imperative either ('fixed', 'adds') is one mistake with one fix, to the capitalized
    imperative ('Fix', 'Add'), and a warning like any shortlog not in imperative mood.
    """
    subject = context.patch.subject
    if subject is None or not subject.prefix or not subject.description:
        return
    word = subject.description.split()[0]
    if not word[0].islower() or _is_identifier(word) or word in _diff_words(context):
        return
    head = _head(subject)
    bare = word.rstrip(",.:;")
    imperative = NON_IMPERATIVE_VERBS.get(bare.lower())
    if imperative is not None:
        # 'fixed' -> 'Fix', not 'Fixed': the word and its case at once.
        yield rule_.finding(
            subject.lineno,
            "imperative",
            "warning",
            word=bare,
            fixed=imperative,
            edits=[_subject_edit(subject, head + bare, head + imperative)],
        )
        return
    fixed = word[0].upper() + word[1:]
    yield rule_.finding(
        subject.lineno,
        word=word,
        fixed=fixed,
        edits=[_subject_edit(subject, head + word, head + fixed)],
    )


_TRAILING_PUNCTUATION = ".,;:!"

# "Fix a bug in foo()", "Fix issue with bar", "Fix the problem": a bug, but which?
# A clause after it that says what goes wrong ("... where", "... when") is fine.
_VAGUE_BUG = lazy_re.compile(
    r"(?:fix|resolve|address|solve|correct)(?:es|ed)?\s+(?:an?\s+|the\s+|some\s+|several\s+"
    r"|two\s+|minor\s+|potential\s+|possible\s+)?"
    # Words that only say where the issue is: "correct comment description issue".
    r"(?:(?:comment|description|code|wording|logic)\s+){0,2}(?:bugs?|issues?|problems?|errors?)"
    r"(?:\s+#?\d+)?(?:\s+(?:in|with|of|for|on|from|inside|within)\s+"
    r"(?!.*\b(?:where|when|whe?n?ever|that|which|due|caused|by|if|so|because|while|after"
    r"|before)\b).*)?",
    re.IGNORECASE,
)
_CVE = lazy_re.compile(r"\bCVE-\d{4}-\d{3,}\b", re.IGNORECASE)
# Whole descriptions that name no change: "Minor fixes", "Cleanup", "Update x86.c",
# "duplicate code".
_NO_CHANGE = lazy_re.compile(
    r"(?:(?:minor|small|misc(?:ellaneous)?|various|some|trivial|more|a\s+few|several|code|"
    r"random|general)\s+)?(?:bug\s*)?(?:fix(?:es|ups?)?|clean-?ups?|changes?|updates?"
    r"|improvements?|tweaks?|modifications?|patch(?:es)?)"
    r"(?:\s+(?:in|to|for|of|on)\s+\S+)?|(?:update|change|modify|fix)\s+\S+\.[chS]"
    # A symptom with no verb: "duplicate code", "Redundant check".
    r"|(?:duplicated?|redundant|dead|unused|unneeded|useless)\s+(?:code|checks?|lines?)",
    re.IGNORECASE,
)
_BARE_NAME = lazy_re.compile(r"[A-Za-z_]\w*(?:\(\))?")


@rule(
    "shortlog-vague",
    "warning",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    title="The shortlog says what changes",
    message="'{description}' does not say what the patch changes: name the change itself, e.g. "
    "'Reject unknown indices in kvm_get_foo()'.",
    variants={
        "bug": "'{description}' does not say which bug: name what the fix does or what went "
        "wrong, e.g. 'Don't read past the end of foo[] in kvm_get_foo()'.",
        "cve": "Don't put a CVE id in the shortlog ('{description}'): say what the patch "
        "changes; the id can go in the changelog.",
        "name": "'{description}' is only a name: say what changes in it, e.g. 'Reject unknown "
        "indices in {description}'.",
    },
    bad=patch(subject="KVM: x86: Fix a bug in kvm_get_foo()"),
    good=patch(),
)
def shortlog_vague(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The shortlog is all most people read of a patch, in 'git log --oneline', in mail subjects
    and in the release notes, so it has to say what the patch does. 'Fix a bug in X', 'Fix issue
    with Y', 'Minor fixes', a bare function name or a CVE id tell a reader nothing; reviewers ask
    for the change itself ('Reject ...', 'Don't ...', 'Flush ... before ...').
    """
    subject = _prefix_subject(context)
    if subject is None or not subject.description:
        return
    description = subject.description.rstrip(".")
    if _CVE.search(description):  # the id goes in the changelog, the change in the shortlog
        yield rule_.finding(subject.lineno, "cve", description=description)
    elif _VAGUE_BUG.fullmatch(description):
        yield rule_.finding(subject.lineno, "bug", description=description)
    elif _NO_CHANGE.fullmatch(description):
        yield rule_.finding(subject.lineno, description=description)
    elif _BARE_NAME.fullmatch(description) and ("_" in description or "(" in description):
        yield rule_.finding(subject.lineno, "name", description=description)


@rule(
    "shortlog-trailing-punctuation",
    "warning",
    SECTION,
    reads=(SUBJECT,),
    commits_only=True,
    fixable=True,
    title="No punctuation at the end of the shortlog",
    message="Drop the '{char}' at the end of the shortlog.",
    bad=patch(subject="KVM: x86: Reject unknown indices in kvm_get_foo()."),
    good=patch(),
)
def shortlog_trailing_punctuation(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The shortlog works like a title, so it has no full stop or other punctuation at the end."""
    subject = context.patch.subject
    if subject is None or not subject.shortlog:
        return
    last = subject.shortlog[-1]
    if last in _TRAILING_PUNCTUATION and not subject.shortlog.endswith("..."):
        ending = subject.shortlog.rsplit(" ", 1)[-1]
        # The whole run ("fix foo!!!!"): one character a round would take
        # more rounds than --fix makes, and a second run would change it again.
        kept = ending.rstrip(_TRAILING_PUNCTUATION)
        if ending[len(kept) :].startswith("..."):  # "fix foo...!" keeps its ellipsis
            kept += "..."
        edits = (
            [] if subject.end_lineno is None else [Edit.at_end(subject.end_lineno, ending, kept)]
        )
        yield rule_.finding(subject.lineno, char=last, edits=edits)


@rule(
    "shortlog-too-long",
    "info",
    SECTION,
    reads=(SUBJECT,),
    severities=("info", "error"),
    commits_only=True,
    title="The shortlog fits in 75 characters",
    message="The shortlog is {length} characters long; keep 'prefix: description' within {limit} "
    "(75 is the firm limit, 80 the hard one).",
    bad=patch(
        subject="KVM: x86: Reject unknown indices in kvm_get_foo() instead of reading "
        "past the end of the array"
    ),
    good=patch(),
)
def shortlog_too_long(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The shortlog, prefix included, should stay within 75 characters so that it fits in 'git
    log --oneline' and in mail subjects. KVM x86 allows a few characters more when there is a
    good reason, but 80 is a hard limit.
    """
    subject = context.patch.subject
    if subject is None:
        return
    length = len(subject.shortlog)
    if length > 80:
        yield rule_.finding(subject.lineno, severity="error", length=length, limit=80)
    elif length > 75:
        yield rule_.finding(subject.lineno, length=length, limit=75)
