"""The new-warnings gate, tested on small real Sphinx projects built with sphinx-build."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sphinx_project import build, make_project

CONF = """
warnings_gate_baseline = 'warnings-baseline.txt'
warnings_gate_update_hint = 'make warnings-baseline'
"""

CLEAN_PAGE = "Page {n}\n=======\n\nNothing wrong here.\n"
BROKEN_REF = "Broken\n======\n\nSee :ref:`no-such-label`.\n"
SHIFTED_BROKEN_REF = "Broken\n======\n\nA new paragraph.\n\nMore.\n\nSee :ref:`no-such-label`.\n"


class Project:
    """A throwaway Sphinx project with the gate, and its builds."""

    def __init__(self, root: Path, pages: int = 2, extensions: tuple[str, ...] = ()) -> None:
        self.root = root
        names = [f"page{n}" for n in range(pages)]
        toctree = "".join(f"   {name}\n" for name in names)
        sources = {name: CLEAN_PAGE.format(n=n) for n, name in enumerate(names)}
        sources["index"] = f"Index\n=====\n\n.. toctree::\n\n{toctree}"
        make_project(root, ["warnings_gate", *extensions], sources, conf_extra=CONF)

    def write(self, name: str, text: str) -> None:
        (self.root / name).write_text(text)

    @property
    def baseline(self) -> Path:
        return self.root / "warnings-baseline.txt"

    def build(
        self, *options: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess:
        return build(self.root, *options, env=env)

    def accept_current_warnings(self) -> None:
        result = self.build("-E", "-D", "warnings_gate_update=1")
        assert result.returncode == 0, result.stderr


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


def test_clean_build_passes_and_prints_nothing(project: Project) -> None:
    result = project.build()
    assert result.returncode == 0
    assert result.stderr == ""


def test_new_warning_fails_with_file_line_and_hint(project: Project) -> None:
    project.write("page1.rst", "Page\n====\n\nText.\n\nSee :ref:`no-such-label`.\n")
    result = project.build()
    assert result.returncode == 1
    assert "1 new warning(s)" in result.stderr
    assert "page1.rst:6: WARNING: [ref.ref] undefined label: 'no-such-label'" in result.stderr
    assert "make warnings-baseline" in result.stderr


def test_baselined_warning_passes(project: Project) -> None:
    project.write("page1.rst", BROKEN_REF)
    project.accept_current_warnings()
    assert "page1.rst: [ref.ref] undefined label: 'no-such-label'" in project.baseline.read_text()
    result = project.build("-E")
    assert result.returncode == 0, result.stderr
    assert "new warning" not in result.stderr


def test_line_shift_keeps_a_baselined_warning_known(project: Project) -> None:
    project.write("page1.rst", BROKEN_REF)
    project.accept_current_warnings()
    project.write("page1.rst", SHIFTED_BROKEN_REF)
    result = project.build()
    assert result.returncode == 0, result.stderr


def test_duplicates_are_counted(project: Project) -> None:
    project.write("page1.rst", BROKEN_REF)
    project.accept_current_warnings()
    project.write("page1.rst", BROKEN_REF + "\nAgain :ref:`no-such-label`.\n")
    result = project.build()
    assert result.returncode == 1
    assert "1 new warning(s)" in result.stderr


def test_fixed_warning_is_reported_and_fails_only_when_strict(project: Project) -> None:
    project.write("page1.rst", BROKEN_REF)
    project.accept_current_warnings()
    project.write("page1.rst", CLEAN_PAGE.format(n=1))
    relaxed = project.build()
    assert relaxed.returncode == 0
    assert "1 baselined warning(s) are gone — run `make warnings-baseline`" in relaxed.stderr
    strict = project.build("-E", env={"STRICT_BASELINE": "1"})
    assert strict.returncode == 1
    assert "are gone" in strict.stderr


def test_incremental_rebuild_still_fails(project: Project) -> None:
    project.write("page1.rst", BROKEN_REF)
    assert project.build().returncode == 1
    again = project.build()  # nothing changed: Sphinx would re-read nothing
    assert again.returncode == 1
    assert "no-such-label" in again.stderr


def test_parallel_build_fails_on_new_warning(tmp_path: Path) -> None:
    project = Project(tmp_path / "parallel", pages=12)
    project.write("page7.rst", "Page\n====\n\n.. unknown-directive::\n")
    project.write("page9.rst", BROKEN_REF)
    result = project.build("-j", "2")
    assert result.returncode == 1
    assert "2 new warning(s)" in result.stderr
    assert "page7.rst:4: WARNING: [docutils]" in result.stderr
    assert "page9.rst:4: WARNING: [ref.ref]" in result.stderr


def test_warning_in_included_file_is_attributed_to_it(project: Project) -> None:
    (project.root / "parts").mkdir()
    project.write("parts/snippet.inc", "Some text.\n\n.. no-such-directive::\n")
    project.write("page1.rst", "Page\n====\n\n.. include:: parts/snippet.inc\n")
    result = project.build()
    assert result.returncode == 1
    assert "parts/snippet.inc:3: WARNING: [docutils]" in result.stderr
    project.accept_current_warnings()
    assert project.baseline.read_text().count("parts/snippet.inc: [docutils]") == 1


def test_warning_from_a_custom_extension_counts(tmp_path: Path) -> None:
    project = Project(tmp_path / "custom", extensions=("noisy",))
    project.write(
        "noisy.py",
        (
            "from sphinx.util import logging\n"
            "logger = logging.getLogger(__name__)\n"
            "def warn(app, doctree):\n"
            "    logger.warning('noisy says hello', type='noisy', subtype='greeting',\n"
            "                   location=app.env.docname)\n"
            "def setup(app):\n"
            "    app.connect('doctree-read', warn)\n"
            "    return {'parallel_read_safe': True}\n"
        ),
    )
    result = project.build()
    assert result.returncode == 1
    assert "3 new warning(s)" in result.stderr  # index, page0, page1
    assert "index.rst: WARNING: [noisy.greeting] noisy says hello" in result.stderr


def test_suppressed_warnings_do_not_count(tmp_path: Path) -> None:
    project = Project(tmp_path / "suppressed")
    project.write("page1.rst", BROKEN_REF)
    (project.root / "conf.py").write_text(
        (project.root / "conf.py").read_text() + "suppress_warnings = ['ref.ref']\n"
    )
    result = project.build()
    assert result.returncode == 0, result.stderr


# -- incremental builds: references into changed pages ----------------------------

LABELLED = "Page\n====\n\n.. _target-label:\n\nTarget\n------\n\nText.\n"
UNLABELLED = "Page\n====\n\nTarget\n------\n\nText.\n"
REFERRING = "Referring\n=========\n\nSee :ref:`target-label`.\n"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_removed_label_fails_the_incremental_build(tmp_path: Path, jobs: str) -> None:
    """page1 is unchanged, so Sphinx would neither re-read nor re-write it and
    its HTML would keep a link to the anchor that no longer exists."""
    project = Project(tmp_path / "labels", pages=3)
    project.write("page0.rst", LABELLED)
    project.write("page1.rst", REFERRING)
    first = project.build("-j", jobs)
    assert first.returncode == 0, first.stderr
    assert 'href="page0.html#target-label"' in (
        project.root / "_build" / "html" / "page1.html"
    ).read_text(encoding="utf-8")

    project.write("page0.rst", UNLABELLED)
    result = project.build("-j", jobs)
    assert result.returncode == 1, result.stderr
    assert "page1.rst:4: WARNING: [ref.ref] undefined label: 'target-label'" in result.stderr
    assert 'href="page0.html#target-label"' not in (
        project.root / "_build" / "html" / "page1.html"
    ).read_text(encoding="utf-8")


def test_unrelated_change_stays_incremental(tmp_path: Path) -> None:
    """Only pages referencing a changed target are written again."""
    project = Project(tmp_path / "labels", pages=3)
    project.write("page0.rst", LABELLED)
    project.write("page1.rst", REFERRING)
    assert project.build().returncode == 0
    html = project.root / "_build" / "html"
    written = {name: (html / f"{name}.html").stat().st_mtime_ns for name in ("page1", "page2")}

    project.write("page0.rst", LABELLED + "\nMore text.\n")
    assert project.build().returncode == 0
    assert (html / "page1.html").stat().st_mtime_ns == written["page1"]
    assert (html / "page2.html").stat().st_mtime_ns == written["page2"]

    project.write("page0.rst", LABELLED.replace("Target\n------", "New title\n---------"))
    assert project.build().returncode == 0
    assert "New title" in (html / "page1.html").read_text(encoding="utf-8")
    assert (html / "page2.html").stat().st_mtime_ns == written["page2"]


# -- the baseline file ---------------------------------------------------------------


def test_baseline_bom_and_spaces_are_harmless(project: Project) -> None:
    project.write("page1.rst", BROKEN_REF)
    project.accept_current_warnings()
    lines = project.baseline.read_text(encoding="utf-8").splitlines()
    key = "page1.rst: [ref.ref] undefined label: 'no-such-label'"
    assert key in lines
    mangled = [
        f"  {line.replace(' [ref.ref] ', '  [ref.ref]   ')}  \t" if line == key else line
        for line in lines
    ]
    project.baseline.write_bytes("\ufeff".encode() + "\r\n".join(mangled).encode() + b"\r\n")
    result = project.build("-E")
    assert result.returncode == 0, result.stderr
    assert "new warning" not in result.stderr


@pytest.mark.parametrize(
    "spoil, words",
    [
        (
            lambda path: path.write_bytes(b"page1.rst: [ref.ref] undefined label: '\xff'\n"),
            "is not UTF-8 text",
        ),
        (lambda path: path.mkdir(), "is a directory"),
    ],
)
def test_unreadable_baseline_is_a_clear_error(project: Project, spoil, words: str) -> None:
    spoil(project.baseline)
    result = project.build()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Exception" not in result.stderr
    assert "warnings gate: cannot read the baseline:" in result.stderr
    assert words in result.stderr


def test_baseline_that_cannot_be_written_is_a_clear_error(project: Project) -> None:
    project.baseline.mkdir()
    result = project.build("-E", "-D", "warnings_gate_update=1")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "warnings gate: cannot write warnings-baseline.txt" in result.stderr
