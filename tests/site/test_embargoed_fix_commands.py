"""The embargoed-fix path of maintainer-kvm-x86: the page's ``git send-email``
dry run, on a patch with the page's tags, mails security@kernel.org and
nobody else, while the same command without ``--suppress-cc=all`` would
add every tag's address; and the 6.12 documents say what the page restates."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import kernel_tree
import pytest
from git_identity import IDENTITY, ISOLATED
from handbook_sections import LANGS, page, section, section_blocks, section_commands

from kvmcheck.api import check_texts
from kvmcheck.results import all_findings

PAGES = [page(lang, "maintainer-kvm-x86") for lang in LANGS]
SECTION = "embargoed-fixes"
ids = {"ids": lambda path: path.parent.name}


def run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        **ISOLATED,
        **IDENTITY,
    }
    return subprocess.run(
        command,
        shell=True,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def need_send_email() -> str:
    """``git send-email -h``'s text; skip (fail in CI) without git send-email."""
    if shutil.which("git") is None:
        kernel_tree.unavailable("git is not installed")
    result = subprocess.run(
        ["git", "send-email", "-h"], capture_output=True, text=True, check=False
    )
    if "is not a git command" in result.stderr:
        kernel_tree.unavailable("git send-email is not installed (Debian: git-email)")
    return result.stdout + result.stderr


def tag_block(path: Path) -> list[str]:
    (block,) = [
        block
        for block in section_blocks(path, SECTION)
        if any("Cc: stable@kernel.org" in line for line in block.lines)
    ]
    return [
        line.strip() for line in block.lines if line.strip() and not line.strip().startswith(":")
    ]


def send_commands(path: Path) -> list[str]:
    return [
        shlex.join(c) for c in section_commands(path, SECTION) if c[:2] == ("git", "send-email")
    ]


@pytest.fixture
def outgoing(tmp_path: Path) -> Path:
    """A repository with the fix, its tags as the page shows them, in outgoing/."""
    need_send_email()
    repo = tmp_path / "linux"
    repo.mkdir()
    assert (
        run("git init -q && git commit -q --allow-empty -m 'Initial commit'", repo).returncode == 0
    )
    (repo / "x86.c").write_text("int frob;\n")
    message = (
        "KVM: x86: Check the frob index\n\nCheck the frob index.\n\n"
        + "\n".join(tag_block(PAGES[0]))
        + "\n"
    )
    (repo / "message.txt").write_text(message)
    result = run(
        "git add x86.c && git commit -q -F message.txt && git format-patch -q -1 -o outgoing/", repo
    )
    assert result.returncode == 0, result.stderr
    return repo


def recipients(output: str) -> set[str]:
    """Every address a ``--dry-run`` would send to."""
    found = set()
    for line in output.splitlines():
        if match := re.match(r"^(To|Cc|RCPT TO):\s*(.*)$", line, re.IGNORECASE):
            found |= set(re.findall(r"[\w.+-]+@[\w.-]+", match.group(2)))
    return found


def test_both_pages_show_the_same_tags_and_commands() -> None:
    assert tag_block(PAGES[0]) == tag_block(PAGES[1])
    assert send_commands(PAGES[0]) == send_commands(PAGES[1])
    assert "Cc: stable@kernel.org" in tag_block(PAGES[0])


def test_kvmcheck_accepts_the_private_stable_address() -> None:
    message = (
        "KVM: x86: Check the frob index\n\nCheck the frob index.\n\n"
        + "\n".join(tag_block(PAGES[0]))
        + "\n"
    )
    rules = {f["rule"] for f in all_findings(check_texts([("fix.patch", message)]))}
    assert "signoff-missing" not in rules  # the tags were read
    assert "stable-cc-format" not in rules


def test_the_dry_run_mails_the_security_team_only(outgoing: Path) -> None:
    (dry_run,) = [c for c in send_commands(PAGES[0]) if "--dry-run" in c]
    # The shell expands the glob, as it does for the reader.
    dry_run = dry_run.replace("'outgoing/*.patch'", "outgoing/*.patch")
    result = run(dry_run, outgoing)
    assert result.returncode == 0, result.stderr
    assert "Dry-OK" in result.stdout or "Dry-Sent" in result.stdout, result.stdout
    assert recipients(result.stdout) == {"security@kernel.org"}, result.stdout

    # Without --suppress-cc=all, git adds the address of every tag.
    leaky = run(dry_run.replace("--suppress-cc=all ", ""), outgoing)
    assert {"stable@kernel.org", "reporter@example.org"} <= recipients(leaky.stdout)


def test_the_real_send_is_the_dry_run_without_dry_run() -> None:
    dry, real = send_commands(PAGES[0])
    assert dry.replace(" --dry-run", "") == real


@pytest.mark.parametrize("path", PAGES, **ids)
def test_the_kernel_documents_say_what_the_page_restates(path: Path) -> None:
    tree = kernel_tree.tree()
    rules = (tree / "Documentation/process/stable-kernel-rules.rst").read_text()
    assert re.search(
        r"Use ``Cc: stable@kernel.org`` instead when fixing unpublished "
        r"vulnerabilities",
        rules,
    )
    assert "not delivered anywhere" in rules
    security = (tree / "Documentation/process/security-bugs.rst").read_text()
    assert "<security@kernel.org>" in security and "private list" in security
    assert "up to 7 calendar days" in security and "14 calendar days" in security
    assert "linux-distros" in security
    text = section(path, SECTION)
    for words in (
        "security@kernel.org",
        "``Cc: stable@kernel.org``",
        "--suppress-cc=all",
        "kvm@vger.kernel.org",
        "7",
        "14",
        "linux-distros",
    ):
        assert words in text


def test_git_send_email_knows_suppress_cc_all() -> None:
    assert re.search(r"--suppress-cc\s+<str>.*\ball\b", need_send_email())
