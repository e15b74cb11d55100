"""Function definitions and the layout of added C code (handbook:
maintainer-kvm-x86#coding-style).

What KVM reviewers ask to change beyond checkpatch.pl's default checks:
``inline`` in .c files and non-``static`` inline functions in headers, a
return type on a line of its own, braces on one arm of an if/else only,
continuation lines not aligned with the open parenthesis (checkpatch.pl
--strict's PARENTHESIS_ALIGNMENT), blank lines in a row (LINE_SPACING) and
``return (x);`` (RETURN_PARENTHESES).  Like the other code-style rules they
read the lines the author wrote, not the ones a patch only moves.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvmcheck import lazy_re
from kvmcheck.added_code import C_FILES, TAB_WIDTH, code_lines, columns
from kvmcheck.c_source import CodeLine
from kvmcheck.context import PatchContext
from kvmcheck.model import Hunk, follows
from kvmcheck.registry import DIFF, KVM_HOST, Edit, Finding, Rule, rule
from kvmcheck.rules._examples import added_lines

SECTION = "maintainer-kvm-x86#coding-style"


# A written added line and the written lines directly above it (None
# where the line above was not added, not written or is not the one just
# before), as the rules read the hunk one line at a time: no list of a
# hunk's lines is kept, as a hunk may have a hundred thousand.  A tuple, not
# an object: four rules read every line's window, and a tuple is made in C.
_Window = tuple[Hunk, CodeLine, CodeLine | None, CodeLine | None]


def _windows(context: PatchContext) -> Iterator[_Window]:
    """Each written added line of the files the rule reads, with the two above."""
    for file in context.files:
        for hunk in file.hunks:
            above: CodeLine | None = None
            two_above: CodeLine | None = None
            for current, wrote in zip(
                context.added_code.lines(hunk), context.added_code.written(hunk), strict=True
            ):
                if not wrote:
                    above = two_above = None
                    continue
                if above is not None and not follows(above.line, current.line):
                    above = two_above = None
                yield hunk, current, above, two_above
                two_above, above = above, current


# --- inline ---------------------------------------------------------------------------

# A function definition's first line at column 0 that says inline somewhere
# before the name: "static inline u64 foo(struct kvm *kvm)" (no ';': not a
# prototype).  The words before it are bounded: the re module would try every
# way of splitting an unbounded run of words.
_INLINE_DEFINITION = lazy_re.compile(
    r"(?P<before>(?:[A-Za-z_]\w*\s+){0,8}?)(?:inline|__inline__|__inline)\s+[^;(]*\("
)


def _inline_definitions(context: PatchContext, suffix: str) -> Iterator[tuple[CodeLine, bool]]:
    """(first line, whether it is static) of each inline function the patch
    writes in files ending with ``suffix``."""
    for file, code_line in code_lines(context):
        if not file.path.endswith(suffix):
            continue
        code = code_line.code
        if code[:1].isspace() or code.rstrip().endswith(";"):
            continue
        match = _INLINE_DEFINITION.match(code)
        if match is not None:
            yield code_line, "static" in match.group("before").split()


@rule(
    "code-inline-in-c",
    "info",
    SECTION,
    reads=(DIFF,),
    severities=("info", "warning"),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="No inline on functions in .c files",
    message="Drop the 'inline' from this function in a .c file: the compiler decides what to "
    "inline.",
    variants={
        "extern": "This function in a .c file is inline but not static: make it 'static', "
        "without 'inline', or move it to a header as 'static inline'.",
    },
    bad=added_lines("static inline u64 kvm_get_foo(u32 index)\n{\n\treturn foo[index];\n}"),
    good=added_lines("static u64 kvm_get_foo(u32 index)\n{\n\treturn foo[index];\n}"),
)
def code_inline_in_c(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """In a .c file the compiler sees every caller of a static function and inlines it when that
    pays; 'inline' only hides the function from the unused-function warning and makes
    reviewers ask whether it is needed ('__always_inline' says it is). A function that is not
    static and inline in a .c file is a mistake: other files cannot inline it. Accepted patches,
    the maintainers' included, still add an occasional 'static inline' to a .c file, so that
    is a hint; the non-static case is a warning.
    """
    for code_line, static in _inline_definitions(context, ".c"):
        if static:
            yield rule_.finding(code_line.line.lineno)
        else:
            yield rule_.finding(code_line.line.lineno, "extern", "warning")


@rule(
    "code-non-static-inline-header",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="Inline functions in headers are static inline",
    message="Make this inline function in a header 'static inline': a plain 'inline' one breaks "
    "the build or the linking of files that include it.",
    bad=added_lines(
        "inline u64 kvm_get_foo(u32 index)\n{\n\treturn foo[index];\n}", path="arch/x86/kvm/x86.h"
    ),
    good=added_lines(
        "static inline u64 kvm_get_foo(u32 index)\n{\n\treturn foo[index];\n}",
        path="arch/x86/kvm/x86.h",
    ),
)
def code_non_static_inline_header(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A function defined in a header is compiled into every file that includes it. Declared
    'static inline' it is private to each of them and the compiler may drop unused copies; a
    plain 'inline' or 'extern inline' one follows C's inline rules, which differ between
    compilers and end in missing or duplicate symbols.
    """
    for code_line, static in _inline_definitions(context, ".h"):
        if not static:
            yield rule_.finding(code_line.line.lineno)


# --- function definitions ----------------------------------------------------------

# A line holding only a return type: "static int", "static inline bool",
# "struct kvm_mmu_page *", "u64 __init".
_TYPE_ONLY = lazy_re.compile(
    r"(?:(?:static|inline|__always_inline|noinline|__init|__exit|const|unsigned|signed|extern"
    r"|__must_check|notrace|noinstr)\s+)*(?:(?:struct|union|enum)\s+)?[A-Za-z_]\w*"
    r"(?:\s+(?:__init|__exit|__must_check|notrace|noinstr))?[\s*]*"
)
_NAME_AND_PARAMETERS = lazy_re.compile(r"[A-Za-z_]\w*\(")


@rule(
    "code-return-type-own-line",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="The return type is on the function name's line",
    message="Put the return type on the same line as the function name: '{joined}'.",
    bad=added_lines("static int\nkvm_get_foo(u32 index)\n{\n\treturn foo[index];\n}"),
    good=added_lines("static int kvm_get_foo(u32 index)\n{\n\treturn foo[index];\n}"),
)
def code_return_type_own_line(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Kernel code writes a function's return type, its name and its parameters on one line
    ('static int kvm_foo(struct kvm *kvm,' and the parameters wrapped after it), so that
    'git grep "int kvm_foo("' and the hunk headers of later patches show the type with the
    name. The type alone on the line above is another project's style.
    """
    for _hunk, current, previous, _two_above in _windows(context):
        if previous is None or previous.comment.strip():
            continue
        type_code, name_code = previous.code.rstrip(), current.code.rstrip()
        if not type_code or type_code[:1].isspace() or name_code[:1].isspace():
            continue
        if (
            _TYPE_ONLY.fullmatch(type_code)
            and _NAME_AND_PARAMETERS.match(name_code)
            and not name_code.endswith(";")
        ):
            joined = f"{type_code} {name_code.split('(', 1)[0]}("
            yield rule_.finding(previous.line.lineno, joined=joined.replace("* ", "*"))


# --- braces ----------------------------------------------------------------------------

# "} else" or "} else if (...)" closing a braced arm and opening an unbraced one.
_ELSE_WITHOUT_BRACE = lazy_re.compile(r"\s*\}\s*else(?:\s+if\s*\(.*\))?\s*$")
# "else {" or "else if (...) {" after an unbraced arm.
_ELSE_WITH_BRACE = lazy_re.compile(r"\s*else(?:\s+if\s*\(.*\))?\s*\{\s*$")
_IF_WITHOUT_BRACE = lazy_re.compile(r"\s*(?:\}\s*)?(?:else\s+)?if\s*\(.*\)\s*$")


@rule(
    "code-braces-one-arm",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="Braces on every arm or on none",
    message="One arm of this if/else has braces and the other not: when one arm needs braces, "
    "put them on every arm.",
    bad=added_lines("\tif (!vcpu) {\n\t\tr = -EINVAL;\n\t\tgoto out;\n\t} else\n\t\tr = 0;"),
    good=added_lines(
        "\tif (!vcpu) {\n\t\tr = -EINVAL;\n\t\tgoto out;\n\t} else {\n\t\tr = 0;\n\t}"
    ),
)
def code_braces_one_arm(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A single statement needs no braces, but an if/else whose one arm has several statements
    gets braces on all of its arms (the kernel's coding style; checkpatch.pl says 'braces {}
    should be used on all arms of this statement'), so that the arms read alike and a
    statement added later cannot fall out of its arm.
    """
    kept: dict[int, bool] = {}  # per hunk: its removed lines have such an arm
    for hunk, current, statement, condition in _windows(context):
        code = current.code.rstrip()
        if _ELSE_WITHOUT_BRACE.match(code):
            # An arm the hunk only edits ('} else if (f(a))' to '} else if (f(b))') keeps
            # the old code's style.
            if id(hunk) not in kept:
                kept[id(hunk)] = any(_ELSE_WITHOUT_BRACE.match(line.text) for line in hunk.removed)
            if not kept[id(hunk)]:
                yield rule_.finding(current.line.lineno)
            continue
        if (
            _ELSE_WITH_BRACE.match(code)
            and statement is not None
            and condition is not None
            and statement.code.rstrip().endswith(";")
            and _IF_WITHOUT_BRACE.match(condition.code.rstrip())
        ):
            yield rule_.finding(current.line.lineno)


# --- continuation lines -------------------------------------------------------------


def _open_parentheses(code: str) -> list[int]:
    """The columns just after each '(' still open at the end of ``code`` (tabs
    expanded), innermost last."""
    open_at: list[int] = []
    column = 0
    for char in code:
        if char == "(":
            open_at.append(column + 1)
        elif char == ")" and open_at:
            open_at.pop()
        column = column + TAB_WIDTH - column % TAB_WIDTH if char == "\t" else column + 1
    return open_at


def _inside_first_operand(above: str, start: int, open_at: list[int]) -> bool:
    """'if ((a & b) &&' continued under the 'a': lined up with the parenthesized
    first operand, one column in, which reads as aligned too."""
    expanded = above.expandtabs(TAB_WIDTH)
    return any(start == column + 1 and expanded[column : column + 1] == "(" for column in open_at)


@rule(
    "code-continuation-alignment",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="Continuation lines line up with the open parenthesis",
    message="Line this continuation up with the open parenthesis of the line above (column "
    "{column}, with tabs then spaces).",
    bad=added_lines("\tr = kvm_frob(vcpu, index,\n\t\tKVM_FOO_DEFAULT);"),
    good=added_lines("\tr = kvm_frob(vcpu, index,\n\t\t     KVM_FOO_DEFAULT);"),
)
def code_continuation_alignment(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """When the arguments of a call, the parameters of a function or a condition go on over
    several lines, the following lines start right under the first character after the open
    parenthesis (tabs first, then spaces), as checkpatch.pl --strict asks. A line that ends
    with the '(' itself is indented by tabs instead, and lining up with an outer parenthesis is
    fine.
    """
    for _hunk, current, previous, _two_above in _windows(context):
        if previous is None or previous.comment.strip():
            continue
        above, code = previous.code.rstrip(), current.code
        if not code.strip() or above.endswith(("(", "\\")) or above.lstrip().startswith("#"):
            continue
        if current.line.text.lstrip().startswith(("*", "/*", "#")):
            continue
        open_at = _open_parentheses(above)
        if not open_at:
            continue
        start = columns(code) - columns(code.lstrip())
        if start in open_at or _inside_first_operand(above, start, open_at):
            continue
        yield rule_.finding(current.line.lineno, column=open_at[-1] + 1)


# --- blank lines and return ----------------------------------------------------------


@rule(
    "code-multiple-blank-lines",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="No blank lines in a row",
    message="Drop the extra blank line: one blank line is enough between two parts of the code.",
    bad=added_lines("\tr = kvm_get_foo(index);\n\n\n\treturn r;"),
    good=added_lines("\tr = kvm_get_foo(index);\n\n\treturn r;"),
)
def code_multiple_blank_lines(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """One blank line separates the parts of a function or two definitions; a second one in a
    row adds nothing but a line to scroll past (checkpatch.pl: 'Please don't use multiple
    blank lines').
    """
    for _hunk, current, previous, _two_above in _windows(context):
        if (
            previous is not None
            and not previous.line.text.strip()
            and not current.line.text.strip()
        ):
            yield rule_.finding(current.line.lineno)


_RETURN_PARENTHESES = lazy_re.compile(r"(\s*return\s*)\((.*)\)(\s*;\s*)$")
_INNER_GROUP = lazy_re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# One value, as checkpatch.pl's $FuncArg: a name, a number, a call, a member,
# an element ('return (a == b);' groups a comparison, which is a choice).
_SIMPLE_VALUE = lazy_re.compile(r"[-!~&*]?[A-Za-z_0-9][\w.]*(?:->\w+|\.\w+|\(\)|\[\])*")
_MAX_GROUPS = 50


def _simple_value(value: str) -> bool:
    """Whether ``value`` is one operand (its own parentheses and brackets aside)."""
    for _ in range(_MAX_GROUPS):
        reduced = _INNER_GROUP.sub(lambda m: m.group()[0] + m.group()[-1], value)
        if reduced == value:
            break
        value = reduced
    return _SIMPLE_VALUE.fullmatch(value.strip()) is not None


def _encloses_all(inner: str) -> bool:
    """Whether ``inner`` is balanced, so that the outer parentheses hold the whole
    expression ('(a) + (b)' does not make 'return (a) + (b);' one)."""
    depth = 0
    for char in inner:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


@rule(
    "code-return-parens",
    "warning",
    SECTION,
    reads=(DIFF,),
    fixable=True,
    areas=(KVM_HOST,),
    types=C_FILES,
    title="return is not a function",
    message="Drop the parentheses around the returned value: 'return {value};'.",
    bad=added_lines("\treturn (foo[index]);"),
    good=added_lines("\treturn foo[index];"),
)
def code_return_parens(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """'return' is a statement, not a function: 'return x;', not 'return (x);'
    (checkpatch.pl's RETURN_PARENTHESES). Parentheses around a whole comparison, as in
    'return (a == b);', are a choice some code makes and stay, and so do those that group part
    of the value, as in 'return (a & b) != 0;'.
    """
    for _file, code_line in code_lines(context):
        match = _RETURN_PARENTHESES.fullmatch(code_line.code.rstrip())
        if match is None or not _encloses_all(match.group(2)) or not _simple_value(match.group(2)):
            continue
        text = code_line.line.text
        start, end = match.start(2) - 1, match.end(2) + 1
        value = text[start + 1 : end - 1].strip()
        # "return(x);" keeps a space: "return x;".
        new = value if match.group(1)[-1:].isspace() else f" {value}"
        yield rule_.finding(
            code_line.line.lineno,
            value=value,
            edits=[
                Edit.added(code_line.line, start, end, new)
                if text[start] == "(" and text[end - 1] == ")"
                else None
            ],
        )
