"""The build advice of first-patch beyond the minimum config, checked in the
cached 6.12 tree: ``localmodconfig`` as the page runs it keeps KVM and drops
what is not loaded, the debug-info recipe turns a distribution-like config's
debug information off and prints what the page shows, and the page's words
about 32-bit builds, PROVE_LOCKING, ``LLVM=1``, ``W=1`` and ``SPHINXDIRS``
match the tree (the recipes themselves are replayed by test_config_recipes)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import kernel_tree
import pytest
from config_recipes import Block, commands
from handbook_sections import LANGS, page, section, section_blocks, section_commands, shown_output

PAGES = [page(lang, "first-patch") for lang in LANGS]
ARCH = "ARCH=x86"  # what plain make means on an x86-64 machine
ids = {"ids": lambda path: path.parent.name}


@pytest.fixture(scope="module")
def tree() -> Path:
    kernel_tree.build_tools()
    return kernel_tree.tree()


def make(tree: Path, out: Path, *args: str) -> str:
    result = subprocess.run(
        ["make", "-s", "-C", str(tree), f"O={out}", ARCH, *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"make {' '.join(args)}: {result.stderr[-2000:]}"
    return result.stdout


def scripts_config(tree: Path, out: Path, *args: str) -> None:
    subprocess.run(
        [str(tree / "scripts" / "config"), "--file", str(out / ".config"), *args], check=True
    )


def config(out: Path) -> dict[str, str]:
    values = {}
    for line in (out / ".config").read_text().splitlines():
        if match := re.match(r"^(CONFIG_\w+)=(.*)$", line):
            values[match.group(1)] = match.group(2)
    return values


def localmodconfig_command(path: Path) -> tuple[str, ...]:
    shown = section_commands(path, "config-from-a-distribution-kernel")
    (command,) = [c for c in shown if c[0] == "make" and "localmodconfig" in c]
    # The old config is brought up to date first, so that fewer questions come.
    assert shown.index(("make", "olddefconfig")) < shown.index(command)
    return command


def test_localmodconfig_as_shown_keeps_kvm_and_drops_what_is_not_loaded(
    tree: Path, tmp_path: Path
) -> None:
    (command,) = {localmodconfig_command(path) for path in PAGES}
    variables = [word for word in command[1:] if "=" in word]
    assert variables == ["LMC_KEEP=arch/x86/kvm"]
    out = tmp_path / "out"
    # allmodconfig stands in for a distribution's config: nearly everything a module.
    make(tree, out, "allmodconfig")
    distribution = (out / ".config").read_text()
    assert {config(out)[f"CONFIG_{name}"] for name in ("KVM", "KVM_AMD", "BTRFS_FS")} == {"m"}
    # The list lsmod prints on a machine where KVM is not loaded.
    lsmod = tmp_path / "lsmod.txt"
    lsmod.write_text("Module                  Size  Used by\ne1000                 163840  0\n")

    make(tree, out, f"LSMOD={lsmod}", *variables, "localmodconfig")
    kept = config(out)
    assert {
        name: kept.get(f"CONFIG_{name}")
        for name in ("KVM", "KVM_INTEL", "KVM_AMD", "E1000", "BTRFS_FS")
    } == {"KVM": "m", "KVM_INTEL": "m", "KVM_AMD": "m", "E1000": "m", "BTRFS_FS": None}

    # Without LMC_KEEP, KVM goes like any module that is not loaded.
    (out / ".config").write_text(distribution)
    make(tree, out, f"LSMOD={lsmod}", "localmodconfig")
    assert "CONFIG_KVM" not in config(out) and config(out)["CONFIG_E1000"] == "m"


def debug_info_block(path: Path) -> Block:
    (block,) = [
        b
        for b in section_blocks(path, "config-from-a-distribution-kernel")
        if any("scripts/config" in line for line in b.lines)
    ]
    return block


def test_debug_info_recipe_leaves_what_the_page_shows(tree: Path, tmp_path: Path) -> None:
    # Both languages show the same recipe and the same output; run it once.
    (shown,) = {
        (
            tuple(c for c in commands(debug_info_block(path).lines) if c[0] == "./scripts/config"),
            tuple(shown_output(debug_info_block(path), "grep")),
        )
        for path in PAGES
    }
    recipe = shown[0]
    assert len(recipe) == 1
    out = tmp_path / "out"
    # A distribution-like start: DWARF 5 debug information and a certificate
    # file the reader's tree does not have.
    make(tree, out, "defconfig")
    scripts_config(
        tree,
        out,
        "-d",
        "DEBUG_INFO_NONE",
        "-e",
        "DEBUG_INFO_DWARF5",
        "-e",
        "SYSTEM_TRUSTED_KEYRING",
        "--set-str",
        "SYSTEM_TRUSTED_KEYS",
        "debian/certs/debian-uefi-certs.pem",
    )
    make(tree, out, "olddefconfig")
    assert config(out)["CONFIG_DEBUG_INFO_DWARF5"] == "y"
    assert config(out)["CONFIG_SYSTEM_TRUSTED_KEYS"] != '""'

    scripts_config(tree, out, *recipe[0][1:])
    make(tree, out, "olddefconfig")
    grep = next(
        line.strip()[2:]
        for line in debug_info_block(PAGES[0]).lines
        if line.strip().startswith("$ grep")
    )
    printed = subprocess.run(
        grep, shell=True, cwd=out, capture_output=True, text=True, check=False
    ).stdout.splitlines()
    assert printed == list(shown[1]) == ["CONFIG_DEBUG_INFO_NONE=y"]
    assert config(out)["CONFIG_SYSTEM_TRUSTED_KEYS"] == '""'
    assert "CONFIG_DEBUG_INFO_BTF" not in config(out)


@pytest.mark.parametrize("path", PAGES, **ids)
def test_what_the_page_says_about_debug_info_and_certificates(path: Path, tree: Path) -> None:
    debug = (tree / "lib/Kconfig.debug").read_text()
    # BTF lives inside "if DEBUG_INFO": no debug information, no BTF.
    inside = debug[debug.index("\nif DEBUG_INFO\n") :]
    assert inside.index("config DEBUG_INFO_BTF\n") < inside.index("\nendif")
    assert "from DWARF debug info" in debug
    # The certificate options name files that the build depends on.
    certs = (tree / "certs/Makefile").read_text()
    assert "$(CONFIG_SYSTEM_TRUSTED_KEYS)" in certs and "$(CONFIG_SYSTEM_REVOCATION_KEYS)" in certs
    text = section(path, "config-from-a-distribution-kernel")
    assert "SYSTEM_REVOCATION_KEYS" in text and "LSMOD=lsmod.txt" in text


def kconfig_entry(text: str, name: str) -> str:
    start = text.index(f"\nconfig {name}\n")
    end = text.find("\nconfig ", start + 1)
    return text[start:end]


@pytest.mark.parametrize("path", PAGES, **ids)
def test_the_options_worth_changing_are_as_the_page_describes(path: Path, tree: Path) -> None:
    shown = section_commands(path, "more-build-configurations")
    recipes = [set(c) for c in shown if c[0] == "./scripts/config"]
    assert len(recipes) == 2
    assert {"KVM_SMM", "KVM_XEN", "PROVE_LOCKING"} <= recipes[0]
    assert "64BIT" in recipes[1]
    kvm = (tree / "arch/x86/kvm/Kconfig").read_text()
    assert "default y" in kconfig_entry(kvm, "KVM_SMM")  # "on by default"
    assert "default" not in kconfig_entry(kvm, "KVM_XEN")  # "off by default"
    assert "depends on X86_64" not in kconfig_entry(kvm, "KVM")  # 32-bit hosts still allowed
    prove = kconfig_entry((tree / "lib/Kconfig.debug").read_text(), "PROVE_LOCKING")
    assert "select LOCKDEP" in prove
    lockdep = (tree / "include/linux/lockdep.h").read_text()
    no_lockdep = lockdep[lockdep.index("#else /* !CONFIG_LOCKDEP */") :]
    assert re.search(
        r"#define lockdep_assert_held\(l\)\s+do \{ \(void\)\(l\); \} while \(0\)", no_lockdep
    )
    assert "u64 div_u64(u64 dividend, u32 divisor)" in (tree / "include/linux/math64.h").read_text()
    # Plain make means ARCH=x86 on x86-64, where 64BIT is asked; x86_64 forces it.
    assert "-e s/x86_64/x86/" in (tree / "scripts/subarch.include").read_text()
    bits = kconfig_entry((tree / "arch/x86/Kconfig").read_text(), "64BIT")
    assert 'bool "64-bit kernel" if "$(ARCH)" = "x86"' in bits
    assert "ARCH=x86_64" in section(path, "more-build-configurations")


@pytest.mark.parametrize("path", PAGES, **ids)
def test_clang_and_w1_commands_match_the_tree(path: Path, tree: Path) -> None:
    shown = section_commands(path, "clang-and-extra-warnings")
    builds = [c for c in shown if c[0] == "make"]
    clang = [c for c in builds if "W=1" not in c]
    assert len(clang) == 2 and all("LLVM=1" in c for c in clang), "LLVM=1 on every make"
    assert ("make", "W=1", "-j$(nproc)", "M=arch/x86/kvm") in builds
    llvm = (tree / "Documentation/kbuild/llvm.rst").read_text()
    assert "make CC=clang LD=ld.lld AR=llvm-ar" in llvm
    assert "``LLVM=1`` expands to the above" in llvm
    assert "ifneq ($(LLVM),)" in (tree / "Makefile").read_text()
    assert (
        "ifneq ($(findstring 1, $(KBUILD_EXTRA_WARN)),)"
        in (tree / "scripts/Makefile.extrawarn").read_text()
    )
    # KVM_WERROR turns every warning in KVM, W=1's included, into an error.
    assert "ccflags-$(CONFIG_KVM_WERROR) += -Werror" in (tree / "arch/x86/kvm/Makefile").read_text()


def test_make_help_names_what_the_pages_use(tree: Path, tmp_path: Path) -> None:
    helptext = make(tree, tmp_path / "out", "help")
    assert re.search(r"localmodconfig .*\n.*LMC_KEEP", helptext)
    assert "make W=n" in helptext
    (valid,) = re.findall(r"valid values for SPHINXDIRS are: (.*)", helptext)
    assert "Documentation/output" in helptext
    for path in PAGES:
        shown = section_commands(path, "building-the-docs")
        dirs = [
            word.split("=", 1)[1].split()
            for c in shown
            for word in c
            if word.startswith("SPHINXDIRS=")
        ]
        assert dirs == [["virt"], ["virt", "process"]]
        assert all(name in valid.split() for names in dirs for name in names)
        assert ("./scripts/sphinx-pre-install",) in shown
    assert (tree / "scripts/sphinx-pre-install").exists()
    assert (tree / "Documentation/virt/kvm/index.rst").exists()
