"""The Makefile's locations come from its own defaults or the command line,
never from the environment, and ``make clean`` stays inside the checkout."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# Exported by other tools' environments (Yocto exports BUILDDIR).
HOSTILE_ENV = {
    "BUILDDIR": "/some/other/build",
    "HOST": "0.0.0.0",
    "PORT": "9999",
    "VENV": "/some/other/venv",
}

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make(
    *args: str,
    cwd: Path = REPO,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in HOSTILE_ENV}
    environment.update(env or {})
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_exported_locations_are_ignored() -> None:
    result = make("-n", "clean", "serve", env=HOSTILE_ENV)
    assert result.returncode == 0, result.stderr
    assert 'rm -rf -- "_build" ' in result.stdout
    assert "--bind 127.0.0.1 --directory _build/html 8000" in result.stdout
    for value in HOSTILE_ENV.values():
        assert value not in result.stdout


def test_command_line_overrides_them() -> None:
    result = make(
        "-n", "clean", "serve", "BUILDDIR=out/site", "HOST=::1", "PORT=8123", env=HOSTILE_ENV
    )
    assert result.returncode == 0, result.stderr
    assert 'rm -rf -- "out/site" ' in result.stdout
    assert "--bind ::1 --directory out/site/html 8123" in result.stdout


@pytest.mark.parametrize("builddir", ["/tmp", ".", "..", "_build/../..", f"{REPO}-sibling"])
def test_clean_refuses_a_builddir_outside_the_checkout(builddir: str) -> None:
    result = make("-n", "clean", f"BUILDDIR={builddir}")
    assert result.returncode != 0
    assert "not inside this checkout; nothing removed" in result.stderr
    assert "rm -rf" not in result.stdout


def test_clean_removes_only_inside_the_checkout(tmp_path: Path) -> None:
    """A real run on a copy of the Makefile, with BUILDDIR exported and given."""
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    shutil.copy(REPO / "Makefile", checkout / "Makefile")
    (checkout / "_build").mkdir()
    outside = tmp_path / "precious"
    outside.mkdir()
    (outside / "keep").write_text("data", encoding="utf-8")

    refused = make("clean", f"BUILDDIR={outside}", cwd=checkout)
    assert refused.returncode != 0 and (outside / "keep").exists()

    cleaned = make("clean", cwd=checkout, env={"BUILDDIR": str(outside)})
    assert cleaned.returncode == 0, cleaned.stderr
    assert (outside / "keep").exists()
    assert not (checkout / "_build").exists()


def serve(port: int, builddir: Path) -> subprocess.Popen:
    """`make serve` on an already built site (-o htmldocs: no build first)."""
    environment = {k: v for k, v in os.environ.items() if k not in HOSTILE_ENV}
    return subprocess.Popen(
        [
            "make",
            "--no-print-directory",
            "-o",
            "htmldocs",
            "serve",
            f"PORT={port}",
            f"BUILDDIR={builddir}",
        ],
        cwd=REPO,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_serve_says_when_the_port_is_taken(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = serve(port, tmp_path)
        stdout, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert f"port {port} on 127.0.0.1 is already in use" in stderr
    assert f"make serve PORT={port + 1}" in stderr
    assert "Traceback" not in stdout + stderr


def test_serve_serves_the_site(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "index.html").write_text("<p>the site</p>", encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = serve(port, tmp_path)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    assert answer.read() == b"<p>the site</p>"
                    break
            except OSError:
                assert time.monotonic() < deadline, process.stderr
                time.sleep(0.2)
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_the_build_prints_no_third_party_debug(site_build: subprocess.CompletedProcess) -> None:
    output = site_build.stdout + site_build.stderr
    # What myst-parser logs on every build unless quiet_build_log drops it.
    assert "MdParserConfig(" not in output
    assert not [line for line in output.splitlines() if line.startswith("myst v")]
    # Our own progress is still there.
    assert "build succeeded" in output


FAKE_SPHINX = """#!/bin/sh
echo "start $$" >> "{log}"
sleep 1
echo "end $$" >> "{log}"
"""


@pytest.mark.skipif(shutil.which("flock") is None, reason="flock(1) is not installed")
def test_two_builds_in_one_checkout_take_turns(tmp_path: Path) -> None:
    """Two `make htmldocs` at once into one output folder (real runs of the
    Makefile, in a copy, with a sphinx-build that takes a second): the
    second starts only when the first has ended."""
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    shutil.copy(REPO / "Makefile", checkout / "Makefile")
    log = tmp_path / "builds.log"
    fake = tmp_path / "sphinx-build"
    fake.write_text(FAKE_SPHINX.format(log=log))
    fake.chmod(0o755)
    # The prerequisites (the venv, the word list, npm) are not what is tested.
    old = [
        "-o",
        ".venv/.docs-stamp",
        "-o",
        "playground/kvmcheck/data/typos.txt",
        "-o",
        "playground/node_modules/.package-lock.json",
        "-o",
        "graphviz",
    ]
    command = ["make", "--no-print-directory", *old, "htmldocs", f"SPHINXBUILD={fake}"]
    builds = [
        subprocess.Popen(
            command, cwd=checkout, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    for build in builds:
        _, stderr = build.communicate(timeout=60)
        assert build.returncode == 0, stderr
    events = [line.split()[0] for line in log.read_text().splitlines()]
    assert events == ["start", "end", "start", "end"]
    assert (checkout / "_build" / ".build-lock").exists()
