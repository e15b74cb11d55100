"""Spelling rules (kvmcheck/rules/spelling.py): typos from codespell's
dictionary and repeated words, in the changelog and in added comments."""

from __future__ import annotations

import pytest
from rule_cases import rule_case_test

from kvmcheck import typos
from kvmcheck.rules._examples import BODY, diff, patch

needs_typo_list = pytest.mark.skipif(
    not typos.available(), reason="kvmcheck was installed without its typo list"
)


def body(text: str) -> str:
    return patch(body=text)


def comment(text: str, path: str = "arch/x86/kvm/x86.c") -> str:
    return patch(body=BODY, diffs=diff(path=path, added=text, removed=""))


CASES = [
    ("typo", body(BODY + "\n\nThe check occured on every VM-Exit."), True),
    ("typo", body(BODY + "\n\nSeperate the two paths."), True),
    ("typo", patch(subject="KVM: x86: Fix the recieve path"), True),
    ("typo", comment("\t/* Flush the TLB, it is neccessary here. */"), True),
    ("typo", comment("\t/*\n\t * The guest may recieve a #GP.\n\t */"), True),
    ("typo", body(BODY), False),
    ("typo", body(BODY + "\n\nUse recieve_foo() and RECIEVE_FOO, not foo."), False),
    ("typo", body(BODY + "\n\n\tThe log said: occured twice"), False),
    ("typo", comment("\tint recieve_count = 0;"), False),
    ("typo", comment('\tpr_err("occured\\n");'), False),
    (
        "typo",
        patch(
            subject="drm/foo: Fix foo",
            body=BODY + "\n\nIt occured.",
            diffs=diff(path="drivers/gpu/drm/foo.c"),
        ),
        True,
    ),
    ("repeated-word", body(BODY + "\n\nFlush the the TLB."), True),
    ("repeated-word", body(BODY + "\n\nFlush the TLB so that the\nthe guest sees it."), True),
    ("repeated-word", comment("\t/* Flush the TLB to to be safe. */"), True),
    ("repeated-word", body(BODY + "\n\nKVM had had a bug; that that check is gone."), False),
    ("repeated-word", body(BODY + "\n\nThe bytes ff ff were read."), False),
    ("repeated-word", body(BODY + "\n\nThe long long type is fine."), False),
    ("repeated-word", comment("\t/* It must be be set here. */"), True),
    ("repeated-word", body(BODY + "\n\nStore ICR ICR2 as two values."), False),
    ("repeated-word", body(BODY), False),
    ("repeated-word", comment("\tfoo(); /* Reserved */\n\tbar(); /* Reserved */"), False),
    ("repeated-word", comment("\t/*\n\t * Check it is\n\t * is done.\n\t */"), True),
    ("typo", comment("\t/* Reenable the intack path. */"), False),
]

test_rule = needs_typo_list(rule_case_test(CASES))


@needs_typo_list
def test_typo_message_suggests_the_fix(fired) -> None:
    (finding,) = fired("typo", body(BODY + "\n\nThe check occured twice."))
    assert "'occured'" in finding["message"] and "'occurred'" in finding["message"]
    assert finding["severity"] == "warning"


@needs_typo_list
def test_comment_findings_say_comment(fired) -> None:
    (finding,) = fired("typo", comment("\t/* It is neccessary. */"))
    assert "comment" in finding["message"]
    (finding,) = fired("repeated-word", comment("\t/* Do it to to be safe. */"))
    assert "comment" in finding["message"]


def test_without_the_typo_list_the_rule_says_so(fired, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(typos, "DATA", tmp_path / "missing.txt")
    monkeypatch.setattr(typos, "_text", None)
    (finding,) = fired("typo", body(BODY + "\n\nThe check occured twice."))
    assert finding["severity"] == "info"
    assert "not checked" in finding["message"] and "codespell" in finding["message"]
