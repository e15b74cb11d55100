"""Store the engine code of kvmcheck's regular expressions (a build step, not runtime).

``re.compile`` parses a pattern and compiles it to the code of its C engine
in Python, every run, for every pattern a run uses: two fifths of a
one-patch ``kvmcheck`` run, counted in instructions.  This script compiles each pattern made with
``kvmcheck.lazy_re.compile`` once, at build time, and writes what ``re``
hands to the engine (``_sre.compile``'s arguments) into
``playground/kvmcheck/data/regexes.marshal`` (ignored by git, shipped as
package data); ``kvmcheck.lazy_re`` makes a pattern from it directly.

It runs wherever the typo list is written (``build_typos.py``): ``setup.py``'s
``build_py`` for ``pip install`` and ``pip wheel``, and ``make``, which remakes
the file whenever a module of kvmcheck changes.  The code is only valid for
the interpreter that made it, so the file names that interpreter
(``kvmcheck.lazy_re.INTERPRETER``) and no other reads it.

The arguments are taken from ``re``'s own call to ``_sre.compile``, not
worked out here: whatever ``re`` does before that call, the stored code is
what ``re.compile`` would give the engine.
"""

from __future__ import annotations

import importlib
import marshal
import pkgutil
import re
import sys
import types
from collections.abc import Iterable
from pathlib import Path
from unittest import mock

PLAYGROUND = Path(__file__).resolve().parent
TARGET = PLAYGROUND / "kvmcheck" / "data" / "regexes.marshal"


def kvmcheck_patterns() -> list[tuple[str, int]]:
    """The source and flags of every pattern of every kvmcheck module."""
    import kvmcheck
    from kvmcheck import lazy_re

    for module in pkgutil.walk_packages(kvmcheck.__path__, "kvmcheck."):
        if not module.name.endswith(".__main__"):  # running it is all it does
            importlib.import_module(module.name)
    return list(dict.fromkeys(lazy_re.PATTERNS))


def engine_arguments(patterns: Iterable[tuple[str, int]]) -> dict[tuple[str, int], bytes]:
    """For each (source, flags), the arguments ``re.compile`` passes to
    ``_sre.compile`` after the source, marshalled."""
    import _sre

    stored: dict[tuple[str, int], bytes] = {}
    key: tuple[str, int] = ("", 0)

    def record(
        pattern: str, flags: int, code: list[int], groups: int, groupindex: dict, indexgroup: tuple
    ) -> object:
        # What marshal can store: the flags come as a RegexFlag.
        arguments = (int(flags), [int(c) for c in code], groups, dict(groupindex), indexgroup)
        stored[key[0], int(key[1])] = marshal.dumps(arguments)
        return _sre.compile(pattern, *arguments)

    engine = types.SimpleNamespace(**{name: getattr(_sre, name) for name in dir(_sre)})
    engine.compile = record
    # re._compiler reaches the engine through its module global _sre.
    with mock.patch.object(re._compiler, "_sre", engine):
        for key in patterns:
            re._compiler.compile(*key)  # not re.compile, whose cache may answer instead
    return stored


def write_regex_cache(target: Path = TARGET) -> Path | None:
    """Write the engine code of every kvmcheck pattern to ``target``; the
    path, or None when this interpreter's ``re`` is not one whose engine
    code can be stored (not CPython, or its ``re`` reaches the engine
    another way): kvmcheck then compiles every pattern as it runs."""
    if str(PLAYGROUND) not in sys.path:
        sys.path.insert(0, str(PLAYGROUND))
    from kvmcheck.lazy_re import INTERPRETER

    if INTERPRETER is None:
        return None
    patterns = kvmcheck_patterns()
    try:
        arguments = engine_arguments(patterns)
    except (AttributeError, TypeError):
        return None
    data = marshal.dumps((INTERPRETER, arguments))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    partial.write_bytes(data)
    partial.replace(target)
    return target


def main(argv: list[str]) -> int:
    written = write_regex_cache(Path(argv[0]) if argv else TARGET)
    if written is None:
        print(
            "build_regex_cache: this Python's re cannot be stored; kvmcheck will compile "
            "its patterns as it runs",
            file=sys.stderr,
        )
        return 0
    print(f"build_regex_cache: {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
