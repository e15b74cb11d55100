"""简体中文消息、规则标题与说明。"""

MESSAGES = {
    # --- 标题行（shortlog） ----------------------------------------------
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
        "或 'KVM: x86:'。如果体系结构很重要，写在描述里。"
    ),
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
    "shortlog-capitalization": "前缀后的第一个词要首字母大写：写 '{fixed}'，不要写 '{word}'。",
    "shortlog-capitalization.imperative": (
        "标题行要以首字母大写的祈使动词开头：写 '{fixed}'，不要写 '{word}'。"
    ),
    "shortlog-capitalization.title": "描述以大写字母开头",
    "shortlog-capitalization.explanation": (
        "前缀后面是一个以大写字母开头的短句：'KVM: x86: Fix ...'，而不是 'KVM: x86: fix ...'。"
        "标识符保持原有拼写，所以 'KVM: x86: kvm_set_msr() ...'、'KVM: VMX: x2APIC ...' 都没问题。"
        "小写开头、又不是祈使语气的词（'fixed'、'adds'）算一个错误，只需一处修改："
        "改成首字母大写的祈使动词（'Fix'、'Add'）；和其他不用祈使语气的标题行一样，报为警告。"
    ),
    "shortlog-vague": (
        "'{description}' 没有说明补丁改了什么：请直接写出改动本身，"
        "例如 'Reject unknown indices in kvm_get_foo()'。"
    ),
    "shortlog-vague.bug": (
        "'{description}' 没有说明是哪个 bug：请写出修复做了什么，或者出了什么问题，"
        "例如 'Don't read past the end of foo[] in kvm_get_foo()'。"
    ),
    "shortlog-vague.cve": (
        "标题行里不要写 CVE 编号（'{description}'）：请说明补丁改了什么，编号可以写进变更日志。"
    ),
    "shortlog-vague.name": (
        "'{description}' 只是一个名字：请说明它哪里变了，例如 'Reject unknown indices in "
        "{description}'。"
    ),
    "shortlog-vague.title": "标题行要说出改了什么",
    "shortlog-vague.explanation": (
        "大多数人对一个补丁只看标题行：在 'git log --oneline' 里、在邮件标题里、在发布说明里，"
        "所以它必须说出补丁做了什么。'Fix a bug in X'、'Fix issue with Y'、'Minor fixes'、"
        "光秃秃的函数名或一个 CVE 编号，读者什么也看不出来；审阅者会要求写出改动本身"
        "（'Reject ...'、'Don't ...'、'Flush ... before ...'）。"
    ),
    "shortlog-trailing-punctuation": "去掉标题行末尾的 '{char}'。",
    "shortlog-trailing-punctuation.title": "标题行末尾不加标点",
    "shortlog-trailing-punctuation.explanation": (
        "标题行就像文章的标题，结尾不加句号，也不加其他标点。"
    ),
    "shortlog-too-long": (
        "标题行有 {length} 个字符，'前缀: 描述' 应控制在 {limit} 个字符以内"
        "（75 是常规上限，80 是硬上限）。"
    ),
    "shortlog-too-long.title": "标题行不超过 75 个字符",
    "shortlog-too-long.explanation": (
        "标题行连同前缀最好不超过 75 个字符，"
        "这样在 'git log --oneline' 和邮件标题里都能完整显示。"
        "理由充分时 KVM x86 允许稍微超出几个字符，但 80 个字符是硬上限。"
    ),
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
    # --- 变更日志（changelog） --------------------------------------------
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
    "function-reference-parens": "请写成带括号的 '{name}()'：从 diff 可以看出 {name} 是一个函数。",
    "function-reference-parens.title": "函数名写成 name()",
    "function-reference-parens.explanation": (
        "在标题行、变更日志或注释里提到函数时写成 'name()'，"
        "读者一眼就知道这是函数，而不是变量、结构体成员或类型。"
    ),
    # --- 标签 --------------------------------------------------------------
    "signoff-missing": (
        "缺少 'Signed-off-by:' 标签：请加上 'Signed-off-by: {author}'（可用 git commit -s），"
        "以声明遵守开发者原创证明（DCO）。"
    ),
    "signoff-missing.title": "补丁要有签署",
    "signoff-missing.explanation": (
        "'Signed-off-by:' 表示你有权按内核的许可证提交这段代码（即开发者原创证明，DCO）。"
        "没有作者签署的补丁不能合入。'git commit -s' 会自动加上带有你姓名和邮箱的标签。"
    ),
    "signoff-author-mismatch": (
        "作者 {author} 没有对应的 'Signed-off-by:'，请用作者本人的邮箱地址签署。"
    ),
    "signoff-author-mismatch.title": "作者本人要签署",
    "signoff-author-mismatch.explanation": (
        "From:（作者）中的邮箱地址也必须出现在某个 'Signed-off-by:' 标签里。"
        "对不上通常是因为提交时用了一个地址、签署时用了另一个；请设置好 user.email 后修改提交。"
    ),
    "trailer-malformed": "标签应写作 '{right}:'，而不是 '{written}:'（工具按原样匹配标签）。",
    "trailer-malformed.spacing": (
        "标签 '{text}' 格式不对：应写成 '{right}: ...'，冒号后面恰好一个空格。"
    ),
    "trailer-malformed.no-email": (
        "'{tag}:' 只写了人名，没有邮箱地址：应写成 '{tag}: 全名 <邮箱>'。"
    ),
    "trailer-malformed.co-developed": (
        "'Co-developed-by: {person}' 后面必须紧跟同一个人的 'Signed-off-by:'。"
    ),
    "trailer-malformed.title": "标签格式正确",
    "trailer-malformed.explanation": (
        "变更日志末尾的标签要由脚本解析，所以写法是固定的：'Signed-off-by:'、'Reviewed-by:'、"
        "'Co-developed-by:' 等，冒号后一个空格，涉及人员的标签写 '全名 <邮箱>'。"
        "每个 'Co-developed-by:' 后面都紧跟同一个人的 'Signed-off-by:'。"
    ),
    "fixes-tag-format": (
        "'Fixes:' 标签 '{written}' 格式不对：应写成 'Fixes: {right}'"
        '（至少 12 位十六进制，标题放在 ("...") 里，写在同一行）。'
    ),
    "fixes-tag-format.unknown-commit": "'Fixes:' 引用的 {sha} 在 --git-dir 指定的仓库里找不到。",
    "fixes-tag-format.title-mismatch": (
        "'Fixes:' 中的标题与提交 {sha} 不一致：应写成 'Fixes: {right}'。"
    ),
    "fixes-tag-format.title": 'Fixes: <12 位以上十六进制> ("<标题>")',
    "fixes-tag-format.explanation": (
        "'Fixes:' 指明引入该问题的提交，"
        "格式为 'Fixes: <sha 的前 12 位或更多> (\"<该提交的标题行>\")'，"
        "无论多长都写在一行内。KVM x86 要求每个修复都带上这个标签，即使不需要向后移植到稳定版。"
        '可以用 \'git log -1 --abbrev=12 --format="Fixes: %h (\\"%s\\")" <sha>\' 直接生成。'
    ),
    "commit-reference-format": (
        "引用提交 {sha} 时应写成 'commit {sha} (\"<标题>\")'，请补上该提交的标题。"
    ),
    "commit-reference-format.short": (
        "'{sha}' 太短，不足以唯一标识一个提交：应写成 'commit <至少 12 位十六进制> (\"<标题>\")'。"
    ),
    "commit-reference-format.unknown-commit": (
        "变更日志引用的 {sha} 在 --git-dir 指定的仓库里找不到。"
    ),
    "commit-reference-format.title-mismatch": (
        "为提交 {sha} 给出的标题不一致：应写成 'commit {right}'。"
    ),
    "commit-reference-format.title": "引用提交时带上标题",
    "commit-reference-format.explanation": (
        "在变更日志里引用提交，要写成 'commit <至少 12 位十六进制> (\"<标题>\")'。"
        "随着仓库增长，短 sha 可能出现歧义；带上标题，读者不用去查就知道是哪个提交。"
    ),
    "fixes-tag-suggested": (
        "变更日志描述的是一个缺陷修复（'{word}'），却没有 'Fixes:' 标签；"
        "请加上 'Fixes: <12 位以上十六进制> (\"<标题>\")'，指明引入该问题的提交。"
    ),
    "fixes-tag-suggested.stable": (
        "本补丁要求向后移植（'Cc: stable'），也说明了缺陷有来由（'{word}'），却没有 'Fixes:' 标签；"
        "请加上 'Fixes: <12 位以上十六进制> (\"<标题>\")'，指明引入该问题的提交，"
        "稳定版维护者才知道哪些内核需要这个修复。"
    ),
    "fixes-tag-suggested.title": "缺陷修复要带 Fixes: 标签",
    "fixes-tag-suggested.explanation": (
        "KVM x86 要求每个缺陷修复都带 'Fixes:' 标签，哪怕问题由来已久、"
        "哪怕修复并不打算向后移植到稳定版："
        "审阅者和发行版借此知道问题从何而来。需要向后移植时另外用 'Cc: stable' 标明；"
        "如果补丁要求向后移植，变更日志又说缺陷是由之前某个改动引入的（'exists since'、"
        "'introduced by'），却没有 'Fixes:'，就会被退回：稳定版维护者要靠这个标签"
        "判断哪些内核需要这个修复。"
    ),
    "fixes-tag-position": (
        "把这个 'Fixes:' 标签移到变更日志末尾的标签块里，和 'Signed-off-by:' 等标签放在一起"
        "（中间不留空行）。"
    ),
    "fixes-tag-position.notes": (
        "这个 'Fixes:' 标签在 '---' 分隔线下面，'git am' 会把它丢掉："
        "请把它移到变更日志末尾的标签块里。"
    ),
    "fixes-tag-position.title": "Fixes: 放在标签块里",
    "fixes-tag-position.explanation": (
        "脚本只在变更日志的最后一段，也就是标签块里读取标签：每行一个，中间没有空行。"
        "写在变更日志中间或 '---' 下面的 'Fixes:' 行，稳定版工具、'git interpret-trailers' "
        "和维护者的脚本都看不到；请把它和其他标签放在一起，放在 'Signed-off-by:' 前面。"
    ),
    "stable-cc-format": (
        "稳定版标签 '{written}' 格式不对：应写成 'Cc: stable@vger.kernel.org'"
        "（后面可以跟 '# <版本>'）。"
    ),
    "stable-cc-format.private": (
        "稳定版标签 '{written}' 格式不对：应写成 'Cc: stable@kernel.org'"
        "（这是修复尚未公开的漏洞时用的地址，后面可以跟 '# <版本>'）。"
    ),
    "stable-cc-format.title": "Cc: stable@vger.kernel.org",
    "stable-cc-format.explanation": (
        "KVM x86 不会仅凭 'Fixes:' 就向后移植补丁；需要进入稳定版的修复要明确写上 "
        "'Cc: stable@vger.kernel.org'，后面可以加 '# <版本>'"
        "（已合入的补丁里也见得到的 'Cc: stable <stable@vger.kernel.org>' 同样可以）。"
        "修复尚未公开的漏洞时改用 'Cc: stable@kernel.org'：发往这个地址的邮件不会投递到任何地方，"
        "发送修复时不会泄露出去，稳定版的工具照样能识别这个标签。"
        "其他地址或写法不会被稳定版的工具识别。"
    ),
    "link-not-lore": (
        "请链接到 lore.kernel.org，而不是 '{url}'（https://lore.kernel.org/all/<message-id>）。"
    ),
    "link-not-lore.title": "链接指向 lore.kernel.org",
    "link-not-lore.explanation": (
        "lore.kernel.org 归档了所有内核邮件列表，凭 Message-ID 就能找到对应邮件。"
        "其他归档站点（lkml.org、marc.info、spinics、patchwork 等）时有时无，"
        "'Link:' 和 'Closes:' 标签请一律使用 lore。"
    ),
    "in-reply-to-root": (
        "一次投递的第一封邮件不应带 '{header}:'：请另起新线程，用 lore 链接指向之前的邮件。"
    ),
    "in-reply-to-root.title": "每次投递另起一个线程",
    "in-reply-to-root.explanation": (
        "不要把新版本或修复作为旧邮件的回复发出（In-Reply-To:/References:）：线程越拉越长，"
        "没被抄送的人也看不到上下文。请在封面邮件或 '---' 下面用 lore 链接指向缺陷报告或上一版。"
    ),
    # --- 投递 --------------------------------------------------------------
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
    # --- 代码 --------------------------------------------------------------
    "kernel-doc-comment": "KVM 代码里不要用 kernel-doc（'/**'）注释，改用普通的 '/*' 注释。",
    "kernel-doc-comment.indented": (
        "函数或类型内部的 '/**' 也不构成 kernel-doc：改用普通的 '/*' 注释。"
    ),
    "kernel-doc-comment.title": "不用 kernel-doc 注释",
    "kernel-doc-comment.explanation": (
        "KVM 的函数即便被导出，也只供 KVM 内部使用，"
        "所以 KVM x86 不用 kernel-doc（'/**'）为它们写文档。"
        "欢迎用普通注释解释代码为什么这样做。"
    ),
    "comment-sdm-apm-number": (
        "不要按编号引用 SDM/APM（'{reference}'）：编号随版本变化，请改为引用章节或表格的名称。"
    ),
    "comment-sdm-apm-number.title": "按名称而非编号引用 SDM 和 APM",
    "comment-sdm-apm-number.explanation": (
        "Intel 和 AMD 的手册每出一版，章节、表格、插图都可能重新编号，"
        "注释里写 'SDM 25.3.1' 或 'Table 24-11'，过不了多久就指错了地方。"
        "确有必要时请写章节名称，或直接摘录相关原文。不带编号地提到 SDM 或 APM 没有问题，"
        "变更日志里也可以自由引用。"
    ),
    "comment-pronoun": "注释里不要用人称代词（'{word}'）：用祈使语气，或者写明动作的主体。",
    "comment-pronoun.title": "注释不用人称代词",
    "comment-pronoun.explanation": (
        "注释与变更日志的要求相同：用祈使语气，不写 'I'、'we'、'you'。"
        "注释应解释代码为什么这样做，而不是复述代码做了什么。"
    ),
    "indent-spaces": "请用制表符缩进，不要用空格。",
    "indent-spaces.title": "用制表符缩进",
    "indent-spaces.explanation": (
        "内核 C 代码用制表符缩进，宽度为 8 列。空格只能出现在制表符之后，用来对齐续行。"
    ),
    "reverse-fir-tree": "请把这些局部变量声明按行长从长到短排列（倒置圣诞树）。",
    "reverse-fir-tree.title": "局部变量按倒置圣诞树排列",
    "reverse-fir-tree.explanation": (
        "KVM x86 倾向于让局部变量声明从最长的一行排到最短的一行（“倒置圣诞树”）。"
        "这是偏好而非硬性要求：初始化之间有依赖时，被依赖的放在前面。"
    ),
    # --- 代码风格（checkpatch.pl 的检查）-------------------------------------
    "trailing-whitespace": "行尾有多余的空白：请删掉这一行末尾的空格或制表符。",
    "trailing-whitespace.title": "行尾不留空白",
    "trailing-whitespace.explanation": (
        "行尾的空格和制表符在编辑器里看不见，却会出现在每一份 diff 里，应用补丁时 git "
        "也会为此报警告。checkpatch.pl 把它算作错误。kvmcheck --fix 会自动删掉。"
    ),
    "space-before-tab": "制表符前面有空格：缩进和对齐请用制表符，空格只能跟在最后一个制表符之后。",
    "space-before-tab.title": "制表符前不加空格",
    "space-before-tab.explanation": (
        "紧挨在制表符前的空格通常会被制表符“吞掉”，谁也看不出来，但它照样让这一行出现在 "
        "diff 里，还可能打乱对齐。kvmcheck --fix 会替换这些空格，"
        "但不会改动字符串字面量或注释里的内容。"
    ),
    "line-too-long": "这一行宽 {width} 列；内核代码每行不超过 100 列（最好在 80 列以内）。",
    "line-too-long.title": "每行不超过 100 列",
    "line-too-long.explanation": (
        "内核的行宽上限是 80 列；如果断行反而让代码更难读，可以放宽到 100 列，超过 100 列 "
        "checkpatch.pl 就会警告。打印的消息字符串不要为凑行宽而拆开（大家要靠 grep 找到它），"
        "URL 也可以超长。"
    ),
    "space-after-keyword": "'{keyword}' 和 '(' 之间要有空格：写成 '{keyword} ('。",
    "space-after-keyword.title": "if、for、while、switch 后加空格",
    "space-after-keyword.explanation": (
        "后面跟括号表达式的关键字（if、for、while、switch）要空一格，好和函数调用区分开："
        "写 'if (x)'，不写 'if(x)'。sizeof、typeof 这类则按函数的写法，不加空格。"
    ),
    "space-before-paren": "'{name}' 和它的 '(' 之间不要有空格：写成 '{name}(...)'。",
    "space-before-paren.title": "函数调用的括号前不加空格",
    "space-before-paren.explanation": (
        "函数调用、函数声明和带参数的宏，左括号都紧跟在名字后面：'kvm_vcpu_kick(vcpu)'。"
        "只有 if、for、while、switch、return 这类关键字后面才加空格。"
    ),
    "operator-spacing": (
        "'{operator}' 两侧的空格不对：赋值、比较和逻辑运算符两边各空一格，"
        "其他二元运算符两边要么都空、要么都不空。"
    ),
    "operator-spacing.title": "运算符两侧的空格",
    "operator-spacing.explanation": (
        "赋值（=、+=、|= 等）、比较（==、!=、<=、>=）和逻辑运算符（&&、||）两边各空一格。"
        "其他二元运算符（+、-、<<、| 等）在紧凑的表达式里可以不加空格，但不能只有一边有空格，"
        "那样读起来像一元运算符。一元运算符、++、--、. 和 -> 都不加空格。"
    ),
    "comma-spacing": "每个逗号后面都要空一格。",
    "comma-spacing.title": "逗号后加空格",
    "comma-spacing.explanation": (
        "实参、形参、初始化列表和声明列表里，各项之间用逗号加一个空格分隔：写 'foo(a, b)'，"
        "不写 'foo(a,b)'。"
    ),
    "pointer-placement": (
        "'{written}'：指针的 '*' 要靠着名字写，例如 'int *p' 或 '(struct foo *)'。"
    ),
    "pointer-placement.title": "'*' 紧贴变量名",
    "pointer-placement.explanation": (
        "声明里的 '*' 属于变量而不是类型：'int *a, b;' 声明的是一个指针和一个 int。"
        "内核风格写作 'struct kvm *kvm'、'char *buf'，强制转换写作 '(u64 *)'，"
        "从不写 'int* p' 或 'int * p'。"
    ),
    "brace-placement": "左花括号放到上一行末尾，紧跟在条件或结构体名之后。",
    "brace-placement.else": "'else' 要和右花括号写在同一行：'}} else {{'。",
    "brace-placement.space": "')' 或 'else' 与 '{{' 之间、'}}' 与 'else'/'while' 之间都要空一格。",
    "brace-placement.title": "花括号和 else 按内核风格放置",
    "brace-placement.explanation": (
        "if、for、while、switch、do、struct、union、enum 的左花括号放在开启代码块那一行的末尾，"
        "前面空一格；只有函数体的左花括号单独占一行。'else' 紧跟在右花括号后面，写在同一行，"
        "不另起一行。"
    ),
    "assign-in-if": "不要在 'if' 条件里赋值：先赋值，再检查结果。",
    "assign-in-if.title": "if 条件里不赋值",
    "assign-in-if.explanation": (
        "'if ((r = foo()))' 把副作用藏进了判断里，看上去也像把 '==' 错写成了 '='。"
        "内核风格是把赋值单独写一行，下一行再判断变量；checkpatch.pl 把它算作错误。"
    ),
    "printk-level": (
        "printk() 没有指定日志级别：请改用 pr_err()、pr_warn()、pr_info() 等"
        "（或它们的 _once、_ratelimited 版本）。"
    ),
    "printk-level.with-level": "请用 pr_{level}() 代替 printk({kern} ...)。",
    "printk-level.title": "用 pr_<level>() 而不是 printk()",
    "printk-level.explanation": (
        "不带 KERN_<LEVEL> 前缀的 printk() 会按默认级别输出，这往往不是作者的本意。"
        "pr_<level>() 系列总带着级别，也会加上 KVM 的 pr_fmt 前缀。KVM 的消息可能由客户机"
        "触发，凡是客户机能引发的，优先用 pr_*_once() 或 pr_*_ratelimited()。"
    ),
    "bug-on": (
        "新增了 {call}()：KVM 不会因为 KVM 自身的 bug 让宿主机崩溃。请改用 KVM_BUG_ON()"
        "（让该虚拟机停止运行），或者用 WARN_ON_ONCE() 并做好恢复。"
    ),
    "bug-on.title": "不新增 BUG() 或 BUG_ON()",
    "bug-on.explanation": (
        "BUG() 会让整台宿主机连同上面所有虚拟机一起宕掉，而问题通常只影响一个虚拟机。"
        "KVM 代码用 KVM_BUG_ON(cond, kvm)：它把该虚拟机标记为已失效，并让它的所有 vCPU 退出；"
        "或者用 WARN_ON_ONCE() 加上恢复代码。checkpatch.pl 对每个新增的 BUG() 和 BUG_ON() "
        "都会警告。"
    ),
    "bare-unsigned": "请写 'unsigned int'，不要单写 'unsigned'。",
    "bare-unsigned.title": "写 'unsigned int'，不写 'unsigned'",
    "bare-unsigned.explanation": (
        "单写 'unsigned' 就是 'unsigned int'，但把类型写全，和 'unsigned long'、u32/u64 "
        "放在一起时更好读。现有代码里还有一些单写的，新代码请写全。"
    ),
    "static-init-zero": "不要把静态变量或全局变量初始化为 0、false 或 NULL：它们本来就是零。",
    "static-init-zero.title": "静态变量不显式初始化为零",
    "static-init-zero.explanation": (
        "静态变量和全局变量放在 .bss 段，在任何代码运行之前就已清零，所以 '= 0'、'= false'、"
        "'= NULL' 毫无作用。checkpatch.pl 把它们算作错误。"
    ),
    "blank-after-declarations": "在变量声明和第一条语句之间空一行。",
    "blank-after-declarations.title": "声明之后空一行",
    "blank-after-declarations.explanation": (
        "代码块开头的局部变量声明和后面的代码之间空一行，两部分一眼就能分清。"
    ),
    "extern-in-c": ".c 文件里出现了 'extern' 声明：请把它声明在两边都包含的头文件里。",
    "extern-in-c.title": ".c 文件里不写 extern 声明",
    "extern-in-c.explanation": (
        "从别的文件抄到 .c 文件里的声明，在定义改动后会悄无声息地对不上。把它在头文件里声明一次，"
        "定义它的文件和使用它的文件都包含这个头文件，编译器就能替你检查两边是否一致。"
    ),
    "code-inline-in-c": "去掉 .c 文件中这个函数的 'inline'：内联与否由编译器决定。",
    "code-inline-in-c.extern": (
        ".c 文件中的这个函数是 inline 却不是 static：改成 'static' 并去掉 'inline'，"
        "或者把它作为 'static inline' 移到头文件里。"
    ),
    "code-inline-in-c.title": ".c 文件中的函数不加 inline",
    "code-inline-in-c.explanation": (
        "在 .c 文件里，编译器能看到 static 函数的所有调用者，值得内联时自会内联；"
        "写上 'inline' 只会让这个函数躲过“未使用函数”的警告，还让审阅者追问是否真有必要"
        "（真有必要就用 '__always_inline'）。.c 文件中不是 static 的 inline 函数则是个错误："
        "其他文件无法内联它。已合入的补丁（包括维护者自己的）仍偶尔在 .c 文件里加 "
        "'static inline'，所以这种情况只作提示；不是 static 的情况报警告。"
    ),
    "code-non-static-inline-header": (
        "把头文件里的这个 inline 函数改成 'static inline'：只写 'inline' 的函数会让包含它的文件"
        "编译或链接失败。"
    ),
    "code-non-static-inline-header.title": "头文件中的 inline 函数写成 static inline",
    "code-non-static-inline-header.explanation": (
        "头文件里定义的函数会被编译进每一个包含它的文件。声明为 'static inline' 时，"
        "它对每个文件都是私有的，没用到的副本可以被编译器丢掉；只写 'inline' 或 "
        "'extern inline' 时，适用的是 C 语言的 inline 规则，各编译器的行为不同，"
        "最后会出现符号缺失或重复定义。"
    ),
    "code-return-type-own-line": "把返回类型和函数名写在同一行：'{joined}'。",
    "code-return-type-own-line.title": "返回类型与函数名在同一行",
    "code-return-type-own-line.explanation": (
        "内核代码把函数的返回类型、函数名和参数写在同一行（'static int kvm_foo(struct kvm *kvm,'，"
        "参数太长时在后面换行），这样 'git grep \"int kvm_foo(\"' 和以后补丁的 hunk 头"
        "都能把类型和函数名一起显示出来。把类型单独放在上一行是别的项目的风格。"
    ),
    "code-braces-one-arm": (
        "这个 if/else 一个分支有花括号、另一个没有：只要有一个分支需要花括号，所有分支都要加。"
    ),
    "code-braces-one-arm.title": "所有分支都加花括号，或者都不加",
    "code-braces-one-arm.explanation": (
        "只有一条语句时不需要花括号；但只要 if/else 的某个分支有多条语句，所有分支都要加花括号"
        "（这是内核的编码风格，checkpatch.pl 会提示 'braces {} should be used on all arms of "
        "this statement'），这样各分支读起来一致，以后加进来的语句也不会跑到分支外面。"
    ),
    "code-continuation-alignment": (
        "让这一续行与上一行的左括号对齐（第 {column} 列，先用制表符再用空格）。"
    ),
    "code-continuation-alignment.title": "续行与左括号对齐",
    "code-continuation-alignment.explanation": (
        "函数调用的参数、函数的形参或条件表达式跨多行时，后续各行从左括号后第一个字符的正下方开始"
        "（先用制表符，再用空格补齐），这也是 checkpatch.pl --strict 的要求。"
        "以左括号本身结尾的行，下一行改用制表符缩进；与外层括号对齐也可以。"
    ),
    "code-multiple-blank-lines": "删掉多余的空行：代码的两部分之间空一行就够了。",
    "code-multiple-blank-lines.title": "不要连续空行",
    "code-multiple-blank-lines.explanation": (
        "函数中的几部分之间、两个定义之间空一行即可；再多空一行，除了多翻一行什么也没有带来"
        "（checkpatch.pl：'Please don't use multiple blank lines'）。"
    ),
    "code-return-parens": "去掉返回值外面的括号：'return {value};'。",
    "code-return-parens.title": "return 不是函数",
    "code-return-parens.explanation": (
        "'return' 是语句，不是函数：写 'return x;'，不写 'return (x);'"
        "（checkpatch.pl 的 RETURN_PARENTHESES）。只括住返回值一部分的括号，"
        "例如 'return (a & b) != 0;'，要保留。"
    ),
    # --- 拼写 ----------------------------------------------------------------
    "typo": "变更日志里的 '{word}' 可能拼错了：是不是 '{fix}'？",
    "typo.comment": "这条注释里的 '{word}' 可能拼错了：是不是 '{fix}'？",
    "typo.unavailable": (
        "没有检查拼写：这个 kvmcheck 构建时没有带上拼写词表（codespell 的词典）；"
        "请在装有 codespell 的环境里重新安装。"
    ),
    "typo.title": "变更日志和注释里没有拼写错误",
    "typo.explanation": (
        "变更日志或注释里的拼写错误会一直留在内核历史里，也让文字更难搜索。kvmcheck 用 "
        "codespell 的常见拼写错误词典查词，这份词典在安装 kvmcheck 时打包进去；"
        "标识符和全大写的名字不查。"
    ),
    "repeated-word": "'{word} {word}'：变更日志里有个词重复了。",
    "repeated-word.comment": "'{word} {word}'：这条注释里有个词重复了。",
    "repeated-word.title": "没有重复的词",
    "repeated-word.explanation": (
        "同一个词连写两遍（'the the'、'to to'），而且常常隔着换行，是改写句子后变更日志和"
        "注释里最常见的笔误。"
    ),
    # --- 审阅清单 ----------------------------------------------------------
    "uapi-undocumented": (
        "新增的用户态 API {name} 必须在同一次投递中写进 Documentation/virt/kvm/api.rst。"
    ),
    "uapi-undocumented.title": "新的用户态 API 要有文档",
    "uapi-undocumented.explanation": (
        "每个新增或修改的用户态 API（KVM_CAP_* 能力、"
        "ioctl）都要写进 Documentation/virt/kvm/api.rst，"
        "并且能通过 KVM_CHECK_EXTENSION 探测到。"
    ),
    "uapi-not-64bit-clean": (
        "这个用户态 API 结构体成员用了 '{type}'，它在 32 位和 64 位用户态下大小或对齐不同："
        "请用 __u64、__u32、__s64 等类型，并显式填充。"
    ),
    "uapi-not-64bit-clean.title": "用户态 API 结构体要做到 64 位兼容",
    "uapi-not-64bit-clean.explanation": (
        "与用户态共享的结构体，在 32 位和 64 位程序里布局必须相同：使用定长的 __u8 ... __u64、"
        "__s8 ... __s64，不用 long、int、bool、size_t 或指针，成员按自然边界对齐并显式填充。"
    ),
    "module-param-default-on": (
        "新增的模块参数 '{name}' 默认开启。如果它开启的是客户机或用户态能观察到的功能，"
        "请默认关闭，由用户态按虚拟机主动开启（KVM_ENABLE_CAP 或客户机的 CPUID）；"
        "启用硬件特性或纯性能优化的开关可以默认开启。"
    ),
    "module-param-default-on.title": "客户机可见的新功能需要用户态主动开启",
    "module-param-default-on.explanation": (
        "客户机或用户态能观察到的新功能，默认保持关闭，直到用户态为某个虚拟机明确提出："
        "用 KVM_ENABLE_CAP 开启某项能力，或在客户机的 CPUID 中置上该特性位；KVM 自己只负责"
        "报告支持哪些功能（KVM_CHECK_EXTENSION、KVM_GET_SUPPORTED_CPUID）。这样宿主机升级内核后，"
        "现有虚拟机的行为不会改变。模块参数是宿主机管理员的开关，并不等于用户态的这种请求，"
        "所以默认开启的新参数值得再看一眼。让 KVM 在 CPU 支持时使用某项硬件特性的开关，"
        "以及纯性能优化，本来就默认开启：enable_apicv、ept、tdp_mmu 和 nested 都默认为开，"
        "而客户机只有在用户态把 VMX 写进它的 CPUID 后才看得到 VMX。如果补丁在 CPU 不支持该特性时"
        "把新参数关掉，kvmcheck 不会报告；其他情况下只给出提示。"
    ),
    # --- 安全 --------------------------------------------------------------
    "possible-vulnerability": (
        "'{phrase}' 表明这可能是客户机可以触发的宿主机缺陷：如果属于安全漏洞，"
        "请先按内核安全流程报告（security@kernel.org），再公开讨论。"
    ),
    "possible-vulnerability.title": "可能的安全漏洞",
    "possible-vulnerability.explanation": (
        "客户机能用来攻击宿主机、或 L2 客户机能用来攻击 L1 的缺陷（逃逸、越界访问、释放后使用、"
        "数据泄露）属于安全问题。请先走内核的安全缺陷处理流程，再在公开邮件列表上讨论。"
    ),
    # --- 输入 --------------------------------------------------------------
    "input-not-a-patch": (
        "这段文本既没有邮件头和标题前缀，也没有标签（如 'Signed-off-by:'）和 diff，看起来不是补丁，"
        "因此按单独的变更日志做了检查。要检查补丁，请粘贴 git format-patch 的输出。"
    ),
    "input-not-a-patch.title": "输入看起来是补丁",
    "input-not-a-patch.explanation": (
        "没有任何补丁特征（带 'KVM: x86:' 之类前缀的标题行、'Signed-off-by:' 之类的标签、diff）"
        "的文本，会像 commit-msg 钩子收到的变更日志那样来读；如果本想检查补丁，说明粘贴进来的是"
        "别的内容。"
    ),
    "input-unrecognized": (
        "输入为空：需要的是补丁（git format-patch 的输出）、邮件、'git show' 或 'git log -p' "
        "的输出、变更日志或 diff。"
    ),
    "input-unrecognized.binary": (
        "输入看起来是二进制数据：需要的是补丁（git format-patch 的输出）、邮件、'git show' 或 "
        "'git log -p' 的输出、变更日志或 diff。"
    ),
    "input-unrecognized.html": (
        "输入是一个网页：请保存原始邮件（在 lore.kernel.org 上点邮件的 'raw' 链接，"
        "或下载整个线程的 'mbox.gz'），也可以用 'b4 am' 获取。"
    ),
    "input-unrecognized.title": "输入必须是补丁",
    "input-unrecognized.explanation": (
        "kvmcheck 能读取 git format-patch 生成的文件、保存下来的邮件和 mbox 文件、'git show' 或 "
        "'git log -p' 的输出、单独的变更日志以及单独的 diff。其他内容（空文件、图片、压缩包、"
        "从邮件归档网站另存的网页等）无法检查。"
    ),
    # --- 测试清单 ----------------------------------------------------------
    "checklist.build": (
        "用 KVM_INTEL=m KVM_AMD=m KVM_WERROR=y 逐个编译这组补丁中的每个补丁"
        "（KVM_SMM、KVM_XEN、PROVE_LOCKING、X86_64 也值得切换试试）。"
    ),
    "checklist.run-tests": (
        "运行 KVM selftests 和 kvm-unit-tests，确认全部通过（如有失败，对比打补丁前后的结果）。"
    ),
    "checklist.tdp-disabled": (
        "改动涉及 MMU 代码：还要在关闭 TDP 的情况下测试（kvm_intel.ept=0、kvm_amd.npt=0）。"
    ),
    "checklist.module-params": "改动的代码与模块参数有关：请在相关参数的各种取值下分别测试。",
    "checklist.htmldocs": "改动了文档 .rst 文件：运行 'make htmldocs'，确认没有新增警告。",
    "checklist.intel-and-amd": "改动同时影响 Intel 和 AMD：条件允许的话，两个平台都要测试。",
    "checklist.negative-tests": "新功能：要附带测试，包括覆盖出错路径的负面测试。",
    "checklist.reproducer": "缺陷修复：提供复现方法（最好是回归测试），并说明如何验证修复。",
    # --- 命令行 ------------------------------------------------------------
    "cli.checklist-heading": "测试清单：",
    "cli.summary": "共 {patches} 个补丁：{error} 个错误，{warning} 个警告，{info} 条提示",
    "cli.unreadable": "kvmcheck：无法读取 {path}：{reason}",
    "cli.typos-missing": (
        "kvmcheck：本次安装没有拼写词表（安装 kvmcheck 时由 codespell 生成），'typo' 规则不做检查，"
        "只会提示这一点；请在装有 codespell 的环境里重新安装，或运行 playground/build_typos.py"
    ),
    "cli.unknown-rule": "kvmcheck：--ignore 中的规则 '{rule}' 不存在（可用 --list-rules 查看）",
    "cli.bad-git-dir": "kvmcheck：--git-dir {path} 不是可用的 git 仓库：{reason}",
    "cli.fixable": "[可自动修复：kvmcheck --fix]",
    "cli.fixed": "kvmcheck：{path}：已修复 {count} 处问题",
    "cli.fix-one-file": (
        "kvmcheck：--fix 只输出一个修复后的文件；请只给一个 FILE，或改用 --fix-inplace FILE..."
    ),
    "cli.fix-inplace-files": "kvmcheck：--fix-inplace 需要指定要改写的文件（不能用标准输入）",
    "cli.not-a-patch": "kvmcheck：{path} 不是补丁（空文件、二进制或 HTML），文件保持原样",
    "cli.cannot-write": "kvmcheck：无法改写 {path}：{reason}；文件保持原样",
    "cli.too-large": "kvmcheck：{path}：输入总量超过 {limit} MiB；可用 --max-input-size 调高上限",
    "cli.closed": "该流已关闭",
    "cli.stdin-twice": "kvmcheck：'-'（标准输入）只能指定一次",
    "cli.not-regular": "kvmcheck：{path} 不是普通文件，保持原样",
    "cli.read-only": "kvmcheck：{path} 是只读文件，保持原样",
    "cli.interrupted": "kvmcheck：处理 {path} 时被中断；不会留下写了一半的文件",
    "cli.unwritable": "kvmcheck：无法将结果写到标准输出：{reason}",
}
