"""Rules from the KVM review checklist: the userspace API is documented and
64-bit clean, new guest-visible features are opt-in (handbook:
review-checklist#userspace-api, #64-bit-clean, #default-off)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kvmcheck import lazy_re
from kvmcheck.context import PatchContext
from kvmcheck.model import Series
from kvmcheck.registry import C_CODE, DIFF, KVM_HOST, SERIES, UAPI, Finding, Rule, rule
from kvmcheck.rules._examples import diff, patch

_NEW_API = lazy_re.compile(
    r"\s*#\s*define\s+(KVM_CAP_\w+|KVM_\w+(?=\s+_IO[RW]{0,2}\s*\(\s*KVMIO\b))"
)
# A struct member: type, name, optional [size] or :bits, and optionally a
# comment after the semicolon (uAPI headers often document a member on its
# own line).  Every optional whitespace run is followed by a distinct
# character, so a line of blanks cannot make the match backtrack quadratically;
# the qualifier runs are bounded, as the re module keeps a record for every
# pass of a repeat.
_UNCLEAN_MEMBER = lazy_re.compile(
    r"(?:\s+(?:(?:const|volatile)\s+){0,8}"
    r"(?P<type>(?:unsigned\s+|signed\s+)?(?:long\s+long|long|int)(?:\s+int)?|unsigned|size_t"
    r"|ssize_t|bool|_Bool|[us](?:8|16|32|64)|u?int(?:8|16|32|64)_t)"
    r"[\s*]+\w+(?:\s*\[[^\]]*\])?(?:\s*:\s*\d+)?\s*;"
    r"|\s+(?:(?:const|volatile|struct|union|enum)\s+){0,8}(?P<pointer>\w+\s*\*+)\s*\w+\s*;)"
    r"(?:\s*(?:/\*|//).*)?"
)
# module_param(var, ...), module_param_named(name, var, ...), module_param_cb(name, ops, &var, ...)
_MODULE_PARAM = lazy_re.compile(
    r"\bmodule_param\s*\(\s*(?P<name>(?P<var>\w+))\s*,"
    r"|\bmodule_param_named\s*\(\s*(?P<named>\w+)\s*,\s*(?P<named_var>\w+)"
    r"|\bmodule_param_cb\s*\(\s*(?P<cb>\w+)\s*,\s*[^,]+,\s*&?(?P<cb_var>\w+)"
)


UAPI_DIFF = diff(
    path="include/uapi/linux/kvm.h",
    added="#define KVM_CAP_FOO 240",
    removed="",
    context="struct kvm_enable_cap {",
)
API_DOC_DIFF = diff(
    path="Documentation/virt/kvm/api.rst",
    added="KVM_CAP_FOO reports whether foo is supported.",
    removed="",
    context="",
)


@rule(
    "uapi-undocumented",
    "warning",
    "review-checklist#userspace-api",
    reads=(DIFF,),
    target=SERIES,
    areas=(UAPI,),
    title="New uAPI is documented",
    message="New uAPI {name} must be documented in Documentation/virt/kvm/api.rst in the same "
    "posting.",
    bad=patch(
        subject="KVM: x86: Add KVM_CAP_FOO",
        body="Report foo support to userspace.",
        diffs=UAPI_DIFF,
    ),
    good=patch(
        subject="KVM: x86: Add KVM_CAP_FOO",
        body="Report foo support to userspace.",
        diffs=UAPI_DIFF + API_DOC_DIFF,
    ),
)
def uapi_undocumented(
    rule_: Rule, series: Series, contexts: list[PatchContext]
) -> Iterator[Finding]:
    """Every new or changed userspace API (a KVM_CAP_* capability, an ioctl) is documented in
    Documentation/virt/kvm/api.rst and can be discovered with KVM_CHECK_EXTENSION.
    """
    if any(
        p.startswith("Documentation/virt/kvm/") for patch_ in series.patches for p in patch_.paths
    ):
        return
    for context in contexts:
        for file in context.files:
            for line in file.added_lines():
                match = _NEW_API.match(line.text)
                if match:
                    yield rule_.finding(line.lineno, patch=context.patch, name=match.group(1))


@rule(
    "uapi-not-64bit-clean",
    "warning",
    "review-checklist#64-bit-clean",
    reads=(DIFF,),
    areas=(UAPI,),
    title="uAPI structs are 64-bit clean",
    message="This uAPI struct member uses '{type}', whose size or alignment differs between 32- "
    "and 64-bit userspace: use __u64, __u32, __s64 ... and explicit padding.",
    bad=patch(
        diffs=diff(
            path="include/uapi/linux/kvm.h",
            added="\tunsigned long flags;",
            removed="\t__u64 flags;",
            context="struct kvm_foo {",
        )
    ),
    good=patch(
        diffs=diff(
            path="include/uapi/linux/kvm.h",
            added="\t__u64 flags;\n\t__u64 pad;",
            removed="\t__u64 flags;",
            context="struct kvm_foo {",
        )
    ),
)
def uapi_not_64bit_clean(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Structures shared with userspace must have the same layout for 32- and 64-bit programs:
    use the fixed-size __u8 ... __u64 / __s8 ... __s64 types, no long, int, bool, size_t or
    pointers, and align members naturally with explicit padding.
    """
    for file in context.files:
        for line in file.added_lines():
            match = _UNCLEAN_MEMBER.fullmatch(line.text.rstrip())
            if match:
                written = match.group("type") or match.group("pointer")
                yield rule_.finding(line.lineno, type=" ".join(written.split()))


_HARDWARE_CHECK = lazy_re.compile(
    r"\b(?:cpu_has_\w+|boot_cpu_has|static_cpu_has|cpu_feature_enabled|this_cpu_has"
    r"|kvm_cpu_cap_has|X86_FEATURE_\w+)\b"
)
MODULE_PARAM_CONTEXT = "static int __init vmx_init(void)"


def _defaults_on(name: str, context: PatchContext) -> bool:
    initializer = re.compile(
        rf"\b{re.escape(name)}\b(?:\s+__\w+){{0,8}}\s*=\s*(?:true|[1-9]\d*|-1)\s*;"
    )
    return any(
        initializer.search(line.text) for file in context.files for line in file.added_lines()
    )


def _follows_hardware(name: str, context: PatchContext) -> bool:
    """The patch turns the param off where the CPU lacks the feature: a hardware enable."""
    variable = re.compile(rf"\b{re.escape(name)}\b")
    for file in context.files:
        for hunk in file.hunks:
            texts = [line.text for line in hunk.added]
            # The check and the assignment may sit on two lines: "if (!cpu_has_x())\n x = 0;"
            for text in (" ".join(texts[i : i + 2]) for i in range(len(texts))):
                if variable.search(text) and _HARDWARE_CHECK.search(text):
                    return True
    return False


@rule(
    "module-param-default-on",
    "info",
    "review-checklist#default-off",
    reads=(DIFF,),
    areas=(KVM_HOST,),
    types=C_CODE,
    title="New guest-visible features are opt-in",
    message="New module param '{name}' defaults to on. If it turns on something guests or "
    "userspace can observe, leave it off and let userspace opt in per VM (KVM_ENABLE_CAP, "
    "the guest's CPUID); a hardware-enable or performance knob may default to on.",
    bad=patch(
        subject="KVM: x86: Add a PV foo hint for guests",
        body="Tell guests that the host handles foo, so they can skip the slow path.",
        diffs=diff(
            added="static bool __read_mostly pv_foo_hint = true;\n"
            "module_param(pv_foo_hint, bool, 0444);",
            removed="",
            context="",
        ),
    ),
    good=patch(
        subject="KVM: VMX: Use FOO acceleration when the CPU has it",
        body="Let KVM use FOO to speed up interrupt delivery on CPUs that support it.",
        diffs=diff(
            path="arch/x86/kvm/vmx/vmx.c",
            added="static bool __read_mostly enable_foo = true;\n"
            "module_param(enable_foo, bool, 0444);",
            removed="",
            context="",
        )
        + diff(
            path="arch/x86/kvm/vmx/vmx.c",
            added="\tif (!cpu_has_vmx_foo())\n\t\tenable_foo = false;",
            removed="",
            context=MODULE_PARAM_CONTEXT,
        ),
    ),
)
def module_param_default_on(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A new feature that guests or userspace can observe stays off until userspace asks for it
    for a VM, by enabling a capability with KVM_ENABLE_CAP or by setting the feature in the
    guest's CPUID; KVM only reports what it supports (KVM_CHECK_EXTENSION,
    KVM_GET_SUPPORTED_CPUID). An upgraded host then never changes how existing VMs behave. A
    module param is the host administrator's switch, not that request, so a new param that
    starts out on deserves a second look. Knobs that let KVM use a hardware feature when the CPU
    has it, and performance improvements, do default to on: enable_apicv, ept, tdp_mmu and nested
    are on by default, and a guest still sees VMX only when userspace sets it in the guest's
    CPUID. kvmcheck stays quiet when the patch turns the new param off on CPUs without the
    feature, and otherwise only reminds.
    """
    for file in context.files:
        for line in file.added_lines():
            # Every form holds "module_param": a substring test is much
            # cheaper than the search, and almost no line has it.
            text = line.text
            if "module_param" not in text or (match := _MODULE_PARAM.search(text)) is None:
                continue
            name = match.group("name") or match.group("named") or match.group("cb")
            variable = match.group("var") or match.group("named_var") or match.group("cb_var")
            if _defaults_on(variable, context) and not _follows_hardware(variable, context):
                yield rule_.finding(line.lineno, name=name)
