"""The trimmed standard library the site serves to Pyodide
(_ext/playground_stdlib.py, playground/trace-stdlib.mjs)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import playground_assets
import playground_stdlib
import pytest
from sphinx.errors import ExtensionError

FULL_STDLIB = playground_assets.PYODIDE_DIR / playground_stdlib.STDLIB_ARCHIVE


def committed() -> dict[str, object]:
    return json.loads(playground_stdlib.KEEP_LIST.read_text(encoding="utf-8"))


def kept() -> frozenset[str]:
    return playground_stdlib.kept_modules(playground_assets.pyodide_version())


def test_trimmed_zip_keeps_only_the_listed_modules_as_they_were() -> None:
    data = playground_stdlib.trimmed_stdlib(FULL_STDLIB, kept())
    with zipfile.ZipFile(FULL_STDLIB) as full, zipfile.ZipFile(io.BytesIO(data)) as out:
        tops = {playground_stdlib.top_level_name(name) for name in out.namelist()}
        assert tops == kept() & {playground_stdlib.top_level_name(n) for n in full.namelist()}
        assert {"email", "re", "encodings", "pyodide", "_pyodide"} <= tops
        assert not tops & {"unittest", "xml", "http", "multiprocessing", "pydoc", "_pyrepl"}
        for member in out.infolist():
            original = full.getinfo(member.filename)
            assert out.read(member) == full.read(original), member.filename
            assert (member.date_time, member.compress_type) == (
                original.date_time,
                original.compress_type,
            )
    # About half the download, and the same bytes on every build.
    assert len(data) < 0.6 * FULL_STDLIB.stat().st_size
    assert playground_stdlib.trimmed_stdlib(FULL_STDLIB, kept()) == data


def test_a_list_traced_with_another_pyodide_stops_the_build(tmp_path: Path) -> None:
    old = tmp_path / "stdlib-modules.json"
    old.write_text(json.dumps({"pyodide": "0.27.0", "modules": ["re"]}), encoding="utf-8")
    with pytest.raises(ExtensionError) as raised:
        playground_stdlib.kept_modules("314.0.7", old)
    assert str(raised.value) == (
        "patch-checker: stdlib-modules.json was traced with Pyodide 0.27.0, but Pyodide "
        "314.0.7 is installed: run `make playground-stdlib` and commit the new list"
    )
