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
from pathlib import Path

import pytest
from scaling_shapes import SHAPES, peak_memory

import kvmcheck
from kvmcheck.api import check_texts
from kvmcheck.rules._examples import diff, patch

SIZE = 1_000_000
# Lines executed per input character: about 68 for thousands of short added
# declarations (past 5,000 added lines each code-style rule splits every line
# again as it reads it, rather than keeping them all split), 25 for a flood
# of blank lines; the quadratic stages this guards against executed 30 to 100
# at only 64 KB, and sixteen times that at 1 MB.
LINES_PER_CHAR = 100
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


# Peak memory per input character, the input itself included. Measured at
# 1 MB: 1.3 to 9.4 for every shape (a Line object per blank line once made a
# flood of them cost 117-133; a Line, a split line and a Finding per added
# line made short declarations cost 34). Lines are made while read and no
# object per line is kept; only the result grows with the findings: "commit
# on every line" has a finding (a dict and its message) per 41-character
# line and peaks at 11.4.
PEAK_PER_CHAR = 12
RESULT_PEAK_PER_CHAR = {"commit on every line": 14}


@pytest.mark.parametrize("shape", SHAPES)
def test_one_megabyte_shape_peak_memory_stays_near_input_size(shape: str) -> None:
    text = SHAPES[shape](SIZE)
    peak = peak_memory(text)
    bound = RESULT_PEAK_PER_CHAR.get(shape, PEAK_PER_CHAR)
    assert peak < bound * len(text), f"peak {peak / len(text):.1f} bytes per input character"


UAPI = "include/uapi/linux/kvm.h"
KVM_SOURCE = "arch/x86/kvm/x86.c"
# Lines that once made one regular expression keep a backtracking record per
# repeat: about 150 bytes per character for an 8 MB declaration (1.2 GB).
BIG_LINES = {
    "declaration": patch(diffs=diff(path=KVM_SOURCE, added="\tint a" + ", a" * 1_000_000 + ";")),
    "SDM section number": patch(
        diffs=diff(path=KVM_SOURCE, added="\t/* SDM Section 1" + ".1" * 1_000_000 + " */")
    ),
    "uapi qualifiers": patch(
        diffs=diff(path=UAPI, added="\t" + "const " * 500_000 + "int a;", removed="")
    ),
    "trailer key": patch(trailers="Signed-off-by: A <a@b.c>\n" + "a" + "-a" * 1_000_000 + ": x"),
    "quoted diff path": patch(diffs='diff --git "a/' + "\\x" * 1_000_000 + '" b/x\n'),
    "declaration before a statement": patch(
        diffs=diff(path=KVM_SOURCE, added="\tint a" + ", a" * 500_000 + ";\n\tfoo();")
    ),
    "zero-initialised static": patch(
        diffs=diff(path=KVM_SOURCE, added="static " + "a " * 500_000 + "b = 0;")
    ),
    "comment closing mid-line": patch(
        diffs=diff(path=KVM_SOURCE, added="\t" + '"a" ' * 300_000 + "/* x */ b;")
    ),
    "parameter attributes": patch(
        diffs=diff(
            path=KVM_SOURCE,
            added="module_param(foo, bool, 0444);\nstatic bool foo" + " __a" * 500_000 + " = true;",
        )
    ),
}


@pytest.mark.parametrize("name", BIG_LINES)
def test_big_line_memory_stays_near_input_size(name: str) -> None:
    text = BIG_LINES[name]
    peak = peak_memory(text)
    assert peak < 8 * len(text), f"peak {peak / len(text):.1f} bytes per input character"
