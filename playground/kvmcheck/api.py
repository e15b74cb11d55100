"""``check_texts()``: the one entry point for the command line, the docs and
the playground.  Returns the JSON schema (version 1) that docs/using-kvmcheck.rst
documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kvmcheck.engine import contexts_of, run_rules
from kvmcheck.fix import fixable_now
from kvmcheck.messages import LANGUAGES, catalog
from kvmcheck.model import Series
from kvmcheck.parser import parse_input
from kvmcheck.registry import SEVERITIES, SEVERITY_RANK, Finding
from kvmcheck.rules import RULES
from kvmcheck.testing_checklist import testing_items_for

# The result's TypedDicts, for annotations: a run need not import typing.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from kvmcheck.results import ChecklistItem, CheckResult, FindingResult, PatchResult

SCHEMA_VERSION = 1
# Each rule's place in the table, which orders the findings of a line.
_ORDER = {rule_id: index for index, rule_id in enumerate(RULES)}


def section_url(section: str, lang: str, base_url: str | None = None) -> str:
    """``handbook/<lang>/<page>.html#<fragment>``, under ``base_url`` if given."""
    page, _, fragment = section.partition("#")
    relative = f"handbook/{lang}/{page}.html#{fragment}"
    if base_url:
        return f"{base_url.rstrip('/')}/{relative}"
    return relative


def _sort_key(finding: Finding) -> tuple[int, int, int]:
    line = finding.lineno if finding.lineno is not None else 1 << 62
    return (line, _ORDER[finding.rule], -SEVERITY_RANK[finding.severity])


def _drained(findings: list[Finding]) -> Iterator[Finding]:
    """The findings in order, each dropped from the list once rendered: a
    patch may have a finding on each of a hundred thousand lines, and they
    need not all be held twice, as findings and as rendered dicts."""
    findings.reverse()
    while findings:
        yield findings.pop()


def check_texts(
    inputs: Iterable[tuple[str, str | bytes]],
    lang: str = "en",
    base_url: str | None = None,
    ignore: Iterable[str] = (),
    min_severity: str = "info",
    git_dir: str | None = None,
) -> CheckResult:
    """Check one posting (all inputs together) and return the JSON-ready result.

    Raises ValueError for an unknown ``lang``, ``min_severity`` or rule id in
    ``ignore``, and ``kvmcheck.gitrefs.GitDirError`` when ``git_dir`` is not
    a git repository.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    if min_severity not in SEVERITIES:
        raise ValueError(f"unknown severity {min_severity!r}")
    ignored = frozenset(ignore)
    unknown = sorted(ignored - RULES.keys())
    if unknown:
        raise ValueError(f"unknown rule {unknown[0]!r}")
    verify = None
    if git_dir is not None:
        from kvmcheck.gitrefs import commit_lookup  # subprocess: not for Pyodide

        verify = commit_lookup(git_dir)

    series = Series()
    # Each input's text and patches: a finding is fixable only if its edits
    # apply to that text, as --fix would apply them.
    sources: list[tuple[str, list]] = []
    for source, data in inputs:
        text, patches = parse_input(source, data)
        series.patches.extend(patches)
        if text is not None:
            sources.append((text, patches))
    contexts = contexts_of(series, verify)

    messages = catalog(lang)
    threshold = SEVERITY_RANK[min_severity]
    # One URL string per rule, not per finding: a patch may have 100k findings.
    urls: dict[str, str] = {}

    def render(finding: Finding) -> FindingResult:
        rule = RULES[finding.rule]
        url = urls.get(rule.section)
        if url is None:
            url = urls[rule.section] = section_url(rule.section, lang, base_url)
        return {
            "rule": finding.rule,
            "severity": finding.severity,
            "line": finding.lineno,
            "message": rule.text(finding.key, lang).format(**finding.params),
            "section": rule.section,
            "url": url,
            "fixable": id(finding) in fixable,
        }

    per_patch: dict[int, list[Finding]] = {id(p): [] for p in series.patches}
    for finding in run_rules(contexts, ignored):
        if SEVERITY_RANK[finding.severity] >= threshold:
            per_patch[id(finding.patch)].append(finding)

    fixable: set[int] = set()
    for text, patches in sources:
        fixable |= fixable_now(
            text, patches, (f for patch in patches for f in per_patch[id(patch)])
        )
    counts = dict.fromkeys(SEVERITIES, 0)
    rendered: list[PatchResult] = []
    for index, patch in enumerate(series.patches, start=1):
        own = per_patch.pop(id(patch))
        own.sort(key=_sort_key)
        for finding in own:
            counts[finding.severity] += 1
        rendered.append(
            {
                "source": patch.source,
                "index": index,
                "total": len(series.patches),
                "cover_letter": patch.is_cover_letter,
                "subject": patch.subject.raw if patch.subject else None,
                "findings": [render(f) for f in _drained(own)],
            }
        )
    checklist: list[ChecklistItem] = [
        {
            "id": item.id,
            "item": messages[f"checklist.{item.id}"],
            "section": item.section,
            "url": section_url(item.section, lang, base_url),
        }
        for item in testing_items_for(contexts)
    ]
    return {
        "version": SCHEMA_VERSION,
        "lang": lang,
        "patches": rendered,
        # Schema 1 keeps "series.findings"; every finding now belongs to a patch.
        "series": {"findings": [], "checklist": checklist},
        "summary": {
            "patches": len(series.patches),
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
        },
    }
