"""简体中文：kvmcheck/rules/security.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
    "possible-vulnerability": (
        "'{phrase}' 表明这可能是客户机可以触发的宿主机缺陷：如果属于安全漏洞，"
        "请先按内核安全流程报告（security@kernel.org），再公开讨论。"
    ),
    "possible-vulnerability.title": "可能的安全漏洞",
    "possible-vulnerability.explanation": (
        "客户机能用来攻击宿主机、或 L2 客户机能用来攻击 L1 的缺陷（逃逸、越界访问、释放后使用、"
        "数据泄露）属于安全问题。请先走内核的安全缺陷处理流程，再在公开邮件列表上讨论。"
    ),
}
