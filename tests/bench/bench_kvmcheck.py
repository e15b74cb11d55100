"""kvmcheck on real patches: what it finds, how fast, and how cost grows.

Prints figures and ratios only; nothing here passes or fails on a timing.

1. Findings on the accepted upstream patches of the corpus: every error or
   warning there is a false positive until proven otherwise.  Calibration:
   on the kvm-x86 patches written since the handbook, the shares against the
   severities' aims (the handbook author's patches, all of them).
2. Speed against the kernel's ``checkpatch.pl --no-tree`` in the same run:
   the whole corpus in one process, and one file per process.
3. Linear cost: a 1,000-patch mbox against a 100-patch one.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import checkpatch
import corpus

from kvmcheck.api import check_texts
from kvmcheck.context import KUT, project_of
from kvmcheck.parser import parse_file
from kvmcheck.results import all_findings
from kvmcheck.rules import RULES

TOP_RULES = 8
# Documentation/process/maintainer-kvm-x86.rst entered mainline in Linux 6.4.
HANDBOOK_MERGED = "2023-03"
# Files run one per process, for the single-file comparison.
SINGLE_FILE_SAMPLE = 30
# The aims (issue 16): checkpatch's time over kvmcheck's, per patch in one
# process, and for one ``kvmcheck FILE`` process, start-up included.
BATCH_AIM = 20
# How many times each tool checks the whole corpus in one process, taking
# turns; the fastest of each counts.  The more runs, the likelier each
# tool has one that no busy spell of a shared machine slowed.
BATCH_RUNS = 5
SINGLE_FILE_AIM = 3
SYNTHETIC_PATCHES = 1000
SYNTHETIC_SMALL = 100
# The largest accepted KVM patches average about 10 kB, so 1,000 of them
# make the ~10 MB series the linear-cost figure is about.
SYNTHETIC_SOURCES = 20


def run() -> None:
    if not corpus.CORPUS.is_dir():
        print(f"corpus not found at {corpus.CORPUS} (set KVMCHECK_CORPUS): skipped")
        return
    report_findings()
    report_calibration()
    report_speed()
    report_linear_cost()


# --- 1. findings -------------------------------------------------------------------

# The handbook's author: his own patches should draw almost nothing.
HANDBOOK_AUTHOR = "Sean Christopherson"
# (label, which patches, severities that count, aim as a share of the patches)
CALIBRATION_AIMS = (
    ("handbook author's patches with a warning or error", "author", ("warning", "error"), 0.05),
    ("all post-handbook patches with an error", "all", ("error",), 0.02),
    ("all post-handbook patches with a warning", "all", ("warning",), 0.12),
)


def findings_of(path: Path) -> list[dict]:
    """Every finding on one file, checked as a posting of its own."""
    return all_findings(check_texts([(path.name, path.read_bytes())]))


def report_findings() -> None:
    print("\n## Findings on accepted upstream patches (each file its own posting)")
    kvm_rules = {rule.id for rule in RULES.values() if rule.scope == "kvm"}
    for folder in corpus.FOLDERS:
        files = corpus.patch_files(folder)
        per_file = {path: findings_of(path) for path in files}
        print(f"\n{folder}/: {len(files)} patches")
        print_shares(per_file)
        print_top_rules(per_file)
        print_recent_shares(folder, per_file)
        if folder == "other-kernel":
            print_kvm_findings(per_file, kvm_rules)
        if folder == "kvm-unit-tests":
            print_kut_recognition(files)


def print_shares(per_file: dict[Path, list[dict]]) -> None:
    total = len(per_file)
    for severity in ("error", "warning"):
        hit = sum(1 for found in per_file.values() if any(f["severity"] == severity for f in found))
        print(f"  with any {severity:<8} {hit:4d} / {total}  ({percent(hit, total)})")


def report_calibration() -> None:
    """Post-handbook kvm-x86 patches: how many draw what, against the aims."""
    dates = corpus.commit_dates("kvm-x86")
    recent = [
        path
        for path in corpus.patch_files("kvm-x86")
        if dates.get(path.name, "") >= HANDBOOK_MERGED
    ]
    print(
        f"\n## Calibration: kvm-x86 patches written since the handbook ({HANDBOOK_MERGED}), "
        f"{len(recent)} patches"
    )
    if not recent:
        return
    found = {path: findings_of(path) for path in recent}
    by_author = [
        path
        for path in recent
        if HANDBOOK_AUTHOR in (parse_file(path.name, path.read_bytes())[0].author or "")
    ]
    for label, which, severities, aim in CALIBRATION_AIMS:
        paths = by_author if which == "author" else recent
        hit = [path for path in paths if any(f["severity"] in severities for f in found[path])]
        share = len(hit) / len(paths) if paths else 0.0
        verdict = "ok" if share <= aim else "ABOVE AIM"
        print(
            f"  {label:<52} {len(hit):3d} / {len(paths):<3d} ({share:6.1%}, aim <= {aim:.0%}) "
            f"{verdict}"
        )
        rules = Counter(
            f["rule"] for path in hit for f in found[path] if f["severity"] in severities
        )
        if rules:
            print(
                "    by rule: "
                + ", ".join(f"{rule} {count}" for rule, count in rules.most_common())
            )


def print_recent_shares(folder: str, per_file: dict[Path, list[dict]]) -> None:
    """The same shares for patches written since the handbook was merged.

    Most findings on older patches are real: those patches predate today's
    conventions (``kvm: x86:``, lower-case shortlogs, "we" in changelogs).
    """
    dates = corpus.commit_dates(folder)
    recent = {
        path: found
        for path, found in per_file.items()
        if dates.get(path.name, "") >= HANDBOOK_MERGED
    }
    if recent:
        print(f"  written since the handbook was merged ({HANDBOOK_MERGED}): {len(recent)} patches")
        print_shares(recent)


def print_top_rules(per_file: dict[Path, list[dict]]) -> None:
    findings: Counter[tuple[str, str]] = Counter()
    patches: Counter[tuple[str, str]] = Counter()
    for found in per_file.values():
        keys = [(f["rule"], f["severity"]) for f in found]
        findings.update(keys)
        patches.update(set(keys))
    if not findings:
        print("  no findings")
        return
    print(f"  rules that fire most (top {TOP_RULES}): findings, patches")
    for (rule, severity), count in findings.most_common(TOP_RULES):
        print(f"    {rule:<32} {severity:<8} {count:5d} {patches[rule, severity]:5d}")


def print_kvm_findings(per_file: dict[Path, list[dict]], kvm_rules: set[str]) -> None:
    stray = [(path, f) for path, found in per_file.items() for f in found if f["rule"] in kvm_rules]
    print(f"  KVM-specific findings (must be none): {len(stray)}")
    for path, finding in stray:
        print(f"    {path.name}:{finding['line']}: [{finding['rule']}] {finding['message']}")


def print_kut_recognition(files: list[Path]) -> None:
    missed = [
        path.name
        for path in files
        if any(project_of(patch) != KUT for patch in parse_file(path.name, path.read_bytes()))
    ]
    recognised = len(files) - len(missed)
    print(
        f"  recognised as kvm-unit-tests patches: {recognised} / {len(files)}"
        f"  ({percent(recognised, len(files))})"
    )
    for name in missed:
        print(f"    not recognised: {name}")


# --- 2. speed against checkpatch.pl ------------------------------------------------


def report_speed() -> None:
    files = corpus.all_patch_files()
    count = len(files)
    print(
        f"\n## Speed: the whole corpus, {count} patches, "
        f"{sum(path.stat().st_size for path in files) / 1e6:.1f} MB"
    )
    print(
        "  wall-clock and CPU (user + system) time; the CPU ratios are the steadier "
        "ones on a shared machine"
    )
    texts = [(path.name, path.read_bytes()) for path in files]

    # One run first, untimed: it writes the bytecode cache an installed
    # kvmcheck has, so no timed run pays for compiling Python source.
    run_quietly([*kvmcheck_command(), str(files[0])])
    api = best_of(3, lambda: [check_texts([text]) for text in texts])
    api_cpu = best_of(3, lambda: [check_texts([text]) for text in texts], time.process_time)
    try:
        script = checkpatch.ensure_checkpatch()
    except checkpatch.CheckpatchUnavailable as reason:
        script, unavailable = None, reason
    command = ["perl", str(script), "--no-tree", "-q"] if script else []
    # The two tools' batches take turns, so that a busy spell on a shared
    # machine slows both alike; the fastest run of each is the least
    # disturbed one.
    ours, theirs = [], []
    for _ in range(BATCH_RUNS):
        ours.append(timed_run([*kvmcheck_command(), *map(str, files)]))
        if command:
            theirs.append(timed_run([*command, *map(str, files)]))
    cli = fastest(ours)
    print(
        f"  kvmcheck, API, one process, each file its own posting: {per_patch(api, count)}, "
        f"CPU {api_cpu / count * 1e3:.2f} ms"
    )
    print(
        f"  kvmcheck, CLI, one process, all files as one posting:  {per_patch(cli[0], count)}, "
        f"CPU {cli[1] / count * 1e3:.2f} ms"
    )

    sample = files[:: max(1, count // SINGLE_FILE_SAMPLE)][:SINGLE_FILE_SAMPLE]
    single_kvmcheck = per_file_times(sample, kvmcheck_command())
    print(
        f"  kvmcheck, one process per file ({len(sample)} files): "
        f"median {single_kvmcheck[0] * 1e3:.1f} ms, CPU {single_kvmcheck[1] * 1e3:.1f} ms"
    )

    if not command:
        print(f"  checkpatch.pl: skipped ({unavailable})")
        return
    print(f"  checkpatch.pl from {checkpatch.source()}")
    batch = fastest(theirs)
    print(
        f"  checkpatch.pl --no-tree, one process, all files:     {per_patch(batch[0], count)}, "
        f"CPU {batch[1] / count * 1e3:.2f} ms (fastest of {BATCH_RUNS}, turn about "
        "with kvmcheck's)"
    )
    single_checkpatch = per_file_times(sample, command)
    print(
        f"  checkpatch.pl --no-tree, one process per file ({len(sample)} files): "
        f"median {single_checkpatch[0] * 1e3:.1f} ms, CPU {single_checkpatch[1] * 1e3:.1f} ms"
    )
    print(
        "  ratios (checkpatch time / kvmcheck time, higher is better for kvmcheck):"
        "   wall   CPU   aim"
    )
    for label, theirs, ours, aim in (
        ("batch, per patch, vs kvmcheck CLI", batch, cli, BATCH_AIM),
        ("batch, per patch, vs kvmcheck API", batch, (api, api_cpu), BATCH_AIM),
        ("one file per process", single_checkpatch, single_kvmcheck, SINGLE_FILE_AIM),
    ):
        print(f"    {label:<34} {theirs[0] / ours[0]:6.1f}x {theirs[1] / ours[1]:5.1f}x >= {aim}x")


def kvmcheck_command() -> list[str]:
    """The installed console script, as users run it, else ``python -m``."""
    script = Path(sys.executable).with_name("kvmcheck")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "kvmcheck"]


def run_quietly(command: list[str]) -> None:
    # checkpatch and kvmcheck exit 1 when they find errors; 2 or more means
    # the command itself failed and its timing would mean nothing.
    result = subprocess.run(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=tempfile.gettempdir(),
        env=quiet_env(),
        check=False,
    )
    if result.returncode > 1:
        raise RuntimeError(
            f"{command[0]} failed ({result.returncode}): "
            f"{result.stderr.decode(errors='replace')[-500:]}"
        )


def quiet_env() -> dict[str, str]:
    # Run outside any git tree: checkpatch would look commit ids up in it.
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    # As installed, kvmcheck's bytecode is cached: without the cache every
    # process would compile the package's source first (half a second).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["LC_ALL"] = "C.UTF-8"
    return env


def timed_run(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU time (user + system, the command's own) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    run_quietly(command)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def fastest(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The least disturbed of some runs: the fastest wall-clock and CPU times."""
    return min(wall for wall, _ in runs), min(cpu for _, cpu in runs)


def per_file_times(files: list[Path], command: list[str]) -> tuple[float, float]:
    """Median wall-clock and CPU time of one process per file."""
    runs = [timed_run([*command, str(path)]) for path in files]
    return (statistics.median(wall for wall, _ in runs), statistics.median(cpu for _, cpu in runs))


# --- 3. linear cost ----------------------------------------------------------------


def report_linear_cost() -> None:
    largest = sorted(
        corpus.patch_files("kvm-x86"), key=lambda path: path.stat().st_size, reverse=True
    )[:SYNTHETIC_SOURCES]
    sources = [path.read_bytes() for path in largest]
    small = corpus.synthetic_series(SYNTHETIC_SMALL, sources)
    big = corpus.synthetic_series(SYNTHETIC_PATCHES, sources)
    print(
        f"\n## Linear cost: one mbox series of the {SYNTHETIC_SOURCES} largest kvm-x86 "
        "patches, repeated"
    )
    # CPU time of this process: on a shared machine it is far steadier than
    # wall-clock time, and in-process there is nothing else to wait for.
    cpu = time.process_time
    small_time = best_of(5, lambda: check_texts([("small.mbox", small)]), cpu)
    big_time = best_of(3, lambda: check_texts([("big.mbox", big)]), cpu)
    for label, data, seconds, patches in (
        ("small", small, small_time, SYNTHETIC_SMALL),
        ("big", big, big_time, SYNTHETIC_PATCHES),
    ):
        print(
            f"  {label:<5} {patches:5d} patches {len(data) / 1e6:6.2f} MB  "
            f"{seconds:7.3f} CPU s  {len(data) / 1e6 / seconds:6.2f} MB/s (API)"
        )
    with tempfile.NamedTemporaryFile(suffix=".mbox") as handle:
        handle.write(big)
        handle.flush()
        cli_time = best_of(1, lambda: run_quietly([*kvmcheck_command(), handle.name]))
    print(
        f"  big   through the CLI: {cli_time:7.3f} s wall clock, start-up included, "
        f"{len(big) / 1e6 / cli_time:6.2f} MB/s"
    )
    print(
        f"  size ratio {len(big) / len(small):.1f}x, time ratio {big_time / small_time:.1f}x "
        "(linear cost: about equal)"
    )


# --- helpers -----------------------------------------------------------------------


def best_of(
    repeat: int, work: Callable[[], object], clock: Callable[[], float] = time.perf_counter
) -> float:
    """The fastest of ``repeat`` runs, in seconds: the least disturbed one."""
    times = []
    for _ in range(repeat):
        started = clock()
        work()
        times.append(clock() - started)
    return min(times)


def per_patch(seconds: float, count: int) -> str:
    return f"{seconds:7.2f} s total, {seconds / count * 1e3:7.2f} ms per patch"


def percent(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "n/a"
