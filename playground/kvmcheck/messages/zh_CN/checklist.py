"""简体中文：测试清单。"""

MESSAGES = {
    "checklist.build": (
        "用 KVM_INTEL=m KVM_AMD=m KVM_WERROR=y 逐个编译这组补丁中的每个补丁"
        "（KVM_SMM、KVM_XEN、PROVE_LOCKING、X86_64 也值得切换试试）。"
    ),
    "checklist.run-tests": (
        "运行 KVM selftests 和 kvm-unit-tests，确认全部通过（如有失败，对比打补丁前后的结果）。"
    ),
    "checklist.tdp-disabled": (
        "改动涉及 MMU 代码：还要在关闭 TDP 的情况下测试（kvm_intel.ept=0、kvm_amd.npt=0）。"
    ),
    "checklist.module-params": "改动的代码与模块参数有关：请在相关参数的各种取值下分别测试。",
    "checklist.htmldocs": "改动了文档 .rst 文件：运行 'make htmldocs'，确认没有新增警告。",
    "checklist.intel-and-amd": "改动同时影响 Intel 和 AMD：条件允许的话，两个平台都要测试。",
    "checklist.negative-tests": "新功能：要附带测试，包括覆盖出错路径的负面测试。",
    "checklist.reproducer": "缺陷修复：提供复现方法（最好是回归测试），并说明如何验证修复。",
}
