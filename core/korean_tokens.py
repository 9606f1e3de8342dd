"""Korean as a subject: the same sentence in Korean, English and French through the loaded
model's own tokenizer, why Korean costs more tokens, what a Korean-aware split looks like, and
what the extra tokens cost.

    rows = tokenize_languages(lm, DEFAULT_SENTENCES)       # {"ko": LanguageTokens, "en": …, "fr": …}
    rows["ko"].ratio                                        # Korean tokens ÷ English tokens
    cover = hangul_coverage(lm, DEFAULT_SENTENCES["ko"])    # which syllables the vocabulary holds whole
    morphemes(DEFAULT_SENTENCES["ko"])                      # Kiwi's morphemes: [("어제", "NNG"), ("는", "JX"), …]
    step = decoding_step_seconds(lm, rows["ko"].token_ids)  # one generated token, measured on this model

A byte-level BPE tokenizer (GPT-2's, SmolLM2's, Pythia's) starts from UTF-8 bytes: an English
letter is one byte, a Hangul syllable three. Its merges were learned mostly on English, so few
Hangul syllables were merged into whole tokens and a Korean sentence falls apart into byte
pieces. Petrov et al. (NeurIPS 2023, “Language Model Tokenizers Introduce Unfairness Between
Languages”) measured GPT-2's tokenizer on parallel sentences: about 5× as many tokens for Korean
as for English, about 2× for French (PUBLISHED below, shown as a labelled reference).
"""

from __future__ import annotations

import statistics
import threading
import time
from dataclasses import dataclass
from functools import lru_cache

from core.models import LM
from core.models.thread import on_model_thread

LANGUAGES = ("ko", "en", "fr")
# One sentence said three ways (written for this page; the same meaning, plain everyday words).
DEFAULT_SENTENCES = {
    "ko": "어제는 날씨가 좋아서 친구들과 공원에서 점심을 먹고 강을 따라 걸었습니다.",
    "en": "The weather was nice yesterday, so my friends and I had lunch in the park and walked along the river.",
    "fr": "Hier, il faisait beau, alors mes amis et moi avons déjeuné au parc et nous nous sommes promenés "
    "le long de la rivière.",
}
MAX_CHARS = 300  # per text box: a few sentences, enough to compare, cheap to tokenize

# Petrov et al. (2023), GPT-2's tokenizer on the FLORES-200 parallel sentences: tokens relative
# to English. A published figure, quoted as a reference beside what is measured here.
PUBLISHED = {"ko": 5.0, "fr": 2.0}
PUBLISHED_SOURCE = "Petrov et al., NeurIPS 2023"

# An illustrative price, labelled as such on the page: US$ per million tokens.
EXAMPLE_PRICE_PER_MILLION = 10.0


def is_hangul_syllable(ch: str) -> bool:
    return "가" <= ch <= "힣"


@dataclass(frozen=True)
class LanguageTokens:
    lang: str
    text: str
    token_ids: list[int]
    tokens: list[str]  # readable, one per token (a piece of a syllable shown as "[어 1-2/3]")
    n_chars: int  # characters, spaces included
    n_bytes: int  # UTF-8 bytes
    fragments: int  # tokens that hold only part of a character (not valid UTF-8 on their own)
    ratio: float | None  # tokens ÷ the English sentence's tokens (None without English)

    @property
    def n_tokens(self) -> int:
        return len(self.token_ids)

    @property
    def per_char(self) -> float:
        return self.n_tokens / self.n_chars if self.n_chars else 0.0


def _is_fragment(piece: bytes) -> bool:
    try:
        piece.decode("utf-8")
        return False
    except UnicodeDecodeError:
        return True


def tokenize_languages(lm: LM, texts: dict[str, str]) -> dict[str, LanguageTokens]:
    """Each non-empty text through lm's tokenizer, with its ratio to the English text."""
    texts = {lang: (texts.get(lang) or "").strip()[:MAX_CHARS] for lang in LANGUAGES}
    ids = {lang: lm.encode(text) for lang, text in texts.items() if text}
    english = len(ids.get("en", []))
    rows = {}
    for lang, token_ids in ids.items():
        text = texts[lang]
        rows[lang] = LanguageTokens(
            lang=lang,
            text=text,
            token_ids=token_ids,
            tokens=lm.display_tokens(token_ids),
            n_chars=len(text),
            n_bytes=len(text.encode("utf-8")),
            fragments=sum(_is_fragment(lm.token_bytes(i)) for i in token_ids),
            ratio=len(token_ids) / english if english else None,
        )
    return rows


@dataclass(frozen=True)
class HangulCoverage:
    syllables: list[str]  # the distinct Hangul syllables of the text, in order
    whole: list[str]  # those the vocabulary holds as one token
    tokens_each: dict[str, int]  # tokens the syllable takes written alone

    @property
    def share_whole(self) -> float:
        return len(self.whole) / len(self.syllables) if self.syllables else 0.0


def hangul_coverage(lm: LM, text: str) -> HangulCoverage:
    """Which of the text's Hangul syllables the model's vocabulary holds whole (one token when
    written alone), and how many tokens each takes."""
    syllables = list(dict.fromkeys(ch for ch in text[:MAX_CHARS] if is_hangul_syllable(ch)))
    each = {s: len(lm.encode(s)) for s in syllables}
    return HangulCoverage(syllables, [s for s in syllables if each[s] == 1], each)


# ---- Kiwi: a Korean morphological analyser (kiwipiepy, with its model package kiwipiepy_model)


class MorphemesUnavailable(RuntimeError):
    """Kiwi cannot run here; the message says why."""


_KIWI_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _kiwi():
    try:
        from kiwipiepy import Kiwi
    except ImportError as e:  # the package (or its model package) is not installed
        raise MorphemesUnavailable(f"kiwipiepy is not installed ({e})") from e
    try:
        # without the typo-correction and multi-word dictionaries: the same morphemes for
        # ordinary sentences, ~320 MB of memory instead of ~510 MB, 3 s to load instead of 7
        return Kiwi(num_workers=1, load_typo_dict=False, load_multi_dict=False)
    except Exception as e:  # noqa: BLE001 — a missing or broken model file: say what happened
        raise MorphemesUnavailable(f"Kiwi could not load its model ({e})") from e


def morphemes(text: str) -> list[tuple[str, str]]:
    """Kiwi's morphemes of `text`: (form, Sejong tag) pairs, e.g. ("어제", "NNG"), ("는", "JX")."""
    kiwi = _kiwi()
    with _KIWI_LOCK:
        return [(tok.form, tok.tag) for tok in kiwi.tokenize(text[:MAX_CHARS])]


# ---- what the extra tokens cost


def _time_steps(model, ids: list[int], repeats: int) -> float:
    import torch

    prefix = torch.tensor([ids[:-1] or ids])
    last = torch.tensor([[ids[-1]]])
    cache = model(input_ids=prefix, use_cache=True).past_key_values
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        model(input_ids=last, past_key_values=cache, use_cache=True)
        times.append(time.perf_counter() - start)
        cache.crop(-1)  # forget the timed token: every step times the same length
    return statistics.median(times)


def decoding_step_seconds(lm: LM, ids: list[int], repeats: int = 5) -> float:
    """Seconds to generate one more token after `ids` (one forward step with the KV cache),
    the median of `repeats` steps, measured on the loaded model on the model thread."""
    if not ids:
        raise ValueError("no tokens to time")
    ids = ids[-(lm.arch.context_length - 1) :]
    return on_model_thread(_time_steps, lm.model, ids, repeats)


@dataclass(frozen=True)
class Cost:
    lang: str
    tokens: int
    context_share: float  # of the model's context window, for this text
    fits: int  # how many copies of this text fit in the context window
    seconds: float  # to generate the text token by token at the measured step time
    price_per_thousand: float  # US$ for 1,000 such texts at EXAMPLE_PRICE_PER_MILLION


def costs(rows: dict[str, LanguageTokens], context_length: int, step_seconds: float) -> list[Cost]:
    return [
        Cost(
            lang=r.lang,
            tokens=r.n_tokens,
            context_share=r.n_tokens / context_length,
            fits=context_length // max(1, r.n_tokens),
            seconds=r.n_tokens * step_seconds,
            price_per_thousand=1000 * r.n_tokens * EXAMPLE_PRICE_PER_MILLION / 1e6,
        )
        for r in rows.values()
    ]
