"""Run the benchmarks: every ``tests/bench/bench_*.py`` module's ``run()``.

``make bench`` calls this file. Each benchmark module prints its own figures
and ratios; nothing here asserts on timings. Name modules on the command line
to run only those (``run.py kvmcheck`` runs ``bench_kvmcheck.py``).
"""

from __future__ import annotations

import importlib.util
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType

BENCH_DIR = Path(__file__).resolve().parent


def discover(names: list[str]) -> list[Path]:
    """The benchmark modules to run, all of them when ``names`` is empty."""
    found = sorted(BENCH_DIR.glob("bench_*.py"))
    if not names:
        return found
    wanted = {name.removeprefix("bench_").removesuffix(".py") for name in names}
    chosen = [path for path in found if path.stem.removeprefix("bench_") in wanted]
    unknown = wanted - {path.stem.removeprefix("bench_") for path in chosen}
    if unknown:
        available = ", ".join(path.stem.removeprefix("bench_") for path in found)
        raise SystemExit(
            f"unknown benchmark(s): {', '.join(sorted(unknown))}; available: {available}"
        )
    return chosen


def load(path: Path) -> ModuleType:
    # The benchmark folder goes on sys.path so modules can share helpers
    # that are not benchmarks themselves (no ``bench_`` prefix), and so does
    # tests/ for the helpers the test suite shares (local_server).
    for folder in (BENCH_DIR.parent, BENCH_DIR):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    failed = []
    for path in discover(argv):
        print(f"=== {path.stem} ===", flush=True)
        started = time.perf_counter()
        try:
            load(path).run()
        except Exception:
            # One broken benchmark must not hide the figures of the others.
            traceback.print_exc()
            failed.append(path.stem)
        print(f"=== {path.stem}: {time.perf_counter() - started:.1f} s ===\n", flush=True)
    if failed:
        print(f"benchmarks that failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
