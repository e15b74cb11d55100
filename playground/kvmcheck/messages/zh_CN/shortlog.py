"""简体中文：kvmcheck/rules/shortlog.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
    "shortlog-missing": (
        "提交缺少标题行：提交的第一行（邮件的 Subject:）要概括这次改动，"
        "例如 'KVM: x86: Fix the foo check in bar()'。"
    ),
    "shortlog-missing.title": "提交要有标题行",
    "shortlog-missing.explanation": (
        "标题行（shortlog）就是提交最上面那一行，在邮件里是 [PATCH] 标记后面的 Subject:。"
        "'git log --oneline'、邮件客户端和搜索结果里显示的都是它，没有标题行的补丁无法合入。"
    ),
    "shortlog-prefix-missing": (
        "补丁改动了 KVM 代码，标题行却没有 'KVM:' 前缀，应写成 '{prefix} {shortlog}'。"
    ),
    "shortlog-prefix-missing.title": "KVM 补丁以 'KVM: <主题>:' 开头",
    "shortlog-prefix-missing.explanation": (
        "维护者靠前缀筛选邮件列表。凡是改动 KVM 宿主机代码（arch/x86/kvm/、virt/kvm/、KVM 头文件、"
        "KVM selftests 或文档）的补丁，标题行都以 'KVM:' 加主题开头，如 'x86'、'x86/mmu'、'VMX'、"
        "'selftests'。只改动 Linux 作为 KVM 客户机一侧代码的补丁则用 'x86/kvm:'。"
    ),
    "shortlog-prefix-case": "前缀名区分大小写，应写 '{right}'，而不是 '{wrong}'。",
    "shortlog-prefix-case.title": "前缀名拼写要准确",
    "shortlog-prefix-case.explanation": (
        "人和脚本都按原样匹配前缀：'KVM: x86:'、'KVM: VMX:'、'KVM: nVMX:'、'KVM: selftests:'。"
        "写成 'kvm: vmx:'、'KVM: X86:'、'KVM: Selftests:' 之类，同一主题的历史就被打散了，"
        "维护者也会要求改正。"
    ),
    "shortlog-prefix-x86-kvm": (
        "'x86/kvm:' 专用于 Linux 作为 KVM 客户机的代码（如 arch/x86/kernel/kvm.c）；"
        "本补丁改动的是 KVM 宿主机代码，应写 '{prefix}'。"
    ),
    "shortlog-prefix-x86-kvm.title": "'x86/kvm:' 只用于客户机侧代码",
    "shortlog-prefix-x86-kvm.explanation": (
        "这里有两块容易混淆的代码：KVM 本身（也就是虚拟机监控器，arch/x86/kvm/），以及让 Linux "
        "更好地运行在 KVM 客户机里的代码（arch/x86/kernel/kvm.c、kvmclock.c、kvm_para.h）。"
        "客户机侧沿用 tip 树的写法 'x86/kvm:'，虚拟机监控器一侧则用 'KVM: <主题>:'。"
    ),
    "shortlog-prefix-path": "前缀 '{component}' 是文件名或路径，应改为主题名：'{prefix}'。",
    "shortlog-prefix-path.title": "前缀写主题，不写文件",
    "shortlog-prefix-path.explanation": (
        "前缀说明的是 KVM 的哪个部分发生了变化，而不是哪个文件：文件会移动、拆分，主题却相对稳定。"
        "要写 'KVM: x86/mmu:'，不要写 'KVM: x86/mmu/mmu.c:' 或 'arch/x86/kvm/lapic.c:'。"
        "用 'git log --oneline <文件>' 可以看到以前改这个文件的补丁用了什么主题。"
    ),
    "shortlog-prefix-space": "前缀里每个冒号后面都要有一个空格：写 '{right}'，不要写 '{wrong}'。",
    "shortlog-prefix-space.title": "前缀的每个冒号后面加空格",
    "shortlog-prefix-space.explanation": (
        "前缀由若干个名字组成，每个名字后面跟一个冒号和一个空格：'KVM: SVM: ...'。"
        "写成 'KVM:SVM:'，按 'KVM: SVM:' 筛选邮件列表的人和脚本就找不到这个补丁，"
        "其他前缀检查也认不出它指的是什么。"
    ),
    "shortlog-prefix-stacked": (
        "'{wrong}' 叠用了多个范围：只写改动所属的那一个主题，即 '{prefix}'。"
    ),
    "shortlog-prefix-stacked.order": (
        "'{wrong}' 把 KVM 放在了别的范围后面：KVM 补丁以 'KVM:' 开头，这里应写 '{prefix}'。"
    ),
    "shortlog-prefix-stacked.title": "'KVM:' 后面只跟一个主题",
    "shortlog-prefix-stacked.explanation": (
        "KVM x86 的前缀是 'KVM:' 加一个主题：写 'KVM: SVM:'，不写 'KVM: x86: SVM:' 或 "
        "'x86: KVM: SVM:'；selftests 写 'KVM: selftests:'，不写 'selftests: kvm:'。"
        "子系统用斜杠嵌套（'KVM: x86/mmu:'），而不是再加一个冒号。"
        "请选出能覆盖所有改动文件的、最具体的那个主题。"
    ),
}
