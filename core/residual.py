"""Why a block has skip paths and norms, measured on the loaded model.

    g = gradient_through_depth(lm, trace)   # how much signal reaches each depth, skips on and off
    s = stream_sizes(lm, trace, position)    # the stream's size per layer, and what the norm hands on

Residual connections (He et al., ResNet, 2015) add each sublayer's output to its input, so the
gradient has a path that skips every sublayer: ∂x_out/∂x = I + ∂F/∂x. Cut the skips and the
gradient must pass through every sublayer's Jacobian in turn — it shrinks or blows up with
depth. Here the blocks are run from the adapter's parts (core.arch), with the same weights,
once as the model wires them and once with every skip path removed, and the gradient of the
predicted token's logit is measured at the input of every block.

Shapes: L blocks, T tokens, d width. Importing this module does not import torch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from core.block import block_forward
from core.models import LM, on_model_thread
from core.trace import Trace

if TYPE_CHECKING:
    pass


@dataclass
class DepthGradients:
    token_id: int  # the predicted next token whose logit is differentiated
    with_skips: np.ndarray  # [L+1] |∂ logit / ∂ x_l| at the input of block l (l = L: the final norm's input)
    without_skips: np.ndarray  # [L+1] the same with every skip path removed
    logit_diff: float  # max |our stack's logits − the model's own| (skips on): it is the model


def gradient_through_depth(lm: LM, trace: Trace) -> DepthGradients:
    """|∂ logit(predicted token) / ∂ x_l| at every depth l, for the last position, through the
    model as wired and through the same weights with the skip paths cut (model thread)."""
    token = int(np.argmax(trace.next_token_logits))

    def run(skip: bool):
        import torch

        with torch.enable_grad():
            x = torch.tensor(np.array(trace.resid[0]), requires_grad=True)  # [T, d] tokens (+ positions)
            inputs = []
            for layer in range(lm.arch.n_layers):
                x.retain_grad()
                inputs.append(x)
                x = block_forward(lm, layer, x, skip=skip).out
            x.retain_grad()
            inputs.append(x)
            logits = lm.arch.readout(x[-1])  # [V]
            logits[token].backward()
            norms = []
            for h in inputs:  # every one had retain_grad() and lies on the path to the logit
                assert h.grad is not None, "no gradient reached a block's input"
                norms.append(float(h.grad.norm()))
            grads = np.array(norms)  # over every position
            return grads, logits.detach().numpy()

    def both():
        with_skips, logits = run(True)
        without_skips, _ = run(False)
        return with_skips, without_skips, logits

    with_skips, without_skips, logits = on_model_thread(both)
    return DepthGradients(token, with_skips, without_skips, float(np.abs(logits - trace.next_token_logits).max()))


def gradient_change(g: DepthGradients, ratio: float = 3.0) -> str:
    """What cutting the skip paths does to the gradient reaching the embeddings, compared with the
    model as wired: "explodes" (more than `ratio` times larger), "vanishes" (more than `ratio`
    times smaller) or "holds" (within that factor)."""
    cut = (g.without_skips[0] / g.without_skips[-1]) / (g.with_skips[0] / g.with_skips[-1])
    return "explodes" if cut > ratio else "vanishes" if cut < 1 / ratio else "holds"


def shrinking_blocks(trace: Trace, position: int) -> list[int]:
    """The blocks (numbered from 0, as the block picker) after which the residual stream at
    `position` is smaller (|x|) than before them: the stream does not only grow."""
    sizes = np.linalg.norm(np.asarray(trace.resid[:, position], dtype=np.float64), axis=-1)  # [L+1]
    return [b for b in range(len(sizes) - 1) if sizes[b + 1] < sizes[b]]


@dataclass
class StreamSizes:
    stream: np.ndarray  # [L] |x| entering each block, at the chosen token
    normed: np.ndarray  # [L] |Norm₁(x)|: what the block's attention actually reads
    largest: np.ndarray  # [L] max |x_i|: the stream's largest single number


def stream_sizes(lm: LM, trace: Trace, position: int) -> StreamSizes:
    """How large the residual stream gets through the depth at one token, and what each
    block's first norm hands on instead (the model's own norm modules on its own stream)."""

    def compute():
        import torch

        x = torch.from_numpy(np.array(trace.resid[:-1, position], dtype=np.float32))  # [L, d]
        return np.stack([lm.arch.attention_input(layer, x[layer]).numpy() for layer in range(lm.arch.n_layers)])

    normed = on_model_thread(compute)  # [L, d]
    x = np.asarray(trace.resid[:-1, position], dtype=np.float64)
    return StreamSizes(
        stream=np.linalg.norm(x, axis=-1), normed=np.linalg.norm(normed, axis=-1), largest=np.abs(x).max(-1)
    )
