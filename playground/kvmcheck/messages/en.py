"""English messages, titles and explanations."""

MESSAGES = {
    # --- shortlog -----------------------------------------------------------
    "shortlog-missing":
        "The commit has no shortlog: its first line (the mail's Subject:) must summarize "
        "the change, e.g. 'KVM: x86: Fix the foo check in bar()'.",
    "shortlog-missing.title": "The commit has a shortlog",
    "shortlog-missing.explanation":
        "The shortlog is the one-line summary at the top of a commit; in a mailed patch it is "
        "the Subject: after the [PATCH] tag. It is what people see in 'git log --oneline', in "
        "mail clients and in search results, so a patch without one cannot be applied.",

    "shortlog-prefix-missing":
        "The patch changes KVM code but the shortlog has no 'KVM:' prefix: write "
        "'{prefix} {shortlog}'.",
    "shortlog-prefix-missing.title": "KVM patches start with 'KVM: <topic>:'",
    "shortlog-prefix-missing.explanation":
        "Maintainers filter the list by prefix. A patch to KVM host code (arch/x86/kvm/, "
        "virt/kvm/, the KVM headers, the KVM selftests or documentation) starts its shortlog "
        "with 'KVM:' and a topic such as 'x86', 'x86/mmu', 'VMX' or 'selftests'. Patches that "
        "only change Linux running as a KVM guest use 'x86/kvm:' instead.",

    "shortlog-prefix-case":
        "Use '{right}' (prefix names are case sensitive), not '{wrong}'.",
    "shortlog-prefix-case.title": "Prefix names are spelled exactly",
    "shortlog-prefix-case.explanation":
        "The prefix is matched by people and scripts as written: 'KVM: x86:', 'KVM: VMX:', "
        "'KVM: nVMX:', 'KVM: selftests:'. Variants such as 'kvm: vmx:', 'KVM: X86:' or "
        "'KVM: Selftests:' scatter a topic's history and get corrected by the maintainers.",

    "shortlog-prefix-x86-kvm":
        "'x86/kvm:' is reserved for Linux-as-a-KVM-guest code such as arch/x86/kernel/kvm.c; "
        "this patch changes KVM host code, so write '{prefix}'.",
    "shortlog-prefix-x86-kvm.title": "'x86/kvm:' only for guest-side code",
    "shortlog-prefix-x86-kvm.explanation":
        "Two different pieces of code are easily confused: KVM itself (the hypervisor, "
        "arch/x86/kvm/) and the code that lets Linux run well as a KVM guest "
        "(arch/x86/kernel/kvm.c, kvmclock.c, kvm_para.h). The guest side uses the tip-tree "
        "style 'x86/kvm:'; the hypervisor uses 'KVM: <topic>:'.",

    "shortlog-prefix-path":
        "The prefix '{component}' is a file name or path; name the topic instead: '{prefix}'.",
    "shortlog-prefix-path.title": "The prefix is a topic, not a file",
    "shortlog-prefix-path.explanation":
        "A prefix says which area of KVM changes, not which file: files move and get split, "
        "topics stay. Write 'KVM: x86/mmu:' rather than 'KVM: x86/mmu/mmu.c:' or "
        "'arch/x86/kvm/lapic.c:'. 'git log --oneline <file>' shows which topic earlier "
        "patches to a file used.",

    "shortlog-prefix-unknown-topic":
        "'{topic}' is not a known KVM x86 topic; use an established one such as '{prefix}' "
        "(propose a new topic on the list first).",
    "shortlog-prefix-unknown-topic.other-arch":
        "'KVM: {topic}:' is another architecture's prefix: the KVM x86 rules may not apply, "
        "check that architecture's own conventions.",
    "shortlog-prefix-unknown-topic.title": "The topic is a known one",
    "shortlog-prefix-unknown-topic.explanation":
        "KVM x86 uses a short list of topics: x86, x86/mmu, x86/pmu, x86/xen, selftests, SVM, "
        "nSVM, VMX and nVMX, plus a few added since (SEV, TDX, guest_memfd, ...). When a patch "
        "spans several topics, use their common parent, which is often plain 'x86'. New topics "
        "are agreed on the mailing list before they are used.",

    "shortlog-topic-mismatch":
        "'{prefix}' does not match the files this patch touches; their common topic is "
        "'{suggestion}'.",
    "shortlog-topic-mismatch.title": "The topic fits the touched files",
    "shortlog-topic-mismatch.explanation":
        "The topic should cover what the patch changes: vmx/nested.c is nVMX, other vmx/ "
        "files are VMX, svm/nested.c is nSVM, other svm/ files are SVM, mmu/ is x86/mmu, the "
        "PMU files are x86/pmu, the Xen files are x86/xen and the selftests are selftests. A "
        "patch touching several of these takes their first common parent, usually 'x86'.",

    "shortlog-capitalization":
        "Capitalize the first word after the prefix: '{fixed}', not '{word}'.",
    "shortlog-capitalization.title": "The description starts with a capital letter",
    "shortlog-capitalization.explanation":
        "After the prefix comes a short sentence starting with a capital letter: "
        "'KVM: x86: Fix ...', not 'KVM: x86: fix ...'. Identifiers keep their own spelling, "
        "so 'KVM: x86: kvm_set_msr() ...' or 'KVM: VMX: x2APIC ...' are fine.",

    "shortlog-trailing-punctuation":
        "Drop the '{char}' at the end of the shortlog.",
    "shortlog-trailing-punctuation.title": "No punctuation at the end of the shortlog",
    "shortlog-trailing-punctuation.explanation":
        "The shortlog works like a title, so it has no full stop or other punctuation at the "
        "end.",

    "shortlog-too-long":
        "The shortlog is {length} characters long; keep 'prefix: description' within {limit} "
        "(75 is the firm limit, 80 the hard one).",
    "shortlog-too-long.title": "The shortlog fits in 75 characters",
    "shortlog-too-long.explanation":
        "The shortlog, prefix included, should stay within 75 characters so that it fits in "
        "'git log --oneline' and in mail subjects. KVM x86 allows a few characters more when "
        "there is a good reason, but 80 is a hard limit.",

    "imperative-mood":
        "Write the shortlog in imperative mood: '{instead}', not '{written}'.",
    "imperative-mood.this-patch":
        "Don't open the shortlog with '{written}': state what the change does, in imperative "
        "mood ('Fix ...', 'Add ...').",
    "imperative-mood.changelog":
        "Start the changelog in imperative mood: '{instead} ...', not '{written} ...'.",
    "imperative-mood.changelog-this-patch":
        "Don't start the changelog with '{written}': state the change directly, in imperative "
        "mood ('Add ...', 'Fix ...').",
    "imperative-mood.title": "Imperative mood",
    "imperative-mood.explanation":
        "Write the shortlog and the changelog as instructions to the code base: 'Add ...', "
        "'Fix ...', 'Drop ...'. Phrases such as 'This patch adds', 'Added' or 'Fixes' describe "
        "the patch instead of the change and read oddly in the history.",

    # --- changelog ----------------------------------------------------------
    "changelog-missing":
        "There is no changelog: below the shortlog, explain what changes and why.",
    "changelog-missing.title": "Every patch has a changelog",
    "changelog-missing.explanation":
        "Even a one-line fix needs a few sentences: what the patch changes, why, and what was "
        "broken. Reviewers read it before the code, and people running 'git blame' years "
        "later depend on it.",

    "changelog-pronoun":
        "Avoid pronouns ('{word}') in the changelog: describe the code and its behavior "
        "(e.g. 'KVM does X', not 'we do X').",
    "changelog-pronoun.title": "No pronouns in the changelog",
    "changelog-pronoun.explanation":
        "'I', 'we' and 'you' make it unclear who or what acts: the author, KVM, the guest, "
        "userspace? Name the actor instead ('KVM injects #GP', 'the guest writes ...') and "
        "write the change itself in imperative mood.",

    "changelog-context-first":
        "The changelog opens with background; KVM x86 wants the change stated first (the "
        "statement at line {line}), followed by the context.",
    "changelog-context-first.title": "State the change first, then the background",
    "changelog-context-first.explanation":
        "KVM x86 differs from the tip tree here: open with a short statement of what the patch "
        "changes, then explain the problem and the background. The 'what' nearly always fits "
        "in one sentence, so readers skimming the history find it at once.",

    "changelog-line-too-long":
        "This changelog line is {length} characters long; wrap prose at 75 columns.",
    "changelog-line-too-long.title": "Changelog lines wrap at 75 columns",
    "changelog-line-too-long.explanation":
        "git indents the message when showing it, so prose wrapped at 75 columns still fits an "
        "80-column terminal. URLs, tags and pasted logs are left as they are.",

    "version-history-in-changelog":
        "Version notes ('{text}') belong below the '---' line, where 'git am' drops them.",
    "version-history-in-changelog.title": "Version history goes below '---'",
    "version-history-in-changelog.explanation":
        "Notes such as 'v2: renamed foo' help reviewers but mean nothing in the git history. "
        "Put them after the '---' line (or in the cover letter); everything there is discarded "
        "when the patch is applied.",

    "function-reference-parens":
        "Write '{name}()' with parentheses: the diff shows that {name} is a function.",
    "function-reference-parens.title": "Functions are written name()",
    "function-reference-parens.explanation":
        "Writing a function as 'name()' in the shortlog, the changelog or a comment shows at "
        "a glance that it is a function and not a variable, a field or a type.",

    # --- tags ---------------------------------------------------------------
    "signoff-missing":
        "No 'Signed-off-by:' tag: add 'Signed-off-by: {author}' (git commit -s) to certify "
        "the Developer's Certificate of Origin.",
    "signoff-missing.title": "The patch is signed off",
    "signoff-missing.explanation":
        "'Signed-off-by:' certifies that you may submit the code under the kernel's license "
        "(the Developer's Certificate of Origin). A patch without the author's sign-off "
        "cannot be applied. 'git commit -s' adds the tag with your name and address.",

    "signoff-author-mismatch":
        "The author {author} has no matching 'Signed-off-by:'; sign off with the author's "
        "address.",
    "signoff-author-mismatch.title": "The author signs off",
    "signoff-author-mismatch.explanation":
        "The address in From: (the author) must also appear in a 'Signed-off-by:' tag. A "
        "mismatch usually means the commit was made with one address and signed off with "
        "another; set user.email and amend the commit.",

    "trailer-malformed":
        "Write the tag as '{right}:', not '{written}:' (tools match tags exactly).",
    "trailer-malformed.spacing":
        "Malformed tag '{text}': write '{right}: ...' with exactly one space after the colon.",
    "trailer-malformed.no-email":
        "'{tag}:' names a person without an address: write '{tag}: Full Name <address>'.",
    "trailer-malformed.co-developed":
        "'Co-developed-by: {person}' must be followed directly by that person's "
        "'Signed-off-by:'.",
    "trailer-malformed.title": "Tags are well formed",
    "trailer-malformed.explanation":
        "Tags at the end of the changelog are read by scripts, so their spelling is fixed: "
        "'Signed-off-by:', 'Reviewed-by:', 'Co-developed-by:' and so on, one space after the "
        "colon, then 'Full Name <address>' for people. Every 'Co-developed-by:' is followed "
        "by the same person's 'Signed-off-by:'.",

    "fixes-tag-format":
        "Malformed 'Fixes:' tag '{written}': write 'Fixes: {right}' (at least 12 hex digits, "
        "the title in (\"...\"), on one line).",
    "fixes-tag-format.unknown-commit":
        "'Fixes:' names {sha}, which is not a commit of the --git-dir repository.",
    "fixes-tag-format.title-mismatch":
        "The 'Fixes:' title does not match commit {sha}: write 'Fixes: {right}'.",
    "fixes-tag-format.title": "Fixes: <12+ hex> (\"<title>\")",
    "fixes-tag-format.explanation":
        "'Fixes:' names the commit that introduced the bug, as 'Fixes: <first 12 or more hex "
        "digits of the sha> (\"<its shortlog>\")' on a single line, however long. KVM x86 "
        "wants the tag on every bug fix, even when no backport is needed. "
        "'git log -1 --abbrev=12 --format=\"Fixes: %h (\\\"%s\\\")\" <sha>' prints it.",

    "commit-reference-format":
        "Refer to commit {sha} as 'commit {sha} (\"<title>\")': add the commit's title.",
    "commit-reference-format.short":
        "'{sha}' is too short to identify a commit: write 'commit <12+ hex digits> "
        "(\"<title>\")'.",
    "commit-reference-format.unknown-commit":
        "The changelog names {sha}, which is not a commit of the --git-dir repository.",
    "commit-reference-format.title-mismatch":
        "The title given for commit {sha} does not match: write 'commit {right}'.",
    "commit-reference-format.title": "Commits are cited with their title",
    "commit-reference-format.explanation":
        "In the changelog, cite a commit as 'commit <12+ hex digits> (\"<title>\")'. A short "
        "sha can become ambiguous as the tree grows, and the title tells readers what the "
        "commit was without looking it up.",

    "fixes-tag-suggested":
        "The changelog describes a bug fix ('{word}') but has no 'Fixes:' tag; add "
        "'Fixes: <12+ hex> (\"<title>\")' naming the commit that introduced the bug.",
    "fixes-tag-suggested.title": "Bug fixes carry a Fixes: tag",
    "fixes-tag-suggested.explanation":
        "KVM x86 asks for a 'Fixes:' tag on every bug fix, even for old bugs and even when "
        "the fix is not meant for stable kernels: it tells reviewers and distributions where "
        "the bug came from. A backport is requested separately, with 'Cc: stable'.",

    "stable-cc-format":
        "Malformed stable tag '{written}': write 'Cc: stable@vger.kernel.org' (optionally "
        "followed by '# <version>').",
    "stable-cc-format.title": "Cc: stable@vger.kernel.org",
    "stable-cc-format.explanation":
        "KVM x86 does not backport on 'Fixes:' alone; a fix meant for stable kernels says so "
        "with the tag 'Cc: stable@vger.kernel.org', optionally followed by '# <version>'. "
        "Other addresses or spellings are not picked up by the stable tooling.",

    "link-not-lore":
        "Link to lore.kernel.org instead of '{url}' (https://lore.kernel.org/all/<message-id>).",
    "link-not-lore.title": "Links point to lore.kernel.org",
    "link-not-lore.explanation":
        "lore.kernel.org archives every kernel list and finds a mail by its Message-ID. Other "
        "archives (lkml.org, marc.info, spinics, patchwork ...) come and go; use lore for "
        "'Link:' and 'Closes:' tags.",

    "in-reply-to-root":
        "The first mail of a posting must not carry '{header}:': start a new thread and "
        "link earlier mails with lore links.",
    "in-reply-to-root.title": "A posting starts its own thread",
    "in-reply-to-root.explanation":
        "Don't send a new version or a fix as a reply to older mails (In-Reply-To:/"
        "References:): long threads get unmanageable and readers who were not Cc'd miss the "
        "context. Link the bug report or the previous version with a lore URL instead, in "
        "the cover letter or below '---'.",

    # --- posting ------------------------------------------------------------
    "base-commit-missing":
        "No 'base-commit:' in the posting: create the patches with 'git format-patch "
        "--base=<base>', normally based on kvm-x86/next.",
    "base-commit-missing.title": "The posting records its base",
    "base-commit-missing.explanation":
        "'git format-patch --base=<commit>' adds a 'base-commit:' line telling maintainers "
        "and bots which tree the series applies to. Base KVM x86 work on kvm-x86/next, and "
        "fixes for the current release on kvm.git master.",

    "kvm-unit-tests-mixed":
        "This series mixes kernel patches with {count} kvm-unit-tests patch(es): post "
        "kvm-unit-tests on its own and point to the KVM series with a lore 'Link:'.",
    "kvm-unit-tests-mixed.title": "kvm-unit-tests are posted separately",
    "kvm-unit-tests-mixed.explanation":
        "kvm-unit-tests is a separate repository, and tools such as 'b4 am' cannot apply one "
        "series to two trees. Post the kernel patches first, then the kvm-unit-tests patches "
        "as their own series with a lore 'Link:' to the kernel posting.",

    "selftests-missing":
        "The series adds a KVM feature but no KVM selftest: add tests under "
        "tools/testing/selftests/kvm/, or tag the series RFC if you want early feedback "
        "first.",
    "selftests-missing.fix":
        "The series fixes a bug but adds no KVM selftest: include a regression test or say "
        "how the fix was reproduced.",
    "selftests-missing.title": "Features and fixes come with tests",
    "selftests-missing.explanation":
        "New features need test coverage, including negative tests, and bug fixes need a "
        "reproducer, ideally a regression test. KVM selftests are posted in the same series "
        "as the KVM change. Untested work can be posted as RFC to get early feedback.",

    "series-numbering":
        "'{number}' does not fit a series of {total} patches: number them 1/{total} to "
        "{total}/{total}.",
    "series-numbering.version":
        "The series mixes versions ({versions}): every mail of a posting carries the same vN.",
    "series-numbering.duplicate":
        "Patch number {number} appears more than once.",
    "series-numbering.gap":
        "Patch(es) {missing} of {total} are missing from the series.",
    "series-numbering.title": "[PATCH vN m/n] numbering is consistent",
    "series-numbering.explanation":
        "'git format-patch -v<N>' numbers a series for you: one version for every mail and "
        "each patch from 1/n to n/n, with the cover letter as 0/n. Gaps and mixed versions "
        "usually mean a stale file in the output directory.",

    # --- code ---------------------------------------------------------------
    "kernel-doc-comment":
        "Don't use kernel-doc ('/**') comments in KVM code: write a plain '/*' comment.",
    "kernel-doc-comment.title": "No kernel-doc comments",
    "kernel-doc-comment.explanation":
        "KVM functions are meant for KVM's own use even when exported, so KVM x86 does not "
        "document them with kernel-doc ('/**'). A plain comment explaining why the code does "
        "what it does is welcome.",

    "comment-sdm-apm-number":
        "Don't cite the SDM/APM by number ('{reference}'): the numbering changes between "
        "editions; name the section or table instead.",
    "comment-sdm-apm-number.title": "Cite the SDM and APM by name, not number",
    "comment-sdm-apm-number.explanation":
        "Intel and AMD renumber sections, tables and figures of their manuals with every "
        "edition, so a comment saying 'SDM 25.3.1' or 'Table 24-11' soon points at the wrong "
        "place. Name the section if you must, or quote the relevant text. Mentioning the SDM "
        "or APM without numbers is fine, and changelogs may cite them freely.",

    "comment-pronoun":
        "Avoid pronouns ('{word}') in comments: use imperative mood or name the actor.",
    "comment-pronoun.title": "No pronouns in comments",
    "comment-pronoun.explanation":
        "Comments follow the changelog rules: imperative mood, no 'I', 'we' or 'you'. Explain "
        "why the code does what it does rather than repeating what it does.",

    "indent-spaces":
        "Indent with tabs, not spaces.",
    "indent-spaces.title": "Indent with tabs",
    "indent-spaces.explanation":
        "Kernel C code is indented with tabs, 8 columns wide. Spaces are only used after the "
        "tabs, to line up continuation lines.",

    "reverse-fir-tree":
        "Order these local declarations longest line first (reverse fir tree).",
    "reverse-fir-tree.title": "Local declarations in reverse fir tree order",
    "reverse-fir-tree.explanation":
        "KVM x86 prefers local variable declarations sorted from the longest line to the "
        "shortest (the 'reverse Christmas tree'). It is a preference, not a requirement: "
        "dependencies between initializers come first.",

    # --- code style (checkpatch.pl's checks) ---------------------------------
    "trailing-whitespace":
        "Trailing whitespace: remove the spaces or tabs at the end of this line.",
    "trailing-whitespace.title": "No trailing whitespace",
    "trailing-whitespace.explanation":
        "Spaces and tabs at the end of a line are invisible in an editor but show up in "
        "every diff, and git warns about them when the patch is applied. checkpatch.pl "
        "reports them as errors. kvmcheck --fix removes them.",

    "space-before-tab":
        "A space before a tab: indent and align with tabs, and use spaces only after the last tab.",
    "space-before-tab.title": "No space before a tab",
    "space-before-tab.explanation":
        "A space right before a tab is usually swallowed by the tab, so nobody sees it, but "
        "it still changes the line in the diff and can shift the alignment. Align with tabs, "
        "then spaces. kvmcheck --fix removes the spaces.",

    "line-too-long":
        "This line is {width} columns wide; kernel code stays within 100 (80 preferred).",
    "line-too-long.title": "Lines stay within 100 columns",
    "line-too-long.explanation":
        "The kernel's limit is 80 columns, stretched to 100 where breaking a line would "
        "make it harder to read; checkpatch.pl warns past 100. A message string is never "
        "split to fit (people grep for it), and a URL may run long too.",

    "space-after-keyword":
        "Put a space between '{keyword}' and '(': '{keyword} ('.",
    "space-after-keyword.title": "A space after if, for, while and switch",
    "space-after-keyword.explanation":
        "Keywords that take a parenthesized expression (if, for, while, switch) are "
        "followed by a space, which sets them apart from function calls: 'if (x)', not "
        "'if(x)'. sizeof, typeof and friends are written like functions.",

    "space-before-paren":
        "No space between '{name}' and its '(': write '{name}(...)'.",
    "space-before-paren.title": "No space before a call's parenthesis",
    "space-before-paren.explanation":
        "Function calls, function declarations and function-like macros put the opening "
        "parenthesis right after the name: 'kvm_vcpu_kick(vcpu)'. A space there is only "
        "right after keywords such as if, for, while, switch and return.",

    "operator-spacing":
        "Spacing around '{operator}': one space on each side of assignments, comparisons "
        "and logical operators, and the same on both sides of other binary operators.",
    "operator-spacing.title": "Spaces around operators",
    "operator-spacing.explanation":
        "Assignments (=, +=, |=, ...), comparisons (==, !=, <=, >=) and logical operators "
        "(&&, ||) have a space on each side. Other binary operators (+, -, <<, |, ...) may "
        "go without spaces in a dense expression, but not with a space on one side only, "
        "which reads like a unary operator. Unary operators, ++, --, . and -> take none.",

    "comma-spacing":
        "Put a space after each comma.",
    "comma-spacing.title": "A space after every comma",
    "comma-spacing.explanation":
        "Arguments, parameters, initializers and declarations in a list are separated by "
        "a comma and a space: 'foo(a, b)', not 'foo(a,b)'.",

    "pointer-placement":
        "'{written}': the '*' of a pointer goes with the name, as in 'int *p' or "
        "'(struct foo *)'.",
    "pointer-placement.title": "The '*' sticks to the name",
    "pointer-placement.explanation":
        "In a declaration the '*' belongs to the variable, not the type: 'int *a, b;' "
        "declares one pointer and one int. Kernel style writes 'struct kvm *kvm', "
        "'char *buf' and casts as '(u64 *)', never 'int* p' or 'int * p'.",

    "brace-placement":
        "Put the opening brace at the end of the previous line, after the condition or "
        "the struct name.",
    "brace-placement.else":
        "Put 'else' on the same line as the closing brace: '}} else {{'.",
    "brace-placement.space":
        "Put a space between ')' or 'else' and '{{', and between '}}' and 'else'/'while'.",
    "brace-placement.title": "Braces and else in kernel style",
    "brace-placement.explanation":
        "The opening brace of an if, for, while, switch, do, struct, union or enum goes at "
        "the end of the line that opens the block, after a space; only function bodies "
        "start with a brace on a line of its own. 'else' follows the closing brace on the "
        "same line.",

    "assign-in-if":
        "Do not assign inside an 'if' condition: assign first, then test the result.",
    "assign-in-if.title": "No assignment inside an if condition",
    "assign-in-if.explanation":
        "'if ((r = foo()))' hides a side effect in a test and looks like a mistyped '=='. "
        "Kernel style puts the assignment on its own line and tests the variable after "
        "it; checkpatch.pl reports it as an error.",

    "printk-level":
        "printk() without a log level: use pr_err(), pr_warn(), pr_info() and friends "
        "(or their _once/_ratelimited forms).",
    "printk-level.with-level":
        "Use pr_{level}() instead of printk({kern} ...).",
    "printk-level.title": "pr_<level>() rather than printk()",
    "printk-level.explanation":
        "A printk() without a KERN_<LEVEL> prefix is logged at the default level, which is "
        "rarely what was meant. The pr_<level>() helpers always carry a level and KVM's "
        "pr_fmt prefix; since KVM messages can be triggered by a guest, prefer "
        "pr_*_once() or pr_*_ratelimited() for anything a guest can cause.",

    "bug-on":
        "New {call}(): KVM does not crash the host for a KVM bug. Use KVM_BUG_ON() (stops "
        "the VM) or WARN_ON_ONCE() and recover.",
    "bug-on.title": "No new BUG() or BUG_ON()",
    "bug-on.explanation":
        "BUG() takes the whole host down, with every other VM on it, for what is usually a "
        "bug that affects one VM. KVM code uses KVM_BUG_ON(cond, kvm), which marks that VM "
        "dead and makes its vCPUs exit, or WARN_ON_ONCE() with code that recovers. "
        "checkpatch.pl warns about every new BUG() and BUG_ON().",

    "bare-unsigned":
        "Write 'unsigned int' rather than a bare 'unsigned'.",
    "bare-unsigned.title": "'unsigned int', not 'unsigned'",
    "bare-unsigned.explanation":
        "A bare 'unsigned' means 'unsigned int', but spelling the type out reads better "
        "next to 'unsigned long' and the u32/u64 types. Existing code has some; new code "
        "spells it out.",

    "static-init-zero":
        "Do not initialize a static or global variable to 0, false or NULL: it starts "
        "out zeroed.",
    "static-init-zero.title": "Statics are not initialized to zero",
    "static-init-zero.explanation":
        "Static and global variables live in .bss and are zeroed before any code runs, so "
        "'= 0', '= false' and '= NULL' add nothing. checkpatch.pl reports them as errors.",

    "blank-after-declarations":
        "Put a blank line between the declarations and the first statement.",
    "blank-after-declarations.title": "A blank line after declarations",
    "blank-after-declarations.explanation":
        "The local variable declarations at the top of a block are separated from the "
        "code that follows by one blank line, so the two are easy to tell apart.",

    "extern-in-c":
        "An 'extern' declaration in a .c file: declare it in a header both files include.",
    "extern-in-c.title": "No extern declarations in .c files",
    "extern-in-c.explanation":
        "A declaration that a .c file copies from another file goes out of sync silently "
        "when the definition changes. Declare it once, in a header included by the file "
        "that defines it and by the files that use it, and the compiler checks both.",

    # --- spelling ------------------------------------------------------------
    "typo":
        "'{word}' may be misspelled in the changelog: perhaps '{fix}'?",
    "typo.comment":
        "'{word}' may be misspelled in this comment: perhaps '{fix}'?",
    "typo.unavailable":
        "Typos were not checked: this kvmcheck was built without its typo list "
        "(codespell's dictionary); reinstall it with codespell available.",
    "typo.title": "No typos in the changelog and comments",
    "typo.explanation":
        "A typo in a changelog or comment stays in the kernel's history and makes the text "
        "harder to search. kvmcheck looks words up in codespell's dictionary of common "
        "misspellings, built into kvmcheck when it is installed; identifiers and names in "
        "capitals are not checked.",

    "repeated-word":
        "'{word} {word}': a word repeated in the changelog.",
    "repeated-word.comment":
        "'{word} {word}': a word repeated in this comment.",
    "repeated-word.title": "No repeated words",
    "repeated-word.explanation":
        "A word written twice in a row ('the the', 'to to'), often across a line break "
        "after rewording, is the most common slip in changelogs and comments.",

    # --- review checklist ---------------------------------------------------
    "uapi-undocumented":
        "New uAPI {name} must be documented in Documentation/virt/kvm/api.rst in the same "
        "posting.",
    "uapi-undocumented.title": "New uAPI is documented",
    "uapi-undocumented.explanation":
        "Every new or changed userspace API (a KVM_CAP_* capability, an ioctl) is documented "
        "in Documentation/virt/kvm/api.rst and can be discovered with KVM_CHECK_EXTENSION.",

    "uapi-not-64bit-clean":
        "This uAPI struct member uses '{type}', whose size or alignment differs between 32- "
        "and 64-bit userspace: use __u64, __u32, __s64 ... and explicit padding.",
    "uapi-not-64bit-clean.title": "uAPI structs are 64-bit clean",
    "uapi-not-64bit-clean.explanation":
        "Structures shared with userspace must have the same layout for 32- and 64-bit "
        "programs: use the fixed-size __u8 ... __u64 / __s8 ... __s64 types, no long, int, "
        "bool, size_t or pointers, and align members naturally with explicit padding.",

    "module-param-default-on":
        "New module param '{name}' defaults to on; new features default to off.",
    "module-param-default-on.title": "New features default to off",
    "module-param-default-on.explanation":
        "A new feature is off until userspace or the administrator enables it, so an "
        "upgrade never changes how existing VMs behave. Performance improvements may default "
        "to on.",

    # --- security -----------------------------------------------------------
    "possible-vulnerability":
        "'{phrase}' suggests a guest-triggerable host bug: if this is a vulnerability, "
        "report it through the kernel security process (security@kernel.org) before posting "
        "in public.",
    "possible-vulnerability.title": "Possible vulnerability",
    "possible-vulnerability.explanation":
        "Bugs a guest can use against the host, or an L2 guest against L1 (escapes, "
        "out-of-bounds access, use-after-free, data leaks), are security issues. Follow the "
        "kernel's security-bugs process before discussing them on public lists.",

    # --- input --------------------------------------------------------------
    "input-unrecognized":
        "The input is empty: expected a patch (git format-patch), a mail, 'git show' or "
        "'git log -p' output, a commit message or a diff.",
    "input-unrecognized.binary":
        "The input looks like binary data: expected a patch (git format-patch), a mail, "
        "'git show' or 'git log -p' output, a commit message or a diff.",
    "input-unrecognized.html":
        "The input is a web page: save the raw message instead (on lore.kernel.org, the "
        "'raw' link of a mail or the 'mbox.gz' of a thread), or use 'b4 am'.",
    "input-unrecognized.title": "The input is a patch",
    "input-unrecognized.explanation":
        "kvmcheck reads git format-patch files, saved mails and mbox files, 'git show' or "
        "'git log -p' output, bare commit messages and bare diffs. Anything else (an empty "
        "file, an image, a compressed archive, a web page saved from the archive) cannot be "
        "checked.",

    # --- testing checklist --------------------------------------------------
    "checklist.build":
        "Build every patch of the series with KVM_INTEL=m KVM_AMD=m KVM_WERROR=y (KVM_SMM, "
        "KVM_XEN, PROVE_LOCKING and X86_64 are worth toggling too).",
    "checklist.run-tests":
        "Run the KVM selftests and kvm-unit-tests and check that they pass (compare failures "
        "with and without your changes).",
    "checklist.tdp-disabled":
        "This touches MMU code: also test with TDP disabled (kvm_intel.ept=0, kvm_amd.npt=0).",
    "checklist.module-params":
        "The changed code depends on module params: test with each relevant setting.",
    "checklist.htmldocs":
        "Documentation .rst files change: run 'make htmldocs' and check for new warnings.",
    "checklist.intel-and-amd":
        "The change affects both Intel and AMD: test on both if you can.",
    "checklist.negative-tests":
        "New feature: add tests, including negative tests for error paths.",
    "checklist.reproducer":
        "Bug fix: provide a reproducer (ideally a regression test) and say how to verify "
        "the fix.",

    # --- command line -------------------------------------------------------
    "cli.checklist-heading": "Testing checklist:",
    "cli.summary":
        "{patches} patch(es): {error} error(s), {warning} warning(s), {info} info(s)",
    "cli.unreadable": "kvmcheck: cannot read {path}: {reason}",
    "cli.unknown-rule": "kvmcheck: unknown rule '{rule}' in --ignore (see --list-rules)",
    "cli.bad-git-dir": "kvmcheck: --git-dir {path} is not a usable git repository: {reason}",
}
