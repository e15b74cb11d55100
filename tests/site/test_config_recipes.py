"""Every kernel config recipe the handbook shows keeps its options in a real
6.12 tree (``make recipes-check`` runs the same check on its own)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import kernel_tree
import pytest
from config_recipes import (
    RecipeError,
    check,
    code_blocks,
    config_commands,
    find_recipes,
    parse_scripts_config,
    plan,
)

REPO = Path(__file__).resolve().parents[2]
PAGES = sorted((REPO / "handbook").glob("*/*.rst"))

PAGE = textwrap.dedent("""\
    Build it
    ========

    .. code-block:: console
       :caption: Good:

       $ make defconfig kvm_guest.config   # a guest kernel
       $ ./scripts/config -e EXPERT \\
             -m KVM -m KVM_INTEL
       $ make olddefconfig && make -j"$(nproc)"

    Some prose with a literal block::

       ./scripts/config --set-val NR_CPUS 64 -d KASAN; make olddefconfig

    .. code-block:: console

       $ make -C tools/testing/selftests TARGETS=kvm
    """)


def write(tmp_path: Path, text: str) -> Path:
    page = tmp_path / "page.rst"
    page.write_text(text, encoding="utf-8")
    return page


def test_recipes_are_read_as_readers_see_them(tmp_path: Path) -> None:
    blocks = code_blocks(PAGE)
    assert len(blocks) == 3
    assert [block.caption for block in blocks] == ["Good:", "", ""]
    assert config_commands(blocks[0].lines) == (
        ("make", "defconfig", "kvm_guest.config"),
        ("./scripts/config", "-e", "EXPERT", "-m", "KVM", "-m", "KVM_INTEL"),
        ("make", "olddefconfig"),
    )
    assert config_commands(blocks[1].lines) == (
        ("./scripts/config", "--set-val", "NR_CPUS", "64", "-d", "KASAN"),
        ("make", "olddefconfig"),
    )
    recipes = find_recipes([write(tmp_path, PAGE)], tmp_path)
    assert [recipe.places for recipe in recipes] == [["page.rst:4"], ["page.rst:12"]]
    assert recipes[0].settings() == {
        "CONFIG_EXPERT": "y",
        "CONFIG_KVM": "m",
        "CONFIG_KVM_INTEL": "m",
    }


def test_the_same_recipe_in_two_places_is_checked_once(tmp_path: Path) -> None:
    block = "::\n\n   ./scripts/config -m KVM\n   make olddefconfig\n"
    (tmp_path / "a.rst").write_text(block)
    (tmp_path / "b.rst").write_text("Text\n\n.. code-block:: text\n\n" + block[4:])
    recipes = find_recipes(sorted(tmp_path.glob("*.rst")), tmp_path)
    assert len(recipes) == 1
    assert recipes[0].places == ["a.rst:1", "b.rst:3"]


@pytest.mark.parametrize(
    ("args", "settings"),
    [
        (
            ("-e", "KVM_WERROR", "--module", "KVM_AMD"),
            {"CONFIG_KVM_WERROR": "y", "CONFIG_KVM_AMD": "m"},
        ),
        (("-d", "CONFIG_KASAN", "--enable", "KASAN"), {"CONFIG_KASAN": "y"}),
        (("--set-str", "LOCALVERSION", "-kvm"), {"CONFIG_LOCALVERSION": '"-kvm"'}),
    ],
)
def test_scripts_config_options(args: tuple[str, ...], settings: dict[str, str]) -> None:
    assert parse_scripts_config(args) == settings


def test_an_option_the_check_cannot_follow_is_an_error() -> None:
    with pytest.raises(RecipeError, match="--toggle"):
        parse_scripts_config(("--toggle", "KVM"))


def test_a_recipe_without_olddefconfig_is_an_error(tmp_path: Path) -> None:
    recipe = find_recipes([write(tmp_path, "::\n\n   ./scripts/config -m KVM\n")], tmp_path)[0]
    with pytest.raises(RecipeError, match="olddefconfig"):
        plan(recipe)


def test_a_recipe_without_a_start_begins_at_defconfig(tmp_path: Path) -> None:
    text = "::\n\n   ./scripts/config -m KVM\n   make olddefconfig\n"
    recipe = find_recipes([write(tmp_path, text)], tmp_path)[0]
    assert plan(recipe)[0] == ("make", "defconfig")


def test_first_patch_shows_a_recipe_in_both_languages() -> None:
    places = [place for recipe in find_recipes(PAGES, REPO) for place in recipe.places]
    for lang in ("en", "zh_CN"):
        assert any(place.startswith(f"handbook/{lang}/first-patch.rst:") for place in places)


def test_a_bad_example_is_a_recipe_of_its_own(tmp_path: Path) -> None:
    recipe = "   ./scripts/config -m KVM\n   make olddefconfig\n"
    text = (
        f".. code-block:: console\n   :caption: Bad:\n\n{recipe}\n"
        f".. code-block:: console\n   :caption: 正确示例\n\n{recipe}"
    )
    recipes = find_recipes([write(tmp_path, text)], tmp_path)
    assert [(recipe.bad, recipe.places) for recipe in recipes] == [
        (True, ["page.rst:1"]),
        (False, ["page.rst:7"]),
    ]


def test_the_check_catches_an_option_olddefconfig_drops(tmp_path: Path) -> None:
    # The recipe the handbook once gave: defconfig has no KVM, and
    # KVM_WERROR depends on KVM && ((EXPERT && !KASAN) || WERROR).
    kernel_tree.build_tools()
    kernel_tree.tree()
    recipe = "   ./scripts/config -m KVM_INTEL -m KVM_AMD -e KVM_WERROR\n   make olddefconfig\n"
    good = tmp_path / "good.rst"
    good.write_text(f"::\n\n{recipe}")
    # Shown as a bad example, the same recipe is right.
    bad = tmp_path / "bad.rst"
    bad.write_text(f".. code-block:: console\n   :caption: Bad:\n\n{recipe}")
    # A bad example that loses nothing teaches nothing.
    harmless = tmp_path / "harmless.rst"
    harmless.write_text(
        ".. code-block:: console\n   :caption: 错误示例\n\n"
        "   ./scripts/config -m KVM\n   make olddefconfig\n"
    )
    problems = check([good, bad, harmless], tmp_path)
    assert {problem.split(": ", 1)[0] for problem in problems} == {
        "good.rst:1",
        "harmless.rst:1",
    }, problems
    assert any("every option it sets is kept" in problem for problem in problems), problems
    assert any("CONFIG_KVM_WERROR=y wanted" in problem for problem in problems), problems
    assert any("CONFIG_KVM_INTEL=m wanted" in problem for problem in problems), problems


def test_a_32_bit_recipe_is_replayed_as_plain_make_runs_it(tmp_path: Path) -> None:
    # On an x86-64 machine plain make means ARCH=x86, which asks the 64BIT
    # question; a replay with ARCH=x86_64 would force it back on.
    kernel_tree.build_tools()
    kernel_tree.tree()
    page = write(
        tmp_path, "::\n\n   ./scripts/config -d 64BIT -m KVM -m KVM_INTEL\n   make olddefconfig\n"
    )
    assert check([page], tmp_path) == []


def test_every_handbook_recipe_keeps_its_options() -> None:
    kernel_tree.build_tools()
    kernel_tree.tree()
    assert check(PAGES, REPO) == []


def test_a_missing_tool_skips_on_a_newcomer_machine_but_fails_in_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="flex"):
        kernel_tree.unavailable("flex not installed")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="must run: flex"):
        kernel_tree.unavailable("flex not installed")
