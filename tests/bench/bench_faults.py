"""Fault injection: does kvmcheck notice the style faults checkpatch.pl notices?

On accepted patches of ``corpus/kvm-x86/``, ``faults.py`` puts one fault of
each kind into an added line or the changelog.  A tool *notices* a fault when
the faulty patch draws more findings of the kind's rules (kvmcheck) or message
types (checkpatch.pl 6.12, ``--no-tree``) than the accepted patch did.

Prints, per kind, how many faults each tool noticed; the overall share; and
what the code-style and spelling rules say about the unmutated originals
(every finding there is a false positive unless the patch really breaks the
rule).  Nothing here passes or fails.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import checkpatch
import corpus
import faults

from kvmcheck.api import check_texts
from kvmcheck.rules import RULES, code_layout, code_style, spacing, spelling, whitespace

PER_KIND = 40
AIM_PER_KIND = 0.8
_CHECKPATCH_LINE = re.compile(r"(?P<file>[^:\n]+):\d+: (?:ERROR|WARNING|CHECK):(?P<type>\w+):")


def run() -> None:
    if not corpus.CORPUS.is_dir():
        print(f"corpus not found at {corpus.CORPUS} (set KVMCHECK_CORPUS): skipped")
        return
    paths = corpus.patch_files("kvm-x86")
    try:
        script: Path | None = checkpatch.ensure_checkpatch()
    except checkpatch.CheckpatchUnavailable as reason:
        print(f"checkpatch.pl: unavailable ({reason}); kvmcheck figures only")
        script = None
    faults.set_typos(typo_pairs(script))
    cases = list(faults.injected(paths, PER_KIND))
    originals = sorted({path for _kind, path, _text in cases})

    print(
        f"\n## Fault injection: {len(cases)} faulty patches made from "
        f"{len(originals)} accepted kvm-x86 patches (at most {PER_KIND} per kind)"
    )
    before = {
        path: kvmcheck_rules(path.read_text(encoding="utf-8", errors="replace"))
        for path in originals
    }
    kvm_hits = Counter()
    made = Counter()
    for kind, path, text in cases:
        made[kind.name] += 1
        after = kvmcheck_rules(text)
        if any(after[rule] > before[path][rule] for rule in kind.rules):
            kvm_hits[kind.name] += 1

    cp_hits: Counter[str] | None = None
    if script is not None:
        cp_hits = checkpatch_hits(script, cases, originals)
    print_table(made, kvm_hits, cp_hits)
    report_originals(paths)


def kvmcheck_rules(text: str) -> Counter[str]:
    result = check_texts([("patch", text)])
    return Counter(f["rule"] for patch in result["patches"] for f in patch["findings"])


def checkpatch_types(script: Path, texts: dict[str, str]) -> dict[str, Counter[str]]:
    """checkpatch.pl's message types per input, all inputs in one run."""
    found: dict[str, Counter[str]] = {name: Counter() for name in texts}
    with tempfile.TemporaryDirectory() as work:
        files = []
        for name, text in texts.items():
            path = Path(work) / name
            path.write_text(text, encoding="utf-8")
            files.append(str(path))
        # Outside any git tree, so it does not look commit ids up.
        env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
        env["LC_ALL"] = "C.UTF-8"
        result = subprocess.run(
            ["perl", str(script), "--no-tree", "--terse", "--show-types", "--no-summary", *files],
            capture_output=True,
            text=True,
            cwd=work,
            env=env,
            check=False,
        )
        for match in _CHECKPATCH_LINE.finditer(result.stdout):
            found[Path(match.group("file")).name][match.group("type")] += 1
    return found


def checkpatch_hits(script: Path, cases: list, originals: list[Path]) -> Counter[str]:
    texts = {
        f"original-{index}.patch": path.read_text(encoding="utf-8", errors="replace")
        for index, path in enumerate(originals)
    }
    original_name = {path: f"original-{index}.patch" for index, path in enumerate(originals)}
    for index, (_kind, _path, text) in enumerate(cases):
        texts[f"fault-{index}.patch"] = text
    types = checkpatch_types(script, texts)
    hits: Counter[str] = Counter()
    for index, (kind, path, _text) in enumerate(cases):
        after = types[f"fault-{index}.patch"]
        before = types[original_name[path]]
        if any(after[name] > before[name] for name in kind.checkpatch):
            hits[kind.name] += 1
    return hits


def print_table(made: Counter[str], kvm_hits: Counter[str], cp_hits: Counter[str] | None) -> None:
    print(f"  {'fault':<34} {'made':>5} {'kvmcheck':>9} {'checkpatch.pl':>14}")
    for kind in faults.KINDS:
        count = made[kind.name]
        if not count:
            print(f"  {kind.name:<34} {0:5d}  (no place for it in the sample)")
            continue
        cp = (
            f"{cp_hits[kind.name]:4d} {percent(cp_hits[kind.name], count):>5}"
            if cp_hits is not None
            else "n/a"
        )
        print(
            f"  {kind.name:<34} {count:5d} {kvm_hits[kind.name]:4d} "
            f"{percent(kvm_hits[kind.name], count):>5} {cp:>14}"
        )
    total = sum(made.values())
    kvm_total = sum(kvm_hits.values())
    line = f"  overall: kvmcheck {kvm_total} / {total} ({percent(kvm_total, total)})"
    if cp_hits is not None:
        cp_total = sum(cp_hits.values())
        line += f", checkpatch.pl {cp_total} / {total} ({percent(cp_total, total)})"
    print(line)
    weak = [
        f"{name} ({percent(kvm_hits[name], count)})"
        for name, count in made.items()
        if count and kvm_hits[name] < AIM_PER_KIND * count
    ]
    print(
        f"  kinds kvmcheck notices in under {AIM_PER_KIND:.0%} of the cases: "
        f"{', '.join(weak) or 'none'}"
    )


def report_originals(paths: list[Path]) -> None:
    """What the code-style and spelling rules say about the accepted patches."""
    modules = {
        module.__name__ for module in (whitespace, spacing, code_style, code_layout, spelling)
    }
    ours = {rule.id for rule in RULES.values() if rule.check.__module__ in modules}
    dates = corpus.commit_dates("kvm-x86")
    flagged: Counter[str] = Counter()
    recent_flagged = 0
    recent = 0
    for path in paths:
        result = check_texts([(path.name, path.read_bytes())])
        serious = {
            f["rule"]
            for patch in result["patches"]
            for f in patch["findings"]
            if f["rule"] in ours and f["severity"] != "info"
        }
        flagged.update(serious)
        is_recent = dates.get(path.name, "") >= "2023-03"
        recent += is_recent
        recent_flagged += bool(serious) and is_recent
    print(
        f"\n  unmutated originals ({len(paths)} patches): warnings or errors from the "
        f"code-style and spelling rules on {sum(flagged.values())} rule-patch pairs "
        f"({', '.join(f'{rule} {count}' for rule, count in flagged.most_common()) or 'none'})"
    )
    print(
        f"  of them written since 2023-03: {recent_flagged} / {recent} patches "
        f"({percent(recent_flagged, recent)})"
    )


def typo_pairs(script: Path | None) -> dict[str, str]:
    """Correct word -> misspelling, from checkpatch.pl's own spelling list.

    Typos checkpatch.pl knows, so the comparison is on its ground; kvmcheck
    must find them in codespell's dictionary.
    """
    if script is None:
        return {
            "because": "becuase",
            "receive": "recieve",
            "separate": "seperate",
            "occurred": "occured",
            "necessary": "neccessary",
        }
    pairs: dict[str, str] = {}
    spelling_list = script.parent / "spelling.txt"
    for line in spelling_list.read_text(encoding="utf-8").splitlines():
        wrong, _, right = line.partition("||")
        if right.isalpha() and right.islower() and wrong.isalpha() and len(right) >= 5:
            pairs.setdefault(right, wrong)
    return pairs


def percent(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "n/a"
