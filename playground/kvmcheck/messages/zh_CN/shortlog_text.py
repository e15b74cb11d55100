"""简体中文：kvmcheck/rules/shortlog_text.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
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
}
