"""简体中文：kvmcheck/rules/tags.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
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
}
