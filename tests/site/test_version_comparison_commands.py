"""first-patch's commands for comparing two versions of a series and for the
order of files in a patch, run as written in a scratch repository: ``git
range-diff`` marks what the page says it marks, the two-range form leaves a
rebase's upstream commits out, and ``diff.orderFile`` with the 6.12 tree's
``scripts/git.orderFile`` puts headers before code."""

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
from handbook_sections import LANGS, page, section, section_commands

PAGES = [page(lang, "first-patch") for lang in LANGS]
ids = {"ids": lambda path: path.parent.name}
# A patch of some size, and the same patch reworked in one line: range-diff
# pairs the two instead of calling them unrelated.
COUNTER = "".join(f"int frob_exit_{n};\n" for n in range(12))
REWORKED = COUNTER.replace("frob_exit_5;", "frob_exit_5 = 1;")


def git(repo: Path, command: str) -> str:
    env = {
        **os.environ,
        **ISOLATED,
        **IDENTITY,
    }
    result = subprocess.run(
        command, shell=True, cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{command}: {result.stderr}"
    return result.stdout


def commit(repo: Path, files: dict[str, str], subject: str) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    git(repo, f"git add -A && git commit -q -m {shlex.quote(subject)}")


def shown(path: Path, start: str) -> str:
    (command,) = [c for c in section_commands(path, "comparing-versions") if c[:2] == start]
    return shlex.join(command)


@pytest.fixture
def two_versions(tmp_path: Path) -> Path:
    """v1 (three patches) tagged as the page says, then v2: the first patch
    unchanged, the second reworked, the third dropped and a new one added."""
    repo = tmp_path / "linux"
    repo.mkdir()
    git(repo, "git init -q -b kvm-x86/next")
    commit(repo, {"x86.c": "base\n"}, "Initial commit")
    git(repo, "git switch -q -c frob")
    commit(repo, {"a.c": "one\n"}, "KVM: x86: Add the frob counter")
    commit(repo, {"b.c": COUNTER}, "KVM: x86: Count frob exits")
    commit(repo, {"c.c": "three\n"}, "KVM: x86: Print the frob count")
    git(repo, shown(PAGES[0], ("git", "tag")))
    git(repo, "git reset -q --hard HEAD~2")
    commit(repo, {"b.c": REWORKED}, "KVM: x86: Count frob exits")
    commit(repo, {"d.c": "four\n"}, "KVM: selftests: Test the frob count")
    return repo


def markers(output: str) -> list[tuple[str, str]]:
    """(marker, subject) for each commit pair line of git range-diff."""
    pairs = re.findall(
        r"^\s*[-\d]+:\s+[-0-9a-f]+ ([=!<>]) [-\d]+:\s+[-0-9a-f]+ (.*)$", output, re.MULTILINE
    )
    return [(marker, subject) for marker, subject in pairs]


@pytest.mark.parametrize("path", PAGES, **ids)
def test_range_diff_marks_what_the_page_says(path: Path, two_versions: Path) -> None:
    assert shown(path, ("git", "tag")) == "git tag frob-v1"
    output = git(two_versions, shown(path, ("git", "range-diff")))
    assert markers(output) == [
        ("=", "KVM: x86: Add the frob counter"),
        ("!", "KVM: x86: Count frob exits"),
        ("<", "KVM: x86: Print the frob count"),
        (">", "KVM: selftests: Test the frob count"),
    ]
    # Below a changed pair, how the patch itself changed.
    assert "-+int frob_exit_5;" in output and "++int frob_exit_5 = 1;" in output
    text = section(path, "comparing-versions")
    assert all(f"``{marker}``" in text for marker in "=!<>")


@pytest.mark.parametrize("path", PAGES, **ids)
def test_after_next_is_rewritten_the_two_range_form_stays_clean(path: Path, tmp_path: Path) -> None:
    repo = tmp_path / "linux"
    repo.mkdir()
    git(repo, "git init -q -b kvm-x86/next")
    commit(repo, {"x86.c": "base\n"}, "Initial commit")
    commit(repo, {"mmu.c": "old\n"}, "KVM: x86/mmu: An upstream change")
    v1_base = git(repo, "git rev-parse HEAD").strip()
    git(repo, "git switch -q -c frob")
    commit(repo, {"a.c": "one\n"}, "KVM: x86: Add the frob counter")
    commit(repo, {"b.c": COUNTER}, "KVM: x86: Count frob exits")
    git(repo, shown(path, ("git", "tag")))
    # next is force-pushed: the upstream change is replaced by another one.
    git(repo, "git switch -q kvm-x86/next && git reset -q --hard HEAD~1")
    commit(repo, {"mmu.c": "new\n"}, "KVM: x86/mmu: The upstream change, redone")
    git(repo, f"git switch -q frob && git rebase -q --onto kvm-x86/next {v1_base}")
    (repo / "b.c").write_text(REWORKED)
    git(repo, "git commit -q -a --amend --no-edit")

    three = git(repo, shown(path, ("git", "range-diff")))
    assert ("<", "KVM: x86/mmu: An upstream change") in markers(three)
    (two_ranges,) = re.findall(
        r"``(git range-diff <v1-base>\.\.\S+ \S+)``", section(path, "comparing-versions")
    )
    output = git(repo, two_ranges.replace("<v1-base>", v1_base))
    assert markers(output) == [
        ("=", "KVM: x86: Add the frob counter"),
        ("!", "KVM: x86: Count frob exits"),
    ]


@pytest.fixture(scope="module")
def order_file() -> Path:
    return kernel_tree.tree() / "scripts" / "git.orderFile"


@pytest.mark.parametrize("path", PAGES, **ids)
def test_the_kernels_order_file_puts_documentation_and_headers_first(
    path: Path, tmp_path: Path, order_file: Path
) -> None:
    configs = [
        shlex.join(c)
        for c in section_commands(path, "kvm-unit-tests-options")
        if c[:3] == ("git", "config", "diff.orderFile")
    ]
    assert configs == [
        "git config diff.orderFile scripts/git.difforder",
        "git config diff.orderFile scripts/git.orderFile",
    ]
    repo = tmp_path / "linux"
    repo.mkdir()
    git(repo, "git init -q")
    (repo / "scripts").mkdir()
    shutil.copy(order_file, repo / "scripts" / "git.orderFile")
    commit(
        repo,
        {
            "arch/x86/kvm/x86.c": "int a;\n",
            "arch/x86/kvm/x86.h": "int b;\n",
            "Documentation/virt/kvm/api.rst": "api\n",
        },
        "Initial commit",
    )
    commit(
        repo,
        {
            "arch/x86/kvm/x86.c": "int a2;\n",
            "arch/x86/kvm/x86.h": "int b2;\n",
            "Documentation/virt/kvm/api.rst": "api2\n",
        },
        "KVM: x86: Rename",
    )

    def files() -> list[str]:
        return re.findall(
            r"^diff --git a/(\S+)", git(repo, "git format-patch -1 --stdout"), re.MULTILINE
        )

    assert files() == ["Documentation/virt/kvm/api.rst", "arch/x86/kvm/x86.c", "arch/x86/kvm/x86.h"]
    git(repo, configs[1])
    assert files() == ["Documentation/virt/kvm/api.rst", "arch/x86/kvm/x86.h", "arch/x86/kvm/x86.c"]
