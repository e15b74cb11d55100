"""Function definitions and layout of added C: code-inline-in-c,
code-non-static-inline-header, code-return-type-own-line, code-braces-one-arm,
code-continuation-alignment, code-multiple-blank-lines, code-return-parens
(kvmcheck/rules/code_layout.py)."""

from __future__ import annotations

import pytest
from rule_cases import line_of, rule_case_test

from kvmcheck.fix import fix_text
from kvmcheck.rules._examples import added_lines

HEADER = "arch/x86/kvm/x86.h"
BODY = "\n{\n\treturn foo[index];\n}"


CASES = [
    ("code-inline-in-c", added_lines("static inline u64 kvm_get_foo(u32 index)" + BODY), True),
    ("code-inline-in-c", added_lines("inline u64 kvm_get_foo(u32 index)" + BODY), True),
    (
        "code-inline-in-c",
        added_lines("static __always_inline u64 kvm_get_foo(u32 index)" + BODY),
        False,
    ),
    (
        "code-inline-in-c",
        added_lines("static inline u64 kvm_get_foo(u32 index)" + BODY, path=HEADER),
        False,
    ),
    (
        "code-non-static-inline-header",
        added_lines("inline u64 kvm_get_foo(u32 index)" + BODY, path=HEADER),
        True,
    ),
    (
        "code-non-static-inline-header",
        added_lines("extern inline u64 kvm_get_foo(u32 index)" + BODY, path=HEADER),
        True,
    ),
    (
        "code-non-static-inline-header",
        added_lines("static inline u64 kvm_get_foo(u32 index)" + BODY, path=HEADER),
        False,
    ),
    ("code-return-type-own-line", added_lines("static int\nkvm_get_foo(u32 index)" + BODY), True),
    (
        "code-return-type-own-line",
        added_lines("struct kvm_mmu_page *\nkvm_mmu_get_page(u32 i)" + BODY),
        True,
    ),
    ("code-return-type-own-line", added_lines("static int kvm_get_foo(u32 index)" + BODY), False),
    ("code-return-type-own-line", added_lines("\tint r;\n\tkvm_get_foo(index);"), False),
    (
        "code-braces-one-arm",
        added_lines("\tif (!vcpu)\n\t\tr = -EINVAL;\n\telse {\n\t\tr = 0;\n\t\tgoto out;\n\t}"),
        True,
    ),
    (
        "code-braces-one-arm",
        added_lines(
            "\tif (!vcpu) {\n\t\tr = -EINVAL;\n\t\tgoto out;\n\t} else if (index)\n\t\tr = 0;"
        ),
        True,
    ),
    (
        "code-braces-one-arm",
        added_lines("\tif (!vcpu)\n\t\tr = -EINVAL;\n\telse\n\t\tr = 0;"),
        False,
    ),
    (
        "code-continuation-alignment",
        added_lines("\tr = kvm_frob(vcpu, index,\n\t\tKVM_FOO);"),
        True,
    ),
    (
        "code-continuation-alignment",
        added_lines("\tr = kvm_frob(vcpu, index,\n\t\t    KVM_FOO);"),
        True,
    ),  # one column left: under the parenthesis itself
    (
        "code-continuation-alignment",
        added_lines("\tr = kvm_frob(vcpu, index,\n\t\t     KVM_FOO);"),
        False,
    ),
    (
        "code-continuation-alignment",
        added_lines("\tr = kvm_frob(\n\t\tvcpu, index, KVM_FOO);"),
        False,
    ),  # a line ending with '(' is followed by tabs
    (
        "code-continuation-alignment",
        added_lines("\tif (kvm_frob(vcpu, index,\n\t    KVM_FOO))"),
        False,
    ),  # lined up with the outer parenthesis
    ("code-continuation-alignment", added_lines("\tif ((a & b) &&\n\t     c)"), False),
    ("code-multiple-blank-lines", added_lines("\tr = 0;\n\n\n\treturn r;"), True),
    ("code-multiple-blank-lines", added_lines("\tr = 0;\n\n\treturn r;"), False),
    ("code-return-parens", added_lines("\treturn (r);"), True),
    ("code-return-parens", added_lines("\treturn (a & b) != 0;"), False),
    ("code-return-parens", added_lines("\treturn (a) + (b);"), False),
    ("code-return-parens", added_lines("\treturn (is_cpu_amd == 0);"), False),  # as checkpatch
    ("code-return-parens", added_lines("\treturn (vcpu->arch.regs[reg]);"), True),
    ("code-return-parens", added_lines("\treturn (-EINVAL);"), True),
    ("code-return-parens", added_lines("\treturn kvm_get_foo(index);"), False),
]

test_rule = rule_case_test(CASES)


@pytest.mark.parametrize(
    ("rule_id", "text", "line", "severity", "english", "chinese"),
    [
        (
            "code-inline-in-c",
            added_lines("static inline u64 kvm_get_foo(u32 index)" + BODY),
            "+static inline u64 kvm_get_foo(u32 index)",
            "info",
            "Drop the 'inline' from this function in a .c file: the compiler decides what to "
            "inline.",
            "去掉 .c 文件中这个函数的 'inline'：内联与否由编译器决定。",
        ),
        (
            "code-inline-in-c",
            added_lines("inline u64 kvm_get_foo(u32 index)" + BODY),
            "+inline u64 kvm_get_foo(u32 index)",
            "warning",
            "This function in a .c file is inline but not static: make it 'static', without "
            "'inline', or move it to a header as 'static inline'.",
            ".c 文件中的这个函数是 inline 却不是 static：改成 'static' 并去掉 'inline'，"
            "或者把它作为 'static inline' 移到头文件里。",
        ),
        (
            "code-non-static-inline-header",
            added_lines("inline u64 kvm_get_foo(u32 index)" + BODY, path=HEADER),
            "+inline u64 kvm_get_foo(u32 index)",
            "warning",
            "Make this inline function in a header 'static inline': a plain 'inline' one breaks "
            "the "
            "build or the linking of files that include it.",
            "把头文件里的这个 inline 函数改成 'static inline'：只写 'inline' 的函数会让包含它的文件"
            "编译或链接失败。",
        ),
        (
            "code-return-type-own-line",
            added_lines("static int\nkvm_get_foo(u32 index)" + BODY),
            "+static int",
            "warning",
            "Put the return type on the same line as the function name: 'static int kvm_get_foo('.",
            "把返回类型和函数名写在同一行：'static int kvm_get_foo('。",
        ),
        (
            "code-braces-one-arm",
            added_lines("\tif (!vcpu) {\n\t\tr = -EINVAL;\n\t\tgoto out;\n\t} else\n\t\tr = 0;"),
            "+\t} else",
            "warning",
            "One arm of this if/else has braces and the other not: when one arm needs braces, put "
            "them on every arm.",
            "这个 if/else 一个分支有花括号、另一个没有：只要有一个分支需要花括号，所有分支都要加。",
        ),
        (
            "code-continuation-alignment",
            added_lines("\tr = kvm_frob(vcpu, index,\n\t\tKVM_FOO);"),
            "+\t\tKVM_FOO);",
            "warning",
            "Line this continuation up with the open parenthesis of the line above (column 22, "
            "with "
            "tabs then spaces).",
            "让这一续行与上一行的左括号对齐（第 22 列，先用制表符再用空格）。",
        ),
        (
            "code-multiple-blank-lines",
            added_lines("\tr = 0;\n\n\n\treturn r;"),
            ("+", 2),
            "warning",
            "Drop the extra blank line: one blank line is enough between two parts of the code.",
            "删掉多余的空行：代码的两部分之间空一行就够了。",
        ),
        (
            "code-return-parens",
            added_lines("\treturn (foo[index]);"),
            "+\treturn (foo[index]);",
            "warning",
            "Drop the parentheses around the returned value: 'return foo[index];'.",
            "去掉返回值外面的括号：'return foo[index];'。",
        ),
    ],
)
def test_messages(fired, rule_id, text, line, severity, english, chinese) -> None:
    (finding,) = fired(rule_id, text)
    expected_line = line_of(text, *line) if isinstance(line, tuple) else line_of(text, line)
    assert (finding["line"], finding["severity"]) == (expected_line, severity)
    assert finding["message"] == english
    assert fired(rule_id, text, lang="zh_CN")[0]["message"] == chinese


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("\treturn (foo[index]);", "\treturn foo[index];"),
        ("\treturn(r);", "\treturn r;"),
    ],
)
def test_return_parentheses_are_fixed(written: str, fixed: str) -> None:
    text, count = fix_text(added_lines(written))
    assert count == 1
    assert f"+{fixed}\n" in text
    assert fix_text(text)[0] == text


def test_a_moved_else_arm_keeps_its_style(fired) -> None:
    """'} else if (f(a))' edited to '} else if (f(b))' is the old code's style."""
    text = added_lines(
        "\t} else if (kvm_setup(vcpu, gpa))\n\t\treturn true;",
        removed="\t} else if (kvm_setup(vcpu, gva))\n\t\treturn true;",
    )
    assert fired("code-braces-one-arm", text) == []


def test_lines_only_moved_are_not_the_author_s(fired) -> None:
    moved = "static int\nkvm_get_foo(u32 index)"
    text = added_lines(moved + BODY, removed=moved)
    assert fired("code-return-type-own-line", text) == []
