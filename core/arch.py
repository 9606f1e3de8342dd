"""Where each model family keeps its parts, and how its block is wired: one adapter per family.

Nothing else in the app knows a module path. A page asks the adapter for "block 3's first
norm" or "the queries of layer 5", and the adapter knows that GPT-2 calls it
`transformer.h[3].ln_1` and splits one fused `c_attn`, that Llama calls it
`model.layers[3].input_layernorm` and has `q_proj`, grouped key/value heads and rotary
positions, and that GPT-NeoX (Pythia) fuses q, k and v per head, rotates only a quarter of
each head and runs attention and the MLP side by side on the same input.

The model's facts live here, read once from its config: `lm.arch.n_layers`, `lm.arch.d_head`,
`lm.arch.positional`, `lm.arch.parallel_residual`, `lm.arch.rotary_dims` ... Adding a family is
one class below and one entry in FAMILIES; a family that forgets a part fails when it is
instantiated (abstract methods), not later with None.

Shapes: T tokens, d width, H query heads, H_kv key/value heads, d_head, d_mlp.
Importing this module does not import torch: the adapters run once a model is loaded.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, ClassVar

if TYPE_CHECKING:
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


class Family(ABC):
    """What every adapter provides. `model` is a transformers *ForCausalLM in eval mode.

    The block's wiring, stated by each family:
      sequential (GPT-2, Llama)   x_mid = x + Attn(Norm₁(x));  x_out = x_mid + MLP(Norm₂(x_mid))
      parallel   (GPT-NeoX)       x_out = x + Attn(Norm₁(x)) + MLP(Norm₂(x))
    """

    name: ClassVar[str]  # the config's model_type; the key in FAMILIES
    activation: ClassVar[str]  # what the MLP applies, as the UI names it
    gated_mlp: ClassVar[bool]  # Llama: act(gate) * up; GPT-2, GPT-NeoX: act(fc)

    def __init__(self, model, *, n_layers: int, n_heads: int, n_kv_heads: int, d_model: int,
                 d_mlp: int, context_length: int):
        for fact in ("name", "activation", "gated_mlp"):
            if not hasattr(type(self), fact):
                raise TypeError(f"{type(self).__name__} does not state its {fact}")
        self.model, self.config = model, model.config
        self.n_layers, self.n_heads, self.n_kv_heads = n_layers, n_heads, n_kv_heads
        self.d_model, self.d_mlp, self.context_length = d_model, d_mlp, context_length

    # ---- facts derived from the above --------------------------------------------------------
    @property
    def d_head(self) -> int:
        return getattr(self.config, "head_dim", None) or self.d_model // self.n_heads

    @property
    def vocab_size(self) -> int:
        return self.token_embedding().shape[0]

    @property
    def positional(self) -> str:
        """"rotary" (q and k turned inside attention) or "learned" (a vector added per position)."""
        return "rotary" if self.rotary_dims else "learned"

    @property
    def norm_kind(self) -> str:
        """"LayerNorm" or "RMSNorm": what the family's norms are (their `Norm.kind`)."""
        return self.norm(self.final_norm()).kind

    def kv_head(self, head: int) -> int:
        """The key/value head a query head reads (grouped-query attention shares them)."""
        return head // (self.n_heads // self.n_kv_heads)

    # ---- the block's wiring ------------------------------------------------------------------
    @property
    @abstractmethod
    def parallel_residual(self) -> bool:
        """True when attention and the MLP both read the block's input (see the class doc)."""

    @property
    @abstractmethod
    def rotary_dims(self) -> int:
        """How many of each head's d_head dimensions rotary positions turn: 0 for none,
        d_head for Llama, a fraction of it for GPT-NeoX (pairs turned = rotary_dims / 2)."""

    def rotary_base(self) -> float | None:
        """The rotary base ("rope_theta"), for families that rotate."""
        return None

    # ---- modules -----------------------------------------------------------------------------
    @abstractmethod
    def blocks(self) -> list[torch.nn.Module]: ...

    @abstractmethod
    def norm_1(self, layer: int) -> torch.nn.Module:
        """The norm before attention."""

    @abstractmethod
    def norm_2(self, layer: int) -> torch.nn.Module:
        """The norm before the MLP."""

    @abstractmethod
    def final_norm(self) -> torch.nn.Module: ...

    @abstractmethod
    def attention(self, layer: int) -> torch.nn.Module:
        """The attention module: returns (output [.., d], weights)."""

    @abstractmethod
    def mlp(self, layer: int) -> torch.nn.Module:
        """The MLP module: returns [.., d]."""

    @abstractmethod
    def position_embedding(self) -> torch.Tensor | None:
        """[context, d] learned position vectors, or None where positions rotate q and k."""

    @abstractmethod
    def positions_module(self) -> torch.nn.Module:
        """The module that hands the blocks their positions, called once per forward pass:
        learned → the position-embedding table (returns [.., T, d], added to the token vectors);
        rotary → the rotary embedding (returns (cos, sin), each [.., T, rotary_dims], that turn
        q and k inside every attention). A hook on it removes the positions (core.interventions)."""

    @abstractmethod
    def norm(self, module: torch.nn.Module) -> Norm:
        """A norm module's parameters and kind."""

    def token_embedding(self) -> torch.Tensor:
        """[V, d] the learned token-embedding matrix."""
        return self.model.get_input_embeddings().weight

    def unembedding(self) -> tuple[torch.Tensor, torch.Tensor | None]:
        """W_U [V, d] and its bias (None): logits = W_U · Norm(h) (+ b)."""
        head = self.model.get_output_embeddings()
        return head.weight, head.bias

    def tied_embeddings(self) -> bool:
        return bool(getattr(self.config, "tie_word_embeddings", False))

    # ---- attention ---------------------------------------------------------------------------
    @abstractmethod
    def qkv(self, layer: int, x: torch.Tensor):
        """x [T, d], already normed → q [H, T, d_head], k and v [H_kv, T, d_head] (positions
        applied to q and k where the family rotates them)."""

    def attention_scaling(self, layer: int) -> float:
        scaling = self.attention(layer).scaling
        assert isinstance(scaling, (int, float)), f"{type(self).__name__}: attention.scaling is not a number"
        return float(scaling)

    @abstractmethod
    def attention_output_projection(self, layer: int) -> torch.nn.Module:
        """W_O (+ bias): the module whose input is the heads' outputs side by side, [.., T, H·d_head]
        with head h at [h·d_head, (h+1)·d_head), and whose output is the attention's [.., T, d].
        A pre-hook on it reaches one head's output (core.interventions)."""

    def attention_output(self, layer: int, z: torch.Tensor) -> torch.Tensor:
        """z [T, H·d_head], the heads' outputs side by side → [T, d] (W_O, + bias)."""
        return self.attention_output_projection(layer)(z)

    # ---- MLP ---------------------------------------------------------------------------------
    @abstractmethod
    def mlp_in(self, layer: int, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        """x [T, d] normed → (pre-activation [T, d_mlp], the gate's partner `up` [T, d_mlp] or None)."""

    @abstractmethod
    def act(self, pre: torch.Tensor) -> torch.Tensor:
        """The activation function itself, on any tensor (for curves)."""

    @abstractmethod
    def mlp_out(self, layer: int, act: torch.Tensor) -> torch.Tensor:
        """[T, d_mlp] after the activation (and gate) → [T, d]."""

    @abstractmethod
    def mlp_out_directions(self, layer: int) -> torch.Tensor:
        """[d_mlp, d]: row i is what unit i adds to the residual stream per unit of activation."""

    # ---- training-only -----------------------------------------------------------------------
    @abstractmethod
    def dropout(self) -> dict[str, float]:
        """Dropout probabilities from the config (used in training, off at inference), keyed
        by where they apply: "embeddings", "attention", "residual"."""


class GPT2(Family):
    """GPT-2: learned positions (`wpe`), LayerNorm, one fused q/k/v projection (Conv1D:
    x @ W + b), MLP d → 4d → d with GELU, sequential residual."""

    name = "gpt2"
    activation = "GELU"
    gated_mlp = False
    parallel_residual = False
    rotary_dims = 0

    def __init__(self, model):
        c = model.config
        super().__init__(model, n_layers=c.n_layer, n_heads=c.n_head, n_kv_heads=c.n_head,
                         d_model=c.n_embd, d_mlp=c.n_inner or 4 * c.n_embd, context_length=c.n_positions)

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

    def positions_module(self):
        return self.model.transformer.wpe

    def norm(self, module):
        return Norm("LayerNorm", module.weight, module.bias, float(module.eps))

    def qkv(self, layer, x):
        T, dh = x.shape[0], self.d_head
        q, k, v = self.attention(layer).c_attn(x).split(self.d_model, dim=-1)  # [T, d] each
        def heads(m):
            return m.view(T, self.n_heads, dh).transpose(0, 1)  # [H, T, dh]
        return heads(q), heads(k), heads(v)

    def attention_output_projection(self, layer):
        return self.attention(layer).c_proj

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
    projections with grouped key/value heads, gated MLP down(SiLU(gate(x)) · up(x)),
    sequential residual."""

    name = "llama"
    activation = "SiLU"
    gated_mlp = True
    parallel_residual = False

    def __init__(self, model):
        c = model.config
        super().__init__(model, n_layers=c.num_hidden_layers, n_heads=c.num_attention_heads,
                         n_kv_heads=c.num_key_value_heads or c.num_attention_heads,
                         d_model=c.hidden_size, d_mlp=c.intermediate_size,
                         context_length=c.max_position_embeddings)

    @property
    def rotary_dims(self):
        return 2 * len(self.positions_module().inv_freq)

    def rotary_base(self):
        return _rope_theta(self.config)

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

    def positions_module(self):
        return self.model.model.rotary_emb

    def norm(self, module):
        return Norm("RMSNorm", module.weight, None, float(module.variance_epsilon))

    def qkv(self, layer, x):
        import torch
        from transformers.models.llama.modeling_llama import apply_rotary_pos_emb

        attn, T, dh = self.attention(layer), x.shape[0], self.d_head
        q = attn.q_proj(x).view(T, self.n_heads, dh).transpose(0, 1)  # [H, T, dh]
        k = attn.k_proj(x).view(T, self.n_kv_heads, dh).transpose(0, 1)  # [H_kv, T, dh]
        v = attn.v_proj(x).view(T, self.n_kv_heads, dh).transpose(0, 1)
        cos, sin = self.positions_module()(x[None], torch.arange(T)[None])  # [1, T, dh] each
        q, k = apply_rotary_pos_emb(q[None], k[None], cos, sin)  # [1, H|H_kv, T, dh]
        return q[0], k[0], v

    def attention_output_projection(self, layer):
        return self.attention(layer).o_proj

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


class GPTNeoX(Family):
    """GPT-NeoX (Pythia): rotary positions on the first `rotary_dims` of each head (a quarter
    for Pythia), LayerNorm, one fused q/k/v projection laid out head by head, MLP d → 4d → d
    with GELU, and — with `use_parallel_residual` — attention and the MLP side by side on the
    same input: x_out = x + Attn(LN₁(x)) + MLP(LN₂(x))."""

    name = "gpt_neox"
    activation = "GELU"
    gated_mlp = False

    def __init__(self, model):
        c = model.config
        super().__init__(model, n_layers=c.num_hidden_layers, n_heads=c.num_attention_heads,
                         n_kv_heads=c.num_attention_heads, d_model=c.hidden_size,
                         d_mlp=c.intermediate_size, context_length=c.max_position_embeddings)

    @property
    def parallel_residual(self):
        return bool(self.config.use_parallel_residual)

    @property
    def rotary_dims(self):
        return 2 * len(self.positions_module().inv_freq)

    def rotary_base(self):
        return _rope_theta(self.config)

    def blocks(self):
        return list(self.model.gpt_neox.layers)

    def norm_1(self, layer):
        return self.model.gpt_neox.layers[layer].input_layernorm

    def norm_2(self, layer):
        return self.model.gpt_neox.layers[layer].post_attention_layernorm

    def final_norm(self):
        return self.model.gpt_neox.final_layer_norm

    def attention(self, layer):
        return self.model.gpt_neox.layers[layer].attention

    def mlp(self, layer):
        return self.model.gpt_neox.layers[layer].mlp

    def position_embedding(self):
        return None  # positions rotate (part of) q and k inside attention

    def positions_module(self):
        return self.model.gpt_neox.rotary_emb

    def norm(self, module):
        return Norm("LayerNorm", module.weight, module.bias, float(module.eps))

    def qkv(self, layer, x):
        import torch
        from transformers.models.gpt_neox.modeling_gpt_neox import apply_rotary_pos_emb

        T, dh = x.shape[0], self.d_head
        fused = self.attention(layer).query_key_value(x)  # [T, 3d], per head: q, k, v side by side
        q, k, v = fused.view(T, self.n_heads, 3 * dh).transpose(0, 1).chunk(3, dim=-1)  # [H, T, dh]
        cos, sin = self.positions_module()(x[None], torch.arange(T)[None])  # [1, T, rotary_dims]
        q, k = apply_rotary_pos_emb(q[None], k[None], cos, sin)  # turns the first rotary_dims only
        return q[0], k[0], v

    def attention_output_projection(self, layer):
        return self.attention(layer).dense

    def mlp_in(self, layer, x):
        return self.mlp(layer).dense_h_to_4h(x), None

    def act(self, pre):
        return self.mlp(0).act(pre)

    def mlp_out(self, layer, act):
        return self.mlp(layer).dense_4h_to_h(act)

    def mlp_out_directions(self, layer):
        return self.mlp(layer).dense_4h_to_h.weight.T  # Linear keeps W as [out, in]

    def dropout(self):
        c = self.config
        return {"embeddings": float(c.hidden_dropout), "attention": float(c.attention_dropout),
                "residual": float(c.hidden_dropout)}


def _rope_theta(config) -> float:
    params = getattr(config, "rope_parameters", None) or {}  # transformers 5 keeps it here
    return float(params.get("rope_theta") or getattr(config, "rope_theta", None) or 10000.0)


# family name → its adapter class, called with the loaded model
FAMILIES: dict[str, Callable[[Any], Family]] = {family.name: family for family in (GPT2, Llama, GPTNeoX)}


def family_of(model) -> Family:
    """The adapter for a loaded model (KeyError for a family the app doesn't know)."""
    return FAMILIES[model.config.model_type](model)
