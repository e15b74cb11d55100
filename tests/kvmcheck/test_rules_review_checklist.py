"""Review-checklist rules: uapi-undocumented, uapi-not-64bit-clean,
module-param-default-on (kvmcheck/rules/review_checklist.py)."""

from __future__ import annotations

from rule_cases import rule_case_test

from kvmcheck.rules._examples import diff, patch

UAPI = "include/uapi/linux/kvm.h"
X86_UAPI = "arch/x86/include/uapi/asm/kvm.h"
DOC = diff(path="Documentation/virt/kvm/api.rst", added="Document it.", removed="")


def uapi(lines: str, path: str = UAPI, extra: str = "") -> str:
    return patch(diffs=diff(path=path, added=lines, removed="", context="struct kvm_foo {") + extra)


CASES = [
    ("uapi-undocumented", uapi("#define KVM_CAP_FOO 240"), True),
    ("uapi-undocumented", uapi("#define KVM_GET_FOO _IOR(KVMIO, 0xd5, struct kvm_foo)"), True),
    ("uapi-undocumented", uapi("#define KVM_CAP_FOO 240", extra=DOC), False),
    ("uapi-undocumented", uapi("#define KVM_FOO_FLAG (1 << 3)"), False),
    ("uapi-not-64bit-clean", uapi("\tunsigned long flags;"), True),
    ("uapi-not-64bit-clean", uapi("\tsize_t size;", path=X86_UAPI), True),
    ("uapi-not-64bit-clean", uapi("\tbool enabled;"), True),
    ("uapi-not-64bit-clean", uapi("\tint count;"), True),
    ("uapi-not-64bit-clean", uapi("\tvoid *data;"), True),
    ("uapi-not-64bit-clean", uapi("\tu32 flags;"), True),
    ("uapi-not-64bit-clean", uapi("\t__u64 flags;\n\t__u32 pad[2];"), False),
    # A comment after the member on the same line, closed or running on.
    ("uapi-not-64bit-clean", uapi("\tunsigned long flags; /* KVM_FOO_FLAG_* */"), True),
    ("uapi-not-64bit-clean", uapi("\tvoid *data;\t/* userspace buffer"), True),
    ("uapi-not-64bit-clean", uapi("\tbool enabled; // set by userspace"), True),
    ("uapi-not-64bit-clean", uapi("\t__u64 flags; /* unsigned long before v2 */"), False),
    (
        "uapi-not-64bit-clean",
        patch(diffs=diff(path="arch/x86/kvm/x86.c", added="\tunsigned long flags;")),
        False,
    ),
    (
        "module-param-default-on",
        patch(
            diffs=diff(
                added="static bool __read_mostly pv_foo = true;\nmodule_param(pv_foo, bool, 0444);",
                removed="",
            )
        ),
        True,
    ),
    (
        "module-param-default-on",
        patch(
            diffs=diff(
                added="static int foo_mode = 1;\nmodule_param_named(foo, foo_mode, int, 0444);",
                removed="",
            )
        ),
        True,
    ),
    (
        "module-param-default-on",
        patch(
            diffs=diff(
                added="static bool enable_foo;\nmodule_param(enable_foo, bool, 0444);", removed=""
            )
        ),
        False,
    ),
    # Hardware enables default to on upstream (enable_apicv, ept): the patch turns the param
    # off where the CPU lacks the feature.
    (
        "module-param-default-on",
        patch(
            diffs=diff(
                path="arch/x86/kvm/vmx/vmx.c",
                added=(
                    "bool __read_mostly enable_ipiv = true;\n"
                    "module_param(enable_ipiv, bool, 0444);\n"
                    "\tif (!enable_apicv || !cpu_has_vmx_ipiv())\n\t\tenable_ipiv = false;"
                ),
                removed="",
            )
        ),
        False,
    ),
    (
        "module-param-default-on",
        patch(
            diffs=diff(
                path="arch/x86/kvm/svm/svm.c",
                added="static bool vnmi = true;\nmodule_param(vnmi, bool, 0444);\n"
                "\tvnmi = vnmi && boot_cpu_has(X86_FEATURE_VNMI);",
                removed="",
            )
        ),
        False,
    ),
    # Only KVM's own C code: the selftests and documentation have no module params.
    (
        "module-param-default-on",
        patch(
            diffs=diff(
                path="Documentation/virt/kvm/x86/foo.rst",
                added="static bool pv_foo = true;\nmodule_param(pv_foo, bool, 0444);",
                removed="",
            )
        ),
        False,
    ),
]


test_rule = rule_case_test(CASES)


def test_documentation_in_another_patch_of_the_series_counts(fired) -> None:
    assert not fired("uapi-undocumented", [uapi("#define KVM_CAP_FOO 240"), patch(diffs=DOC)])


def test_unclean_member_names_the_type(fired) -> None:
    (finding,) = fired("uapi-not-64bit-clean", uapi("\tunsigned long flags;"))
    assert "'unsigned long'" in finding["message"]


def test_member_with_a_trailing_comment_names_the_type(fired) -> None:
    (finding,) = fired("uapi-not-64bit-clean", uapi("\tunsigned long flags; /* … */"))
    assert "'unsigned long'" in finding["message"]
