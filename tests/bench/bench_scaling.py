"""How kvmcheck's cost grows with hostile input: each shape at 1x and 4x size.

For every shape of tests/scaling_shapes.py (blank-line floods, thousands of
files, a commit mention on every line, a long folded header...) this prints
the CPU time at both sizes and their ratio (about 4 when the cost is linear,
about 16 when it is quadratic), and the peak memory traced while checking
the 1x input, as a multiple of its size. Figures only: nothing here passes
or fails on a timing.
"""

from __future__ import annotations

import time

from scaling_shapes import SHAPES, peak_memory

from kvmcheck.api import check_texts

BASE_SIZE = 128 * 1024
FACTOR = 4
# A linear stage stays near FACTOR; flag anything clearly above it.
SUSPECT_RATIO = 1.5 * FACTOR


def cpu_seconds(text: str, repeat: int) -> float:
    """The least disturbed of ``repeat`` runs, in CPU seconds of this process."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        check_texts([("shape", text)])
        best = min(best, time.process_time() - started)
    return best


def run() -> None:
    print(
        f"\n## Scaling: each shape at {BASE_SIZE // 1024} KB and {FACTOR}x that "
        f"(ratio ~{FACTOR}: linear, ~{FACTOR * FACTOR}: quadratic)"
    )
    print(f"  {'shape':<28} {'1x CPU s':>9} {f'{FACTOR}x CPU s':>9} {'ratio':>6} {'peak mem':>9}")
    for name, make in SHAPES.items():
        small, big = make(BASE_SIZE), make(FACTOR * BASE_SIZE)
        small_time = cpu_seconds(small, repeat=3)
        big_time = cpu_seconds(big, repeat=2)
        ratio = big_time / small_time if small_time else float("inf")
        flag = "  <- superlinear?" if ratio > SUSPECT_RATIO else ""
        print(
            f"  {name:<28} {small_time:9.3f} {big_time:9.3f} {ratio:6.1f} "
            f"{peak_memory(small) / len(small):8.1f}x{flag}",
            flush=True,
        )
