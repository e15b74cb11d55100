"""简体中文：kvmcheck/rules/links.py 中各条规则的消息、标题与说明。"""

MESSAGES = {
    "link-not-lore": (
        "请链接到 lore.kernel.org，而不是 '{url}'（https://lore.kernel.org/all/<message-id>）。"
    ),
    "link-not-lore.title": "链接指向 lore.kernel.org",
    "link-not-lore.explanation": (
        "lore.kernel.org 归档了所有内核邮件列表，凭 Message-ID 就能找到对应邮件。"
        "其他归档站点（lkml.org、marc.info、spinics、patchwork 等）时有时无，"
        "'Link:' 和 'Closes:' 标签请一律使用 lore。"
    ),
    "in-reply-to-root": (
        "一次投递的第一封邮件不应带 '{header}:'：请另起新线程，用 lore 链接指向之前的邮件。"
    ),
    "in-reply-to-root.title": "每次投递另起一个线程",
    "in-reply-to-root.explanation": (
        "不要把新版本或修复作为旧邮件的回复发出（In-Reply-To:/References:）：线程越拉越长，"
        "没被抄送的人也看不到上下文。请在封面邮件或 '---' 下面用 lore 链接指向缺陷报告或上一版。"
    ),
}
