"""The tokenization trade-off on one text: whole words, single characters, or subwords.

    words = model_words(lm)                               # the whole words in lm's own vocabulary
    rows = compare_tokenizations(lm, "I love you. 안녕하세요 🚀", words)

Three vocabularies of the same standing, all read off the loaded model's tokenizer:

  words       the entries of the model's vocabulary that are whole words (letters only, with
              or without their leading space) and single punctuation marks: one entry per
              word, so a word that is not on the list is lost as <unk>;
  characters  the 256 bytes every text is written in (UTF-8): nothing is ever unknown, but a
              Korean syllable takes three tokens and an emoji four;
  subwords    the model's byte-level BPE itself: frequent words whole, rare ones spelled from
              pieces, and — built on the bytes — nothing unknown either.
"""

from __future__ import annotations

import re
import unicodedata

from core.models import LM
from core.tokens import SPACE_MARK

WORD = re.compile(r"\w+|[^\w\s]")  # a run of letters/digits, or one punctuation mark
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
N_BYTES = 256


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def is_word_entry(entry: str) -> bool:
    """A vocabulary entry (its leading space taken off) that is a whole word — letters or
    digits only — or a single punctuation mark or symbol."""
    if entry.isalnum():
        return True
    return len(entry) == 1 and unicodedata.category(entry)[0] in "PS" and entry != "\ufffd"


def model_words(lm: LM) -> frozenset[str]:
    """The whole words and single marks among the model's own vocabulary entries."""
    entries = (lm.decode([i]).removeprefix(" ") for i in range(lm.arch.vocab_size))
    return frozenset(e for e in entries if is_word_entry(e))


def _byte_label(b: int) -> str:
    c = chr(b)
    return SPACE_MARK if c == " " else c if 32 < b < 127 else f"0x{b:02X}"


def compare_tokenizations(lm: LM, text: str, words: frozenset[str]) -> list[dict]:
    """One row per scheme: vocabulary size, tokens, tokens per sentence, the share of tokens
    the vocabulary cannot represent, and the first tokens."""
    n_sentences = max(1, len(sentences(text)))
    word_tokens = WORD.findall(text)
    byte_tokens = list(text.encode("utf-8"))
    ids = lm.encode(text)
    unk = lm.unk_id  # byte-level BPE never needs it: any text is some sequence of bytes

    def row(scheme, size, tokens, unknown, shown):
        return {
            "scheme": scheme,
            "vocabulary": size,
            "tokens": len(tokens),
            "per_sentence": len(tokens) / n_sentences,
            "unknown": (sum(unknown) / len(tokens)) if tokens else 0.0,
            "first": shown,
        }

    return [
        row(
            "words",
            len(words),
            word_tokens,
            [w not in words for w in word_tokens],
            " | ".join(w if w in words else "<unk>" for w in word_tokens[:12]),
        ),
        row(
            "characters",
            N_BYTES,
            byte_tokens,
            [False] * len(byte_tokens),
            " | ".join(_byte_label(b) for b in byte_tokens[:24]),
        ),
        row("subwords", lm.arch.vocab_size, ids, [i == unk for i in ids], " | ".join(lm.display_tokens(ids[:12]))),
    ]
