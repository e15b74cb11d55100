"""简体中文：kvmcheck/rules/input.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
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
}
