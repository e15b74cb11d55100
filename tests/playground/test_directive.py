"""The patch-checker directive and its build hooks, on small real projects."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import patch_checker
import playground_assets
import playground_stdlib
import pytest
from html_page import Element, read_html
from playground_support import EXAMPLES, REPO, build_project


class Markup:
    """The parts of a page these tests look at."""

    def __init__(self, root: Element) -> None:
        self.checkers = [div.attrs for div in root.find_all("div", cls="patch-checker")]
        textareas = root.find_all("textarea")
        self.textareas = [textarea.attrs for textarea in textareas]
        self.textarea_text = [textarea.text() for textarea in textareas]
        scripts = root.find_all("script")
        self.scripts = [script.attrs for script in scripts]
        self.inline_scripts = [script.text() for script in scripts if "src" not in script.attrs]
        self.stylesheets = [link.get("href") for link in root.find_all("link", rel="stylesheet")]
        self.csp = [
            meta.get("content")
            for meta in root.find_all("meta", http_equiv="Content-Security-Policy")
        ]


def page(project: Path, name: str) -> Markup:
    return Markup(read_html(project / f"{name}.html"))


def policy(markup: Markup) -> dict[str, list[str]]:
    (content,) = markup.csp
    directives = {}
    for part in content.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_checkers_render_their_options(checker_project: Path) -> None:
    two = page(checker_project, "two")
    assert len(two.checkers) == 2
    assert len({checker["id"] for checker in two.checkers}) == 2
    assert two.textareas[0]["rows"] == "7"
    assert two.textareas[1]["rows"] == str(patch_checker.DEFAULT_ROWS)
    # The example is the box's initial text, byte for byte.
    example = (EXAMPLES / "shortlog-case.patch").read_text(encoding="utf-8")
    assert two.textarea_text[0] == example
    assert two.textarea_text[1] == ""
    assert all(c["data-timeout"] == str(patch_checker.DEFAULT_TIMEOUT_MS) for c in two.checkers)
    runaway = page(checker_project, "runaway")
    assert [c["data-timeout"] for c in runaway.checkers] == [
        "1",
        str(patch_checker.DEFAULT_TIMEOUT_MS),
    ]


def test_checker_speaks_the_page_language(checker_project: Path) -> None:
    english = page(checker_project, "two").checkers[0]
    chinese = page(checker_project, "handbook/zh_CN/check").checkers[0]
    assert english["data-lang"] == "en"
    assert chinese["data-lang"] == "zh_CN"
    assert chinese["lang"] == "zh-CN"
    text = (checker_project / "handbook/zh_CN/check.html").read_text(encoding="utf-8")
    assert "待检查的补丁" in text
    assert "正在加载 Python" in chinese["data-messages"]


def test_without_javascript_the_markup_explains_the_command_line(checker_project: Path) -> None:
    text = (checker_project / "two.html").read_text(encoding="utf-8")
    fallback = re.search(r'<div class="patch-checker-fallback">(.*?)</div>', text, re.DOTALL)
    assert fallback and "kvmcheck" in fallback.group(1) and "pip install" in fallback.group(1)
    # The interactive part is hidden until the script shows it.
    assert '<form class="patch-checker-form" hidden>' in text


def test_assets_and_policy_only_on_pages_with_a_checker(checker_project: Path) -> None:
    plain_text = (checker_project / "plain.html").read_text(encoding="utf-8")
    assert "patch-checker" not in plain_text
    assert "Content-Security-Policy" not in plain_text
    two = page(checker_project, "two")
    modules = [s["src"] for s in two.scripts if s.get("type") == "module"]
    # The entry point, which starts the checkers (patch-checker.js's init).
    assert len(modules) == 1 and "/start.js" in modules[0]
    # The one classic script: it explains a page opened from file://, where
    # browsers refuse module scripts.
    classic = [s for s in two.scripts if "/from-disk.js" in s.get("src", "")]
    assert len(classic) == 1 and classic[0].get("type") != "module"
    assert "defer" in classic[0]
    assert any("/patch-checker.css" in href for href in two.stylesheets)
    assert len(two.csp) == 1


def test_load_time_limit_comes_from_the_configuration(
    checker_project: Path, tmp_path: Path
) -> None:
    default = page(checker_project, "two").checkers[0]
    assert default["data-load-timeout"] == str(patch_checker.DEFAULT_LOAD_TIMEOUT_MS)
    result = build_project(
        tmp_path,
        {"index": "Check\n=====\n\n.. patch-checker::\n"},
        conf_extra="patch_checker_load_timeout = 4321\n",
    )
    assert result.returncode == 0, result.stderr
    (checker,) = page(tmp_path / "_build" / "html", "index").checkers
    assert checker["data-load-timeout"] == "4321"


def test_script_only_controls_are_in_the_hidden_form(checker_project: Path) -> None:
    text = (checker_project / "two.html").read_text(encoding="utf-8")
    form = re.search(r'<form class="patch-checker-form" hidden>(.*?)</form>', text, re.DOTALL)
    assert form
    for action in ("check", "share", "copy", "fix", "undo", "restore"):
        assert f'data-action="{action}"' in form.group(1), action
    assert "data-share-link" in form.group(1)


def test_policy_lets_pyodide_and_the_theme_run(checker_project: Path) -> None:
    two = page(checker_project, "two")
    rules = policy(two)
    assert "'wasm-unsafe-eval'" in rules["script-src"]
    assert "'unsafe-inline'" not in rules["script-src"]
    assert rules["worker-src"] == ["'self'"]
    assert rules["connect-src"] == ["'self'"]
    assert rules["object-src"] == ["'none'"]
    # The theme's inline script (light/dark switch) is allowed by its hash.
    assert two.inline_scripts
    for script in two.inline_scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in rules["script-src"]
    assert patch_checker.INLINE_SCRIPTS_TOKEN not in two.csp[0]


def static_dirs(project: Path) -> tuple[Path, Path]:
    base = project / "_static" / "patch-checker"
    (pyodide,) = base.glob("pyodide-*")
    (assets,) = (path for path in base.iterdir() if path != pyodide)
    return assets, pyodide


def test_output_holds_pyodide_core_the_front_end_and_the_package(checker_project: Path) -> None:
    assets, pyodide = static_dirs(checker_project)
    core = playground_assets.PYODIDE_CORE_FILES
    assert sorted(p.name for p in pyodide.iterdir()) == sorted(core)
    for name in core:
        if name not in {playground_assets.LOCK_FILE, playground_stdlib.STDLIB_ARCHIVE}:
            assert (pyodide / name).read_bytes() == (
                playground_assets.PYODIDE_DIR / name
            ).read_bytes()
    # The standard library holds what kvmcheck uses (test_playground_stdlib.py),
    # and the folder's name changes with it, so no browser keeps an old one.
    stdlib = (pyodide / playground_stdlib.STDLIB_ARCHIVE).read_bytes()
    version = playground_assets.pyodide_version()
    assert stdlib == playground_stdlib.trimmed_stdlib(
        playground_assets.PYODIDE_DIR / playground_stdlib.STDLIB_ARCHIVE,
        playground_stdlib.kept_modules(version),
    )
    assert re.fullmatch(rf"pyodide-{re.escape(version)}-[0-9a-f]{{8}}", pyodide.name)
    # The lock file keeps what Pyodide checks at start and lists no package.
    lock = json.loads((pyodide / playground_assets.LOCK_FILE).read_text(encoding="utf-8"))
    original = json.loads(
        (playground_assets.PYODIDE_DIR / playground_assets.LOCK_FILE).read_text(encoding="utf-8")
    )
    assert lock == {"info": original["info"], "packages": {}}
    assert sorted(p.name for p in assets.iterdir()) == sorted(
        [*playground_assets.WEB_FILES, playground_assets.PACKAGE_ARCHIVE]
    )
    checker = page(checker_project, "two").checkers[0]
    assert checker["data-package-url"] == (
        f"_static/patch-checker/{assets.name}/{playground_assets.PACKAGE_ARCHIVE}"
    )
    assert checker["data-pyodide-url"] == f"_static/patch-checker/{pyodide.name}/"
    pages = page(checker_project, "handbook/zh_CN/check").checkers[0]
    assert pages["data-worker-url"] == f"../../_static/patch-checker/{assets.name}/worker.js"
    # The size of every file loading downloads, for the progress bar.
    # The reminders the page folds into one line come from the rule table.
    assert json.loads(checker["data-reminders"]) == ["base-commit-missing", "selftests-missing"]
    sizes = json.loads(checker["data-load-bytes"])
    assert sizes == {
        **{name: (pyodide / name).stat().st_size for name in core},
        playground_assets.PACKAGE_ARCHIVE: (assets / playground_assets.PACKAGE_ARCHIVE)
        .stat()
        .st_size,
    }


def test_package_archive_holds_every_package_file(checker_project: Path) -> None:
    """All of kvmcheck but the engine code the build stores for its own
    Python, which Pyodide's would ignore."""
    assets, _ = static_dirs(checker_project)
    sources = REPO / "playground" / "kvmcheck"
    expected = {
        path.relative_to(sources.parent).as_posix(): path.read_bytes()
        for path in sources.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.name != "regexes.marshal"
    }
    assert "kvmcheck/data/typos.txt" in expected
    with zipfile.ZipFile(assets / playground_assets.PACKAGE_ARCHIVE) as archive:
        assert {name: archive.read(name) for name in archive.namelist()} == expected


def test_package_archive_is_importable(checker_project: Path) -> None:
    # As in the worker, where the unpacked kvmcheck/ folder sits on sys.path;
    # -I -S: no installed kvmcheck can answer instead.
    assets, _ = static_dirs(checker_project)
    archive = assets / playground_assets.PACKAGE_ARCHIVE
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import kvmcheck.api;"
        "print(kvmcheck.api.__file__)"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-c", script, str(archive)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(str(archive))


def copy_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of kvmcheck that playground_assets builds from."""
    package = tmp_path / "playground" / "kvmcheck"
    shutil.copytree(
        playground_assets.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__")
    )
    monkeypatch.setattr(playground_assets, "PLAYGROUND", package.parent)
    monkeypatch.setattr(playground_assets, "PACKAGE_DIR", package)
    return package


def test_package_archive_is_written_only_when_the_package_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = copy_package(tmp_path, monkeypatch)
    outdir = tmp_path / "html"
    first = playground_assets.install(outdir, serve_pyodide=False)
    archive = outdir / first.package_archive
    stamp = archive.stat().st_mtime_ns
    again = playground_assets.install(outdir, serve_pyodide=False)
    assert again == first and archive.stat().st_mtime_ns == stamp
    # Package data (not only modules) goes in; the old folder goes away.
    (package / "data").mkdir(exist_ok=True)
    (package / "data" / "words.txt").write_text("teh the\n", encoding="utf-8")
    changed = playground_assets.install(outdir, serve_pyodide=False)
    assert changed.directory != first.directory
    assert not (outdir / first.directory).exists()
    with zipfile.ZipFile(outdir / changed.package_archive) as updated:
        assert updated.read("kvmcheck/data/words.txt") == b"teh the\n"


def test_package_archive_is_the_same_for_the_same_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_package(tmp_path, monkeypatch)
    one, two = tmp_path / "one.zip", tmp_path / "two.zip"
    playground_assets.write_package_archive(one)
    playground_assets.write_package_archive(two)
    assert one.read_bytes() == two.read_bytes()


def test_unknown_example_is_a_clear_build_error(tmp_path: Path) -> None:
    result = build_project(tmp_path, {"index": "T\n=\n\n.. patch-checker::\n   :example: nope\n"})
    assert result.returncode != 0
    assert "unknown example 'nope'" in result.stderr
    assert "shortlog-case" in result.stderr


def test_pyodide_can_come_from_elsewhere(tmp_path: Path) -> None:
    url = "https://cdn.example.org/pyodide/v314.0.7/full/"
    result = build_project(
        tmp_path,
        {"index": "T\n=\n\n.. patch-checker::\n"},
        conf_extra=f"patch_checker_pyodide_url = {url!r}\n",
    )
    assert result.returncode == 0, result.stderr
    html = tmp_path / "_build" / "html"
    markup = page(html, "index")
    assert markup.checkers[0]["data-pyodide-url"] == url
    rules = policy(markup)
    assert "https://cdn.example.org" in rules["script-src"]
    assert "https://cdn.example.org" in rules["connect-src"]
    # Nothing of Pyodide is copied when the site does not serve it.
    assert not list((html / "_static" / "patch-checker").glob("pyodide-*"))


@pytest.mark.parametrize("name", sorted(patch_checker.examples()))
def test_examples_are_patches(name: str) -> None:
    text = patch_checker.examples()[name].read_text(encoding="utf-8")
    assert text.startswith("From ") and "\nSubject: " in text and "\ndiff --git " in text
