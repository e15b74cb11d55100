"""Review-checklist rules on userspace API and module params
(handbook: review-checklist#userspace-api, #64-bit-clean, #default-off)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kvmcheck import paths as P
from kvmcheck.context import PatchContext
from kvmcheck.model import Line, Series
from kvmcheck.registry import SERIES, Finding, Rule, rule
from kvmcheck.rules._examples import diff, patch

_NEW_API = re.compile(r"\s*#\s*define\s+(KVM_CAP_\w+|KVM_\w+(?=\s+_IO[RW]{0,2}\s*\(\s*KVMIO\b))")
# A struct member: type, name, optional [size] or :bits.  Every optional
# whitespace run is followed by a distinct character, so a line of blanks
# cannot make the match backtrack quadratically; the qualifier runs are
# bounded, as the re module keeps a record for every pass of a repeat.
_UNCLEAN_MEMBER = re.compile(
    r"\s+(?:(?:const|volatile)\s+){0,8}"
    r"(?P<type>(?:unsigned\s+|signed\s+)?(?:long\s+long|long|int)(?:\s+int)?|unsigned|size_t"
    r"|ssize_t|bool|_Bool|[us](?:8|16|32|64)|u?int(?:8|16|32|64)_t)"
    r"[\s*]+\w+(?:\s*\[[^\]]*\])?(?:\s*:\s*\d+)?\s*;"
    r"|\s+(?:(?:const|volatile|struct|union|enum)\s+){0,8}(?P<pointer>\w+\s*\*+)\s*\w+\s*;"
)
# module_param(var, ...), module_param_named(name, var, ...), module_param_cb(name, ops, &var, ...)
_MODULE_PARAM = re.compile(
    r"\bmodule_param\s*\(\s*(?P<name>(?P<var>\w+))\s*,"
    r"|\bmodule_param_named\s*\(\s*(?P<named>\w+)\s*,\s*(?P<named_var>\w+)"
    r"|\bmodule_param_cb\s*\(\s*(?P<cb>\w+)\s*,\s*[^,]+,\s*&?(?P<cb_var>\w+)"
)


def _added_uapi_lines(context: PatchContext) -> Iterator[Line]:
    """Lines a KVM patch adds to the userspace API headers."""
    if not context.is_kvm:
        return
    for file in context.patch.files:
        if P.UAPI_HEADERS.fullmatch(file.path):
            yield from file.added_lines()


UAPI_DIFF = diff(path="include/uapi/linux/kvm.h", added="#define KVM_CAP_FOO 240", removed="",
                 context="struct kvm_enable_cap {")
API_DOC_DIFF = diff(path="Documentation/virt/kvm/api.rst",
                    added="KVM_CAP_FOO reports whether foo is supported.", removed="", context="")


@rule(
    "uapi-undocumented", "warning", "review-checklist#userspace-api", target=SERIES,
    bad=patch(subject="KVM: x86: Add KVM_CAP_FOO", body="Report foo support to userspace.",
              diffs=UAPI_DIFF),
    good=patch(subject="KVM: x86: Add KVM_CAP_FOO", body="Report foo support to userspace.",
               diffs=UAPI_DIFF + API_DOC_DIFF),
)
def uapi_undocumented(
    rule_: Rule, series: Series, contexts: list[PatchContext]
) -> Iterator[Finding]:
    """Every new capability or ioctl is documented in Documentation/virt/kvm/api.rst."""
    if any(p.startswith("Documentation/virt/kvm/") for c in contexts for p in c.paths):
        return
    for context in contexts:
        for line in _added_uapi_lines(context):
            match = _NEW_API.match(line.text)
            if match:
                yield rule_.finding(line.lineno, patch=context.patch, name=match.group(1))


@rule(
    "uapi-not-64bit-clean", "warning", "review-checklist#64-bit-clean",
    bad=patch(diffs=diff(path="include/uapi/linux/kvm.h", added="\tunsigned long flags;",
                         removed="\t__u64 flags;", context="struct kvm_foo {")),
    good=patch(diffs=diff(path="include/uapi/linux/kvm.h", added="\t__u64 flags;\n\t__u64 pad;",
                          removed="\t__u64 flags;", context="struct kvm_foo {")),
)
def uapi_not_64bit_clean(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """uAPI structs look the same to 32- and 64-bit userspace: ``__u64``, not ``long``."""
    for line in _added_uapi_lines(context):
        match = _UNCLEAN_MEMBER.fullmatch(line.text.rstrip())
        if match:
            written = match.group("type") or match.group("pointer")
            yield rule_.finding(line.lineno, type=" ".join(written.split()))


def _defaults_on(name: str, context: PatchContext) -> bool:
    initializer = re.compile(
        rf"\b{re.escape(name)}\b(?:\s+__\w+){{0,8}}\s*=\s*(?:true|[1-9]\d*|-1)\s*;"
    )
    return any(initializer.search(line.text)
               for file in context.patch.files for line in file.added_lines())


@rule(
    "module-param-default-on", "info", "review-checklist#default-off",
    bad=patch(diffs=diff(added="static bool __read_mostly enable_foo = true;\n"
                               "module_param(enable_foo, bool, 0444);",
                         removed="", context="")),
    good=patch(diffs=diff(added="static bool __read_mostly enable_foo;\n"
                                "module_param(enable_foo, bool, 0444);",
                          removed="", context="")),
)
def module_param_default_on(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """New features are off until userspace or the admin asks for them."""
    if not context.is_kvm:
        return
    for file in context.patch.files:
        if not P.is_kvm_host(file.path):
            continue
        for line in file.added_lines():
            match = _MODULE_PARAM.search(line.text)
            if match is None:
                continue
            name = match.group("name") or match.group("named") or match.group("cb")
            variable = match.group("var") or match.group("named_var") or match.group("cb_var")
            if _defaults_on(variable, context):
                yield rule_.finding(line.lineno, name=name)
