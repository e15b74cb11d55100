"""translation_status: a stale Chinese page warns and says so on the page; the
mark-current command records only the pages it is given."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import translation_status
from sphinx_project import EXT, build, make_project

EN = """\
Guide
=====

Intro.

.. _alpha:

Alpha
-----

First text.

.. _beta:

Beta
----

Second text.
"""

ZH = """\
:translation-of: guide

指南
====

.. _alpha:

甲
--

第一段。

.. _beta:

乙
--

第二段。
"""

INDEX = ".. toctree::\n\n   handbook/en/guide\n   handbook/zh_CN/guide\n"


def project(root: Path) -> Path:
    return make_project(
        root,
        ["handbook_sections", "translation_status"],
        {
            "index": "Index\n=====\n\n" + INDEX,
            "handbook/en/guide": EN,
            "handbook/zh_CN/guide": ZH,
        },
    )


def mark_current(root: Path) -> None:
    translation = root / "handbook" / "zh_CN" / "guide.rst"
    assert translation_status.mark_current(translation, root)


def test_section_hashes_change_only_with_their_section() -> None:
    before = translation_status.section_hashes(EN)
    after = translation_status.section_hashes(EN.replace("Second text.", "Changed text."))
    assert set(before) == {"_top", "alpha", "beta"}
    assert translation_status.stale_sections(before, after) == ["beta"]
    # trailing spaces are no change
    assert translation_status.section_hashes(EN.replace("First text.", "First text.  ")) == before


def test_current_translation_builds_clean(tmp_path: Path) -> None:
    root = project(tmp_path)
    mark_current(root)
    assert ":translated-from: _top=" in (root / "handbook/zh_CN/guide.rst").read_text()
    result = build(root, "-W")
    assert result.returncode == 0, result.stderr
    page = (root / "_build/html/handbook/zh_CN/guide.html").read_text(encoding="utf-8")
    assert "translation-stale" not in page
    assert "translated-from" not in page  # metadata, not content


def test_changed_english_section_warns_and_shows_a_note(tmp_path: Path) -> None:
    root = project(tmp_path)
    mark_current(root)
    assert build(root).returncode == 0
    english = root / "handbook/en/guide.rst"
    english.write_text(EN.replace("Second text.", "Second text, now longer."), encoding="utf-8")
    result = build(root)  # incremental: the English page is a dependency
    assert "translation may be out of date" in result.stderr
    assert "beta" in result.stderr and "alpha" not in result.stderr.split("made:")[1]
    assert "[translation.stale]" in result.stderr
    page = (root / "_build/html/handbook/zh_CN/guide.html").read_text(encoding="utf-8")
    assert "This translation may be out of date" in page
    assert 'href="#beta"' in page and "乙" in page


def test_mark_current_command_records_the_new_english(tmp_path: Path) -> None:
    root = project(tmp_path)
    translation = root / "handbook/zh_CN/guide.rst"
    mark_current(root)
    (root / "handbook/en/guide.rst").write_text(EN + "\nMore.\n", encoding="utf-8")
    assert "translation may be out of date" in build(root).stderr
    command = [
        sys.executable,
        str(EXT / "translation_status.py"),
        "mark-current",
        str(translation),
        "--srcdir",
        str(root),
    ]
    first = subprocess.run(command, capture_output=True, text=True)
    assert first.returncode == 0 and "recorded the current English" in first.stdout
    second = subprocess.run(command, capture_output=True, text=True)
    assert "already current" in second.stdout
    assert build(root, "-W").returncode == 0


def test_mark_current_command_rejects_a_page_that_translates_nothing(tmp_path: Path) -> None:
    page = tmp_path / "page.rst"
    page.write_text("Title\n=====\n")
    command = [sys.executable, str(EXT / "translation_status.py"), "mark-current", str(page)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 2
    assert "no ':translation-of:' field" in result.stderr
    assert "Traceback" not in result.stderr


def test_real_handbook_page_goes_stale_when_its_english_changes(tmp_path: Path) -> None:
    repo = EXT.parent
    pages = {
        f"handbook/{lang}/maintainer-kvm-x86": (
            repo / "handbook" / lang / "maintainer-kvm-x86.rst"
        ).read_text(encoding="utf-8")
        for lang in ("en", "zh_CN")
    }
    index = "Index\n=====\n\n.. toctree::\n\n" + "".join(f"   {name}\n" for name in pages)
    # Only our two extensions: other pages and roles of the site are not needed.
    root = make_project(
        tmp_path,
        ["handbook_sections", "translation_status"],
        {"index": index, **pages},
        conf_extra="suppress_warnings = ['ref.ref', 'ref.doc']\n"
        "def setup(app):\n"
        "    from docutils.parsers.rst import directives\n"
        "    from docutils.parsers.rst.directives.misc import Class\n"
        "    directives.register_directive('patch-checker', Class)\n",
    )
    assert "translation may be out of date" not in build(root).stderr
    english = root / "handbook/en/maintainer-kvm-x86.rst"
    source = english.read_text(encoding="utf-8")
    shortlog = source.index(".. _shortlog:")
    edited = source[shortlog:].replace("\n\n", "\n\nNew rule.\n\n", 2)
    english.write_text(source[:shortlog] + edited, encoding="utf-8")
    result = build(root)
    assert "[translation.stale]" in result.stderr
    assert result.stderr.split("made: ")[1].split(" (")[0] == "shortlog"


def two_stale_translations(root: Path) -> tuple[Path, Path]:
    """``guide`` and ``other``, both translated, then both English pages edited."""
    project(root)
    other = root / "handbook" / "zh_CN" / "other.rst"
    other.write_text(ZH.replace("translation-of: guide", "translation-of: other"), encoding="utf-8")
    (root / "handbook" / "en" / "other.rst").write_text(EN, encoding="utf-8")
    guide = root / "handbook" / "zh_CN" / "guide.rst"
    for translation in (guide, other):
        assert translation_status.mark_current(translation, root)
    for name in ("guide", "other"):
        english = root / "handbook" / "en" / f"{name}.rst"
        english.write_text(EN.replace("Second text.", "Second text, changed."), encoding="utf-8")
    return guide, other


def run_mark_current(root: Path, *pages: Path) -> subprocess.CompletedProcess:
    command = [
        sys.executable,
        str(EXT / "translation_status.py"),
        "mark-current",
        *map(str, pages),
        "--srcdir",
        str(root),
    ]
    return subprocess.run(command, capture_output=True, text=True)


def test_mark_current_without_pages_lists_the_stale_ones_and_changes_nothing(
    tmp_path: Path,
) -> None:
    guide, other = two_stale_translations(tmp_path)
    before = {path: path.read_bytes() for path in (guide, other)}
    result = run_mark_current(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "handbook/zh_CN/guide.rst: beta" in result.stdout
    assert "handbook/zh_CN/other.rst: beta" in result.stdout
    assert "Nothing was marked" in result.stdout
    assert {path: path.read_bytes() for path in (guide, other)} == before


def test_mark_current_marks_only_the_pages_named(tmp_path: Path) -> None:
    guide, other = two_stale_translations(tmp_path)
    untouched = other.read_bytes()
    marked = run_mark_current(tmp_path, guide)
    assert marked.returncode == 0 and "recorded the current English" in marked.stdout
    assert other.read_bytes() == untouched
    assert translation_status.stale_translations(tmp_path) == {other: ["beta"]}
    listing = run_mark_current(tmp_path)
    assert "other.rst" in listing.stdout and "guide.rst" not in listing.stdout


def test_mark_current_without_stale_pages_says_so(tmp_path: Path) -> None:
    root = project(tmp_path)
    mark_current(root)
    result = run_mark_current(root)
    assert result.returncode == 0
    assert "Every translation matches the current English." in result.stdout


def test_make_target_without_pages_changes_no_page() -> None:
    repo = EXT.parent
    pages = sorted((repo / "handbook").rglob("*.rst"))
    before = [path.read_bytes() for path in pages]
    # -o: the environment is installed already; never reinstall it here.
    command = [
        "make",
        "--no-print-directory",
        "-o",
        ".venv/.docs-stamp",
        "translations-mark-current",
    ]
    result = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    stale = translation_status.stale_translations(repo)
    expected = "Nothing was marked" if stale else "Every translation matches"
    assert expected in result.stdout
    assert [path.read_bytes() for path in pages] == before
