"""The testing checklist returned with every result.

Which items apply depends on the files the series touches; each item links
to the handbook section that asks for it.
"""

from __future__ import annotations

from itertools import chain

from kvmcheck import lazy_re
from kvmcheck.context import KUT, PatchContext, adds_feature, is_bug_fix
from kvmcheck.paths import is_kvm_host, topics_of

TESTING = "maintainer-kvm-x86#testing"


class TestingItem:
    """One testing-checklist item: catalog key ``checklist.<id>``, handbook section."""

    __slots__ = ("id", "section")

    def __init__(self, item_id: str, section: str) -> None:
        self.id = item_id
        self.section = section

    def __repr__(self) -> str:
        return f"TestingItem({self.id!r}, {self.section!r})"


BUILD = TestingItem("build", TESTING)
RUN_TESTS = TestingItem("run-tests", TESTING)
TDP_DISABLED = TestingItem("tdp-disabled", TESTING)
MODULE_PARAMS = TestingItem("module-params", TESTING)
HTMLDOCS = TestingItem("htmldocs", TESTING)
INTEL_AND_AMD = TestingItem("intel-and-amd", TESTING)
NEGATIVE_TESTS = TestingItem("negative-tests", "maintainer-kvm-x86#new-features")
REPRODUCER = TestingItem("reproducer", "maintainer-kvm-x86#bug-fixes")

ITEMS = (
    BUILD,
    RUN_TESTS,
    TDP_DISABLED,
    MODULE_PARAMS,
    HTMLDOCS,
    INTEL_AND_AMD,
    NEGATIVE_TESTS,
    REPRODUCER,
)

# Module params whose setting changes which KVM code runs.
_MODULE_PARAM_USE = lazy_re.compile(
    r"\bmodule_param\w*\s*\(|\b(?:enable_(?:ept|vpid|unrestricted_guest|apicv|pml|ipiv|"
    r"preemption_timer|shadow_vmcs|pmu|vmware_backdoor|mmio_caching|ept_ad_bits|sgx|lbrv|"
    r"device_posted_irqs)|npt_enabled|tdp_enabled|tdp_mmu_enabled|flexpriority_enabled|"
    r"force_emulation_prefix|ignore_msrs|nx_huge_pages|eager_page_split|allow_smaller_maxphyaddr|"
    r"avic|vls|vgif|nrips|sev_enabled|sev_es_enabled|sev_snp_enabled|dump_invalid_vmcs)\b"
)


def _touches_module_params(contexts: list[PatchContext]) -> bool:
    return any(
        _MODULE_PARAM_USE.search(line.text)
        for context in contexts
        for file in context.patch.files
        if is_kvm_host(file.path)
        for hunk in file.hunks
        for line in chain(hunk.added, hunk.removed)
    )


def _vendors(paths: list[str]) -> set[str]:
    """Which of "intel", "amd", "common" x86 KVM code the paths touch."""
    found: set[str] = set()
    for path in paths:
        topics = topics_of(path)
        if "VMX" in topics:
            found.add("intel")
        elif "SVM" in topics:
            found.add("amd")
        elif "x86" in topics:
            found.add("common")
    return found


def testing_items_for(contexts: list[PatchContext]) -> list[TestingItem]:
    """The checklist items that apply to a series."""
    kvm = [c for c in contexts if c.is_kvm]
    kut = [c for c in contexts if c.project == KUT]
    paths = [p for c in contexts for p in c.paths]
    items: list[TestingItem] = []
    if kvm:
        items += [BUILD, RUN_TESTS]
    elif kut:
        items.append(RUN_TESTS)
    if kvm and any("x86/mmu" in topics_of(p) for p in paths):
        items.append(TDP_DISABLED)
    if kvm and _touches_module_params(kvm):
        items.append(MODULE_PARAMS)
    if any(p.endswith(".rst") for p in paths):
        items.append(HTMLDOCS)
    vendors = _vendors(paths)
    if kvm and ("common" in vendors or {"intel", "amd"} <= vendors):
        items.append(INTEL_AND_AMD)
    if kvm and any(adds_feature(c) for c in kvm):
        items.append(NEGATIVE_TESTS)
    if kvm and any(is_bug_fix(c) for c in kvm):
        items.append(REPRODUCER)
    return items
