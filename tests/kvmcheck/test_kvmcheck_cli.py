"""The command line as docs/using-kvmcheck.rst describes it: formats, options, exit status,
standard input, b4 and --git-dir."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kvmcheck
from kvmcheck.api import check_texts
from kvmcheck.cli import main
from kvmcheck.rules import RULES
from kvmcheck.rules._examples import patch

PACKAGE_ROOT = Path(kvmcheck.__file__).resolve().parent.parent
GOOD = patch()
BAD = patch(subject="kvm: x86: reject unknown indices.")  # errors and warnings
WARNING_ONLY = patch(subject="KVM: x86: Reject unknown indices in kvm_get_foo().")
LINE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+): (?P<sev>ERROR|WARNING|INFO): "
    r"\[(?P<rule>[a-z0-9-]+)\] (?P<message>.+)$"
)


def run(argv: list[str], capsys, monkeypatch, stdin: bytes | None = None, env: dict | None = None):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "KVMCHECK_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    if stdin is not None:

        class Stdin:
            buffer = __import__("io").BytesIO(stdin)

        monkeypatch.setattr(sys, "stdin", Stdin)
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def files(tmp_path: Path):
    def write(**texts: str) -> list[str]:
        paths = []
        for name, text in texts.items():
            path = tmp_path / f"{name}.patch"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        return paths

    return write


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "KVMCHECK_BASE_URL")
    }
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE_ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


# --- exit status and text format ------------------------------------------------


def test_clean_patch_exits_zero(files, capsys, monkeypatch) -> None:
    status, out, _ = run(files(good=GOOD), capsys, monkeypatch)
    assert status == 0
    assert "ERROR:" not in out and "WARNING:" not in out
    assert out.rstrip().splitlines()[-1].startswith("1 patch(es): 0 error(s), 0 warning(s)")


def test_text_format_lines(files, capsys, monkeypatch) -> None:
    (path,) = files(bad=BAD)
    status, out, _ = run([path], capsys, monkeypatch)
    assert status == 1
    findings = [LINE.match(line) for line in out.splitlines() if LINE.match(line)]
    assert {m["rule"] for m in findings} >= {
        "shortlog-prefix-case",
        "shortlog-capitalization",
        "shortlog-trailing-punctuation",
    }
    case = next(m for m in findings if m["rule"] == "shortlog-prefix-case")
    assert (case["file"], case["line"], case["sev"]) == (path, "3", "ERROR")
    assert "handbook/en/maintainer-kvm-x86.html#shortlog" in case["message"]
    lines = out.splitlines()
    heading = lines.index("Testing checklist:")
    assert lines[heading + 1].startswith("  - Build every patch")
    assert re.match(r"1 patch\(es\): 1 error\(s\), 1 warning\(s\)", lines[-1])
    assert case["message"].endswith(" [fixable: kvmcheck --fix]")


def test_warnings_fail_only_with_strict(files, capsys, monkeypatch) -> None:
    paths = files(warn=WARNING_ONLY)
    assert run(paths, capsys, monkeypatch)[0] == 0
    assert run(["--strict", *paths], capsys, monkeypatch)[0] == 1


def test_min_severity_hides_findings(files, capsys, monkeypatch) -> None:
    paths = files(bad=BAD)
    _, out, _ = run(["--min-severity", "error", *paths], capsys, monkeypatch)
    assert "ERROR:" in out and "WARNING:" not in out and "INFO:" not in out
    _, out, _ = run(["--min-severity", "warning", *paths], capsys, monkeypatch)
    assert "WARNING:" in out and "INFO:" not in out


def test_ignore_skips_rules(files, capsys, monkeypatch) -> None:
    paths = files(bad=BAD)
    status, out, _ = run(
        [
            "--ignore",
            "shortlog-prefix-case,shortlog-capitalization",
            "--ignore",
            "shortlog-trailing-punctuation",
            *paths,
        ],
        capsys,
        monkeypatch,
    )
    assert status == 0
    assert "[shortlog-" not in out


def test_unknown_rule_is_a_usage_error(files, capsys, monkeypatch) -> None:
    status, out, err = run(["--ignore", "no-such-rule", *files(good=GOOD)], capsys, monkeypatch)
    assert status == 2 and out == ""
    assert "no-such-rule" in err and "Traceback" not in err


def test_several_files_are_one_series(files, capsys, monkeypatch) -> None:
    one = GOOD.replace("[PATCH]", "[PATCH 1/2]")
    two = GOOD.replace("[PATCH]", "[PATCH 3/2]")
    status, out, _ = run(["--format", "json", *files(one=one, two=two)], capsys, monkeypatch)
    result = json.loads(out)
    assert status == 0  # series-numbering is a warning
    assert result["summary"]["patches"] == 2
    assert [p["index"] for p in result["patches"]] == [1, 2]
    assert any(f["rule"] == "series-numbering" for p in result["patches"] for f in p["findings"])


# --- formats ---------------------------------------------------------------------


def test_json_is_check_texts(files, capsys, monkeypatch) -> None:
    (path,) = files(bad=BAD)
    status, out, _ = run(["--format", "json", path], capsys, monkeypatch)
    expected = check_texts([(path, Path(path).read_bytes())])
    assert json.loads(out) == expected
    assert expected["version"] == 1 and status == 1
    finding = expected["patches"][0]["findings"][0]
    assert set(finding) == {"rule", "severity", "line", "message", "section", "url", "fixable"}


def test_github_format(files, capsys, monkeypatch) -> None:
    (path,) = files(bad=BAD)
    _, out, _ = run(["--format", "github", path], capsys, monkeypatch)
    assert re.search(
        rf"^::error file={re.escape(path)},line=3,title=shortlog-prefix-case::Use ", out, re.M
    )
    assert re.search(r"^::warning file=.*title=shortlog-trailing-punctuation::", out, re.M)
    assert re.search(r"^::notice file=.*title=shortlog-capitalization::", out, re.M)
    assert re.search(r"^::notice .*title=base-commit-missing::", out, re.M) is None  # has base


def test_language_option_and_locale(files, capsys, monkeypatch) -> None:
    paths = files(bad=BAD)
    _, out, _ = run(["--lang", "zh_CN", *paths], capsys, monkeypatch)
    assert "前缀名区分大小写" in out and "handbook/zh_CN/" in out and "测试清单：" in out
    _, out, _ = run(paths, capsys, monkeypatch, env={"LANG": "zh_CN.UTF-8"})
    assert "前缀名区分大小写" in out
    _, out, _ = run(
        paths, capsys, monkeypatch, env={"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}
    )
    assert "case sensitive" in out


def test_base_url(files, capsys, monkeypatch) -> None:
    paths = files(bad=BAD)
    _, out, _ = run(["--base-url", "https://kvm.example.org/", *paths], capsys, monkeypatch)
    assert "(https://kvm.example.org/handbook/en/maintainer-kvm-x86.html#shortlog)" in out
    _, out, _ = run(paths, capsys, monkeypatch, env={"KVMCHECK_BASE_URL": "https://h.example"})
    assert "(https://h.example/handbook/en/maintainer-kvm-x86.html#shortlog)" in out


def test_list_rules_and_version(capsys, monkeypatch) -> None:
    status, out, _ = run(["--list-rules"], capsys, monkeypatch)
    rows = [line.split("\t") for line in out.splitlines()]
    assert status == 0 and [row[0] for row in rows] == list(RULES)
    assert ["shortlog-too-long", "info|error", "maintainer-kvm-x86#shortlog"] in rows
    assert ["shortlog-prefix-case", "error", "maintainer-kvm-x86#shortlog"] in rows
    status, out, _ = run(["--version"], capsys, monkeypatch)
    assert status == 0 and out.strip() == f"kvmcheck {kvmcheck.__version__}"


# --- input ------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [[], ["-"]])
def test_standard_input(argv, capsys, monkeypatch) -> None:
    status, out, _ = run(argv, capsys, monkeypatch, stdin=BAD.encode())
    assert status == 1
    assert "<stdin>:3: ERROR: [shortlog-prefix-case]" in out


@pytest.mark.parametrize("make", [lambda p: p / "missing.patch", lambda p: p])
def test_unreadable_file(tmp_path: Path, make, capsys, monkeypatch) -> None:
    path = make(tmp_path)
    status, out, err = run([str(path)], capsys, monkeypatch)
    assert status == 2
    assert err.startswith(f"kvmcheck: cannot read {path}: ") and "Traceback" not in err
    assert out == ""


def test_binary_file_is_a_finding_not_a_crash(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR" + bytes(range(256)))
    status, out, err = run([str(path)], capsys, monkeypatch)
    assert status == 1 and err == ""
    assert f"{path}: ERROR: [input-unrecognized]" in out


def test_usage_error_exits_two(capsys, monkeypatch) -> None:
    status, _, err = run(["--format", "yaml"], capsys, monkeypatch)
    assert status == 2 and "usage:" in err


# --- real processes ---------------------------------------------------------------


def test_python_dash_m_and_console_script() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kvmcheck", "--version"],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        check=False,
    )
    assert result.returncode == 0 and result.stdout.startswith("kvmcheck ")
    script = Path(sys.executable).with_name("kvmcheck")
    if not script.exists():
        pytest.skip("kvmcheck is not installed in this environment")
    result = subprocess.run(
        [str(script), "--list-rules"],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        check=False,
    )
    assert result.returncode == 0 and len(result.stdout.splitlines()) == len(RULES)


def b4_check(patch_text: str, *options: str) -> tuple[int, list[str], list[str]]:
    """What b4's prep-perpatch-check-cmd does: one patch on stdin; every output
    line is reported, as a failure if it holds "ERROR:", else as a warning
    (stderr lines are failures)."""
    result = subprocess.run(
        [sys.executable, "-m", "kvmcheck", *options],
        input=patch_text.encode(),
        capture_output=True,
        env=subprocess_env(),
        check=False,
    )
    lines = [line for line in result.stdout.decode().strip().splitlines()]
    failures = [line for line in lines if "ERROR:" in line]
    failures += result.stderr.decode().strip().splitlines()
    return result.returncode, failures, [line for line in lines if "ERROR:" not in line]


def test_works_as_b4_per_patch_check() -> None:
    status, failures, _ = b4_check(BAD)
    assert status == 1
    assert failures and all("[shortlog-prefix-case]" in line for line in failures)
    status, failures, _ = b4_check(GOOD)
    assert status == 0 and failures == []


def test_terse_output_is_silent_on_a_clean_patch() -> None:
    """b4 shows "passed all checks" only when the command prints nothing."""
    assert b4_check(GOOD, "--terse") == (0, [], [])
    status, failures, warnings = b4_check(BAD, "--terse", "--min-severity", "warning")
    assert status == 1 and failures
    assert all(LINE.match(line) for line in failures + warnings)


def test_pre_commit_hook_reads_a_commit_message(tmp_path: Path) -> None:
    hooks = (PACKAGE_ROOT.parent / ".pre-commit-hooks.yaml").read_text()
    assert "id: kvmcheck" in hooks and "stages: [commit-msg]" in hooks
    message = tmp_path / "COMMIT_EDITMSG"
    message.write_text(
        "kvm: x86: fix foo\n\nWe fix foo.\n\n# Please enter the commit message for your changes.\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "kvmcheck", str(message)],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        check=False,
    )
    assert result.returncode == 1
    assert "[shortlog-prefix-case]" in result.stdout
    assert "[signoff-missing]" in result.stdout
    assert "Please enter" not in result.stdout


# --- --git-dir --------------------------------------------------------------------


@pytest.fixture
def kernel_tree(tmp_path: Path) -> tuple[Path, str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "linux"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "A",
        "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": "A",
        "GIT_COMMITTER_EMAIL": "a@example.org",
    }

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env
        ).stdout.strip()

    repo.mkdir()
    git("init", "-q")
    (repo / "x86.c").write_text("int foo;\n")
    git("add", "x86.c")
    git("commit", "-q", "-m", "KVM: x86: Add kvm_get_foo()")
    return repo, git("rev-parse", "HEAD")


def with_fixes(value: str, body: str | None = None) -> str:
    kwargs = {"trailers": f"Fixes: {value}\nSigned-off-by: Jane Developer <jane@example.org>"}
    if body is not None:
        kwargs["body"] = body
    return patch(**kwargs)


def test_git_dir_accepts_a_correct_fixes_tag(kernel_tree, files, capsys, monkeypatch) -> None:
    repo, sha = kernel_tree
    paths = files(p=with_fixes(f'{sha[:12]} ("KVM: x86: Add kvm_get_foo()")'))
    _, out, _ = run(["--git-dir", str(repo), *paths], capsys, monkeypatch)
    assert "fixes-tag-format" not in out


def test_git_dir_finds_unknown_commits_and_wrong_titles(
    kernel_tree, files, capsys, monkeypatch
) -> None:
    repo, sha = kernel_tree
    body = (
        f'Reject unknown indices, which commit {sha[:12]} ("KVM: x86: Add foo")\n'
        "forgot, and which commit 0badc0de0badc0de mentions."
    )
    paths = files(
        wrong=with_fixes(f'{sha[:12]} ("KVM: x86: Add foo")', body),
        unknown=with_fixes('0123456789ab ("KVM: x86: Add kvm_get_foo()")'),
    )
    _, out, _ = run(["--git-dir", str(repo), "--format", "json", *paths], capsys, monkeypatch)
    result = json.loads(out)
    wrong, unknown = ([(f["rule"], f["message"]) for f in p["findings"]] for p in result["patches"])
    assert (
        "fixes-tag-format",
        f"The 'Fixes:' title does not match commit {sha[:12]}: write "
        f"'Fixes: {sha[:12]} (\"KVM: x86: Add kvm_get_foo()\")'.",
    ) in wrong
    assert any(
        rule == "commit-reference-format" and "does not match" in message for rule, message in wrong
    )
    assert any(
        rule == "commit-reference-format" and "0badc0de0badc0de" in message
        for rule, message in wrong
    )
    assert any(
        rule == "fixes-tag-format" and "0123456789ab" in message and "not a commit" in message
        for rule, message in unknown
    )


def test_git_dir_must_be_a_repository(tmp_path: Path, files, capsys, monkeypatch) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    status, _, err = run(
        ["--git-dir", str(tmp_path / "nowhere"), *files(good=GOOD)], capsys, monkeypatch
    )
    assert status == 2
    assert err.startswith("kvmcheck: --git-dir ") and "Traceback" not in err


@pytest.mark.parametrize("argv", [["a.patch"], ["a.patch", "b.mbox"], [], ["", "x=y"]])
def test_file_names_only_get_the_options_argparse_would_give(argv: list[str]) -> None:
    """``kvmcheck FILE...`` skips argparse (start-up time): the options must be
    exactly those argparse gives when no option is named."""
    from kvmcheck.cli import _parse_args, _parser

    assert vars(_parse_args(argv)) == vars(_parser().parse_args(argv))
    assert type(_parse_args(argv)).__name__ == "SimpleNamespace"


@pytest.mark.parametrize("argv", [["-"], ["--", "-x.patch"], ["a.patch", "--strict"]])
def test_anything_like_an_option_goes_to_argparse(argv: list[str]) -> None:
    from kvmcheck.cli import _parse_args, _parser

    assert vars(_parse_args(argv)) == vars(_parser().parse_args(argv))
    assert type(_parse_args(argv)).__name__ == "Namespace"


def test_a_plain_run_imports_no_module_it_does_not_use(tmp_path: Path) -> None:
    """Start-up time of ``kvmcheck FILE``: argparse (with shutil) and json
    are imported only by the runs that use them; typing and dataclasses (with
    inspect) serve type checkers only, difflib the playground's fix view."""
    posting = tmp_path / "good.patch"
    posting.write_text(GOOD)
    probe = (
        "import sys; from kvmcheck.cli import main; sys.argv[1:] = [sys.argv[1]]; main(); "
        "print(sorted({'argparse', 'json', 'shutil', 'typing', 'dataclasses', 'inspect', "
        "'difflib'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(posting)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    assert result.stdout.splitlines()[-1] == "[]"
