"""Load a shipped checkpoint and translate one raw English sentence, with everything a page shows."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from .data import Vocab, detokenize_french, tokenize_english
from .models import Seq2Seq, Seq2SeqConfig

CHECKPOINTS = Path(__file__).parent / "checkpoints"
MODEL_NAMES = ("plain", "attention")
MAX_INPUT_WORDS = 40      # longer inputs are cut here (and flagged)
MAX_INPUT_CHARS = 1000    # raw text beyond this is not even tokenised
TOP_K = 5                 # candidates kept per decoding step


@dataclass
class DecodingStep:
    """One output position: the word chosen and the runners-up with their probabilities."""
    word: str
    probability: float
    candidates: list[tuple[str, float]]   # top-k (word, probability), best first


@dataclass
class Translation:
    text: str                             # the input as given
    source_tokens: list[str]              # tokens the model read (after the cap)
    oov: list[bool]                       # per source token: outside the training vocabulary
    truncated: bool                       # the input was longer than MAX_INPUT_WORDS
    tokens: list[str]                     # French output words (no <eos>)
    attention: np.ndarray | None          # [len(tokens), len(source_tokens)] or None (plain)
    context: np.ndarray                   # the encoder's final context vector [2H]
    steps: list[DecodingStep] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.source_tokens

    @property
    def oov_words(self) -> list[str]:
        return [t for t, o in zip(self.source_tokens, self.oov) if o]

    @property
    def all_unknown(self) -> bool:
        return bool(self.source_tokens) and all(self.oov)

    @property
    def french(self) -> str:
        return detokenize_french(self.tokens)


class Translator:
    """A trained Seq2Seq with its vocabularies and card."""

    def __init__(self, model: Seq2Seq, src_vocab: Vocab, tgt_vocab: Vocab, card: dict | None = None):
        self.model = model.eval()
        self.src_vocab = src_vocab
        self.tgt_vocab = tgt_vocab
        self.card = card or {}

    @property
    def has_attention(self) -> bool:
        return self.model.cfg.attention

    @torch.no_grad()
    def translate(self, sentence: str, max_output: int | None = None) -> Translation:
        text = sentence if isinstance(sentence, str) else ""
        tokens = tokenize_english(text[:MAX_INPUT_CHARS])
        truncated = len(tokens) > MAX_INPUT_WORDS or len(text) > MAX_INPUT_CHARS
        tokens = tokens[:MAX_INPUT_WORDS]
        oov = [t not in self.src_vocab for t in tokens]
        H2 = 2 * self.model.cfg.hidden_size
        if not tokens:
            return Translation(text, [], [], truncated, [], None if not self.has_attention
                               else np.zeros((0, 0), np.float32), np.zeros(H2, np.float32))
        src = torch.tensor([self.src_vocab.encode(tokens)])
        lens = torch.tensor([len(tokens)])
        max_len = max_output or 2 * len(tokens) + 10
        ids, alpha, context, probs = self.model.greedy(src, lens, max_len=max_len, keep_probs=True)
        ids = ids[0].tolist()
        eos = self.tgt_vocab.eos_id
        n = ids.index(eos) if eos in ids else len(ids)  # output positions before <eos>
        steps = []
        for t in range(n):
            p, i = probs[0, t].topk(TOP_K)
            steps.append(DecodingStep(self.tgt_vocab.itos[ids[t]], float(probs[0, t, ids[t]]),
                                      [(self.tgt_vocab.itos[j], float(q)) for q, j in zip(p.tolist(), i.tolist())]))
        attention = alpha[0, :n].numpy().astype(np.float32) if self.has_attention else None
        return Translation(text, tokens, oov, truncated, [s.word for s in steps], attention,
                           context[0].numpy().astype(np.float32), steps)


def load_translator(directory: str | Path) -> Translator:
    """Read model.pt (weights only), vocab.json and card.json from ``directory``."""
    directory = Path(directory)
    card = json.loads((directory / "card.json").read_text(encoding="utf-8"))
    vocab = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
    model = Seq2Seq(Seq2SeqConfig(**card["config"]))
    state = torch.load(directory / "model.pt", map_location="cpu", weights_only=True)
    model.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in state.items()})
    return Translator(model, Vocab(vocab["source"]), Vocab(vocab["target"]), card)


def load_pretrained(name: str) -> Translator:
    """The shipped checkpoint "plain" (no attention) or "attention" (Bahdanau)."""
    if name not in MODEL_NAMES:
        raise ValueError(f"unknown model {name!r}: choose one of {', '.join(MODEL_NAMES)}")
    return load_translator(CHECKPOINTS / name)


def load_card(name: str) -> dict:
    """The JSON card shipped with a checkpoint (data, sizes, training, held-out BLEU)."""
    if name not in MODEL_NAMES:
        raise ValueError(f"unknown model {name!r}: choose one of {', '.join(MODEL_NAMES)}")
    return json.loads((CHECKPOINTS / name / "card.json").read_text(encoding="utf-8"))
