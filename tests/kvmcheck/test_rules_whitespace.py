"""Whitespace rules (kvmcheck/rules/whitespace.py): trailing whitespace, a space
before a tab, lines over 100 columns; the whitespace fixes.

Each case is a fault checkpatch.pl 6.12 reports (fires) or a line it accepts
(does not fire); accepted patches are covered by test_kvmcheck_corpus.py and
the fault-injection benchmark.
"""

from __future__ import annotations

import pytest
from rule_cases import rule_case_test

from kvmcheck.fix import fix_text
from kvmcheck.rules._examples import added_lines as added
from kvmcheck.rules._examples import diff, patch

CASES = [
    ("trailing-whitespace", added("\treturn 0; "), True),
    ("trailing-whitespace", added("\treturn 0;\t"), True),
    ("trailing-whitespace", added("\t"), True),
    ("trailing-whitespace", added("\treturn 0;", path="arch/x86/kvm/mmu.h"), False),
    ("trailing-whitespace", added("\treturn 0; ", removed="\treturn 0; "), False),
    (
        "trailing-whitespace",
        patch(diffs=diff(path="Documentation/virt/kvm/api.rst", added="text ", removed="")),
        False,
    ),
    ("space-before-tab", added("\t \treturn 0;"), True),
    ("space-before-tab", added("\tint r; \t/* result */"), True),
    ("space-before-tab", added("\tint r;\t/* result */"), False),
    ("space-before-tab", added("        return 0;"), False),
    ("line-too-long", added("\tr = " + "a" * 100 + ";"), True),
    ("line-too-long", added("\t\t\t\t\t\t\t\t\t\t\t\tr = 1;"), True),
    ("line-too-long", added("\tr = " + "a" * 80 + ";"), False),
    ("line-too-long", added('\tpr_warn("' + "a" * 100 + '");'), False),
    ("line-too-long", added("\t/* https://example.org/" + "a" * 100 + " */"), False),
    # Not KVM code: the code-style layer stays with KVM patches.
    (
        "trailing-whitespace",
        patch(
            subject="drm/foo: Fix foo",
            diffs=diff(path="drivers/gpu/drm/foo.c", added="\treturn 0; "),
        ),
        False,
    ),
]

test_rule = rule_case_test(CASES)


def test_long_line_message_gives_the_width(fired) -> None:
    (finding,) = fired("line-too-long", added("\tr = " + "a" * 100 + ";"))
    assert "113" in finding["message"]


@pytest.mark.parametrize(
    ("faulty", "fixed"),
    [
        ("\treturn 0; \t", "\treturn 0;"),
        ("\t \treturn 0;", "\t\treturn 0;"),
        ("\tint r;  \t/* result */", "\tint r;\t\t/* result */"),
        ("\tint r;      \t/* result */", "\tint r;\t\t/* result */"),
    ],
)
def test_whitespace_fixes_restore_the_clean_line(faulty: str, fixed: str) -> None:
    text, count = fix_text(added(faulty))
    assert count == 1
    assert text == added(fixed)
    assert fix_text(text) == (text, 0)


def test_whitespace_findings_are_marked_fixable(check) -> None:
    found = check(added("\treturn 0; "))
    assert [f["fixable"] for f in found if f["rule"] == "trailing-whitespace"] == [True]
    assert not any(f["fixable"] for f in check(added("\tif(r)")) if f["rule"] != "indent-spaces")
