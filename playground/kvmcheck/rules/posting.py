"""Posting and series rules (handbook: maintainer-kvm-x86#git-base,
#co-posting-tests, #posting; first-patch#the-format-of-the-mail)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import chain

from kvmcheck import lazy_re
from kvmcheck.context import KERNEL, KUT, PatchContext, adds_feature, is_bug_fix
from kvmcheck.model import Patch, Series, Subject
from kvmcheck.paths import SELFTESTS_DIR, is_kernel_path
from kvmcheck.registry import (
    DIFF,
    GENERIC,
    KVM_HOST,
    POSTING,
    SERIES,
    Edit,
    Finding,
    Rule,
    rule,
)
from kvmcheck.rules._examples import diff, patch


def _mail_series(series: Series) -> bool:
    return any(p.kind == "email" for p in series.patches)


@rule(
    "base-commit-missing",
    "info",
    "maintainer-kvm-x86#git-base",
    reads=(POSTING,),
    target=SERIES,
    title="The posting records its base",
    message="No 'base-commit:' in the posting: create the patches with 'git format-patch "
    "--base=<base>', normally based on kvm-x86/next.",
    bad=patch(base=False),
    good=patch(),
)
def base_commit_missing(
    rule_: Rule, series: Series, contexts: list[PatchContext]
) -> Iterator[Finding]:
    """'git format-patch --base=<commit>' adds a 'base-commit:' line telling maintainers and bots
    which tree the series applies to. Base KVM x86 work on kvm-x86/next, and fixes for the
    current release on kvm.git master.
    """
    if not _mail_series(series):
        return
    if any(p.base_commit is not None for p in series.patches):
        return
    yield rule_.finding(None, patch=series.first_mail)


def _hunk_diff(lines: str, indent: str) -> str:
    """A one-hunk diff of x86.c whose indentation is ``indent`` (a tab, or
    the eight spaces a mailer leaves of it)."""
    body = lines.replace("\t", indent)
    return (
        "diff --git a/arch/x86/kvm/x86.c b/arch/x86/kvm/x86.c\n"
        "index 1111111..2222222 100644\n"
        "--- a/arch/x86/kvm/x86.c\n"
        "+++ b/arch/x86/kvm/x86.c\n"
        "@@ -10,5 +10,5 @@ static int kvm_get_foo(u32 index)\n" + body
    )


_HUNK_LINES = (
    " {\n \tif (index >= ARRAY_SIZE(foo))\n-\t\treturn 0;\n+\t\treturn -EINVAL;\n"
    " \treturn foo[index];\n"
)
# Fewer space-indented context lines say little: a file may indent a
# continuation or two with spaces.
_MIN_SPACED_CONTEXT = 2


def _tabs_turned_to_spaces(context: PatchContext) -> int | None:
    """The first hunk's line when no line of the C files' hunks is indented
    with a tab and their context lines are indented with spaces."""
    hunks = [
        hunk
        for file in context.patch.files
        if file.path.endswith((".c", ".h"))
        for hunk in file.hunks
    ]
    if not hunks or any(hunk.context_tabs for hunk in hunks):
        return None
    if sum(hunk.context_spaces for hunk in hunks) < _MIN_SPACED_CONTEXT:
        return None
    for hunk in hunks:
        if any(line.text.startswith("\t") for line in chain(hunk.added, hunk.removed)):
            return None
    return hunks[0].lineno


@rule(
    "patch-corrupted",
    "error",
    "first-patch#the-format-of-the-mail",
    reads=(DIFF,),
    scope=GENERIC,
    title="The mailer left the patch intact",
    message="The mailer damaged this patch: the hunk at line {line} does not hold the lines its "
    "'@@' header counts, so it will not apply. Send patches with 'git send-email' or 'b4 "
    "send', not from a mail client's editor.",
    variants={
        "wrapped": "The mailer damaged this patch: it wrapped a long line of the diff (line "
        "{line} has no '+', '-' or ' ' in front), so it will not apply. Send patches with "
        "'git send-email' or 'b4 send', not from a mail client's editor.",
        "tabs": "The mailer damaged this patch: every tab in the diff, context lines included, "
        "became spaces, so it will not apply. Send patches with 'git send-email' or 'b4 "
        "send', not from a mail client's editor.",
    },
    bad=patch(diffs=_hunk_diff(_HUNK_LINES, " " * 8)),
    good=patch(diffs=_hunk_diff(_HUNK_LINES, "\t")),
)
def patch_corrupted(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A patch is applied by tools that need it byte for byte as git wrote it. Mail clients and
    their editors often wrap long lines, turn tabs into spaces or drop the space in front of
    empty context lines; after that 'git am' refuses the patch, and the maintainers cannot
    review code whose indentation they cannot trust. Send patches with 'git send-email' or
    'b4 send', and mail them to yourself first to check that 'git am' applies them.
    """
    reported: set[str] = set()
    for file in context.patch.files:
        for hunk in file.hunks:
            for lineno, kind in hunk.damage:
                if kind not in reported:
                    reported.add(kind)
                    wrapped = kind == "wrapped"
                    yield rule_.finding(
                        lineno,
                        "wrapped" if wrapped else None,
                        line=(lineno if wrapped else hunk.lineno) or 0,
                    )
    if context.project == KERNEL:
        first = _tabs_turned_to_spaces(context)
        if first is not None:
            yield rule_.finding(first, "tabs")


# What the brackets of a KVM posting's subject may hold besides vN and N/M.
_SUBJECT_TAGS = frozenset(("PATCH", "RFC", "RESEND", "KVM-UNIT-TESTS", "KVM-UNIT-TEST"))
# '-next' (or 'next', 'linux-next') is the kernel-wide mark of a fix for code
# only in linux-next, as bots and janitors send them; KVM x86 applies such
# postings without remark (control-selftests-array-size-next in the
# real-review set). A named branch ('kvm-x86/next', 'kvm/queue') stays noise.
_SUBJECT_TAG_FORM = lazy_re.compile(r"[vV]\d{1,4}|\d{1,5}/\d{1,5}|-?next|linux-next", re.IGNORECASE)
_BRACKETS = lazy_re.compile(r"\[[^\]]*\]")


def _extra_tags(tags: tuple[str, ...]) -> list[str]:
    return [
        tag
        for tag in tags
        if tag.upper() not in _SUBJECT_TAGS and not _SUBJECT_TAG_FORM.fullmatch(tag)
    ]


def _without_tags(line: str, extra: list[str]) -> str | None:
    """The subject line's first bracket group with the ``extra`` words taken
    out (None when the tags are not all in that group on this line)."""
    match = _BRACKETS.search(line)
    if match is None:
        return None
    words = re.split(r"[\s,]+", match.group()[1:-1].strip())
    kept = [word for word in words if word not in extra]
    if len(words) - len(kept) != len(extra) or not kept:
        return None
    return f"[{' '.join(kept)}]"


@rule(
    "subject-extra-tag",
    "warning",
    "first-patch#the-subject-line",
    reads=(POSTING,),
    commits_only=True,
    fixable=True,
    title="Only PATCH, RFC, RESEND, vN and N/M in the subject's brackets",
    message="Drop '{tags}' from the subject's brackets: KVM postings use only PATCH, RFC, RESEND, "
    "the version (v2) and the number (3/7), plus kvm-unit-tests for that project; say more "
    "below '---' or in the cover letter.",
    bad=patch(subject="KVM: x86: Reject unknown indices in kvm_get_foo()").replace(
        "[PATCH]", "[PATCH URGENT]"
    ),
    good=patch(subject="KVM: x86: Reject unknown indices in kvm_get_foo()").replace(
        "[PATCH]", "[PATCH v2]"
    ),
)
def subject_extra_tag(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The bracketed tags before the shortlog are read by tools (b4, patchwork) and by maintainers
    sorting their mail: '[PATCH v3 2/5]', '[RFC PATCH]', '[PATCH RESEND]', and
    '[kvm-unit-tests PATCH]' for kvm-unit-tests; '[PATCH -next]' marks a fix for code that is
    only in linux-next. Anything else there, such as the target branch,
    'URGENT', a subsystem or a bug number, is noise to them; put it in the cover letter or below
    the '---' line.
    """
    subject = context.patch.subject
    if subject is None or not subject.tags:
        return
    extra = _extra_tags(subject.tags)
    if not extra:
        return
    edits = []
    line = subject.raw
    fixed = _without_tags(line, extra)
    brackets = _BRACKETS.search(line)
    if fixed is not None and subject.lineno is not None and brackets is not None:
        edits.append(Edit(subject.lineno, brackets.group(), fixed))
    yield rule_.finding(subject.lineno, tags=" ".join(extra), edits=edits)


_TOOLS_UAPI = lazy_re.compile(r"tools/(?:arch/[^/]+/)?include/uapi/")
_UAPI_COMMENT = {
    "added": "\t__u32 pad;\t/* must be zero */",
    "removed": "\t__u32 pad;",
    "context": "struct kvm_foo {",
}


@rule(
    "tools-uapi-copy",
    "warning",
    "review-checklist#userspace-api",
    reads=(DIFF,),
    title="Leave tools/'s copies of the uAPI headers alone",
    message="This KVM patch edits {path}, a copy of a uAPI header kept under tools/: change "
    "only the real header; the copies are synced by the tools maintainers, and the KVM "
    "selftests build against the installed headers ('make headers_install').",
    bad=patch(
        diffs=diff(path="include/uapi/linux/kvm.h", **_UAPI_COMMENT)
        + diff(path="tools/include/uapi/linux/kvm.h", **_UAPI_COMMENT)
    ),
    good=patch(diffs=diff(path="include/uapi/linux/kvm.h", **_UAPI_COMMENT)),
)
def tools_uapi_copy(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """tools/include/uapi/ and tools/arch/*/include/uapi/ hold copies of the kernel's uAPI
    headers for perf and other tools. Their maintainers sync them with the kernel on their own
    schedule, and the KVM selftests no longer read them: they build against the headers that
    'make headers_install' writes. A KVM series changes the real header under include/uapi/ or
    arch/x86/include/uapi/ and leaves the copies alone.
    """
    for file in context.patch.files:
        if _TOOLS_UAPI.match(file.path):
            yield rule_.finding(file.lineno, path=file.path)
            return


def _is_kernel_patch(context: PatchContext) -> bool:
    if context.project != KERNEL or context.patch.is_cover_letter:
        return False
    return context.is_kvm or any(is_kernel_path(p) for p in context.paths)


KUT_DIFF = diff(
    path="x86/foo.c",
    added='\treport(foo() == -EINVAL, "unknown index");',
    removed="",
    context="static void test_foo(void)",
)


@rule(
    "kvm-unit-tests-mixed",
    "error",
    "maintainer-kvm-x86#co-posting-tests",
    reads=(POSTING,),
    target=SERIES,
    scope=GENERIC,
    title="kvm-unit-tests are posted separately",
    message="This series mixes kernel patches with {count} kvm-unit-tests patch(es): post "
    "kvm-unit-tests on its own and point to the KVM series with a lore 'Link:'.",
    bad=patch() + "\n" + patch(subject="x86: Test unknown indices of FOO", diffs=KUT_DIFF),
    good=patch(),
)
def kvm_unit_tests_mixed(
    rule_: Rule, series: Series, contexts: list[PatchContext]
) -> Iterator[Finding]:
    """kvm-unit-tests is a separate repository, and tools such as 'b4 am' cannot apply one series
    to two trees. Post the kernel patches first, then the kvm-unit-tests patches as their own
    series with a lore 'Link:' to the kernel posting.
    """
    kut = [c for c in contexts if c.project == KUT and not c.patch.is_cover_letter]
    if not kut or not any(_is_kernel_patch(c) for c in contexts):
        return
    first = kut[0].patch
    lineno = first.subject.lineno if first.subject else None
    yield rule_.finding(lineno, patch=first, count=len(kut))


# A new capability: its uAPI define and its documentation.
_NEW_CAP = diff(
    path="include/uapi/linux/kvm.h",
    added="#define KVM_CAP_FOO 240",
    removed="",
    context="struct kvm_foo {",
) + diff(
    path="Documentation/virt/kvm/api.rst",
    added="KVM_CAP_FOO reports foo.",
    removed="",
    context="",
)


@rule(
    "selftests-missing",
    "info",
    "maintainer-kvm-x86#co-posting-tests",
    reads=(DIFF,),
    target=SERIES,
    areas=(KVM_HOST,),
    title="Features and fixes come with tests",
    message="The series adds a KVM feature but no KVM selftest: add tests under "
    "tools/testing/selftests/kvm/, or tag the series RFC if you want early feedback first.",
    variants={
        "fix": "The series fixes a bug but adds no KVM selftest: include a regression test or say "
        "how the fix was reproduced.",
    },
    bad=patch(
        subject="KVM: x86: Add KVM_CAP_FOO to report foo support",
        body="Report foo support to userspace with a new capability.",
        diffs=_NEW_CAP,
    ),
    good=patch(
        subject="KVM: x86: Add KVM_CAP_FOO to report foo support",
        body="Report foo support to userspace with a new capability, and test it.",
        diffs=_NEW_CAP
        + diff(
            path="tools/testing/selftests/kvm/x86/foo_test.c",
            added='\tTEST_ASSERT(kvm_check_cap(KVM_CAP_FOO), "no foo");',
            removed="",
            context="int main(void)",
        ),
    ),
)
def selftests_missing(
    rule_: Rule, series: Series, contexts: list[PatchContext]
) -> Iterator[Finding]:
    """New features need test coverage, including negative tests, and bug fixes need a
    reproducer, ideally a regression test. KVM selftests are posted in the same series as the KVM
    change. Untested work can be posted as RFC to get early feedback.
    """
    if any(p.subject is not None and p.subject.rfc for p in series.patches):
        return  # an RFC may ask for early feedback without tests
    if any(p.startswith(SELFTESTS_DIR) for patch_ in series.patches for p in patch_.paths):
        return
    host = [c for c in contexts if any(not f.path.startswith(SELFTESTS_DIR) for f in c.files)]
    if any(adds_feature(c) for c in host):
        yield rule_.finding(None, patch=series.first_mail)
    elif any(is_bug_fix(c) for c in host):
        yield rule_.finding(None, "fix", patch=series.first_mail)


@rule(
    "series-numbering",
    "warning",
    "maintainer-kvm-x86#posting",
    reads=(POSTING,),
    target=SERIES,
    scope=GENERIC,
    title="[PATCH vN m/n] numbering is consistent",
    message="'{number}' does not fit a series of {total} patches: number them 1/{total} to "
    "{total}/{total}.",
    variants={
        "version": "The series mixes versions ({versions}): every mail of a posting carries the "
        "same vN.",
        "duplicate": "Patch number {number} appears more than once.",
        "gap": "Patch(es) {missing} of {total} are missing from the series.",
    },
    bad=patch().replace("[PATCH]", "[PATCH 1/3]")
    + "\n"
    + patch().replace("[PATCH]", "[PATCH 3/3]").replace("Reject", "Refuse"),
    good=patch().replace("[PATCH]", "[PATCH 1/2]")
    + "\n"
    + patch().replace("[PATCH]", "[PATCH 2/2]").replace("Reject", "Refuse"),
)
def series_numbering(
    rule_: Rule, series: Series, contexts: list[PatchContext]
) -> Iterator[Finding]:
    """'git format-patch -v<N>' numbers a series for you: one version for every mail and each
    patch from 1/n to n/n, with the cover letter as 0/n. Gaps and mixed versions usually mean a
    stale file in the output directory.
    """
    # (mail, its subject, n, total) for each "[PATCH n/total]" mail.
    numbered: list[tuple[Patch, Subject, int, int]] = []
    for p in series.patches:
        subject = p.subject
        if p.kind != "email" or subject is None:
            continue
        if subject.number is not None and subject.total is not None:
            numbered.append((p, subject, subject.number, subject.total))
    if not numbered:
        return
    totals = Counter(its_total for _p, _s, _n, its_total in numbered)
    total = totals.most_common(1)[0][0]
    for p, subject, number, its_total in numbered:
        if its_total != total or number > its_total:
            yield rule_.finding(
                subject.lineno,
                patch=p,
                number=f"{number}/{its_total}",
                total=total,
            )
    if len(numbered) < 2:
        return
    versions = Counter(subject.version or 1 for _p, subject, _n, _t in numbered)
    if len(versions) > 1:
        usual = versions.most_common(1)[0][0]
        odd, odd_subject = next((p, s) for p, s, _n, _t in numbered if (s.version or 1) != usual)
        yield rule_.finding(
            odd_subject.lineno,
            "version",
            patch=odd,
            versions=", ".join(f"v{v}" for v in sorted(versions)),
        )
    seen: set[int] = set()
    for p, subject, number, _t in numbered:
        if number in seen:
            yield rule_.finding(subject.lineno, "duplicate", patch=p, number=number)
        seen.add(number)
    last = total if series.cover_letter is not None else max(seen)
    missing = sorted(set(range(1, min(last, 10000) + 1)) - seen)
    if missing:
        yield rule_.finding(
            None,
            "gap",
            patch=series.first_mail,
            missing=", ".join(str(n) for n in missing[:20]),
            total=total,
        )
