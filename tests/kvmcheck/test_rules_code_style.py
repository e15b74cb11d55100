"""Code-style rules (kvmcheck/rules/code_style.py): checkpatch.pl's checks on
added C lines of KVM code.

Each case is a fault checkpatch.pl 6.12 reports (fires) or a line it accepts
(does not fire), on a small patch; real accepted patches are covered by
test_kvmcheck_corpus.py and the fault-injection benchmark.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rule_cases import rule_case_test

from kvmcheck.api import check_texts
from kvmcheck.fix import fix_text
from kvmcheck.rules._examples import diff, patch


def added(lines: str, path: str = "arch/x86/kvm/x86.c", removed: str = "") -> str:
    return patch(diffs=diff(path=path, added=lines, removed=removed))


SELFTEST = "tools/testing/selftests/kvm/x86/foo_test.c"

CASES = [
    ("trailing-whitespace", added("\treturn 0; "), True),
    ("trailing-whitespace", added("\treturn 0;\t"), True),
    ("trailing-whitespace", added("\t"), True),
    ("trailing-whitespace", added("\treturn 0;", path="arch/x86/kvm/mmu.h"), False),
    ("trailing-whitespace", added("\treturn 0; ", removed="\treturn 0; "), False),
    ("trailing-whitespace", patch(diffs=diff(path="Documentation/virt/kvm/api.rst",
                                             added="text ", removed="")), False),
    ("space-before-tab", added("\t \treturn 0;"), True),
    ("space-before-tab", added("\tint r; \t/* result */"), True),
    ("space-before-tab", added("\tint r;\t/* result */"), False),
    ("space-before-tab", added("        return 0;"), False),
    ("line-too-long", added("\tr = " + "a" * 100 + ";"), True),
    ("line-too-long", added("\t\t\t\t\t\t\t\t\t\t\t\tr = 1;"), True),
    ("line-too-long", added("\tr = " + "a" * 80 + ";"), False),
    ("line-too-long", added('\tpr_warn("' + "a" * 100 + '");'), False),
    ("line-too-long", added("\t/* https://example.org/" + "a" * 100 + " */"), False),
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
    ("space-before-paren", added("\tasm volatile (\"nop\");"), False),
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
    ("pointer-placement", added("\tconst char * const names[] = { \"a\" };"), False),
    ("brace-placement", added("\tif (r)\n\t{\n\t\treturn r;\n\t}"), True),
    ("brace-placement", added("\tif (a &&\n\t    b)\n\t{\n\t\treturn r;\n\t}"), True),
    ("brace-placement", added("struct kvm_foo\n{\n\tint a;\n};"), True),
    ("brace-placement", added("\t}\n\telse {\n\t\tr = 0;\n\t}"), True),
    ("brace-placement", added("\tif (r){\n\t\treturn r;\n\t}"), True),
    ("brace-placement", added("\t}else {"), True),
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
    ("blank-after-declarations",
     added("\tstruct kvm_vcpu *vcpu = foo();\n\tunsigned long flags;\n\tkvm_bar(vcpu);"), True),
    ("blank-after-declarations", added("\tint r;\n\n\tr = kvm_foo();"), False),
    ("blank-after-declarations", added("\tint r;\n\tint i;"), False),
    ("blank-after-declarations", added("\tint r;\n}"), False),
    ("blank-after-declarations", added("\tint r;\n\t/* comment */"), False),
    ("blank-after-declarations", added("\t\tint r;\n\tfoo();"), False),
    ("blank-after-declarations", added("\tint r;\n\tr = kvm_foo();",
                                       removed="\tint r;\n\tr = kvm_foo();"), False),
    ("extern-in-c", added("extern bool kvm_foo;"), True),
    ("extern-in-c", added("extern int kvm_foo(void);", path=SELFTEST), True),
    ("extern-in-c", added("extern bool kvm_foo;", path="arch/x86/kvm/x86.h"), False),
    # Not KVM code: the code-style layer stays with KVM patches.
    ("trailing-whitespace", patch(subject="drm/foo: Fix foo",
                                  diffs=diff(path="drivers/gpu/drm/foo.c",
                                             added="\treturn 0; ")), False),
]

test_rule = rule_case_test(CASES)


def test_messages_name_what_is_wrong(fired) -> None:
    (finding,) = fired("space-after-keyword", added("\twhile(r)"))
    assert "'while ('" in finding["message"]
    (finding,) = fired("space-before-paren", added("\tr = kvm_foo (vcpu);"))
    assert "kvm_foo" in finding["message"]
    (finding,) = fired("printk-level", added('\tprintk(KERN_WARNING "x\\n");'))
    assert "pr_warn()" in finding["message"]
    (finding,) = fired("bug-on", added("\tBUG_ON(!vcpu);"))
    assert "KVM_BUG_ON()" in finding["message"] and "WARN_ON_ONCE()" in finding["message"]
    (finding,) = fired("line-too-long", added("\tr = " + "a" * 100 + ";"))
    assert "113" in finding["message"]


def test_brace_findings_name_the_placement(fired) -> None:
    (own_line,) = fired("brace-placement", added("\tif (r)\n\t{\n\t\treturn r;\n\t}"))
    (else_line,) = fired("brace-placement", added("\t}\n\telse {\n\t\tr = 0;\n\t}"))
    (spacing,) = fired("brace-placement", added("\tif (r){"))
    assert len({own_line["message"], else_line["message"], spacing["message"]}) == 3


def test_findings_point_at_the_faulty_line(fired) -> None:
    text = added("\tint r;\n\n\tr = kvm_foo();\n\tif(r)\n\t\treturn r;")
    (finding,) = fired("space-after-keyword", text)
    assert text.split("\n")[finding["line"] - 1] == "+\tif(r)"


def test_a_block_comment_hides_code_looking_text(fired) -> None:
    text = added("\t/*\n\t * if(x) a=b, c,d\n\t * foo (bar)\n\t */")
    for rule_id in ("space-after-keyword", "operator-spacing", "comma-spacing",
                    "space-before-paren"):
        assert not fired(rule_id, text), rule_id


@pytest.mark.parametrize(("faulty", "fixed"), [
    ("\treturn 0; \t", "\treturn 0;"),
    ("\t \treturn 0;", "\t\treturn 0;"),
    ("\tint r;  \t/* result */", "\tint r;\t\t/* result */"),
    ("\tint r;      \t/* result */", "\tint r;\t\t/* result */"),
])
def test_whitespace_fixes_restore_the_clean_line(faulty: str, fixed: str) -> None:
    text, count = fix_text(added(faulty))
    assert count == 1
    assert text == added(fixed)
    assert fix_text(text) == (text, 0)


def test_whitespace_findings_are_marked_fixable(check) -> None:
    found = check(added("\treturn 0; "))
    assert [f["fixable"] for f in found if f["rule"] == "trailing-whitespace"] == [True]
    assert not any(f["fixable"] for f in check(added("\tif(r)")) if f["rule"] != "indent-spaces")


C_PIECES = ["\t", " ", "    ", "if", "for", "(", ")", "{", "}", "else", ";", ",", "=", "==",
            "*", "&", "-", "+", "->", "<<", "/*", "*/", "//", '"', "'", "\\", "static", "int",
            "u64", "unsigned", "struct kvm", "printk", "BUG_ON", "KERN_ERR", "extern", "0",
            "NULL", "x", "foo_bar", "#define", "#if", "\n", "teh", "the the"]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.lists(st.sampled_from(C_PIECES) | st.text(max_size=6), max_size=16)
                .map("".join), min_size=1, max_size=12),
       st.sampled_from(["arch/x86/kvm/x86.c", "arch/x86/kvm/vmx/vmx.h",
                        "tools/testing/selftests/kvm/x86/foo_test.c"]))
def test_random_added_lines_never_crash(lines: list[str], path: str) -> None:
    text = added("\n".join(line.replace("\n", "") for line in lines), path=path)
    result = check_texts([("random.patch", text)])
    for finding in result["patches"][0]["findings"]:
        assert finding["message"] and (finding["line"] is None or finding["line"] >= 1)
    fixed, _count = fix_text(text)
    assert fix_text(fixed)[0] == fixed
    assert len(fixed.split("\n")) == len(text.split("\n"))
