"""简体中文：kvmcheck/rules/shortlog_topic.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
    "shortlog-prefix-unknown-topic": (
        "'{topic}' 不是已知的 KVM x86 主题，请使用已有主题，例如 '{prefix}'"
        "（新主题要先在邮件列表上讨论）。"
    ),
    "shortlog-prefix-unknown-topic.other-arch": (
        "'KVM: {topic}:' 是其他体系结构的前缀，KVM x86 的规则未必适用，请参照该体系结构自己的约定。"
    ),
    "shortlog-prefix-unknown-topic.name": "'{topic}' 是文件名或函数名，不是主题：应写 '{prefix}'。",
    "shortlog-prefix-unknown-topic.title": "使用已知的主题",
    "shortlog-prefix-unknown-topic.explanation": (
        "KVM x86 的主题只有不多的几个：x86、x86/mmu、x86/pmu、x86/xen、selftests、SVM、nSVM、VMX、"
        "nVMX，再加上后来陆续确立的 SEV、TDX、guest_memfd 等。补丁横跨多个主题时，"
        "取它们共同的上级，"
        "通常就是 'x86'。新主题要先在邮件列表上达成共识再使用。"
        "主题说的是 KVM 的哪个部分，而不是改动了哪个文件或函数：lapic.c 写 'KVM: x86:'，"
        "写 'KVM: x86/mmu:' 而不是 'KVM: MMU:'，vmenter.S 写 'KVM: VMX:'。"
        "文件会改名、拆分，主题却保持不变；'git log --oneline <文件>' 可以看到以前的补丁用了什么。"
    ),
    "shortlog-topic-mismatch": (
        "'{prefix}' 与本补丁改动的文件不符，这些文件共同的主题是 '{suggestion}'。"
    ),
    "shortlog-topic-mismatch.title": "主题与改动的文件相符",
    "shortlog-topic-mismatch.explanation": (
        "主题要覆盖补丁实际改动的内容：vmx/nested.c 属于 nVMX，vmx/ 下其他文件属于 VMX；"
        "svm/nested.c 属于 nSVM，svm/ 下其他文件属于 SVM；mmu/ 属于 x86/mmu，PMU 相关文件属于 "
        "x86/pmu，Xen 相关文件属于 x86/xen，selftests 属于 selftests，通用代码（virt/kvm/）"
        "只写 'KVM:'。同时改动其中几类时，取最近的共同上级，一般是 'x86'。"
        "用了另一家厂商的主题、只改 vmx/ 或 svm/ 的代码却写 'x86'、"
        "只改嵌套代码却写 'VMX' 或 'SVM'、内核代码写成 'selftests'、"
        "通用代码写了 x86 的主题，这些情况审阅者一定会退回（报警告，并按文件改成对应的主题）；"
        "主题与文件相近但不完全相符，例如在 x86.c 里改某个特性却写该特性的主题，只作提示。"
    ),
    "shortlog-prefix-selftests": "'{wrong}' 不是 selftests 的前缀：应写 'KVM: selftests:'。",
    "shortlog-prefix-selftests.title": "KVM selftests 的前缀是 'KVM: selftests:'",
    "shortlog-prefix-selftests.explanation": (
        "tools/testing/selftests/kvm/ 下的补丁经由 KVM 的树合入，使用 KVM 的前缀："
        "写 'KVM: selftests:'，不要写 'selftests: kvm:'、'selftests/kvm:'、'KVM: selftest:' "
        "或 'KVM: x86:'。如果体系结构很重要，写在描述里。其他体系结构的 selftests 经由"
        "该体系结构的树合入，其维护者写作 'KVM: arm64: selftests:'（或 s390、riscv 等）："
        "只要补丁没有改动 x86 的 selftests，这样写就是对的。"
    ),
    "shortlog-prefix-common": (
        "本补丁只改动了 KVM 的通用代码（{path}）：应写 '{prefix}'，不要写 '{wrong}'。"
    ),
    "shortlog-prefix-common.title": "KVM 通用代码只写 'KVM:'",
    "shortlog-prefix-common.explanation": (
        "virt/kvm/ 由所有体系结构共用，改动那里的补丁只写 'KVM:'（guest_memfd.c 写 "
        "'KVM: guest_memfd:'），哪怕需要这个改动的是 x86。写上 x86 的主题，"
        "其他体系结构的维护者就会以为这个补丁与他们无关。"
    ),
    "shortlog-prefix-nested": "'{wrong}' 不合适：本补丁只改动了嵌套虚拟化的代码，应写 '{prefix}'。",
    "shortlog-prefix-nested.l2": (
        "'{wrong}' 不合适：标题行说明这是针对 L2 的改动，应写 '{prefix}'。"
    ),
    "shortlog-prefix-nested.plain": (
        "'{wrong}' 不合适：本补丁没有改动嵌套虚拟化的代码，标题行也没有提到 L2，应写 '{prefix}'。"
    ),
    "shortlog-prefix-nested.title": "嵌套虚拟化的改动用 nVMX 和 nSVM",
    "shortlog-prefix-nested.explanation": (
        "嵌套虚拟化有自己的主题：针对 L2 客户机的改动（vmx/nested.c、vmcs12、enlightened VMCS；"
        "svm/nested.c）写 'KVM: nVMX:' 或 'KVM: nSVM:'，不写 'KVM: VMX:' 或 'KVM: SVM:'。"
        "反过来，'nVMX' 和 'nSVM' 只用于嵌套虚拟化的改动。"
    ),
}
