"""简体中文：kvmcheck/rules/fixes.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
    "fixes-tag-format": (
        "'Fixes:' 标签 '{written}' 格式不对：应写成 'Fixes: {right}'"
        '（至少 12 位十六进制，标题放在 ("...") 里，写在同一行）。'
    ),
    "fixes-tag-format.unknown-commit": "'Fixes:' 引用的 {sha} 在 --git-dir 指定的仓库里找不到。",
    "fixes-tag-format.title-mismatch": (
        "'Fixes:' 中的标题与提交 {sha} 不一致：应写成 'Fixes: {right}'。"
    ),
    "fixes-tag-format.title": 'Fixes: <12 位以上十六进制> ("<标题>")',
    "fixes-tag-format.explanation": (
        "'Fixes:' 指明引入该问题的提交，"
        "格式为 'Fixes: <sha 的前 12 位或更多> (\"<该提交的标题行>\")'，"
        "无论多长都写在一行内。KVM x86 要求每个修复都带上这个标签，即使不需要向后移植到稳定版。"
        '可以用 \'git log -1 --abbrev=12 --format="Fixes: %h (\\"%s\\")" <sha>\' 直接生成。'
    ),
    "commit-reference-format": (
        "引用提交 {sha} 时应写成 'commit {sha} (\"<标题>\")'，请补上该提交的标题。"
    ),
    "commit-reference-format.short": (
        "'{sha}' 太短，不足以唯一标识一个提交：应写成 'commit <至少 12 位十六进制> (\"<标题>\")'。"
    ),
    "commit-reference-format.unknown-commit": (
        "变更日志引用的 {sha} 在 --git-dir 指定的仓库里找不到。"
    ),
    "commit-reference-format.title-mismatch": (
        "为提交 {sha} 给出的标题不一致：应写成 'commit {right}'。"
    ),
    "commit-reference-format.title": "引用提交时带上标题",
    "commit-reference-format.explanation": (
        "在变更日志里引用提交，要写成 'commit <至少 12 位十六进制> (\"<标题>\")'。"
        "随着仓库增长，短 sha 可能出现歧义；带上标题，读者不用去查就知道是哪个提交。"
    ),
    "fixes-tag-suggested": (
        "变更日志描述的是一个缺陷修复（'{word}'），却没有 'Fixes:' 标签；"
        "请加上 'Fixes: <12 位以上十六进制> (\"<标题>\")'，指明引入该问题的提交。"
    ),
    "fixes-tag-suggested.stable": (
        "本补丁要求向后移植（'Cc: stable'），也说明了缺陷有来由（'{word}'），却没有 'Fixes:' 标签；"
        "请加上 'Fixes: <12 位以上十六进制> (\"<标题>\")'，指明引入该问题的提交，"
        "稳定版维护者才知道哪些内核需要这个修复。"
    ),
    "fixes-tag-suggested.title": "缺陷修复要带 Fixes: 标签",
    "fixes-tag-suggested.explanation": (
        "KVM x86 要求每个缺陷修复都带 'Fixes:' 标签，哪怕问题由来已久、"
        "哪怕修复并不打算向后移植到稳定版："
        "审阅者和发行版借此知道问题从何而来。需要向后移植时另外用 'Cc: stable' 标明；"
        "如果补丁要求向后移植，变更日志又说缺陷是由之前某个改动引入的（'exists since'、"
        "'introduced by'），却没有 'Fixes:'，就会被退回：稳定版维护者要靠这个标签"
        "判断哪些内核需要这个修复。"
    ),
    "fixes-tag-position": (
        "把这个 'Fixes:' 标签移到变更日志末尾的标签块里，和 'Signed-off-by:' 等标签放在一起"
        "（中间不留空行）。"
    ),
    "fixes-tag-position.notes": (
        "这个 'Fixes:' 标签在 '---' 分隔线下面，'git am' 会把它丢掉："
        "请把它移到变更日志末尾的标签块里。"
    ),
    "fixes-tag-position.title": "Fixes: 放在标签块里",
    "fixes-tag-position.explanation": (
        "脚本只在变更日志的最后一段，也就是标签块里读取标签：每行一个，中间没有空行。"
        "写在变更日志中间或 '---' 下面的 'Fixes:' 行，稳定版工具、'git interpret-trailers' "
        "和维护者的脚本都看不到；请把它和其他标签放在一起，放在 'Signed-off-by:' 前面。"
    ),
    "stable-cc-format": (
        "稳定版标签 '{written}' 格式不对：应写成 'Cc: stable@vger.kernel.org'"
        "（后面可以跟 '# <版本>'）。"
    ),
    "stable-cc-format.private": (
        "稳定版标签 '{written}' 格式不对：应写成 'Cc: stable@kernel.org'"
        "（这是修复尚未公开的漏洞时用的地址，后面可以跟 '# <版本>'）。"
    ),
    "stable-cc-format.title": "Cc: stable@vger.kernel.org",
    "stable-cc-format.explanation": (
        "KVM x86 不会仅凭 'Fixes:' 就向后移植补丁；需要进入稳定版的修复要明确写上 "
        "'Cc: stable@vger.kernel.org'，后面可以加 '# <版本>'"
        "（已合入的补丁里也见得到的 'Cc: stable <stable@vger.kernel.org>' 同样可以）。"
        "修复尚未公开的漏洞时改用 'Cc: stable@kernel.org'：发往这个地址的邮件不会投递到任何地方，"
        "发送修复时不会泄露出去，稳定版的工具照样能识别这个标签。"
        "其他地址或写法不会被稳定版的工具识别。"
    ),
}
