"""Build kvmcheck's typo list from codespell's dictionary (a build step, not runtime).

kvmcheck reports misspelled words from a maintained dictionary rather than a
hand-written list: codespell's main ``dictionary.txt``.  That data is third
party (CC BY-SA 3.0), so it is never committed: this script writes it into
``playground/kvmcheck/data/typos.txt`` (ignored by git, shipped as package
data) whenever the package is built:

* ``pip install .`` and ``pip install -e .``: ``setup.py``'s ``build_py``;
* ``make`` bootstrap and ``make typos``: ``python playground/build_typos.py``;
* the playground's kvmcheck archive (``_ext/patch_checker.py``): call
  :func:`write_typos` before packing ``playground/kvmcheck``.

The file holds one ``misspelling->fix[, fix...]`` per line, the lines sorted
as bytes (``LC_ALL=C sort``), so kvmcheck can binary-search it for
``misspelling->`` without loading a table (``kvmcheck.typos``).  Needs the
``codespell`` package (a build requirement in pyproject.toml); without it
the existing file is kept, or none is written.
"""

from __future__ import annotations

import re
import sys
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent / "kvmcheck"
TARGET = PACKAGE_DIR / "data" / "typos.txt"
HEADER = "# kvmcheck typo list, generated from codespell {version} dictionary.txt (CC BY-SA 3.0)"

# A plain lower-case word: what prose and comments are split into.  Entries
# for other shapes ("1nd", "__cpusplus") are never looked up.
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Words codespell lists that are right in KVM changelogs and comments, found
# on accepted patches and in the KVM code of Linux 6.12: "intack" (interrupt
# acknowledge) and "reenable", the kernel's usual spelling.
KERNEL_WORDS = frozenset(("intack", "reenable", "reenabled", "reenables", "reenabling"))


def dictionary_text() -> tuple[str, str] | None:
    """codespell's main dictionary and codespell's version, None without codespell."""
    try:
        data = resources.files("codespell_lib") / "data" / "dictionary.txt"
        return data.read_text(encoding="utf-8"), version("codespell")
    except (ModuleNotFoundError, PackageNotFoundError, FileNotFoundError):
        return None


def typo_lines(dictionary: str) -> list[str]:
    """The sorted ``misspelling->fixes`` lines kvmcheck keeps."""
    entries: dict[str, str] = {}
    for line in dictionary.splitlines():
        wrong, arrow, fixes = line.partition("->")
        wrong = wrong.strip().lower()
        if not arrow or not _WORD.fullmatch(wrong) or wrong in KERNEL_WORDS:
            continue
        fixes = ", ".join(fix.strip() for fix in fixes.split(",") if fix.strip())
        if fixes:
            entries[wrong] = fixes
    # Sorted as whole lines, not by misspelling: "cann't->" sorts before
    # "cann->" ("'" before "-"), and a search compares whole lines.
    return sorted(f"{wrong}->{fixes}" for wrong, fixes in entries.items())


def write_typos(target: Path = TARGET) -> Path | None:
    """Write the typo list to ``target``; the path, or None when codespell is missing
    (an existing file is then left as it is)."""
    found = dictionary_text()
    if found is None:
        return target if target.is_file() else None
    dictionary, codespell_version = found
    text = "\n".join([HEADER.format(version=codespell_version), *typo_lines(dictionary)]) + "\n"
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)
    return target


def main() -> int:
    written = write_typos()
    if written is None:
        print(
            "build_typos: codespell is not installed; kvmcheck's typo rule will report "
            "that its dictionary is missing (pip install codespell)",
            file=sys.stderr,
        )
        return 1
    print(f"build_typos: {written.relative_to(PACKAGE_DIR.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
