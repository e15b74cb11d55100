"""Braces, statements and declarations in added C code (handbook:
maintainer-kvm-x86#coding-style).

The rest of checkpatch.pl's checks that KVM patches trip: brace and ``else``
placement, assignment in an ``if``, ``printk()`` without a level, new
``BUG()``/``BUG_ON()``, bare ``unsigned``, statics initialised to zero, no blank
line after declarations and ``extern`` in ``.c`` files.  Each is tuned so
accepted KVM patches stay clean; checkpatch.pl's output on the real-patch
corpus and on injected faults is the reference (``make bench``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from kvmcheck import lazy_re
from kvmcheck.added_code import C_FILES, code_lines
from kvmcheck.c_source import CodeLine
from kvmcheck.context import PatchContext
from kvmcheck.model import follows
from kvmcheck.paths import SELFTESTS_DIR
from kvmcheck.registry import DIFF, KVM_HOST, Finding, Rule, rule
from kvmcheck.rules._examples import added_lines

SECTION = "maintainer-kvm-x86#coding-style"


_CONTROL = lazy_re.compile(r"\s*(?:\}\s*)?(?:if|for|while|switch|else(?:\s+if)?|do)\b")
_AGGREGATE_HEAD = lazy_re.compile(r"(?:typedef\s+)?(?:struct|union|enum)(?:\s+[A-Za-z_]\w*)?\s*")
_ELSE_ALONE = lazy_re.compile(r"\s*else\b")
_CLOSE_ALONE = lazy_re.compile(r"\s*\}\s*")
# "){" only ends a line: "(int){ 1 }" inside a line is a compound literal.
_BRACE_SPACING = lazy_re.compile(r"\)\{\s*$|\}(?:else|while)\b|\belse\{")


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
    "brace-placement",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="Braces and else in kernel style",
    message="Put the opening brace at the end of the previous line, after the condition or the "
    "struct name.",
    variants={
        "else": "Put 'else' on the same line as the closing brace: '}} else {{'.",
        "space": "Put a space between ')' or 'else' and '{{', and between '}}' and 'else'/'while'.",
    },
    bad=added_lines("\tif (!vcpu)\n\t{\n\t\tr = -EINVAL;\n\t\tgoto out;\n\t}"),
    good=added_lines("\tif (!vcpu) {\n\t\tr = -EINVAL;\n\t\tgoto out;\n\t}"),
)
def brace_placement(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The opening brace of an if, for, while, switch, do, struct, union or enum goes at the end of
    the line that opens the block, after a space; only function bodies start with a brace on a line
    of its own. 'else' follows the closing brace on the same line.
    """
    for file in context.files:
        for hunk in file.hunks:
            previous: CodeLine | None = None
            for current, wrote in zip(
                context.added_code.lines(hunk), context.added_code.written(hunk), strict=True
            ):
                if wrote:
                    variant = (
                        _brace_finding(previous, current)
                        if previous is not None and follows(previous.line, current.line)
                        else None
                    )
                    if variant is None and _BRACE_SPACING.search(current.code):
                        variant = "space"
                    if variant is not None:
                        yield rule_.finding(current.line.lineno, variant or None)
                previous = current


# --- statements -----------------------------------------------------------------------

_IF_START = lazy_re.compile(r"\bif\s*\(")
_ASSIGNMENT = lazy_re.compile(r"(?<![=!<>+\-*/%&|^])=(?!=)")
# No condition in kernel code spans this many lines; following an unclosed
# "if (" on every one of thousands of lines to the end would be quadratic.
_CONDITION_LINES = 20


def _condition(lines: Sequence[CodeLine], index: int, start: int) -> str:
    """The ``if (...)`` condition opened at column ``start`` of ``lines[index]``,
    followed over the lines directly after it until its parentheses close."""
    depth = 0
    text: list[str] = []
    code = lines[index].code[start:]
    last = index + _CONDITION_LINES
    while True:
        for position, char in enumerate(code):
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    text.append(code[: position + 1])
                    return " ".join(text)
        text.append(code)
        index += 1
        if index >= min(len(lines), last) or not follows(lines[index - 1].line, lines[index].line):
            return " ".join(text)
        code = lines[index].code


@rule(
    "assign-in-if",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="No assignment inside an if condition",
    message="Do not assign inside an 'if' condition: assign first, then test the result.",
    bad=added_lines("\tif ((r = kvm_get_foo(index)))\n\t\treturn r;"),
    good=added_lines("\tr = kvm_get_foo(index);\n\tif (r)\n\t\treturn r;"),
)
def assign_in_if(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """'if ((r = foo()))' hides a side effect in a test and looks like a mistyped '=='. Kernel style
    puts the assignment on its own line and tests the variable after it; checkpatch.pl reports it
    as an error.
    """
    for file in context.files:
        for hunk in file.hunks:
            lines = context.added_code.lines(hunk)
            for index, (code_line, wrote) in enumerate(
                zip(lines, context.added_code.written(hunk), strict=True)
            ):
                # "if" first: a substring test is far cheaper than the
                # search, which tries every word start of the line.
                if not wrote or "if" not in code_line.code:
                    continue
                match = _IF_START.search(code_line.code)
                if match and _ASSIGNMENT.search(_condition(lines, index, match.end() - 1)):
                    yield rule_.finding(code_line.line.lineno)


_PRINTK = lazy_re.compile(r"\bprintk\s*\(\s*(KERN_([A-Z]+))?")
_PR_LEVEL = {
    "EMERG": "emerg",
    "ALERT": "alert",
    "CRIT": "crit",
    "ERR": "err",
    "WARNING": "warn",
    "NOTICE": "notice",
    "INFO": "info",
    "DEBUG": "debug",
    "CONT": "cont",
}


@rule(
    "printk-level",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="pr_<level>() rather than printk()",
    message="printk() without a log level: use pr_err(), pr_warn(), pr_info() and friends (or "
    "their _once/_ratelimited forms).",
    variants={
        "with-level": "Use pr_{level}() instead of printk({kern} ...).",
    },
    bad=added_lines('\tprintk("kvm: unknown index %u\\n", index);'),
    good=added_lines('\tpr_warn_once("unknown index %u\\n", index);'),
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
        # The plain test first: most lines call no printk(), and it is far
        # cheaper than the search.
        if "printk" not in code_line.code:
            continue
        match = _PRINTK.search(code_line.code)
        if not match:
            continue
        if match.group(1):
            level = _PR_LEVEL.get(match.group(2), match.group(2).lower())
            yield rule_.finding(
                code_line.line.lineno, "with-level", level=level, kern=match.group(1)
            )
        else:
            yield rule_.finding(code_line.line.lineno)


_BUG = lazy_re.compile(r"\b(BUG_ON|BUG)\s*\(")


@rule(
    "bug-on",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="No new BUG() or BUG_ON()",
    message="New {call}(): KVM does not crash the host for a KVM bug. Use KVM_BUG_ON() (stops the "
    "VM) or WARN_ON_ONCE() and recover.",
    bad=added_lines("\tBUG_ON(index >= ARRAY_SIZE(vcpu->arch.foo));"),
    good=added_lines(
        "\tif (KVM_BUG_ON(index >= ARRAY_SIZE(vcpu->arch.foo), vcpu->kvm))\n\t\treturn -EIO;"
    ),
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
        if "BUG" not in code_line.code:
            continue  # most lines: one cheap test instead of the search
        match = _BUG.search(code_line.code)
        if match:
            yield rule_.finding(code_line.line.lineno, call=match.group(1))


_BARE_UNSIGNED = lazy_re.compile(r"\bunsigned\b(?!\s+(?:char|short|int|long)\b)")


@rule(
    "bare-unsigned",
    "info",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="'unsigned int', not 'unsigned'",
    message="Write 'unsigned int' rather than a bare 'unsigned'.",
    bad=added_lines("\tunsigned i;\n\n\tfor (i = 0; i < nr; i++)\n\t\tkvm_get_foo(i);"),
    good=added_lines("\tunsigned int i;\n\n\tfor (i = 0; i < nr; i++)\n\t\tkvm_get_foo(i);"),
)
def bare_unsigned(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A bare 'unsigned' means 'unsigned int', but spelling the type out reads better next to
    'unsigned long' and the u32/u64 types. Existing code has some; new code spells it out.
    """
    for _file, code_line in code_lines(context):
        # "unsigned" is rare: the plain test passes over the other lines cheaply.
        if "unsigned" in code_line.code and _BARE_UNSIGNED.search(code_line.code):
            yield rule_.finding(code_line.line.lineno)


# The repeats are bounded (a declaration has a few type words and
# attributes): the re module keeps a record for every pass of a repeat, so an
# unbounded one costs memory in proportion to a hostile line.
_ZERO_INIT = lazy_re.compile(
    r"(?:[A-Za-z_]\w*\s+){1,16}\**\s*[A-Za-z_]\w*"
    r"(?:\s+(?:__read_mostly|__ro_after_init|__initdata)){0,4}"
    r"\s*=\s*(?:(?:0[xX])?0+[uUlL]*|NULL|false)\s*;"
)


@rule(
    "static-init-zero",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="Statics are not initialized to zero",
    message="Do not initialize a static or global variable to 0, false or NULL: it starts out "
    "zeroed.",
    bad=added_lines("static bool kvm_frob_enabled = false;", path="arch/x86/kvm/x86.c"),
    good=added_lines("static bool kvm_frob_enabled;", path="arch/x86/kvm/x86.c"),
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
# initializer, ending the line with ";".  Repeats are bounded or possessive,
# as in rules/code.py: the re module keeps a record for every pass of a
# repeated group, which a hostile line turns into memory.
_DECLARATION_HEAD = (
    r"\t+(?!(?:return|goto|break|continue|case|default|else|do|if|while|for|switch)\b)"
    r"(?:(?:const|static|unsigned|signed|volatile|struct|union|enum|register|long|short"
    r"|__maybe_unused)\s+){0,8}"
    r"[A-Za-z_]\w*(?:\s+__(?:user|iomem|rcu|percpu|force)\b){0,4}"
    r"(?:\s+\**|\s*\*+\s*)[A-Za-z_]\w*(?:\[[^\]]*\])?"
)
_DECLARATION = lazy_re.compile(
    _DECLARATION_HEAD + r"(?:\s*,\s*\**[A-Za-z_]\w*(?:\[[^\]]*\])?)*+(?:\s*=\s*[^;]+)?;\s*"
)
# The first line of any declaration, also one that goes on over more lines
# ("u64 val =", "struct foo *p = bar(a,"), a function pointer or an
# anonymous union.
_STARTS_DECLARATION = lazy_re.compile(
    _DECLARATION_HEAD + r"\s*(?:[=,;\[:]|$)"
    r"|\s*(?:const\s+)?[A-Za-z_]\w*\s*\(\s*\*\s*[A-Za-z_]\w*\s*\)\s*\("
    r"|\s*(?:struct|union|enum)\s*(?:[A-Za-z_]\w*\s*)?\{"
)
# Not a statement: block ends, preprocessor lines, labels, comments and the
# macros that declare (DECLARE_BITMAP(), DEFINE_SPINLOCK(), LIST_HEAD()).
_NOT_A_STATEMENT = lazy_re.compile(
    r"\s*(?:$|\}|#|[A-Za-z_]\w*:(?!:)|\*|/|(?:DECLARE|DEFINE)_\w+\s*\(|L?LIST_HEAD\s*\()"
)


def _removed_pairs(context: PatchContext) -> frozenset[tuple[str, str]]:
    """Pairs of directly following removed lines: code moved as it was."""
    pairs = set()
    for file in context.patch.files:
        for hunk in file.hunks:
            for first, second in pairwise(hunk.removed):
                if follows(first, second):
                    pairs.add((first.text.strip(), second.text.strip()))
    return frozenset(pairs)


def _indent(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


@rule(
    "blank-after-declarations",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="A blank line after declarations",
    message="Put a blank line between the declarations and the first statement.",
    bad=added_lines("\tint r;\n\tr = kvm_get_foo(index);"),
    good=added_lines("\tint r;\n\n\tr = kvm_get_foo(index);"),
)
def blank_after_declarations(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The local variable declarations at the top of a block are separated from the code that
    follows by one blank line, so the two are easy to tell apart.
    """
    moved = _removed_pairs(context)
    for file in context.files:
        for hunk in file.hunks:
            for previous, current in pairwise(context.added_code.lines(hunk)):
                if not follows(previous.line, current.line):
                    continue
                if (previous.line.text.strip(), current.line.text.strip()) in moved:
                    continue
                if previous.comment or not _DECLARATION.fullmatch(previous.code):
                    continue
                if _STARTS_DECLARATION.match(current.code) or _NOT_A_STATEMENT.match(current.code):
                    continue
                if _indent(current.code) != _indent(previous.code):
                    continue
                yield rule_.finding(current.line.lineno)


_EXTERN = lazy_re.compile(r"\s*extern\s")
# A symbol only assembly or the linker defines: "extern char foo_start[];".
_ASM_SYMBOL = lazy_re.compile(
    r"\s*extern\s+(?:const\s+)?(?:char|unsigned\s+char|u8|uint8_t|void\s*\*?)\s+[^;=(]*;"
)


@rule(
    "extern-in-c",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="No extern declarations in .c files",
    message="An 'extern' declaration in a .c file: declare it in a header both files include.",
    bad=added_lines("extern bool kvm_frob_enabled;", path="arch/x86/kvm/x86.c"),
    good=added_lines("extern bool kvm_frob_enabled;", path="arch/x86/kvm/x86.h"),
)
def extern_in_c(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A declaration that a .c file copies from another file goes out of sync silently when the
    definition changes. Declare it once, in a header included by the file that defines it and by
    the files that use it, and the compiler checks both.
    """
    for file, code_line in code_lines(context):
        # Selftests name the labels of their guest assembly with externs.
        if not file.path.endswith(".c") or file.path.startswith(SELFTESTS_DIR):
            continue
        if _EXTERN.match(code_line.code) and not _ASM_SYMBOL.match(code_line.code):
            yield rule_.finding(code_line.line.lineno)
