"""One section of a handbook page, as its reStructuredText source, and the
shell commands its code blocks show, for tests that run or check them."""

from __future__ import annotations

from pathlib import Path

from config_recipes import Block, code_blocks, commands

REPO = Path(__file__).resolve().parents[1]
LANGS = ("en", "zh_CN")


def page(lang: str, name: str) -> Path:
    return REPO / "handbook" / lang / f"{name}.rst"


def section(path: Path, label: str) -> str:
    """The source from ``.. _label:`` up to the next section label."""
    text = path.read_text(encoding="utf-8")
    anchor = f".. _{label}:\n"
    if anchor not in text:
        raise AssertionError(f"{path.name} has no section {label!r}")
    start = text.index(anchor)
    end = text.find("\n.. _", start + len(anchor))
    return text[start:] if end == -1 else text[start:end]


def section_blocks(path: Path, label: str) -> list[Block]:
    return code_blocks(section(path, label))


def section_commands(path: Path, label: str) -> list[tuple[str, ...]]:
    """Every command of the section's code blocks, as shell words."""
    return [command for block in section_blocks(path, label) for command in commands(block.lines)]


def shown_output(block: Block, command_start: str) -> list[str]:
    """The output lines a console block shows after ``$ <command_start>…``."""
    lines = [line.strip() for line in block.lines]
    start = next(i for i, line in enumerate(lines) if line.startswith(f"$ {command_start}"))
    output = []
    for line in lines[start + 1 :]:
        if not line or line.startswith("$"):
            break
        output.append(line)
    return output
