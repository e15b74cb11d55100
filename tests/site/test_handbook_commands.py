"""The commands the playground, maintainer-kvm-x86 and review-checklist pages
tell readers to run, run as written where this machine can: git and kvmcheck
in a scratch repository, and the kernel-tree commands (get_maintainer.pl, the
module parameters, the make targets) in a 6.12 tree named by
KVM_HANDBOOK_LINUX_TREE, skipped with the reason when there is none."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import kernel_tree
import pytest
from git_identity import IDENTITY, ISOLATED

REPO = Path(__file__).resolve().parents[2]
LANGS = ("en", "zh_CN")
VENV_BIN = Path(sys.executable).parent
# The b4 per-patch check command every page shows (docs/using-kvmcheck is canonical).
B4_CHECK = "kvmcheck --terse --min-severity warning"
GET_MAINTAINER = "./scripts/get_maintainer.pl -f arch/x86/kernel/kvm.c"
X86_PEOPLE = (
    "Thomas Gleixner",
    "Ingo Molnar",
    "Borislav Petkov",
    "Dave Hansen",
    "x86@kernel.org",
    "H. Peter Anvin",
)


def code_blocks(page: Path) -> list[list[str]]:
    """The lines of every literal block of a page, dedented, options dropped."""
    blocks: list[list[str]] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if not re.match(r"\s*\.\. (code-block|kvmcheck-example)::", line):
            continue
        indent = len(line) - len(line.lstrip()) + 3
        body: list[str] = []
        for following in lines[index + 1 :]:
            if following.strip() and len(following) - len(following.lstrip()) < indent:
                break
            body.append(following[indent:])
        blocks.append([text for text in body if not text.startswith(":")])
    return blocks


def shown_commands(page: Path) -> list[str]:
    """Every command of the page's code blocks: ``$`` lines of console blocks,
    and the lines of text blocks that start with a command name."""
    found = []
    for block in code_blocks(page):
        for line in block:
            text = line.strip()
            if text.startswith("$ "):
                found.append(text[2:])
            elif re.match(r"(\./)?(git|kvmcheck|make|modprobe|scripts/)\b", text):
                found.append(text)
    return found


def page(lang: str, name: str) -> Path:
    return REPO / "handbook" / lang / f"{name}.rst"


def run(command: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}",
        **ISOLATED,
        **IDENTITY,
    }
    return subprocess.run(
        command,
        shell=True,
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def commit(repo: Path, path: str, text: str, message: str) -> None:
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(text)
    for command in (f"git add {path}", f"git commit -q -s -m {shlex.quote(message)}"):
        result = run(command, repo)
        assert result.returncode == 0, result.stderr


@pytest.fixture
def work_branch(tmp_path: Path) -> Path:
    """A repository whose branch ``work`` has two KVM patches on top of
    ``base``, and tracks it, as the playground page asks."""
    repo = tmp_path / "linux"
    repo.mkdir()
    assert run("git init -q -b base", repo).returncode == 0
    commit(repo, "arch/x86/kvm/x86.c", "int kvm_frob;\n", "Initial commit")
    assert run("git switch -q -c work && git branch --set-upstream-to=base", repo).returncode == 0
    commit(
        repo,
        "arch/x86/kvm/x86.c",
        "int kvm_frob;\nint kvm_frob_count;\n",
        "KVM: x86: Count frob exits\n\nCount frob exits so that userspace can see them.",
    )
    commit(
        repo,
        "arch/x86/kvm/x86.c",
        "int kvm_frob;\nint kvm_frob_count;\nint kvm_frob_max;\n",
        "KVM: x86: Track the maximum frob count\n\nTrack the largest frob count seen.",
    )
    return repo


@pytest.mark.parametrize("lang", LANGS)
def test_playground_local_commands_run_as_written(lang: str, work_branch: Path) -> None:
    commands = shown_commands(page(lang, "playground"))
    install = [c for c in commands if "pip install" in c]
    assert install and re.search(
        r"^kvmcheck = ", (REPO / "pyproject.toml").read_text(), re.MULTILINE
    ), "pip install . must give a kvmcheck command"
    ran = 0
    for command in commands:
        if command in install:
            continue
        result = run(command, work_branch)
        # kvmcheck exits 1 when it has findings; 2 would be a usage error.
        allowed = (0, 1) if command.startswith("kvmcheck") else (0,)
        assert result.returncode in allowed, f"{command}: {result.stderr}"
        assert "Traceback" not in result.stderr
        ran += 1
    assert ran >= 4
    outgoing = sorted(path.name for path in (work_branch / "outgoing").iterdir())
    assert outgoing[0].startswith("0000-cover-letter") and len(outgoing) == 3
    assert "base-commit: " in (work_branch / "outgoing" / outgoing[0]).read_text()


@pytest.mark.parametrize("lang", LANGS)
def test_b4_check_command_is_the_canonical_one_and_reads_a_patch(
    lang: str, work_branch: Path
) -> None:
    (config,) = [c for c in shown_commands(page(lang, "playground")) if "b4." in c]
    assert run(config, work_branch).returncode == 0
    stored = run("git config --get b4.prep-perpatch-check-cmd", work_branch).stdout.strip()
    assert stored == B4_CHECK
    assert run("git format-patch -q -1 -o b4-out/", work_branch).returncode == 0
    (patch,) = (work_branch / "b4-out").iterdir()
    # b4 feeds one patch on standard input.
    result = run(stored, work_branch, stdin=patch.read_text())
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_fixes_pretty_format_makes_a_tag_kvmcheck_accepts(lang: str, work_branch: Path) -> None:
    commands = shown_commands(page(lang, "maintainer-kvm-x86"))
    setup = [
        c for c in commands if c.startswith(("git config core.abbrev", "git config pretty.fixes"))
    ]
    (show,) = [c for c in commands if "--pretty=fixes" in c]
    assert len(setup) == 2
    for command in setup:
        assert run(command, work_branch).returncode == 0
    # The page names a commit of the kernel's history; here HEAD stands in for it.
    tag = run(re.sub(r"\S+$", "HEAD", show), work_branch).stdout.strip()
    assert re.fullmatch(r'Fixes: [0-9a-f]{12} \("KVM: x86: Track the maximum frob count"\)', tag)
    body = f"KVM: x86: Fix the frob count\n\nFix the frob count.\n\n{tag}\n"
    result = run(
        f"kvmcheck --format json --git-dir {work_branch / '.git'} -",
        work_branch,
        stdin=body + "Signed-off-by: Jane Developer <jane@example.org>\n",
    )
    assert "Traceback" not in result.stderr
    assert "fixes-tag-format" not in result.stdout and "commit-reference" not in result.stdout


@pytest.fixture(scope="module")
def linux_tree() -> Path:
    """The cached 6.12 tree (kernel_tree skips without it, and fails in CI)."""
    return kernel_tree.tree()


@pytest.mark.parametrize("lang", LANGS)
def test_get_maintainer_lists_the_x86_maintainers_the_page_names(
    lang: str, linux_tree: Path
) -> None:
    text = page(lang, "maintainer-kvm-x86").read_text(encoding="utf-8")
    assert GET_MAINTAINER in shown_commands(page(lang, "maintainer-kvm-x86"))
    assert all(person in text for person in X86_PEOPLE)
    # The page says the entry covers arch/x86/kvm/ as well.
    for command in (GET_MAINTAINER, GET_MAINTAINER.replace("kernel/kvm.c", "kvm/x86.c")):
        result = run(f"{command} --nogit --nogit-fallback", linux_tree)
        assert result.returncode == 0, result.stderr
        for person in X86_PEOPLE:
            assert person in result.stdout, f"{command} does not list {person}"


@pytest.mark.parametrize("lang", LANGS)
def test_testing_commands_exist_in_the_tree(lang: str, linux_tree: Path) -> None:
    commands = shown_commands(page(lang, "maintainer-kvm-x86"))
    sources = {"kvm_intel": "arch/x86/kvm/vmx/vmx.c", "kvm_amd": "arch/x86/kvm/svm/svm.c"}
    params = re.findall(r"modprobe (kvm_intel|kvm_amd) (\w+)=", " ".join(commands))
    assert {("kvm_intel", "ept"), ("kvm_amd", "npt")} <= set(params)
    for module, param in params:
        source = (linux_tree / sources[module]).read_text(encoding="utf-8", errors="replace")
        assert re.search(rf"module_param(_named)?\(\s*{param}\s*,", source), (module, param)
    assert "make headers" in commands
    assert re.search(r"^headers:", (linux_tree / "Makefile").read_text(), re.MULTILINE)
    assert "make -C tools/testing/selftests TARGETS=kvm run_tests" in commands
    selftests = linux_tree / "tools/testing/selftests"
    assert "TARGETS += kvm" in (selftests / "Makefile").read_text()
    assert re.search(r"^run_tests:", (selftests / "lib.mk").read_text(), re.MULTILINE)


def maintainers_entry(tree: Path, name: str) -> list[str]:
    """The lines of one MAINTAINERS entry, from its name to the blank line."""
    lines = (tree / "MAINTAINERS").read_text(encoding="utf-8").splitlines()
    start = lines.index(name)
    end = lines.index("", start)
    return lines[start + 1 : end]


@pytest.mark.parametrize("lang", LANGS)
def test_the_guest_side_is_kvm_paravirt_as_the_pages_say(lang: str, linux_tree: Path) -> None:
    entry = maintainers_entry(linux_tree, "KVM PARAVIRT (KVM/paravirt)")
    for line in (
        "M:\tPaolo Bonzini <pbonzini@redhat.com>",
        "L:\tkvm@vger.kernel.org",
        "T:\tgit git://git.kernel.org/pub/scm/virt/kvm/kvm.git",
        "F:\tarch/x86/kernel/kvm.c",
        "F:\tarch/x86/kernel/kvmclock.c",
    ):
        assert line in entry
    for path in ("arch/x86/kernel/kvm.c", "arch/x86/kernel/kvmclock.c"):
        result = run(f"./scripts/get_maintainer.pl -f {path} --nogit --nogit-fallback", linux_tree)
        assert result.returncode == 0, result.stderr
        first = result.stdout.splitlines()[0]
        assert first == (
            "Paolo Bonzini <pbonzini@redhat.com> (supporter:KVM PARAVIRT (KVM/paravirt))"
        )
    for name in ("maintainer-kvm-x86", "first-patch"):
        text = page(lang, name).read_text(encoding="utf-8")
        assert '"KVM PARAVIRT"' in text or "“KVM PARAVIRT”" in text, name
        assert "``x86/kvmclock:``" in text, name
        # Not tip's: the guest side is never named as tip-tree code.
        assert not re.search(r"guest side in ``arch/x86/kernel/kvm\.c``\)", text)
