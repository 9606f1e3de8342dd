"""English→French translators: an LSTM encoder–decoder with one context vector, the same with
Bahdanau attention, and a small Transformer — same data, split and vocabularies.

    from core.seq2seq import load_pretrained
    t = load_pretrained("attention").translate("I am very tired.")
    t.tokens, t.attention  # French words, [target_len, source_len] alignment
    load_pretrained("transformer").translate("I love you.", beam=5).cross_attention  # [L, h, T, S]
"""
from .translator import (EQUAL_DATA, MAX_INPUT_WORDS, MODEL_NAMES, Translation, Translator,
                         load_card, load_pretrained, load_translator)

__all__ = ["EQUAL_DATA", "MAX_INPUT_WORDS", "MODEL_NAMES", "Translation", "Translator", "load_card",
           "load_pretrained", "load_translator"]
