"""Load a checkpoint and translate one raw English sentence, with everything a page shows."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from .data import SOS_ID, Vocab, detokenize_french, source_tokens
from .decoding import beam_search, greedy, teacher_forced
from .models import Seq2Seq, Seq2SeqConfig
from .transformer import TransformerConfig, TransformerSeq2Seq

TOP_K = 5  # candidates kept per decoding step


@dataclass
class DecodingStep:
    """One output position: the word chosen and the runners-up with their probabilities."""

    word: str
    probability: float
    candidates: list[tuple[str, float]]  # top-k (word, probability), best first


@dataclass
class Translation:
    text: str  # the input as given
    source_tokens: list[str]  # tokens the model read (after the cap)
    oov: list[bool]  # per source token: outside the training vocabulary
    truncated: bool  # cut to data.MAX_INPUT_WORDS tokens (or characters)
    tokens: list[str]  # French output words (no <eos>)
    attention: np.ndarray | None  # [T, S]: where each output word looked (None: plain)
    #                                       Bahdanau's alignment, or the Transformer's last
    #                                       decoder layer's cross-attention averaged over heads
    context: np.ndarray | None  # the LSTM encoder's final context vector [2H]
    steps: list[DecodingStep] = field(default_factory=list)
    # the Transformer only, every layer and head: [L, h, S, S], [L, h, T, T], [L, h, T, S]
    # (T counts the decoder's inputs, <sos> and the words before the last)
    encoder_attention: np.ndarray | None = None
    decoder_attention: np.ndarray | None = None
    cross_attention: np.ndarray | None = None

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
    """A trained translator (LSTM or Transformer) with its vocabularies and card."""

    def __init__(self, model, src_vocab: Vocab, tgt_vocab: Vocab, card: dict | None = None):
        self.model = model.eval()
        self.src_vocab = src_vocab
        self.tgt_vocab = tgt_vocab
        self.card = card or {}

    @property
    def is_transformer(self) -> bool:
        return isinstance(self.model, TransformerSeq2Seq)

    @property
    def has_attention(self) -> bool:
        return self.is_transformer or self.model.cfg.attention

    @torch.no_grad()
    def translate(self, sentence: str, max_output: int | None = None, beam: int | None = None) -> Translation:
        """Greedy decoding, or beam search of width ``beam``; then the chosen words are fed back
        once more to keep what every step saw (distribution, attention)."""
        text = sentence if isinstance(sentence, str) else ""
        tokens, truncated = source_tokens(text)
        oov = [t not in self.src_vocab for t in tokens]
        if not tokens:
            return Translation(
                text=text,
                source_tokens=[],
                oov=[],
                truncated=truncated,
                tokens=[],
                attention=np.zeros((0, 0), np.float32) if self.has_attention else None,
                context=None,
            )
        src = torch.tensor([self.src_vocab.encode(tokens)])
        lens = torch.tensor([len(tokens)])
        max_len = max_output or 2 * len(tokens) + 10
        if beam is None:
            ids = greedy(self.model, src, lens, max_len=max_len)[0][0].tolist()
        else:
            ids = beam_search(self.model, src, lens, beam=beam, max_len=max_len)
        eos = self.tgt_vocab.eos_id
        ids = ids[: ids.index(eos)] if eos in ids else ids  # output positions before <eos>
        if self.is_transformer:  # one decoder pass over the chosen words gives everything
            probs, alpha, maps = self._decoded(src, ids)
        else:  # the LSTMs go step by step again
            (probs, alpha), maps = teacher_forced(self.model, src, lens, ids), None
        steps = []
        for t, word in enumerate(ids):
            p, i = probs[t].topk(TOP_K)
            steps.append(
                DecodingStep(
                    self.tgt_vocab.itos[word],
                    float(probs[t, word]),
                    [(self.tgt_vocab.itos[j], float(q)) for q, j in zip(p.tolist(), i.tolist())],
                )
            )
        if alpha is None and self.has_attention:  # nothing was said: no rows
            alpha = torch.zeros(0, len(tokens))
        result = Translation(
            text=text,
            source_tokens=tokens,
            oov=oov,
            truncated=truncated,
            tokens=[s.word for s in steps],
            attention=None if alpha is None else alpha.numpy().astype(np.float32),
            context=None,
            steps=steps,
        )
        if maps is not None:
            result.encoder_attention, result.decoder_attention, result.cross_attention = maps
        else:
            result.context = self.model.start(src, lens)["context"][0].numpy().astype(np.float32)
        return result

    def _decoded(self, src, ids: list[int]):
        """The Transformer's decoder run once on <sos> and the chosen words: each step's
        distribution [T, V], the last layer's cross-attention averaged over heads [T, S], and
        every layer and head of the three attentions: [L, h, S, S], [L, h, T, T], [L, h, T, S]."""
        tgt_in = torch.tensor([[SOS_ID] + ids[:-1]]) if ids else torch.tensor([[SOS_ID]])
        memory, encoder = self.model.encode(src)
        logits, decoder, cross = self.model.decode(tgt_in, memory, src)

        def stack(maps):
            return torch.stack([m[0] for m in maps]).numpy().astype(np.float32)

        probs = torch.softmax(logits[0].float(), dim=-1)[: len(ids)]
        return probs, cross[-1][0].mean(0)[: len(ids)], (stack(encoder), stack(decoder), stack(cross))


def model_from_card(card: dict) -> Seq2Seq | TransformerSeq2Seq:
    """A translator of a card's kind and sizes, with fresh random weights."""
    if card.get("model") == "transformer":
        return TransformerSeq2Seq(TransformerConfig(**card["config"]))
    return Seq2Seq(Seq2SeqConfig(**card["config"]))


def load_translator(directory: str | Path) -> Translator:
    """Read model.pt (weights only), vocab.json and card.json from ``directory``."""
    directory = Path(directory)
    card = json.loads((directory / "card.json").read_text(encoding="utf-8"))
    vocab = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
    model = model_from_card(card)
    state = torch.load(directory / "model.pt", map_location="cpu", weights_only=True)
    model.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in state.items()})
    return Translator(model, Vocab(vocab["source"]), Vocab(vocab["target"]), card)
