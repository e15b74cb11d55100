"""The built Chinese pages read as Chinese: no stray spaces around marked-up words."""

from __future__ import annotations

import re
from pathlib import Path

_CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
# A space between Chinese text and emphasised or strong Chinese text.
_STRAY_SPACE = re.compile(
    rf"{_CJK} <(?:strong|em)>{_CJK}|{_CJK}</(?:strong|em)> {_CJK}"
)


def chinese_pages(built_site: Path) -> list[Path]:
    pages = sorted((built_site / "handbook" / "zh_CN").glob("*.html"))
    assert len(pages) >= 6
    return pages


def test_no_stray_space_around_emphasis(built_site: Path) -> None:
    stray = {page.name: _STRAY_SPACE.findall(page.read_text(encoding="utf-8"))
             for page in chinese_pages(built_site)}
    assert not {name: found for name, found in stray.items() if found}
    # The pages do emphasise Chinese words, so the check has something to look at.
    first_patch = (built_site / "handbook/zh_CN/first-patch.html").read_text(encoding="utf-8")
    assert re.search(rf"{_CJK}<strong>{_CJK}", first_patch)
