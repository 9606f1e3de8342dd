"""Where each model family keeps its parts, and how its block is wired: one adapter per family.

Nothing else in the app knows a module path. A page asks the adapter for "block 3's first
norm" or "the queries of layer 5", and the adapter knows that GPT-2 calls it
`transformer.h[3].ln_1` and splits one fused `c_attn`, that Llama calls it
`model.layers[3].input_layernorm` and has `q_proj`, grouped key/value heads and rotary
positions, and that GPT-NeoX (Pythia) fuses q, k and v per head, rotates only a quarter of
each head and runs attention and the MLP side by side on the same input.

The model's facts live here, read once from its config: `lm.arch.n_layers`, `lm.arch.d_head`,
`lm.arch.positional`, `lm.arch.parallel_residual`, `lm.arch.rotary_dims`, where the norm sits
(`norm_placement`: before or after each sublayer) and whether one norm serves both
(`shared_norm`, GPT-J), the rotary pairing (`rotary_layout`), the position table's offset (OPT),
q/k/v biases, projections between the embedding's width and the stack's (`project_in`,
`project_out`: opt-350m) ... Every page, Home and the questions read these facts and never a
family's name. The sublayers' outputs are hook points (`attention_point`, `mlp_point`), apart
from the parameters they own (OPT's MLP is fc1 and fc2 on the layer, no module of its own).
Adding a family is one class below (a subclass where it is wired as another) and one entry in
FAMILIES; a family that forgets a part fails when it is instantiated (abstract methods), not
later with None.

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


class Handles:
    """Several hook handles removed as one (a hook point may need more than one hook)."""

    def __init__(self, handles: list):
        self.handles = handles

    def remove(self) -> None:
        for h in self.handles:
            h.remove()


class HookPoint:
    """Where a sublayer's output can be read or replaced: `register(fn)` calls fn(y) with the
    output as [B, T, d] (the first element where the module returns a tuple) and puts what fn
    returns (not None) in its place. A family whose module sees the tokens flattened, [B·T, d]
    (OPT's fc2), names a module `shaped_by` that runs before it in the same block and returns
    [B, T, d'] first: its output's leading shape restores [B, T]."""

    def __init__(self, module: torch.nn.Module, shaped_by: torch.nn.Module | None = None):
        self.module, self.shaped_by = module, shaped_by

    def register(self, fn) -> Handles:
        shape: dict = {}
        handles = []
        if self.shaped_by is not None:

            def note(module, args, output):
                y = output[0] if isinstance(output, tuple) else output
                shape["bt"] = tuple(y.shape[:-1])

            handles.append(self.shaped_by.register_forward_hook(note))

        def hook(module, args, output):
            y = output[0] if isinstance(output, tuple) else output
            flat = y.shape
            if "bt" in shape:
                y = y.reshape(*shape["bt"], flat[-1])  # [B, T, d]
            new = fn(y)
            if new is None:
                return None
            new = new.reshape(flat)
            return (new, *output[1:]) if isinstance(output, tuple) else new

        handles.append(self.module.register_forward_hook(hook))
        return Handles(handles)


class Family(ABC):
    """What every adapter provides. `model` is a transformers *ForCausalLM in eval mode.

    The block's wiring, stated by each family (facts below, read by core.block and the pages):
      pre-norm, sequential    x_mid = x + Attn(Norm₁(x));  x_out = x_mid + MLP(Norm₂(x_mid))
      pre-norm, parallel      x_out = x + Attn(Norm₁(x)) + MLP(Norm₂(x))
        (with one shared norm Norm₂ is Norm₁: x_out = x + Attn(Norm(x)) + MLP(Norm(x)))
      post-norm, sequential   x_mid = Norm₁(x + Attn(x));  x_out = Norm₂(x_mid + MLP(x_mid))
    """

    name: ClassVar[str]  # the config's model_type; the key in FAMILIES
    activation: ClassVar[str]  # what the MLP applies, as the UI names it
    gated_mlp: ClassVar[bool]  # Llama: act(gate) * up; GPT-2, GPT-NeoX: act(fc)

    def __init__(
        self, model, *, n_layers: int, n_heads: int, n_kv_heads: int, d_model: int, d_mlp: int, context_length: int
    ):
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
        """ "rotary" (q and k turned inside attention) or "learned" (a vector added per position)."""
        return "rotary" if self.rotary_dims else "learned"

    @property
    def norm_kind(self) -> str:
        """ "LayerNorm" or "RMSNorm": what the family's norms are (their `Norm.kind`)."""
        return self.norm(self.norm_1(0)).kind

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

    @property
    def rotary_layout(self) -> str:
        """Which dimensions turn together: "halves" (i with i + rotary_dims/2: Llama, GPT-NeoX)
        or "pairs" (2i with 2i+1: GPT-J)."""
        return "halves"

    @property
    def norm_placement(self) -> str:
        """ "pre" (each sublayer reads a normed copy of the stream) or "post" (the norm comes
        after each residual addition, as in the 2017 paper and OPT-350m)."""
        return "pre"

    @property
    def shared_norm(self) -> bool:
        """True when one norm serves both sublayers (GPT-J: norm_2 is norm_1)."""
        return False

    @property
    def additive_stream(self) -> bool:
        """True when the stream is the sum of what each part wrote (pre-norm), so a logit
        splits into one share per part; a post-norm stream is renormalised after each part."""
        return self.norm_placement == "pre"

    @property
    def position_offset(self) -> int:
        """Rows of the learned position table before position 0's (OPT keeps 2)."""
        return 0

    @property
    @abstractmethod
    def qkv_bias(self) -> bool:
        """True when the q, k and v projections add a bias."""

    @property
    def d_embed(self) -> int:
        """The token-embedding width (the stack's width d_model unless projections sit between)."""
        return self.token_embedding().shape[1]

    def project_in(self) -> torch.nn.Module | None:
        """d_embed → d_model before the first block, or None (no projection)."""
        return None

    def project_out(self) -> torch.nn.Module | None:
        """d_model → d_embed after the last block (and its final norm), or None."""
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
    def final_norm(self) -> torch.nn.Module | None:
        """The norm after the last block, or None (a post-norm stack ends normed)."""

    @abstractmethod
    def attention(self, layer: int) -> torch.nn.Module:
        """The attention module: returns (output [.., d], weights)."""

    def attention_point(self, layer: int) -> HookPoint:
        """Where the attention's output [B, T, d] (after W_O) is read or replaced."""
        return HookPoint(self.attention(layer))

    @abstractmethod
    def mlp_point(self, layer: int) -> HookPoint:
        """Where the MLP's output [B, T, d] is read or replaced."""

    @abstractmethod
    def mlp_parameters(self, layer: int) -> list[torch.nn.Parameter]:
        """Every parameter the MLP owns (OPT has no MLP module: fc1 and fc2 sit on the layer)."""

    def attention_parameters(self, layer: int) -> list[torch.nn.Parameter]:
        return list(self.attention(layer).parameters())

    def norm_parameters(self, layer: int) -> list[torch.nn.Parameter]:
        """The block's norms' parameters, a shared norm counted once."""
        norms = [self.norm_1(layer)] + ([] if self.shared_norm else [self.norm_2(layer)])
        return [p for m in norms for p in m.parameters()]

    @abstractmethod
    def position_embedding(self) -> torch.Tensor | None:
        """[context, d] learned position vectors, row p for position p (an offset skipped),
        or None where positions rotate q and k."""

    @abstractmethod
    def positions_module(self) -> torch.nn.Module | None:
        """The module that hands the blocks their positions, called once per forward pass:
        learned → the position-embedding table (returns [.., T, d], added to the token vectors);
        rotary → the rotary embedding (returns (cos, sin), each [.., T, rotary_dims], that turn
        q and k inside every attention); None where each attention computes its own (GPT-J)."""

    def remove_positions(self, how: str) -> Handles:
        """Hooks that take the positions out of the forward pass (core.interventions). Learned:
        the position vectors [.., T, d] zeroed ("zero") or each the mean of the prompt's ("mean").
        Rotary: every position given position 0's (cos, sin) — angle 0, q and k not turned
        (both ways: only differences of angles reach the scores)."""
        import torch

        if self.positional == "learned":

            def hook(module, args, output):
                if how == "zero":
                    return torch.zeros_like(output)
                return output.mean(dim=-2, keepdim=True).expand_as(output)
        else:

            def hook(module, args, output):
                cos, sin = output
                return cos[..., :1, :].expand_as(cos), sin[..., :1, :].expand_as(sin)

        module = self.positions_module()
        if module is None:  # a family whose attentions compute their own positions overrides this
            raise NotImplementedError(f"{type(self).__name__} has no positions module to hook")
        return Handles([module.register_forward_hook(hook)])

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

    def token_vectors(self, ids) -> torch.Tensor:
        """[T, d] what the stack receives for these tokens: their rows (through project_in)."""
        rows = self.token_embedding()[ids]
        project = self.project_in()
        return rows if project is None else project(rows)

    def readout(self, h: torch.Tensor) -> torch.Tensor:
        """[.., d] the stream after the last block → [.., V] logits: the final norm (if any),
        project_out (if any), the unembedding."""
        norm, project = self.final_norm(), self.project_out()
        h = h if norm is None else norm(h)
        h = h if project is None else project(h)
        W_U, b = self.unembedding()
        # W_U @ hᵀ rather than h @ W_Uᵀ: the same product, but MKL takes a slow path for a
        # 13-row input against a 50,257-row matrix (19 ms against 9 ms).
        out = (W_U @ h.reshape(-1, h.shape[-1]).T).T.reshape(*h.shape[:-1], -1)
        return out if b is None else out + b

    def stream_unembedding(self) -> torch.Tensor:
        """[V, d] W_U as the stream's width sees it: W_U · W_project_out where the embedding is
        narrower than the stack (what a direction in the stream adds to each logit, norm aside)."""
        import torch

        W_U, project = self.unembedding()[0], self.project_out()
        if project is None:
            return W_U
        weight = project.weight
        assert isinstance(weight, torch.Tensor)  # a Linear's weight
        return W_U @ weight  # [V, d_embed] @ [d_embed, d]

    def stream_end(self) -> torch.nn.Module:
        """The module whose input is the stream after the last block, [B, T, d]."""
        return self.final_norm() or self.project_out() or self.model.get_output_embeddings()

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

    def attention_input(self, layer: int, x: torch.Tensor) -> torch.Tensor:
        """What attention reads from the stream x [T, d]: Norm₁(x) (pre-norm) or x (post-norm)."""
        return self.norm_1(layer)(x) if self.norm_placement == "pre" else x

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


class ModuleMLP(Family):
    """A family whose MLP is one module (`mlp(layer)`) returning [.., T, d]."""

    @abstractmethod
    def mlp(self, layer: int) -> torch.nn.Module: ...

    def mlp_point(self, layer):
        return HookPoint(self.mlp(layer))

    def mlp_parameters(self, layer):
        return list(self.mlp(layer).parameters())


class GPT2(ModuleMLP):
    """GPT-2: learned positions (`wpe`), LayerNorm, one fused q/k/v projection (Conv1D:
    x @ W + b), MLP d → 4d → d with GELU, sequential residual."""

    name = "gpt2"
    activation = "GELU"
    gated_mlp = False
    parallel_residual = False
    rotary_dims = 0
    qkv_bias = True

    def __init__(self, model):
        c = model.config
        super().__init__(
            model,
            n_layers=c.n_layer,
            n_heads=c.n_head,
            n_kv_heads=c.n_head,
            d_model=c.n_embd,
            d_mlp=c.n_inner or 4 * c.n_embd,
            context_length=c.n_positions,
        )

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
        return {"embeddings": float(c.embd_pdrop), "attention": float(c.attn_pdrop), "residual": float(c.resid_pdrop)}


class Llama(ModuleMLP):
    """Llama family (SmolLM2): rotary positions on q and k, RMSNorm, separate q/k/v/o
    projections with grouped key/value heads, gated MLP down(SiLU(gate(x)) · up(x)),
    sequential residual."""

    name = "llama"
    activation = "SiLU"
    gated_mlp = True
    parallel_residual = False

    @property
    def qkv_bias(self):
        return bool(getattr(self.config, "attention_bias", False))

    def __init__(self, model):
        c = model.config
        super().__init__(
            model,
            n_layers=c.num_hidden_layers,
            n_heads=c.num_attention_heads,
            n_kv_heads=c.num_key_value_heads or c.num_attention_heads,
            d_model=c.hidden_size,
            d_mlp=c.intermediate_size,
            context_length=c.max_position_embeddings,
        )

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


class GPTNeoX(ModuleMLP):
    """GPT-NeoX (Pythia): rotary positions on the first `rotary_dims` of each head (a quarter
    for Pythia), LayerNorm, one fused q/k/v projection laid out head by head, MLP d → 4d → d
    with GELU, and — with `use_parallel_residual` — attention and the MLP side by side on the
    same input: x_out = x + Attn(LN₁(x)) + MLP(LN₂(x))."""

    name = "gpt_neox"
    activation = "GELU"
    gated_mlp = False

    @property
    def qkv_bias(self):
        return bool(getattr(self.config, "attention_bias", True))

    def __init__(self, model):
        c = model.config
        super().__init__(
            model,
            n_layers=c.num_hidden_layers,
            n_heads=c.num_attention_heads,
            n_kv_heads=c.num_attention_heads,
            d_model=c.hidden_size,
            d_mlp=c.intermediate_size,
            context_length=c.max_position_embeddings,
        )

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
        return {
            "embeddings": float(c.hidden_dropout),
            "attention": float(c.attention_dropout),
            "residual": float(c.hidden_dropout),
        }


class Qwen2(Llama):
    """Qwen2: wired as Llama (rotary on every number of each head in halves, RMSNorm, grouped
    key/value heads, gated SiLU MLP), with biases on the q, k and v projections (W_O has none)."""

    name = "qwen2"
    qkv_bias = True


class GPTJ(ModuleMLP):
    """GPT-J: one LayerNorm shared by attention and the MLP, which run side by side on it
    (x_out = x + Attn(LN(x)) + MLP(LN(x))); rotary positions on the first `rotary_dim` numbers
    of each head, turned in interleaved pairs (2i, 2i+1); no positions module — every attention
    looks its sin and cos up by position id; q, k, v and W_O without biases; MLP d → 4d → d, GELU."""

    name = "gptj"
    activation = "GELU"
    gated_mlp = False
    parallel_residual = True
    shared_norm = True
    rotary_layout = "pairs"
    qkv_bias = False

    def __init__(self, model):
        c = model.config
        super().__init__(
            model,
            n_layers=c.n_layer,
            n_heads=c.n_head,
            n_kv_heads=c.n_head,
            d_model=c.n_embd,
            d_mlp=c.n_inner or 4 * c.n_embd,
            context_length=c.n_positions,
        )

    @property
    def rotary_dims(self):
        return int(self.config.rotary_dim or self.d_head)

    def rotary_base(self):
        return 10000.0  # fixed in GPT-J's create_sinusoidal_positions

    def blocks(self):
        return list(self.model.transformer.h)

    def norm_1(self, layer):
        return self.model.transformer.h[layer].ln_1

    def norm_2(self, layer):
        return self.model.transformer.h[layer].ln_1  # the one norm both sublayers read

    def final_norm(self):
        return self.model.transformer.ln_f

    def attention(self, layer):
        return self.model.transformer.h[layer].attn

    def attention_scaling(self, layer):
        return 1.0 / float(self.attention(layer).scale_attn)

    def mlp(self, layer):
        return self.model.transformer.h[layer].mlp

    def position_embedding(self):
        return None

    def positions_module(self):
        return None  # each attention computes its own sin and cos from the position ids

    def remove_positions(self, how):
        import torch

        def hook(module, args, kwargs):  # every position id 0: angle 0, nothing turns
            return args, {**kwargs, "position_ids": torch.zeros_like(kwargs["position_ids"])}

        return Handles(
            [self.attention(i).register_forward_pre_hook(hook, with_kwargs=True) for i in range(self.n_layers)]
        )

    def norm(self, module):
        return Norm("LayerNorm", module.weight, module.bias, float(module.eps))

    def qkv(self, layer, x):
        import torch
        from transformers.models.gptj.modeling_gptj import apply_rotary_pos_emb

        attn, T, dh, r = self.attention(layer), x.shape[0], self.d_head, self.rotary_dims
        sin, cos = attn.embed_positions[:T][None].to(x.dtype).chunk(2, dim=-1)  # [1, T, r/2] each
        q = attn.q_proj(x).view(1, T, self.n_heads, dh)
        k = attn.k_proj(x).view(1, T, self.n_heads, dh)
        v = attn.v_proj(x).view(T, self.n_heads, dh).transpose(0, 1)  # [H, T, dh]
        turn = lambda m: torch.cat([apply_rotary_pos_emb(m[..., :r], sin, cos), m[..., r:]], -1)  # noqa: E731
        return turn(q)[0].transpose(0, 1), turn(k)[0].transpose(0, 1), v

    def attention_output_projection(self, layer):
        return self.attention(layer).out_proj

    def mlp_in(self, layer, x):
        return self.mlp(layer).fc_in(x), None

    def act(self, pre):
        return self.mlp(0).act(pre)

    def mlp_out(self, layer, act):
        return self.mlp(layer).fc_out(act)

    def mlp_out_directions(self, layer):
        return self.mlp(layer).fc_out.weight.T

    def dropout(self):
        c = self.config
        return {"embeddings": float(c.embd_pdrop), "attention": float(c.attn_pdrop), "residual": float(c.resid_pdrop)}


class OPT(Family):
    """OPT: learned positions kept in a table whose first 2 rows no position uses (position p
    reads row p + 2); LayerNorm before each sublayer (opt-125m) or after it (opt-350m:
    `do_layer_norm_before=False`, no final norm); sequential residual; q/k/v/W_O with biases;
    a ReLU MLP with no module of its own (fc1 and fc2 sit on the layer and see the tokens
    flattened, [B·T, d]); where the embedding is narrower than the stack (opt-350m: 512 and
    1024), project_in and project_out between them."""

    name = "opt"
    activation = "ReLU"
    gated_mlp = False
    parallel_residual = False
    rotary_dims = 0

    def __init__(self, model):
        c = model.config
        super().__init__(
            model,
            n_layers=c.num_hidden_layers,
            n_heads=c.num_attention_heads,
            n_kv_heads=c.num_attention_heads,
            d_model=c.hidden_size,
            d_mlp=c.ffn_dim,
            context_length=c.max_position_embeddings,
        )

    def _decoder(self):
        return self.model.model.decoder

    @property
    def norm_placement(self):
        return "pre" if self.config.do_layer_norm_before else "post"

    @property
    def qkv_bias(self):
        return bool(self.config.enable_bias)

    @property
    def position_offset(self):
        return int(self._decoder().embed_positions.offset)

    def project_in(self):
        return self._decoder().project_in

    def project_out(self):
        return self._decoder().project_out

    def blocks(self):
        return list(self._decoder().layers)

    def norm_1(self, layer):
        return self._decoder().layers[layer].self_attn_layer_norm

    def norm_2(self, layer):
        return self._decoder().layers[layer].final_layer_norm

    def final_norm(self):
        return self._decoder().final_layer_norm

    def attention(self, layer):
        return self._decoder().layers[layer].self_attn

    def mlp_point(self, layer):
        block = self._decoder().layers[layer]
        return HookPoint(block.fc2, shaped_by=block.self_attn)  # fc2 sees [B·T, d]

    def mlp_parameters(self, layer):
        block = self._decoder().layers[layer]
        return [*block.fc1.parameters(), *block.fc2.parameters()]

    def position_embedding(self):
        rows = self._decoder().embed_positions.weight
        return rows[self.position_offset : self.position_offset + self.context_length]

    def positions_module(self):
        return self._decoder().embed_positions

    def norm(self, module):
        return Norm("LayerNorm", module.weight, module.bias, float(module.eps))

    def qkv(self, layer, x):
        attn, T, dh = self.attention(layer), x.shape[0], self.d_head
        heads = lambda m: m.view(T, self.n_heads, dh).transpose(0, 1)  # noqa: E731  [H, T, dh]
        return heads(attn.q_proj(x)), heads(attn.k_proj(x)), heads(attn.v_proj(x))

    def attention_output_projection(self, layer):
        return self.attention(layer).out_proj

    def mlp_in(self, layer, x):
        return self._decoder().layers[layer].fc1(x), None

    def act(self, pre):
        return self._decoder().layers[0].activation_fn(pre)

    def mlp_out(self, layer, act):
        return self._decoder().layers[layer].fc2(act)

    def mlp_out_directions(self, layer):
        return self._decoder().layers[layer].fc2.weight.T

    def dropout(self):
        c = self.config
        return {"attention": float(c.attention_dropout), "residual": float(c.dropout)}


def _rope_theta(config) -> float:
    params = getattr(config, "rope_parameters", None) or {}  # transformers 5 keeps it here
    return float(params.get("rope_theta") or getattr(config, "rope_theta", None) or 10000.0)


# family name → its adapter class, called with the loaded model
FAMILIES: dict[str, Callable[[Any], Family]] = {
    family.name: family for family in (GPT2, Llama, GPTNeoX, GPTJ, OPT, Qwen2)
}


def family_of(model) -> Family:
    """The adapter for a loaded model (KeyError for a family the app doesn't know)."""
    return FAMILIES[model.config.model_type](model)
