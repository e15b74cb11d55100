"""Run the rules: decide where each rule applies, call it, collect its findings.

Where a rule applies is declared on the rule (``kvmcheck.registry``); this is
the one place that enforces it, for patch and series rules alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from kvmcheck.context import PatchContext, analyze
from kvmcheck.model import Series
from kvmcheck.registry import KVM, PATCH, Finding, Rule
from kvmcheck.rules import RULES


def applies(rule: Rule, context: PatchContext) -> PatchContext | None:
    """The context ``rule`` reads for this patch (files narrowed), or None if out of scope."""
    patch = context.patch
    if rule.scope == KVM and not context.is_kvm:
        return None
    if rule.commits_only and not patch.is_commit:
        return None
    if not rule.reads_files:
        return context
    return context.scoped(rule.areas, rule.types)


def contexts_of(
    series: Series, lookup_commit: Callable[[str], tuple[str, str] | None] | None = None
) -> list[PatchContext]:
    """One context per patch of ``series`` (``lookup_commit``: see PatchContext)."""
    contexts = [analyze(patch, series) for patch in series.patches]
    for context in contexts:
        context.lookup_commit = lookup_commit
    return contexts


# What `applies` reads of a rule (see _where).
_Where = tuple[bool, bool, tuple[str, ...], tuple[str, ...]]


def _where(rule: Rule) -> _Where:
    """All that `applies` reads of a rule: rules that agree on it are in
    scope on the same patches, with the same files."""
    return (rule.scope == KVM, rule.commits_only, rule.areas, rule.types)


def run_rules(
    contexts: list[PatchContext],
    ignore: Iterable[str] = (),
    rules: Mapping[str, Rule] = RULES,
) -> list[Finding]:
    """Every finding of every rule of ``rules`` (by default the whole table,
    ``kvmcheck.rules.RULES``) not ignored, rule by rule in the table's order;
    each one knows its patch."""
    ignored = frozenset(ignore)
    active = [rule for rule in rules.values() if rule.id not in ignored]
    found: list[list[Finding]] = [[] for _ in active]
    # Patch rules run patch by patch: a small patch's lines are made once
    # for all its rules, which read them some eighty times, and dropped
    # before the next patch's (PatchContext.keep_lines).
    patch_rules = [
        (index, rule, _where(rule)) for index, rule in enumerate(active) if rule.target == PATCH
    ]
    for context in contexts:
        context.keep_lines()
        try:
            _run_patch_rules(context, patch_rules, found)
        finally:
            context.drop_lines()
    series = contexts[0].series if contexts else None
    # The 81 rules declare only a handful of different scopes: each is
    # worked out once per run, not once per rule.
    scopes: dict[_Where, list[PatchContext]] = {}
    for index, rule in enumerate(active):
        if rule.target == PATCH:
            continue
        where = _where(rule)
        in_scope = scopes.get(where)
        if in_scope is None:
            in_scope = scopes[where] = [
                c for c in (applies(rule, context) for context in contexts) if c is not None
            ]
        if not in_scope:
            continue
        for finding in rule.check(rule, series, in_scope):
            if finding.patch is None:
                raise ValueError(f"series rule {rule.id} gave a finding without its patch")
            found[index].append(finding)
    return [finding for rule_findings in found for finding in rule_findings]


def _run_patch_rules(
    context: PatchContext, rules: list[tuple[int, Rule, _Where]], found: list[list[Finding]]
) -> None:
    """The findings of the patch ``rules`` (each with its place in ``found``
    and its `_where`) on one patch."""
    # Rules of one scope share its narrowed context as all rules that read
    # no files share the patch's own.
    scopes: dict[_Where, PatchContext | None] = {}
    for index, rule, where in rules:
        if where in scopes:
            in_scope = scopes[where]
        else:
            in_scope = scopes[where] = applies(rule, context)
        if in_scope is None:
            continue
        into = found[index]
        for finding in rule.check(rule, in_scope):
            finding.patch = context.patch
            into.append(finding)
