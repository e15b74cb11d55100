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
"""

from __future__ import annotations

import re

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
        compiled = re.compile(self._source, self._flags)
        for attribute in _PATTERN_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        # A class with __getattr__ makes every attribute read take a slower,
        # unspecialised path (about a fifth more per call in a hot loop):
        # once compiled, the object becomes one of a class without the hook.
        self.__class__ = CompiledPattern  # type: ignore[assignment]  # a sibling class, on purpose
        return getattr(compiled, name)


class CompiledPattern(_Source):
    """A ``LazyPattern`` once compiled: the compiled pattern's attributes are its own."""


def compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """Like ``re.compile``, compiled on first use (see the module docstring).

    The object is a `LazyPattern` (a `CompiledPattern` once used) that
    answers every method call an ``re.Pattern`` does: typed as one."""
    # Not typing.cast: a run need not import typing.
    return LazyPattern(source, flags)  # type: ignore[return-value]  # typed as one, on purpose
