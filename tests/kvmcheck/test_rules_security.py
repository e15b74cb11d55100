"""Security rule: possible-vulnerability (kvmcheck/rules/security.py)."""

from __future__ import annotations

import pytest

from kvmcheck.rules._examples import patch

CASES = [
    ("A malicious guest can trigger an out-of-bounds read of host memory.", True),
    ("This is CVE-2024-12345.", True),
    ("The bug allows a guest-to-host escape.", True),
    ("An L2 guest can attack L1 by writing the VMCS.", True),
    ("A use-after-free reachable by the guest corrupts the\nhost's memory.", True),
    ("Reject unknown indices in kvm_get_foo().", False),
    ("Fix an out-of-bounds write in the test harness.", False),
]


@pytest.mark.parametrize(("body", "fires"), CASES)
def test_possible_vulnerability(fired, body: str, fires: bool) -> None:
    assert bool(fired("possible-vulnerability", patch(body=body))) == fires


def test_is_an_info_pointing_at_the_process(fired) -> None:
    (finding,) = fired("possible-vulnerability", patch(body="This is CVE-2024-12345."))
    assert finding["severity"] == "info"
    assert "security" in finding["message"]
    assert finding["section"] == "maintainer-kvm-x86#vulnerabilities"


@pytest.mark.parametrize("filler", [0, 62, 63, 64, 130])
def test_a_phrase_wrapped_anywhere_in_a_long_changelog_is_found(fired, filler: int) -> None:
    """The changelog is searched in runs of lines: a phrase wrapped across
    the end of one run is found all the same, on the line it starts on."""
    lines = [f"Line {n} says nothing at all." for n in range(filler)]
    body = "\n".join([*lines, "Without the check a malicious", "guest reads host memory."])
    (finding,) = fired("possible-vulnerability", patch(body=body))
    assert "'malicious guest'" in finding["message"]
    first_body_line = fired("possible-vulnerability", patch(body="A malicious guest."))[0]["line"]
    assert finding["line"] == first_body_line + filler
