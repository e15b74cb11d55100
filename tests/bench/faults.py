"""Inject one common style fault into an accepted patch.

Each :class:`Kind` finds the places in a patch where its fault can go (added
lines of KVM C code, or changelog prose) and writes the fault there: ``if(``,
spaces for tabs, trailing whitespace, a ``printk()`` without a level, a new
``BUG_ON()``, ``x=y``, ``foo (x)``, ``int * p``, a static initialised to 0, a
missing blank line after declarations, ``return (x);``, a second blank line, a
typo, "the the", and so on.  Inserted
or deleted lines update their hunk's header, so the result is still a patch
``git apply`` and checkpatch.pl accept.

``bench_faults.py`` runs kvmcheck and checkpatch.pl on the results.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_KVM_C = re.compile(
    r"(?:arch/x86/kvm/|virt/kvm/|tools/testing/selftests/kvm/|arch/x86/include/asm/kvm"
    r"|include/linux/kvm).*\.[ch]"
)
_HOST = ("arch/x86/kvm/", "virt/kvm/")
_TRAILER = re.compile(r"[A-Z][A-Za-z-]+: ")
_STATEMENT = re.compile(r"(\t+)(?!return\b|goto\b|break\b|continue\b)[a-z_]\w*(?:->\w+)*\(.*\);$")
_DECLARATION = re.compile(
    r"(\t+)(?:const\s+)?(?:struct\s+\w+\s*\*?|unsigned\s+long|unsigned\s+int|u8|u16|u32|u64"
    r"|int|bool|long)\s*\*?\s*\w+(?:\s*=\s*[^;]+)?;$"
)


class Lines:
    """A patch as a list of lines, with what each line is."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.added: list[tuple[int, str]] = []  # (index, path) of + lines in KVM C files
        self.prose: list[int] = []  # changelog prose lines
        self._hunk_of: dict[int, int] = {}  # + line index -> its hunk header index
        self._scan()

    def _scan(self) -> None:
        in_body = False
        in_diff = False
        path = ""
        hunk = -1
        for index, line in enumerate(self.lines):
            if not in_body and not in_diff:
                in_body = line == "" and index > 0
                continue
            if line == "---" or line.startswith("diff --git "):
                in_body = False
                in_diff = True
            if in_body:
                if _TRAILER.match(line):
                    in_body = False
                elif line[:1].isalpha() and len(line.split()) >= 4:
                    self.prose.append(index)
                continue
            if line.startswith("+++ "):
                path = line[6:] if line.startswith("+++ b/") else ""
            elif line.startswith("@@"):
                hunk = index
            elif line.startswith("+") and hunk >= 0 and _KVM_C.fullmatch(path):
                self.added.append((index, path))
                self._hunk_of[index] = hunk

    def text(self) -> str:
        return "\n".join(self.lines)

    def added_text(self, index: int) -> str:
        return self.lines[index][1:]

    def is_added(self, index: int) -> bool:
        return index in self._hunk_of

    def _recount(self, hunk: int, delta: int) -> None:
        match = _HUNK.match(self.lines[hunk])
        assert match is not None
        old, old_count, new, new_count = match.groups()
        count = int(new_count if new_count is not None else 1) + delta
        header = f"@@ -{old}{',' + old_count if old_count is not None else ''} +{new},{count} @@"
        self.lines[hunk] = header + self.lines[hunk][match.end() :]

    def insert_after(self, index: int, added: list[str]) -> None:
        """Insert ``+`` lines after the added line ``index``."""
        self._recount(self._hunk_of[index], len(added))
        self.lines[index + 1 : index + 1] = ["+" + line for line in added]

    def delete(self, index: int) -> None:
        self._recount(self._hunk_of[index], -1)
        del self.lines[index]


@dataclass(frozen=True)
class Kind:
    """One kind of fault: its name, what finds its places and what writes it,
    and the kvmcheck rules and checkpatch.pl message types that report it."""

    name: str
    sites: Callable[[Lines], list[int]]
    apply: Callable[[Lines, int], None]
    rules: frozenset[str]
    checkpatch: frozenset[str]


_COMMENT = re.compile(r"\s*(?:\*|/\*|//)|.*(?:/\*|//|\")")


def _added_where(pattern: str, host_only: bool = False) -> Callable[[Lines], list[int]]:
    """Added code lines (no comment, no string) where ``pattern`` is found."""
    compiled = re.compile(pattern)

    def sites(lines: Lines) -> list[int]:
        return [
            index
            for index, path in lines.added
            if (not host_only or path.startswith(_HOST))
            and compiled.search(lines.added_text(index))
            and not _COMMENT.match(lines.added_text(index))
        ]

    return sites


def _replace(pattern: str, replacement: str) -> Callable[[Lines, int], None]:
    compiled = re.compile(pattern)

    def apply(lines: Lines, index: int) -> None:
        lines.lines[index] = "+" + compiled.sub(replacement, lines.added_text(index), count=1)

    return apply


def _statements(host_only: bool) -> Callable[[Lines], list[int]]:
    """Statement lines (a call ending in ``;``) directly followed by another
    added line of the same indentation: a new statement fits between them."""

    def sites(lines: Lines) -> list[int]:
        found = []
        for index, path in lines.added:
            if host_only and not path.startswith(_HOST):
                continue
            match = _STATEMENT.fullmatch(lines.added_text(index))
            following = index + 1
            if (
                match
                and lines.is_added(following)
                and lines.added_text(following).startswith(match.group(1))
                and not lines.added_text(following).startswith(match.group(1) + " ")
            ):
                found.append(index)
        return found

    return sites


def _insert_statement(statement: str) -> Callable[[Lines, int], None]:
    def apply(lines: Lines, index: int) -> None:
        indent = _STATEMENT.fullmatch(lines.added_text(index)).group(1)
        lines.insert_after(index, [indent + statement])

    return apply


def _function_ends(lines: Lines) -> list[int]:
    """A ``}`` closing a function in a .c file, followed by an added blank line."""
    return [
        index
        for index, path in lines.added
        if path.endswith(".c")
        and lines.added_text(index) == "}"
        and lines.is_added(index + 1)
        and lines.added_text(index + 1) == ""
    ]


def _insert_file_scope(declaration: str) -> Callable[[Lines, int], None]:
    def apply(lines: Lines, index: int) -> None:
        lines.insert_after(index, ["", declaration])

    return apply


def _declarations_then_blank(lines: Lines) -> list[int]:
    """The blank line between a block's declarations and its first statement."""
    found = []
    for index, _path in lines.added:
        if (
            lines.added_text(index) != ""
            or not lines.is_added(index - 1)
            or not lines.is_added(index + 1)
        ):
            continue
        declaration = _DECLARATION.fullmatch(lines.added_text(index - 1))
        statement = lines.added_text(index + 1)
        if (
            declaration
            and statement.startswith(declaration.group(1))
            and not statement.startswith(declaration.group(1) + "\t")
            and not _DECLARATION.fullmatch(statement)
            and statement.strip()[:1].isalpha()
        ):
            found.append(index)
    return found


def _delete(lines: Lines, index: int) -> None:
    lines.delete(index)


def _brace_sites(lines: Lines) -> list[int]:
    return [
        index
        for index, _path in lines.added
        if re.fullmatch(r"\t+(?:if|for|while|switch) \(.*\) \{", lines.added_text(index))
    ]


def _brace_to_next_line(lines: Lines, index: int) -> None:
    text = lines.added_text(index)
    indent = text[: len(text) - len(text.lstrip("\t"))]
    lines.lines[index] = "+" + text[:-2]
    lines.insert_after(index, [indent + "{"])


def _else_sites(lines: Lines) -> list[int]:
    return [
        index
        for index, _path in lines.added
        if re.fullmatch(r"\t+\} else(?: if \(.*\))? \{", lines.added_text(index))
    ]


def _else_to_next_line(lines: Lines, index: int) -> None:
    text = lines.added_text(index)
    indent = text[: len(text) - len(text.lstrip("\t"))]
    lines.lines[index] = "+" + indent + "}"
    lines.insert_after(index, [indent + text.strip()[2:]])


def _leading_tabs_to_spaces(lines: Lines, index: int) -> None:
    text = lines.added_text(index)
    body = text.lstrip("\t")
    lines.lines[index] = "+" + " " * 8 * (len(text) - len(body)) + body


def _blank_after(lines: Lines, index: int) -> None:
    lines.insert_after(index, [""])


def _long_line(lines: Lines, index: int) -> None:
    text = lines.added_text(index)
    width = len(text.expandtabs(8))
    lines.lines[index] = "+" + text + " /* " + "x" * max(1, 104 - width) + " */"


# Changelog faults ---------------------------------------------------------------


def _prose_with(pattern: str) -> Callable[[Lines], list[int]]:
    compiled = re.compile(pattern)
    return lambda lines: [index for index in lines.prose if compiled.search(lines.lines[index])]


_TYPOS: dict[str, str] = {}
"""Correct word -> a misspelling both dictionaries know (set by ``bench_faults``)."""


def set_typos(pairs: dict[str, str]) -> None:
    _TYPOS.clear()
    _TYPOS.update(pairs)


def _typo_sites(lines: Lines) -> list[int]:
    return [
        index
        for index in lines.prose
        if any(
            word in _TYPOS
            for word in re.findall(r"(?<![\w'-])[a-z]+(?![\w'(-])", lines.lines[index])
        )
    ]


def _make_typo(lines: Lines, index: int) -> None:
    text = lines.lines[index]
    for match in re.finditer(r"(?<![\w'-])[a-z]+(?![\w'(-])", text):
        if match.group() in _TYPOS:
            lines.lines[index] = text[: match.start()] + _TYPOS[match.group()] + text[match.end() :]
            return


_ASSIGNED = re.compile(r"(\t+)(\w+) = (\w+\(.*\));")


def _assign_then_test(lines: Lines) -> list[int]:
    """``r = call(...);`` directly followed by ``if (r)`` or ``if (!r)``."""
    found = []
    for index, _path in lines.added:
        match = _ASSIGNED.fullmatch(lines.added_text(index))
        if (
            match
            and lines.is_added(index + 1)
            and re.fullmatch(
                re.escape(match.group(1)) + r"if \(!?" + match.group(2) + r"\)",
                lines.added_text(index + 1),
            )
        ):
            found.append(index)
    return found


def _assign_in_if(lines: Lines, index: int) -> None:
    indent, name, call = _ASSIGNED.fullmatch(lines.added_text(index)).groups()
    negate = "!" if "!" in lines.added_text(index + 1) else ""
    lines.lines[index] = f"+{indent}if ({negate}({name} = {call}))"
    lines.delete(index + 1)


def _comment_typo_sites(lines: Lines) -> list[int]:
    return [
        index
        for index, _path in lines.added
        if re.match(r"\s*(?:/\*|\*)", lines.added_text(index))
        and any(
            word in _TYPOS
            for word in re.findall(r"(?<![\w'-])[a-z]+(?![\w'(-])", lines.added_text(index))
        )
    ]


def _double_the(lines: Lines, index: int) -> None:
    lines.lines[index] = re.sub(r"(^| )the ([a-z])", r"\1the the \2", lines.lines[index], count=1)


KINDS: tuple[Kind, ...] = (
    Kind(
        "if(",
        _added_where(r"\b(?:if|for|while|switch) \("),
        _replace(r"\b(if|for|while|switch) \(", r"\1("),
        frozenset({"space-after-keyword"}),
        frozenset({"SPACING"}),
    ),
    Kind(
        "spaces for tabs",
        _added_where(r"^\t+[a-z_]"),
        _leading_tabs_to_spaces,
        frozenset({"indent-spaces"}),
        frozenset({"CODE_INDENT", "LEADING_SPACE"}),
    ),
    Kind(
        "space before tab",
        _added_where(r"^\t\t+[a-z_]"),
        _replace(r"^\t", "\t "),
        frozenset({"space-before-tab"}),
        frozenset({"SPACE_BEFORE_TAB"}),
    ),
    Kind(
        "trailing whitespace",
        _added_where(r"\S$"),
        _replace(r"$", " "),
        frozenset({"trailing-whitespace"}),
        frozenset({"TRAILING_WHITESPACE"}),
    ),
    Kind(
        "line over 100",
        _added_where(r"^\t[^*/].*;$"),
        _long_line,
        frozenset({"line-too-long"}),
        frozenset({"LONG_LINE", "LONG_LINE_COMMENT"}),
    ),
    Kind(
        "printk without level",
        _statements(host_only=True),
        _insert_statement('printk("kvm: unexpected state\\n");'),
        frozenset({"printk-level"}),
        frozenset({"PRINTK_WITHOUT_KERN_LEVEL"}),
    ),
    Kind(
        "new BUG_ON()",
        _statements(host_only=True),
        _insert_statement("BUG_ON(!vcpu);"),
        frozenset({"bug-on"}),
        frozenset({"AVOID_BUG"}),
    ),
    Kind(
        "x=y",
        _added_where(r"^\t+[\w>.-]+ = [^=]"),
        _replace(r" = ", "="),
        frozenset({"operator-spacing"}),
        frozenset({"SPACING"}),
    ),
    Kind(
        "a ==b",
        _added_where(r" (?:==|!=|&&|\|\|) "),
        _replace(r" (==|!=|&&|\|\|) ", r" \1"),
        frozenset({"operator-spacing"}),
        frozenset({"SPACING"}),
    ),
    Kind(
        "foo (x)",
        _added_where(
            r"\b(?!if\b|for\b|while\b|switch\b|return\b|sizeof\b)"
            r"[a-z_]\w*\(\w"
        ),
        _replace(
            r"\b(?!if\b|for\b|while\b|switch\b|return\b|sizeof\b)([a-z_]\w*)\((?=\w)", r"\1 ("
        ),
        frozenset({"space-before-paren"}),
        frozenset({"SPACING"}),
    ),
    Kind(
        "a,b",
        _added_where(r"\w, \w"),
        _replace(r"(\w), (\w)", r"\1,\2"),
        frozenset({"comma-spacing"}),
        frozenset({"SPACING"}),
    ),
    Kind(
        "int * p",
        _added_where(r"^\t+(?:const )?struct \w+ \*\w"),
        _replace(r"(struct \w+) \*(\w)", r"\1 * \2"),
        frozenset({"pointer-placement"}),
        frozenset({"POINTER_LOCATION"}),
    ),
    Kind(
        "int* p",
        _added_where(r"^\t+(?:const )?struct \w+ \*\w"),
        _replace(r"(struct \w+) \*(\w)", r"\1* \2"),
        frozenset({"pointer-placement"}),
        frozenset({"POINTER_LOCATION"}),
    ),
    Kind(
        "u64 * p",
        _added_where(r"^\t+(?:const )?(?:u8|u16|u32|u64|int|void|char|long) \*\w"),
        _replace(r"\b(u8|u16|u32|u64|int|void|char|long) \*(\w)", r"\1 * \2"),
        frozenset({"pointer-placement"}),
        frozenset({"POINTER_LOCATION"}),
    ),
    Kind(
        "brace on its own line",
        _brace_sites,
        _brace_to_next_line,
        frozenset({"brace-placement"}),
        frozenset({"OPEN_BRACE"}),
    ),
    Kind(
        "else after }",
        _else_sites,
        _else_to_next_line,
        frozenset({"brace-placement"}),
        frozenset({"ELSE_AFTER_BRACE"}),
    ),
    Kind(
        "bare unsigned",
        _added_where(r"\bunsigned int\b"),
        _replace(r"\bunsigned int\b", "unsigned"),
        frozenset({"bare-unsigned"}),
        frozenset({"UNSPECIFIED_INT"}),
    ),
    Kind(
        "static = 0",
        _function_ends,
        _insert_file_scope("static unsigned int kvm_frob_count = 0;"),
        frozenset({"static-init-zero"}),
        frozenset({"INITIALISED_STATIC"}),
    ),
    Kind(
        "extern in .c",
        _function_ends,
        _insert_file_scope("extern bool kvm_frob_enabled;"),
        frozenset({"extern-in-c"}),
        frozenset({"AVOID_EXTERNS"}),
    ),
    Kind(
        "no blank line after declarations",
        _declarations_then_blank,
        _delete,
        frozenset({"blank-after-declarations"}),
        frozenset({"LINE_SPACING"}),
    ),
    Kind(
        "return (x)",
        _added_where(r"^\t+return [\w>.-]+;$"),
        _replace(r"return ([\w>.-]+);", r"return (\1);"),
        frozenset({"code-return-parens"}),
        frozenset({"RETURN_PARENTHESES"}),
    ),
    Kind(
        "two blank lines",
        _added_where(r"^$"),
        _blank_after,
        frozenset({"code-multiple-blank-lines"}),
        frozenset({"LINE_SPACING"}),
    ),
    Kind(
        "assignment in if",
        _assign_then_test,
        _assign_in_if,
        frozenset({"assign-in-if"}),
        frozenset({"ASSIGN_IN_IF"}),
    ),
    Kind(
        "typo in the changelog",
        _typo_sites,
        _make_typo,
        frozenset({"typo"}),
        frozenset({"TYPO_SPELLING"}),
    ),
    Kind(
        "typo in a comment",
        _comment_typo_sites,
        _make_typo,
        frozenset({"typo"}),
        frozenset({"TYPO_SPELLING"}),
    ),
    Kind(
        '"the the" in the changelog',
        _prose_with(r"(?:^| )the [a-z]"),
        _double_the,
        frozenset({"repeated-word"}),
        frozenset({"REPEATED_WORD"}),
    ),
)


def inject(text: str, kind: Kind, seed: str) -> str | None:
    """``text`` with one fault of ``kind``, at a place picked from ``seed``; None
    when the patch has no place for it."""
    lines = Lines(text)
    sites = kind.sites(lines)
    if not sites:
        return None
    chosen = random.Random(zlib.crc32(f"{seed}:{kind.name}".encode())).choice(sites)
    kind.apply(lines, chosen)
    return lines.text()


def injected(paths: list[Path], per_kind: int) -> Iterator[tuple[Kind, Path, str]]:
    """Up to ``per_kind`` faulty versions per kind, one per patch."""
    for kind in KINDS:
        made = 0
        for path in paths:
            if made >= per_kind:
                break
            text = path.read_text(encoding="utf-8", errors="replace")
            faulty = inject(text, kind, path.name)
            if faulty is not None and faulty != text:
                made += 1
                yield kind, path, faulty
