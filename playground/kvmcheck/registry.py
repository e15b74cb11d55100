"""The rule registry: every rule's id, severity, section, texts and examples.

Rule modules under ``kvmcheck.rules`` register their check functions with the
:func:`rule` decorator.  Messages, titles and explanations live in the
catalogs of ``kvmcheck.messages`` under keys derived from the rule id, so the
same registry serves the command line, the playground and the docs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kvmcheck.messages import catalog
from kvmcheck.model import Patch

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

# What a rule looks at: one patch at a time, or the whole series.
PATCH = "patch"
SERIES = "series"

# Which patches a rule applies to.
KVM = "kvm"          # only patches for KVM (x86 host, guest side, selftests, kvm-unit-tests)
GENERIC = "generic"  # every kernel patch (rules from submitting-patches)


class Finding:
    """One problem found: which rule, how bad, where, and the message inputs.

    ``key`` is the catalog key of the message and ``params`` fill it in;
    ``patch`` (series rules) is the patch the finding belongs to, None for
    the series as a whole.
    """

    __slots__ = ("key", "lineno", "params", "patch", "rule", "severity")

    def __init__(self, rule: str, severity: str, lineno: int | None, key: str,
                 params: dict[str, object], patch: Patch | None = None) -> None:
        self.rule = rule
        self.severity = severity
        self.lineno = lineno
        self.key = key
        self.params = params
        self.patch = patch

    def __repr__(self) -> str:
        return f"Finding({self.rule!r}, {self.severity!r}, {self.lineno!r})"


class Rule:
    """A registered rule and its documentation.

    ``target``: PATCH or SERIES (what ``check`` is called with); ``scope``:
    KVM or GENERIC; ``severities``: every severity it may report;
    ``variants``: message variants, catalog keys ``<id>.<variant>`` besides
    ``<id>``; ``bad``/``good``: example inputs that do / don't trigger it.
    """

    __slots__ = ("bad", "check", "good", "id", "scope", "section", "severities", "severity",
                 "target", "variants")

    def __init__(self, id: str, severity: str, section: str, target: str, scope: str,
                 check: Callable[..., Iterator[Finding]], bad: str, good: str,
                 severities: tuple[str, ...], variants: tuple[str, ...] = ()) -> None:
        self.id = id
        self.severity = severity
        self.section = section
        self.target = target
        self.scope = scope
        self.check = check
        self.bad = bad
        self.good = good
        self.severities = severities
        self.variants = variants

    def __repr__(self) -> str:
        return f"Rule({self.id!r}, {self.severity!r}, {self.section!r})"

    @property
    def message_keys(self) -> tuple[str, ...]:
        return (self.id, *(f"{self.id}.{variant}" for variant in self.variants))

    def title(self, lang: str = "en") -> str:
        return catalog(lang)[f"{self.id}.title"]

    def explanation(self, lang: str = "en") -> str:
        return catalog(lang)[f"{self.id}.explanation"]

    def finding(
        self,
        lineno: int | None,
        variant: str | None = None,
        severity: str | None = None,
        *,
        patch: Patch | None = None,
        **params: object,
    ) -> Finding:
        """Build a finding of this rule; ``variant`` picks ``<id>.<variant>``."""
        key = f"{self.id}.{variant}" if variant else self.id
        if variant is not None and variant not in self.variants:
            raise KeyError(key)
        chosen = severity or self.severity
        if chosen not in self.severities:
            raise ValueError(f"{self.id} cannot report {chosen}")
        return Finding(self.id, chosen, lineno, key, params, patch)


RULES: dict[str, Rule] = {}


def rule(
    rule_id: str,
    severity: str,
    section: str,
    *,
    bad: str,
    good: str,
    target: str = PATCH,
    scope: str = KVM,
    severities: tuple[str, ...] | None = None,
    variants: tuple[str, ...] = (),
) -> Callable[[Callable[..., Iterator[Finding]]], Callable[..., Iterator[Finding]]]:
    """Register a check function as rule ``rule_id``.

    A patch rule is called as ``check(rule, patch, context)``, a series rule as
    ``check(rule, series, context)``; both yield findings made with
    ``rule.finding(...)``.
    """

    def register(check: Callable[..., Iterator[Finding]]) -> Callable[..., Iterator[Finding]]:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        if severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity}")
        RULES[rule_id] = Rule(
            id=rule_id,
            severity=severity,
            section=section,
            target=target,
            scope=scope,
            check=check,
            bad=bad,
            good=good,
            severities=severities or (severity,),
            variants=variants,
        )
        return check

    return register


def all_rules() -> dict[str, Rule]:
    """Every rule, id -> Rule, in the order of rules.md."""
    return RULES


# Register every rule (the rule modules import this module's names above).
import kvmcheck.rules  # noqa: E402, F401
from kvmcheck.testing_checklist import ITEMS as _CHECKLIST_ITEMS  # noqa: E402

SECTIONS = tuple(
    sorted({r.section for r in RULES.values()} | {i.section for i in _CHECKLIST_ITEMS})
)
