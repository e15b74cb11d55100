"""简体中文：kvmcheck/rules/code_style.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
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
}
