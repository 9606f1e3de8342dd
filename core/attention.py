"""One attention head, step by step, recomputed from the model's own weights.

    steps = attention_steps(lm, "Data visualization empowers users to", layer=5, head=1)
    steps.q, steps.k, steps.v    [T, d_head]
    steps.scores                 [T, T]  q·k * scaling   (scaling = 1/sqrt(d_head) for GPT-2 small)
    steps.masked_scores          [T, T]  -inf above the diagonal (a token can't see the future)
    steps.weights                [T, T]  softmax of each row, rows sum to 1
    steps.output                 [T, d_head]  weights @ v

The layer's input is the real residual stream entering the block (trace.resid_pre(layer))
after the block's own LayerNorm / RMSNorm; the family adapter (core.arch) knows where the
projections are. Nothing is copied from trace.attentions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from core.models import LM, on_model_thread
from core.stats import entropy_bits
from core.trace import Trace, run_trace

if TYPE_CHECKING:
    import torch


@dataclass
class AttentionSteps:
    layer: int
    head: int
    kv_head: int  # the key/value head this query head shares (grouped-query attention)
    scaling: float  # what q·k is multiplied by (1/sqrt(d_head), per the model's config)
    q: np.ndarray  # [T, d_head] (after rotary for Llama-family models)
    k: np.ndarray  # [T, d_head]
    v: np.ndarray  # [T, d_head]
    scores: np.ndarray  # [T, T]
    masked_scores: np.ndarray  # [T, T]
    weights: np.ndarray  # [T, T]
    output: np.ndarray  # [T, d_head]


def additive_causal_mask(n: int) -> torch.Tensor:
    """[T, T] added to the scores: 0 where a query may read a key (on and below the
    diagonal), −inf above it (a token can't see the future)."""
    import torch

    return torch.full((n, n), float("-inf")).triu(1)


def attend(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, scaling: float):
    """softmax(q kᵀ · scaling + causal mask) v for one head: q, k, v [T, d_head] →
    (scores [T, T], weights [T, T], output [T, d_head])."""
    import torch

    scores = (q @ k.T) * scaling
    weights = torch.softmax(scores + additive_causal_mask(len(scores)), dim=-1)
    return scores, weights, weights @ v


def all_heads(lm: LM, layer: int, x_normed: torch.Tensor) -> torch.Tensor:
    """[H, T, d_head] every head's output (its softmax-weighted sum of values) for the normed
    input x [T, d] of block `layer` (call on the model thread)."""
    import torch

    a = lm.arch
    q, k, v = a.qkv(layer, x_normed)  # [H, T, dh], [H_kv, T, dh] ×2
    scaling = a.attention_scaling(layer)
    return torch.stack([attend(q[h], k[a.kv_head(h)], v[a.kv_head(h)], scaling)[2] for h in range(a.n_heads)])


def layer_qkv(lm: LM, trace: Trace, layer: int):
    """The layer's q [H, T, d_head], k and v [H_kv, T, d_head] from the cached residual
    stream entering it, through the block's own norm and projections (on the model thread)."""

    def compute():
        import torch

        x = torch.from_numpy(np.array(trace.resid_pre(layer), dtype=np.float32))  # [T, d]
        return lm.arch.qkv(layer, lm.arch.attention_input(layer, x))

    return on_model_thread(compute)


def attention_steps(lm: LM, text: str, layer: int, head: int, trace: Trace | None = None) -> AttentionSteps:
    """Q, K, V → scores → mask → softmax → weighted sum of V for one head of one layer."""
    if not 0 <= layer < lm.arch.n_layers or not 0 <= head < lm.arch.n_heads:
        raise ValueError(
            f"layer {layer} / head {head} out of range ({lm.arch.n_layers} layers, {lm.arch.n_heads} heads)"
        )
    trace = trace if trace is not None else run_trace(lm, text)
    q, k, v = layer_qkv(lm, trace, layer)
    kv_head = lm.arch.kv_head(head)
    q, k, v = q[head], k[kv_head], v[kv_head]  # [T, d_head] each
    scaling = lm.arch.attention_scaling(layer)
    scores, weights, output = attend(q, k, v, scaling)
    masked = scores + additive_causal_mask(len(scores))
    return AttentionSteps(
        layer=layer,
        head=head,
        kv_head=kv_head,
        scaling=scaling,
        q=q.numpy(),
        k=k.numpy(),
        v=v.numpy(),
        scores=scores.numpy(),
        masked_scores=masked.numpy(),
        weights=weights.numpy(),
        output=output.numpy(),
    )


@dataclass
class HeadsTogether:
    """MultiHead(x) = Concat(head_1, …, head_H) W_O, for one layer, every token."""

    layer: int
    heads: np.ndarray  # [H, T, d_head] each head's output
    concat: np.ndarray  # [T, H·d_head] the heads side by side
    output: np.ndarray  # [T, d] concat through W_O (+ its bias): the layer's attention output
    model_diff: float  # max |output − the model's own attention output| at the last token (trace)
    norm_diff: float  # max over tokens of | |output| − the model's own |attention output| |


def heads_together(lm: LM, trace: Trace, layer: int) -> HeadsTogether:
    """Every head of `layer` recomputed, laid side by side and sent through W_O — checked
    against the attention output the model itself wrote in the traced forward pass."""

    def compute():
        import torch

        x = torch.from_numpy(np.array(trace.resid_pre(layer), dtype=np.float32))  # [T, d]
        heads = all_heads(lm, layer, lm.arch.attention_input(layer, x))  # [H, T, dh]
        concat = heads.transpose(0, 1).reshape(x.shape[0], -1)  # [T, H·dh]
        return heads.numpy(), concat.numpy(), lm.arch.attention_output(layer, concat).numpy()

    heads, concat, output = on_model_thread(compute)
    return HeadsTogether(
        layer=layer,
        heads=heads,
        concat=concat,
        output=output,
        model_diff=float(np.abs(output[-1] - trace.attn_out_last[layer]).max()),
        norm_diff=float(np.abs(np.linalg.norm(output, axis=-1) - trace.attn_out_norm[layer]).max()),
    )


# --------------------------------------------------------------------------- per-head statistics


def head_statistics(attentions: np.ndarray) -> dict[str, np.ndarray]:
    """From attention weights [L, H, T, T], three [L, H] tables:
    entropy (bits, each query row's entropy, averaged over rows), first (mean weight on
    the first token: the "attention sink"), previous (mean weight on the token just
    before, over queries 1..T-1; 0 when there is only one token)."""
    a = np.asarray(attentions, dtype=np.float64)
    T = a.shape[-1]
    entropy = entropy_bits(a).mean(-1)  # [L, H] each row's entropy, averaged over rows
    first = a[..., :, 0].mean(-1)
    if T > 1:
        idx = np.arange(1, T)
        previous = a[..., idx, idx - 1].mean(-1)
    else:
        previous = np.zeros(a.shape[:2])
    return {"entropy": entropy, "first": first, "previous": previous}


# --------------------------------------------------------------------------- why the pieces are there


def dot_product_spread(dims=(1, 2, 4, 8, 16, 32, 64, 128, 256), samples: int = 20000, seed: int = 0) -> list[dict]:
    """For q and k with d_k independent parts of mean 0 and variance 1, the spread (standard
    deviation) of q·k, measured on random draws, beside the formula √d_k (the variance of a
    sum of d_k unit-variance products is d_k). Rows: d_k, measured, sqrt_dk."""
    rng = np.random.default_rng(seed)
    rows = []
    for d in dims:
        q, k = rng.standard_normal((samples, d)), rng.standard_normal((samples, d))
        rows.append({"d_k": d, "measured": float((q * k).sum(1).std()), "sqrt_dk": float(np.sqrt(d))})
    return rows


def without_scaling(steps: AttentionSteps, query: int) -> np.ndarray:
    """[T] the query row's softmax if q·k were not multiplied by the scaling (1/√d_k)."""
    raw = steps.q[query] @ steps.k.T  # [T]
    raw = np.where(np.arange(len(raw)) > query, -np.inf, raw)
    e = np.exp(raw - raw[: query + 1].max())
    return e / e.sum()


def best_matches(trace: Trace, layer: int, head: int) -> dict[str, np.ndarray]:
    """For every query token, the key it would match best (keys up to itself): with raw token
    embeddings, x_i · x_j, and with the real head (the argmax of its attention weights, the
    model's own). Without W_Q and W_K a token mostly matches itself (or the same word
    earlier): its own vector points its own way. Arrays [T]: raw, head, and whether each is
    the query's own token id."""
    x = np.asarray(trace.token_embeddings, dtype=np.float64)  # [T, d]
    T = len(x)
    scores = np.where(np.tri(T, dtype=bool), x @ x.T, -np.inf)  # [T, T] causal: keys ≤ query
    raw = scores.argmax(1)
    head_best = np.asarray(trace.attentions[layer, head]).argmax(1)
    ids = np.asarray(trace.token_ids)
    return {"raw": raw, "head": head_best, "raw_self": ids[raw] == ids, "head_self": ids[head_best] == ids}
