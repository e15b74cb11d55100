"""kvmcheck.lazy_re: patterns compiled on first use, as fast as re's afterwards."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys

import pytest

import kvmcheck
from kvmcheck import lazy_re
from kvmcheck.lazy_re import CompiledPattern, LazyPattern


def module_patterns() -> dict[str, LazyPattern | CompiledPattern]:
    """Every lazy pattern kvmcheck's modules define, by module and name."""
    found = {}
    for module_info in pkgutil.walk_packages(kvmcheck.__path__, "kvmcheck."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            for item in value if isinstance(value, tuple | list) else (value,):
                if isinstance(item, LazyPattern | CompiledPattern):
                    found[f"{module_info.name}.{name}"] = item
    return found


def test_a_pattern_compiles_on_first_use_and_then_answers_as_re_does() -> None:
    pattern = lazy_re.compile(r"(?P<word>[a-z]+)-(\d+)", re.IGNORECASE)
    assert type(pattern) is LazyPattern
    compiled = re.compile(r"(?P<word>[a-z]+)-(\d+)", re.IGNORECASE)
    text = "Take KVM-12 and vmx-3, not -4"
    assert pattern.search(text).groups() == compiled.search(text).groups() == ("KVM", "12")
    assert type(pattern) is CompiledPattern
    assert pattern.findall(text) == compiled.findall(text)
    assert pattern.sub(r"\2", text) == compiled.sub(r"\2", text) == "Take 12 and 3, not -4"
    assert [m.span() for m in pattern.finditer(text)] == [(5, 11), (16, 21)]
    assert pattern.match(text) is None and pattern.fullmatch("a-1") is not None
    assert pattern.split(text, 1) == compiled.split(text, 1)
    assert (pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex) == (
        compiled.pattern,
        compiled.flags,
        compiled.groups,
        compiled.groupindex,
    )


def test_once_compiled_a_call_goes_straight_to_the_compiled_pattern() -> None:
    """No Python code of lazy_re runs in a hot loop: the methods are the
    compiled pattern's own, and the class has no __getattr__ hook left."""
    pattern = lazy_re.compile(r"\d+")
    pattern.search("1")
    assert isinstance(pattern.search.__self__, re.Pattern)
    assert pattern.search is pattern.search  # stored, not rebuilt per read
    assert "__getattr__" not in vars(type(pattern))
    with pytest.raises(AttributeError):
        pattern.no_such_method  # noqa: B018 - the read is what is tested


def test_a_bad_pattern_fails_on_first_use() -> None:
    pattern = lazy_re.compile(r"(unclosed")
    with pytest.raises(re.error):
        pattern.search("x")


def test_every_module_pattern_of_kvmcheck_compiles() -> None:
    """A pattern only a rare input reaches is compiled here, not first by a user."""
    patterns = module_patterns()
    assert len(patterns) > 100
    for name, pattern in patterns.items():
        assert isinstance(pattern.pattern, str), name


def test_importing_kvmcheck_compiles_no_pattern() -> None:
    probe = (
        "import kvmcheck.api, kvmcheck.cli, kvmcheck.fix, kvmcheck.output, sys\n"
        "from kvmcheck.lazy_re import CompiledPattern\n"
        "print(sorted(f'{m.__name__}.{n}' for m in list(sys.modules.values())\n"
        "             if m.__name__.startswith('kvmcheck') for n, v in vars(m).items()\n"
        "             if isinstance(v, CompiledPattern)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
