"""Spacing in added C code (handbook: maintainer-kvm-x86#coding-style).

checkpatch.pl's spacing checks that KVM patches trip: after ``if``/``for``/
``while``/``switch``, before a call's ``(``, around operators, after commas and
around the ``*`` of a pointer declaration.  String literals and comments are
blanked out first (``kvmcheck.c_source``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kvmcheck import lazy_re
from kvmcheck.added_code import C_FILES, code_lines
from kvmcheck.context import PatchContext
from kvmcheck.registry import DIFF, KVM_HOST, Finding, Rule, rule
from kvmcheck.rules._examples import added_lines

SECTION = "maintainer-kvm-x86#coding-style"


_KEYWORD_PAREN = lazy_re.compile(r"\b(if|for|while|switch)\(")


@rule(
    "space-after-keyword",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="A space after if, for, while and switch",
    message="Put a space between '{keyword}' and '(': '{keyword} ('.",
    bad=added_lines("\tif(!vcpu)\n\t\treturn -EINVAL;"),
    good=added_lines("\tif (!vcpu)\n\t\treturn -EINVAL;"),
)
def space_after_keyword(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Keywords that take a parenthesized expression (if, for, while, switch) are followed by a
    space, which sets them apart from function calls: 'if (x)', not 'if(x)'. sizeof, typeof and
    friends are written like functions.
    """
    for _file, code_line in code_lines(context):
        # Lines without "(" (braces, returns, declarations) skip the search,
        # which tries every word start of the line.
        if "(" in code_line.code and (match := _KEYWORD_PAREN.search(code_line.code)):
            yield rule_.finding(code_line.line.lineno, keyword=match.group(1))


# "\w*+": a shorter part of a name, followed by a word character, never
# matches; possessive, the re module does not try each one.
_NAME_SPACE_PAREN = lazy_re.compile(r"\b([A-Za-z_]\w*+)\s+\(")
# Words a space before "(" is right after: keywords, attributes and asm.
_SPACED_WORDS = frozenset(
    (
        "if",
        "for",
        "while",
        "switch",
        "return",
        "case",
        "volatile",
        "__volatile__",
        "__attribute__",
        "format",
        "__extension__",
        "asm",
        "__asm__",
        "scoped_guard",
        "else",
        "do",
        "goto",
        "elif",
        "__must_hold",
        "__acquires",
        "__releases",
    )
)
_TYPE_WORDS = frozenset(
    (
        "void",
        "char",
        "short",
        "int",
        "long",
        "float",
        "double",
        "signed",
        "unsigned",
        "bool",
        "u8",
        "u16",
        "u32",
        "u64",
        "s8",
        "s16",
        "s32",
        "s64",
        "__u8",
        "__u16",
        "__u32",
        "__u64",
        "__s8",
        "__s16",
        "__s32",
        "__s64",
        "__le16",
        "__le32",
        "__le64",
        "__be16",
        "__be32",
        "__be64",
        "const",
        "static",
        "inline",
        "__always_inline",
        "noinline",
        "extern",
        "__init",
        "__exit",
        "__noreturn",
        "__cold",
        "notrace",
        "noinstr",
        "asmlinkage",
        "__visible",
        "ulong",
        "uint",
        "ushort",
        "uchar",
        "u128",
        "s128",
        "__u128",
        "__s128",
    )
)
_PREPROCESSOR = lazy_re.compile(r"\s*#\s*(\w+)")


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
    "space-before-paren",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="No space before a call's parenthesis",
    message="No space between '{name}' and its '(': write '{name}(...)'.",
    bad=added_lines("\treturn kvm_get_foo (index);"),
    good=added_lines("\treturn kvm_get_foo(index);"),
)
def space_before_paren(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Function calls, function declarations and function-like macros put the opening parenthesis
    right after the name: 'kvm_vcpu_kick(vcpu)'. A space there is only right after keywords such as
    if, for, while, switch and return.
    """
    for _file, code_line in code_lines(context):
        code = code_line.code
        if "(" not in code:
            continue  # no call: one cheap test instead of the searches
        directive = "#" in code and _PREPROCESSOR.match(code)
        if directive and directive.group(1) in ("define", "include"):
            # "#define FOO (1 << 3)": the space says it is not a parameter list.
            continue
        for match in _NAME_SPACE_PAREN.finditer(code):
            name = match.group(1)
            if name in _SPACED_WORDS:
                continue
            if _ends_with_type(code[: match.end(1)]):
                continue
            yield rule_.finding(code_line.line.lineno, name=name)
            break


_OPERATOR = lazy_re.compile(
    r"<<=|>>=|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=|[=<>+\-*/%&|^!~?:]"
)
# Operators that always take a space on both sides in kernel code.
_SPACED_BOTH = frozenset(
    (
        "=",
        "==",
        "!=",
        "<=",
        ">=",
        "&&",
        "||",
        "+=",
        "-=",
        "*=",
        "/=",
        "%=",
        "&=",
        "|=",
        "^=",
        "<<=",
        ">>=",
    )
)
# Binary operators that may go without spaces but not with one only on one side.
_CONSISTENT = frozenset(("+", "-", "/", "%", "|", "^", "<<", ">>"))
# What makes a following "+"/"-" unary rather than binary.
_UNARY_AFTER = lazy_re.compile(
    r"(?:[-+*/%&|^!~=<>?:,;(\[{]|\breturn|\bcase|\bsizeof|^|^\s*#\s*define\s+\w+(?:\([^)]*\))?)"
    r"\s*$"
)


_ASM_OPERAND = lazy_re.compile(r"%(?:%|[a-zA-Z]?\[)")


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
        if operator == "%" and (before == "%" or _ASM_OPERAND.match(code, start)):
            return False  # an operand of inline assembly: "%%esi", "%[fault]", "%l[out]"
        # At either end of a line the operator continues an expression
        # over two lines: nothing to compare.
        first = start <= len(code) - len(code.lstrip())
        last = not code[end:].strip()
        return space_before != space_after and not first and not last
    return False


@rule(
    "operator-spacing",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="Spaces around operators",
    message="Spacing around '{operator}': one space on each side of assignments, comparisons and "
    "logical operators, and the same on both sides of other binary operators.",
    bad=added_lines("\tr=kvm_get_foo(index);"),
    good=added_lines("\tr = kvm_get_foo(index);"),
)
def operator_spacing(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Assignments (=, +=, |=, ...), comparisons (==, !=, <=, >=) and logical operators (&&, ||)
    have a space on each side. Other binary operators (+, -, <<, |, ...) may go without spaces
    in a dense expression, but not with a space on one side only, which reads like a unary
    operator. Unary operators, ++, --, . and -> take none.
    """
    for _file, code_line in code_lines(context):
        code = code_line.code
        directive = "#" in code and _PREPROCESSOR.match(code)  # most lines: one cheap test
        if directive and directive.group(1) in ("include", "error", "warning", "pragma"):
            continue
        for match in _OPERATOR.finditer(code):
            if _operator_problem(code, match):
                yield rule_.finding(code_line.line.lineno, operator=match.group())
                break


_COMMA_NO_SPACE = lazy_re.compile(r",(?=[^\s)\]}])")


@rule(
    "comma-spacing",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="A space after every comma",
    message="Put a space after each comma.",
    bad=added_lines("\treturn kvm_set_foo(vcpu,index);"),
    good=added_lines("\treturn kvm_set_foo(vcpu, index);"),
)
def comma_spacing(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Arguments, parameters, initializers and declarations in a list are separated by a comma and a
    space: 'foo(a, b)', not 'foo(a,b)'.
    """
    for _file, code_line in code_lines(context):
        if _COMMA_NO_SPACE.search(code_line.code):
            yield rule_.finding(code_line.line.lineno)


_STAR = lazy_re.compile(
    r"(?:\b(?:struct|union|enum)\s+[A-Za-z_]\w*+|\b([A-Za-z_]\w*+))"
    r"([ \t]*)(\*+)([ \t]*)(?=[A-Za-z_(),])"
)
_POINTER_QUALIFIERS = frozenset(
    ("const", "volatile", "restrict", "__rcu", "__user", "__iomem", "__percpu", "__force")
)
# The start of a declaration or cast: where a type may begin.
_DECLARATION_START = lazy_re.compile(
    r"(?:^\s*|[(,;{]\s*|\b(?:const|static|extern|inline|unsigned|signed|volatile)\s+)$"
)


@rule(
    "pointer-placement",
    "warning",
    SECTION,
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_FILES,
    title="The '*' sticks to the name",
    message="'{written}': the '*' of a pointer goes with the name, as in 'int *p' or '(struct foo "
    "*)'.",
    bad=added_lines("\tstruct kvm_vcpu * vcpu = kvm_get_vcpu(kvm, 0);"),
    good=added_lines("\tstruct kvm_vcpu *vcpu = kvm_get_vcpu(kvm, 0);"),
)
def pointer_placement(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """In a declaration the '*' belongs to the variable, not the type: 'int *a, b;' declares one
    pointer and one int. Kernel style writes 'struct kvm *kvm', 'char *buf' and casts as '(u64 *)',
    never 'int* p' or 'int * p'.
    """
    for _file, code_line in code_lines(context):
        code = code_line.code
        if "*" not in code:
            continue  # most lines: one cheap test instead of the search
        for match in _STAR.finditer(code):
            word, before, _stars, after = match.groups()
            if word is not None and not is_type_word(word):
                continue
            if word in ("const", "static", "extern", "inline", "unsigned", "signed"):
                continue
            if not _DECLARATION_START.search(code[: match.start()]):
                continue
            name = re.split(r"\W", code[match.end() :], maxsplit=1)[0]  # the \w* after
            if name in _POINTER_QUALIFIERS:
                continue  # "char * const p": the const is the pointer's
            names_follow = name[:1].isidentifier()
            # "int * p" and "int* p", "int*p", "(u64*)"; "int *p" is right.
            if not before or (after and names_follow):
                yield rule_.finding(code_line.line.lineno, written=match.group().strip())
                break
