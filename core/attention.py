"""One attention head, step by step, recomputed from the model's own weights.

    steps = attention_steps(lm, "Data visualization empowers users to", layer=5, head=1)
    steps.q, steps.k, steps.v    [T, d_head]
    steps.scores                 [T, T]  q·k * scaling   (scaling = 1/sqrt(d_head) for GPT-2 small)
    steps.masked_scores          [T, T]  -inf above the diagonal (a token can't see the future)
    steps.weights                [T, T]  softmax of each row, rows sum to 1
    steps.output                 [T, d_head]  weights @ v

The layer's input is the real residual stream entering the block (trace.hidden_states[layer])
after the block's own LayerNorm / RMSNorm; nothing is copied from trace.attentions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.models import LM, on_model_thread
from core.trace import Trace, run_trace


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


def causal_mask(n: int) -> torch.Tensor:
    """[T, T] 0 on and below the diagonal, -inf above it."""
    return torch.full((n, n), float("-inf")).triu(1)


def _gpt2_qkv(lm: LM, x: torch.Tensor, layer: int, head: int):
    block = lm.model.transformer.h[layer]
    attn = block.attn
    x = block.ln_1(x)  # [T, d]
    qkv = attn.c_attn(x)  # [T, 3d] fused projection (Conv1D: x @ W + b)
    q, k, v = qkv.split(lm.d_model, dim=-1)  # each [T, d]
    sl = slice(head * lm.d_head, (head + 1) * lm.d_head)
    return q[:, sl], k[:, sl], v[:, sl], head, float(attn.scaling)


def _llama_qkv(lm: LM, x: torch.Tensor, layer: int, head: int):
    from transformers.models.llama.modeling_llama import apply_rotary_pos_emb

    block = lm.model.model.layers[layer]
    attn = block.self_attn
    x = block.input_layernorm(x)  # [T, d] RMSNorm
    T, dh = x.shape[0], lm.d_head
    kv_head = head // (lm.n_heads // lm.n_kv_heads)  # repeat_kv: query heads share kv heads
    q = attn.q_proj(x).view(T, lm.n_heads, dh)[:, head]  # [T, dh]
    k = attn.k_proj(x).view(T, lm.n_kv_heads, dh)[:, kv_head]
    v = attn.v_proj(x).view(T, lm.n_kv_heads, dh)[:, kv_head]
    position_ids = torch.arange(T)[None]  # [1, T]
    cos, sin = lm.model.model.rotary_emb(x[None], position_ids)  # each [1, T, dh]
    q, k = apply_rotary_pos_emb(q[None, None], k[None, None], cos, sin)  # [1, 1, T, dh]
    return q[0, 0], k[0, 0], v, kv_head, float(attn.scaling)


def attention_steps(lm: LM, text: str, layer: int, head: int,
                    trace: Trace | None = None) -> AttentionSteps:
    """Q, K, V → scores → mask → softmax → weighted sum of V for one head of one layer."""
    if not 0 <= layer < lm.n_layers or not 0 <= head < lm.n_heads:
        raise ValueError(f"layer {layer} / head {head} out of range "
                         f"({lm.n_layers} layers, {lm.n_heads} heads)")
    trace = trace if trace is not None else run_trace(lm, text)
    x = torch.from_numpy(np.asarray(trace.hidden_states[layer], dtype=np.float32))  # [T, d]
    qkv = _gpt2_qkv if lm.architecture == "gpt2" else _llama_qkv
    q, k, v, kv_head, scaling = on_model_thread(qkv, lm, x, layer, head)
    scores = (q @ k.T) * scaling  # [T, T]
    masked = scores + causal_mask(len(scores))
    weights = torch.softmax(masked, dim=-1)
    output = weights @ v  # [T, dh]
    return AttentionSteps(layer=layer, head=head, kv_head=kv_head, scaling=scaling,
                          q=q.numpy(), k=k.numpy(), v=v.numpy(), scores=scores.numpy(),
                          masked_scores=masked.numpy(), weights=weights.numpy(),
                          output=output.numpy())


# --------------------------------------------------------------------------- per-head statistics


def head_statistics(attentions: np.ndarray) -> dict[str, np.ndarray]:
    """From attention weights [L, H, T, T], three [L, H] tables:
    entropy (bits, each query row's entropy, averaged over rows), first (mean weight on
    the first token: the "attention sink"), previous (mean weight on the token just
    before, over queries 1..T-1; 0 when there is only one token)."""
    a = np.asarray(attentions, dtype=np.float64)
    T = a.shape[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(a > 0, a * np.log2(a), 0.0)
    entropy = -plogp.sum(-1).mean(-1)  # [L, H]
    first = a[..., :, 0].mean(-1)
    if T > 1:
        idx = np.arange(1, T)
        previous = a[..., idx, idx - 1].mean(-1)
    else:
        previous = np.zeros(a.shape[:2])
    return {"entropy": entropy, "first": first, "previous": previous}
