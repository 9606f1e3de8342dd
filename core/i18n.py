"""Every string a user reads, in English and Korean.

Catalogs live in `core/strings/<part>.py`, one module per part of the app, each with an
`EN` and a `KO` dict over the same keys. Values may hold `{placeholders}`.

    t("home.title", "ko")
    t("trace.truncated", "en", n=128, total=300)
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

import core.strings

LANGUAGES = {"en": "English", "ko": "한국어"}
DEFAULT_LANGUAGE = "en"


@lru_cache(maxsize=1)
def catalogs() -> dict[str, dict[str, str]]:
    """{"en": {...}, "ko": {...}} merged from every module in core/strings."""
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for info in sorted(pkgutil.iter_modules(core.strings.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"core.strings.{info.name}")
        for lang, table in (("en", module.EN), ("ko", module.KO)):
            clash = merged[lang].keys() & table.keys()
            if clash:
                raise KeyError(f"core/strings/{info.name}.py repeats keys: {sorted(clash)}")
            merged[lang].update(table)
    return merged


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **values) -> str:
    """The string `key` in `lang`, with `values` filled in."""
    table = catalogs()[lang if lang in LANGUAGES else DEFAULT_LANGUAGE]
    text = table[key]
    return text.format(**values) if values else text


def language_from_locale(locale: str | None) -> str:
    """'ko' for a Korean browser (ko, ko-KR ...), otherwise English."""
    return "ko" if (locale or "").lower().startswith("ko") else DEFAULT_LANGUAGE
