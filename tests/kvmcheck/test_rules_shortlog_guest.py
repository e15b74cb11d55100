"""Guest-side shortlog rule: shortlog-prefix-guest (kvmcheck/rules/shortlog_guest.py)."""

from __future__ import annotations

from rule_cases import rule_case_test

from kvmcheck.api import check_texts
from kvmcheck.fix import fix_text
from kvmcheck.results import all_findings
from kvmcheck.rules._examples import diff, patch

GUEST = diff(path="arch/x86/kernel/kvm.c", context="static void __init kvm_guest_init(void)")
KVMCLOCK = diff(path="arch/x86/kernel/kvmclock.c", context="static u64 kvm_clock_read(void)")
PARA = diff(path="arch/x86/include/asm/kvm_para.h", context="static inline bool kvm_para_foo(void)")
HOST = diff(path="arch/x86/kvm/x86.c")


def subject(shortlog: str, diffs: str) -> str:
    return patch(subject=shortlog, diffs=diffs)


CASES = [
    # rule, text, fires
    ("shortlog-prefix-guest", subject("KVM: x86: Enable the PIT shutdown quirk", GUEST), True),
    ("shortlog-prefix-guest", subject("KVM: Use the right clock", KVMCLOCK), True),
    ("shortlog-prefix-guest", subject("kvm: x86: Add a hint bit", PARA), True),
    ("shortlog-prefix-guest", subject("KVM: x86: guest: Add a hint bit", PARA + GUEST), True),
    ("shortlog-prefix-guest", subject("x86/kvm: Enable the PIT shutdown quirk", GUEST), False),
    ("shortlog-prefix-guest", subject("x86/kvmclock: Use the right clock", KVMCLOCK), False),
    # A host change with its guest-side counterpart keeps the host prefix.
    ("shortlog-prefix-guest", subject("KVM: x86: Add a PV feature bit", HOST + PARA), False),
    ("shortlog-prefix-guest", subject("KVM: x86: Reject unknown indices", HOST), False),
    ("shortlog-prefix-guest", subject('Revert "KVM: x86: Add a hint bit"', PARA), False),
]

test_rule = rule_case_test(CASES)


def test_message_names_the_file_and_the_guest_prefix(fired) -> None:
    text = subject("KVM: x86: Enable the PIT shutdown quirk", GUEST)
    (finding,) = fired("shortlog-prefix-guest", text)
    assert (finding["severity"], finding["line"], finding["fixable"]) == ("warning", 3, True)
    assert finding["message"] == (
        "This patch changes only the guest side of Linux (arch/x86/kernel/kvm.c), not KVM "
        "itself: write 'x86/kvm:', not 'KVM: x86:'."
    )
    (chinese,) = fired("shortlog-prefix-guest", text, lang="zh_CN")
    assert chinese["message"] == (
        "本补丁只改动了 Linux 作为客户机一侧的代码（arch/x86/kernel/kvm.c），不是 KVM 本身："
        "应写 'x86/kvm:'，不要写 'KVM: x86:'。"
    )


def test_kvmclock_alone_gets_its_own_prefix(fired) -> None:
    (finding,) = fired("shortlog-prefix-guest", subject("KVM: Use the right clock", KVMCLOCK))
    assert "write 'x86/kvmclock:', not 'KVM:'" in finding["message"]


def test_the_fix_writes_the_guest_prefix_and_nothing_else() -> None:
    text = subject("KVM: x86: Enable the PIT shutdown quirk", GUEST)
    fixed, count = fix_text(text)
    assert count >= 1
    assert "Subject: [PATCH] x86/kvm: Enable the PIT shutdown quirk\n" in fixed
    assert fixed.replace("x86/kvm: Enable", "KVM: x86: Enable") == text
    found = all_findings(check_texts([("fixed.patch", fixed)]))
    assert not [f for f in found if f["rule"].startswith("shortlog-prefix")]
