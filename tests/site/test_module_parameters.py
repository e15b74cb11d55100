"""The module parameters first-patch presents (``kvm.tdp_mmu (Y)`` …) exist in
the module the page names, with the default the page gives, in the 6.12 tree;
so do the parameters its commands set or read."""

from __future__ import annotations

import re
from pathlib import Path

import kernel_tree
import pytest
from handbook_sections import LANGS, page, section, section_commands

PAGES = [page(lang, "first-patch") for lang in LANGS]
SECTION = "module-parameters"
KVM = Path("arch/x86/kvm")
_TERM = re.compile(r"^``(kvm|kvm_intel|kvm_amd)\.(\w+)`` \((\w+)\)$", re.MULTILINE)


@pytest.fixture(scope="module")
def tree() -> Path:
    return kernel_tree.tree()


def module_sources(tree: Path, module: str) -> list[Path]:
    """The files a KVM module is built from, as far as parameters go."""
    if module == "kvm_intel":
        return sorted((tree / KVM / "vmx").glob("*.c"))
    if module == "kvm_amd":
        return sorted((tree / KVM / "svm").glob("*.c"))
    return sorted([*(tree / KVM).glob("*.c"), *(tree / KVM / "mmu").glob("*.c")])


def declared(tree: Path, module: str) -> dict[str, tuple[str, str, str]]:
    """Each parameter of a module: (the variable behind it, its type, where)."""
    found = {}
    for source in module_sources(tree, module):
        text = source.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            if match := re.match(
                r"\s*module_param(_named)?\(\s*(\w+)\s*,\s*(\w+)\s*,\s*(\w+)", line
            ):
                named, name, second, third = match.groups()
                var, kind = (second, third) if named else (name, second)
                found[name] = (var, kind, str(source))
    return found


def default(tree: Path, var: str, kind: str) -> str:
    """The value a parameter variable starts with, as /sys/module prints it."""
    pattern = re.compile(
        rf"^[\w\s]*\b(?:bool|int)\b[\w\s]*\b{var}\s*(?:=\s*([^;]+))?;", re.MULTILINE
    )
    values = {
        match.group(1)
        for source in (tree / KVM).rglob("*.c")
        for match in pattern.finditer(source.read_text(encoding="utf-8", errors="replace"))
    }
    assert len(values) == 1, f"{var}: {values}"
    value = (values.pop() or "0").strip()
    if kind == "bool":
        return "Y" if value in ("true", "1") else "N"
    return value


def terms(path: Path) -> list[tuple[str, str, str]]:
    return _TERM.findall(section(path, SECTION))


def test_both_languages_present_the_same_parameters() -> None:
    assert terms(PAGES[0]) == terms(PAGES[1])
    assert {(module, name) for module, name, _ in terms(PAGES[0])} == {
        ("kvm", "tdp_mmu"),
        ("kvm", "enable_pmu"),
        ("kvm", "force_emulation_prefix"),
        ("kvm_intel", "enable_apicv"),
        ("kvm_amd", "avic"),
    }


@pytest.mark.parametrize("term", terms(PAGES[0]), ids=lambda term: f"{term[0]}.{term[1]}")
def test_parameter_lives_where_the_page_says_with_that_default(
    term: tuple[str, str, str], tree: Path
) -> None:
    module, name, shown = term
    params = declared(tree, module)
    assert name in params, f"{module} has no parameter {name}"
    var, kind, _ = params[name]
    assert default(tree, var, kind) == shown


def test_tdp_mmu_exists_only_in_64_bit_kernels(tree: Path) -> None:
    mmu = (tree / KVM / "mmu" / "mmu.c").read_text()
    assert re.search(r"#ifdef CONFIG_X86_64\n[^#]*module_param_named\(tdp_mmu, ", mmu)
    # Read when kvm loads, so changing it means reloading kvm (as the page does).
    assert "module_param_named(tdp_mmu, tdp_mmu_enabled, bool, 0444)" in mmu
    assert "tdp_mmu_allowed = tdp_mmu_enabled;" in mmu


def test_force_emulation_prefix_is_what_the_tests_look_for(tree: Path) -> None:
    processor = (tree / "tools/testing/selftests/kvm/include/x86_64/processor.h").read_text()
    assert 'get_kvm_param_integer("force_emulation_prefix")' in processor


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.parent.name)
def test_the_commands_set_and_read_real_parameters(path: Path, tree: Path) -> None:
    used = set()
    for command in section_commands(path, SECTION):
        for index, word in enumerate(command):
            if word == "modprobe" and index + 1 < len(command) and command[index + 1] != "-r":
                module = command[index + 1]
                used |= {(module, arg.split("=")[0]) for arg in command[index + 2 :] if "=" in arg}
            if match := re.fullmatch(r"/sys/module/(kvm|kvm_intel|kvm_amd)/parameters/(\w+)", word):
                used.add(match.groups())
    assert {("kvm", "tdp_mmu"), ("kvm", "enable_pmu"), ("kvm_amd", "avic")} <= used
    for module, name in sorted(used):
        params = declared(tree, module)
        assert name in params, f"{module} has no parameter {name}"
        if module == "kvm":
            # kvm's are read-only: the page reloads kvm to change them.
            perms = re.findall(
                rf"module_param(?:_named)?\(\s*{name}\s*,[^)]*?(\w+)\s*\)",
                Path(params[name][2]).read_text(),
            )
            assert perms == ["0444"], (name, perms)


def test_the_nested_guests_document_is_there_as_described(tree: Path) -> None:
    doc = (tree / "Documentation/virt/kvm/x86/running-nested-guests.rst").read_text()
    assert "/etc/modprobe.d/" in doc and "enable_apicv" in doc and "nested=" in doc
    for path in PAGES:
        assert "Documentation/virt/kvm/x86/running-nested-guests.rst" in section(path, SECTION)
