"""Check the handbook's kernel config recipes in a real 6.12 tree.

A reader copies a recipe such as::

    ./scripts/config -e EXPERT -m KVM -m KVM_INTEL -e KVM_WERROR
    make olddefconfig

and trusts that the options it sets survive. They do not when a dependency is
missing: ``olddefconfig`` silently drops an option whose ``depends on`` is not
met. This module finds every code block of the handbook's reStructuredText
that runs ``scripts/config`` (so it checks what readers see), replays its
config commands in the partial tree ``kernel_source`` caches, and reports each
option that ``make olddefconfig`` did not keep. A block captioned as a bad
example (``Bad:``, ``错误示例``) shows a recipe that loses options; it is
reported when it keeps them all, since then it teaches nothing.

A recipe starts from the config targets it runs itself (``make defconfig``,
``make kvm_guest.config`` ...) and otherwise from ``make defconfig``, which
stands in for the reader's own config. ``make test`` runs it through
tests/test_config_recipes.py; ``make recipes-check`` runs it alone::

    python tests/config_recipes.py handbook/*/*.rst
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import kernel_source

BUILD_TOOLS = ("make", "gcc", "flex", "bison")
# Debian packages that provide BUILD_TOOLS (``make kernel-build-deps``).
BUILD_PACKAGES = ("make", "gcc", "flex", "bison")
# What plain ``make`` uses on an x86-64 machine (scripts/subarch.include maps
# x86_64 to x86): there the 64BIT question is asked, so a recipe that turns
# it off for a 32-bit build is replayed as a reader runs it. ARCH=x86_64
# would force 64BIT on.
ARCH = "x86"
DEFAULT_START = ("defconfig",)

_BLOCK_START = re.compile(r"^(?P<indent>\s*)(\.\. (code-block|code|kvmcheck-example)::.*|.*::)\s*$")
_CAPTION = re.compile(r"^\s*:caption:\s*(?P<caption>.*)$")
BAD_CAPTIONS = ("Bad", "错误")
_PROMPT = re.compile(r"^(\$|#)\s+")
_CONFIG_TARGET = re.compile(r"^[\w.-]*config$")
# scripts/config options that take an option name, and the value they leave.
_SETTERS = {"-e": "y", "--enable": "y", "-m": "m", "--module": "m", "-d": "n", "--disable": "n"}
_VALUE_SETTERS = ("--set-val", "--set-str")


class RecipeError(Exception):
    """A recipe the check cannot replay as written; the message says why."""


@dataclass
class Block:
    """A literal or code block: where it starts, its caption, its lines."""

    line: int
    caption: str
    lines: list[str]

    @property
    def bad(self) -> bool:
        return self.caption.startswith(BAD_CAPTIONS)


@dataclass
class Recipe:
    """The config commands of one code block, and where readers see it."""

    commands: tuple[tuple[str, ...], ...]
    bad: bool = False
    places: list[str] = field(default_factory=list)

    def settings(self) -> dict[str, str]:
        """Each option the recipe sets, with the value it should end with."""
        wanted: dict[str, str] = {}
        for command in self.commands:
            if _is_scripts_config(command):
                wanted.update(parse_scripts_config(command[1:]))
        return wanted


def _is_scripts_config(command: tuple[str, ...]) -> bool:
    return command[0] in ("scripts/config", "./scripts/config")


def parse_scripts_config(args: tuple[str, ...]) -> dict[str, str]:
    """The options a ``scripts/config`` command line sets, as .config values."""
    settings: dict[str, str] = {}
    words = list(args)
    while words:
        flag = words.pop(0)
        if flag in _SETTERS and words:
            settings[_option(words.pop(0))] = _SETTERS[flag]
        elif flag in _VALUE_SETTERS and len(words) >= 2:
            name, value = words.pop(0), words.pop(0)
            settings[_option(name)] = f'"{value}"' if flag == "--set-str" else value
        else:
            raise RecipeError(f"scripts/config {' '.join(args)}: cannot check {flag!r}")
    return settings


def _option(name: str) -> str:
    return name if name.startswith("CONFIG_") else f"CONFIG_{name}"


def code_blocks(text: str) -> list[Block]:
    """Every literal or code block of a page; its line is that of the directive
    or the ``::``."""
    lines = text.splitlines()
    blocks = []
    index = 0
    while index < len(lines):
        start = _BLOCK_START.match(lines[index])
        index += 1
        if not start:
            continue
        indent = len(start.group("indent"))
        body: list[str] = []
        first = index
        while index < len(lines) and (
            not lines[index].strip() or len(lines[index]) - len(lines[index].lstrip()) > indent
        ):
            body.append(lines[index])
            index += 1
        caption = next(
            (match.group("caption") for row in body if (match := _CAPTION.match(row))), ""
        )
        blocks.append(Block(first, caption, body))
    return blocks


def commands(block: list[str]) -> list[tuple[str, ...]]:
    """The shell commands of a block: prompts, comments and continuations resolved,
    ``a && b`` and ``a; b`` split in two."""
    logical, pending = [], ""
    for raw in block:
        line = raw.strip()
        if not pending:
            if line.startswith("#"):
                continue
            line = _PROMPT.sub("", line)
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical.append(pending + line)
        pending = ""
    parsed = []
    for line in logical:
        lexer = shlex.shlex(line, posix=True, punctuation_chars=";&|")
        lexer.whitespace_split = True
        try:
            words = list(lexer)
        except ValueError:  # prose or output in the block, not a command
            continue
        current: list[str] = []
        for word in [*words, ";"]:
            if word in ("&&", ";", "||", "|"):
                if current:
                    parsed.append(tuple(current))
                current = []
            else:
                current.append(word)
    return parsed


def config_commands(block: list[str]) -> tuple[tuple[str, ...], ...]:
    """The commands of a block that change .config: config make targets, scripts/config."""
    kept = []
    for command in commands(block):
        if _is_scripts_config(command):
            kept.append(command)
        elif command[0] == "make":
            targets = tuple(word for word in command[1:] if _CONFIG_TARGET.match(word))
            if targets:
                kept.append(("make", *targets))
    return tuple(kept)


def find_recipes(pages: list[Path], root: Path) -> list[Recipe]:
    """Every distinct recipe on the pages, with all the places that show it."""
    recipes: dict[tuple[bool, tuple[tuple[str, ...], ...]], Recipe] = {}
    for page in pages:
        for block in code_blocks(page.read_text(encoding="utf-8")):
            found = config_commands(block.lines)
            if not any(_is_scripts_config(command) for command in found):
                continue
            name = page.relative_to(root) if page.is_relative_to(root) else page
            recipe = recipes.setdefault((block.bad, found), Recipe(found, block.bad))
            recipe.places.append(f"{name}:{block.line}")
    return list(recipes.values())


def missing_tools() -> list[str]:
    return [tool for tool in BUILD_TOOLS if shutil.which(tool) is None]


def _make(tree: Path, out: Path, *targets: str) -> None:
    result = subprocess.run(
        ["make", "-s", "-C", str(tree), f"O={out}", f"ARCH={ARCH}", *targets],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RecipeError(f"make {' '.join(targets)} failed:\n{result.stderr.strip()}")


def plan(recipe: Recipe) -> list[tuple[str, ...]]:
    """The recipe's config commands, starting from defconfig when it names no start,
    and ending with olddefconfig as every recipe must."""
    plan = list(recipe.commands)
    first_config = next(i for i, command in enumerate(plan) if _is_scripts_config(command))
    if not any(command[0] == "make" for command in plan[:first_config]):
        plan.insert(0, ("make", *DEFAULT_START))
    last_config = max(i for i, command in enumerate(plan) if _is_scripts_config(command))
    if not any(
        command[0] == "make" and "olddefconfig" in command for command in plan[last_config:]
    ):
        raise RecipeError(
            "scripts/config is not followed by make olddefconfig, "
            "so the new options are never resolved"
        )
    return plan


def lost_options(
    recipe: Recipe, tree: Path, out: Path, starts: dict[tuple[str, ...], Path]
) -> dict[str, str]:
    """Replay a recipe in ``out``; the options it set that did not survive,
    with the line .config has for them instead. ``starts`` keeps the .config
    each starting ``make`` command produced, so recipes that share a start
    (most start from defconfig) run it once."""
    for stale in (out / ".config", out / ".config.old"):
        stale.unlink(missing_ok=True)
    steps = plan(recipe)
    if steps[0] in starts:
        shutil.copy(starts[steps[0]], out / ".config")
        steps = steps[1:]
    elif steps[0][0] == "make":
        _make(tree, out, *steps[0][1:])
        starts[steps[0]] = out.parent / f"start-{len(starts)}.config"
        shutil.copy(out / ".config", starts[steps[0]])
        steps = steps[1:]
    for command in steps:
        if _is_scripts_config(command):
            result = subprocess.run(
                [str(tree / "scripts" / "config"), "--file", str(out / ".config"), *command[1:]],
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                raise RecipeError(f"{' '.join(command)} failed: {result.stderr.strip()}")
        else:
            _make(tree, out, *command[1:])
    config = _read_config(out / ".config")
    lost = {}
    for option, value in recipe.settings().items():
        now = config.get(option, "n")
        if now != value:
            lost[option] = f"{option}={value} wanted, .config has {option}={now}"
    return lost


def _read_config(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        if match := re.match(r"^(CONFIG_\w+)=(.*)$", line):
            values[match.group(1)] = match.group(2)
        elif match := re.match(r"^# (CONFIG_\w+) is not set$", line):
            values[match.group(1)] = "n"
    return values


def check(pages: list[Path], root: Path) -> list[str]:
    """Problems with the recipes on ``pages``, one message each (empty: all good)."""
    recipes = find_recipes(pages, root)
    if not recipes:
        return ["no config recipe found (no code block runs scripts/config)"]
    tree = kernel_source.tree()
    problems = []
    starts: dict[tuple[str, ...], Path] = {}
    with tempfile.TemporaryDirectory(prefix="config-recipes-") as work:
        out = Path(work) / "out"
        out.mkdir()
        for recipe in recipes:
            where = ", ".join(recipe.places)
            try:
                lost = lost_options(recipe, tree, out, starts)
            except RecipeError as error:
                problems.append(f"{where}: {error}")
                continue
            if recipe.bad and not lost:
                problems.append(f"{where}: a bad example, but every option it sets is kept")
            elif not recipe.bad:
                problems.extend(f"{where}: {message}" for message in lost.values())
    return problems


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: config_recipes.py PAGE.rst...", file=sys.stderr)
        return 2
    if missing := missing_tools():
        print(
            f"cannot check config recipes: {', '.join(missing)} not installed "
            "(make kernel-build-deps installs them)",
            file=sys.stderr,
        )
        return 2
    pages = [Path(arg) for arg in argv]
    try:
        problems = check(pages, Path.cwd())
    except kernel_source.KernelSourceUnavailable as reason:
        print(f"cannot check config recipes: {reason}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    recipes = find_recipes(pages, Path.cwd())
    print(
        f"{len(recipes)} config recipe(s) checked in {kernel_source.source()}: "
        f"{'all options kept' if not problems else f'{len(problems)} problem(s)'}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
