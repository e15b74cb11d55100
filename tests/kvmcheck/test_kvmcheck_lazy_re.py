"""kvmcheck.lazy_re: patterns compiled on first use, as fast as re's afterwards,
from the engine code the build stores (playground/build_regex_cache.py) when
it can: the same patterns as re.compile's, or re.compile itself."""

from __future__ import annotations

import _sre
import importlib
import marshal
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import build_regex_cache
import kvmcheck
from kvmcheck import lazy_re
from kvmcheck.lazy_re import CompiledPattern, LazyPattern
from kvmcheck.rules._examples import BODY, diff, patch


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


# --- the engine code the build stores ----------------------------------------------------

SAMPLE = patch(body=BODY + "\n\nCVE-2024-1234 the the guest-to-host escape.", diffs=diff())


@pytest.fixture
def cache_at(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """lazy_re reading its stored code from a file of the test's own."""
    path = tmp_path / "regexes.marshal"
    monkeypatch.setattr(lazy_re, "CACHE", str(path))
    monkeypatch.setattr(lazy_re, "_stored", None)
    return path


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], bytes]:
    """What the build writes, read back: run as the build runs it, in a
    process of its own (this one holds the tests' patterns too)."""
    target = tmp_path_factory.mktemp("data") / "regexes.marshal"
    subprocess.run(
        [sys.executable, build_regex_cache.__file__, str(target)],
        check=True,
        capture_output=True,
    )
    interpreter, stored = marshal.loads(target.read_bytes())
    assert interpreter == lazy_re.INTERPRETER
    return stored


def test_the_build_stores_every_pattern_of_kvmcheck(
    written: dict[tuple[str, int], bytes],
) -> None:
    """Every pattern a kvmcheck module holds, and no other."""
    in_modules = {(pattern._source, int(pattern._flags)) for pattern in module_patterns().values()}
    assert len(in_modules) > 100
    assert in_modules <= set(written)
    assert {source for source, _ in written} <= {source for source, _ in lazy_re.PATTERNS}


@given(st.data(), st.text(max_size=80))
def test_a_stored_pattern_matches_as_re_compiles_it(
    written: dict[tuple[str, int], bytes], data: st.DataObject, text: str
) -> None:
    source, flags = data.draw(st.sampled_from(sorted(written)))
    stored = _sre.compile(source, *marshal.loads(written[source, flags]))
    compiled = re.compile(source, flags)
    assert (stored.pattern, stored.flags, stored.groups, stored.groupindex) == (
        compiled.pattern,
        compiled.flags,
        compiled.groups,
        compiled.groupindex,
    )
    for sample in (text, SAMPLE):
        assert [m.span() for m in stored.finditer(sample)] == [
            m.span() for m in compiled.finditer(sample)
        ]


def test_a_pattern_is_made_from_the_stored_code(cache_at: Path) -> None:
    """The stored code is what the pattern runs, not re's: here the code of
    ``b+`` stored for the source ``a+`` makes a pattern that matches b."""
    code_of_b = build_regex_cache.engine_arguments([("b+", 0)])["b+", 0]
    cache_at.write_bytes(marshal.dumps((lazy_re.INTERPRETER, {("a+", 0): code_of_b})))
    pattern = lazy_re.compile("a+")
    assert pattern.pattern == "a+"
    assert pattern.fullmatch("bbb") is not None
    assert pattern.fullmatch("aaa") is None


@pytest.mark.parametrize(
    "content",
    [
        None,
        b"",
        b"not marshal data",
        marshal.dumps(("Python 2.7 / sre 1", {("a+", 0): marshal.dumps((32, [1], 0, {}, ()))})),
        marshal.dumps([1, 2, 3]),
    ],
    ids=["missing", "empty", "damaged", "another interpreter", "another shape"],
)
def test_without_a_usable_file_patterns_are_compiled_as_they_run(
    cache_at: Path, content: bytes | None
) -> None:
    if content is not None:
        cache_at.write_bytes(content)
    assert lazy_re.stored() == {}
    assert lazy_re.compile("a+").fullmatch("aaa") is not None


def test_code_the_engine_refuses_falls_back_to_re(cache_at: Path) -> None:
    refused = marshal.dumps((32, [1, 2, 3], 0, {}, (None,)))
    damaged = b"\x00"
    cache_at.write_bytes(
        marshal.dumps((lazy_re.INTERPRETER, {("a+", 0): refused, ("(c)", 0): damaged}))
    )
    assert lazy_re.compile("a+").fullmatch("aaa") is not None
    assert lazy_re.compile("(c)").fullmatch("c").group(1) == "c"


def test_the_installed_file_holds_every_pattern(written: dict[tuple[str, int], bytes]) -> None:
    """What `make` keeps up to date (and the benchmark measures): a pattern
    changed since would be compiled as kvmcheck runs."""
    if not Path(lazy_re.CACHE).is_file():
        pytest.skip(f"{lazy_re.CACHE} is not built (make builds it)")
    missing = written.keys() - lazy_re.stored().keys()
    assert not missing, f"run make: {len(missing)} patterns are not in {lazy_re.CACHE}"
