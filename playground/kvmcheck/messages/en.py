"""English texts that belong to no rule: the testing checklist and the command line.

Each rule's English texts live next to the rule (see kvmcheck.registry).
"""

MESSAGES = {
    # --- testing checklist --------------------------------------------------
    "checklist.build": (
        "Build every patch of the series with KVM_INTEL=m KVM_AMD=m KVM_WERROR=y (KVM_SMM, "
        "KVM_XEN, PROVE_LOCKING and X86_64 are worth toggling too)."
    ),
    "checklist.run-tests": (
        "Run the KVM selftests and kvm-unit-tests and check that they pass (compare failures "
        "with and without your changes)."
    ),
    "checklist.tdp-disabled": (
        "This touches MMU code: also test with TDP disabled (kvm_intel.ept=0, kvm_amd.npt=0)."
    ),
    "checklist.module-params": (
        "The changed code depends on module params: test with each relevant setting."
    ),
    "checklist.htmldocs": (
        "Documentation .rst files change: run 'make htmldocs' and check for new warnings."
    ),
    "checklist.intel-and-amd": "The change affects both Intel and AMD: test on both if you can.",
    "checklist.negative-tests": "New feature: add tests, including negative tests for error paths.",
    "checklist.reproducer": (
        "Bug fix: provide a reproducer (ideally a regression test) and say how to verify the fix."
    ),
    # --- command line -------------------------------------------------------
    "cli.checklist-heading": "Testing checklist:",
    "cli.summary": "{patches} patch(es): {error} error(s), {warning} warning(s), {info} info(s)",
    "cli.unreadable": "kvmcheck: cannot read {path}: {reason}",
    "cli.typos-missing": (
        "kvmcheck: this installation has no typo list (built from codespell when kvmcheck is "
        "installed), so the 'typo' rule checks nothing and says so; reinstall with codespell "
        "available, or run playground/build_typos.py"
    ),
    "cli.unknown-rule": "kvmcheck: unknown rule '{rule}' in --ignore (see --list-rules)",
    "cli.bad-git-dir": "kvmcheck: --git-dir {path} is not a usable git repository: {reason}",
    "cli.fixable": "[fixable: kvmcheck --fix]",
    "cli.fixed": "kvmcheck: {path}: fixed {count} finding(s)",
    "cli.fix-one-file": (
        "kvmcheck: --fix prints one fixed file; give one FILE, or use --fix-inplace FILE..."
    ),
    "cli.fix-inplace-files": "kvmcheck: --fix-inplace needs the files to rewrite (not stdin)",
    "cli.not-a-patch": "kvmcheck: {path} is not a patch (empty, binary or HTML); left unchanged",
    "cli.cannot-write": "kvmcheck: cannot rewrite {path}: {reason}; the file is left unchanged",
    "cli.too-large": "kvmcheck: {path}: more than {limit} MiB of input in all; "
    "raise the limit with --max-input-size",
    "cli.closed": "the stream is closed",
    "cli.stdin-twice": "kvmcheck: '-' (standard input) can be named only once",
    "cli.not-regular": "kvmcheck: {path} is not a regular file; left unchanged",
    "cli.read-only": "kvmcheck: {path} is read-only; left unchanged",
    "cli.interrupted": "kvmcheck: interrupted at {path}; no file is left half-written",
    "cli.unwritable": "kvmcheck: cannot write the report to standard output: {reason}",
    "cli.internal-error": (
        "kvmcheck: internal error ({kind}: {error}); please report it with the input"
    ),
}
