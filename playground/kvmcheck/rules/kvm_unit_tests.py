"""kvm-unit-tests postings (handbook: first-patch#kvm-unit-tests).

kvm-unit-tests is a repository of its own that shares the KVM list: its
postings say 'kvm-unit-tests' in the subject's brackets, and a patch to one
architecture's tests starts its shortlog with that architecture.  These
rules read patches kvmcheck recognises as kvm-unit-tests by their files
(``kvmcheck.context.project_of``); the KVM kernel rules skip them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kvmcheck.context import KUT, PatchContext
from kvmcheck.model import Patch, Subject
from kvmcheck.registry import GENERIC, POSTING, SUBJECT, Edit, Finding, Rule, rule
from kvmcheck.rules._examples import diff, patch

SECTION = "first-patch#kvm-unit-tests"

_TAG = "kvm-unit-tests PATCH"
# Headers a mail has once it is addressed or sent; 'git format-patch' alone
# writes none of them.
_POSTING_HEADERS = ("to", "cc", "message-id", "in-reply-to")

# The directories of each architecture but x86 (its tests and its library),
# and the words a shortlog names it by.  x86 is left out: its accepted
# history mixes 'x86:', 'x86/<area>:', 'nVMX:', 'svm:', test names and no
# prefix at all (a third of its single-architecture commits have no 'x86'),
# while 99% of the others' start with their architecture.
_ARCH_DIRS = {
    "arm": ("arm/", "lib/arm/", "lib/arm64/"),
    "s390x": ("s390x/", "lib/s390x/"),
    "powerpc": ("powerpc/", "lib/powerpc/", "lib/ppc64/"),
    "riscv": ("riscv/", "lib/riscv/"),
}
_ARCH_NAMES = {
    "arm": frozenset({"arm", "arm64", "arm/arm64", "aarch64"}),
    "s390x": frozenset({"s390x", "s390"}),
    "powerpc": frozenset({"powerpc", "ppc64", "ppc", "powerpc/ppc64"}),
    "riscv": frozenset({"riscv", "riscv64", "riscv32", "risc-v"}),
}
# 'arm:Add foo': an architecture glued to the word after its colon.
_GLUED = re.compile(r"([\w/-]+):(?=[^\s:])")

_KUT_DIFF = diff(
    path="x86/msr.c",
    added="\ttest_reserved_bits(MSR_IA32_FROB);",
    removed="",
    context="int main(int ac, char **av)",
)
_RISCV_DIFF = diff(
    path="riscv/sbi.c",
    added="\tcheck_dbcn();",
    removed="",
    context="int main(int argc, char **argv)",
)


def _kut_posting(subject: str, diffs: str, tag: str = "PATCH", to: bool = True) -> str:
    """A kvm-unit-tests patch tagged ``tag``, addressed to the list when ``to``."""
    text = patch(subject=subject, diffs=diffs, headers="To: kvm@vger.kernel.org\n" if to else "")
    return text.replace("[PATCH]", f"[{tag}]")


def _posted(patch_: Patch, subject: Subject) -> bool:
    """The mail is a posting, not a commit exported with 'git format-patch':
    it is addressed or sent, or numbered, versioned, RFC or RESEND."""
    if subject.number is not None or subject.version is not None or subject.rfc:
        return True
    if any(tag.upper() == "RESEND" for tag in subject.tags):
        return True
    return any(patch_.header(name) for name in _POSTING_HEADERS)


@rule(
    "kut-subject-tag-missing",
    "warning",
    SECTION,
    reads=(POSTING,),
    scope=GENERIC,
    commits_only=True,
    fixable=True,
    severities=("warning", "info"),
    title="kvm-unit-tests postings say so in the subject",
    message="This is a kvm-unit-tests patch, but its subject's brackets do not say so: post it as "
    "'[kvm-unit-tests PATCH]' (git format-patch --subject-prefix=\"kvm-unit-tests PATCH\"), or "
    "reviewers take it for a kernel patch.",
    variants={
        "unsent": "When you post this kvm-unit-tests patch, tag it '[kvm-unit-tests PATCH]': "
        "run 'git config format.subjectPrefix \"kvm-unit-tests PATCH\"' once in your "
        "kvm-unit-tests clone.",
    },
    bad=_kut_posting("x86: msr: Test reserved bits of MSR_IA32_FROB", _KUT_DIFF),
    good=_kut_posting("x86: msr: Test reserved bits of MSR_IA32_FROB", _KUT_DIFF, tag=_TAG),
)
def kut_subject_tag_missing(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """kvm-unit-tests patches go to kvm@vger.kernel.org like kernel patches, so their subject
    says which repository they are for: '[kvm-unit-tests PATCH]' (its README asks for it, and its
    .b4-config names 'kvm-unit-tests' as a send prefix for b4). Without it reviewers and tools
    such as b4 and patchwork take the patch for a kernel one. A commit exported with plain
    'git format-patch' and not yet addressed only draws a reminder; a mail addressed to the list,
    numbered or versioned draws the warning.
    """
    patch_ = context.patch
    subject = patch_.subject
    if context.project != KUT or subject is None or not subject.is_patch:
        return
    if subject.project == KUT:
        return
    edits = [Edit(subject.lineno, "PATCH", _TAG)] if subject.lineno is not None else []
    if _posted(patch_, subject):
        yield rule_.finding(subject.lineno, edits=edits)
    else:
        yield rule_.finding(subject.lineno, "unsent", "info", edits=edits)


def _architecture(paths: list[str]) -> str | None:
    """The one architecture (but x86) every file belongs to, or None."""
    if not paths:
        return None
    for arch, dirs in _ARCH_DIRS.items():
        if all(path.startswith(dirs) for path in paths):
            return arch
    return None


def _suggested(arch: str, paths: list[str]) -> str:
    if arch == "arm" and all(path.startswith("lib/arm64/") for path in paths):
        return "arm64:"
    return f"{arch}:"


def _names_architecture(arch: str, component: str) -> bool:
    """'s390x', 'arm/arm64', 'powerpc/sprs' or 'lib/s390x' name the architecture."""
    lower = component.lower()
    names = _ARCH_NAMES[arch]
    if lower in names or lower.split("/")[0] in names:
        return True
    return lower.startswith(tuple(d.rstrip("/") for d in _ARCH_DIRS[arch] if d.startswith("lib/")))


@rule(
    "kut-shortlog-arch-prefix",
    "warning",
    SECTION,
    reads=(SUBJECT,),
    scope=GENERIC,
    commits_only=True,
    fixable=True,
    title="A kvm-unit-tests patch to one architecture names it first",
    message="This kvm-unit-tests patch changes only {arch} code ({path}): start the shortlog with "
    "'{prefix}', as in '{example}'.",
    variants={
        "space": "Put a space after the architecture's colon: '{right}', not '{wrong}'.",
    },
    bad=_kut_posting("sbi: Test the DBCN extension", _RISCV_DIFF, tag=_TAG),
    good=_kut_posting("riscv: sbi: Test the DBCN extension", _RISCV_DIFF, tag=_TAG),
)
def kut_shortlog_arch_prefix(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """kvm-unit-tests holds the tests of several architectures, each looked after by its own
    maintainers, who sort the list's mail by the shortlog's first word: a patch that touches only
    arm, s390x, powerpc or riscv files starts with 'arm:' (or 'arm64:'), 's390x:', 'powerpc:' or
    'riscv:', before any area ('riscv: sbi: ...'). x86 is not checked: its history mixes 'x86:',
    'x86/pmu:', 'nVMX:' and test names, and its maintainers take all of them.
    """
    subject = context.patch.subject
    if context.project != KUT or subject is None or subject.revert or not subject.shortlog:
        return
    paths = context.paths
    arch = _architecture(paths)
    if arch is None:
        return
    if any(_names_architecture(arch, component) for component in subject.prefix):
        return
    shortlog = subject.shortlog
    glued = _GLUED.match(shortlog)
    if glued is not None and _names_architecture(arch, glued.group(1)):
        word = shortlog.split(None, 1)[0]
        right = f"{glued.group(1)}: {word[glued.end() :]}"
        edits = [Edit(subject.lineno, word, right)] if subject.lineno is not None else []
        yield rule_.finding(subject.lineno, "space", right=right, wrong=word, edits=edits)
        return
    prefix = _suggested(arch, paths)
    first = shortlog.split(None, 1)[0]
    edits = []
    # The first word is found on the subject's line where the shortlog starts.
    if subject.lineno is not None and subject.raw.find(first) == len(subject.raw) - len(shortlog):
        edits.append(Edit(subject.lineno, first, f"{prefix} {first}"))
    yield rule_.finding(
        subject.lineno,
        arch=arch,
        path=paths[0],
        prefix=prefix,
        example=f"{prefix} {shortlog}",
        edits=edits,
    )
