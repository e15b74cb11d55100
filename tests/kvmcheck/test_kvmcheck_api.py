"""check_texts(): the JSON schema (version 1) shared by the CLI, docs and playground."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import kvmcheck
from kvmcheck.api import check_texts, section_url
from kvmcheck.registry import SEVERITIES
from kvmcheck.results import all_findings
from kvmcheck.rules import RULES, SECTIONS
from kvmcheck.rules._examples import diff, patch

BAD = patch(subject="kvm: x86: reject unknown indices.")


def test_schema() -> None:
    result = check_texts([("a.patch", BAD), ("b.patch", patch())], lang="zh_CN")
    assert list(result) == ["version", "lang", "patches", "series", "summary"]
    assert result["version"] == 1 and result["lang"] == "zh_CN"
    first = result["patches"][0]
    assert set(first) == {"source", "index", "total", "cover_letter", "subject", "findings"}
    assert (first["source"], first["index"], first["total"]) == ("a.patch", 1, 2)
    assert first["cover_letter"] is False
    assert first["subject"] == "[PATCH] kvm: x86: reject unknown indices."
    for finding in first["findings"]:
        assert finding["severity"] in SEVERITIES
        assert finding["section"] == RULES[finding["rule"]].section
        assert finding["url"] == section_url(finding["section"], "zh_CN")
    assert set(result["series"]) == {"findings", "checklist"}
    # Kept for schema-1 readers, always empty: every finding belongs to a patch.
    assert result["series"]["findings"] == []
    counted = len(all_findings(result))
    summary = result["summary"]
    assert summary["patches"] == 2
    assert summary["error"] + summary["warning"] + summary["info"] == counted
    json.dumps(result)


def test_a_series_rules_finding_is_given_to_a_patch() -> None:
    first = patch().replace("[PATCH]", "[PATCH 1/3]")
    third = patch().replace("[PATCH]", "[PATCH 3/3]")
    result = check_texts([("a.patch", first), ("c.patch", third)])
    assert result["series"]["findings"] == []
    assert [f["rule"] for f in result["patches"][0]["findings"]] == ["series-numbering"]


def test_cover_letter_is_marked() -> None:
    cover = patch(subject="KVM: x86: Reject unknown indices").replace("[PATCH]", "[PATCH 0/1]")
    first = patch().replace("[PATCH]", "[PATCH 1/1]")
    result = check_texts([("0000.patch", cover), ("0001.patch", first)])
    assert [p["cover_letter"] for p in result["patches"]] == [True, False]


def test_findings_are_sorted_by_line() -> None:
    (patch_result,) = check_texts([("a", BAD)])["patches"]
    lines = [f["line"] for f in patch_result["findings"] if f["line"] is not None]
    assert lines == sorted(lines)


def test_urls() -> None:
    assert (
        section_url("maintainer-kvm-x86#shortlog", "en")
        == "handbook/en/maintainer-kvm-x86.html#shortlog"
    )
    assert (
        section_url("first-patch#sign-off", "zh_CN", "https://x.example/site/")
        == "https://x.example/site/handbook/zh_CN/first-patch.html#sign-off"
    )


def test_options() -> None:
    everything = check_texts([("a", BAD)])
    errors = check_texts([("a", BAD)], min_severity="error")
    assert {f["severity"] for f in all_findings(errors)} == {"error"}
    assert errors["summary"]["error"] == everything["summary"]["error"]
    assert errors["summary"]["warning"] == 0
    ignored = check_texts([("a", BAD)], ignore=["shortlog-prefix-case"])
    assert "shortlog-prefix-case" not in {f["rule"] for f in all_findings(ignored)}


@pytest.mark.parametrize(
    "options",
    [{"lang": "fr"}, {"min_severity": "fatal"}, {"ignore": ["no-such-rule"]}],
)
def test_bad_options_raise_value_error(options: dict) -> None:
    with pytest.raises(ValueError):
        check_texts([("a", patch())], **options)


def test_bytes_and_text_give_the_same_result() -> None:
    assert check_texts([("a", BAD)]) == check_texts([("a", BAD.encode())])


def test_sections_cover_rules_and_checklist() -> None:
    assert {rule.section for rule in RULES.values()} <= set(SECTIONS)
    pages = {section.split("#")[0] for section in SECTIONS}
    assert pages == {"maintainer-kvm-x86", "review-checklist", "first-patch"}


def test_rules_keep_the_reference_order_and_their_severities() -> None:
    assert RULES["shortlog-too-long"].severities == ("info", "error")
    assert RULES["shortlog-prefix-unknown-topic"].severities == ("info", "warning")
    assert next(iter(RULES)) == "shortlog-missing" and list(RULES)[-1] == "input-unrecognized"


def test_moved_code_is_not_newly_written(check) -> None:
    moved = diff(
        added="\t/* We must not read past the array. */",
        removed="\t/* We must not read past the array. */",
    )
    assert not [f for f in check(patch(diffs=moved)) if f["rule"] == "comment-pronoun"]


def test_api_import_stays_lean() -> None:
    """No subprocess, mail parser or argparse just to import the checker
    (the playground imports it in Pyodide; the CLI starts faster)."""
    code = (
        "import sys, kvmcheck.api; "
        "print(' '.join(m for m in ('subprocess', 'argparse', 'email.parser', 'json') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=str(__import__("pathlib").Path(kvmcheck.__file__).parent.parent),
    )
    assert result.stdout.strip() == ""
