"""Shortlog rules: there is a shortlog, and its prefix is well-formed
(shortlog-missing, shortlog-prefix-missing, -case, -x86-kvm, -path, -space,
-stacked), with the subject helpers the other shortlog modules share: the
topic the prefix names is checked in shortlog_topic.py, the words after it
in shortlog_text.py (handbook: maintainer-kvm-x86#shortlog)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from kvmcheck import lazy_re
from kvmcheck.context import PatchContext
from kvmcheck.model import Subject
from kvmcheck.paths import (
    SELFTESTS_SCOPE,
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
    """What scope_problem() finds wrong with the typed topic."""
    topic = _typed_topic(subject)
    if topic is None or _stacked(subject):
        return None
    return context.scope_problem(topic, subject.description)


def _selftests_only(context: PatchContext) -> bool:
    """Every file that says something about the topic is a selftest."""
    # Through the context: three rules ask this of each patch.
    return (
        context.scope_problem("selftests") is None
        and context.scope_problem("x86") == SELFTESTS_SCOPE
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


_IDENTIFIER = lazy_re.compile(r"[A-Za-z_]\w*")


def _diff_uses(context: PatchContext, word: str) -> bool:
    """Whether the diff uses the identifier ``word``: a shortlog may start
    with one (``vmread ...``)."""
    for file in context.patch.files:
        for hunk in file.hunks:
            for line in chain(hunk.added, hunk.removed):
                # Searched only in the lines that hold it at all: a few.
                text = line.text
                if word in text and word in _IDENTIFIER.findall(text):
                    return True
    return False
