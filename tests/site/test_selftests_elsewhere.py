"""Selftests built on one machine and run on another, as first-patch shows:
the make targets and paths are the 6.12 tree's, and the tree's own runner
(``run_kselftest.sh`` with ``kselftest/runner.sh``) honours a ``settings``
timeout, ``-o`` and ``-o 0`` and names tests ``kvm:<program>`` as the page
says."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import kernel_tree
import pytest
from handbook_sections import LANGS, page, section, section_commands

PAGES = [page(lang, "first-patch") for lang in LANGS]
SECTION = "selftests-on-another-machine"
SELFTESTS = Path("tools/testing/selftests")
ids = {"ids": lambda path: path.parent.name}


@pytest.fixture(scope="module")
def tree() -> Path:
    return kernel_tree.tree()


@pytest.mark.parametrize("path", PAGES, **ids)
def test_build_side_targets_and_paths_are_the_trees(path: Path, tree: Path) -> None:
    shown = section_commands(path, SECTION)
    assert shown[:2] == [
        ("make", "headers"),
        ("make", "-C", str(SELFTESTS), "TARGETS=kvm", "gen_tar"),
    ]
    makefile = (tree / SELFTESTS / "Makefile").read_text()
    assert re.search(r"^gen_tar: install$", makefile, re.MULTILINE)
    assert re.search(r"^install: all$", makefile, re.MULTILINE)
    # In-tree builds (no O=) install under the selftests directory.
    assert "KSFT_INSTALL_PATH ?= $(BUILD)/kselftest_install" in makefile
    assert "BUILD := $(CURDIR)" in makefile
    assert "FORMAT ?= .gz" in makefile
    assert "${INSTALL_PATH}/kselftest-packages/kselftest.tar${FORMAT}" in makefile
    assert "install -m 744 run_kselftest.sh $(INSTALL_PATH)/" in makefile
    lib = (tree / SELFTESTS / "lib.mk").read_text()
    # rsync copies each program without its x86_64/ directory, and the list
    # names it by its basename: kvm:<program>.
    assert "rsync -a --copy-unsafe-links $(INSTALL_LIST) $(INSTALL_PATH)/" in lib
    assert "BASENAME_TEST=`basename $$TEST`" in lib
    assert 'echo "$(COLLECTION):$$BASENAME_TEST"' in lib
    text = section(path, SECTION)
    for words in (
        "kselftest_install/",
        "kselftest-packages/kselftest.tar.gz",
        "KSFT_INSTALL_PATH=",
        "rsync",
        "120",
        "45",
    ):
        assert words in text
    # The test the page runs by name exists, in the x86_64/ directory of 6.12.
    (name,) = [c[2].split(":")[1] for c in shown if c[1:2] == ("-t",)]
    assert (
        f"TEST_GEN_PROGS_x86_64 += x86_64/{name}\n"
        in (tree / SELFTESTS / "kvm" / "Makefile").read_text()
    )


def test_the_timeouts_are_the_trees(tree: Path) -> None:
    assert (tree / SELFTESTS / "kvm" / "settings").read_text().split() == ["timeout=120"]
    runner = (tree / SELFTESTS / "kselftest" / "runner.sh").read_text()
    assert "export kselftest_default_timeout=45" in runner
    # make run_tests in the tree goes through the same runner.
    assert ". $(selfdir)/kselftest/runner.sh;" in (tree / SELFTESTS / "lib.mk").read_text()


@pytest.fixture
def installed(tree: Path) -> Iterator[Path]:
    """What ``install`` leaves, with two stand-in KVM tests and a short limit
    in kvm/settings: the tree's runner, not a copy of its logic."""
    if shutil.which("timeout") is None or shutil.which("perl") is None:
        kernel_tree.unavailable("coreutils timeout and perl are needed by the kselftest runner")
    # Readable by the unprivileged user the runner runs as (below).
    root = Path(tempfile.mkdtemp(prefix="kselftest-install-"))
    try:
        shutil.copy(tree / SELFTESTS / "run_kselftest.sh", root)
        shutil.copytree(tree / SELFTESTS / "kselftest", root / "kselftest")
        kvm = root / "kvm"
        kvm.mkdir()
        (kvm / "quick").write_text("#!/bin/sh\nexit 0\n")
        (kvm / "slow").write_text("#!/bin/sh\nsleep 2\n")
        (kvm / "settings").write_text("timeout=1\n")
        (root / "kselftest-list.txt").write_text("kvm:quick\nkvm:slow\n")
        for path in [root, *root.rglob("*")]:
            path.chmod(0o755)
        yield root
    finally:
        shutil.rmtree(root)


def run_kselftest(root: Path, *args: str) -> str:
    command = ["./run_kselftest.sh", *args]
    # As root the runner would write to the host's /dev/kmsg; run it as nobody.
    if os.geteuid() == 0 and shutil.which("setpriv"):
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    # The runner reopens /dev/stdout, which that user may not do on a pipe
    # of ours: hand it a file anyone may write.
    output = root / "output.txt"
    output.touch(mode=0o666)
    output.chmod(0o666)
    with output.open("r+") as stdout:
        result = subprocess.run(
            command,
            cwd=root,
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert "No such" not in result.stderr, result.stderr
    text = output.read_text()
    output.unlink()
    return text


def test_runner_honours_settings_and_the_override(installed: Path) -> None:
    assert run_kselftest(installed, "-l").split() == ["kvm:quick", "kvm:slow"]
    timed_out = run_kselftest(installed, "-c", "kvm")
    assert "ok 1 selftests: kvm: quick\n" in timed_out
    assert "not ok 2 selftests: kvm: slow # TIMEOUT 1 seconds" in timed_out
    longer = run_kselftest(installed, "-t", "kvm:slow", "-o", "5")
    assert "ok 1 selftests: kvm: slow\n" in longer and "TIMEOUT" not in longer
    unlimited = run_kselftest(installed, "-t", "kvm:slow", "-o", "0")
    assert "ok 1 selftests: kvm: slow\n" in unlimited and "TIMEOUT" not in unlimited


@pytest.mark.parametrize("path", PAGES, **ids)
def test_the_page_runs_the_runner_with_its_real_options(path: Path) -> None:
    runs = [c for c in section_commands(path, SECTION) if c[0] == "./run_kselftest.sh"]
    assert [c[1:] for c in runs] == [
        ("-c", "kvm"),
        ("-t", "kvm:tsc_scaling_sync"),
        ("-c", "kvm", "-o", "600"),
    ]
    text = section(path, SECTION)
    assert "``-o 0``" in text and "``-l``" in text and "# TIMEOUT 120 seconds" in text
