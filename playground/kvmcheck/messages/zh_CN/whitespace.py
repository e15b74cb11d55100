"""简体中文：kvmcheck/rules/whitespace.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
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
}
