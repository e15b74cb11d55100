"""The handbook's git send-email recipes, run with real ``git send-email
--dry-run`` on the handbook's own example patch: who would receive the mail.

Two recipes must reach exactly one address, whatever the patch's tags say:
first-patch's "try it on yourself" send (the reader's own address, not the
stable list, the reporter or the co-author) and maintainer-kvm-x86's fix of
an unpublished vulnerability (security@kernel.org, no public list). The
kernel documents that recipe rests on are checked in the 6.12 tree. The
git part of the recipe for the next version of a series runs too.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path

import kernel_tree
import pytest
from git_identity import ISOLATED
from handbook_sections import LANGS, page, section, section_blocks, section_commands

AUTHOR = ("Jane Developer", "jane@example.org")


def clean_example(path: Path, label: str) -> str:
    """The content of the first ``:expect: clean`` kvmcheck-example of a section."""
    for block in section_blocks(path, label):
        if any(line.strip() == ":expect: clean" for line in block.lines):
            content = [line[3:] for line in block.lines if not line.strip().startswith(":")]
            return "\n".join(content).strip("\n") + "\n"
    raise AssertionError(f"no clean example in section {label}")


def send_commands(path: Path, label: str) -> list[tuple[str, ...]]:
    return [
        command for command in section_commands(path, label) if command[:2] == ("git", "send-email")
    ]


def example_commit_message(lang: str, stable: str = "Cc: stable@vger.kernel.org") -> str:
    """first-patch's good changelog with its good tag block (reporter, Fixes:,
    stable, co-author), as one commit message."""
    text = page(lang, "first-patch")
    changelog = clean_example(text, "the-commit-message")
    changelog = (
        "\n".join(
            line for line in changelog.splitlines() if not line.startswith("Signed-off-by:")
        ).rstrip()
        + "\n"
    )
    trailers = clean_example(text, "credit-and-review-trailers")
    assert "Cc: stable@vger.kernel.org" in trailers
    return f"{changelog}\n{trailers.replace('Cc: stable@vger.kernel.org', stable)}"


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        **ISOLATED,
        "GIT_AUTHOR_NAME": AUTHOR[0],
        "GIT_AUTHOR_EMAIL": AUTHOR[1],
        "GIT_COMMITTER_NAME": AUTHOR[0],
        "GIT_COMMITTER_EMAIL": AUTHOR[1],
    }
    return subprocess.run(
        ["git", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def send_email() -> None:
    probe = subprocess.run(["git", "--exec-path"], capture_output=True, text=True, check=True)
    if not (Path(probe.stdout.strip()) / "git-send-email").exists():
        kernel_tree.unavailable("git send-email is not installed (make git-email installs it)")


def outgoing(tmp_path: Path, message: str) -> Path:
    """A repository with one commit carrying ``message``, formatted into outgoing/."""
    repo = tmp_path / "linux"
    repo.mkdir()
    assert git(repo, "init", "-q").returncode == 0
    doc = repo / "Documentation/virt/kvm/api.rst"
    doc.parent.mkdir(parents=True)
    doc.write_text("KVM_SET_TSC_KHZ\n")
    assert git(repo, "add", ".").returncode == 0
    assert git(repo, "commit", "-q", "-m", "Initial commit").returncode == 0
    doc.write_text("KVM_SET_TSC_KHZ\n\nA frequency of zero selects the host's.\n")
    assert git(repo, "commit", "-q", "-a", "-m", message).returncode == 0
    assert git(repo, "format-patch", "-q", "-1", "-o", "outgoing").returncode == 0
    return repo


def recipients(repo: Path, command: tuple[str, ...]) -> set[str]:
    """Who ``command`` (a git send-email command of a page) would send to."""
    patches = sorted(str(path.relative_to(repo)) for path in (repo / "outgoing").iterdir())
    args = [arg for arg in command[2:] if arg != "outgoing/*.patch"]
    if "--dry-run" not in args:
        args.insert(0, "--dry-run")
    result = git(repo, "send-email", "--confirm=never", *args, *patches)
    assert result.returncode == 0, f"{shlex.join(command)}: {result.stderr}"
    found = set(re.findall(r"^RCPT TO:<([^>]+)>$", result.stdout, re.MULTILINE))
    assert found, result.stdout
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_trying_it_on_yourself_sends_to_one_address(
    lang: str, tmp_path: Path, send_email: None
) -> None:
    text = page(lang, "first-patch")
    (try_it, *_) = send_commands(text, "with-git-send-email")
    assert "--suppress-cc=all" in try_it and f"--to={AUTHOR[1]}" in try_it
    repo = outgoing(tmp_path, example_commit_message(lang))
    assert recipients(repo, try_it) == {AUTHOR[1]}
    # What the flag prevents: the example's tags would all receive the test.
    leaky = tuple(arg for arg in try_it if arg != "--suppress-cc=all")
    assert {"stable@vger.kernel.org", "robin@example.org", "sam@example.org"} <= recipients(
        repo, leaky
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_next_version_folds_review_changes_into_the_patches(lang: str, tmp_path: Path) -> None:
    """first-patch's recipe for a new version, run as written (with the
    series' first commit standing in for what b4 prints as start-commit):
    the fix-up disappears into the patch it belongs to, no patch is added."""
    prose = " ".join(section(page(lang, "first-patch"), "with-b4").split())
    (fixup,) = re.findall(r"``(git commit --fixup=<[^>]+>)``", prose)
    (rebase,) = re.findall(r"``(git rebase -i --autosquash [^`]+)``", prose)
    assert '"$(b4 prep --show-info start-commit)"' in rebase
    repo = tmp_path / "series"
    repo.mkdir()
    assert git(repo, "init", "-q").returncode == 0
    for number in range(3):
        (repo / f"step{number}.c").write_text(f"int step{number};\n")
        assert git(repo, "add", ".").returncode == 0
        assert git(repo, "commit", "-q", "-m", f"KVM: x86: Step {number}").returncode == 0
    base, first = (git(repo, "rev-parse", f"HEAD~{n}").stdout.strip() for n in (2, 1))
    (repo / "step1.c").write_text("int step1 = 1;\n")  # what review asked of step 1
    assert git(repo, "add", ".").returncode == 0
    words = shlex.split(re.sub(r"<[^>]+>", first, fixup))
    assert git(repo, *words[1:]).returncode == 0
    words = shlex.split(rebase.replace('"$(b4 prep --show-info start-commit)"', base))
    # Accept the todo list the way an editor would, unchanged.
    result = git(repo, "-c", "sequence.editor=true", *words[1:])
    assert result.returncode == 0, result.stderr
    log = git(repo, "log", "--format=%s", f"{base}..").stdout.split("\n")
    assert [line for line in log if line] == ["KVM: x86: Step 2", "KVM: x86: Step 1"]
    assert git(repo, "show", "HEAD~1:step1.c").stdout == "int step1 = 1;\n"
    assert git(repo, "status", "--porcelain").stdout == ""
