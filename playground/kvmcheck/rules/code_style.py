"""The kernel coding style on added C lines (handbook: maintainer-kvm-x86#coding-style).

The checks checkpatch.pl makes that KVM patches trip, on the ``+`` lines of
``.c`` and ``.h`` files of KVM host code and the KVM selftests.  Each rule is
tuned so that accepted KVM patches stay clean: checkpatch.pl's own output on
the real-patch corpus and on injected faults is the reference (``make bench``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

from kvmcheck.c_source import CodeLine, split_lines
from kvmcheck.context import PatchContext
from kvmcheck.model import FileDiff, Hunk, Line, Patch
from kvmcheck.paths import SELFTESTS_DIR
from kvmcheck.registry import KVM_HOST, Edit, Finding, Rule, rule
from kvmcheck.rules._examples import diff, patch

SECTION = "maintainer-kvm-x86#coding-style"
MAX_COLUMNS = 100
TAB_WIDTH = 8

# The rules read C sources and headers of KVM host code and the selftests.
C_FILES = ("c", "header")


def _added(lines: str, removed: str = "", path: str = "arch/x86/kvm/x86.c") -> str:
    """An example patch adding ``lines`` to ``path``."""
    return patch(diffs=diff(path=path, added=lines, removed=removed))


# --- which lines ---------------------------------------------------------------------


# Every rule here reads the same lines of the same patch: the removed lines
# and the split of each hunk are worked out once (the caches hold the patch
# and hunk objects, so an id is never reused while its entry lives).
@lru_cache(maxsize=256)
def _removed_of(patch: Patch, strip: bool) -> frozenset[str]:
    return frozenset(line.text.strip() if strip else line.text
                     for file in patch.files for line in file.removed_lines())


def _removed(context: PatchContext, strip: bool) -> frozenset[str]:
    return _removed_of(context.patch, strip)


@lru_cache(maxsize=4096)
def split_hunk(hunk: Hunk) -> tuple[CodeLine, ...]:
    """The added lines of ``hunk`` split into code and comment."""
    return tuple(split_lines(hunk.added))


# Shorter lines ("{", "}", "break;") are not evidence that code was moved.
_MOVED_MIN = 8


def _new_lines(hunk: Hunk, removed: frozenset[str], strip: bool) -> list[Line]:
    """Added lines the author wrote: not ones moved unchanged from elsewhere."""
    return [line for line in hunk.added
            if len(line.text.strip()) < _MOVED_MIN
            or (line.text.strip() if strip else line.text) not in removed]


@lru_cache(maxsize=4096)
def _whitespace_of(hunk: Hunk, removed: frozenset[str]) -> tuple[Line, ...]:
    return tuple(_new_lines(hunk, removed, strip=False))


@lru_cache(maxsize=4096)
def _written_of(hunk: Hunk, removed: frozenset[str]) -> tuple[CodeLine, ...]:
    written = {id(line) for line in _new_lines(hunk, removed, strip=True)}
    return tuple(code_line for code_line in split_hunk(hunk) if id(code_line.line) in written)


def whitespace_lines(context: PatchContext) -> Iterator[tuple[FileDiff, Line]]:
    """Added lines whose whitespace the author chose (moved lines that kept
    their exact text are left alone)."""
    removed = _removed(context, strip=False)
    for file in context.files:
        for hunk in file.hunks:
            for line in _whitespace_of(hunk, removed):
                yield file, line


def code_lines(context: PatchContext,
               files: list[FileDiff] | None = None) -> Iterator[tuple[FileDiff, CodeLine]]:
    """Written added lines of ``files`` (default: the files the rule reads), split
    into code and comment; code moved or only re-indented keeps whatever style it had."""
    removed = _removed(context, strip=True)
    for file in context.files if files is None else files:
        for hunk in file.hunks:
            for code_line in _written_of(hunk, removed):
                yield file, code_line


def columns(text: str) -> int:
    """The width of ``text`` with tabs expanded to 8 columns."""
    return len(text.expandtabs(TAB_WIDTH))


# --- whitespace ----------------------------------------------------------------------


@rule(
    "trailing-whitespace", "warning", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    fixable=True,
    title="No trailing whitespace",
    message="Trailing whitespace: remove the spaces or tabs at the end of this line.",
    bad=_added("\treturn -EINVAL;  "),
    good=_added("\treturn -EINVAL;"),
)
def trailing_whitespace(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Spaces and tabs at the end of a line are invisible in an editor but show up in every diff,
    and git warns about them when the patch is applied. checkpatch.pl reports them as errors.
    kvmcheck --fix removes them.
    """
    for _file, line in whitespace_lines(context):
        kept = line.text.rstrip(" \t")
        if kept != line.text:
            edit = Edit.added(line, len(kept), len(line.text), "")
            yield rule_.finding(line.lineno, edits=[edit])


# At the end of a line it is trailing whitespace, reported as that.
_SPACE_BEFORE_TAB = re.compile(r" +\t(?=.*\S)")


def _tabs_for(text: str, match: re.Match[str]) -> str:
    """The tabs that end ``match`` (spaces, then a tab) at the same column."""
    return "\t" * (columns(text[:match.end()]) // TAB_WIDTH
                   - columns(text[:match.start()]) // TAB_WIDTH)


@rule(
    "space-before-tab", "warning", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    fixable=True,
    title="No space before a tab",
    message="A space before a tab: indent and align with tabs, and use spaces only after the last "
        "tab.",
    bad=_added("\tint r; \t/* result */"),
    good=_added("\tint r;\t/* result */"),
)
def space_before_tab(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A space right before a tab is usually swallowed by the tab, so nobody sees it, but it still
    changes the line in the diff and can shift the alignment. Align with tabs, then spaces.
    kvmcheck --fix removes the spaces.
    """
    for _file, line in whitespace_lines(context):
        if line.text.startswith(" "):
            continue
        edits = [Edit.added(line, match.start(), match.end(), _tabs_for(line.text, match))
                 for match in _SPACE_BEFORE_TAB.finditer(line.text)]
        if edits:
            yield rule_.finding(line.lineno, edits=edits)


# --- line length ----------------------------------------------------------------------

_URL = re.compile(r"\b[a-z]+://")


def _too_long_for_a_reason(code_line: CodeLine) -> bool:
    """Lines checkpatch lets run long: a user-visible string that starts
    before the limit (never split, so it can be grepped) and URLs."""
    text = code_line.line.text
    quote = code_line.code.find('"')
    if quote >= 0 and columns(text[:quote]) < MAX_COLUMNS:
        return True
    return _URL.search(text) is not None


@rule(
    "line-too-long", "warning", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    title="Lines stay within 100 columns",
    message="This line is {width} columns wide; kernel code stays within 100 (80 preferred).",
    bad=_added("\treturn kvm_frobnicate_the_vcpu_state(vcpu, KVM_FROB_ALL_REGISTERS, "
               "KVM_FROB_FLAG_SYNC | KVM_FROB_FLAG_FORCE);"),
    good=_added("\treturn kvm_frobnicate_the_vcpu_state(vcpu, KVM_FROB_ALL_REGISTERS,\n"
                "\t\t\t\t\t    KVM_FROB_FLAG_SYNC | KVM_FROB_FLAG_FORCE);"),
)
def line_too_long(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The kernel's limit is 80 columns, stretched to 100 where breaking a line would make it harder
    to read; checkpatch.pl warns past 100. A message string is never split to fit (people grep for
    it), and a URL may run long too.
    """
    for _file, code_line in code_lines(context):
        width = columns(code_line.line.text.rstrip())
        if width > MAX_COLUMNS and not _too_long_for_a_reason(code_line):
            yield rule_.finding(code_line.line.lineno, width=width)


# --- spacing --------------------------------------------------------------------------

_KEYWORD_PAREN = re.compile(r"\b(if|for|while|switch)\(")


@rule(
    "space-after-keyword", "warning", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    title="A space after if, for, while and switch",
    message="Put a space between '{keyword}' and '(': '{keyword} ('.",
    bad=_added("\tif(!vcpu)\n\t\treturn -EINVAL;"),
    good=_added("\tif (!vcpu)\n\t\treturn -EINVAL;"),
)
def space_after_keyword(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Keywords that take a parenthesized expression (if, for, while, switch) are followed by a
    space, which sets them apart from function calls: 'if (x)', not 'if(x)'. sizeof, typeof and
    friends are written like functions.
    """
    for _file, code_line in code_lines(context):
        match = _KEYWORD_PAREN.search(code_line.code)
        if match:
            yield rule_.finding(code_line.line.lineno, keyword=match.group(1))


_NAME_SPACE_PAREN = re.compile(r"\b([A-Za-z_]\w*)\s+\(")
# Words a space before "(" is right after: keywords, attributes and asm.
_SPACED_WORDS = frozenset((
    "if", "for", "while", "switch", "return", "case", "volatile", "__volatile__",
    "__attribute__", "format", "__extension__", "asm", "__asm__", "scoped_guard", "else",
    "do", "goto", "elif", "__must_hold", "__acquires", "__releases",
))
_TYPE_WORDS = frozenset((
    "void", "char", "short", "int", "long", "float", "double", "signed", "unsigned", "bool",
    "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "__u8", "__u16", "__u32", "__u64",
    "__s8", "__s16", "__s32", "__s64", "__le16", "__le32", "__le64", "__be16", "__be32",
    "__be64", "const", "static", "inline", "__always_inline", "noinline", "extern",
    "__init", "__exit", "__noreturn", "__cold", "notrace", "noinstr", "asmlinkage",
    "__visible",
))
_PREPROCESSOR = re.compile(r"\s*#\s*(\w+)")


def is_type_word(word: str) -> bool:
    return word in _TYPE_WORDS or word.endswith("_t")


def _ends_with_type(before: str) -> bool:
    """``before`` ends with a type: what precedes a function pointer's ``(``."""
    words = re.findall(r"[A-Za-z_]\w*|\S", before)
    if not words:
        return False
    last = words[-1]
    if last == "*":
        return True
    if is_type_word(last):
        return True
    return len(words) >= 2 and words[-2] in ("struct", "union", "enum")


@rule(
    "space-before-paren", "warning", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    title="No space before a call's parenthesis",
    message="No space between '{name}' and its '(': write '{name}(...)'.",
    bad=_added("\treturn kvm_get_foo (index);"),
    good=_added("\treturn kvm_get_foo(index);"),
)
def space_before_paren(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Function calls, function declarations and function-like macros put the opening parenthesis
    right after the name: 'kvm_vcpu_kick(vcpu)'. A space there is only right after keywords such as
    if, for, while, switch and return.
    """
    for _file, code_line in code_lines(context):
        code = code_line.code
        directive = _PREPROCESSOR.match(code)
        if directive and directive.group(1) in ("define", "include"):
            # "#define FOO (1 << 3)": the space says it is not a parameter list.
            continue
        for match in _NAME_SPACE_PAREN.finditer(code):
            name = match.group(1)
            if name in _SPACED_WORDS:
                continue
            if _ends_with_type(code[:match.end(1)]):
                continue
            yield rule_.finding(code_line.line.lineno, name=name)
            break


_OPERATOR = re.compile(
    r"<<=|>>=|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=|[=<>+\-*/%&|^!~?:]"
)
# Operators that always take a space on both sides in kernel code.
_SPACED_BOTH = frozenset(("=", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=", "*=", "/=",
                          "%=", "&=", "|=", "^=", "<<=", ">>="))
# Binary operators that may go without spaces but not with one only on one side.
_CONSISTENT = frozenset(("+", "-", "/", "%", "|", "^", "<<", ">>"))
# What makes a following "+"/"-" unary rather than binary.
_UNARY_AFTER = re.compile(r"(?:[-+*/%&|^!~=<>?:,;(\[{]|\breturn|\bcase|\bsizeof|^)\s*$")


def _operator_problem(code: str, match: re.Match[str]) -> bool:
    operator = match.group()
    start, end = match.span()
    before = code[start - 1] if start > 0 else ""
    after = code[end] if end < len(code) else ""
    space_before = before in (" ", "\t")
    space_after = after in (" ", "\t", "")
    if operator in _SPACED_BOTH:
        return not (space_before and space_after)
    if operator in _CONSISTENT:
        if operator in ("+", "-") and _UNARY_AFTER.search(code[:start]):
            return False
        return space_before != space_after and start > len(code) - len(code.lstrip())
    return False


@rule(
    "operator-spacing", "warning", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    title="Spaces around operators",
    message="Spacing around '{operator}': one space on each side of assignments, comparisons and "
        "logical operators, and the same on both sides of other binary operators.",
    bad=_added("\tr=kvm_get_foo(index);"),
    good=_added("\tr = kvm_get_foo(index);"),
)
def operator_spacing(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Assignments (=, +=, |=, ...), comparisons (==, !=, <=, >=) and logical operators (&&, ||)
    have a space on each side. Other binary operators (+, -, <<, |, ...) may go without spaces
    in a dense expression, but not with a space on one side only, which reads like a unary
    operator. Unary operators, ++, --, . and -> take none.
    """
    for _file, code_line in code_lines(context):
        code = code_line.code
        directive = _PREPROCESSOR.match(code)
        if directive and directive.group(1) in ("include", "error", "warning", "pragma"):
            continue
        for match in _OPERATOR.finditer(code):
            if _operator_problem(code, match):
                yield rule_.finding(code_line.line.lineno, operator=match.group())
                break


_COMMA_NO_SPACE = re.compile(r",(?=[^\s)\]}])")


@rule(
    "comma-spacing", "warning", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    title="A space after every comma",
    message="Put a space after each comma.",
    bad=_added("\treturn kvm_set_foo(vcpu,index);"),
    good=_added("\treturn kvm_set_foo(vcpu, index);"),
)
def comma_spacing(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Arguments, parameters, initializers and declarations in a list are separated by a comma and a
    space: 'foo(a, b)', not 'foo(a,b)'.
    """
    for _file, code_line in code_lines(context):
        if _COMMA_NO_SPACE.search(code_line.code):
            yield rule_.finding(code_line.line.lineno)


_STAR = re.compile(
    r"(?:\b(?:struct|union|enum)\s+[A-Za-z_]\w*|\b([A-Za-z_]\w*))"
    r"([ \t]*)(\*+)([ \t]*)(?=[A-Za-z_(),])"
)
_POINTER_QUALIFIERS = frozenset(("const", "volatile", "restrict", "__rcu", "__user", "__iomem",
                                 "__percpu", "__force"))
# The start of a declaration or cast: where a type may begin.
_DECLARATION_START = re.compile(
    r"(?:^\s*|[(,;{]\s*|\b(?:const|static|extern|inline|unsigned|signed|volatile)\s+)$"
)


@rule(
    "pointer-placement", "warning", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    title="The '*' sticks to the name",
    message="'{written}': the '*' of a pointer goes with the name, as in 'int *p' or '(struct foo "
        "*)'.",
    bad=_added("\tstruct kvm_vcpu * vcpu = kvm_get_vcpu(kvm, 0);"),
    good=_added("\tstruct kvm_vcpu *vcpu = kvm_get_vcpu(kvm, 0);"),
)
def pointer_placement(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """In a declaration the '*' belongs to the variable, not the type: 'int *a, b;' declares one
    pointer and one int. Kernel style writes 'struct kvm *kvm', 'char *buf' and casts as '(u64 *)',
    never 'int* p' or 'int * p'.
    """
    for _file, code_line in code_lines(context):
        code = code_line.code
        for match in _STAR.finditer(code):
            word, before, _stars, after = match.groups()
            if word is not None and not is_type_word(word):
                continue
            if word in ("const", "static", "extern", "inline", "unsigned", "signed"):
                continue
            if not _DECLARATION_START.search(code[:match.start()]):
                continue
            name = re.match(r"\w*", code[match.end():]).group()
            if name in _POINTER_QUALIFIERS:
                continue  # "char * const p": the const is the pointer's
            names_follow = name[:1].isidentifier()
            # "int * p" and "int* p", "int*p", "(u64*)"; "int *p" is right.
            if not before or (after and names_follow):
                yield rule_.finding(code_line.line.lineno, written=match.group().strip())
                break


# --- braces ---------------------------------------------------------------------------

_CONTROL = re.compile(r"\s*(?:\}\s*)?(?:if|for|while|switch|else(?:\s+if)?|do)\b")
_AGGREGATE_HEAD = re.compile(r"(?:typedef\s+)?(?:struct|union|enum)(?:\s+[A-Za-z_]\w*)?\s*")
_ELSE_ALONE = re.compile(r"\s*else\b")
_CLOSE_ALONE = re.compile(r"\s*\}\s*")
_BRACE_SPACING = re.compile(r"\)\{|\}(?:else|while)\b|\belse\{")


def _brace_finding(previous: CodeLine, current: CodeLine) -> str | None:
    """The variant of ``brace-placement`` that ``current`` breaks ("" for the
    misplaced opening brace), None if none;
    ``previous`` is the added line directly above it."""
    before = previous.code.rstrip()
    code = current.code.rstrip()
    if code.strip() == "{":
        control = _CONTROL.match(before) and not before.endswith(";")
        # Indented: inside a function, where a "{" alone after a condition
        # (or a loop macro) belongs on that line; function bodies start at column 0.
        continued = code.startswith(("\t", " ")) and before.endswith(")")
        if control or continued or _AGGREGATE_HEAD.fullmatch(before):
            return ""
    if _ELSE_ALONE.match(code) and _CLOSE_ALONE.fullmatch(before):
        return "else"
    return None


@rule(
    "brace-placement", "warning", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    title="Braces and else in kernel style",
    message="Put the opening brace at the end of the previous line, after the condition or the "
        "struct name.",
    variants={
        "else": "Put 'else' on the same line as the closing brace: '}} else {{'.",
        "space": "Put a space between ')' or 'else' and '{{', and between '}}' and 'else'/'while'.",
    },
    bad=_added("\tif (!vcpu)\n\t{\n\t\tr = -EINVAL;\n\t\tgoto out;\n\t}"),
    good=_added("\tif (!vcpu) {\n\t\tr = -EINVAL;\n\t\tgoto out;\n\t}"),
)
def brace_placement(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The opening brace of an if, for, while, switch, do, struct, union or enum goes at the end of
    the line that opens the block, after a space; only function bodies start with a brace on a line
    of its own. 'else' follows the closing brace on the same line.
    """
    removed = _removed(context, strip=True)
    for file in context.files:
        for hunk in file.hunks:
            written = {id(line) for line in _new_lines(hunk, removed, strip=True)}
            previous: CodeLine | None = None
            for current in split_hunk(hunk):
                lineno = current.line.lineno
                follows = previous is not None and lineno is not None \
                    and previous.line.lineno == lineno - 1
                if id(current.line) in written:
                    variant = _brace_finding(previous, current) if follows else None
                    if variant is None and _BRACE_SPACING.search(current.code):
                        variant = "space"
                    if variant is not None:
                        yield rule_.finding(lineno, variant or None)
                previous = current


# --- statements -----------------------------------------------------------------------

_IF_START = re.compile(r"\bif\s*\(")
_ASSIGNMENT = re.compile(r"(?<![=!<>+\-*/%&|^])=(?!=)")


def _condition(lines: list[CodeLine], index: int, start: int) -> str:
    """The ``if (...)`` condition opened at column ``start`` of ``lines[index]``,
    followed over the lines directly after it until its parentheses close."""
    depth = 0
    text: list[str] = []
    code = lines[index].code[start:]
    while True:
        for position, char in enumerate(code):
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    text.append(code[:position + 1])
                    return " ".join(text)
        text.append(code)
        lineno = lines[index].line.lineno
        index += 1
        if index >= len(lines) or lineno is None or lines[index].line.lineno != lineno + 1:
            return " ".join(text)
        code = lines[index].code


@rule(
    "assign-in-if", "warning", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    title="No assignment inside an if condition",
    message="Do not assign inside an 'if' condition: assign first, then test the result.",
    bad=_added("\tif ((r = kvm_get_foo(index)))\n\t\treturn r;"),
    good=_added("\tr = kvm_get_foo(index);\n\tif (r)\n\t\treturn r;"),
)
def assign_in_if(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """'if ((r = foo()))' hides a side effect in a test and looks like a mistyped '=='. Kernel style
    puts the assignment on its own line and tests the variable after it; checkpatch.pl reports it
    as an error.
    """
    removed = _removed(context, strip=True)
    for file in context.files:
        for hunk in file.hunks:
            written = {id(line) for line in _new_lines(hunk, removed, strip=True)}
            lines = list(split_hunk(hunk))
            for index, code_line in enumerate(lines):
                if id(code_line.line) not in written:
                    continue
                match = _IF_START.search(code_line.code)
                if match and _ASSIGNMENT.search(_condition(lines, index, match.end() - 1)):
                    yield rule_.finding(code_line.line.lineno)


_PRINTK = re.compile(r"\bprintk\s*\(\s*(KERN_([A-Z]+))?")
_PR_LEVEL = {"EMERG": "emerg", "ALERT": "alert", "CRIT": "crit", "ERR": "err",
             "WARNING": "warn", "NOTICE": "notice", "INFO": "info", "DEBUG": "debug",
             "CONT": "cont"}


@rule(
    "printk-level", "warning", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    title="pr_<level>() rather than printk()",
    message="printk() without a log level: use pr_err(), pr_warn(), pr_info() and friends (or "
        "their _once/_ratelimited forms).",
    variants={
        "with-level": "Use pr_{level}() instead of printk({kern} ...).",
    },
    bad=_added('\tprintk("kvm: unknown index %u\\n", index);'),
    good=_added('\tpr_warn_once("unknown index %u\\n", index);'),
)
def printk_level(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A printk() without a KERN_<LEVEL> prefix is logged at the default level, which is rarely what
    was meant. The pr_<level>() helpers always carry a level and KVM's pr_fmt prefix; since KVM
    messages can be triggered by a guest, prefer pr_*_once() or pr_*_ratelimited() for anything a
    guest can cause.
    """
    for file, code_line in code_lines(context):
        if file.path.startswith(SELFTESTS_DIR):
            continue
        match = _PRINTK.search(code_line.code)
        if not match:
            continue
        if match.group(1):
            level = _PR_LEVEL.get(match.group(2), match.group(2).lower())
            yield rule_.finding(code_line.line.lineno, "with-level", level=level,
                                kern=match.group(1))
        else:
            yield rule_.finding(code_line.line.lineno)


_BUG = re.compile(r"\b(BUG_ON|BUG)\s*\(")


@rule(
    "bug-on", "warning", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    title="No new BUG() or BUG_ON()",
    message="New {call}(): KVM does not crash the host for a KVM bug. Use KVM_BUG_ON() (stops the "
        "VM) or WARN_ON_ONCE() and recover.",
    bad=_added("\tBUG_ON(index >= ARRAY_SIZE(vcpu->arch.foo));"),
    good=_added("\tif (KVM_BUG_ON(index >= ARRAY_SIZE(vcpu->arch.foo), vcpu->kvm))\n"
                "\t\treturn -EIO;"),
)
def bug_on(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """BUG() takes the whole host down, with every other VM on it, for what is usually a bug that
    affects one VM. KVM code uses KVM_BUG_ON(cond, kvm), which marks that VM dead and makes its
    vCPUs exit, or WARN_ON_ONCE() with code that recovers. checkpatch.pl warns about every new
    BUG() and BUG_ON().
    """
    for file, code_line in code_lines(context):
        if file.path.startswith(SELFTESTS_DIR):
            continue
        match = _BUG.search(code_line.code)
        if match:
            yield rule_.finding(code_line.line.lineno, call=match.group(1))


_BARE_UNSIGNED = re.compile(r"\bunsigned\b(?!\s+(?:char|short|int|long)\b)")


@rule(
    "bare-unsigned", "info", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    title="'unsigned int', not 'unsigned'",
    message="Write 'unsigned int' rather than a bare 'unsigned'.",
    bad=_added("\tunsigned i;\n\n\tfor (i = 0; i < nr; i++)\n\t\tkvm_get_foo(i);"),
    good=_added("\tunsigned int i;\n\n\tfor (i = 0; i < nr; i++)\n\t\tkvm_get_foo(i);"),
)
def bare_unsigned(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A bare 'unsigned' means 'unsigned int', but spelling the type out reads better next to
    'unsigned long' and the u32/u64 types. Existing code has some; new code spells it out.
    """
    for _file, code_line in code_lines(context):
        if _BARE_UNSIGNED.search(code_line.code):
            yield rule_.finding(code_line.line.lineno)


_ZERO_INIT = re.compile(
    r"(?:[A-Za-z_]\w*\s+)+\**\s*[A-Za-z_]\w*"
    r"(?:\s+(?:__read_mostly|__ro_after_init|__initdata))*"
    r"\s*=\s*(?:(?:0[xX])?0+[uUlL]*|NULL|false)\s*;"
)


@rule(
    "static-init-zero", "warning", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    title="Statics are not initialized to zero",
    message="Do not initialize a static or global variable to 0, false or NULL: it starts out "
        "zeroed.",
    bad=_added("static bool kvm_frob_enabled = false;", path="arch/x86/kvm/x86.c"),
    good=_added("static bool kvm_frob_enabled;", path="arch/x86/kvm/x86.c"),
)
def static_init_zero(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Static and global variables live in .bss and are zeroed before any code runs, so '= 0', '=
    false' and '= NULL' add nothing. checkpatch.pl reports them as errors.
    """
    for _file, code_line in code_lines(context):
        code = code_line.code
        # A global starts at column 0; a local only counts when static.
        static = code[:1].isalpha() or code.lstrip().startswith("static ")
        if static and _ZERO_INIT.fullmatch(code.strip()):
            yield rule_.finding(code_line.line.lineno)


# A local declaration: type words, a name, maybe an array size and an
# initializer, ending the line with ";".
_DECLARATION = re.compile(
    r"\t+(?!(?:return|goto|break|continue|case|default|else|do|if|while|for|switch)\b)"
    r"(?:(?:const|static|unsigned|signed|volatile|struct|union|enum|register)\s+)*"
    r"[A-Za-z_]\w*(?:\s+\**|\s*\*+\s*)[A-Za-z_]\w*(?:\[[^\]]*\])?"
    r"(?:\s*,\s*\**[A-Za-z_]\w*(?:\[[^\]]*\])?)*(?:\s*=\s*[^;]+)?;\s*"
)
_NOT_A_STATEMENT = re.compile(r"\s*(?:$|\}|#|[A-Za-z_]\w*:(?!:)|\*|/)")


def _removed_pairs(context: PatchContext) -> frozenset[tuple[str, str]]:
    """Pairs of directly following removed lines: code moved as it was."""
    pairs = set()
    for file in context.patch.files:
        for hunk in file.hunks:
            for first, second in pairwise(hunk.removed):
                if first.lineno is not None and second.lineno == first.lineno + 1:
                    pairs.add((first.text.strip(), second.text.strip()))
    return frozenset(pairs)


def _indent(text: str) -> str:
    return text[:len(text) - len(text.lstrip())]


@rule(
    "blank-after-declarations", "warning", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    title="A blank line after declarations",
    message="Put a blank line between the declarations and the first statement.",
    bad=_added("\tint r;\n\tr = kvm_get_foo(index);"),
    good=_added("\tint r;\n\n\tr = kvm_get_foo(index);"),
)
def blank_after_declarations(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The local variable declarations at the top of a block are separated from the code that
    follows by one blank line, so the two are easy to tell apart.
    """
    moved = _removed_pairs(context)
    for file in context.files:
        for hunk in file.hunks:
            lines = list(split_hunk(hunk))
            for previous, current in pairwise(lines):
                if previous.line.lineno is None or \
                        current.line.lineno != previous.line.lineno + 1:
                    continue
                if (previous.line.text.strip(), current.line.text.strip()) in moved:
                    continue
                if previous.comment or not _DECLARATION.fullmatch(previous.code):
                    continue
                if _DECLARATION.fullmatch(current.code) or _NOT_A_STATEMENT.match(current.code):
                    continue
                if _indent(current.code) != _indent(previous.code):
                    continue
                yield rule_.finding(current.line.lineno)


_EXTERN = re.compile(r"\s*extern\s")


@rule(
    "extern-in-c", "warning", SECTION,
    areas=(KVM_HOST,), types=C_FILES,
    title="No extern declarations in .c files",
    message="An 'extern' declaration in a .c file: declare it in a header both files include.",
    bad=_added("extern bool kvm_frob_enabled;", path="arch/x86/kvm/x86.c"),
    good=_added("extern bool kvm_frob_enabled;", path="arch/x86/kvm/x86.h"),
)
def extern_in_c(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A declaration that a .c file copies from another file goes out of sync silently when the
    definition changes. Declare it once, in a header included by the file that defines it and by
    the files that use it, and the compiler checks both.
    """
    for file, code_line in code_lines(context):
        if file.path.endswith(".c") and _EXTERN.match(code_line.code):
            yield rule_.finding(code_line.line.lineno)
