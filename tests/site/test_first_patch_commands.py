"""The commands first-patch shows, checked against a real 6.12 tree: the
module parameters exist, the selftest targets and binaries exist, the options
the selftests need are the ones the page names, and get_maintainer.pl prints
what the page says it prints."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import kernel_tree
import pytest
from config_recipes import code_blocks, commands

REPO = Path(__file__).resolve().parents[2]
PAGES = [REPO / "handbook" / lang / "first-patch.rst" for lang in ("en", "zh_CN")]
SELFTESTS = Path("tools/testing/selftests")
# Where each vendor module's parameters are defined.
MODULE_SOURCES = {"kvm_intel": "arch/x86/kvm/vmx", "kvm_amd": "arch/x86/kvm/svm"}


def page_commands(page: Path) -> list[tuple[str, ...]]:
    return [
        command
        for block in code_blocks(page.read_text(encoding="utf-8"))
        for command in commands(block.lines)
    ]


def page_text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tree() -> Path:
    return kernel_tree.tree()


def module_params(tree: Path, module: str) -> set[str]:
    """The parameter names a vendor module declares."""
    names = set()
    for source in (tree / MODULE_SOURCES[module]).glob("*.c"):
        text = source.read_text(encoding="utf-8", errors="replace")
        names.update(re.findall(r"module_param(?:_named)?\(\s*(\w+)\s*,", text))
    return names


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.parent.name)
def test_module_parameters_exist(page: Path, tree: Path) -> None:
    text = page_text(page)
    used = set(re.findall(r"modprobe (kvm_intel|kvm_amd) (\w+)=", text))
    used |= set(re.findall(r"\b(kvm_intel|kvm_amd)\.(\w+)=", text))
    used |= set(re.findall(r"/sys/module/(kvm_intel|kvm_amd)/parameters/(\w+)", text))
    assert {("kvm_intel", "ept"), ("kvm_amd", "npt"), ("kvm_intel", "nested")} <= used
    for module, param in sorted(used):
        assert param in module_params(tree, module), f"{module} has no parameter {param}"


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.parent.name)
def test_selftest_commands_exist(page: Path, tree: Path) -> None:
    shown = page_commands(page)
    assert ("make", "headers") in shown
    assert re.search(r"^headers:", (tree / "Makefile").read_text(), re.MULTILINE)
    make_selftests = [c for c in shown if c[:3] == ("make", "-C", str(SELFTESTS))]
    assert any("TARGETS=kvm" in c and "run_tests" in c for c in make_selftests)
    assert "TARGETS += kvm" in (tree / SELFTESTS / "Makefile").read_text()
    assert re.search(r"^run_tests:", (tree / SELFTESTS / "lib.mk").read_text(), re.MULTILINE)

    kvm_makefile = (tree / SELFTESTS / "kvm" / "Makefile").read_text()
    binaries = [c[0] for c in shown if c[0].startswith(f"./{SELFTESTS}/kvm/")]
    assert len(binaries) >= 2
    for binary in binaries:
        name = binary.removeprefix(f"./{SELFTESTS}/kvm/")
        assert (tree / SELFTESTS / "kvm" / f"{name}.c").exists(), binary
        assert f"TEST_GEN_PROGS_x86_64 += {name}\n" in kvm_makefile, binary


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.parent.name)
def test_the_selftests_config_needs_what_the_page_enables(page: Path, tree: Path) -> None:
    fragment = (tree / SELFTESTS / "kvm" / "config").read_text().split()
    needed = {line.removeprefix("CONFIG_").split("=")[0] for line in fragment}
    guest_recipe = [
        c for c in page_commands(page) if c[0] == "./scripts/config" and "USERFAULTFD" in c
    ]
    assert len(guest_recipe) == 1
    assert needed <= set(guest_recipe[0])


def shown_output(page: Path, command: str) -> list[str]:
    """The output lines a console block shows after ``$ command``."""
    for block in code_blocks(page_text(page)):
        lines = [line.strip() for line in block.lines]
        starts = [i for i, line in enumerate(lines) if line.startswith(f"$ {command}")]
        if starts:
            output = []
            for line in lines[starts[0] + 1 :]:
                if line.startswith("$") or not line:
                    break
                output.append(line)
            return output
    raise AssertionError(f"{page.name} shows no {command!r}")


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.parent.name)
def test_get_maintainer_prints_what_the_page_shows(page: Path, tree: Path) -> None:
    if shutil.which("perl") is None:
        kernel_tree.unavailable("perl is not installed")
    real = subprocess.run(
        ["./scripts/get_maintainer.pl", "-f", "arch/x86/kvm/x86.c"],
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    real_lines = real.splitlines()
    shown = [line for line in shown_output(page, "./scripts/get_maintainer.pl -f") if line != "..."]
    assert len(shown) >= 5
    positions = [real_lines.index(line) for line in shown]
    assert positions == sorted(positions), "shown in another order than the script prints"


def test_get_maintainer_on_a_patch_names_the_kvm_list(tree: Path, tmp_path: Path) -> None:
    if shutil.which("perl") is None:
        kernel_tree.unavailable("perl is not installed")
    patch = tmp_path / "0001-KVM-x86-Document-KVM_SET_TSC_KHZ-with-a-frequency-of.patch"
    patch.write_text(
        "Subject: [PATCH] KVM: x86: Document KVM_SET_TSC_KHZ with a frequency of zero\n\n"
        "---\n"
        "diff --git a/Documentation/virt/kvm/api.rst b/Documentation/virt/kvm/api.rst\n"
        "--- a/Documentation/virt/kvm/api.rst\n+++ b/Documentation/virt/kvm/api.rst\n"
        "@@ -1977,0 +1978,2 @@\n+\n+If the frequency is zero, KVM uses the host's.\n"
    )
    result = subprocess.run(
        ["./scripts/get_maintainer.pl", str(patch)],
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "kvm@vger.kernel.org" in result.stdout
    assert "Paolo Bonzini" in result.stdout


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.parent.name)
def test_modules_installed_with_m_go_to_updates_and_the_page_removes_them(
    page: Path, tree: Path
) -> None:
    modinst = (tree / "scripts" / "Makefile.modinst").read_text()
    # External (M=) builds install into $(MODLIB)/updates unless told otherwise.
    assert re.search(
        r"ifeq \(\$\(KBUILD_EXTMOD\),\)\ndst := \$\(MODLIB\)/kernel\nelse\n"
        r"INSTALL_MOD_DIR \?= updates\n",
        modinst,
    )
    text = page_text(page)
    assert "/lib/modules/<" in text and "updates/``" in text
    shown = page_commands(page)
    assert ("sudo", "make", "modules_install", "M=arch/x86/kvm") in shown
    removal = [c for c in shown if c[:2] == ("sudo", "find") and "-delete" in c]
    assert removal and "/lib/modules/$(uname -r)/updates" in removal[0]
    assert ("sudo", "depmod") in shown


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.parent.name)
def test_vng_gets_the_selftests_config_fragment(page: Path, tree: Path) -> None:
    (build,) = [c for c in page_commands(page) if c[:2] == ("vng", "--build") and len(c) > 2]
    fragment = build[build.index("--config") + 1]
    assert (tree / fragment).is_file()
    assert fragment == str(SELFTESTS / "kvm" / "config")
