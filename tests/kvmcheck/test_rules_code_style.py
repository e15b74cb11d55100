"""Code-style rules (kvmcheck/rules/code_style.py): braces and else, assignment
in if, printk levels, BUG_ON(), bare unsigned, statics set to zero, blank line
after declarations, extern in .c files; and random added C lines for the whole
code-style layer.

Each case is a fault checkpatch.pl 6.12 reports (fires) or a line it accepts
(does not fire).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rule_cases import rule_case_test

from kvmcheck.api import check_texts
from kvmcheck.fix import fix_text
from kvmcheck.rules._examples import added_lines as added

SELFTEST = "tools/testing/selftests/kvm/x86/foo_test.c"

CASES = [
    ("brace-placement", added("\tif (r)\n\t{\n\t\treturn r;\n\t}"), True),
    ("brace-placement", added("\tif (a &&\n\t    b)\n\t{\n\t\treturn r;\n\t}"), True),
    ("brace-placement", added("struct kvm_foo\n{\n\tint a;\n};"), True),
    ("brace-placement", added("\t}\n\telse {\n\t\tr = 0;\n\t}"), True),
    ("brace-placement", added("\tif (r){\n\t\treturn r;\n\t}"), True),
    ("brace-placement", added("\t}else {"), True),
    ("brace-placement", added('\tasm volatile("loop ." : "+c"((int){NUM_LOOPS}));'), False),
    ("brace-placement", added("\tif (r) {\n\t\treturn r;\n\t} else {\n\t\tr = 0;\n\t}"), False),
    ("brace-placement", added("static int kvm_foo(void)\n{\n\treturn 0;\n}"), False),
    ("brace-placement", added("\tkvm_foo();\n\t{\n\t\tint r;\n\t}"), False),
    ("assign-in-if", added("\tif ((r = kvm_foo()))\n\t\treturn r;"), True),
    ("assign-in-if", added("\tif (!(p = kmalloc(size, GFP_KERNEL)))"), True),
    ("assign-in-if", added("\tif (kvm_foo(vcpu) &&\n\t    (r = kvm_bar(vcpu)))"), True),
    ("assign-in-if", added("\tif (r == 0)"), False),
    ("assign-in-if", added("\tif (a != b && c <= d && e >= f)"), False),
    ("assign-in-if", added('\tif (!strcmp(s, "a=b"))'), False),
    ("printk-level", added('\tprintk("kvm: oops\\n");'), True),
    ("printk-level", added('\tprintk(KERN_ERR "kvm: oops\\n");'), True),
    ("printk-level", added('\tpr_err("oops\\n");'), False),
    ("printk-level", added('\tprintk("oops\\n");', path=SELFTEST), False),
    ("bug-on", added("\tBUG_ON(!vcpu);"), True),
    ("bug-on", added("\tBUG();"), True),
    ("bug-on", added("\tKVM_BUG_ON(!vcpu, kvm);"), False),
    ("bug-on", added("\tBUILD_BUG_ON(sizeof(u64) != 8);"), False),
    ("bug-on", added("\tVM_BUG_ON(!vcpu);"), False),
    ("bug-on", added("\tWARN_ON_ONCE(!vcpu);"), False),
    ("bug-on", added("\tBUG_ON(!vcpu);", removed="\tBUG_ON(!vcpu);"), False),
    ("bug-on", added("\t/* BUG_ON() would kill the host. */"), False),
    ("bare-unsigned", added("\tunsigned i;"), True),
    ("bare-unsigned", added("static int kvm_foo(unsigned nr)"), True),
    ("bare-unsigned", added("\tunsigned int i;"), False),
    ("bare-unsigned", added("\tunsigned long flags;"), False),
    ("static-init-zero", added("static bool kvm_foo = false;"), True),
    ("static-init-zero", added("static struct kvm *kvm_foo = NULL;"), True),
    ("static-init-zero", added("static unsigned int __read_mostly kvm_foo = 0;"), True),
    ("static-init-zero", added("bool kvm_foo_enabled = 0;"), True),
    ("static-init-zero", added("\tstatic int count = 0;"), True),
    ("static-init-zero", added("static bool kvm_foo = true;"), False),
    ("static-init-zero", added("\tint r = 0;"), False),
    ("static-init-zero", added("static int kvm_foo = -1;"), False),
    ("blank-after-declarations", added("\tint r;\n\tr = kvm_foo();"), True),
    (
        "blank-after-declarations",
        added("\tstruct kvm_vcpu *vcpu = foo();\n\tunsigned long flags;\n\tkvm_bar(vcpu);"),
        True,
    ),
    ("blank-after-declarations", added("\tint r;\n\n\tr = kvm_foo();"), False),
    ("blank-after-declarations", added("\tint r;\n\tint i;"), False),
    ("blank-after-declarations", added("\tint r;\n}"), False),
    ("blank-after-declarations", added("\tint r;\n\t/* comment */"), False),
    ("blank-after-declarations", added("\tint r;\n\tDECLARE_BITMAP(mask, 64);"), False),
    ("blank-after-declarations", added("\tint rc;\n\tlong int old_eip;"), False),
    ("blank-after-declarations", added("\tbool valid = x;\n\tbool pae = a &&\n\t\t   b;"), False),
    ("blank-after-declarations", added("\tint ret;\n\tstruct kvm_foo *foo =\n\t\tbar();"), False),
    ("blank-after-declarations", added("\tint ret;\n\tvoid (*fastop)(void);"), False),
    (
        "blank-after-declarations",
        added("\tstruct kvm_memory_slot *slot;\n\tvoid __user *p;"),
        False,
    ),
    ("blank-after-declarations", added("\t\tu8 vector;\n\t\tu8 delivery_mode:3;"), False),
    ("blank-after-declarations", added("\tint ret;\n\tunion {\n\t\tu64 a;\n\t} u;"), False),
    ("blank-after-declarations", added("\tstruct foo *s;\n\tif (!s)"), True),
    ("blank-after-declarations", added("\tint r;\n\tkvm_foo(*p);"), True),
    ("blank-after-declarations", added("\t\tint r;\n\tfoo();"), False),
    (
        "blank-after-declarations",
        added("\tint r;\n\tr = kvm_foo();", removed="\tint r;\n\tr = kvm_foo();"),
        False,
    ),
    ("extern-in-c", added("extern bool kvm_foo;"), True),
    ("extern-in-c", added("extern int kvm_foo(void);"), True),
    ("extern-in-c", added("extern char rdmsr_start, rdmsr_end;", path=SELFTEST), False),
    (
        "extern-in-c",
        added("extern uint8_t hypercall_insn[HYPERCALL_INSN_SIZE];", path=SELFTEST),
        False,
    ),
    ("extern-in-c", added("extern char __kvm_frob_start[];"), False),
    ("extern-in-c", added("extern bool kvm_foo;", path="arch/x86/kvm/x86.h"), False),
]

test_rule = rule_case_test(CASES)


def test_messages_name_what_is_wrong(fired) -> None:
    (finding,) = fired("printk-level", added('\tprintk(KERN_WARNING "x\\n");'))
    assert "pr_warn()" in finding["message"]
    (finding,) = fired("bug-on", added("\tBUG_ON(!vcpu);"))
    assert "KVM_BUG_ON()" in finding["message"] and "WARN_ON_ONCE()" in finding["message"]


def test_brace_findings_name_the_placement(fired) -> None:
    (own_line,) = fired("brace-placement", added("\tif (r)\n\t{\n\t\treturn r;\n\t}"))
    (else_line,) = fired("brace-placement", added("\t}\n\telse {\n\t\tr = 0;\n\t}"))
    (spacing,) = fired("brace-placement", added("\tif (r){"))
    assert len({own_line["message"], else_line["message"], spacing["message"]}) == 3


C_PIECES = [
    "\t",
    " ",
    "    ",
    "if",
    "for",
    "(",
    ")",
    "{",
    "}",
    "else",
    ";",
    ",",
    "=",
    "==",
    "*",
    "&",
    "-",
    "+",
    "->",
    "<<",
    "/*",
    "*/",
    "//",
    '"',
    "'",
    "\\",
    "static",
    "int",
    "u64",
    "unsigned",
    "struct kvm",
    "printk",
    "BUG_ON",
    "KERN_ERR",
    "extern",
    "0",
    "NULL",
    "x",
    "foo_bar",
    "#define",
    "#if",
    "\n",
    "teh",
    "the the",
]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    st.lists(
        st.lists(st.sampled_from(C_PIECES) | st.text(max_size=6), max_size=16).map("".join),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(
        [
            "arch/x86/kvm/x86.c",
            "arch/x86/kvm/vmx/vmx.h",
            "tools/testing/selftests/kvm/x86/foo_test.c",
        ]
    ),
)
def test_random_added_lines_never_crash(lines: list[str], path: str) -> None:
    text = added("\n".join(line.replace("\n", "") for line in lines), path=path)
    result = check_texts([("random.patch", text)])
    for finding in result["patches"][0]["findings"]:
        assert finding["message"] and (finding["line"] is None or finding["line"] >= 1)
    fixed, _count = fix_text(text)
    assert fix_text(fixed)[0] == fixed
    assert len(fixed.split("\n")) == len(text.split("\n"))
