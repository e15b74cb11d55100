"""简体中文：kvmcheck/rules/shortlog_guest.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
    "shortlog-prefix-guest": (
        "本补丁只改动了 Linux 作为客户机一侧的代码（{path}），不是 KVM 本身：应写 '{prefix}'，"
        "不要写 '{wrong}'。"
    ),
    "shortlog-prefix-guest.title": "客户机侧的补丁写 'x86/kvm:'，不写 'KVM:'",
    "shortlog-prefix-guest.explanation": (
        "arch/x86/kernel/kvm.c、kvmclock.c 和 kvm_para.h 这几个头文件属于作为 KVM 客户机运行的 "
        "Linux，而不是虚拟机监控器。MAINTAINERS 把它们归在 KVM PARAVIRT 条目下，标题行沿用 "
        "arch/x86 的写法 'x86/kvm:'（kvmclock 用 'x86/kvmclock:'）。在这里写 'KVM: x86:'，"
        "无论在邮件列表上还是在 'git log' 里，客户机侧的改动都会被看成 KVM 本身的改动，"
        "审阅者会要求换成客户机侧的前缀。"
    ),
}
