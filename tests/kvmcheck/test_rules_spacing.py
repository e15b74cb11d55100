"""Spacing rules (kvmcheck/rules/spacing.py): after keywords, before a call's
parenthesis, around operators, after commas, the '*' of pointers.

Each case is a fault checkpatch.pl 6.12 reports (fires) or a line it accepts
(does not fire).
"""

from __future__ import annotations

from rule_cases import rule_case_test

from kvmcheck.rules._examples import added_lines as added

CASES = [
    ("space-after-keyword", added("\tif(r)\n\t\treturn r;"), True),
    ("space-after-keyword", added("\tfor(i = 0; i < n; i++)"), True),
    ("space-after-keyword", added("\t} else if(r) {"), True),
    ("space-after-keyword", added("\tswitch(r) {"), True),
    ("space-after-keyword", added("\tif (r)\n\t\treturn r;"), False),
    ("space-after-keyword", added('\tpr_err("if(x)\\n");'), False),
    ("space-after-keyword", added("\t/* see if(x) below */"), False),
    ("space-before-paren", added("\tr = kvm_foo (vcpu);"), True),
    ("space-before-paren", added("static int kvm_foo (struct kvm_vcpu *vcpu)"), True),
    ("space-before-paren", added("#if defined (CONFIG_X86_64)"), True),
    ("space-before-paren", added("\tr = sizeof (u64);"), True),
    ("space-before-paren", added("\tr = kvm_foo(vcpu);"), False),
    ("space-before-paren", added("\treturn (r < 0) ? r : 0;"), False),
    ("space-before-paren", added("#define KVM_FOO (1 << 3)"), False),
    ("space-before-paren", added("\tint (*fn)(struct kvm_vcpu *vcpu);"), False),
    ("space-before-paren", added("\tvoid (*fn)(void);"), False),
    ("space-before-paren", added('\tasm volatile ("nop");'), False),
    ("space-before-paren", added("\twhile (r)"), False),
    ("operator-spacing", added("\tr=0;"), True),
    ("operator-spacing", added("\tr= 0;"), True),
    ("operator-spacing", added("\tr |=BIT(3);"), True),
    ("operator-spacing", added("\tif (a==b)"), True),
    ("operator-spacing", added("\tif (a &&b)"), True),
    ("operator-spacing", added("\tfor (i=0; i < n; i++)"), True),
    ("operator-spacing", added("\tr = a +b;"), True),
    ("operator-spacing", added("\tr = 0;"), False),
    ("operator-spacing", added("\tr = a + b;"), False),
    ("operator-spacing", added("\tr = a+b;"), False),
    ("operator-spacing", added("\tr = -EINVAL;"), False),
    ("operator-spacing", added("\treturn -EINVAL;"), False),
    ("operator-spacing", added("\tfoo(a, -1);"), False),
    ("operator-spacing", added("\tr = (u64)-1;"), False),
    ("operator-spacing", added("\tr = x ? -1 : 1;"), False),
    ("operator-spacing", added("\tvcpu->arch.foo++;"), False),
    ("operator-spacing", added("\tr = !!(x & BIT(3));"), False),
    ("operator-spacing", added('\tpr_err("a=b\\n");'), False),
    ("operator-spacing", added("#include <linux/kvm_host.h>"), False),
    ("operator-spacing", added("\t\t| BIT(3);"), False),
    ("operator-spacing", added("#define KVM_FOO_NONE -1"), False),
    ("operator-spacing", added('\tasm(FOO(10b, 11b, %%esi) : : [fault] "i" (1));'), False),
    ("operator-spacing", added("\tasm(_ASM_EXTABLE(1b, %l[fault]));"), False),
    ("operator-spacing", added("\t    (NotImpl|Stack|Sse|\n\t     Mmx)"), False),
    ("operator-spacing", added("\tr = a % b;"), False),
    ("operator-spacing", added("\tr = a %b;"), True),
    ("space-before-paren", added("\tulong (*read_gpr)(struct kvm_vcpu *vcpu);"), False),
    ("operator-spacing", added("#define KVM_FOO(x) -(x)"), False),
    ("comma-spacing", added("\tr = kvm_foo(vcpu,index);"), True),
    ("comma-spacing", added("\tint a,b;"), True),
    ("comma-spacing", added("\tr = kvm_foo(vcpu, index);"), False),
    ("comma-spacing", added('\tpr_err("a,b\\n");'), False),
    ("comma-spacing", added("\tr = kvm_foo(vcpu,\n\t\t     index);"), False),
    ("pointer-placement", added("\tstruct kvm_vcpu * vcpu = NULL;"), True),
    ("pointer-placement", added("\tstruct kvm_vcpu* vcpu;"), True),
    ("pointer-placement", added("\tu64* p;"), True),
    ("pointer-placement", added("\tr = *(u64*)p;"), True),
    ("pointer-placement", added("static int kvm_foo(struct kvm_vcpu* vcpu)"), True),
    ("pointer-placement", added("\tstruct kvm_vcpu *vcpu;"), False),
    ("pointer-placement", added("\tr = *(u64 *)p;"), False),
    ("pointer-placement", added("\tr = a * b;"), False),
    ("pointer-placement", added("\tr = nr_pages * sizeof(u64);"), False),
    ("pointer-placement", added('\tconst char * const names[] = { "a" };'), False),
]

test_rule = rule_case_test(CASES)


def test_messages_name_what_is_wrong(fired) -> None:
    (finding,) = fired("space-after-keyword", added("\twhile(r)"))
    assert "'while ('" in finding["message"]
    (finding,) = fired("space-before-paren", added("\tr = kvm_foo (vcpu);"))
    assert "kvm_foo" in finding["message"]


def test_findings_point_at_the_faulty_line(fired) -> None:
    text = added("\tint r;\n\n\tr = kvm_foo();\n\tif(r)\n\t\treturn r;")
    (finding,) = fired("space-after-keyword", text)
    assert text.split("\n")[finding["line"] - 1] == "+\tif(r)"


def test_a_block_comment_hides_code_looking_text(fired) -> None:
    text = added("\t/*\n\t * if(x) a=b, c,d\n\t * foo (bar)\n\t */")
    for rule_id in (
        "space-after-keyword",
        "operator-spacing",
        "comma-spacing",
        "space-before-paren",
    ):
        assert not fired(rule_id, text), rule_id
