"""The command line when its streams or its input fail it: closed standard
input or output, a full disk, endless input.  Each ends with a clear message
and exit status 2, never a traceback (shared/spec/cli.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import kvmcheck
from kvmcheck.cli import DEFAULT_MAX_INPUT_MIB
from kvmcheck.rules._examples import patch

PACKAGE_ROOT = Path(kvmcheck.__file__).resolve().parent.parent
BAD = patch(subject="kvm: x86: reject unknown indices.")


def kvmcheck_run(
    *args: str,
    stdin=subprocess.DEVNULL,
    stdout=subprocess.PIPE,
    input: bytes | None = None,
    close_fds: tuple[int, ...] = (),
) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    env["PYTHONPATH"] = str(PACKAGE_ROOT)

    def close() -> None:
        for fd in close_fds:
            os.close(fd)

    if input is not None:
        stdin = None  # subprocess makes the pipe for ``input``
    return subprocess.run(
        [sys.executable, "-m", "kvmcheck", *args],
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        input=input,
        env=env,
        check=False,
        preexec_fn=close,
        timeout=120,
    )


def assert_clean_failure(result: subprocess.CompletedProcess, words: str) -> None:
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    assert stderr.startswith("kvmcheck: ") and words in stderr, stderr


@pytest.fixture
def bad_patch(tmp_path: Path) -> Path:
    path = tmp_path / "bad.patch"
    path.write_text(BAD, encoding="utf-8")
    return path


def test_closed_standard_input() -> None:
    assert_clean_failure(kvmcheck_run(close_fds=(0,)), "<stdin>")


def test_closed_standard_output(bad_patch: Path) -> None:
    assert_clean_failure(kvmcheck_run(str(bad_patch), close_fds=(1,)), "standard output")


def test_full_disk(bad_patch: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        result = kvmcheck_run(str(bad_patch), stdout=full)
    assert_clean_failure(result, "No space left on device")


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_full_disk_for_version_and_help(option: str) -> None:
    """argparse drops the failed write; kvmcheck must not report success."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        result = kvmcheck_run(option, stdout=full)
    assert_clean_failure(result, "No space left on device")


def test_closed_standard_error_keeps_messages_out_of_the_report() -> None:
    result = kvmcheck_run("/nonexistent/x.patch", close_fds=(2,))
    assert result.returncode == 2
    assert result.stdout == b""


def test_closed_standard_error_and_full_disk(bad_patch: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        result = kvmcheck_run(str(bad_patch), stdout=full, close_fds=(2,))
    assert result.returncode == 2


def test_endless_input_stops_at_the_limit() -> None:
    """``kvmcheck /dev/zero`` reads one byte past the limit, then stops."""
    result = kvmcheck_run("--max-input-size", "1", "/dev/zero")
    assert_clean_failure(result, "--max-input-size")
    assert "/dev/zero" in result.stderr.decode() and "1 MiB" in result.stderr.decode()


def test_default_limit() -> None:
    result = kvmcheck_run("/dev/zero")
    assert_clean_failure(result, f"{DEFAULT_MAX_INPUT_MIB} MiB")


def test_raising_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.patch"
    big.write_text(patch(notes="x" * 1_500_000), encoding="utf-8")
    assert_clean_failure(kvmcheck_run("--max-input-size", "1", str(big)), "--max-input-size")
    raised = kvmcheck_run("--max-input-size", "2", str(big))
    assert raised.returncode == 0, raised.stderr.decode()


def test_limit_counts_all_inputs_together(bad_patch: Path) -> None:
    """Standard input and a file together go over a limit neither does alone."""
    half = b"x" * (600 * 1024)
    bigger = bad_patch.with_name("half.patch")
    bigger.write_bytes(half)
    result = kvmcheck_run("--max-input-size", "1", "-", str(bigger), input=half)
    assert_clean_failure(result, "--max-input-size")


def test_limit_must_be_positive(bad_patch: Path) -> None:
    assert kvmcheck_run("--max-input-size", "0", str(bad_patch)).returncode == 2


@pytest.mark.parametrize(
    ("mode", "words"), [("--fix", "--max-input-size"), ("--fix-inplace", "is not a regular file")]
)
def test_fix_stops_at_the_limit_too(mode: str, words: str) -> None:
    """``--fix`` reads through the same bound: /dev/zero ends with a message
    (``--fix-inplace`` does not even read a device)."""
    result = kvmcheck_run(mode, "--max-input-size", "1", "/dev/zero")
    assert_clean_failure(result, words)
