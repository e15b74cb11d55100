"""The part of Python's standard library the playground serves.

Pyodide's ``python_stdlib.zip`` holds the whole standard library, 2.5 MB of
which kvmcheck uses about half: no ``unittest``, ``xml``, ``http``,
``multiprocessing``, ``pydoc`` or REPL.  The site serves a copy that keeps
only the top-level modules and packages named in
``playground/stdlib-modules.json``, under the same name, so Pyodide loads it
as its own.

That list is traced, not written by hand: ``make playground-stdlib`` runs
``playground/trace-stdlib.mjs``, which starts the same Pyodide in Node.js,
checks and fixes real patches with kvmcheck and records every module that
loaded, plus every module kvmcheck's sources import anywhere.  A test traces
again and fails when the committed list is out of date.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from sphinx.errors import ExtensionError

PLAYGROUND = Path(__file__).resolve().parents[1] / "playground"
KEEP_LIST = PLAYGROUND / "stdlib-modules.json"
STDLIB_ARCHIVE = "python_stdlib.zip"


def kept_modules(pyodide_version: str, keep_list: Path = KEEP_LIST) -> frozenset[str]:
    """The top-level names to keep, from a list traced with this Pyodide."""
    traced = json.loads(keep_list.read_text(encoding="utf-8"))
    if traced["pyodide"] != pyodide_version:
        raise ExtensionError(
            f"patch-checker: {keep_list.name} was traced with Pyodide {traced['pyodide']}, "
            f"but Pyodide {pyodide_version} is installed: run `make playground-stdlib` "
            "and commit the new list"
        )
    return frozenset(traced["modules"])


def top_level_name(member: str) -> str:
    """``email/utils.py`` → ``email``; ``typing.py`` → ``typing``."""
    return member.split("/", 1)[0].removesuffix(".py")


def trimmed_stdlib(source: Path, keep: frozenset[str]) -> bytes:
    """``source`` (a python_stdlib.zip) with only the members of ``keep``.

    The same inputs give the same bytes: each member keeps its own time
    stamp and compression.
    """
    output = io.BytesIO()
    with zipfile.ZipFile(source) as full, zipfile.ZipFile(output, "w") as trimmed:
        for member in full.infolist():
            if top_level_name(member.filename) in keep:
                trimmed.writestr(member, full.read(member), compress_type=member.compress_type)
    return output.getvalue()
