"""Render a ``check_texts()`` result as text (also b4's per-patch check
format) or as GitHub Actions annotations.  JSON is ``json.dumps`` of it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kvmcheck import lazy_re
from kvmcheck.messages import catalog

# The result's TypedDicts, for annotations: a run need not import typing.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from kvmcheck.results import CheckResult, FindingResult

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}

# Characters a terminal or a log viewer acts on instead of showing: C0 and C1
# controls (escape sequences, carriage returns, line breaks), the line and
# paragraph separators that editors and log viewers break lines at, and the
# bidi overrides that reorder what is shown.  A patch must not rewrite the
# lines above its findings, so they are shown as escapes.
_UNSAFE = lazy_re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# A level word with its colon inside echoed text: b4 takes any line holding
# "ERROR:" for a failure, so a quoted "Fixes: ERROR: x" must not show one.
_POSING_LEVEL = lazy_re.compile(r"(ERROR|WARNING|INFO):", re.IGNORECASE)
# What every match of _POSING_LEVEL ends with (no other character matches
# R, G or O ignoring case): a search that skips along in C to a colon after
# one of them, where _POSING_LEVEL tries the three words at every character.
_LEVEL_END = lazy_re.compile("[GORgor]:")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` safe to print on one line: controls and bidi overrides escaped."""
    return _UNSAFE.sub(_escape, text)


def quoted(text: str) -> str:
    """Text echoed from the input on a finding line: visible, and with no
    level word (``ERROR:``) that a reader of the line could take for ours."""
    shown = visible(text)
    if not _LEVEL_END.search(shown):
        return shown
    return _POSING_LEVEL.sub(lambda match: f"{match.group(1)}\\x3a", shown)


def _located(result: CheckResult) -> Iterator[tuple[str, FindingResult]]:
    """(source file, finding) for every finding, patch by patch."""
    for patch in result["patches"]:
        for finding in patch["findings"]:
            yield patch["source"], finding


def format_text(result: CheckResult, terse: bool = False) -> str:
    """``FILE:LINE: SEVERITY: [rule-id] message (url)`` lines, the checklist, a summary.

    A finding ``--fix`` can fix ends in ``[fixable: kvmcheck --fix]``.

    ``terse``: the finding lines only, nothing at all for a clean patch — b4
    reports every output line of a check command, so a quiet pass matters.
    """
    messages = catalog(result["lang"])
    lines = []
    for source, finding in _located(result):
        where = f"{source}:{finding['line']}" if finding["line"] is not None else source
        fixable = f" {messages['cli.fixable']}" if finding["fixable"] else ""
        lines.append(
            f"{quoted(where)}: {finding['severity'].upper()}: "
            + quoted(f"[{finding['rule']}] {finding['message']} ({finding['url']})")
            + fixable
        )
    if terse:
        return "".join(f"{line}\n" for line in lines)
    checklist = result["series"]["checklist"]
    if checklist:
        if lines:
            lines.append("")
        lines.append(messages["cli.checklist-heading"])
        lines.extend(f"  - {item['item']} ({item['url']})" for item in checklist)
    if lines:
        lines.append("")
    lines.append(messages["cli.summary"].format(**result["summary"]))
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    """A workflow command's data: GitHub's own escapes, then other controls
    (the Actions log shows ANSI escape sequences as colours and moves)."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(result: CheckResult) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,title=rule::message``."""
    lines = []
    for source, finding in _located(result):
        properties = [f"file={_escape_property(source)}"]
        if finding["line"] is not None:
            properties.append(f"line={finding['line']}")
        properties.append(f"title={_escape_property(finding['rule'])}")
        message = f"{finding['message']} ({finding['url']})"
        lines.append(
            f"::{_GITHUB_LEVEL[finding['severity']]} {','.join(properties)}::"
            f"{_escape_data(message)}"
        )
    messages = catalog(result["lang"])
    for item in result["series"]["checklist"]:
        lines.append(
            f"::notice title={_escape_property(messages['cli.checklist-heading'])}::"
            f"{_escape_data(item['item'] + ' (' + item['url'] + ')')}"
        )
    lines.append(messages["cli.summary"].format(**result["summary"]))
    return "\n".join(lines) + "\n"
