"""The engine: the rule table without import cycles, where rules apply, whose
patch a finding is, and the fix model's declarations."""

from __future__ import annotations

import operator
import subprocess
import sys
from pathlib import Path

import pytest

from kvmcheck.api import check_texts
from kvmcheck.context import KEEP_LINES
from kvmcheck.engine import applies, contexts_of, run_rules
from kvmcheck.model import Line
from kvmcheck.parser import parse_inputs
from kvmcheck.registry import (
    DIFF,
    GENERIC,
    KVM,
    MESSAGE,
    PATCH,
    POSTING,
    READS,
    SERIES,
    SUBJECT,
    Edit,
    Rule,
)
from kvmcheck.registry import (
    rule as declare_rule,
)
from kvmcheck.rules import RULES, SECTIONS
from kvmcheck.rules._examples import diff, patch

PLAYGROUND = Path(__file__).resolve().parents[2] / "playground"


def run_python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=PLAYGROUND, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.mark.parametrize(
    "first", ["kvmcheck.rules.code", "kvmcheck.rules.tags", "kvmcheck.registry", "kvmcheck.api"]
)
def test_any_import_order_gives_the_whole_table(first: str) -> None:
    out = run_python(
        f"import {first}\nfrom kvmcheck.rules import RULES, SECTIONS\n"
        "print(len(RULES), len(SECTIONS))"
    )
    assert out == f"{len(RULES)} {len(SECTIONS)}"


def test_the_registry_does_not_import_the_rules() -> None:
    out = run_python("import sys, kvmcheck.registry\nprint('kvmcheck.rules' in sys.modules)")
    assert out == "False"


def contexts(*texts: str):
    series = parse_inputs([(f"{i}.patch", text) for i, text in enumerate(texts, start=1)])
    return series, contexts_of(series)


DOCS_ONLY = diff(
    path="Documentation/virt/kvm/api.rst", added="Foo reports bar.", removed="", context=""
)
MIXED = diff(added="        return -EINVAL;") + DOCS_ONLY


def test_file_rules_see_only_their_files() -> None:
    _, (context,) = contexts(patch(diffs=MIXED))
    scoped = applies(RULES["indent-spaces"], context)
    assert scoped is not None and [f.path for f in scoped.files] == ["arch/x86/kvm/x86.c"]
    assert [f.path for f in context.files] == [
        "arch/x86/kvm/x86.c",
        "Documentation/virt/kvm/api.rst",
    ]


def test_a_patch_without_the_rules_files_is_skipped() -> None:
    _, (context,) = contexts(patch(diffs=DOCS_ONLY))
    assert applies(RULES["indent-spaces"], context) is None
    assert applies(RULES["uapi-not-64bit-clean"], context) is None


def test_kvm_rules_skip_other_patches_and_message_rules_skip_diffs() -> None:
    other = patch(subject="mm: Fix foo", diffs=diff(path="mm/memory.c"))
    _, (context,) = contexts(other)
    assert applies(RULES["shortlog-prefix-case"], context) is None
    assert applies(RULES["signoff-missing"], context) is context
    _, (bare,) = contexts(diff())
    assert applies(RULES["signoff-missing"], bare) is None


def test_series_rules_get_only_the_patches_in_scope() -> None:
    uapi = diff(
        path="include/uapi/linux/kvm.h",
        added="#define KVM_CAP_FOO 240",
        removed="",
        context="struct kvm_enable_cap {",
    )
    _, found = contexts(patch(), patch(subject="KVM: x86: Add KVM_CAP_FOO", diffs=uapi))
    assert applies(RULES["uapi-undocumented"], found[0]) is None
    assert applies(RULES["uapi-undocumented"], found[1]) is not None


def test_every_finding_knows_its_patch() -> None:
    first = patch(subject="kvm: x86: fix foo.").replace("[PATCH]", "[PATCH 1/3]")
    second = patch(trailers="").replace("[PATCH]", "[PATCH 3/3]")
    series, found_contexts = contexts(first, second)
    findings = run_rules(found_contexts)
    assert findings
    assert all(f.patch in series.patches for f in findings)
    by_rule = {f.rule: f.patch for f in findings}
    assert by_rule["shortlog-prefix-case"] is series.patches[0]
    assert by_rule["signoff-missing"] is series.patches[1]
    assert by_rule["series-numbering"] is series.patches[0]


def own_rule(rule_id: str, target: str, scope: str, check) -> Rule:
    """A rule of a test's own table, outside the registry."""
    return Rule(
        id=rule_id,
        severity="info",
        section="maintainer-kvm-x86#shortlog",
        target=target,
        scope=scope,
        check=check,
        bad="",
        good="",
        severities=("info",),
        texts={rule_id: "seen"},
    )


def test_the_engine_runs_the_table_it_is_given() -> None:
    def every_subject(rule_, context):
        yield rule_.finding(context.patch.subject.lineno)

    def last_patch(rule_, series, in_scope):
        yield rule_.finding(None, patch=in_scope[-1].patch)

    table = {
        "own-kvm": own_rule("own-kvm", PATCH, KVM, every_subject),
        "own-any": own_rule("own-any", PATCH, GENERIC, every_subject),
        "own-series": own_rule("own-series", SERIES, GENERIC, last_patch),
    }
    kvm = patch(subject="kvm: x86: fix foo.")
    other = patch(subject="mm: Fix foo", diffs=diff(path="mm/memory.c"))
    series, found_contexts = contexts(kvm, other)
    findings = run_rules(found_contexts, rules=table)
    first, second = series.patches
    # Only the given rules run (the registry's shortlog-prefix-case would fire
    # on the first subject), each where its declared scope says.
    assert [(f.rule, f.patch) for f in findings] == [
        ("own-kvm", first),
        ("own-any", first),
        ("own-any", second),
        ("own-series", second),
    ]
    assert [f.rule for f in run_rules(found_contexts, ["own-any"], table)] == [
        "own-kvm",
        "own-series",
    ]


def test_only_fixable_rules_carry_edits() -> None:
    rule = RULES["changelog-pronoun"]
    assert not rule.fixable
    with pytest.raises(ValueError):
        rule.finding(1, word="we", text="we", edits=[Edit(1, "we", "KVM")])
    assert not RULES["trailer-malformed"].finding(1, written="a", right="b", edits=[None]).fixable


def test_json_and_text_mark_fixable_findings() -> None:
    result = check_texts([("a.patch", patch(subject="kvm: x86: Fix foo"))])
    by_rule = {f["rule"]: f for p in result["patches"] for f in p["findings"]}
    assert by_rule["shortlog-prefix-case"]["fixable"] is True
    assert by_rule["fixes-tag-suggested"]["fixable"] is False


def test_every_rule_declares_what_it_reads() -> None:
    assert all(rule.reads and set(rule.reads) <= set(READS) for rule in RULES.values())
    assert RULES["shortlog-prefix-case"].reads == (SUBJECT,)
    assert RULES["typo"].reads == (SUBJECT, MESSAGE, DIFF)
    assert RULES["series-numbering"].reads == (POSTING,)


@pytest.mark.parametrize("reads", [(), ("changelog",)])
def test_a_rule_must_read_known_parts(reads: tuple[str, ...]) -> None:
    declare = declare_rule(
        "test-reads",
        "info",
        "maintainer-kvm-x86#shortlog",
        title="t",
        message="m",
        bad="",
        good="",
        reads=reads,
    )
    with pytest.raises(ValueError, match="reads must name some of subject, message, diff"):
        declare(lambda rule_, context: iter(()))


def test_rule_texts_are_declared_on_the_rule() -> None:
    for rule in RULES.values():
        assert rule.title() and rule.explanation() and rule.text(rule.id)
        assert rule.explanation() == " ".join(rule.check.__doc__.split())


def test_a_small_patchs_lines_are_made_once_for_all_its_rules() -> None:
    """Rules of one patch read the same Line objects (made once, not per
    read), no line is kept after its patch's rules, and a patch too big to
    keep has its lines made as read."""
    read: list[list[Line]] = []

    def note_lines(rule_, context):
        read.append([*context.prose, *context.patch.files[0].hunks[0].added])
        yield from ()

    table = {
        rule_id: own_rule(rule_id, PATCH, GENERIC, note_lines) for rule_id in ("first", "second")
    }
    big = "\n".join(f"Line {n} of a changelog too long to keep." for n in range(KEEP_LINES))
    _, found_contexts = contexts(patch(), patch(body=big))
    assert run_rules(found_contexts, rules=table) == []
    # Patch by patch: both rules on the small patch, then on the big one.
    small_first, small_second, big_first, big_second = read
    assert small_first and all(map(operator.is_, small_first, small_second))
    assert len(big_first) > KEEP_LINES
    assert not any(map(operator.is_, big_first, big_second))
    again = [*found_contexts[0].prose, *found_contexts[0].patch.files[0].hunks[0].added]
    assert not any(map(operator.is_, small_first, again))
