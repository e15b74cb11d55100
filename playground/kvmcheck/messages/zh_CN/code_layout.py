"""简体中文：kvmcheck/rules/code_layout.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
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
}
