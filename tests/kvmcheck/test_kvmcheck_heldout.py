"""kvmcheck on accepted upstream KVM commits it was never tuned on (issue 16).

tests/kvmcheck/accepted_heldout/ holds KVM x86 commits exactly as Linus's
tree has them, quoted by the stable team's "FAILED: patch ... failed to
apply" mails (README.md there says where each came from).  None is in the
shared corpus or in the real-review set.  Accepted patches are the
false-positive calibration: no error, and no warning except the ones below,
each checked by hand and found to be something a reviewer could ask to
change.  A new warning here is a false positive until proven otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kvmcheck.api import check_texts
from kvmcheck.results import all_findings

HELDOUT = Path(__file__).with_name("accepted_heldout")

# (file, line, rule): why a reviewer could ask for the change.
JUSTIFIED = {
    ("1b30e7551767.patch", 26, "trailer-malformed"): "'CC:' instead of 'Cc:' (checkpatch "
    "says the same); the maintainer let it through",
    ("7c8b465a1c91.patch", 4, "shortlog-prefix-nested"): "'KVM: SVM:' on a change to "
    "svm/nested.c only, a nested-SVM fix; the handbook asks for 'KVM: nSVM:'",
    ("8b44b174f6ac.patch", 27, "indent-spaces"): "the new kvm_set_cpuid() is indented with "
    "spaces throughout (a later commit re-indented it)",
    ("8b44b174f6ac.patch", 27, "code-continuation-alignment"): "same lines: the continuation "
    "is aligned with spaces only",
    ("8b44b174f6ac.patch", 29, "indent-spaces"): "same function",
    ("8b44b174f6ac.patch", 31, "indent-spaces"): "same function",
    ("8b44b174f6ac.patch", 35, "indent-spaces"): "same function",
    ("8b44b174f6ac.patch", 39, "indent-spaces"): "same function",
    ("8b44b174f6ac.patch", 42, "indent-spaces"): "same function",
    ("ce5977b181c1.patch", 7, "typo"): "'trigged' for 'triggered'",
}


def patches() -> list[Path]:
    return sorted(HELDOUT.glob("*.patch"))


def test_the_set_is_there() -> None:
    assert len(patches()) >= 15


@pytest.mark.parametrize("path", patches(), ids=lambda path: path.stem)
def test_accepted_commit_draws_only_justified_warnings(path: Path) -> None:
    findings = all_findings(check_texts([(path.name, path.read_bytes())]))
    assert not [f for f in findings if f["severity"] == "error"]
    warned = {(path.name, f["line"], f["rule"]) for f in findings if f["severity"] == "warning"}
    expected = {key for key in JUSTIFIED if key[0] == path.name}
    # Both ways: an unlisted warning is a false positive; a listed one that
    # went away means a rule lost what it should catch (or the list is stale).
    assert warned == expected
