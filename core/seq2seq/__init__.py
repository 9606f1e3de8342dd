"""English→French translators: an LSTM encoder–decoder with one context vector, the same with
Bahdanau attention, and a small Transformer — same data, split and vocabularies.

    from core.seq2seq import load_pretrained
    t = load_pretrained("attention").translate("I am very tired.")
    t.tokens, t.attention  # French words, [target_len, source_len] alignment
    load_pretrained("transformer").translate("I love you.", beam=5).cross_attention  # [L, h, T, S]

Importing the package costs no torch (nor pandas): the names below are torch-free, and every
submodule (`seq2seq.lab`, `seq2seq.anatomy`, `seq2seq.views`, …) and the translator's classes
are imported when first used. So a page can draw its title before torch loads.
"""

from importlib import import_module

from .data import MAX_INPUT_WORDS, N_SPECIAL, english_word_count
from .pretrained import BEAM, EQUAL_DATA, MODEL_NAMES, held_out_examples, load_card, load_pretrained

_FROM_TRANSLATOR = ("Translation", "Translator", "load_translator")

__all__ = [
    "BEAM",
    "EQUAL_DATA",
    "MAX_INPUT_WORDS",
    "MODEL_NAMES",
    "N_SPECIAL",
    *_FROM_TRANSLATOR,
    "english_word_count",
    "held_out_examples",
    "load_card",
    "load_pretrained",
]


def __getattr__(name: str):
    """`seq2seq.lab`, `seq2seq.Translator`, …: imported on first use (PEP 562)."""
    if name in _FROM_TRANSLATOR:
        return getattr(import_module(".translator", __name__), name)
    if not name.startswith("_"):
        try:
            return import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":  # a submodule's own import failed: say so
                raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
