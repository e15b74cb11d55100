"""Posting and series rules (handbook: maintainer-kvm-x86#git-base,
#co-posting-tests, #posting)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from kvmcheck import paths as P
from kvmcheck.context import KERNEL, KUT, PatchContext, adds_feature, is_bug_fix
from kvmcheck.model import Series
from kvmcheck.registry import GENERIC, SERIES, Finding, Rule, rule
from kvmcheck.rules._examples import diff, patch


def _mail_series(series: Series) -> bool:
    return any(p.kind == "email" for p in series.patches)


@rule(
    "base-commit-missing", "info", "maintainer-kvm-x86#git-base", target=SERIES,
    bad=patch(base=False),
    good=patch(),
)
def base_commit_missing(
    rule_: Rule, series: Series, contexts: list[PatchContext]
) -> Iterator[Finding]:
    """``git format-patch --base`` records the tree the series applies to."""
    if not _mail_series(series) or not any(c.is_kvm for c in contexts):
        return
    if any(p.base_commit is not None for p in series.patches):
        return
    yield rule_.finding(None, patch=series.first_mail)


def _is_kernel_patch(context: PatchContext) -> bool:
    if context.project != KERNEL or context.patch.is_cover_letter:
        return False
    return context.is_kvm or any(P.is_kernel_path(p) for p in context.paths)


KUT_DIFF = diff(path="x86/foo.c", added="\treport(foo() == -EINVAL, \"unknown index\");",
                removed="", context="static void test_foo(void)")


@rule(
    "kvm-unit-tests-mixed", "error", "maintainer-kvm-x86#co-posting-tests", target=SERIES,
    bad=patch() + "\n" + patch(subject="x86: Test unknown indices of FOO", diffs=KUT_DIFF),
    good=patch(),
)
def kvm_unit_tests_mixed(
    rule_: Rule, series: Series, contexts: list[PatchContext]
) -> Iterator[Finding]:
    """kvm-unit-tests is another repository: post its patches as their own series."""
    kut = [c for c in contexts if c.project == KUT and not c.patch.is_cover_letter]
    if not kut or not any(_is_kernel_patch(c) for c in contexts):
        return
    first = kut[0].patch
    lineno = first.subject.lineno if first.subject else None
    yield rule_.finding(lineno, patch=first, count=len(kut))


@rule(
    "selftests-missing", "info", "maintainer-kvm-x86#co-posting-tests", target=SERIES,
    variants=("fix",),
    bad=patch(subject="KVM: x86: Add KVM_CAP_FOO to report foo support",
              body="Report foo support to userspace with a new capability.",
              diffs=diff(path="include/uapi/linux/kvm.h", added="#define KVM_CAP_FOO 240",
                         removed="", context="struct kvm_foo {")
              + diff(path="Documentation/virt/kvm/api.rst", added="KVM_CAP_FOO reports foo.",
                     removed="", context="")),
    good=patch(subject="KVM: x86: Add KVM_CAP_FOO to report foo support",
               body="Report foo support to userspace with a new capability, and test it.",
               diffs=diff(path="include/uapi/linux/kvm.h", added="#define KVM_CAP_FOO 240",
                          removed="", context="struct kvm_foo {")
               + diff(path="Documentation/virt/kvm/api.rst", added="KVM_CAP_FOO reports foo.",
                      removed="", context="")
               + diff(path="tools/testing/selftests/kvm/x86/foo_test.c",
                      added="\tTEST_ASSERT(kvm_check_cap(KVM_CAP_FOO), \"no foo\");",
                      removed="", context="int main(void)")),
)
def selftests_missing(
    rule_: Rule, series: Series, contexts: list[PatchContext]
) -> Iterator[Finding]:
    """New features and bug fixes come with tests in the same series."""
    if any(p.subject is not None and p.subject.rfc for p in series.patches):
        return  # an RFC may ask for early feedback without tests
    kvm = [c for c in contexts if c.is_kvm and c.patch.files]
    if not kvm or any(p.startswith(P.SELFTESTS) for c in contexts for p in c.paths):
        return
    host = [c for c in kvm if any(P.is_kvm_host(p) and not p.startswith(P.SELFTESTS)
                                  for p in c.paths)]
    if any(adds_feature(c) for c in host):
        yield rule_.finding(None, patch=series.first_mail)
    elif any(is_bug_fix(c) for c in host):
        yield rule_.finding(None, "fix", patch=series.first_mail)


@rule(
    "series-numbering", "warning", "maintainer-kvm-x86#posting", target=SERIES, scope=GENERIC,
    variants=("version", "duplicate", "gap"),
    bad=patch().replace("[PATCH]", "[PATCH 1/3]")
    + "\n" + patch().replace("[PATCH]", "[PATCH 3/3]").replace("Reject", "Refuse"),
    good=patch().replace("[PATCH]", "[PATCH 1/2]")
    + "\n" + patch().replace("[PATCH]", "[PATCH 2/2]").replace("Reject", "Refuse"),
)
def series_numbering(
    rule_: Rule, series: Series, contexts: list[PatchContext]
) -> Iterator[Finding]:
    """``[PATCH vN m/n]``: one version, one total, every number from 1 to n once."""
    numbered = [p for p in series.patches
                if p.kind == "email" and p.subject is not None and p.subject.number is not None]
    if not numbered:
        return
    totals = Counter(p.subject.total for p in numbered)
    total = totals.most_common(1)[0][0]
    for p in numbered:
        if p.subject.total != total or p.subject.number > p.subject.total:
            yield rule_.finding(p.subject.lineno, patch=p,
                                number=f"{p.subject.number}/{p.subject.total}", total=total)
    if len(numbered) < 2:
        return
    versions = Counter(p.subject.version or 1 for p in numbered)
    if len(versions) > 1:
        usual = versions.most_common(1)[0][0]
        odd = next(p for p in numbered if (p.subject.version or 1) != usual)
        yield rule_.finding(odd.subject.lineno, "version", patch=odd,
                            versions=", ".join(f"v{v}" for v in sorted(versions)))
    seen: set[int] = set()
    for p in numbered:
        if p.subject.number in seen:
            yield rule_.finding(p.subject.lineno, "duplicate", patch=p, number=p.subject.number)
        seen.add(p.subject.number)
    last = total if series.cover_letter is not None else max(seen)
    missing = sorted(set(range(1, min(last, 10000) + 1)) - seen)
    if missing:
        yield rule_.finding(None, "gap", patch=series.first_mail,
                            missing=", ".join(str(n) for n in missing[:20]), total=total)
