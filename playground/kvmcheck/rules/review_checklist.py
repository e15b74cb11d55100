"""Review-checklist rules on userspace API and module params
(handbook: review-checklist#userspace-api, #64-bit-clean, #default-off)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kvmcheck.context import PatchContext
from kvmcheck.model import Series
from kvmcheck.registry import KVM_HOST, SERIES, UAPI, Finding, Rule, rule
from kvmcheck.rules._examples import diff, patch

_NEW_API = re.compile(r"\s*#\s*define\s+(KVM_CAP_\w+|KVM_\w+(?=\s+_IO[RW]{0,2}\s*\(\s*KVMIO\b))")
# A struct member: type, name, optional [size] or :bits.  Every optional
# whitespace run is followed by a distinct character, so a line of blanks
# cannot make the match backtrack quadratically.
_UNCLEAN_MEMBER = re.compile(
    r"\s+(?:(?:const|volatile)\s+)*"
    r"(?P<type>(?:unsigned\s+|signed\s+)?(?:long\s+long|long|int)(?:\s+int)?|unsigned|size_t"
    r"|ssize_t|bool|_Bool|[us](?:8|16|32|64)|u?int(?:8|16|32|64)_t)"
    r"[\s*]+\w+(?:\s*\[[^\]]*\])?(?:\s*:\s*\d+)?\s*;"
    r"|\s+(?:(?:const|volatile|struct|union|enum)\s+)*(?P<pointer>\w+\s*\*+)\s*\w+\s*;"
)
# module_param(var, ...), module_param_named(name, var, ...), module_param_cb(name, ops, &var, ...)
_MODULE_PARAM = re.compile(
    r"\bmodule_param\s*\(\s*(?P<name>(?P<var>\w+))\s*,"
    r"|\bmodule_param_named\s*\(\s*(?P<named>\w+)\s*,\s*(?P<named_var>\w+)"
    r"|\bmodule_param_cb\s*\(\s*(?P<cb>\w+)\s*,\s*[^,]+,\s*&?(?P<cb_var>\w+)"
)


UAPI_DIFF = diff(path="include/uapi/linux/kvm.h", added="#define KVM_CAP_FOO 240", removed="",
                 context="struct kvm_enable_cap {")
API_DOC_DIFF = diff(path="Documentation/virt/kvm/api.rst",
                    added="KVM_CAP_FOO reports whether foo is supported.", removed="", context="")


@rule(
    "uapi-undocumented", "warning", "review-checklist#userspace-api", target=SERIES,
    areas=(UAPI,),
    title="New uAPI is documented",
    message="New uAPI {name} must be documented in Documentation/virt/kvm/api.rst in the same "
        "posting.",
    bad=patch(subject="KVM: x86: Add KVM_CAP_FOO", body="Report foo support to userspace.",
              diffs=UAPI_DIFF),
    good=patch(subject="KVM: x86: Add KVM_CAP_FOO", body="Report foo support to userspace.",
               diffs=UAPI_DIFF + API_DOC_DIFF),
)
def uapi_undocumented(
    rule_: Rule, series: Series, contexts: list[PatchContext]
) -> Iterator[Finding]:
    """Every new or changed userspace API (a KVM_CAP_* capability, an ioctl) is documented in
    Documentation/virt/kvm/api.rst and can be discovered with KVM_CHECK_EXTENSION.
    """
    if any(p.startswith("Documentation/virt/kvm/") for patch_ in series.patches
           for p in patch_.paths):
        return
    for context in contexts:
        for file in context.files:
            for line in file.added_lines():
                match = _NEW_API.match(line.text)
                if match:
                    yield rule_.finding(line.lineno, patch=context.patch, name=match.group(1))


@rule(
    "uapi-not-64bit-clean", "warning", "review-checklist#64-bit-clean", areas=(UAPI,),
    title="uAPI structs are 64-bit clean",
    message="This uAPI struct member uses '{type}', whose size or alignment differs between 32- "
        "and 64-bit userspace: use __u64, __u32, __s64 ... and explicit padding.",
    bad=patch(diffs=diff(path="include/uapi/linux/kvm.h", added="\tunsigned long flags;",
                         removed="\t__u64 flags;", context="struct kvm_foo {")),
    good=patch(diffs=diff(path="include/uapi/linux/kvm.h", added="\t__u64 flags;\n\t__u64 pad;",
                          removed="\t__u64 flags;", context="struct kvm_foo {")),
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


def _defaults_on(name: str, context: PatchContext) -> bool:
    initializer = re.compile(
        rf"\b{re.escape(name)}\b(?:\s+__\w+)*\s*=\s*(?:true|[1-9]\d*|-1)\s*;"
    )
    return any(initializer.search(line.text)
               for file in context.patch.files for line in file.added_lines())


@rule(
    "module-param-default-on", "info", "review-checklist#default-off", areas=(KVM_HOST,),
    title="New features default to off",
    message="New module param '{name}' defaults to on; new features default to off.",
    bad=patch(diffs=diff(added="static bool __read_mostly enable_foo = true;\n"
                               "module_param(enable_foo, bool, 0444);",
                         removed="", context="")),
    good=patch(diffs=diff(added="static bool __read_mostly enable_foo;\n"
                                "module_param(enable_foo, bool, 0444);",
                          removed="", context="")),
)
def module_param_default_on(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """A new feature is off until userspace or the administrator enables it, so an upgrade never
    changes how existing VMs behave. Performance improvements may default to on.
    """
    for file in context.files:
        for line in file.added_lines():
            match = _MODULE_PARAM.search(line.text)
            if match is None:
                continue
            name = match.group("name") or match.group("named") or match.group("cb")
            variable = match.group("var") or match.group("named_var") or match.group("cb_var")
            if _defaults_on(variable, context):
                yield rule_.finding(line.lineno, name=name)
