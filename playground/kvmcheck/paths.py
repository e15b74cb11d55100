"""What the touched files say about a patch: KVM host code, guest side,
kvm-unit-tests, and which shortlog topic covers them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

from kvmcheck import lazy_re

KVM_HOST_PREFIXES = (
    "arch/x86/kvm/",
    "virt/kvm/",
    "arch/x86/include/asm/kvm",
    "include/linux/kvm",
    "include/uapi/linux/kvm.h",
    "arch/x86/include/uapi/asm/kvm",
    "Documentation/virt/kvm/",
    "tools/testing/selftests/kvm/",
)

# Linux running as a KVM guest: ``x86/kvm:`` is the right prefix there.
GUEST_SIDE_PATTERNS = (
    lazy_re.compile(r"arch/x86/kernel/kvm[^/]*\.[ch]"),
    lazy_re.compile(r"arch/x86/include/(?:uapi/)?asm/kvm_para\.h"),
    lazy_re.compile(r"include/(?:uapi/)?linux/kvm_para\.h"),
    lazy_re.compile(r"arch/x86/include/asm/kvmclock\.h"),
)

# Paths only kvm-unit-tests has (the kernel keeps these under arch/).
_KUT_ONLY = lazy_re.compile(
    r"(?:x86|s390x|arm|powerpc|riscv)/|lib/(?:x86|arm|arm64|s390x|powerpc|ppc64|riscv)/"
    r"|lib/libcflat\.h|unittests\.cfg|run_tests\.sh|scripts/(?:arch-run|runtime|common)\.bash"
    r"|errata\.txt|configure"
)

_KERNEL_TOP = (
    "arch/",
    "virt/",
    "tools/",
    "include/",
    "Documentation/",
    "drivers/",
    "kernel/",
    "mm/",
    "fs/",
    "net/",
    "block/",
    "crypto/",
    "security/",
    "sound/",
    "init/",
    "ipc/",
    "samples/",
    "usr/",
    "certs/",
    "io_uring/",
    "rust/",
    "MAINTAINERS",
    "Kbuild",
    "Kconfig",
)

SELFTESTS_DIR = "tools/testing/selftests/kvm/"

UAPI_HEADERS = lazy_re.compile(
    r"include/uapi/linux/kvm\.h|arch/x86/include/uapi/asm/kvm(?:_para)?\.h"
)


# Asked of every file by every rule scope and the project checks, and the
# same few paths come back patch after patch: the answers are kept, a
# bounded number of them.
@lru_cache(maxsize=4096)
def is_guest_side(path: str) -> bool:
    return any(pattern.fullmatch(path) for pattern in GUEST_SIDE_PATTERNS)


def is_kvm_host(path: str) -> bool:
    return path.startswith(KVM_HOST_PREFIXES) and not is_guest_side(path)


def is_kut_path(path: str) -> bool:
    return _KUT_ONLY.match(path) is not None


def is_kernel_path(path: str) -> bool:
    return path.startswith(_KERNEL_TOP)


# --- where a rule applies (``areas=`` and ``types=`` of a rule) ------------------

KVM_HOST = "kvm-host"  # KVM itself: arch/x86/kvm/, virt/kvm/, headers, docs, selftests
KVM_GUEST = "kvm-guest"  # Linux running as a KVM guest (arch/x86/kernel/kvm.c, ...)
SELFTESTS = "selftests"  # tools/testing/selftests/kvm/
KVM_DOCS = "kvm-docs"  # Documentation/virt/kvm/
UAPI = "uapi"  # the KVM userspace API headers

AREAS: dict[str, Callable[[str], bool]] = {
    KVM_HOST: is_kvm_host,
    KVM_GUEST: is_guest_side,
    SELFTESTS: lambda path: path.startswith(SELFTESTS_DIR),
    KVM_DOCS: lambda path: path.startswith("Documentation/virt/kvm/"),
    UAPI: lambda path: UAPI_HEADERS.fullmatch(path) is not None,
}

FILE_TYPES = {
    "c": (".c",),
    "header": (".h",),
    "asm": (".S",),
    "lds": (".lds",),
    "rst": (".rst",),
}
C_CODE = ("c", "header", "asm", "lds")


def in_scope(path: str, areas: tuple[str, ...], types: tuple[str, ...]) -> bool:
    """Whether ``path`` is in one of ``areas`` and of one of ``types`` (empty: any)."""
    # A loop, not any() over a generator: asked for every file, rule scope
    # and patch, and nearly every rule declares one area.
    if areas:
        for area in areas:
            if AREAS[area](path):
                break
        else:
            return False
    return not types or path.endswith(_suffixes(types))


@cache
def _suffixes(types: tuple[str, ...]) -> tuple[str, ...]:
    # in_scope runs for every file, rule and patch: the suffixes of a rule's
    # types are gathered once.
    return tuple(s for t in types for s in FILE_TYPES[t])


# --- topic areas ----------------------------------------------------------------

_KVM_X86 = "arch/x86/kvm/"


# Asked of every path by each scope check, and the same paths come back
# patch after patch (kept as is_guest_side's answers are).
@lru_cache(maxsize=4096)
def topics_of(path: str) -> tuple[str, ...]:
    """The topics that cover ``path``, most specific first ("" = common KVM).

    Returns ``()`` for files that say nothing about the topic (documentation,
    uAPI headers, files outside KVM).
    """
    if path.startswith(SELFTESTS_DIR):
        return ("selftests",)
    if path.startswith("virt/kvm/"):
        if path.startswith("virt/kvm/guest_memfd"):
            return ("guest_memfd", "")
        return ("",)
    if path.startswith("arch/x86/include/asm/"):
        name = path[len("arch/x86/include/asm/") :]
        if name.startswith("vmx"):
            return ("VMX", "x86")
        if name.startswith("svm"):
            return ("SVM", "x86")
        if name.startswith("kvm"):
            return ("x86",)
        return ()
    if not path.startswith(_KVM_X86):
        return ()
    local = path[len(_KVM_X86) :]
    if local.startswith("vmx/"):
        name = local[4:]
        if name.startswith(("nested", "vmcs12", "evmcs", "hyperv")):
            # Code for L2 only: vmcs12, and the enlightened VMCS L1 Hyper-V uses.
            return ("nVMX", "VMX", "x86")
        if name.startswith("pmu"):
            return ("VMX", "x86/pmu", "x86")
        if name.startswith("tdx"):
            return ("TDX", "VMX", "x86")
        return ("VMX", "x86")
    if local.startswith("svm/"):
        name = local[4:]
        if name.startswith(("nested", "hyperv")):
            return ("nSVM", "SVM", "x86")
        if name.startswith("pmu"):
            return ("SVM", "x86/pmu", "x86")
        if name.startswith("sev"):
            return ("SEV", "SEV-ES", "SNP", "SVM", "x86")
        return ("SVM", "x86")
    # The layout before vmx/ and svm/ were split (v5.0 and v5.7).
    if local in ("vmx.c", "vmx.h", "vmx_evmcs.h", "vmx_shadow_fields.h"):
        return ("VMX", "x86")
    if local == "svm.c":
        return ("SVM", "x86")
    if local == "pmu_intel.c":
        return ("VMX", "x86/pmu", "x86")
    if local == "pmu_amd.c":
        return ("SVM", "x86/pmu", "x86")
    if local.startswith("mmu/") or local in ("mmu.c", "mmu.h", "paging_tmpl.h", "mmu_audit.c"):
        return ("x86/mmu", "x86")
    if local.startswith("pmu"):
        return ("x86/pmu", "x86")
    if local.startswith("xen"):
        return ("x86/xen", "x86")
    if local.startswith("emulate"):
        return ("x86/emulator", "x86")
    return ("x86",)


# Topics that are one family: a file of one member is covered by the others.
_FAMILIES = (
    frozenset({"VMX", "nVMX", "TDX"}),
    frozenset({"SVM", "nSVM", "SEV", "SEV-ES", "SNP"}),
)


# x86 topics named after a subsystem rather than a vendor.
_SUBSYSTEMS = frozenset({"x86/mmu", "x86/pmu", "x86/xen", "x86/emulator"})


def _family(topic: str) -> frozenset[str]:
    for family in _FAMILIES:
        if topic in family:
            return family
    return frozenset({topic})


def topic_paths(paths: Iterable[str]) -> list[str]:
    """The paths that decide the topic: selftests only count when alone.

    A KVM change posted with its selftest keeps the KVM topic.
    """
    paths = list(paths)
    others = [p for p in paths if is_kvm_host(p) and not p.startswith(SELFTESTS_DIR)]
    if others:
        return [p for p in paths if not p.startswith(SELFTESTS_DIR)]
    return paths


def topic_covers(topic: str, paths: Iterable[str]) -> bool:
    """Whether ``topic`` is a fitting topic for a patch touching ``paths``.

    A topic fits when it covers at least one touched file and no touched file
    belongs to a rival vendor family (``VMX`` on an SVM file).
    """
    file_areas = [found for found in (topics_of(p) for p in topic_paths(paths)) if found]
    if not file_areas:
        return True
    if topic in _SUBSYSTEMS:
        # A subsystem change often reaches into common or vendor code
        # (x86/mmu in vmx.c for EPT): only files of other subsystems alone
        # say the topic is wrong.
        return any(
            topic in found or ("x86" in found and not _SUBSYSTEMS & set(found))
            for found in file_areas
        )
    family = _family(topic)
    if not any(family & set(found) for found in file_areas):
        return False
    vendor = next((f for f in _FAMILIES if topic in f), None)
    if vendor is None:
        return True
    rivals = [f for f in _FAMILIES if f is not vendor]
    return not any(set(found) & rival for found in file_areas for rival in rivals)


def suggest_topic(paths: Iterable[str]) -> str | None:
    """The first common parent topic of the files (``None`` if none applies).

    ``""`` means common KVM code: a plain ``KVM:`` prefix.
    """
    file_areas = [found for found in (topics_of(p) for p in topic_paths(paths)) if found]
    if not file_areas:
        return None
    common = [topic for topic in file_areas[0] if all(topic in found for found in file_areas[1:])]
    if common:
        return common[0]
    if all("x86" in found for found in file_areas):
        return "x86"
    return ""


_NESTED = {"VMX": "nVMX", "SVM": "nSVM"}
_PLAIN = {nested: plain for plain, nested in _NESTED.items()}
# Subsystems of the handbook's topic list: 'x86' alone on their files is sent back.
_HANDBOOK_SUBSYSTEMS = frozenset({"x86/mmu", "x86/pmu", "x86/xen"})
# A shortlog about running L2: "Enable PKS for nested VM", "... on L2 entry".
NESTED_WORDS = lazy_re.compile(r"\b(?:nested|L[12]|vmcs12|vmcb12|vmcs02|vmcb02)\b", re.IGNORECASE)

# What scope_problem() finds wrong with a topic, each reported by its own rule.
SELFTESTS_SCOPE = "selftests"  # anything but 'KVM: selftests:' on the selftests only
COMMON_SCOPE = "common"  # an x86 topic on common code only (virt/kvm/)
NESTED_SCOPE = "nested"  # VMX/SVM on nested code, or nVMX/nSVM on plain code
WRONG_TOPIC = "mismatch"  # another area's topic (shortlog-topic-mismatch)


def scope_problem(topic: str, paths: Iterable[str], description: str = "") -> str | None:
    """What is clearly wrong with ``topic`` (``""``: plain ``KVM:``) for a
    patch touching ``paths`` whose shortlog says ``description``: one of the
    kinds above, or None (right, or only a judgment call).

    Clear: anything but ``selftests`` on the selftests only, ``selftests``
    on kernel code, an x86 topic on common code only, ``VMX``/``SVM`` on
    nested code only (or on a change its shortlog says is for L2) and
    ``nVMX``/``nSVM`` on plain vendor code its shortlog does not tie to L2,
    the other vendor's topic on that vendor's files only, plain ``x86`` on
    one handbook subsystem's files only, plain ``KVM:`` on x86 files only.
    A topic near the files (``SEV-ES`` on x86.c, ``nSVM`` on the MMU, ``SVM``
    on svm.c plus a hook in vmx.c) is left to :func:`topic_covers`.
    """
    paths = list(paths)
    file_areas = [found for found in (topics_of(p) for p in topic_paths(paths)) if found]
    if not file_areas:
        return None
    if all(found == ("selftests",) for found in file_areas):
        return None if topic == "selftests" else SELFTESTS_SCOPE
    if topic == "selftests":
        return WRONG_TOPIC
    if topic and all("" in found and topic not in found for found in file_areas):
        return COMMON_SCOPE
    vendor = next((family for family in _FAMILIES if topic in family), None)
    in_family = vendor is not None and all(set(found) & vendor for found in file_areas)
    nested = _NESTED.get(topic)
    if nested is not None and in_family:
        if all(found[0] == nested for found in file_areas):
            return NESTED_SCOPE
        if NESTED_WORDS.search(description) and any(found[0] == nested for found in file_areas):
            return NESTED_SCOPE
    plain = _PLAIN.get(topic)
    if (
        plain is not None
        and all(found[0] == plain for found in file_areas)
        and not NESTED_WORDS.search(description)
    ):
        return NESTED_SCOPE
    if vendor is not None:
        rivals = [family for family in _FAMILIES if family is not vendor]
        if all(any(set(found) & rival for rival in rivals) for found in file_areas):
            return WRONG_TOPIC
    if topic == "x86" and suggest_topic(paths) in _HANDBOOK_SUBSYSTEMS:
        return WRONG_TOPIC
    if topic == "x86" and _vendor_only([topics_of(p) for p in paths]):
        return WRONG_TOPIC
    if topic == "" and all("" not in found and "x86" in found for found in file_areas):
        return WRONG_TOPIC
    return None


def _vendor_only(file_areas: list[tuple[str, ...]]) -> bool:
    """Every touched file is one vendor's own code (vmx/, svm/), none a
    subsystem's (pmu_intel.c is x86/pmu's too) nor a selftest (a change
    posted with its test may keep a wider topic): the topic is the vendor's,
    not 'x86'."""
    if not file_areas or not all(file_areas):
        return False
    first = {found[0] for found in file_areas}
    return any(first <= family for family in _FAMILIES) and not any(
        _SUBSYSTEMS & set(found) for found in file_areas
    )


def nested_topic(topic: str) -> str:
    """``nVMX`` for ``VMX`` and back: the other side of a vendor's nesting."""
    return _NESTED.get(topic) or _PLAIN.get(topic) or topic
