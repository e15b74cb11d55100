"""简体中文：kvmcheck/rules/spelling.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
    "typo": "变更日志里的 '{word}' 可能拼错了：是不是 '{fix}'？",
    "typo.comment": "这条注释里的 '{word}' 可能拼错了：是不是 '{fix}'？",
    "typo.unavailable": (
        "没有检查拼写：这个 kvmcheck 构建时没有带上拼写词表（codespell 的词典）；"
        "请在装有 codespell 的环境里重新安装。"
    ),
    "typo.title": "变更日志和注释里没有拼写错误",
    "typo.explanation": (
        "变更日志或注释里的拼写错误会一直留在内核历史里，也让文字更难搜索。kvmcheck 用 "
        "codespell 的常见拼写错误词典查词，这份词典在安装 kvmcheck 时打包进去；"
        "标识符和全大写的名字不查。"
    ),
    "repeated-word": "'{word} {word}'：变更日志里有个词重复了。",
    "repeated-word.comment": "'{word} {word}'：这条注释里有个词重复了。",
    "repeated-word.title": "没有重复的词",
    "repeated-word.explanation": (
        "同一个词连写两遍（'the the'、'to to'），而且常常隔着换行，是改写句子后变更日志和"
        "注释里最常见的笔误。"
    ),
}
