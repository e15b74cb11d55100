"""简体中文：kvmcheck/rules/changelog.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
    "imperative-mood": "标题行要用祈使语气：写 '{instead}'，不要写 '{written}'。",
    "imperative-mood.this-patch": (
        "标题行不要以 '{written}' 开头，直接用祈使语气说明改动做了什么（'Fix ...'、'Add ...'）。"
    ),
    "imperative-mood.changelog": (
        "变更日志开头要用祈使语气：写 '{instead} ...'，不要写 '{written} ...'。"
    ),
    "imperative-mood.changelog-this-patch": (
        "变更日志不要以 '{written}' 开头，直接用祈使语气陈述改动（'Add ...'、'Fix ...'）。"
    ),
    "imperative-mood.title": "使用祈使语气",
    "imperative-mood.explanation": (
        "标题行和变更日志都写成对代码库下的指令：'Add ...'、'Fix ...'、'Drop ...'。"
        "'This patch adds'、'Added'、'Fixes' 这类写法描述的是补丁本身而不是改动，"
        "放进提交历史里读起来也别扭。"
    ),
    "changelog-missing": "缺少变更日志：请在标题行下面说明改了什么、为什么要改。",
    "changelog-missing.title": "每个补丁都要有变更日志",
    "changelog-missing.explanation": (
        "哪怕只改一行，也要写几句话：补丁改了什么、为什么改、原来哪里有问题。"
        "审阅者先读说明再看代码，多年后用 'git blame' 追查的人也全靠它。"
    ),
    "changelog-pronoun": (
        "变更日志里不要用人称代词（'{word}'），改为描述代码及其行为"
        "（例如写 'KVM does X'，而不是 'we do X'）。"
    ),
    "changelog-pronoun.title": "变更日志不用人称代词",
    "changelog-pronoun.explanation": (
        "用了 'I'、'we'、'you'，读者就搞不清动作的主体是谁：作者、KVM、客户机，还是用户态程序？"
        "请直接写出主体（'KVM injects #GP'、'the guest writes ...'），改动本身用祈使语气表述。"
    ),
    "changelog-context-first": (
        "变更日志一上来就讲背景；KVM x86 要求先说明改动（即第 {line} 行的内容），再交代背景。"
    ),
    "changelog-context-first.title": "先说改动，再讲背景",
    "changelog-context-first.explanation": (
        "这一点 KVM x86 与 tip 树的习惯相反：开头先用一小段话说明补丁改了什么，"
        "然后再解释问题和背景。"
        "“改了什么”几乎总能一句话说清，翻阅历史的人一眼就能找到。"
    ),
    "changelog-splat-untrimmed": (
        "请精简贴进来的内核日志：去掉时间戳（'[  123.456789]'），只留下能说明问题的行。"
    ),
    "changelog-splat-untrimmed.registers": (
        "请精简贴进来的内核日志：去掉寄存器转储（RAX:、RBX: ……）；读者需要的是 RIP 那一行和调用栈。"
    ),
    "changelog-splat-untrimmed.code": (
        "请精简贴进来的内核日志：去掉 'Code:' 字节；读者需要的是 RIP 那一行和调用栈。"
    ),
    "changelog-splat-untrimmed.title": "贴出的内核日志要精简",
    "changelog-splat-untrimmed.explanation": (
        "变更日志里附上 WARN、BUG 或 KASAN 报告是好事：它说明了出了什么问题，"
        "别人搜索这段报告也能找到这个修复。但贴之前要先精简：时间戳、寄存器转储和 'Code:' "
        "字节与 bug 无关，只会让变更日志难以阅读；保留第一行、RIP 那一行和调用栈即可"
        "（以 '? ' 开头的栈帧也可以去掉）。日志缩进一两个空格，与正文区分开。"
    ),
    "changelog-wrap-too-narrow": (
        "这一段换行比 75 列窄得多（下一个词本可以放在这一行）：请按 75 列左右重新换行。"
    ),
    "changelog-wrap-too-narrow.title": "变更日志的正文用足 75 列的宽度",
    "changelog-wrap-too-narrow.explanation": (
        "变更日志的正文按 75 列左右换行，这是 git 缩进显示之后仍能放下的宽度。"
        "按 50 或 60 列换行的变更日志看起来像被邮件客户端处理过，占用的行数也更多，"
        "审阅者会要求改正。列表、日志、代码和表格保持原样；"
        "把编辑器设为在 72 到 75 列换行，'git commit' 时就会自动做好。"
    ),
    "changelog-line-too-long": "这一行变更日志有 {length} 个字符，正文请在 75 列处换行。",
    "changelog-line-too-long.title": "变更日志在 75 列处换行",
    "changelog-line-too-long.explanation": (
        "git 显示变更日志时会加缩进，正文在 75 列处换行，才能在 80 列的终端里完整显示。"
        "URL、标签和贴进来的日志不受此限。"
    ),
    "version-history-in-changelog": (
        "版本变更记录（'{text}'）应放在 '---' 行下面，'git am' 会自动丢弃那部分内容。"
    ),
    "version-history-in-changelog.title": "版本历史写在 '---' 下面",
    "version-history-in-changelog.explanation": (
        "'v2: renamed foo' 这类说明对审阅者有用，放进 git 历史却毫无意义。"
        "请把它们写在 '---' 行之后（或者写进封面邮件），合入补丁时那里的内容都会被丢掉。"
    ),
}
