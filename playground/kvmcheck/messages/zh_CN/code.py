"""简体中文：kvmcheck/rules/code.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
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
}
