"""Every string a user reads, in English and Korean.

Catalogs live in `core/strings/<part>.py`, one module per part of the app, each with an
`EN` and a `KO` dict over the same keys. Values may hold `{placeholders}`.

    t("home.title", "ko")
    t("trace.truncated", "en", n=128, total=300)

User text is never markup. `t` returns Markdown: the catalog's own text, with every string value
passed through `escape` — a word typed in a box, a URL parameter, a model's token shows as
itself (`**b**`, `![x](http://…)`, `<img …>`, `[l](javascript:…)` stay text: no bold, no image
fetched, no link). Markdown is what st.markdown, st.caption, st.info, widget labels, button labels
and radio options render. A value that is already Markdown (another `t`, an `escape`d string,
markup built by code from escaped parts: wrap it in `Markdown`) is kept as it is.
Where the result is *not* rendered as Markdown — a chart's title, a table's cells or headers,
a selectbox option, a Graphviz label, a file name — use `plain(key, lang, **values)`.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
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


class Markdown(str):
    """Text that is safe to render as Markdown: the catalog's own strings, user text passed
    through `escape`, or markup a caller built from those."""

    __slots__ = ()


# Characters that start markup anywhere in a line: escapes, code, emphasis, links and images,
# raw HTML and <autolinks>, LaTeX, strikethrough, tables; `:` too, so that no `:smile:`,
# `:material/…:` or `:red[…]` is drawn (Streamlit's own Markdown).
_INLINE = re.compile(r"([\\`*_\[\]<>$~|:])")
# GFM also links bare URLs and e-mail addresses, found in the text *after* escapes are read
# (so a backslash can't stop it): an invisible WORD JOINER (U+2060) inside `http://`, `www.`
# and before `@` breaks the pattern and leaves what is seen unchanged.
_AUTOLINK = re.compile(r"(?i)(https?|ftp|www|@)")
WORD_JOINER = "\u2060"
# ... and what starts markup only at the start of a line: headings, lists, setext underlines.
_LINE_START = re.compile(r"^(\s*)(?:([#+\-=])|(\d{1,9})([.)])(?=\s|$))")
_NEWLINES = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


def escape(text) -> Markdown:
    """`text` shown as itself in Markdown (user text: a typed word, a URL parameter, a token).
    Line breaks become spaces (a value sits inside a sentence). Markdown passes unchanged."""
    if isinstance(text, Markdown):
        return text
    text = _INLINE.sub(r"\\\1", _NEWLINES.sub(" ", str(text)))
    text = _AUTOLINK.sub(lambda m: m.group(1)[:-1] + WORD_JOINER + m.group(1)[-1], text)
    return Markdown(_LINE_START.sub(_escape_line_start, text))


def _escape_line_start(m: re.Match) -> str:
    lead, mark, digits, dot = m.groups()
    return lead + ("\\" + mark if mark else digits + "\\" + dot)


def code(text) -> Markdown:
    """`text` as a Markdown code span that shows it literally (a token may hold backticks)."""
    text = _NEWLINES.sub(" ", str(text))
    if not text.strip():
        return escape(text)
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markdown(f"{fence}{pad}{text}{pad}{fence}")


def _entry(key: str, lang: str) -> str:
    return catalogs()[lang if lang in LANGUAGES else DEFAULT_LANGUAGE][key]


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **values) -> Markdown:
    """The string `key` in `lang` as Markdown, with `values` filled in: string values are
    escaped (shown as themselves); numbers are formatted as the catalog says."""
    text = _entry(key, lang)
    if values:
        text = text.format(**{name: escape(v) if isinstance(v, str) else v for name, v in values.items()})
    return Markdown(text)


def plain(key: str, lang: str = DEFAULT_LANGUAGE, /, **values) -> str:
    """The string `key` in `lang` for a place that does not render Markdown (a chart or axis
    title, a table's header or cell, a selectbox option, a Graphviz label): values as they are."""
    text = _entry(key, lang)
    return str(text.format(**values) if values else text)


def language_from_locale(locale: str | None) -> str:
    """'ko' for a Korean browser (ko, ko-KR ...), otherwise English."""
    return "ko" if (locale or "").lower().startswith("ko") else DEFAULT_LANGUAGE
