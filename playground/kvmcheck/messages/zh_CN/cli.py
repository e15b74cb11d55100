"""简体中文：命令行。"""

MESSAGES = {
    "cli.checklist-heading": "测试清单：",
    "cli.summary": "共 {patches} 个补丁：{error} 个错误，{warning} 个警告，{info} 条提示",
    "cli.unreadable": "kvmcheck：无法读取 {path}：{reason}",
    "cli.typos-missing": (
        "kvmcheck：本次安装没有拼写词表（安装 kvmcheck 时由 codespell 生成），'typo' 规则不做检查，"
        "只会提示这一点；请在装有 codespell 的环境里重新安装，或运行 playground/build_typos.py"
    ),
    "cli.unknown-rule": "kvmcheck：--ignore 中的规则 '{rule}' 不存在（可用 --list-rules 查看）",
    "cli.bad-git-dir": "kvmcheck：--git-dir {path} 不是可用的 git 仓库：{reason}",
    "cli.fixable": "[可自动修复：kvmcheck --fix]",
    "cli.fixed": "kvmcheck：{path}：已修复 {count} 处问题",
    "cli.fix-one-file": (
        "kvmcheck：--fix 只输出一个修复后的文件；请只给一个 FILE，或改用 --fix-inplace FILE..."
    ),
    "cli.fix-inplace-files": "kvmcheck：--fix-inplace 需要指定要改写的文件（不能用标准输入）",
    "cli.not-a-patch": "kvmcheck：{path} 不是补丁（空文件、二进制或 HTML），文件保持原样",
    "cli.cannot-write": "kvmcheck：无法改写 {path}：{reason}；文件保持原样",
    "cli.too-large": "kvmcheck：{path}：输入总量超过 {limit} MiB；可用 --max-input-size 调高上限",
    "cli.closed": "该流已关闭",
    "cli.stdin-twice": "kvmcheck：'-'（标准输入）只能指定一次",
    "cli.not-regular": "kvmcheck：{path} 不是普通文件，保持原样",
    "cli.read-only": "kvmcheck：{path} 是只读文件，保持原样",
    "cli.interrupted": "kvmcheck：处理 {path} 时被中断；不会留下写了一半的文件",
    "cli.unwritable": "kvmcheck：无法将结果写到标准输出：{reason}",
    "cli.internal-error": "kvmcheck：内部错误（{kind}：{error}）；请连同输入一起报告此问题",
}
