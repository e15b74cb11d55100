"""Pyodide in Node.js, from playground/node_modules (``npm ci --prefix playground``)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TRACE = REPO / "playground" / "trace-stdlib.mjs"


def trace_stdlib(stdlib: Path | None = None) -> dict[str, object]:
    """What playground/trace-stdlib.mjs prints (the modules the playground
    needs), with Pyodide started on ``stdlib`` if given, else on its own."""
    node = shutil.which("node")
    assert node, "node is not installed (make test installs it)"
    command = [node, str(TRACE)]
    if stdlib is not None:
        command.append(f"--stdlib={stdlib}")
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    traced: dict[str, object] = json.loads(result.stdout)
    return traced
