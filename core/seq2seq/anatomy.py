"""Inside an LSTM translator, for one sentence: the encoder's two directions, and how strongly
each source word still reaches the output (gradient norms, computed with autograd).

    halves = encoder_halves(translator, "I am very tired.")     # forward [S, H], backward [S, H]
    reach = source_gradients(translator, "I am very tired.")    # [S] |∂ loss / ∂ x_j|
    scores = alignment_scores(lstm, transformer, "I love you.")  # additive [T, S], dot [h, T, S]
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from .data import SOS_ID, source_tokens
from .decoding import greedy, teacher_forced
from .translator import Translator


@dataclass
class EncoderHalves:
    tokens: list[str]
    forward: np.ndarray  # [S, H] h→_j: the words 1..j read left to right
    backward: np.ndarray  # [S, H] h←_j: the words S..j read right to left
    context: np.ndarray  # [2H] = [h→_S ; h←_1], what the plain decoder is given


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
    return EncoderHalves(tokens, states[0, :, :H].numpy(), states[0, :, H:].numpy(), context[0].numpy())


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


@dataclass
class AlignmentScores:
    """Two ways to score how well an English word fits the French word being written, for the
    same sentence and the same French words (the attention LSTM's own translation, fed to
    both models): Bahdanau's additive score and the Transformer's scaled dot product."""

    source: list[str]  # the English words
    target: list[str]  # the French words both models were given
    additive: np.ndarray  # [T, S] e_ij = v_aᵀ tanh(W_a s_{i−1} + U_a h_j), the attention LSTM's
    dot: np.ndarray  # [h, T, S] q_i·k_j/√d_k in each head of the Transformer's last cross-attention


def _on_this_thread(record):
    """A hook that records only the forward passes of the thread that placed it: the translators
    are shared, and another session may translate with the same model meanwhile."""
    me = threading.get_ident()
    return lambda module, args, *out: record(args, *out) if threading.get_ident() == me else None


@torch.no_grad()
def alignment_scores(
    lstm: Translator, transformer: Translator, sentence: str, words: list[str] | None = None
) -> AlignmentScores:
    """The scores before the softmax, read off both models' own modules with forward hooks
    while they are fed the same French words (teacher forcing): `words` (the translation on
    screen, greedy or beam), or else the attention LSTM's greedy translation."""
    tokens, src, lens = _source(lstm, sentence)
    if words is None:
        ids = greedy(lstm.model, src, lens, max_len=2 * len(tokens) + 10)[0][0].tolist()
        eos = lstm.tgt_vocab.eos_id
        ids = ids[: ids.index(eos)] if eos in ids else ids
    else:
        ids = lstm.tgt_vocab.encode(list(words))
    if not ids:
        raise ValueError("the translation is empty")
    additive: list[torch.Tensor] = []
    seen: dict[str, torch.Tensor] = {}  # what the cross-attention read: x_q and x_kv
    hook = lstm.model.decoder.attention.v_a.register_forward_hook(
        _on_this_thread(lambda args, out: additive.append(out[0, :, 0].clone()))
    )  # e_i: [S], one per step
    try:
        teacher_forced(lstm.model, src, lens, ids)
    finally:
        hook.remove()
    cross = transformer.model.decoder[-1].cross_attn
    hook = cross.register_forward_pre_hook(_on_this_thread(lambda args: seen.update(x_q=args[0], x_kv=args[1])))
    try:
        memory, _ = transformer.model.encode(src)
        transformer.model.decode(torch.tensor([[SOS_ID] + ids[:-1]]), memory, src)
    finally:
        hook.remove()
    q, k = cross.split(cross.w_q(seen["x_q"])), cross.split(cross.w_k(seen["x_kv"]))  # [1, h, T|S, d_k]
    dot = (q @ k.transpose(-2, -1))[0] / math.sqrt(cross.d_k)  # [h, T, S]
    return AlignmentScores(tokens, [lstm.tgt_vocab.itos[i] for i in ids], torch.stack(additive).numpy(), dot.numpy())
