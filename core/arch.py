"""Where each model family keeps its parts: one small adapter class per family.

Nothing else in the app knows a module path. A page asks the adapter for "block 3's first
norm" or "the queries of layer 5", and the adapter knows that GPT-2 calls it
`transformer.h[3].ln_1` and splits one fused `c_attn`, while Llama calls it
`model.layers[3].input_layernorm` and has `q_proj`, grouped key/value heads and rotary
positions. Adding a family is one class here and one line in FAMILIES.

Shapes: T tokens, d width, H query heads, H_kv key/value heads, d_head, d_mlp.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class Norm:
    """A normalisation layer's parameters, enough to recompute it by hand."""

    kind: str  # "LayerNorm" (subtract the mean, divide by the std) or "RMSNorm" (divide by the RMS)
    weight: torch.Tensor  # [d] γ
    bias: torch.Tensor | None  # [d] β (LayerNorm only)
    eps: float

    @property
    def centred(self) -> bool:
        return self.kind == "LayerNorm"


class Family:
    """What every adapter provides. `model` is a transformers *ForCausalLM in eval mode."""

    name: str  # the config's model_type
    norm_kind: str  # "LayerNorm" | "RMSNorm"
    activation: str  # what the MLP applies, as the UI names it
    gated_mlp: bool  # Llama: act(gate) * up; GPT-2: act(fc)
    positional: str  # "learned" | "rotary"

    def __init__(self, model):
        self.model = model
        self.config = model.config

    # ---- sizes ----------------------------------------------------------------------------
    n_layers: int
    n_heads: int
    n_kv_heads: int
    d_model: int
    d_mlp: int
    context_length: int

    @property
    def d_head(self) -> int:
        return getattr(self.config, "head_dim", None) or self.d_model // self.n_heads

    def kv_head(self, head: int) -> int:
        """The key/value head a query head reads (grouped-query attention shares them)."""
        return head // (self.n_heads // self.n_kv_heads)

    # ---- modules --------------------------------------------------------------------------
    def blocks(self) -> list[torch.nn.Module]: ...
    def norm_1(self, layer: int) -> torch.nn.Module: ...  # before attention
    def norm_2(self, layer: int) -> torch.nn.Module: ...  # before the MLP
    def final_norm(self) -> torch.nn.Module: ...
    def attention(self, layer: int) -> torch.nn.Module: ...  # returns (output [.., d], weights)
    def mlp(self, layer: int) -> torch.nn.Module: ...  # returns [.., d]
    def position_embedding(self) -> torch.Tensor | None: ...  # [context, d] or None

    def token_embedding(self) -> torch.Tensor:
        """[V, d] the learned token-embedding matrix."""
        return self.model.get_input_embeddings().weight

    def unembedding(self) -> tuple[torch.Tensor, torch.Tensor | None]:
        """W_U [V, d] and its bias (None): logits = W_U · Norm(h) (+ b)."""
        head = self.model.get_output_embeddings()
        return head.weight, head.bias

    def tied_embeddings(self) -> bool:
        return bool(getattr(self.config, "tie_word_embeddings", False))

    def norm(self, module: torch.nn.Module) -> Norm: ...

    # ---- attention ------------------------------------------------------------------------
    def qkv(self, layer: int, x: torch.Tensor):
        """x [T, d], already normed → q [H, T, d_head], k and v [H_kv, T, d_head] (positions
        applied to q and k where the family rotates them)."""
        ...

    def attention_scaling(self, layer: int) -> float:
        return float(self.attention(layer).scaling)

    def attention_output(self, layer: int, z: torch.Tensor) -> torch.Tensor:
        """z [T, H·d_head], the heads' outputs side by side → [T, d] (W_O, + bias)."""
        ...

    # ---- MLP ------------------------------------------------------------------------------
    def mlp_in(self, layer: int, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        """x [T, d] normed → (pre-activation [T, d_mlp], the gate's partner `up` [T, d_mlp] or None)."""
        ...

    def act(self, pre: torch.Tensor) -> torch.Tensor:
        """The activation function itself, on any tensor (for curves)."""
        ...

    def mlp_out(self, layer: int, act: torch.Tensor) -> torch.Tensor:
        """[T, d_mlp] after the activation (and gate) → [T, d]."""
        ...

    def mlp_out_directions(self, layer: int) -> torch.Tensor:
        """[d_mlp, d]: row i is what unit i adds to the residual stream per unit of activation."""
        ...

    # ---- training-only ---------------------------------------------------------------------
    def dropout(self) -> dict[str, float]:
        """Dropout probabilities from the config (used in training, off at inference)."""
        ...

    # ---- rotary ---------------------------------------------------------------------------
    def rotary_base(self) -> float | None:
        return None


class GPT2(Family):
    """GPT-2: learned positions (`wpe`), LayerNorm, one fused q/k/v projection (Conv1D:
    x @ W + b), MLP d → 4d → d with GELU."""

    name = "gpt2"
    norm_kind = "LayerNorm"
    activation = "GELU"
    gated_mlp = False
    positional = "learned"

    def __init__(self, model):
        super().__init__(model)
        c = self.config
        self.n_layers, self.n_heads, self.d_model = c.n_layer, c.n_head, c.n_embd
        self.n_kv_heads, self.d_mlp = c.n_head, c.n_inner or 4 * c.n_embd
        self.context_length = c.n_positions

    def blocks(self):
        return list(self.model.transformer.h)

    def norm_1(self, layer):
        return self.model.transformer.h[layer].ln_1

    def norm_2(self, layer):
        return self.model.transformer.h[layer].ln_2

    def final_norm(self):
        return self.model.transformer.ln_f

    def attention(self, layer):
        return self.model.transformer.h[layer].attn

    def mlp(self, layer):
        return self.model.transformer.h[layer].mlp

    def position_embedding(self):
        return self.model.transformer.wpe.weight

    def norm(self, module):
        return Norm("LayerNorm", module.weight, module.bias, float(module.eps))

    def qkv(self, layer, x):
        T, dh = x.shape[0], self.d_head
        q, k, v = self.attention(layer).c_attn(x).split(self.d_model, dim=-1)  # [T, d] each
        heads = lambda m: m.view(T, self.n_heads, dh).transpose(0, 1)  # [H, T, dh]
        return heads(q), heads(k), heads(v)

    def attention_output(self, layer, z):
        return self.attention(layer).c_proj(z)

    def mlp_in(self, layer, x):
        return self.mlp(layer).c_fc(x), None

    def act(self, pre):
        return self.mlp(0).act(pre)

    def mlp_out(self, layer, act):
        return self.mlp(layer).c_proj(act)

    def mlp_out_directions(self, layer):
        return self.mlp(layer).c_proj.weight  # Conv1D keeps W as [in, out] = [d_mlp, d]

    def dropout(self):
        c = self.config
        return {"embeddings": float(c.embd_pdrop), "attention": float(c.attn_pdrop),
                "residual": float(c.resid_pdrop)}


class Llama(Family):
    """Llama family (SmolLM2): rotary positions on q and k, RMSNorm, separate q/k/v/o
    projections with grouped key/value heads, gated MLP down(SiLU(gate(x)) · up(x))."""

    name = "llama"
    norm_kind = "RMSNorm"
    activation = "SiLU"
    gated_mlp = True
    positional = "rotary"

    def __init__(self, model):
        super().__init__(model)
        c = self.config
        self.n_layers, self.n_heads, self.d_model = (c.num_hidden_layers, c.num_attention_heads,
                                                     c.hidden_size)
        self.n_kv_heads = c.num_key_value_heads or c.num_attention_heads
        self.d_mlp, self.context_length = c.intermediate_size, c.max_position_embeddings

    def blocks(self):
        return list(self.model.model.layers)

    def norm_1(self, layer):
        return self.model.model.layers[layer].input_layernorm

    def norm_2(self, layer):
        return self.model.model.layers[layer].post_attention_layernorm

    def final_norm(self):
        return self.model.model.norm

    def attention(self, layer):
        return self.model.model.layers[layer].self_attn

    def mlp(self, layer):
        return self.model.model.layers[layer].mlp

    def position_embedding(self):
        return None  # positions rotate q and k inside attention; nothing is added

    def norm(self, module):
        return Norm("RMSNorm", module.weight, None, float(module.variance_epsilon))

    def qkv(self, layer, x):
        from transformers.models.llama.modeling_llama import apply_rotary_pos_emb

        attn, T, dh = self.attention(layer), x.shape[0], self.d_head
        q = attn.q_proj(x).view(T, self.n_heads, dh).transpose(0, 1)  # [H, T, dh]
        k = attn.k_proj(x).view(T, self.n_kv_heads, dh).transpose(0, 1)  # [H_kv, T, dh]
        v = attn.v_proj(x).view(T, self.n_kv_heads, dh).transpose(0, 1)
        cos, sin = self.model.model.rotary_emb(x[None], torch.arange(T)[None])  # [1, T, dh] each
        q, k = apply_rotary_pos_emb(q[None], k[None], cos, sin)  # [1, H|H_kv, T, dh]
        return q[0], k[0], v

    def attention_output(self, layer, z):
        return self.attention(layer).o_proj(z)

    def mlp_in(self, layer, x):
        mlp = self.mlp(layer)
        return mlp.gate_proj(x), mlp.up_proj(x)

    def act(self, pre):
        return self.mlp(0).act_fn(pre)

    def mlp_out(self, layer, act):
        return self.mlp(layer).down_proj(act)

    def mlp_out_directions(self, layer):
        return self.mlp(layer).down_proj.weight.T  # Linear keeps W as [out, in]

    def dropout(self):
        return {"attention": float(getattr(self.config, "attention_dropout", 0.0) or 0.0)}

    def rotary_base(self):
        c = self.config
        params = getattr(c, "rope_parameters", None) or {}  # transformers 5 keeps it here
        return float(params.get("rope_theta") or getattr(c, "rope_theta", None) or 10000.0)


FAMILIES: dict[str, type[Family]] = {"gpt2": GPT2, "llama": Llama}


def supported(model_type: str) -> bool:
    return model_type in FAMILIES


def family_of(model) -> Family:
    """The adapter for a loaded model (KeyError for a family the app doesn't know)."""
    return FAMILIES[model.config.model_type](model)


# ------------------------------------------------------------------ attention, by hand


def attend(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, scaling: float):
    """softmax(q kᵀ · scaling + causal mask) v for one head: q, k, v [T, d_head] →
    (scores [T, T], weights [T, T], output [T, d_head])."""
    scores = (q @ k.T) * scaling
    weights = torch.softmax(scores + causal_mask(len(scores)), dim=-1)
    return scores, weights, weights @ v


def causal_mask(n: int) -> torch.Tensor:
    """[T, T] 0 on and below the diagonal, -inf above it (a token can't see the future)."""
    return torch.full((n, n), float("-inf")).triu(1)
