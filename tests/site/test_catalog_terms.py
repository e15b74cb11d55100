"""Every catalog's Chinese speaks the glossary's terms.

What a reader sees in Chinese comes from three catalogs: kvmcheck's
(``kvmcheck/messages/zh_CN/``), the site's (``_ext/messages.json``) and the
playground's (``playground/web/messages.json``). Like the Chinese pages, none
may use a word the glossary's ``内核文档也用：`` or ``不用：`` lines list;
``zh_glossary`` reads those lines, the one list of them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from zh_glossary import REPO, ZH_GLOSSARY, Entry, avoided_uses, parse_glossary

from kvmcheck.messages import catalog

JSON_CATALOGS = {
    "_ext/messages.json": REPO / "_ext" / "messages.json",
    "playground/web/messages.json": REPO / "playground" / "web" / "messages.json",
}
# What a message quotes rather than says: placeholders, quoted commands and
# trailers ('git commit -s', "Fixes:"), paths and rule ids.
_NOT_PROSE = re.compile(
    r"\{[^{}]*\}|'[\x20-\x7e]*?'|\"[\x20-\x7e]*?\"|`[^`]*`|https?://\S+|[\w.-]*/[\w./-]*"
    r"|\b[a-z0-9]+(?:-[a-z0-9]+)+\b"
)


def catalog_prose(text: str) -> str:
    """A message without what it quotes, each quote replaced by a space."""
    return _NOT_PROSE.sub(" ", text)


def _leaves(tree: dict, prefix: str) -> Iterator[tuple[str, str]]:
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from _leaves(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def chinese_messages() -> Iterator[tuple[str, str]]:
    """(where, text) for every Chinese message of the three catalogs."""
    for key, text in catalog("zh_CN").items():
        yield f"kvmcheck/messages/zh_CN/ {key}", text
    for name, path in JSON_CATALOGS.items():
        tree = json.loads(path.read_text(encoding="utf-8"))["zh_CN"]
        for key, text in _leaves(tree, ""):
            yield f"{name} zh_CN.{key}", text


@pytest.fixture(scope="module")
def zh_entries() -> list[Entry]:
    return parse_glossary(ZH_GLOSSARY)


def test_quotes_are_set_aside_and_variants_found(zh_entries: list[Entry]) -> None:
    text = "缺少简短描述：应写成 '{prefix} {shortlog}'，见 shortlog-missing 和 playground/x.py"
    assert [use.split(" in ")[0] for use in avoided_uses(catalog_prose(text), zh_entries)] == [
        "'简短描述'"
    ]
    assert avoided_uses(catalog_prose("在 playground 中打开"), zh_entries) == [
        "'playground' in “在 playground 中打开” (use '在线检查')"
    ]


def test_every_catalog_is_read() -> None:
    sources = {where.split()[0] for where, _ in chinese_messages()}
    assert sources == {"kvmcheck/messages/zh_CN/", *JSON_CATALOGS}


def test_chinese_messages_use_the_glossary_terms(zh_entries: list[Entry]) -> None:
    uses = [
        f"{where}: {use}"
        for where, text in chinese_messages()
        for use in avoided_uses(catalog_prose(text), zh_entries)
    ]
    assert not uses, "\n".join(uses)
