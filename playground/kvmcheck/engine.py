"""Run the rules: decide where each rule applies, call it, collect its findings.

Where a rule applies is declared on the rule (``kvmcheck.registry``); this is
the one place that enforces it, for patch and series rules alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

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
    count, patch_rules, scope_rules, series_rules = (
        _default_plan(ignored) if rules is RULES else _plan(rules, ignored)
    )
    found: list[list[Finding]] = [[] for _ in range(count)]
    # Patch rules run patch by patch: a small patch's lines are made once
    # for all its rules, which read them some eighty times, and dropped
    # before the next patch's (PatchContext.keep_lines).
    for context in contexts:
        context.keep_lines()
        try:
            _run_patch_rules(context, patch_rules, scope_rules, found)
        finally:
            context.drop_lines()
    series = contexts[0].series if contexts else None
    # The 81 rules declare only a handful of different scopes: each is
    # worked out once per run, not once per rule.
    scopes: dict[_Where, list[PatchContext]] = {}
    for index, rule, where in series_rules:
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


# How many rules run; the patch rules among them, each with its place among
# them and the number of its scope (rules that agree on `_where` share one);
# a rule of each scope, by number; the series rules, each with its place and
# its `_where`.
_Plan = tuple[
    int,
    tuple[tuple[int, Rule, int], ...],
    tuple[Rule, ...],
    tuple[tuple[int, Rule, _Where], ...],
]


def _plan(rules: Mapping[str, Rule], ignored: frozenset[str]) -> _Plan:
    """Which rules of ``rules`` run (those not ``ignored``), in order."""
    active = [rule for rule in rules.values() if rule.id not in ignored]
    placed = [(index, rule, _where(rule)) for index, rule in enumerate(active)]
    # A scope's number is a list index for _run_patch_rules: a dict keyed by
    # the `_where` would hash its nested tuples for every rule and patch.
    numbers: dict[_Where, int] = {}
    scope_rules: list[Rule] = []
    patch_rules = []
    for index, rule, where in placed:
        if rule.target != PATCH:
            continue
        if where not in numbers:
            numbers[where] = len(scope_rules)
            scope_rules.append(rule)
        patch_rules.append((index, rule, numbers[where]))
    return (
        len(active),
        tuple(patch_rules),
        tuple(scope_rules),
        tuple(entry for entry in placed if entry[1].target != PATCH),
    )


@lru_cache(maxsize=32)
def _default_plan(ignored: frozenset[str]) -> _Plan:
    """`_plan` of the whole table: worked out once, not for each posting
    of a batch (a few percent of checking one patch)."""
    return _plan(RULES, ignored)


def _run_patch_rules(
    context: PatchContext,
    rules: tuple[tuple[int, Rule, int], ...],
    scope_rules: tuple[Rule, ...],
    found: list[list[Finding]],
) -> None:
    """The findings of the patch ``rules`` (each with its place in ``found``
    and the number of its scope, whose rule is in ``scope_rules``) on one
    patch."""
    # Rules of one scope share its narrowed context as all rules that read
    # no files share the patch's own.  Every scope has a rule to run, so
    # each is worked out.
    scopes = [applies(rule, context) for rule in scope_rules]
    for index, rule, scope in rules:
        in_scope = scopes[scope]
        if in_scope is None:
            continue
        into = found[index]
        for finding in rule.check(rule, in_scope):
            finding.patch = context.patch
            into.append(finding)
