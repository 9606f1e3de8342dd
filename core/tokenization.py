"""The tokenization trade-off on one text: whole words, single characters, or subwords.

    rows = compare_tokenizations(lm, "I love you. The cat sat.", english_words())

Words (the translators' English vocabulary, learned from Tatoeba): few tokens, but a large
vocabulary and every unseen word lost as <unk>. Characters: a tiny vocabulary and nothing
unknown, but many tokens per sentence. Subwords (the loaded model's byte-level BPE): a
vocabulary in between, few tokens, and no word it cannot spell.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from core.models import LM

VOCAB_FILE = Path(__file__).parent / "seq2seq" / "checkpoints" / "attention" / "vocab.json"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@lru_cache(maxsize=1)
def english_words() -> tuple[str, ...]:
    """The word-level vocabulary the translators learned from Tatoeba (specials left out)."""
    from core.seq2seq.data import N_SPECIAL

    return tuple(json.loads(VOCAB_FILE.read_text(encoding="utf-8"))["source"][N_SPECIAL:])


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def compare_tokenizations(lm: LM, text: str, words: tuple[str, ...]) -> list[dict]:
    """One row per scheme: vocabulary size, tokens, tokens per sentence, the share of tokens
    the vocabulary cannot represent, and the first tokens."""
    from core.seq2seq.data import normalize, tokenize_english

    n_sentences = max(1, len(sentences(text)))
    vocab = set(words)
    chars = set("".join(words)) | {" "}
    word_tokens = tokenize_english(text)
    char_tokens = list(normalize(text))  # the same normalised text the word level reads
    ids = lm.encode(text)
    unk = lm.unk_id  # byte-level BPE never needs it: any text is some sequence of bytes

    def row(scheme, size, tokens, unknown, shown):
        return {"scheme": scheme, "vocabulary": size, "tokens": len(tokens),
                "per_sentence": len(tokens) / n_sentences,
                "unknown": (sum(unknown) / len(tokens)) if tokens else 0.0, "first": shown}

    return [
        row("words", len(vocab), word_tokens, [w not in vocab for w in word_tokens],
            " | ".join(w if w in vocab else "<unk>" for w in word_tokens[:12])),
        row("characters", len(chars), char_tokens, [c not in chars for c in char_tokens],
            " | ".join("␣" if c == " " else c for c in char_tokens[:24])),
        row("subwords", lm.arch.vocab_size, ids, [i == unk for i in ids], " | ".join(lm.display_tokens(ids[:12]))),
    ]
