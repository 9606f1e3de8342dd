"""One forward pass and everything the pages show of it, every activation named.

    trace = run_trace(lm, "Data visualization empowers users to")
    trace.tokens               ["Data", "␣visualization", "␣em", "powers", "␣users", "␣to"]
    trace.attentions.shape     (L, H, T, T)
    trace.resid_pre(3)         [T, d] the residual stream entering block 3

In the spirit of TransformerLens's ActivationCache: each array is one named activation with
its shape written beside it. What a page needs for one chosen layer only (the norm's
output, the MLP's hidden units) is not kept here: core.block recomputes it from the cached
residual stream and that layer's weights. A Trace holds plain numpy arrays (read-only: one
trace is shared by every session that asks for the same text), and pickles.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from concurrent.futures import Future
from dataclasses import dataclass, fields
from typing import Callable

import numpy as np

from core.models import LM, on_model_thread

MAX_PROMPT_TOKENS = 128  # attention is T x T per head and layer: keep it responsive
MAX_PROMPT_CHARS = 2000  # read no more of a text box than this


class EmptyPrompt(ValueError):
    """The prompt has no text to run the model on."""


@dataclass
class Trace:
    """Shapes: L blocks, H heads, T tokens, d width, V vocabulary."""

    text: str  # the text the model actually saw (after any cap)
    tokens: list[str]  # display strings, one per token
    token_ids: np.ndarray  # [T] int64
    token_embeddings: np.ndarray  # [T, d] the tokens' rows of the embedding matrix, as the stack receives
    #                               them (through the family's project_in where its embedding is narrower)
    position_embeddings: np.ndarray | None  # [T, d] learned positions; None for rotary
    resid: np.ndarray  # [L+1, T, d] the residual stream between blocks: resid[0] enters
    #                    block 0 (token + position), resid[l+1] leaves block l — no final norm
    resid_final: np.ndarray  # [T, d] resid[L] after the final norm (a post-norm stack has none: resid[L])
    attn_out_norm: np.ndarray  # [L, T] |what each block's attention adds| at every token
    mlp_out_norm: np.ndarray  # [L, T] |what each block's MLP adds| at every token
    attn_out_last: np.ndarray  # [L, d] what each block's attention adds at the last token
    mlp_out_last: np.ndarray  # [L, d] what each block's MLP adds at the last token
    attentions: np.ndarray  # [L, H, T, T] softmax weights, rows sum to 1
    next_token_logits: np.ndarray  # [V] logits for the token after the last one
    n_tokens_requested: int  # how many tokens the whole input had before the cap
    truncated: bool  # True when the input was cut to MAX_PROMPT_TOKENS

    @property
    def n_tokens(self) -> int:
        return len(self.tokens)

    @property
    def n_layers(self) -> int:
        return len(self.attentions)

    def resid_pre(self, layer: int) -> np.ndarray:
        """[T, d] the residual stream entering block `layer`."""
        return self.resid[layer]

    def resid_post(self, layer: int) -> np.ndarray:
        """[T, d] the residual stream leaving block `layer` (before any final norm)."""
        return self.resid[layer + 1]

    @property
    def hidden_states(self) -> np.ndarray:
        """[L+1, T, d] as transformers returns them: block outputs, the last one after the
        final norm."""
        return np.concatenate([self.resid[:-1], self.resid_final[None]])

    @property
    def nbytes(self) -> int:
        """What the arrays of this trace occupy in memory."""
        return sum(getattr(self, f.name).nbytes for f in fields(self) if isinstance(getattr(self, f.name), np.ndarray))


def encode_prompt(lm: LM, text: str, max_tokens: int = MAX_PROMPT_TOKENS):
    """Token ids of `text` (capped at max_tokens and the model's context), with the
    uncapped count. Raises EmptyPrompt."""
    text = (text or "")[:MAX_PROMPT_CHARS]
    if not text.strip():
        raise EmptyPrompt("the prompt is empty")
    ids = lm.encode(text)
    if not ids:
        raise EmptyPrompt("the prompt has no tokens")
    return ids[: min(max_tokens, lm.arch.context_length)], len(ids)


def run_trace(
    lm: LM, text: str, max_tokens: int = MAX_PROMPT_TOKENS, intervene: Callable[[list], None] | None = None
) -> Trace:
    """Run the model once on `text` and keep every activation the pages draw. `intervene(hooks)`
    (core.interventions) places hooks that change the forward pass and appends their handles
    to `hooks` — on the model thread, before the trace's own hooks; all are removed when the
    pass ends or raises."""
    ids, n_requested = encode_prompt(lm, text, max_tokens)
    acts = on_model_thread(_forward, lm, ids, intervene)
    pos = lm.arch.position_embedding()
    trace = Trace(
        text=lm.decode(ids),
        tokens=lm.display_tokens(ids),
        token_ids=np.asarray(ids, dtype=np.int64),
        position_embeddings=None if pos is None else pos[: len(ids)].detach().numpy().copy(),
        n_tokens_requested=n_requested,
        truncated=n_requested > len(ids),
        **acts,
    )
    for f in fields(trace):  # shared between sessions: nobody may write into it
        value = getattr(trace, f.name)
        if isinstance(value, np.ndarray):
            value.setflags(write=False)
    return trace


def _forward(lm: LM, ids: list[int], intervene: Callable[[list], None] | None = None) -> dict[str, np.ndarray]:
    """One forward pass with hooks on the family's modules (runs on the model thread, so
    no other forward pass can meet the hooks)."""
    import torch

    arch = lm.arch
    L = arch.n_layers
    resid: list = [None] * (L + 1)
    attn_out: list = [None] * L
    mlp_out: list = [None] * L
    final: list = [None]

    def first(output):  # attention modules return (output, weights); blocks may return tuples
        return output[0] if isinstance(output, tuple) else output

    def keep(store, i):
        return lambda module, args, output: store.__setitem__(i, first(output)[0])

    hooks: list = []
    try:
        if intervene:  # first, so the trace sees what they change; each handle kept as placed
            intervene(hooks)
        hooks.append(
            arch.blocks()[0].register_forward_pre_hook(
                lambda module, args, kwargs: resid.__setitem__(0, (args[0] if args else kwargs["hidden_states"])[0]),
                with_kwargs=True,
            )
        )
        for i, block in enumerate(arch.blocks()):
            hooks += [
                block.register_forward_hook(keep(resid, i + 1)),
                arch.attention_point(i).register(lambda y, i=i: attn_out.__setitem__(i, y[0])),
                arch.mlp_point(i).register(lambda y, i=i: mlp_out.__setitem__(i, y[0])),
            ]
        final_norm = arch.final_norm()
        if final_norm is not None:
            hooks.append(final_norm.register_forward_hook(keep(final, 0)))
        out = lm.model(
            input_ids=torch.tensor([ids]), output_attentions=True, use_cache=False, logits_to_keep=1
        )  # only the next token's logits: [1, 1, V]
    finally:
        for h in hooks:
            h.remove()

    def stack(xs):
        return torch.stack(xs).float()

    a, m = stack(attn_out), stack(mlp_out)  # [L, T, d]
    with torch.no_grad():
        tokens = arch.token_vectors(torch.tensor(ids)).float().numpy().copy()  # [T, d] (through project_in)
    return {
        "token_embeddings": tokens,
        "resid": stack(resid).numpy(),
        "resid_final": (resid[L] if final[0] is None else final[0]).float().numpy(),
        "attn_out_norm": a.norm(dim=-1).numpy(),
        "mlp_out_norm": m.norm(dim=-1).numpy(),
        "attn_out_last": a[:, -1].numpy().copy(),
        "mlp_out_last": m[:, -1].numpy().copy(),
        "attentions": torch.stack([w[0] for w in out.attentions]).numpy(),
        "next_token_logits": out.logits[0, -1].float().numpy(),
    }


# --------------------------------------------------------------------------- the cache


class TraceCache:
    """Traces kept per key (model, text); the least recently used go once the kept traces
    pass `max_bytes` (a 128-token trace of GPT-2 small is ~16 MB, a short prompt's ~1 MB).
    Two sessions asking for the same text at once share one forward pass."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._items: OrderedDict = OrderedDict()
        self._pending: dict = {}
        self._lock = threading.Lock()

    def get(self, key, compute: Callable[[], Trace]) -> Trace:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            pending, owner = self._pending.get(key), False
            if pending is None:
                pending, owner = Future(), True
                self._pending[key] = pending
        if not owner:
            return pending.result()
        try:
            value = compute()
        except BaseException as exc:  # not cached: the next ask tries again
            with self._lock:
                self._pending.pop(key, None)
            pending.set_exception(exc)
            raise
        with self._lock:
            self._pending.pop(key, None)
            self._items[key] = value
            while self.bytes > self.max_bytes and len(self._items) > 1:
                self._items.popitem(last=False)
        pending.set_result(value)
        return value

    @property
    def bytes(self) -> int:
        return sum(t.nbytes for t in self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
