"""LSTM seq2seq English→French, with and without Bahdanau attention (the "RNN vs attention" page).

    from core.seq2seq import load_pretrained
    t = load_pretrained("attention").translate("I am very tired.")
    t.tokens, t.attention  # French words, [target_len, source_len] alignment
"""
from .translator import (MAX_INPUT_WORDS, MODEL_NAMES, Translation, Translator, load_card,
                         load_pretrained, load_translator)

__all__ = ["MAX_INPUT_WORDS", "MODEL_NAMES", "Translation", "Translator", "load_card",
           "load_pretrained", "load_translator"]
