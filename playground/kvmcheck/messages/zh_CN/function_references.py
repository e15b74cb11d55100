"""简体中文：kvmcheck/rules/function_references.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
    "function-reference-parens": "请写成带括号的 '{name}()'：从 diff 可以看出 {name} 是一个函数。",
    "function-reference-parens.title": "函数名写成 name()",
    "function-reference-parens.explanation": (
        "在标题行、变更日志或注释里提到函数时写成 'name()'，"
        "读者一眼就知道这是函数，而不是变量、结构体成员或类型。"
    ),
}
