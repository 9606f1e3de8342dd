"""The translators shipped with the app: their names, their cards, and loading one.

Reading a card costs no torch; torch is imported when the first model is loaded, so a
page can draw its title and the cards' numbers before it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .translator import Translator

CHECKPOINTS = Path(__file__).parent / "checkpoints"
MODEL_NAMES = ("plain", "attention", "transformer")
EQUAL_DATA = "transformer-7500"  # the Transformer after the LSTMs' budget of pairs seen
BEAM = 5  # the beam width every card reports beside greedy decoding


def checkpoint_dir(name: str) -> Path:
    if name not in (*MODEL_NAMES, EQUAL_DATA):
        raise ValueError(f"unknown model {name!r}: choose one of {', '.join(MODEL_NAMES)}")
    return CHECKPOINTS / name


def load_card(name: str) -> dict:
    """The JSON card shipped with a checkpoint (data, sizes, training, held-out BLEU)."""
    return json.loads((checkpoint_dir(name) / "card.json").read_text(encoding="utf-8"))


def held_out_examples() -> list[tuple[str, list[str]]]:
    """The translation page's held-out examples, [(english, [references…]), …]: its one-click
    buttons AND the references its right-translator question reads — one list
    (checkpoints/held_out.json, written by core.seq2seq.suggest)."""
    path = CHECKPOINTS / "held_out.json"
    if not path.exists():
        return []
    examples = json.loads(path.read_text(encoding="utf-8"))["examples"]
    return [(e["english"], list(e["references"])) for e in examples]


def load_pretrained(name: str) -> Translator:
    """A shipped checkpoint: "plain" (one context vector), "attention" (Bahdanau) or
    "transformer" (and "transformer-7500", the Transformer at the LSTMs' budget)."""
    from .translator import load_translator  # torch: imported with the first model

    return load_translator(checkpoint_dir(name))
