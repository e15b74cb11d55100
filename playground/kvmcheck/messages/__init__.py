"""Message catalogs: the same keys in every language.

Keys: ``<rule-id>`` and ``<rule-id>.<variant>`` (finding messages),
``<rule-id>.title`` and ``<rule-id>.explanation`` (docs), ``checklist.<item>``
(the testing checklist) and ``cli.<name>``.  Values are ``str.format``
templates.  English rule texts are declared on each rule
(``Rule.text(key, lang)`` reads either); ``en.py`` holds the other English
texts, the ``zh_CN`` package every Chinese one (a module per rule module).
"""

from __future__ import annotations

import importlib

# The one language list of the project: kvmcheck, the site's extensions
# (_ext/handbook_site.py) and the playground all speak these. Adding one means
# a catalog per component; see docs/translating.rst.
LANGUAGES = ("en", "zh_CN")
DEFAULT_LANGUAGE = "en"

_loaded: dict[str, dict[str, str]] = {}


def catalog(lang: str) -> dict[str, str]:
    """The catalog of ``lang``, one of ``LANGUAGES``."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    if lang not in _loaded:
        _loaded[lang] = importlib.import_module(f"kvmcheck.messages.{lang}").MESSAGES
    return _loaded[lang]


def language_from_locale(environ: dict[str, str]) -> str:
    """The catalog matching LC_ALL / LC_MESSAGES / LANG (first one set), else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            # zh_CN.UTF-8 → zh_CN; any other zh_* (or plain zh) → the zh_* we have.
            code = value.split(".")[0].split("@")[0]
            if code in LANGUAGES:
                return code
            base = code.split("_")[0].lower()
            return next(
                (lang for lang in LANGUAGES if lang.split("_")[0].lower() == base), DEFAULT_LANGUAGE
            )
    return DEFAULT_LANGUAGE
