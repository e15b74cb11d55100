"""The input plumbing a check and a fix share (kvmcheck/cli_input.py): the
same input problem gives the same message, in English and in Chinese, whether
kvmcheck checks the file, prints it fixed or rewrites it in place."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import kvmcheck.api
from kvmcheck.cli import main
from kvmcheck.rules._examples import patch

BAD = patch(subject="kvm: x86: reject unknown indices.")
# A check, a fix to standard output, a fix in place: one reader for all three.
MODES = {"check": [], "fix": ["--fix"], "fix-inplace": ["--fix-inplace"]}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(argv)
    return status, capsys.readouterr().err


@pytest.fixture(autouse=True)
def _no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "kvmcheck: {path}: more than 1 MiB of input in all; "
            "raise the limit with --max-input-size\n",
        ),
        ("zh_CN", "kvmcheck：{path}：输入总量超过 1 MiB；可用 --max-input-size 调高上限\n"),
    ],
)
def test_too_large_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: str, lang: str, expected: str
) -> None:
    big = tmp_path / "big.patch"
    big.write_text(BAD + "x" * (1 << 20), encoding="utf-8")
    status, err = run(["--lang", lang, "--max-input-size", "1", *MODES[mode], str(big)], capsys)
    assert (status, err) == (2, expected.format(path=big))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "kvmcheck: cannot read {path}: No such file or directory\n"),
        ("zh_CN", "kvmcheck：无法读取 {path}：No such file or directory\n"),
    ],
)
def test_missing_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: str, lang: str, expected: str
) -> None:
    missing = tmp_path / "missing.patch"
    status, err = run(["--lang", lang, *MODES[mode], str(missing)], capsys)
    assert (status, err) == (2, expected.format(path=missing))


@pytest.mark.parametrize("mode", ["check", "fix"])
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "kvmcheck: cannot read <stdin>: the stream is closed\n"),
        ("zh_CN", "kvmcheck：无法读取 <stdin>：该流已关闭\n"),
    ],
)
def test_closed_stdin(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    mode: str,
    lang: str,
    expected: str,
) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    status, err = run(["--lang", lang, *MODES[mode]], capsys)
    assert (status, err) == (2, expected)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "kvmcheck: --git-dir {path} is not a usable git repository: "),
        ("zh_CN", "kvmcheck：--git-dir {path} 不是可用的 git 仓库："),
    ],
)
def test_bad_git_dir_is_said_before_any_input_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: str, lang: str, expected: str
) -> None:
    nowhere = tmp_path / "nowhere"
    missing = tmp_path / "missing.patch"
    argv = ["--lang", lang, "--git-dir", str(nowhere), *MODES[mode], str(missing)]
    status, err = run(argv, capsys)
    assert status == 2
    assert err.startswith(expected.format(path=nowhere))
    assert err.count("\n") == 1  # one line: not also the missing input


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "kvmcheck: {path} is not a regular file; left unchanged\n"),
        ("zh_CN", "kvmcheck：{path} 不是普通文件，保持原样\n"),
    ],
)
def test_fix_inplace_refuses_what_is_not_a_regular_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    status, err = run(["--lang", lang, "--fix-inplace", str(fifo)], capsys)
    assert (status, err) == (2, expected.format(path=fifo))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "kvmcheck: {path} is read-only; left unchanged\n"),
        ("zh_CN", "kvmcheck：{path} 是只读文件，保持原样\n"),
    ],
)
def test_fix_inplace_refuses_a_read_only_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    target = tmp_path / "bad.patch"
    target.write_text(BAD, encoding="utf-8")
    target.chmod(0o444)
    status, err = run(["--lang", lang, "--fix-inplace", str(target)], capsys)
    assert (status, err) == (2, expected.format(path=target))
    assert target.read_text(encoding="utf-8") == BAD


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "kvmcheck: internal error (RuntimeError: boom); please report it with the input\n"),
        ("zh_CN", "kvmcheck：内部错误（RuntimeError：boom）；请连同输入一起报告此问题\n"),
    ],
)
def test_an_internal_error_is_one_line_in_the_readers_language(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    expected: str,
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(kvmcheck.api, "check_texts", broken)
    source = tmp_path / "bad.patch"
    source.write_text(BAD, encoding="utf-8")
    status, err = run(["--lang", lang, str(source)], capsys)
    assert (status, err) == (2, expected)


@pytest.mark.parametrize("extra", [0, 1, 100, 101, 5000])
def test_a_file_is_read_whole_whatever_size_it_said(tmp_path: Path, extra: int) -> None:
    """The file's size sizes the read, but a file that holds more than its
    size said (it grew, or a /proc file says 0) is still read to the end,
    within the budget."""
    from kvmcheck.cli_input import InputError, read_input

    path = tmp_path / "grows.patch"
    path.write_bytes(b"x" * 100)
    said = os.stat(path)
    path.write_bytes(b"y" * (100 + extra))
    real_fstat = os.fstat

    def stale_fstat(fd: int) -> os.stat_result:
        if os.path.samestat(real_fstat(fd), os.stat(path)):
            return said
        return real_fstat(fd)

    messages = {"cli.too-large": "{path}: over {limit} MiB"}
    with pytest.MonkeyPatch.context() as patch_os:
        patch_os.setattr(os, "fstat", stale_fstat)
        if extra <= 100:
            assert read_input(str(path), 200, 1, messages) == b"y" * (100 + extra)
        else:
            with pytest.raises(InputError, match=r"grows\.patch: over 1 MiB"):
                read_input(str(path), 200, 1, messages)
