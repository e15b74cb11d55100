"""Shortlog rules (handbook: maintainer-kvm-x86#shortlog)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kvmcheck import paths as P
from kvmcheck.context import PatchContext
from kvmcheck.language import NON_IMPERATIVE_VERBS
from kvmcheck.registry import GENERIC, Finding, Rule, rule
from kvmcheck.rules._examples import diff, patch
from kvmcheck.topics import ALIASES, KNOWN_TOPICS, OTHER_ARCH_TOPICS

SECTION = "maintainer-kvm-x86#shortlog"

_KNOWN_BY_LOWER = {topic.lower(): topic for topic in KNOWN_TOPICS}
_OTHER_ARCH_LOWER = {topic.lower() for topic in OTHER_ARCH_TOPICS}
_PATH_LIKE = re.compile(
    r"(?:arch|virt|tools|include|Documentation|drivers)/.*|.*\.(?:[chS]|rst|txt|py|sh|lds)"
)
_TEMPLATE = "*** SUBJECT HERE ***"


def _shortlog_subject(context: PatchContext):
    """The subject of a commit the shortlog rules check (not of a cover letter)."""
    return context.patch.subject if context.patch.is_commit else None


def _prefix_subject(context: PatchContext):
    """The subject whose prefix the prefix rules check (not a revert's)."""
    subject = _shortlog_subject(context)
    return None if subject is None or subject.revert else subject


def _topic(subject) -> str | None:
    """The ``<topic>`` of ``KVM: <topic>:`` (any case of KVM), if there is one."""
    if len(subject.prefix) >= 2 and subject.prefix[0].lower() == "kvm":
        return subject.prefix[1]
    return None


def _is_path(component: str) -> bool:
    return _PATH_LIKE.fullmatch(component) is not None


def _suggested_prefix(context: PatchContext, typed_path: str | None = None) -> str:
    """``KVM: <topic>:`` fitting the touched files (or the path typed as a prefix)."""
    topic = P.suggest_topic(context.paths)
    if topic is None and typed_path:
        # No diff to go by (a bare commit message): the typed path says where.
        guesses = (typed_path, f"arch/x86/kvm/{typed_path.removeprefix('x86/')}")
        topic = next((t for t in (P.suggest_topic([g]) for g in guesses) if t is not None), None)
    if topic is None:
        topic = "x86"
    return f"KVM: {topic}:" if topic else "KVM:"


@rule(
    "shortlog-missing", "error", SECTION, scope=GENERIC,
    bad=patch(subject=""),
    good=patch(),
)
def shortlog_missing(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A commit needs a one-line summary: the first line of the message."""
    patch_ = context.patch
    if not patch_.is_commit:
        return
    subject = patch_.subject
    if subject is None or not subject.shortlog or subject.shortlog == _TEMPLATE:
        yield rule_.finding(subject.lineno if subject else patch_.header_lineno("subject"))


@rule(
    "shortlog-prefix-missing", "error", SECTION,
    bad=patch(subject="Reject unknown indices in kvm_get_foo()"),
    good=patch(),
)
def shortlog_prefix_missing(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Patches to KVM host code start their shortlog with ``KVM: <topic>:``."""
    subject = _prefix_subject(context)
    if subject is None or not subject.shortlog or not context.kvm_host_only:
        return
    lowered = [component.lower() for component in subject.prefix]
    if lowered and lowered[0] == "kvm":
        return
    if any(component.endswith("x86/kvm") for component in lowered):
        return  # shortlog-prefix-x86-kvm says what to do
    yield rule_.finding(
        subject.lineno,
        prefix=_suggested_prefix(context),
        shortlog=subject.description or subject.shortlog,
    )


@rule(
    "shortlog-prefix-case", "error", SECTION,
    bad=patch(subject="kvm: vmx: Reject unknown indices in kvm_get_foo()",
              diffs=diff(path="arch/x86/kvm/vmx/vmx.c")),
    good=patch(subject="KVM: VMX: Reject unknown indices in kvm_get_foo()",
               diffs=diff(path="arch/x86/kvm/vmx/vmx.c")),
)
def shortlog_prefix_case(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Prefix names are case sensitive: ``KVM: x86:``, ``KVM: nVMX:``."""
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
        elif (known is None and subject.prefix[0] != "KVM"
              and topic.lower() not in _OTHER_ARCH_LOWER and not _is_path(topic)):
            # Report the whole corrected prefix here, unknown topic included.
            right_topic = ALIASES.get(topic.lower()) or P.suggest_topic(context.paths) or topic
    if subject.prefix[0] == "KVM" and right_topic is None:
        return
    right = ["KVM"]
    if topic is not None:
        right.append(right_topic or topic)
    yield rule_.finding(
        subject.lineno,
        wrong="".join(f"{c}: " for c in typed).strip(),
        right="".join(f"{c}: " for c in right).strip(),
    )


@rule(
    "shortlog-prefix-x86-kvm", "error", SECTION,
    bad=patch(subject="x86/kvm: Reject unknown indices in kvm_get_foo()"),
    good=patch(),
)
def shortlog_prefix_x86_kvm(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """``x86/kvm:`` is only for Linux-as-a-guest code such as arch/x86/kernel/kvm.c."""
    subject = _prefix_subject(context)
    if subject is None or not context.touches_kvm_host:
        return
    if any(component.lower() == "x86/kvm" for component in subject.prefix):
        yield rule_.finding(subject.lineno, prefix=_suggested_prefix(context))


@rule(
    "shortlog-prefix-path", "error", SECTION,
    bad=patch(subject="KVM: x86/mmu/mmu.c: Reject unknown indices in kvm_get_foo()",
              diffs=diff(path="arch/x86/kvm/mmu/mmu.c")),
    good=patch(subject="KVM: x86/mmu: Reject unknown indices in kvm_get_foo()",
               diffs=diff(path="arch/x86/kvm/mmu/mmu.c")),
)
def shortlog_prefix_path(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A prefix names a topic, never a file or a path."""
    subject = _prefix_subject(context)
    if subject is None:
        return
    for component in subject.prefix:
        if _is_path(component):
            yield rule_.finding(subject.lineno, component=component,
                                prefix=_suggested_prefix(context, component))
            return


@rule(
    "shortlog-prefix-unknown-topic", "warning", SECTION,
    severities=("info", "warning"), variants=("other-arch",),
    bad=patch(subject="KVM: lapic: Reject unknown indices in kvm_get_foo()",
              diffs=diff(path="arch/x86/kvm/lapic.c")),
    good=patch(subject="KVM: x86: Reject unknown indices in kvm_get_foo()",
               diffs=diff(path="arch/x86/kvm/lapic.c")),
)
def shortlog_prefix_unknown_topic(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Topics come from a short list; new ones are agreed on the list first."""
    subject = _prefix_subject(context)
    if subject is None:
        return
    topic = _topic(subject)
    if topic is None or topic in KNOWN_TOPICS or _is_path(topic) or subject.prefix[0] != "KVM":
        return
    lower = topic.lower()
    if lower in _KNOWN_BY_LOWER or lower.endswith("x86/kvm"):
        return  # a case or x86/kvm problem, reported by those rules
    if lower in _OTHER_ARCH_LOWER:
        yield rule_.finding(subject.lineno, "other-arch", "info", topic=topic)
        return
    suggestion = ALIASES.get(lower) or P.suggest_topic(context.paths) or "x86"
    yield rule_.finding(subject.lineno, topic=topic, prefix=f"KVM: {suggestion}:")


@rule(
    "shortlog-topic-mismatch", "info", SECTION,
    bad=patch(subject="KVM: VMX: Reject unknown indices in kvm_get_foo()",
              diffs=diff(path="arch/x86/kvm/svm/svm.c")),
    good=patch(subject="KVM: SVM: Reject unknown indices in kvm_get_foo()",
               diffs=diff(path="arch/x86/kvm/svm/svm.c")),
)
def shortlog_topic_mismatch(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The topic is the first common parent of the files the patch touches."""
    subject = _prefix_subject(context)
    if subject is None or not subject.prefix or subject.prefix[0] != "KVM" or not context.paths:
        return
    topic = _topic(subject)
    if topic is None:
        topic = ""
    elif topic not in KNOWN_TOPICS:
        return
    if P.topic_covers(topic, context.paths):
        return
    suggestion = P.suggest_topic(context.paths)
    if suggestion is None or suggestion == topic:
        return
    yield rule_.finding(
        subject.lineno,
        prefix=f"KVM: {topic}:" if topic else "KVM:",
        suggestion=f"KVM: {suggestion}:" if suggestion else "KVM:",
    )


_IDENTIFIER_MARKS = re.compile(r"[_()\[\]{}<>.\-/=#:*0-9]")


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
            for line in (*hunk.added, *hunk.removed):
                words.update(re.findall(r"[A-Za-z_]\w*", line.text))
    return words


@rule(
    "shortlog-capitalization", "warning", SECTION,
    bad=patch(subject="KVM: x86: reject unknown indices in kvm_get_foo()"),
    good=patch(),
)
def shortlog_capitalization(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Capitalize the first word after the prefix (identifiers keep their case)."""
    subject = _shortlog_subject(context)
    if subject is None or not subject.prefix or not subject.description:
        return
    word = subject.description.split()[0]
    if not word[0].islower() or _is_identifier(word) or word in _diff_words(context):
        return
    yield rule_.finding(subject.lineno, word=word, fixed=word[0].upper() + word[1:])


@rule(
    "shortlog-trailing-punctuation", "warning", SECTION,
    bad=patch(subject="KVM: x86: Reject unknown indices in kvm_get_foo()."),
    good=patch(),
)
def shortlog_trailing_punctuation(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A shortlog is a title: no full stop or other punctuation at the end."""
    subject = _shortlog_subject(context)
    if subject is None or not subject.shortlog:
        return
    last = subject.shortlog[-1]
    if last in ".,;:!" and not subject.shortlog.endswith("..."):
        yield rule_.finding(subject.lineno, char=last)


@rule(
    "shortlog-too-long", "warning", SECTION, severities=("warning", "error"),
    bad=patch(subject="KVM: x86: Reject unknown indices in kvm_get_foo() instead of reading "
                      "past the end of the array"),
    good=patch(),
)
def shortlog_too_long(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """75 characters is the firm limit for ``prefix: description``; 80 is the hard one."""
    subject = _shortlog_subject(context)
    if subject is None:
        return
    length = len(subject.shortlog)
    if length > 80:
        yield rule_.finding(subject.lineno, severity="error", length=length, limit=80)
    elif length > 75:
        yield rule_.finding(subject.lineno, length=length, limit=75)


_THIS_PATCH = re.compile(
    r"(?:in )?this (?:patch|commit|change|series)\b|the patch\b", re.IGNORECASE
)


def _non_imperative(text: str) -> tuple[str, str | None] | None:
    """(what was written, imperative replacement) when ``text`` opens non-imperatively."""
    stripped = text.strip()
    match = _THIS_PATCH.match(stripped)
    if match:
        return match.group(), None
    word = stripped.split(maxsplit=1)[0] if stripped else ""
    word = word.rstrip(",.:;")
    replacement = NON_IMPERATIVE_VERBS.get(word.lower())
    if replacement is None:
        return None
    if not word[0].isupper() and word[0].isalpha():
        replacement = replacement.lower()
    return word, replacement


@rule(
    "imperative-mood", "warning", "maintainer-kvm-x86#changelog",
    variants=("this-patch", "changelog", "changelog-this-patch"),
    bad=patch(subject="KVM: x86: Added a check for unknown indices to kvm_get_foo()"),
    good=patch(),
)
def imperative_mood(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Say what the patch does as an order to the code base: "Fix", not "Fixed"."""
    subject = _shortlog_subject(context)
    if subject is None:
        return
    places = []
    if subject.description:
        places.append((subject.description, subject.lineno, ""))
    if context.prose:
        places.append((context.prose[0].text, context.prose[0].lineno, "changelog"))
    for text, lineno, where in places:
        found = _non_imperative(text)
        if found is None:
            continue
        written, instead = found
        if instead is None:
            variant = f"{where}-this-patch" if where else "this-patch"
            yield rule_.finding(lineno, variant, written=written)
        else:
            yield rule_.finding(lineno, where or None, written=written, instead=instead)
