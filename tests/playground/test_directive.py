"""The patch-checker directive and its build hooks, on small real projects."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import patch_checker
import playground_assets
import pytest
from playground_support import EXAMPLES, REPO, build_project


class Markup(HTMLParser):
    """The parts of a page these tests look at."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.checkers: list[dict[str, str]] = []
        self.textareas: list[dict[str, str]] = []
        self.textarea_text: list[str] = []
        self.scripts: list[dict[str, str]] = []
        self.inline_scripts: list[str] = []
        self.stylesheets: list[str] = []
        self.csp: list[str] = []
        self._in: str | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "div" and "patch-checker" in values.get("class", "").split():
            self.checkers.append(values)
        elif tag == "textarea":
            self.textareas.append(values)
            self.textarea_text.append("")
            self._in = "textarea"
        elif tag == "script":
            self.scripts.append(values)
            if "src" not in values:
                self.inline_scripts.append("")
                self._in = "script"
        elif tag == "link" and values.get("rel") == "stylesheet":
            self.stylesheets.append(values["href"])
        elif tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.csp.append(values["content"])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("textarea", "script"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "textarea":
            self.textarea_text[-1] += data
        elif self._in == "script":
            self.inline_scripts[-1] += data


def page(project: Path, name: str) -> Markup:
    return Markup((project / f"{name}.html").read_text(encoding="utf-8"))


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
        "1", str(patch_checker.DEFAULT_TIMEOUT_MS)]


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
    assert len(modules) == 1 and "/patch-checker.js" in modules[0]
    assert any("/patch-checker.css" in href for href in two.stylesheets)
    assert len(two.csp) == 1


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
        assert (pyodide / name).read_bytes() == (playground_assets.PYODIDE_DIR / name).read_bytes()
    assert sorted(p.name for p in assets.iterdir()) == sorted(
        [*playground_assets.WEB_FILES, playground_assets.PACKAGE_ARCHIVE])
    checker = page(checker_project, "two").checkers[0]
    assert checker["data-package-url"] == (
        f"_static/patch-checker/{assets.name}/{playground_assets.PACKAGE_ARCHIVE}")
    assert checker["data-pyodide-url"] == f"_static/patch-checker/{pyodide.name}/"
    pages = page(checker_project, "handbook/zh_CN/check").checkers[0]
    assert pages["data-worker-url"] == f"../../_static/patch-checker/{assets.name}/worker.js"


def test_package_archive_holds_every_package_file(checker_project: Path) -> None:
    assets, _ = static_dirs(checker_project)
    sources = REPO / "playground" / "kvmcheck"
    expected = {
        path.relative_to(sources.parent).as_posix(): path.read_bytes()
        for path in sources.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    with zipfile.ZipFile(assets / playground_assets.PACKAGE_ARCHIVE) as archive:
        assert {name: archive.read(name) for name in archive.namelist()} == expected


def test_package_archive_is_importable(checker_project: Path) -> None:
    # As in the worker, where the unpacked kvmcheck/ folder sits on sys.path;
    # -I -S: no installed kvmcheck can answer instead.
    assets, _ = static_dirs(checker_project)
    archive = assets / playground_assets.PACKAGE_ARCHIVE
    script = ("import sys; sys.path.insert(0, sys.argv[1]); import kvmcheck.api;"
              "print(kvmcheck.api.__file__)")
    result = subprocess.run([sys.executable, "-I", "-S", "-c", script, str(archive)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(str(archive))


def copy_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of kvmcheck that playground_assets builds from."""
    package = tmp_path / "playground" / "kvmcheck"
    shutil.copytree(playground_assets.PACKAGE_DIR, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(playground_assets, "PLAYGROUND", package.parent)
    monkeypatch.setattr(playground_assets, "PACKAGE_DIR", package)
    return package


def test_package_archive_is_written_only_when_the_package_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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
    result = build_project(tmp_path, {"index": "T\n=\n\n.. patch-checker::\n"},
                           conf_extra=f"patch_checker_pyodide_url = {url!r}\n")
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
