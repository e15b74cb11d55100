"""简体中文：kvmcheck/rules/spacing.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
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
}
