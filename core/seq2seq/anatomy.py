"""Inside an LSTM translator, for one sentence: the encoder's two directions, and how strongly
each source word still reaches the output (gradient norms, computed with autograd).

    halves = encoder_halves(translator, "I am very tired.")     # forward [S, H], backward [S, H]
    reach = source_gradients(translator, "I am very tired.")    # [S] |∂ loss / ∂ x_j|
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from .data import SOS_ID, source_tokens
from .decoding import greedy
from .translator import Translator


@dataclass
class EncoderHalves:
    tokens: list[str]
    forward: np.ndarray   # [S, H] h→_j: the words 1..j read left to right
    backward: np.ndarray  # [S, H] h←_j: the words S..j read right to left
    context: np.ndarray   # [2H] = [h→_S ; h←_1], what the plain decoder is given


def _source(translator: Translator, sentence: str):
    tokens, _ = source_tokens(sentence)  # what translate() reads
    if not tokens:
        raise ValueError("the sentence has no words")
    return tokens, torch.tensor([translator.src_vocab.encode(tokens)]), torch.tensor([len(tokens)])


@torch.no_grad()
def encoder_halves(translator: Translator, sentence: str) -> EncoderHalves:
    """h_j = [h→_j ; h←_j]: the bidirectional encoder's state at every word, split into the
    direction that read the sentence left to right and the one that read it right to left."""
    tokens, src, lens = _source(translator, sentence)
    states, context = translator.model.encoder(src, lens)  # [1, S, 2H], [1, 2H]
    H = translator.model.cfg.hidden_size
    return EncoderHalves(tokens, states[0, :, :H].numpy(), states[0, :, H:].numpy(),
                         context[0].numpy())


def source_gradients(translator: Translator, sentence: str, max_len: int | None = None) -> np.ndarray:
    """[S] ‖∂ loss / ∂ x_j‖ for every source word j: how much a nudge to word j's embedding
    changes the loss of the model's own (greedy) translation. The plain decoder reaches word j
    only through the recurrence into one context vector; the attention decoder also reaches
    every h_j directly."""
    tokens, src, lens = _source(translator, sentence)
    model = translator.model
    with torch.no_grad():
        ids = greedy(model, src, lens, max_len=max_len or 2 * len(tokens) + 10)[0]  # [1, T]
    tgt_out = ids
    tgt_in = torch.cat([torch.full((1, 1), SOS_ID), ids[:, :-1]], dim=1)  # teacher forcing
    embedded = model.encoder.embed(src).detach().requires_grad_(True)  # [1, S, E] the x_j
    logits = model(src, lens, tgt_in, embedded=embedded)  # [1, T, V] (eval mode: no dropout)
    loss = F.cross_entropy(logits[0], tgt_out[0], reduction="sum")
    (grad,) = torch.autograd.grad(loss, embedded)  # the model's own weights get no .grad
    return grad[0].norm(dim=-1).numpy()  # [S]
