"""A 1 MB input of every hostile shape is checked with work linear in its size.

The work is counted, not timed: every line of kvmcheck's own code executed
while checking, through ``sys.settrace``. A stage that rescans its input for
every line or file (a commit mention's line found by a linear scan, every
file's removed lines collected again for every file) executes millions of
lines per megabyte more than the budget allows. How the time grows, copies
made inside the interpreter included, is measured in ``make bench``
(tests/bench/bench_scaling.py).
"""

from __future__ import annotations

import sys
import threading
import tracemalloc
from pathlib import Path

import pytest
from scaling_shapes import SHAPES

import kvmcheck
from kvmcheck.api import check_texts
from kvmcheck.rules._examples import diff, patch

SIZE = 1_000_000
# Lines executed per input character: about 25 for a flood of blank lines (a
# line of input per character), the costliest shape; the quadratic stages
# this guards against executed 30 to 100 at only 64 KB, growing with size.
LINES_PER_CHAR = 60
# A hang detector for when the budget is blown badly, not a speed test.
HANG_LIMIT = 600.0
PACKAGE = str(Path(kvmcheck.__file__).resolve().parent)


def lines_executed(text: str) -> int:
    """How many lines of kvmcheck's code checking ``text`` executes."""
    count = 0

    def count_lines(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return count_lines

    def trace(frame, event, arg):
        return count_lines if frame.f_code.co_filename.startswith(PACKAGE) else None

    outcome: dict[str, object] = {}

    def work() -> None:
        sys.settrace(trace)
        try:
            outcome["result"] = check_texts([("shape", text)])
        finally:
            sys.settrace(None)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(HANG_LIMIT)
    assert not worker.is_alive(), "the check did not finish"
    assert outcome["result"]["summary"]["patches"] >= 1
    return count


@pytest.mark.parametrize("shape", SHAPES)
def test_one_megabyte_shape_costs_linear_work(shape: str) -> None:
    text = SHAPES[shape](SIZE)
    assert len(text) >= SIZE * 0.9
    executed = lines_executed(text)
    assert executed <= LINES_PER_CHAR * len(text), f"{executed / len(text):.0f} per character"


def peak_memory(text: str) -> int:
    """The most memory allocated at once while checking ``text``, in bytes."""
    tracemalloc.start()
    try:
        check_texts([("shape", text)])
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# Peak memory per input character. A flood of blank lines once peaked at
# 117-133 (a Line object per blank line) and now at about 4; a Cc: header
# folded over 1 MB at 18, and one of encoded words at 26, now at about 2 and
# 6 (3 on Python 3.12 and later, whose StringIO keeps one buffer). Shapes of many
# short lines the rules read, or that each get a finding, still keep an
# object per line or finding (a Line is ~50 bytes plus its text and number):
# measured peaks are in the comments, each bound leaves some headroom.
PEAK_PER_CHAR = 10
SHORT_LINE_PEAK_PER_CHAR = {
    "blank lines in message": 45,  # 36: 3.7 characters a line
    "commit on every line": 30,  # 24: one finding per 41-character line
    "many declarations": 42,  # 34: 8 characters an added line, split for the style rules
    "many files": 17,  # 13.5: a file, a hunk and its split lines per 250 characters
    "many mails": 14,  # 11
    "many hunks": 14,  # 10: a Hunk and two Lines per 62-character hunk
    "lines ending in ]": 40,  # 33: 9 characters a prose line
}


@pytest.mark.parametrize("shape", SHAPES)
def test_one_megabyte_shape_peak_memory_stays_near_input_size(shape: str) -> None:
    text = SHAPES[shape](SIZE)
    peak = peak_memory(text)
    bound = SHORT_LINE_PEAK_PER_CHAR.get(shape, PEAK_PER_CHAR)
    assert peak < bound * len(text), f"peak {peak / len(text):.1f} bytes per input character"


UAPI = "include/uapi/linux/kvm.h"
KVM_SOURCE = "arch/x86/kvm/x86.c"
# Lines that once made one regular expression keep a backtracking record per
# repeat: about 150 bytes per character for an 8 MB declaration (1.2 GB).
BIG_LINES = {
    "declaration": patch(diffs=diff(path=KVM_SOURCE, added="\tint a" + ", a" * 1_000_000 + ";")),
    "SDM section number": patch(diffs=diff(
        path=KVM_SOURCE, added="\t/* SDM Section 1" + ".1" * 1_000_000 + " */")),
    "uapi qualifiers": patch(diffs=diff(
        path=UAPI, added="\t" + "const " * 500_000 + "int a;", removed="")),
    "trailer key": patch(trailers="Signed-off-by: A <a@b.c>\n" + "a" + "-a" * 1_000_000 + ": x"),
    "quoted diff path": patch(diffs='diff --git "a/' + "\\x" * 1_000_000 + '" b/x\n'),
    "declaration before a statement": patch(diffs=diff(
        path=KVM_SOURCE, added="\tint a" + ", a" * 500_000 + ";\n\tfoo();")),
    "zero-initialised static": patch(diffs=diff(
        path=KVM_SOURCE, added="static " + "a " * 500_000 + "b = 0;")),
    "comment closing mid-line": patch(diffs=diff(
        path=KVM_SOURCE, added="\t" + '"a" ' * 300_000 + "/* x */ b;")),
    "parameter attributes": patch(diffs=diff(
        path=KVM_SOURCE, added="module_param(foo, bool, 0444);\nstatic bool foo"
        + " __a" * 500_000 + " = true;")),
}


@pytest.mark.parametrize("name", BIG_LINES)
def test_big_line_memory_stays_near_input_size(name: str) -> None:
    text = BIG_LINES[name]
    peak = peak_memory(text)
    assert peak < 8 * len(text), f"peak {peak / len(text):.1f} bytes per input character"
