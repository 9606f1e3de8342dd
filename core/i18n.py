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

Korean particles that depend on the word before them are written in the catalog the way Korean
writers mark them, `{name}은(는)`, `{x}을(를)`, `{x}이(가)`, `{x}와(과)`, `{x}(으)로`, `{x}(이)라는`;
`t()` picks the one form that fits the word actually filled in (`particles`), so the reader sees
“RMSNorm은”, “619.25로”, “king과”, never the pair.
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
    return Markdown(particles(text) if lang == "ko" else text)


def plain(key: str, lang: str = DEFAULT_LANGUAGE, /, **values) -> str:
    """The string `key` in `lang` for a place that does not render Markdown (a chart or axis
    title, a table's header or cell, a selectbox option, a Graphviz label): values as they are."""
    text = _entry(key, lang)
    text = str(text.format(**values) if values else text)
    return particles(text) if lang == "ko" else text


# ---------------------------------------------------------------------------------------------
# Korean particles: 은/는, 이/가, 을/를, 와/과, 으로/로, 이라는/라는 follow the sound the word
# before them ends in. The rule used here (documented, tested in tests/test_korean_particles.py):
#   * a Hangul syllable: its final consonant (받침), read from the syllable itself;
#   * a digit: the Korean number it is read as (1 일, 2 이, 3 삼, … 10 십, 100 백, 1000 천,
#     10000 만, 억, 조 for trailing zeros of a whole number; each digit after a decimal point is
#     read alone, so 619.25 ends in 오);
#   * Latin letters: an acronym (a run of capitals: GPT, MLP, the LU of SiLU) by its last
#     letter's Korean name (엘 → ㄹ, 엠, 엔 → a 받침, the rest a vowel); a word (the last
#     capitalised part of a CamelCase name: RMSNorm → Norm) by the Korean reading of its ending
#     as loanwords are written (…m 놈/게임, …n 토큰, …ng 킹, …l/…le 모델/테이블, …p/…ck 톱/백
#     take a 받침; …t 트, …d 드, …s 스, …k 크, vowels and the rest end in a vowel);
#   * % is read 퍼센트; closing quotes and Markdown marks are skipped; a bracketed aside is
#     skipped whole, as Korean does (the particle fits the word before the bracket: “king”(12%)과);
#     anything else unreadable counts as ending in a vowel.
# The (으)로 pair treats a final ㄹ like a vowel (서울로, 모델로), as Korean does.
# ---------------------------------------------------------------------------------------------

_NONE, _RIEUL, _OTHER = "none", "rieul", "other"  # no 받침, ㄹ 받침, any other 받침

_DIGIT = {
    "0": _OTHER,
    "1": _RIEUL,
    "2": _NONE,
    "3": _OTHER,
    "4": _NONE,
    "5": _NONE,  # 영 일 이 삼 사 오
    "6": _OTHER,
    "7": _RIEUL,
    "8": _RIEUL,
    "9": _NONE,
}  # 육 칠 팔 구
# a whole number ending in n zeros: 십, 백, 천, 만 (…만 up to 천만), 억, 조
_ZEROS = {1: _OTHER, 2: _OTHER, 3: _OTHER, 4: _OTHER, 8: _OTHER, 12: _OTHER}
_LETTER = {"L": _RIEUL, "M": _OTHER, "N": _OTHER, "R": _RIEUL}  # 엘, 엠, 엔, 알; the others end in a vowel
_SKIP = set("”’\"'*`_]}>》」』 \u00a0")
_WORD_END = [  # (ending, sound) for Latin words, first match wins
    ("ng", _OTHER),
    ("ck", _OTHER),
    ("le", _RIEUL),
    ("me", _OTHER),
    ("ne", _OTHER),
    ("m", _OTHER),
    ("n", _OTHER),
    ("l", _RIEUL),
    ("p", _OTHER),
    ("b", _OTHER),
]


def _number_sound(number: str) -> str:
    if "." in number:
        return _DIGIT[number[-1]]
    digits = number.replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == 0 or zeros == len(digits):
        return _DIGIT[digits[-1]]
    return _ZEROS.get(zeros, _ZEROS[max(z for z in _ZEROS if z <= zeros)])


def final_sound(word: str) -> str:
    """How `word` ends when read aloud in Korean: "none" (a vowel), "rieul" (ㄹ) or "other"."""
    text = word.rstrip()
    while text and (text[-1] in _SKIP or text[-1] == ")"):
        if text[-1] == ")":  # a bracketed aside: the particle fits the word before it, “king”(12%)과
            depth, i = 0, len(text) - 1
            while i >= 0:
                depth += {")": 1, "(": -1}.get(text[i], 0)
                if depth == 0:
                    break
                i -= 1
            text = text[:i].rstrip() if i > 0 else text[:-1]
        else:
            text = text[:-1]
    if not text:
        return _NONE
    last = text[-1]
    if "가" <= last <= "힣":
        coda = (ord(last) - ord("가")) % 28
        return _NONE if coda == 0 else _RIEUL if coda == 8 else _OTHER
    if last == "%":
        return _NONE  # 퍼센트
    if last.isdigit() and last.isascii():
        number = re.search(r"[\d,]*\.?\d+$", text)
        assert number is not None  # the text ends in a digit
        return _number_sound(number.group(0).lstrip(","))
    if last.isascii() and last.isalpha():
        letters = re.search(r"[A-Za-z]+$", text)
        assert letters is not None  # the text ends in an ASCII letter
        run = letters.group(0)
        caps = re.search(r"[A-Z]+$", run)
        if caps and (len(caps.group(0)) > 1 or len(run) == 1):
            return _LETTER.get(caps.group(0)[-1], _NONE)  # an acronym: GPT 티, MLP 피, ALL 엘
        word = re.split(r"(?<=[a-z])(?=[A-Z])", run)[-1].lower()  # RMSNorm → norm
        return next((sound for end, sound in _WORD_END if word.endswith(end)), _NONE)
    return _NONE


# each pair as written in the catalog → (form after a vowel, after ㄹ, after another 받침)
_PAIRS = {
    "은(는)": ("는", "은", "은"),
    "는(은)": ("는", "은", "은"),
    "이(가)": ("가", "이", "이"),
    "가(이)": ("가", "이", "이"),
    "을(를)": ("를", "을", "을"),
    "를(을)": ("를", "을", "을"),
    "와(과)": ("와", "과", "과"),
    "과(와)": ("와", "과", "과"),
    "(으)로": ("로", "로", "으로"),
    "(이)": ("", "이", "이"),  # the copula: {x}(이)라는, {x}(이)며, {x}(이)고
}
_PAIR = re.compile("|".join(re.escape(p) for p in _PAIRS))
_FORM = {_NONE: 0, _RIEUL: 1, _OTHER: 2}


def particles(text: str) -> str:
    """`text` with each 은(는), 이(가), 을(를), 와(과), (으)로, (이) replaced by the one form that
    fits the word before it: particles("RMSNorm은(는)") == "RMSNorm은"."""
    out, done = [], 0
    for m in _PAIR.finditer(text):
        before = text[: m.start()]
        out.append(text[done : m.start()])
        out.append(_PAIRS[m.group(0)][_FORM[final_sound(before)]])
        done = m.end()
    out.append(text[done:])
    return "".join(out)


def language_from_locale(locale: str | None) -> str:
    """'ko' for a Korean browser (ko, ko-KR ...), otherwise English."""
    return "ko" if (locale or "").lower().startswith("ko") else DEFAULT_LANGUAGE
