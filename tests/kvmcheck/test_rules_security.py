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
