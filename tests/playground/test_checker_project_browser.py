"""Several checkers on one page, and a runaway check, in real Chromium.

The pages come from a small project (see conftest.py): the real site has no
page with a 1 ms time limit.
"""

from __future__ import annotations

from playground_support import (
    EXAMPLES,
    Session,
    check_text,
    run_check,
    shown_findings,
)
from playwright.sync_api import expect

from kvmcheck.api import check_texts
from kvmcheck.rules._examples import diff, patch


def checker(index: int) -> str:
    """The page's ``index``-th checker (ids count from 0 in each page)."""
    return f"#patch-checker-{index}"


def test_several_checkers_share_one_runtime(session: Session, checker_project_url: str) -> None:
    page = session.page
    page.goto(checker_project_url + "two.html")
    first, second = checker(0), checker(1)
    outcome = run_check(page, lambda: page.click(f"{first} button[data-action=check]"), first)
    assert outcome["ok"], outcome
    assert shown_findings(page, first)["1"]
    check_text(page, (EXAMPLES / "clean.patch").read_text(encoding="utf-8"), second)
    assert not page.locator(f'{second} [data-severity="error"]').count()
    for name in ("worker.js", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert session.fetched(name) == 1, name


def test_runaway_check_is_stopped_and_the_checker_recovers(
    session: Session, checker_project_url: str
) -> None:
    page = session.page
    page.goto(checker_project_url + "runaway.html")
    limited, normal = checker(0), checker(1)
    # A series far too big to check within 1 ms, and fine within the default
    # limit: 20 patches of 50 changed lines each.
    added = "\n".join(f"\tfoo[{line}] = bar(vcpu, {line});" for line in range(50))
    text = "".join(
        patch(subject=f"KVM: x86: Set up foo number {number}", diffs=diff(added=added))
        for number in range(20)
    )
    # Set as a paste would (typing many kB takes Chromium many seconds).
    page.eval_on_selector(f"{limited} textarea", "(box, text) => { box.value = text; }", text)
    outcome = run_check(page, lambda: page.click(f"{limited} button[data-action=check]"), limited)
    assert not outcome["ok"] and outcome["state"] == "timeout", outcome
    assert "was stopped" in outcome["message"]
    expect(page.locator(f"{limited} .patch-checker-status")).to_contain_text("0.001 s")
    # Nothing the reader typed is lost, and no stale results stay on show.
    assert page.input_value(f"{limited} textarea") == text
    assert page.locator(f"{limited} [data-rule]").count() == 0
    # A new worker takes over: the same input checks fine with a sane limit.
    page.eval_on_selector(f"{normal} textarea", "(box, text) => { box.value = text; }", text)
    outcome = run_check(page, lambda: page.click(f"{normal} button[data-action=check]"), normal)
    assert outcome["ok"], outcome
    expected = check_texts([("pasted.patch", text.encode())])
    assert outcome["summary"] == expected["summary"]
    assert len(shown_findings(page, normal)) == len(expected["patches"])
    assert session.fetched("worker.js") == 2
