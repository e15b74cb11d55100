"""简体中文：kvmcheck/rules/review_checklist.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
    "uapi-undocumented": (
        "新增的用户态 API {name} 必须在同一次投递中写进 Documentation/virt/kvm/api.rst。"
    ),
    "uapi-undocumented.title": "新的用户态 API 要有文档",
    "uapi-undocumented.explanation": (
        "每个新增或修改的用户态 API（KVM_CAP_* 能力、"
        "ioctl）都要写进 Documentation/virt/kvm/api.rst，"
        "并且能通过 KVM_CHECK_EXTENSION 探测到。"
    ),
    "uapi-not-64bit-clean": (
        "这个用户态 API 结构体成员用了 '{type}'，它在 32 位和 64 位用户态下大小或对齐不同："
        "请用 __u64、__u32、__s64 等类型，并显式填充。"
    ),
    "uapi-not-64bit-clean.title": "用户态 API 结构体要做到 64 位兼容",
    "uapi-not-64bit-clean.explanation": (
        "与用户态共享的结构体，在 32 位和 64 位程序里布局必须相同：使用定长的 __u8 ... __u64、"
        "__s8 ... __s64，不用 long、int、bool、size_t 或指针，成员按自然边界对齐并显式填充。"
    ),
    "module-param-default-on": (
        "新增的模块参数 '{name}' 默认开启。如果它开启的是客户机或用户态能观察到的功能，"
        "请默认关闭，由用户态按虚拟机主动开启（KVM_ENABLE_CAP 或客户机的 CPUID）；"
        "启用硬件特性或纯性能优化的开关可以默认开启。"
    ),
    "module-param-default-on.title": "客户机可见的新功能需要用户态主动开启",
    "module-param-default-on.explanation": (
        "客户机或用户态能观察到的新功能，默认保持关闭，直到用户态为某个虚拟机明确提出："
        "用 KVM_ENABLE_CAP 开启某项能力，或在客户机的 CPUID 中置上该特性位；KVM 自己只负责"
        "报告支持哪些功能（KVM_CHECK_EXTENSION、KVM_GET_SUPPORTED_CPUID）。这样宿主机升级内核后，"
        "现有虚拟机的行为不会改变。模块参数是宿主机管理员的开关，并不等于用户态的这种请求，"
        "所以默认开启的新参数值得再看一眼。让 KVM 在 CPU 支持时使用某项硬件特性的开关，"
        "以及纯性能优化，本来就默认开启：enable_apicv、ept、tdp_mmu 和 nested 都默认为开，"
        "而客户机只有在用户态把 VMX 写进它的 CPUID 后才看得到 VMX。如果补丁在 CPU 不支持该特性时"
        "把新参数关掉，kvmcheck 不会报告；其他情况下只给出提示。"
    ),
}
