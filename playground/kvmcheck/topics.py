"""Known ``KVM: <topic>:`` shortlog topics — the one data file rules read.

Add a topic here only once it is established upstream (used by the
maintainers in merged commits), not because one patch used it.
"""

# The topics the KVM x86 handbook lists (maintainer-kvm-x86.rst, "Shortlog").
HANDBOOK_TOPICS = (
    "x86",
    "x86/mmu",
    "x86/pmu",
    "x86/xen",
    "selftests",
    "SVM",
    "nSVM",
    "VMX",
    "nVMX",
)

# Topics established upstream since the handbook was written, with the area
# each covers (``kvmcheck.paths`` maps files to these areas).
ESTABLISHED_TOPICS = (
    "SEV",  # AMD SEV / SEV-ES / SEV-SNP code in svm/sev.c
    "SEV-ES",
    "SNP",
    "TDX",  # Intel TDX host support in vmx/tdx.c
    "x86/emulator",  # arch/x86/kvm/emulate.c
    "guest_memfd",  # virt/kvm/guest_memfd.c (common KVM code)
    "Documentation",
)

# Common (architecture-neutral) KVM code sometimes names its area.
COMMON_TOPICS = (
    "guest_memfd",
    "selftests",
    "Documentation",
    "irqfd",
    "eventfd",
    "async_pf",
)

# Other architectures: the x86 rules may not apply to their patches.
OTHER_ARCH_TOPICS = ("arm64", "s390", "PPC", "riscv", "LoongArch", "MIPS", "ARM")

KNOWN_TOPICS = tuple(dict.fromkeys(HANDBOOK_TOPICS + ESTABLISHED_TOPICS + COMMON_TOPICS))

# Old or informal spellings, lower-cased, and the topic to write instead.
ALIASES = {
    "mmu": "x86/mmu",
    "pmu": "x86/pmu",
    "xen": "x86/xen",
    "x86/vmx": "VMX",
    "x86/svm": "SVM",
    "vmx/pmu": "x86/pmu",
    "svm/pmu": "x86/pmu",
    "x86/nvmx": "nVMX",
    "x86/nsvm": "nSVM",
    "selftest": "selftests",
    "kvm_selftests": "selftests",
    "emulator": "x86/emulator",
    "emulate": "x86/emulator",
    "x86/emulate": "x86/emulator",
    "tdp_mmu": "x86/mmu",
    "x86/tdp_mmu": "x86/mmu",
    "docs": "Documentation",
}
