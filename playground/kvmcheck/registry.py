"""How a rule is declared: the :func:`rule` decorator and what it builds.

A rule is one function in a module under ``kvmcheck/rules/`` (a module per
handbook section, or per theme of a large one), decorated with :func:`rule`.
Adding a rule means three things: the function with its English texts, the
Chinese texts in ``kvmcheck/messages/zh_CN/<module>.py`` (same keys, same
module name), and a test.  Importing
``kvmcheck.rules`` imports every rule module and gives the ordered table,
``kvmcheck.rules.RULES``; this module never imports the rules, so they may be
imported in any order.  A new rule module is listed once, in
``kvmcheck/rules/__init__.py`` (its place there is its place in the reference).

Declaring a rule::

    @rule(
        "trailing-whitespace", "warning", "maintainer-kvm-x86#coding-style",
        reads=(DIFF,),
        title="Added lines have no trailing whitespace",
        message="Trailing whitespace in {path}.",
        variants={"tab": "A tab at the end of a line in {path}."},
        areas=(KVM_HOST,), types=C_CODE, fixable=True,
        bad=patch(...), good=patch(...),
    )
    def trailing_whitespace(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
        '''The explanation shown in the rule reference (one paragraph).'''
        for file in context.files:
            for line in file.added_lines():
                ...
                yield rule_.finding(line.lineno, path=file.path,
                                    edits=[Edit.added(line, start, end, "")])

English texts: ``title`` (the reference's heading), ``message`` (a
``str.format`` template filled with the finding's params; catalog key
``<id>``), ``variants`` (other messages, keys ``<id>.<variant>``) and the
function's docstring (the explanation, key ``<id>.explanation``).

What a rule reads is declared too: ``reads`` names the parts of a patch its
findings are about, one or more of :data:`SUBJECT` (the shortlog),
:data:`MESSAGE` (the rest of the commit message: changelog and trailers),
:data:`DIFF` (the files the patch changes) and :data:`POSTING` (the input as
posted: mails, headers, the series, the input's format).  A part the rule only
consults is not listed (the files a shortlog's prefix should match).  This is
how the handbook's examples (``_ext/kvmcheck_example.py``) know which rules
count for a shortlog, a commit message or lines of code shown on their own.

Where a rule applies is declared, and the engine (``kvmcheck.engine``)
enforces it; the function does not check it again:

* ``scope``: :data:`KVM` (patches for KVM only) or :data:`GENERIC` (every
  kernel patch);
* ``commits_only``: only a commit's own message is read (not a cover letter,
  a bare diff or unrecognized input);
* ``areas`` and ``types``: the rule reads files; ``context.files`` then holds
  only the patch's files in one of the areas (:data:`KVM_HOST`,
  :data:`KVM_GUEST`, :data:`SELFTESTS`, :data:`KVM_DOCS`, :data:`UAPI`) and of
  one of the types (``"c"``, ``"header"``, ``"asm"``, ``"lds"``, ``"rst"``;
  :data:`C_CODE` is all C and assembly), and a patch without such a file is
  skipped.  Empty means any.

``target``: :data:`PATCH` rules are called as ``check(rule, context)`` once
per patch in scope; :data:`SERIES` rules as ``check(rule, series, contexts)``
once, with the contexts in scope (skipped when there are none).  Every
finding belongs to a patch: patch rules get theirs from the engine, series
rules pass ``patch=``.

Fixes: a rule declared ``fixable=True`` may attach :class:`Edit` s to its
findings (``rule_.finding(..., edits=[...])``; ``None`` entries are dropped,
so a helper may return None when it has no fix).  An edit replaces text on
one physical line of the input: ``Edit.added(line, start, end, new)`` for
``line.text[start:end]`` of an added diff line, ``Edit(lineno, old, new)`` for
the first ``old`` on a line, ``Edit.at_end(lineno, old, new)`` for ``old``
ending it.  ``kvmcheck.fix.fix_text`` applies them, checks again and repeats.
A finding is reported ``"fixable": true`` when it has edits and every one of
them applies to the input as it is (``kvmcheck.fix.fixable_now``): an edit
on a line that is written otherwise (an RFC 2047 encoded subject) does not
make a finding fixable.  Edits must never change what code means: the fixer
only touches added (``+``) lines and lines outside the diff, never inside a
string literal or a comment, and an edit never adds or removes a line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from kvmcheck.messages import catalog
from kvmcheck.model import Line, Patch
from kvmcheck.paths import AREAS, C_CODE, FILE_TYPES, KVM_DOCS, KVM_GUEST, KVM_HOST, SELFTESTS, UAPI

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

# What a rule looks at: one patch at a time, or the whole series.
PATCH = "patch"
SERIES = "series"

# What a rule reads (the parts of a patch its findings are about).
SUBJECT = "subject"  # the shortlog
MESSAGE = "message"  # the rest of the commit message: changelog and trailers
DIFF = "diff"  # the files the patch changes
POSTING = "posting"  # the input as posted: mails, headers, the series, its format
READS = (SUBJECT, MESSAGE, DIFF, POSTING)

# Which patches a rule applies to.
KVM = "kvm"  # only patches for KVM (x86 host, guest side, selftests, kvm-unit-tests)
GENERIC = "generic"  # every kernel patch (rules from submitting-patches)

__all__ = [
    "C_CODE",
    "DIFF",
    "GENERIC",
    "KVM",
    "KVM_DOCS",
    "KVM_GUEST",
    "KVM_HOST",
    "MESSAGE",
    "PATCH",
    "POSTING",
    "READS",
    "SELFTESTS",
    "SERIES",
    "SEVERITIES",
    "SEVERITY_RANK",
    "SUBJECT",
    "UAPI",
    "Edit",
    "Finding",
    "Rule",
    "rule",
]


class Edit:
    """Replace ``old`` with ``new`` on physical input line ``lineno`` (1-based).

    ``column`` is where ``old`` starts on that line (0-based); negative
    counts from the end of the line (:meth:`at_end`); ``None`` means the first
    place ``old`` occurs.  The fixer applies an edit only when the line still
    holds ``old`` at that place, so a stale or wrong edit is dropped rather
    than applied.
    """

    __slots__ = ("column", "lineno", "new", "old")

    def __init__(self, lineno: int, old: str, new: str, column: int | None = None) -> None:
        self.lineno = lineno
        self.old = old
        self.new = new
        self.column = column

    @classmethod
    def added(cls, line: Line, start: int, end: int, new: str) -> Edit | None:
        """Replace ``line.text[start:end]`` of an added diff line (``+`` in column 0).

        None when the line has no place in the input (a decoded mail body).
        """
        if line.lineno is None:
            return None
        return cls(line.lineno, line.text[start:end], new, column=start + 1)

    @classmethod
    def at_end(cls, lineno: int, old: str, new: str) -> Edit:
        """Replace ``old`` where it ends the line."""
        return cls(lineno, old, new, column=-len(old))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Edit) and (self.lineno, self.old, self.new, self.column) == (
            other.lineno,
            other.old,
            other.new,
            other.column,
        )

    def __hash__(self) -> int:
        return hash((self.lineno, self.old, self.new, self.column))

    def __repr__(self) -> str:
        return f"Edit({self.lineno!r}, {self.old!r}, {self.new!r}, column={self.column!r})"


class Finding:
    """One problem found: which rule, how bad, where, and the message inputs.

    ``key`` is the catalog key of the message and ``params`` fill it in;
    ``patch`` is the patch the finding belongs to; ``edits`` fix it (empty:
    not mechanically fixable).
    """

    __slots__ = ("edits", "key", "lineno", "params", "patch", "rule", "severity")

    def __init__(
        self,
        rule: str,
        severity: str,
        lineno: int | None,
        key: str,
        params: dict[str, object],
        patch: Patch | None = None,
        edits: tuple[Edit, ...] = (),
    ) -> None:
        self.rule = rule
        self.severity = severity
        self.lineno = lineno
        self.key = key
        self.params = params
        self.patch = patch
        self.edits = edits

    @property
    def fixable(self) -> bool:
        return bool(self.edits)

    def __repr__(self) -> str:
        return f"Finding({self.rule!r}, {self.severity!r}, {self.lineno!r})"


class Rule:
    """A registered rule: what it checks, where it applies, its English texts.

    ``texts`` maps catalog keys (``<id>``, ``<id>.<variant>``, ``<id>.title``,
    ``<id>.explanation``) to English; other languages come from their catalog.
    ``bad``/``good``: example inputs that do / don't trigger it.
    """

    __slots__ = (
        "areas",
        "bad",
        "check",
        "commits_only",
        "fixable",
        "good",
        "id",
        "reads",
        "scope",
        "section",
        "severities",
        "severity",
        "target",
        "texts",
        "types",
        "variants",
    )

    def __init__(
        self,
        id: str,
        severity: str,
        section: str,
        target: str,
        scope: str,
        check: Callable[..., Iterator[Finding]],
        bad: str,
        good: str,
        severities: tuple[str, ...],
        texts: dict[str, str],
        reads: tuple[str, ...] = (),
        variants: tuple[str, ...] = (),
        commits_only: bool = False,
        areas: tuple[str, ...] = (),
        types: tuple[str, ...] = (),
        fixable: bool = False,
    ) -> None:
        self.id = id
        self.severity = severity
        self.section = section
        self.target = target
        self.scope = scope
        self.check = check
        self.bad = bad
        self.good = good
        self.severities = severities
        self.texts = texts
        self.reads = reads
        self.variants = variants
        self.commits_only = commits_only
        self.areas = areas
        self.types = types
        self.fixable = fixable

    def __repr__(self) -> str:
        return f"Rule({self.id!r}, {self.severity!r}, {self.section!r})"

    @property
    def reads_files(self) -> bool:
        return bool(self.areas or self.types)

    @property
    def message_keys(self) -> tuple[str, ...]:
        return (self.id, *(f"{self.id}.{variant}" for variant in self.variants))

    def text(self, key: str, lang: str = "en") -> str:
        """The text of catalog key ``key`` (one of this rule's) in ``lang``."""
        if lang == "en":
            return self.texts[key]
        return catalog(lang)[key]

    def title(self, lang: str = "en") -> str:
        return self.text(f"{self.id}.title", lang)

    def explanation(self, lang: str = "en") -> str:
        return self.text(f"{self.id}.explanation", lang)

    def finding(
        self,
        lineno: int | None,
        variant: str | None = None,
        severity: str | None = None,
        *,
        patch: Patch | None = None,
        edits: Iterable[Edit | None] = (),
        **params: object,
    ) -> Finding:
        """Build a finding of this rule; ``variant`` picks ``<id>.<variant>``.

        ``edits`` (None entries are dropped) fix it; only a ``fixable`` rule
        may pass them.
        """
        key = f"{self.id}.{variant}" if variant else self.id
        if variant is not None and variant not in self.variants:
            raise KeyError(key)
        chosen = severity or self.severity
        if chosen not in self.severities:
            raise ValueError(f"{self.id} cannot report {chosen}")
        kept = tuple(edit for edit in edits if edit is not None)
        if kept and not self.fixable:
            raise ValueError(f"{self.id} is not declared fixable")
        return Finding(self.id, chosen, lineno, key, params, patch, kept)


REGISTERED: dict[str, Rule] = {}
"""Every rule registered so far, in import order (``kvmcheck.rules.RULES``
is the complete, ordered table)."""


def _explanation(check: Callable[..., object]) -> str:
    doc = check.__doc__
    if not doc or not doc.strip():
        raise ValueError(f"rule function {check.__name__} needs a docstring (its explanation)")
    return " ".join(doc.split())


def rule(
    rule_id: str,
    severity: str,
    section: str,
    *,
    title: str,
    message: str,
    bad: str,
    good: str,
    reads: tuple[str, ...],
    variants: dict[str, str] | None = None,
    target: str = PATCH,
    scope: str = KVM,
    commits_only: bool = False,
    areas: tuple[str, ...] = (),
    types: tuple[str, ...] = (),
    severities: tuple[str, ...] | None = None,
    fixable: bool = False,
) -> Callable[[Callable[..., Iterator[Finding]]], Callable[..., Iterator[Finding]]]:
    """Register a check function as rule ``rule_id`` (see the module docstring)."""
    variants = variants or {}

    def register(check: Callable[..., Iterator[Finding]]) -> Callable[..., Iterator[Finding]]:
        if rule_id in REGISTERED:
            raise ValueError(f"rule {rule_id} registered twice")
        if severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity}")
        if target not in (PATCH, SERIES) or scope not in (KVM, GENERIC):
            raise ValueError(f"rule {rule_id}: unknown target or scope")
        if not reads or not set(reads) <= set(READS):
            raise ValueError(f"rule {rule_id}: reads must name some of {', '.join(READS)}")
        unknown = (set(areas) - AREAS.keys()) | (set(types) - FILE_TYPES.keys())
        if unknown:
            raise ValueError(f"rule {rule_id}: unknown file area or type {sorted(unknown)}")
        texts = {
            rule_id: message,
            f"{rule_id}.title": title,
            f"{rule_id}.explanation": _explanation(check),
            **{f"{rule_id}.{variant}": text for variant, text in variants.items()},
        }
        REGISTERED[rule_id] = Rule(
            id=rule_id,
            severity=severity,
            section=section,
            target=target,
            scope=scope,
            check=check,
            bad=bad,
            good=good,
            severities=severities or (severity,),
            texts=texts,
            reads=tuple(reads),
            variants=tuple(variants),
            commits_only=commits_only,
            areas=tuple(areas),
            types=tuple(types),
            fixable=fixable,
        )
        return check

    return register
