"""简体中文：kvmcheck/rules/kvm_unit_tests.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
    "kut-subject-tag-missing": (
        "这是 kvm-unit-tests 的补丁，邮件标题的方括号里却没有写明：请以 '[kvm-unit-tests PATCH]' "
        '投递（git format-patch --subject-prefix="kvm-unit-tests PATCH"），'
        "否则审阅者会把它当成内核补丁。"
    ),
    "kut-subject-tag-missing.unsent": (
        "投递这个 kvm-unit-tests 补丁时，标题要写 '[kvm-unit-tests PATCH]'："
        "在你的 kvm-unit-tests 仓库里运行一次 "
        "'git config format.subjectPrefix \"kvm-unit-tests PATCH\"' 即可。"
    ),
    "kut-subject-tag-missing.title": "kvm-unit-tests 的投递要在标题里注明",
    "kut-subject-tag-missing.explanation": (
        "kvm-unit-tests 的补丁和内核补丁一样发到 kvm@vger.kernel.org，"
        "所以标题要说明它属于哪个仓库："
        "'[kvm-unit-tests PATCH]'（仓库的 README 这样要求，它的 .b4-config 也把 "
        "'kvm-unit-tests' 设为 b4 发送时加上的前缀）。"
        "没有它，审阅者以及 b4、patchwork 等工具都会把补丁当成内核补丁。"
        "只用 'git format-patch' 导出、还没有填写收件人的提交只得到一条提示；"
        "已经写了发给邮件列表的收件人、带编号或版本号的邮件则报警告。"
    ),
    "kut-shortlog-arch-prefix": (
        "这个 kvm-unit-tests 补丁只改动了 {arch} 的代码（{path}）：标题行要以 '{prefix}' 开头，"
        "例如 '{example}'。"
    ),
    "kut-shortlog-arch-prefix.space": (
        "体系结构前缀的冒号后面要有一个空格：写 '{right}'，不要写 '{wrong}'。"
    ),
    "kut-shortlog-arch-prefix.title": "只改一个体系结构的 kvm-unit-tests 补丁先写体系结构",
    "kut-shortlog-arch-prefix.explanation": (
        "kvm-unit-tests 收录了多个体系结构的测试，各有各的维护者，他们按标题行的第一个词整理邮件："
        "只改动 arm、s390x、powerpc 或 riscv 文件的补丁，标题行以 'arm:'（或 'arm64:'）、"
        "'s390x:'、'powerpc:' 或 'riscv:' 开头，后面再写具体的部分（'riscv: sbi: ...'）。"
        "x86 不做检查：它的历史里 'x86:'、'x86/pmu:'、'nVMX:' 和测试名都有，维护者都接受。"
    ),
}
