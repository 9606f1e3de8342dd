"""Turning a trained translator's next-word scores into a sentence: greedy and beam search.

Every translator here (plain LSTM, LSTM + Bahdanau attention, Transformer) offers the same
two methods, so one loop drives them all:

    state = model.start(src, src_lens)                 # encode the source once
    logits, state, alpha = model.step(y_prev, state)   # [B, V] scores for the next word,
                                                       # alpha [B, S] where it looked (or None)

Greedy takes the most likely word at every step. Beam search keeps the `beam` best partial
translations and ranks finished ones by their log-probability divided by their length, so
short outputs are not favoured just for having fewer factors (as in Bahdanau et al. 2015).
With beam = 1 it is greedy decoding.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F

from .data import EOS_ID, SOS_ID


def reorder(state, index: torch.Tensor):
    """Pick rows `index` of every tensor in a decoder state (nested dicts, tuples, lists)."""
    if isinstance(state, torch.Tensor):
        return state.index_select(0, index)
    if isinstance(state, dict):
        return {k: reorder(v, index) for k, v in state.items()}
    if isinstance(state, (tuple, list)):
        return type(state)(reorder(v, index) for v in state)
    return state


@torch.no_grad()
def greedy(model, src, src_lens, max_len: int, keep_probs: bool = False):
    """The most likely word at each step, for a batch.

    Returns ids [B, T'] (after <sos>, up to every row's <eos> or max_len), the attention
    [B, T', S] (None for a model without one) and, with keep_probs, the distribution at
    every step [B, T', V] (else None).
    """
    max_len = min(max_len, getattr(model, "max_steps", max_len))
    state = model.start(src, src_lens)
    y = torch.full((src.size(0),), SOS_ID, dtype=torch.long)
    done = torch.zeros(src.size(0), dtype=torch.bool)
    ids, alphas, probs = [], [], []
    for _ in range(max_len):
        logits, state, alpha = model.step(y, state)
        y = logits.argmax(-1)  # [B]
        ids.append(y)
        alphas.append(alpha)
        if keep_probs:
            probs.append(F.softmax(logits, dim=-1))
        done |= y == EOS_ID
        if bool(done.all()):
            break
    return (
        torch.stack(ids, 1),
        None if alphas[0] is None else torch.stack(alphas, 1),
        torch.stack(probs, 1) if keep_probs else None,
    )


@dataclass
class Hypothesis:
    ids: list[int]  # the words chosen, <eos> included when finished
    log_prob: float  # Σ log p of those words

    @property
    def score(self) -> float:
        """Length-normalised: the mean log-probability per word."""
        return self.log_prob / max(1, len(self.ids))


@torch.no_grad()
def beam_search(model, src, src_lens, beam: int = 5, max_len: int = 50) -> list[int]:
    """The best translation of ONE source sentence (src [1, S]) found with a beam of `beam`
    partial translations; its word ids up to (not including) <eos>."""
    if src.size(0) != 1:
        raise ValueError("beam_search translates one sentence at a time")
    beam = max(1, int(beam))
    max_len = min(max_len, getattr(model, "max_steps", max_len))
    state = model.start(src, src_lens)
    live = [Hypothesis([], 0.0)]
    finished: list[Hypothesis] = []
    y = torch.tensor([SOS_ID])
    for _ in range(max_len):
        logits, state, _ = model.step(y, state)  # [n, V]
        log_p = F.log_softmax(logits.float(), dim=-1)
        totals = torch.tensor([h.log_prob for h in live])[:, None] + log_p  # [n, V]
        top = torch.topk(totals.flatten(), min(2 * beam, totals.numel()))
        keep_rows, keep_words, grown = [], [], []
        for total, flat in zip(top.values.tolist(), top.indices.tolist()):  # best first
            row, word = divmod(flat, log_p.size(1))
            hyp = Hypothesis(live[row].ids + [word], total)
            if word == EOS_ID:
                finished.append(hyp)
                continue
            grown.append(hyp)
            keep_rows.append(row)
            keep_words.append(word)
            if len(grown) == beam:
                break
        if len(finished) >= beam or not grown:
            break
        live = grown
        state = reorder(state, torch.tensor(keep_rows))
        y = torch.tensor(keep_words)
    best = max(finished or live, key=lambda h: h.score)
    return [i for i in best.ids if i != EOS_ID]


@torch.no_grad()
def teacher_forced(model, src, src_lens, ids: list[int]):
    """Feed a chosen output (ids, without <eos>) back through one sentence's decoder and
    keep what each step saw: the distribution [n, V] and the attention [n, S] (or None).
    Used to show a beam-search (or greedy) result step by step."""
    state = model.start(src, src_lens)
    y = torch.tensor([SOS_ID])
    probs: list[torch.Tensor] = []
    alphas: list[torch.Tensor] = []  # empty for a model without attention
    for word in ids:
        logits, state, alpha = model.step(y, state)
        probs.append(F.softmax(logits[0].float(), dim=-1))
        if alpha is not None:
            alphas.append(alpha[0])
        y = torch.tensor([word])
    if not ids:
        return torch.zeros(0, 0), None
    return torch.stack(probs), torch.stack(alphas) if alphas else None
