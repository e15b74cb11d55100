"""Recall on real reviews: kvmcheck beside checkpatch.pl (issue 16 §1).

For every thread of the real-review set (tests/kvmcheck/real_reviews/) a
label the reviewer named counts as found when the checker reports it at
warning or above on that posting.  checkpatch.pl's message types are mapped
to the same labels by ``CHECKPATCH_LABELS`` where they mean the same thing;
a label no checkpatch type matches counts as missed by checkpatch.  Controls
(applied with no complaint about their form): how many draw a warning or error.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import checkpatch
from bench_kvmcheck import quiet_env
from real_review_set import Thread, controls, reviewed

from kvmcheck.api import check_texts
from kvmcheck.registry import SEVERITY_RANK
from kvmcheck.results import all_findings
from kvmcheck.rules import RULES

WARNING = SEVERITY_RANK["warning"]

# checkpatch.pl message type -> the label (kvmcheck rule id) it stands for.
# Only types that report the same problem a reviewer named; checkpatch has
# no notion of KVM scopes, so no shortlog-prefix-* label has a type.
CHECKPATCH_LABELS = {
    "TYPO_SPELLING": "typo",
    "REPEATED_WORD": "repeated-word",
    "CODE_INDENT": "indent-spaces",
    "LEADING_SPACE": "indent-spaces",
    "SPACE_BEFORE_TAB": "space-before-tab",
    "TRAILING_WHITESPACE": "trailing-whitespace",
    "LONG_LINE": "line-too-long",
    "LONG_LINE_STRING": "line-too-long",
    "LONG_LINE_COMMENT": "line-too-long",
    "COMMIT_LOG_LONG_LINE": "changelog-line-too-long",
    "GIT_COMMIT_ID": "commit-reference-format",
    "BAD_FIXES_TAG": "fixes-tag-format",
    "MISSING_SIGN_OFF": "signoff-missing",
    "NO_AUTHOR_SIGN_OFF": "signoff-author-mismatch",
    "BAD_SIGN_OFF": "trailer-malformed",
    "MISSING_COMMIT_DESCRIPTION": "changelog-missing",
    "SPACING": "operator-spacing",
    "OPEN_BRACE": "brace-placement",
    "ELSE_AFTER_BRACE": "brace-placement",
    "POINTER_LOCATION": "pointer-placement",
    "ASSIGN_IN_IF": "assign-in-if",
    "AVOID_BUG": "bug-on",
    "UNSPECIFIED_INT": "bare-unsigned",
    "GLOBAL_INITIALISERS": "static-init-zero",
    "INITIALISED_STATIC": "static-init-zero",
    "LINE_SPACING": "blank-after-declarations",
    "AVOID_EXTERNS": "extern-in-c",
    "PREFER_PR_LEVEL": "printk-level",
    "PRINTK_WITHOUT_KERN_LEVEL": "printk-level",
    "CORRUPTED_PATCH": "patch-corrupted",
    "BRACES": "code-braces-one-arm",
    "PARENTHESIS_ALIGNMENT": "code-continuation-alignment",
    "RETURN_PARENTHESES": "code-return-parens",
    "INLINE": "code-inline-in-c",
    "FUNCTION_ARGUMENTS": "code-return-type-own-line",
}


def run() -> None:
    threads = reviewed()
    labels = [(thread, label) for thread in threads for label in thread.labels]
    undecidable = sum(len(thread.undecidable) for thread in threads)
    print(
        f"## Real reviews: {len(threads)} reviewed postings "
        f"({', '.join(f'{n} {kind}' for kind, n in Counter(t.kind for t in threads).items())}), "
        f"{len(labels)} decidable labels, {undecidable} undecidable; "
        f"{len(controls())} controls"
    )
    ours = {thread.slug: kvmcheck_labels(thread) for thread in threads}
    found = [(thread, label) for thread, label in labels if label in ours[thread.slug]]
    print(f"  kvmcheck recall at warning+:      {share(len(found), len(labels))}")
    pending = sorted({label for _, label in labels if label not in RULES})
    built = [(thread, label) for thread, label in labels if label in RULES]
    built_found = [pair for pair in found if pair[1] in RULES]
    print(f"    on labels whose rule exists:     {share(len(built_found), len(built))}")
    print(f"    rules not built yet ({len(pending)}): {', '.join(pending) or 'none'}")
    missed = Counter(label for thread, label in labels if label not in ours[thread.slug])
    print(f"    missed, by label: {format_counts(missed)}")
    loud = [thread.slug for thread in controls() if kvmcheck_labels(thread)]
    print(
        f"  kvmcheck controls with a warning or error: {len(loud)} of {len(controls())}"
        + (f" ({', '.join(loud)})" if loud else "")
    )
    report_checkpatch(threads, labels)


def report_checkpatch(threads: list[Thread], labels: list[tuple[Thread, str]]) -> None:
    try:
        script = checkpatch.ensure_checkpatch()
    except checkpatch.CheckpatchUnavailable as reason:
        print(f"  checkpatch.pl: skipped ({reason})")
        return
    theirs = {thread.slug: checkpatch_labels(script, thread.path) for thread in threads}
    found = sum(1 for thread, label in labels if label in theirs[thread.slug])
    mappable = sum(1 for _, label in labels if label in CHECKPATCH_LABELS.values())
    print(
        f"  checkpatch.pl recall at WARNING+ ({checkpatch.source()}): {share(found, len(labels))}"
    )
    print(f"    labels some checkpatch type maps to: {mappable} of {len(labels)}")
    loud = [
        thread.slug
        for thread in controls()
        if checkpatch_labels(script, thread.path, any_type=True)
    ]
    print(f"  checkpatch.pl controls with a WARNING or ERROR: {len(loud)} of {len(controls())}")


def kvmcheck_labels(thread: Thread) -> set[str]:
    """The rule ids kvmcheck reports at warning or above on the posting."""
    findings = all_findings(check_texts([(thread.path.name, thread.posting())]))
    return {f["rule"] for f in findings if SEVERITY_RANK[f["severity"]] >= WARNING}


def checkpatch_labels(script: Path, path: Path, any_type: bool = False) -> set[str]:
    """The labels checkpatch's WARNING and ERROR types map to (with
    ``any_type``, every such type, mapped or not)."""
    result = subprocess.run(
        ["perl", str(script), "--no-tree", "--show-types", "--no-summary", "--terse", str(path)],
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),
        env=quiet_env(),
        check=False,
    )
    if result.returncode > 1:
        raise RuntimeError(f"checkpatch.pl failed on {path.name}: {result.stderr[-300:]}")
    types = set(re.findall(r":\s*(?:ERROR|WARNING):([A-Z0-9_]+):", result.stdout))
    if any_type:
        return types
    return {CHECKPATCH_LABELS[kind] for kind in types if kind in CHECKPATCH_LABELS}


def share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0"


def format_counts(counts: Counter) -> str:
    return ", ".join(f"{label} {n}" for label, n in counts.most_common()) or "none"
