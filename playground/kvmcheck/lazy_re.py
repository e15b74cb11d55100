"""Module-level regular expressions compiled on first use, not at import.

Compiling every pattern of every rule at import was about 40 % of a
one-patch ``kvmcheck FILE`` run, and such a run needs only part of them (the
code rules' patterns only for C files, the splat patterns only for pasted
oopses).  ``compile()`` here returns a stand-in that compiles on first use
and then keeps the compiled pattern's methods as its own attributes: from
then on ``PATTERN.search`` is a plain attribute read returning the compiled
pattern's bound method, so hot loops run no Python code of this module.

A stand-in is not an ``re.Pattern``: it serves method calls
(``PATTERN.match(text)``), not ``re.sub(PATTERN, ...)`` or ``isinstance``.
``compile()`` is declared to return ``re.Pattern[str]`` all the same, so a
type checker checks every use of a pattern as it would one of ``re``'s.

Compiling the patterns a run uses was still two fifths of a one-patch run
and a twentieth of a batch (counted in instructions): ``re`` parses and
compiles each pattern in Python, and keeps nothing between runs.  The build
(``playground/build_regex_cache.py``) therefore stores, for every pattern
made here, the arguments ``re`` passes to its C engine's constructor
(``_sre.compile``, CPython's internal entry point: no public one takes
compiled code), and a pattern found in that file (``data/regexes.marshal``)
is made from them directly.  The file names the interpreter that made it,
down to its build: any other (the playground's Pyodide among them) ignores
it.  A pattern missing from it, a damaged file, or code the engine refuses
(it checks every code it is given) all fall back to ``re.compile``.
"""

from __future__ import annotations

import marshal
import os
import re
import sys

# Every attribute of re.Pattern that kvmcheck reads: all copied at the first.
_PATTERN_ATTRIBUTES = (
    "match",
    "search",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "flags",
    "groups",
    "groupindex",
    "pattern",
)


class _Source:
    """The source of a pattern, kept until (and after) it is compiled."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags

    def __repr__(self) -> str:
        return f"lazy_re.compile({self._source!r}, {self._flags!r})"


class LazyPattern(_Source):
    """``re.compile(source, flags)``, compiled when an attribute is first read."""

    def __getattr__(self, name: str) -> object:
        # Called only for attributes not stored on the object: once per pattern.
        if name.startswith("__") or name in ("_source", "_flags"):
            raise AttributeError(name)
        compiled = _compile(self._source, self._flags)
        for attribute in _PATTERN_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        # A class with __getattr__ makes every attribute read take a slower,
        # unspecialised path (about a fifth more per call in a hot loop):
        # once compiled, the object becomes one of a class without the hook.
        self.__class__ = CompiledPattern  # type: ignore[assignment]  # a sibling class, on purpose
        return getattr(compiled, name)


class CompiledPattern(_Source):
    """A ``LazyPattern`` once compiled: the compiled pattern's attributes are its own."""


PATTERNS: list[tuple[str, int]] = []
"""The source and flags of every pattern made by `compile`, in the order
made: what the build stores engine code for."""


def compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """Like ``re.compile``, compiled on first use (see the module docstring).

    The object is a `LazyPattern` (a `CompiledPattern` once used) that
    answers every method call an ``re.Pattern`` does: typed as one."""
    PATTERNS.append((source, flags))
    # Not typing.cast: a run need not import typing.
    return LazyPattern(source, flags)  # type: ignore[return-value]  # typed as one, on purpose


CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "regexes.marshal")
"""The engine code the build stored (see the module docstring)."""

# What the engine code is for: the interpreter, down to its build, and the
# engine's own version.
try:
    import _sre  # type: ignore[import-not-found]  # re's C engine: no type stubs

    INTERPRETER: str | None = f"{sys.version} / sre {_sre.MAGIC}"
except (ImportError, AttributeError):  # not CPython: nothing is stored for it
    INTERPRETER = None

# (source, flags) -> marshalled arguments of _sre.compile after the pattern,
# read at the first compile; empty when there is no usable file.
_stored: dict[tuple[str, int], bytes] | None = None


def stored() -> dict[tuple[str, int], bytes]:
    """The engine code stored for this interpreter, by (source, flags)."""
    global _stored
    if _stored is None:
        _stored = {}
        if INTERPRETER is not None:
            try:
                with open(CACHE, "rb") as data:
                    interpreter, patterns = marshal.loads(data.read())
            except (OSError, EOFError, ValueError, TypeError):
                pass  # no file, or not one the build wrote
            else:
                if interpreter == INTERPRETER and isinstance(patterns, dict):
                    _stored = patterns
    return _stored


def _compile(source: str, flags: int) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from the stored engine code if there is any."""
    arguments = stored().get((source, flags))
    if arguments is not None:
        try:
            return _sre.compile(source, *marshal.loads(arguments))
        except (EOFError, ValueError, TypeError, RuntimeError):
            pass  # damaged, or refused by the engine ("invalid SRE code")
    return re.compile(source, flags)
