"""One Transformer block recomputed from its weights, and who wrote the prediction.

A block is two residual equations, wired as its family states (core.arch). Pre-norm, sequential:

    x_mid = x + Attn(Norm₁(x))
    x_out = x_mid + MLP(Norm₂(x_mid))

Parallel: both sublayers read the block's input (with one shared norm, Norm₂ is Norm₁),

    x_out = x + Attn(Norm₁(x)) + MLP(Norm₂(x))

Post-norm: each norm comes after its residual addition,

    x_mid = Norm₁(x + Attn(x));  x_out = Norm₂(x_mid + MLP(x_mid))

The family adapter says which (`norm_placement`, `parallel_residual`, `shared_norm`); nothing
here decides it.

    steps = block_steps(lm, trace, layer=5)     # every intermediate, for every token (numpy)
    steps.resid_post ≈ trace.resid_post(5)       # steps.model_diff: the model's own hidden state
    parts = logit_attribution(lm, trace, token_id)   # embedding, each attention, each MLP

Shapes: T tokens, d width, H heads, d_mlp the MLP's hidden width, V vocabulary, L blocks.
Everything goes through the family adapter (core.arch); the block's input is the cached
residual stream (trace.resid_pre), so nothing but this one block runs again. Importing this
module does not import torch (the functions do, on the model thread).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from core.arch import Norm
from core.attention import all_heads
from core.models import LM, on_model_thread
from core.trace import Trace

if TYPE_CHECKING:
    import torch


@dataclass
class NormSteps:
    """A norm written out for every token: LayerNorm (x − mean) / std · γ + β, or RMSNorm
    x / rms · γ."""

    kind: str  # "LayerNorm" | "RMSNorm"
    x: np.ndarray  # [T, d] what the norm reads
    mean: np.ndarray | None  # [T] (LayerNorm only: it subtracts the mean)
    scale: np.ndarray  # [T] std = sqrt(var + eps) (LayerNorm) or rms = sqrt(mean(x²) + eps)
    normalized: np.ndarray  # [T, d] before γ and β
    gamma: np.ndarray  # [d]
    beta: np.ndarray | None  # [d] (LayerNorm only)
    out: np.ndarray  # [T, d] by the formula above
    module_diff: float  # max |formula − the model's own norm module|


@dataclass
class BlockSteps:
    layer: int
    parallel: bool  # the wiring: True when Norm₂ reads x (not x_mid), see the module doc
    resid_pre: np.ndarray  # [T, d] x, the residual stream entering the block
    norm_1: NormSteps
    ln1: np.ndarray  # [T, d] Norm₁'s output: Norm₁(x) (pre-norm), Norm₁(x + attn_out) = resid_mid (post-norm)
    attn_out: np.ndarray  # [T, d] Attn(Norm₁(x)): every head, concatenated, through W_O
    resid_mid: np.ndarray  # [T, d] x + attn_out: the stream once attention has written
    mlp_in: np.ndarray  # [T, d] what Norm₂ reads: resid_mid (sequential) or resid_pre (parallel);
    #                     post-norm: resid_mid + mlp_out
    norm_2: NormSteps
    ln2: np.ndarray  # [T, d] Norm₂(mlp_in) (post-norm: the block's output)
    mlp_pre: np.ndarray  # [T, d_mlp] before the activation (Llama: the gate's input to SiLU)
    mlp_up: np.ndarray | None  # [T, d_mlp] Llama: the up projection the gate multiplies
    mlp_act: np.ndarray  # [T, d_mlp] after the activation (Llama: SiLU(gate) · up)
    mlp_out: np.ndarray  # [T, d] back down to d
    resid_post: np.ndarray  # [T, d] x + attn_out + mlp_out, the block's output
    # against what the model itself computed in the traced forward pass (not a recomputation):
    model_diff: float  # max |resid_post − the model's hidden state after this block|, every token
    mlp_diff: float  # max |mlp_out − the model's own MLP output| at the last token


def norm_steps(norm: Norm, module: torch.nn.Module, x: torch.Tensor) -> NormSteps:
    """x [T, d] through a norm, by its formula, beside the model's own module."""
    import torch

    x = x.double()
    gamma = norm.weight.detach().double()
    if norm.centred:
        mean = x.mean(-1, keepdim=True)  # [T, 1]
        scale = torch.sqrt(((x - mean) ** 2).mean(-1, keepdim=True) + norm.eps)  # biased variance
        normalized = (x - mean) / scale
        out = normalized * gamma + (0 if norm.bias is None else norm.bias.detach().double())
    else:
        mean = None
        scale = torch.sqrt((x**2).mean(-1, keepdim=True) + norm.eps)
        normalized = x / scale
        out = normalized * gamma
    own = module(x.float()).double()
    return NormSteps(
        kind=norm.kind,
        x=x.float().numpy(),
        mean=None if mean is None else mean[:, 0].numpy(),
        scale=scale[:, 0].numpy(),
        normalized=normalized.numpy(),
        gamma=gamma.numpy(),
        beta=None if norm.bias is None else norm.bias.detach().double().numpy(),
        out=out.numpy(),
        module_diff=float((out - own).abs().max()),
    )


def block_steps(lm: LM, trace: Trace, layer: int) -> BlockSteps:
    """Every intermediate of block `layer` for every token, from its weights (model thread),
    checked against the model's own hidden state and MLP output in the trace."""
    if not 0 <= layer < lm.arch.n_layers:
        raise ValueError(f"layer {layer} out of range ({lm.arch.n_layers} layers)")
    steps = on_model_thread(_block_steps, lm, np.array(trace.resid_pre(layer), dtype=np.float32), layer)
    steps.model_diff = float(np.abs(steps.resid_post - trace.resid_post(layer)).max())
    steps.mlp_diff = float(np.abs(steps.mlp_out[-1] - trace.mlp_out_last[layer]).max())
    return steps


@dataclass
class BlockPass:
    """One pass through a block, every intermediate kept (torch, differentiable)."""

    ln1: torch.Tensor  # [T, d] Norm₁(x)
    attn_out: torch.Tensor  # [T, d] Attn(Norm₁(x))
    resid_mid: torch.Tensor  # [T, d] x + attn_out (attn_out alone with the skip paths cut)
    mlp_in: torch.Tensor  # [T, d] what Norm₂ reads, as the family wires the block
    ln2: torch.Tensor  # [T, d]
    pre: torch.Tensor  # [T, d_mlp] before the activation (the gate's input for a gated MLP)
    up: torch.Tensor | None  # [T, d_mlp] the gate's partner, or None
    act: torch.Tensor  # [T, d_mlp]
    mlp_out: torch.Tensor  # [T, d]
    out: torch.Tensor  # [T, d] x + attn_out + mlp_out (without x when the skip paths are cut)


def block_forward(lm: LM, layer: int, x: torch.Tensor, skip: bool = True) -> BlockPass:
    """Block `layer` on x [T, d] from its weights, as its family wires it (core.arch.Family):
    pre-norm sequential, Norm₂ reads x_mid; pre-norm parallel, Norm₂ reads x (a shared norm is
    Norm₁ itself); post-norm, each norm comes after its residual addition. skip=False removes
    the skip paths: the block's output is only what its sublayers compute (core.residual)."""
    arch = lm.arch
    keep = (lambda v: v) if skip else (lambda v: 0)  # noqa: E731  the skip path, or none
    if arch.norm_placement == "post":  # x_mid = Norm₁(x + Attn(x)); x_out = Norm₂(x_mid + MLP(x_mid))
        heads = all_heads(lm, layer, x)  # [H, T, dh]
        attn_out = arch.attention_output(layer, heads.transpose(0, 1).reshape(x.shape[0], -1))  # [T, d]
        ln1 = arch.norm_1(layer)(keep(x) + attn_out)
        resid_mid = ln1
        pre, up = arch.mlp_in(layer, resid_mid)
        act = arch.act(pre) if up is None else arch.act(pre) * up
        mlp_out = arch.mlp_out(layer, act)
        mlp_in = keep(resid_mid) + mlp_out
        ln2 = arch.norm_2(layer)(mlp_in)
        return BlockPass(ln1, attn_out, resid_mid, mlp_in, ln2, pre, up, act, mlp_out, ln2)
    ln1 = arch.norm_1(layer)(x)  # [T, d]
    heads = all_heads(lm, layer, ln1)  # [H, T, dh]
    attn_out = arch.attention_output(layer, heads.transpose(0, 1).reshape(x.shape[0], -1))  # [T, d]
    resid_mid = keep(x) + attn_out
    mlp_in = x if arch.parallel_residual else resid_mid  # the wiring, as the family states it
    ln2 = arch.norm_2(layer)(mlp_in)
    pre, up = arch.mlp_in(layer, ln2)  # [T, d_mlp] (and the gate's partner)
    act = arch.act(pre) if up is None else arch.act(pre) * up
    mlp_out = arch.mlp_out(layer, act)  # [T, d]
    out = keep(x) + attn_out + mlp_out
    return BlockPass(ln1, attn_out, resid_mid, mlp_in, ln2, pre, up, act, mlp_out, out)


def _block_steps(lm: LM, resid_pre: np.ndarray, layer: int) -> BlockSteps:
    import torch

    arch = lm.arch
    x = torch.from_numpy(resid_pre)  # [T, d]
    b = block_forward(lm, layer, x)
    n1, n2 = arch.norm_1(layer), arch.norm_2(layer)

    def numpy(t):
        return t.detach().float().numpy()

    norm_1_in = x if arch.norm_placement == "pre" else x + b.attn_out  # what Norm₁ reads
    return BlockSteps(
        layer=layer,
        parallel=arch.parallel_residual,
        resid_pre=resid_pre,
        norm_1=norm_steps(arch.norm(n1), n1, norm_1_in.detach()),
        ln1=numpy(b.ln1),
        attn_out=numpy(b.attn_out),
        resid_mid=numpy(b.resid_mid),
        mlp_in=numpy(b.mlp_in),
        norm_2=norm_steps(arch.norm(n2), n2, b.mlp_in.detach()),
        ln2=numpy(b.ln2),
        mlp_pre=numpy(b.pre),
        mlp_up=None if b.up is None else numpy(b.up),
        mlp_act=numpy(b.act),
        mlp_out=numpy(b.mlp_out),
        resid_post=numpy(b.out),
        model_diff=float("nan"),
        mlp_diff=float("nan"),
    )


# --------------------------------------------------------------------------- the block's equations


def block_wiring(arch) -> str:
    """How the family wires its block, from the adapter's facts: "sequential", "parallel",
    "parallel_shared" (one norm for both sublayers) or "post" (post-norm)."""
    if arch.norm_placement == "post":
        return "post"
    if arch.parallel_residual:
        return "parallel_shared" if arch.shared_norm else "parallel"
    return "sequential"


def block_equations(arch) -> list[str]:
    """The block's equations in LaTeX, one per line, as the family wires it (its own norm)."""
    n = r"\mathrm{%s}" % arch.norm_kind
    wiring = block_wiring(arch)
    if wiring == "post":
        return [
            r"x_{\mathrm{mid}} = %s_1\big(x + \mathrm{Attn}(x)\big)" % n,
            r"x_{\mathrm{out}} = %s_2\big(x_{\mathrm{mid}} + \mathrm{MLP}(x_{\mathrm{mid}})\big)" % n,
        ]
    if wiring == "parallel_shared":
        return [r"x_{\mathrm{out}} = x + \mathrm{Attn}\big(%s(x)\big) + \mathrm{MLP}\big(%s(x)\big)" % (n, n)]
    if wiring == "parallel":
        return [r"x_{\mathrm{out}} = x + \mathrm{Attn}\big(%s_1(x)\big) + \mathrm{MLP}\big(%s_2(x)\big)" % (n, n)]
    return [
        r"x_{\mathrm{mid}} = x + \mathrm{Attn}\big(%s_1(x)\big)" % n,
        r"x_{\mathrm{out}} = x_{\mathrm{mid}} + \mathrm{MLP}\big(%s_2(x_{\mathrm{mid}})\big)" % n,
    ]


# --------------------------------------------------------------------------- the block's weights


def parameter_split(lm: LM, layer: int = 0) -> dict[str, int]:
    """How many parameters one block spends on attention, on the MLP and on its norms (one
    shared norm counted once)."""
    arch = lm.arch

    def count(ps):
        return sum(p.numel() for p in ps)

    return {
        "attention": count(arch.attention_parameters(layer)),
        "mlp": count(arch.mlp_parameters(layer)),
        "norms": count(arch.norm_parameters(layer)),
    }


def activation_curve(lm: LM, lo: float = -4.0, hi: float = 4.0, n: int = 161) -> dict[str, np.ndarray]:
    """The model's activation function (and ReLU, the original paper's) on a grid of inputs."""
    import torch

    x = torch.linspace(lo, hi, n)
    with torch.no_grad():
        return {"x": x.numpy(), "model": lm.arch.act(x).numpy(), "relu": torch.relu(x).numpy()}


def activation_of(lm: LM, values) -> np.ndarray:
    """The model's activation function on these numbers (for points on its curve)."""
    import torch

    with torch.no_grad():
        return lm.arch.act(torch.as_tensor(np.asarray(values), dtype=torch.float32)).numpy()


def unit_writes(lm: LM, steps: BlockSteps, position: int, n_units: int = 8, n_tokens: int = 8):
    """The units most active for one token, and for each the vocabulary tokens its output
    scaled by its activation pushes up most: act_i · (W_U · W_out[i]).
    Returns [(unit, activation, [(token id, logit change)])]."""
    import torch

    act = steps.mlp_act[position]  # [d_mlp]
    units = np.argsort(-np.abs(act))[:n_units]

    def compute():
        W_out = lm.arch.mlp_out_directions(steps.layer)[torch.as_tensor(units)]  # [n, d]
        W_U = lm.arch.stream_unembedding()  # [V, d]
        effect = (W_U @ W_out.T).T * torch.as_tensor(act[units])[:, None]  # [n, V]
        top = torch.topk(effect, min(n_tokens, effect.shape[-1]), dim=-1)
        return top.indices.numpy(), top.values.float().numpy()

    ids, values = on_model_thread(compute)
    return [(int(u), float(act[u]), list(zip(ids[i].tolist(), values[i].tolist()))) for i, u in enumerate(units)]


# --------------------------------------------------------------------------- who wrote the logit


@dataclass
class Attribution:
    """A next-token logit split into what each part of the residual stream wrote into it."""

    token_id: int
    names: list[str]  # "embed", "attn 0", "mlp 0", …, in the order they were added
    kinds: list[str]  # "embed" | "attn" | "mlp"
    layers: list[int]  # -1 for the embedding
    values: np.ndarray  # [1 + 2L] each part's share of the logit
    bias: float  # W_U[t] · β (+ the unembedding's bias): what no part wrote
    logit: float  # the model's own logit for the token

    @property
    def total(self) -> float:
        return float(self.values.sum() + self.bias)


def logit_attribution(lm: LM, trace: Trace, token_id: int) -> Attribution:
    """Direct logit attribution at the last position. The final norm is linear once its scale
    is frozen at the value it had there, so the logit splits exactly into one term per part
    of the residual stream (embedding, each attention, each MLP) plus the norm's bias."""
    if not lm.arch.additive_stream:
        raise ValueError("a post-norm stream is renormalised after every part: it does not split into shares")
    L = lm.arch.n_layers
    parts = np.concatenate(
        [
            trace.resid[0, -1][None],
            np.stack([p for layer in range(L) for p in (trace.attn_out_last[layer], trace.mlp_out_last[layer])]),
        ]
    )
    x_last = trace.resid[L, -1].astype(np.float64)  # = the sum of the parts
    final = lm.arch.final_norm()
    assert final is not None  # a pre-norm (additive) stream ends in a final norm
    norm = lm.arch.norm(final)

    def compute():
        import torch

        W_U, b = lm.arch.unembedding()
        w_embed = W_U[int(token_id)].detach().double()  # [d_embed]
        project = lm.arch.project_out()  # d → d_embed after the final norm: w · (P h) = (Pᵀ w) · h
        if project is not None:
            weight = project.weight
            assert isinstance(weight, torch.Tensor)  # a Linear's weight
            w_embed = weight.detach().double().T @ w_embed
        w = w_embed.numpy()  # [d]
        gamma = norm.weight.detach().double().numpy()
        beta = 0.0 if norm.bias is None else float(w @ norm.bias.detach().double().numpy())
        return w, gamma, beta + (0.0 if b is None else float(b[int(token_id)]))

    w, gamma, bias = on_model_thread(compute)
    p = parts.astype(np.float64)  # [1 + 2L, d]
    if norm.centred:  # LayerNorm: centre each part, one shared std
        eps = norm.eps
        scale = np.sqrt(((x_last - x_last.mean()) ** 2).mean() + eps)
        p = p - p.mean(-1, keepdims=True)
    else:  # RMSNorm: one shared rms
        scale = np.sqrt((x_last**2).mean() + norm.eps)
    values = (p / scale * gamma) @ w  # [1 + 2L]
    names = ["embed"] + [f"{kind} {layer}" for layer in range(L) for kind in ("attn", "mlp")]
    kinds = ["embed"] + [kind for _ in range(L) for kind in ("attn", "mlp")]
    layers = [-1] + [layer for layer in range(L) for _ in range(2)]
    return Attribution(int(token_id), names, kinds, layers, values, bias, float(trace.next_token_logits[int(token_id)]))


def layernorm_reference(x, eps: float = 1e-5) -> dict:
    """GPT-2's LayerNorm, step by step, on a vector `x` [d] of any model (γ = 1, β = 0: the
    reference shown beside an RMSNorm model): the mean μ, the standard deviation σ = √(var + ε),
    the centred vector and the normalized one."""
    x = np.asarray(x, dtype=np.float64)
    mean = float(x.mean())
    centred = x - mean
    std = float(np.sqrt((centred**2).mean() + eps))
    return {"mean": mean, "std": std, "centred": centred, "normalized": centred / std}


# --------------------------------------------------------------------------- dropout


@dataclass
class DropoutRuns:
    probabilities: dict[str, float]  # from the model's config
    eval_logits: list[np.ndarray]  # [V] twice, the model in eval mode
    train_logits: list[np.ndarray]  # [V] twice, in train mode (dropout on), seeds 0 and 1
    explicit_rate: float | None = None  # a rate added on what each attention and MLP writes (not the config's)


def dropout_runs(lm: LM, trace: Trace, explicit_rate: float | None = None) -> DropoutRuns:
    """The same prompt twice in eval mode and twice in train mode. Every forward pass of every
    session runs on the one model thread, so switching to train mode there and back (always,
    in `finally`) means no other session ever meets the model in train mode. The dropout
    masks come from torch's global generator, seeded 0 and 1 and then put back as it was
    (a lab run on another thread meanwhile would see it reseeded: its results stay valid,
    only not bit-for-bit repeatable). `explicit_rate`: in the training-mode runs, dropout of this
    rate is also applied to every attention's and MLP's output (what it adds to the stream, where
    GPT-2 applies its resid_pdrop) — to show dropout acting on a model whose config sets 0."""
    import torch

    ids = torch.tensor([trace.token_ids.tolist()])

    def drop(y):  # at a hook point: dropout on what the sublayer writes [B, T, d]
        return torch.nn.functional.dropout(y, p=float(explicit_rate or 0.0), training=True)

    def runs():
        @torch.no_grad()  # train mode switches dropout on, not gradients: keep no graph
        def logits():
            return lm.model(input_ids=ids, use_cache=False, logits_to_keep=1).logits[0, -1].numpy().copy()

        rng, hooks = torch.get_rng_state(), []
        try:
            evals = [logits(), logits()]
            lm.model.train()
            if explicit_rate:
                hooks = [
                    point.register(drop)
                    for layer in range(lm.arch.n_layers)
                    for point in (lm.arch.attention_point(layer), lm.arch.mlp_point(layer))
                ]
            trains = []
            for seed in (0, 1):
                torch.manual_seed(seed)
                trains.append(logits())
        finally:
            for hook in hooks:
                hook.remove()
            lm.model.eval()
            torch.set_rng_state(rng)
        return evals, trains

    evals, trains = on_model_thread(runs)
    return DropoutRuns(lm.arch.dropout(), evals, trains, explicit_rate)
