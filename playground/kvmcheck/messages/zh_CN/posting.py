"""简体中文：kvmcheck/rules/posting.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
    "base-commit-missing": (
        "投递中没有 'base-commit:'：请用 'git format-patch --base=<基点>' 生成补丁，"
        "一般以 kvm-x86/next 为基点。"
    ),
    "base-commit-missing.title": "投递要注明基点",
    "base-commit-missing.explanation": (
        "'git format-patch --base=<提交>' 会加上一行 'base-commit:'，告诉维护者和自动化工具"
        "这组补丁基于哪棵树。KVM x86 的开发基于 kvm-x86/next，"
        "针对当前版本的修复基于 kvm.git 的 master。"
    ),
    "patch-corrupted": (
        "邮件客户端损坏了这个补丁：第 {line} 行的 hunk 实际的行数与 '@@' 头里记的行数不符，"
        "补丁无法应用。请用 'git send-email' 或 'b4 send' 发送补丁，不要在邮件客户端的编辑器里发。"
    ),
    "patch-corrupted.wrapped": (
        "邮件客户端损坏了这个补丁：它把 diff 里的长行折行了"
        "（第 {line} 行前面没有 '+'、'-' 或空格），"
        "补丁无法应用。请用 'git send-email' 或 'b4 send' 发送补丁，不要在邮件客户端的编辑器里发。"
    ),
    "patch-corrupted.tabs": (
        "邮件客户端损坏了这个补丁：diff 里的制表符（连同上下文行里的）全都变成了空格，"
        "补丁无法应用。请用 'git send-email' 或 'b4 send' 发送补丁，不要在邮件客户端的编辑器里发。"
    ),
    "patch-corrupted.title": "补丁没有被邮件客户端损坏",
    "patch-corrupted.explanation": (
        "应用补丁的工具要求补丁和 git 生成时逐字节一致。邮件客户端及其编辑器常常会把长行折行、"
        "把制表符换成空格，或者去掉空上下文行前面的那个空格；这样一来 'git am' 就拒绝应用，"
        "维护者也无法审阅缩进已不可信的代码。请用 'git send-email' 或 'b4 send' 发送补丁，"
        "并先发给自己，确认 'git am' 能够应用。"
    ),
    "subject-extra-tag": (
        "把 '{tags}' 从邮件标题的方括号里去掉：KVM 的投递只用 PATCH、RFC、RESEND、"
        "版本号（v2）和编号（3/7），kvm-unit-tests 的补丁再加上 kvm-unit-tests；"
        "其他说明写在 '---' 下面或封面邮件里。"
    ),
    "subject-extra-tag.title": "标题方括号里只写 PATCH、RFC、RESEND、vN 和 N/M",
    "subject-extra-tag.explanation": (
        "标题行前面方括号里的标记是给工具（b4、patchwork）和整理邮件的维护者看的："
        "'[PATCH v3 2/5]'、'[RFC PATCH]'、'[PATCH RESEND]'，kvm-unit-tests 的补丁写 "
        "'[kvm-unit-tests PATCH]'；'[PATCH -next]' 表示修复的代码只在 linux-next 里。"
        "其他内容，例如目标分支、'URGENT'、子系统名或 bug 编号，"
        "对他们只是干扰；请写进封面邮件或 '---' 分隔线下面。"
    ),
    "tools-uapi-copy": (
        "这个 KVM 补丁改动了 {path}，它是 tools/ 下保存的 uAPI 头文件副本："
        "只改真正的头文件即可；这些副本由 tools 的维护者同步，"
        "KVM selftests 编译时用的是安装后的头文件（'make headers_install'）。"
    ),
    "tools-uapi-copy.title": "不要改 tools/ 下的 uAPI 头文件副本",
    "tools-uapi-copy.explanation": (
        "tools/include/uapi/ 和 tools/arch/*/include/uapi/ 里是内核 uAPI 头文件的副本，"
        "供 perf 等工具使用。它们由这些工具的维护者按自己的节奏与内核同步，"
        "KVM selftests 也已经不读它们，而是基于 'make headers_install' 安装的头文件编译。"
        "KVM 补丁系列只改 include/uapi/ 或 arch/x86/include/uapi/ 下真正的头文件，不碰这些副本。"
    ),
    "kvm-unit-tests-mixed": (
        "这组补丁把内核补丁和 {count} 个 kvm-unit-tests 补丁混在了一起："
        "kvm-unit-tests 要单独投递，并用 lore 'Link:' 指向 KVM 的那组补丁。"
    ),
    "kvm-unit-tests-mixed.title": "kvm-unit-tests 单独投递",
    "kvm-unit-tests-mixed.explanation": (
        "kvm-unit-tests 是独立的仓库，'b4 am' 等工具无法把同一组补丁应用到两棵树上。"
        "请先投递内核补丁，再把 kvm-unit-tests 补丁作为单独的一组发出，"
        "并用 lore 'Link:' 指向内核那组。"
    ),
    "selftests-missing": (
        "这组补丁为 KVM 增加了新功能，却没有 KVM selftests："
        "请在 tools/testing/selftests/kvm/ 下补充测试；"
        "如果只是想先听取意见，可以标记为 RFC。"
    ),
    "selftests-missing.fix": (
        "这组补丁修复了缺陷，却没有 KVM selftests：请附上回归测试，或者说明如何复现问题。"
    ),
    "selftests-missing.title": "新功能和修复要有测试",
    "selftests-missing.explanation": (
        "新功能必须有测试覆盖，包括针对出错路径的负面测试；缺陷修复要有复现方法，最好是回归测试。"
        "KVM selftests 与对应的 KVM 改动放在同一组补丁里投递。尚未测试的工作可以标记 RFC，"
        "先征求意见。"
    ),
    "series-numbering": (
        "'{number}' 与共 {total} 个补丁的序列不符：应编号为 1/{total} 到 {total}/{total}。"
    ),
    "series-numbering.version": (
        "这组补丁混用了不同版本（{versions}）：一次投递中每封邮件的 vN 应当相同。"
    ),
    "series-numbering.duplicate": "补丁编号 {number} 出现了不止一次。",
    "series-numbering.gap": "这组补丁（共 {total} 个）缺少第 {missing} 个。",
    "series-numbering.title": "[PATCH vN m/n] 编号前后一致",
    "series-numbering.explanation": (
        "'git format-patch -v<N>' 会自动编号：每封邮件版本号相同，补丁从 1/n 编到 n/n，"
        "封面邮件是 0/n。出现缺号或版本混杂，通常是输出目录里残留了旧文件。"
    ),
}
