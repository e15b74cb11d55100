"""The trace behind the trimmed standard library (playground/trace-stdlib.mjs),
run in Pyodide under Node.js."""

from __future__ import annotations

import json
from pathlib import Path

import playground_assets
import playground_stdlib
from pyodide_node import trace_stdlib

FULL_STDLIB = playground_assets.PYODIDE_DIR / playground_stdlib.STDLIB_ARCHIVE


def committed() -> dict[str, object]:
    return json.loads(playground_stdlib.KEEP_LIST.read_text(encoding="utf-8"))


def test_committed_list_is_what_kvmcheck_loads() -> None:
    """Pyodide, kvmcheck checking and fixing real patches, every codec and
    every import of kvmcheck's sources load exactly the committed modules:
    a new import in kvmcheck (or a new Pyodide) shows here first."""
    assert trace_stdlib() == committed(), (
        "playground/stdlib-modules.json is out of date: run `make playground-stdlib`"
    )


def test_kvmcheck_runs_on_the_trimmed_stdlib(tmp_path: Path) -> None:
    """The same trace on the zip the site serves: a module it lacks would
    end the trace with an ImportError."""
    trimmed = tmp_path / playground_stdlib.STDLIB_ARCHIVE
    trimmed.write_bytes(
        playground_stdlib.trimmed_stdlib(
            FULL_STDLIB, playground_stdlib.kept_modules(playground_assets.pyodide_version())
        )
    )
    assert trace_stdlib(trimmed) == committed()
