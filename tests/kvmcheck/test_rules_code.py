"""Code rules: kernel-doc-comment, comment-sdm-apm-number, comment-pronoun,
indent-spaces, reverse-fir-tree (kvmcheck/rules/code.py)."""

from __future__ import annotations

import base64

from rule_cases import rule_case_test

from kvmcheck.rules._examples import diff, patch


def added(lines: str, path: str = "arch/x86/kvm/x86.c") -> str:
    return patch(diffs=diff(path=path, added=lines, removed=""))


CASES = [
    ("kernel-doc-comment", added("/**\n * kvm_foo - do foo\n */"), True),
    ("kernel-doc-comment", added("/**\n * foo\n */", path="virt/kvm/kvm_main.c"), True),
    ("kernel-doc-comment", added("/*\n * Do foo.\n */"), False),
    # Inside a function it is no kernel-doc either (issue 16: a regression).
    ("kernel-doc-comment", added("\t\t/**\n\t\t * an inline note\n\t\t */"), True),
    ("kernel-doc-comment", added("/**\n * foo\n */", path="arch/x86/kernel/kvm.c"), False),
    (
        "kernel-doc-comment",
        patch(
            subject="drm/foo: Document foo",
            diffs=diff(path="drivers/gpu/drm/foo.c", added="/**", removed=""),
        ),
        False,
    ),
    ("comment-sdm-apm-number", added("\t/* See SDM 25.3.1 for details. */"), True),
    ("comment-sdm-apm-number", added("\t/* Per Vol. 3C of the manual. */"), True),
    ("comment-sdm-apm-number", added("\t * Table 24-11 lists the bits."), True),
    ("comment-sdm-apm-number", added("\t * per section 15.21 of the APM."), True),
    ("comment-sdm-apm-number", added("\t/* Per the SDM, the bit is reserved. */"), False),
    ("comment-sdm-apm-number", added("\tversion = 25.3;"), False),
    ("comment-pronoun", added("\t/* We must flush here. */"), True),
    ("comment-pronoun", added("\t * so you don't lose the bit."), True),
    ("comment-pronoun", added("\tfoo(); // our fast path"), True),
    ("comment-pronoun", added("\t/* Flush the TLB, i.e. drop stale I/O mappings. */"), False),
    ("comment-pronoun", added('\tpr_info("we are done\\n");'), False),
    ("indent-spaces", added("        return 0;"), True),
    ("indent-spaces", added("  \treturn 0;"), True),
    ("indent-spaces", added("\treturn foo(a,\n\t\t   b);"), False),
    ("indent-spaces", added("/*\n * comment\n */"), False),
    ("indent-spaces", added(" out:\n\treturn r;"), False),
    (
        "indent-spaces",
        patch(
            diffs=diff(path="Documentation/virt/kvm/api.rst", added="    code block", removed="")
        ),
        False,
    ),
    ("reverse-fir-tree", added("\tint r;\n\tstruct kvm_vcpu *vcpu = foo();"), True),
    ("reverse-fir-tree", added("\tstruct kvm_vcpu *vcpu = foo();\n\tint r;"), False),
    ("reverse-fir-tree", added("\tint r;\n\tr = foo();\n\tstruct kvm *kvm = bar();"), False),
]


test_rule = rule_case_test(CASES)


def test_findings_point_at_the_added_line(fired) -> None:
    text = added("\tfoo();\n\t/* We must flush here. */")
    (finding,) = fired("comment-pronoun", text)
    lines = text.split("\n")
    assert lines[finding["line"] - 1] == "+\t/* We must flush here. */"


def test_sdm_finding_quotes_the_reference(fired) -> None:
    (finding,) = fired("comment-sdm-apm-number", added("\t/* See SDM Vol. 3C. */"))
    assert "Vol. 3C" in finding["message"]


def test_indent_spaces_reports_a_run_once(fired) -> None:
    assert len(fired("indent-spaces", added("    a();\n    b();\n    c();"))) == 1


def test_lines_of_a_base64_body_are_never_taken_as_following(fired) -> None:
    """A base64 mail's decoded lines have no line number: space-indented lines
    there are reported one by one (it once raised a TypeError)."""
    body = added("    a();\n    b();").split("\n\n", 1)[1]
    headers = (
        "From: Jane Doe <jane.doe@example.com>\nSubject: [PATCH] KVM: x86: Fix foo\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: base64\n\n"
    )
    mail = headers + base64.encodebytes(body.encode()).decode()
    assert [f["line"] for f in fired("indent-spaces", mail)] == [None, None]


def test_kernel_doc_opener_inside_a_function(fired) -> None:
    text = added("\t/**\n\t * Reject unknown indices.\n\t */\n\treturn -EINVAL;")
    (finding,) = fired("kernel-doc-comment", text)
    assert finding["line"] == text.split("\n").index("+\t/**") + 1
    assert finding["message"] == (
        "'/**' inside a function or a type opens no kernel-doc either: write a plain '/*' comment."
    )
    (chinese,) = fired("kernel-doc-comment", text, lang="zh_CN")
    assert chinese["message"] == (
        "函数或类型内部的 '/**' 也不构成 kernel-doc：改用普通的 '/*' 注释。"
    )
