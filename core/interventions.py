"""What a part of the model causes: knock it out, or patch it in from another prompt.

    ablate(lm, "The capital of France is", [("head", 5, 1)])    # .logits, .probs [V] at the last token
    ablate(lm, text, [("attn", 0), ("mlp", 3)], how="mean")
    ablate(lm, text, [("positions",)])       # learned: position vectors zeroed; rotary: every angle 0
    ablated_trace(lm, text, parts)           # the whole core.trace.Trace of the knocked-out model
    patch(lm, clean, corrupt, ("resid", 4, 2))   # clean's residual at (block 4's input, token 2)
    sweep(lm, text, " Paris", kind="heads")  # .drop [L, H]: each head knocked out alone
    patch_grid(lm, clean, corrupt)           # .restored(a, b) [L, T]: each (layer, position) patched

A part is one head ("head", layer, head), a layer's attention ("attn", layer), a layer's MLP
("mlp", layer) or the positions ("positions",). Knocked out `how`:
  "zero"  its output set to 0 — for a head, its slice of the heads' outputs side by side,
          before W_O (so W_O's bias stays); for the positions of a learned table, the position
          vectors; for rotary positions, every angle (q and k are not turned at all)
  "mean"  its output replaced by its mean over the prompt's positions (rotary positions: one
          angle for every position, which leaves q·k exactly as with no angle: only differences
          of angles reach the scores — so it is the same as "zero")

Hooks are placed on the modules the family adapter names (core.arch: the attention, the MLP,
W_O, the blocks, the position module), only on the model thread (core.models), and removed in
`finally` — also when the forward pass raises or a sweep is cancelled — so no other session's
forward pass ever meets them.

A sweep knocks out L×H heads (or 2L sublayers), each alone. It does not run L×H forward passes:
the batch starts as the prompt alone and grows as the pass reaches each block — at block l, one
copy of the stream joins for each ablation in layer l (everything before block l is the same
for all of them, so it is computed once). A patching grid grows the same way, each new row the
corrupt stream with one position's residual taken from the clean prompt. The ablations are cut
into passes of bounded memory (BATCH_TOKENS) and work (PASS_TOKEN_BLOCKS); each pass is one
call on the model thread, so other sessions' forward passes go between them.

Importing this module does not import torch (the functions do, on the model thread).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from core.models import LM, on_model_thread
from core.trace import MAX_PROMPT_TOKENS, Trace, encode_prompt, run_trace

if TYPE_CHECKING:
    import torch

HOW = ("zero", "mean")
KINDS = {"head": 3, "attn": 2, "mlp": 2, "positions": 1}  # a part's kind -> its tuple's length
SWEEP_MAX_TOKENS = 32  # a sweep or patching grid runs L×H (or L×T) ablations: keep prompts short
BATCH_TOKENS = 2048  # token rows in one batched forward pass: on GPT-2 small the process grows by ~200 MB
#                      for it the first time (the allocator keeps it for the next one)
PASS_TOKEN_BLOCKS = 4096  # tokens × blocks one pass computes: ~1 s on GPT-2 small, one core — the
#                           model thread is free for other sessions between passes

Progress = Callable[[float], None]  # fraction done, 0..1, called on the model thread


class InterventionError(ValueError):
    """Input an intervention cannot run on. `code` and `values` make the page's message
    (core/strings/interventions.py: "int.error.<code>")."""

    def __init__(self, code: str, **values):
        super().__init__(f"{code}: {values}")
        self.code, self.values = code, values


class Cancelled(RuntimeError):
    """A sweep or grid was cancelled between blocks; nothing is left hooked."""


# --------------------------------------------------------------------------- parts and tokens


def check_parts(lm: LM, parts) -> tuple[tuple, ...]:
    """The parts as tuples of ints, each once, in range for this model; InterventionError if not."""
    arch, checked = lm.arch, []
    for part in parts:
        part = tuple(part)
        if not part or part[0] not in KINDS or len(part) != KINDS[part[0]]:
            raise InterventionError("bad_part", part=str(part))
        kind, *numbers = part
        try:
            numbers = [int(n) for n in numbers]
        except (TypeError, ValueError):
            raise InterventionError("bad_part", part=str(part)) from None
        if numbers and not 0 <= numbers[0] < arch.n_layers:
            raise InterventionError("layer_range", layer=numbers[0], n=arch.n_layers)
        if kind == "head" and not 0 <= numbers[1] < arch.n_heads:
            raise InterventionError("head_range", head=numbers[1], n=arch.n_heads)
        if (kind, *numbers) not in checked:
            checked.append((kind, *numbers))
    return tuple(checked)


def check_how(how: str) -> str:
    if how not in HOW:
        raise InterventionError("bad_how", how=str(how))
    return how


def token_id(lm: LM, token: int | str) -> int:
    """A target token: an id, or a string that is exactly one token of this model."""
    if isinstance(token, (int, np.integer)):
        if not 0 <= int(token) < lm.arch.vocab_size:
            raise InterventionError("not_one_token", token=str(token), n=0)
        return int(token)
    ids = lm.encode(token) if token else []
    if len(ids) != 1:
        raise InterventionError("not_one_token", token=token, n=len(ids))
    return ids[0]


def _prompt(lm: LM, text: str, max_tokens: int) -> list[int]:
    """Token ids of a prompt an intervention runs on; a prompt over the cap is refused (a
    silently shortened prompt would change the prediction being explained)."""
    ids, n = encode_prompt(lm, text, MAX_PROMPT_TOKENS)
    if n > max_tokens:
        raise InterventionError("too_long", n=n, cap=max_tokens)
    return ids


# --------------------------------------------------------------------------- hooks


def _knock(x: torch.Tensor, keep: torch.Tensor, how: str) -> torch.Tensor:
    """x [B, T, D] where keep [B, 1, D or 1] is 1, knocked out where it is 0: set to 0 ("zero")
    or to its mean over the T positions ("mean"). Rows kept whole are left bit for bit."""
    if how == "zero":
        return x * keep
    return x * keep + (1 - keep) * x.mean(dim=-2, keepdim=True)


def _heads_hook(lm: LM, heads_by_row: dict[int | None, set[int]], how: str):
    """A pre-hook for W_O: in each row (None: every row) the listed heads' slices of its input
    [B, T, H·d_head] knocked out."""
    import torch

    dh = lm.arch.d_head

    def hook(module, args):
        z = args[0]
        keep = torch.ones(z.shape[0], 1, z.shape[-1], dtype=z.dtype)
        for row, heads in heads_by_row.items():
            for h in heads:
                keep[slice(None) if row is None else row, :, h * dh : (h + 1) * dh] = 0
        return (_knock(z, keep, how), *args[1:])

    return hook


def _output_hook(rows: list[int] | None, how: str):
    """A function for a hook point (core.arch.HookPoint): the sublayer's output [B, T, d]
    knocked out in these rows (None: every row)."""
    import torch

    def knock(y):
        keep = torch.ones(y.shape[0], 1, 1, dtype=y.dtype)
        keep[slice(None) if rows is None else rows] = 0
        return _knock(y, keep, how)

    return knock


def _place(lm: LM, parts: tuple[tuple, ...], how: str, hooks: list) -> None:
    """Hooks that knock `parts` out of every row of the batch; each handle appended to `hooks`
    as soon as it is placed (so whoever removes them finds every one)."""
    arch = lm.arch
    heads: dict[int, set[int]] = {}
    for kind, *n in parts:
        if kind == "head":
            heads.setdefault(n[0], set()).add(n[1])
        elif kind == "attn":
            hooks.append(arch.attention_point(n[0]).register(_output_hook(None, how)))
        elif kind == "mlp":
            hooks.append(arch.mlp_point(n[0]).register(_output_hook(None, how)))
        else:
            hooks.append(arch.remove_positions(how))
    for layer, hs in heads.items():
        hooks.append(
            arch.attention_output_projection(layer).register_forward_pre_hook(_heads_hook(lm, {None: hs}, how))
        )


def _last_logits(lm: LM, ids, place: Callable[[list], None] | None = None) -> torch.Tensor:
    """The last position's logits [B, V] of one forward pass (model thread), with the hooks
    `place` puts, all removed however the pass ends."""
    import torch

    ids = torch.as_tensor(ids)
    hooks: list = []
    try:
        if place:
            place(hooks)
        return lm.model(input_ids=ids.reshape(-1, ids.shape[-1]), use_cache=False, logits_to_keep=1).logits[:, -1]
    finally:
        for h in hooks:
            h.remove()


# --------------------------------------------------------------------------- ablation


@dataclass
class Ablation:
    """The next-token prediction with parts knocked out."""

    parts: tuple[tuple, ...]
    how: str
    positions: str | None  # "learned" | "rotary" when the positions were removed: which removal happened
    logits: np.ndarray  # [V] at the last position
    probs: np.ndarray  # [V] softmax of the logits
    n_tokens: int


def ablate(lm: LM, text: str, parts, how: str = "zero", max_tokens: int = MAX_PROMPT_TOKENS) -> Ablation:
    """The last position's logits and distribution with `parts` knocked out (no parts: the
    plain model, the same forward pass the trace runs), on the prompt capped as run_trace caps it."""
    import torch

    parts, how = check_parts(lm, parts), check_how(how)
    ids, _ = encode_prompt(lm, text, max_tokens)  # capped as the trace is (the page says so)
    logits = on_model_thread(lambda: _last_logits(lm, [ids], lambda hooks: _place(lm, parts, how, hooks))[0])
    return Ablation(
        parts,
        how,
        lm.arch.positional if ("positions",) in parts else None,
        logits.float().numpy().copy(),
        torch.softmax(logits.double(), -1).float().numpy(),
        len(ids),
    )


def ablated_trace(lm: LM, text: str, parts, how: str = "zero") -> Trace:
    """core.trace.run_trace of the model with `parts` knocked out: every activation the pages
    draw (residual stream, what each sublayer wrote, attention) as the knocked-out model
    computes them."""
    parts, how = check_parts(lm, parts), check_how(how)
    return run_trace(lm, text, intervene=lambda hooks: _place(lm, parts, how, hooks))


# --------------------------------------------------------------------------- the batch that grows


def _grown_pass(
    lm: LM,
    ids: list[int],
    joining: dict[int, list],
    make_rows: Callable,
    place: Callable,
    reduce: Callable,
    tick: Callable[[int], None],
    cancel: threading.Event | None,
):
    """One forward pass (model thread) that starts with the prompt alone and grows: at block l,
    make_rows(l, items, x) [n, T, d] joins the batch x [B, T, d], one row per item in
    joining[l]. place({l: [(row, item)]}, hooks) puts the hooks that act on those rows.
    Returns reduce(logits) of the last position's logits [1 + Σn, V] (row 0: the prompt)."""
    import torch

    where, row = {}, 1
    for layer in sorted(joining):
        where[layer] = [(row + i, item) for i, item in enumerate(joining[layer])]
        row += len(joining[layer])

    def grow(layer):
        def hook(module, args, kwargs):
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            x = args[0] if args else kwargs["hidden_states"]
            if layer in joining:
                x = torch.cat([x, make_rows(layer, joining[layer], x)])
            tick(x.shape[0])
            return ((x, *args[1:]), kwargs) if args else (args, {**kwargs, "hidden_states": x})

        return hook

    def place_all(hooks):
        for layer, block in enumerate(lm.arch.blocks()):
            hooks.append(block.register_forward_pre_hook(grow(layer), with_kwargs=True))
        place(where, hooks)

    return reduce(_last_logits(lm, [ids], place_all))


def _passes(items: Sequence[tuple[int, object]], n_tokens: int, n_layers: int) -> list[list[tuple[int, object]]]:
    """Items (layer, what its row does), sorted by layer, cut into passes: each holds at most
    BATCH_TOKENS token rows and computes at most PASS_TOKEN_BLOCKS tokens × blocks (a row that
    joins at block l runs blocks l … L−1; the prompt's own row runs them all)."""
    passes: list[list[tuple[int, object]]] = []
    current: list[tuple[int, object]] = []
    cost = n_tokens * n_layers
    for layer, item in sorted(items, key=lambda it: it[0]):
        extra = n_tokens * (n_layers - layer)
        if current and ((len(current) + 2) * n_tokens > BATCH_TOKENS or cost + extra > PASS_TOKEN_BLOCKS):
            passes.append(current)
            current, cost = [], n_tokens * n_layers
        current.append((layer, item))
        cost += extra
    return passes + ([current] if current else [])


def _run_grown(
    lm: LM,
    ids: list[int],
    items: Sequence[tuple[int, object]],
    make_rows: Callable,
    place: Callable,
    reduce: Callable,
    progress: Progress | None,
    cancel: threading.Event | None,
) -> list:
    """Every pass of a growing batch, one model-thread call each (other sessions' forward passes
    go between them); [reduce(logits) of each pass]."""
    L, T = lm.arch.n_layers, len(ids)
    passes = _passes(items, T, L)
    total = sum(L + sum(L - layer for layer, _ in p) for p in passes)  # rows × blocks
    done = [0]

    def tick(rows: int) -> None:  # a block is about to run on `rows` rows
        if progress is not None:
            progress(min(1.0, done[0] / total))
        done[0] += rows

    out = []
    for chunk in passes:
        joining: dict[int, list] = {}
        for layer, item in chunk:
            joining.setdefault(layer, []).append(item)
        out.append(on_model_thread(_grown_pass, lm, ids, joining, make_rows, place, reduce, tick, cancel))
    if progress is not None:
        progress(1.0)
    return out


def _copies(layer: int, items: list, x: torch.Tensor) -> torch.Tensor:
    """One copy of the prompt's stream (row 0) per item."""
    return x[:1].expand(len(items), -1, -1)


# --------------------------------------------------------------------------- sweeps


@dataclass
class Sweep:
    """Each head (or each sublayer) knocked out alone, and the target token's log-probability."""

    kind: str  # "heads": logprob [L, H]; "layers": logprob [L, 2] (attention, MLP)
    how: str
    target_id: int
    clean_logprob: float  # log p(target) with nothing knocked out
    logprob: np.ndarray  # log p(target) with that one part knocked out
    predicted_id: int  # the model's own top prediction with nothing knocked out

    @property
    def drop(self) -> np.ndarray:
        """How much knocking each part out lowers the target's log-probability (< 0: raises it)."""
        return self.clean_logprob - self.logprob


def sweep(
    lm: LM,
    text: str,
    target_token: int | str | None = None,
    kind: str = "heads",
    how: str = "zero",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    max_tokens: int = SWEEP_MAX_TOKENS,
) -> Sweep:
    """For every head (kind="heads") or every attention and MLP sublayer (kind="layers"), the
    target's log-probability at the last position when that part alone is knocked out — the
    same numbers as one `ablate` call each, in a few batched passes. No target: the model's
    own top prediction. `progress(fraction)` is called as the passes go; setting `cancel`
    stops at the next block (Cancelled), nothing left hooked."""
    import torch

    if kind not in ("heads", "layers"):
        raise InterventionError("bad_part", part=str(kind))
    how = check_how(how)
    ids = _prompt(lm, text, max_tokens)
    target = None if target_token is None else token_id(lm, target_token)
    arch = lm.arch
    L, H = arch.n_layers, arch.n_heads
    items = (
        [(layer, h) for layer in range(L) for h in range(H)]
        if kind == "heads"
        else [(layer, sub) for layer in range(L) for sub in ("attn", "mlp")]
    )

    def place(where, hooks):
        for layer, rows in where.items():
            if kind == "heads":
                hooks.append(
                    arch.attention_output_projection(layer).register_forward_pre_hook(
                        _heads_hook(lm, {row: {h} for row, h in rows}, how)
                    )
                )
            for sub, point in (("attn", arch.attention_point(layer)), ("mlp", arch.mlp_point(layer))):
                knocked = [row for row, item in rows if item == sub]
                if knocked:
                    hooks.append(point.register(_output_hook(knocked, how)))

    first: list = []  # the prompt's own log-probabilities [V] (row 0 of the first pass)

    def reduce(logits):  # [B, V] -> [B]: only the target's log-probability is kept
        logprobs = torch.log_softmax(logits.double(), -1)
        if not first:
            first.append(logprobs[0])
        return logprobs[:, int(first[0].argmax()) if target is None else target]

    kept = _run_grown(lm, ids, items, _copies, place, reduce, progress, cancel)
    predicted = int(first[0].argmax())
    target = predicted if target is None else target
    picked = torch.cat([chunk[1:] for chunk in kept])
    return Sweep(kind, how, target, float(first[0][target]), picked.reshape(L, -1).numpy(), predicted)


# --------------------------------------------------------------------------- patching


SITES = {"resid": 3, "head": 3, "mlp": 2}  # a site's kind -> its tuple's length


def check_site(lm: LM, site, n_tokens: int) -> tuple:
    """("resid", layer 0..L, position or None), ("head", layer, head) or ("mlp", layer), in range."""
    site = tuple(site)
    if not site or site[0] not in SITES or len(site) != SITES[site[0]]:
        raise InterventionError("bad_part", part=str(site))
    kind, layer, *rest = site
    top = lm.arch.n_layers + (kind == "resid")  # the residual also exists after the last block
    if not 0 <= int(layer) < top:
        raise InterventionError("layer_range", layer=layer, n=top)
    if kind == "head" and not 0 <= int(rest[0]) < lm.arch.n_heads:
        raise InterventionError("head_range", head=rest[0], n=lm.arch.n_heads)
    if kind == "resid" and rest[0] is not None and not 0 <= int(rest[0]) < n_tokens:
        raise InterventionError("position_range", position=rest[0], n=n_tokens)
    return site


def _site_hook(lm: LM, site: tuple, store: dict, replace: bool):
    """(module, hook, is a pre-hook) that keeps the activation at `site` in store["x"] or, with
    `replace`, puts store["x"] in its place."""
    kind, layer, *rest = site
    arch, dh = lm.arch, lm.arch.d_head
    if kind == "resid":
        pos = slice(None) if rest[0] is None else int(rest[0])
        module = arch.blocks()[layer] if layer < arch.n_layers else arch.stream_end()
        where: tuple = (slice(None), pos)
    elif kind == "head":
        module, where = arch.attention_output_projection(layer), (..., slice(rest[0] * dh, (rest[0] + 1) * dh))
    else:
        module, where = arch.mlp_point(layer), (...,)

    def act(x):
        if not replace:
            store["x"] = x[where].clone()
            return x
        x = x.clone()
        x[where] = store["x"]
        return x

    if kind == "mlp":
        return module, act, False

    def pre(m, args, kwargs):
        if args:
            return (act(args[0]), *args[1:]), kwargs
        return args, {**kwargs, "hidden_states": act(kwargs["hidden_states"])}

    return module, pre, True


def _hooked(module, hook, is_pre: bool):
    return module.register_forward_pre_hook(hook, with_kwargs=True) if is_pre else module.register(hook)


@dataclass
class Patch:
    """The corrupt prompt run with one activation taken from the clean prompt."""

    site: tuple
    answers: tuple[int, int]  # (the clean prompt's answer, the corrupt prompt's answer) token ids
    clean_diff: float  # logit(clean answer) − logit(corrupt answer), clean prompt
    corrupt_diff: float  # the same, corrupt prompt
    patched_diff: float  # the same, corrupt prompt with the clean activation at the site
    logits: np.ndarray  # [V] patched, last position

    @property
    def change(self) -> float:
        """How much the patch moved the logit difference."""
        return self.patched_diff - self.corrupt_diff

    @property
    def restored(self) -> float:
        """0: still the corrupt prompt's answer; 1: as the clean prompt (nan when both agree)."""
        gap = self.clean_diff - self.corrupt_diff
        return self.change / gap if gap else float("nan")


def pair_ids(lm: LM, clean: str, corrupt: str, max_tokens: int = MAX_PROMPT_TOKENS) -> tuple[list[int], list[int]]:
    """Token ids of two prompts that must line up position by position."""
    a, b = _prompt(lm, clean, max_tokens), _prompt(lm, corrupt, max_tokens)
    if len(a) != len(b):
        raise InterventionError("unequal_lengths", clean=len(a), corrupt=len(b))
    return a, b


def default_answers(clean_logits, corrupt_logits) -> tuple[int, int]:
    """The model's own answers: its top prediction for the clean prompt and for the corrupt
    one (if that is the same token, the corrupt prompt's best other token)."""
    a = int(np.argmax(clean_logits))
    order = np.argsort(-np.asarray(corrupt_logits))
    return a, int(order[0] if order[0] != a else order[1])


def patch(lm: LM, clean: str, corrupt: str, site, answers: tuple[int, int] | None = None) -> Patch:
    """Activation patching: run `corrupt` with the activation at `site` taken from `clean` —
    the residual stream entering block `layer` (layer L: after the last block) at one
    position or all (None), one head's output (its slice before W_O), or one MLP's output,
    at every position — and the logit difference between the two answer tokens before and
    after. The prompts must have the same number of tokens."""
    a, b = pair_ids(lm, clean, corrupt)
    site = check_site(lm, site, len(a))

    def run():
        store: dict = {}
        module, hook, pre = _site_hook(lm, site, store, replace=False)
        clean_logits = _last_logits(lm, [a], lambda hooks: hooks.append(_hooked(module, hook, pre)))[0]
        corrupt_logits = _last_logits(lm, [b])[0]
        module, hook, pre = _site_hook(lm, site, store, replace=True)
        patched = _last_logits(lm, [b], lambda hooks: hooks.append(_hooked(module, hook, pre)))[0]
        return clean_logits.numpy(), corrupt_logits.numpy(), patched.numpy()

    clean_logits, corrupt_logits, patched = on_model_thread(run)
    x, y = answers if answers is not None else default_answers(clean_logits, corrupt_logits)
    diff = lambda z: float(z[x]) - float(z[y])  # noqa: E731
    return Patch(site, (int(x), int(y)), diff(clean_logits), diff(corrupt_logits), diff(patched), patched.copy())


@dataclass
class PatchGrid:
    """The corrupt prompt with the clean residual put back at one (layer, position) at a time."""

    candidates: np.ndarray  # [n] token ids whose logits were kept (both prompts' top predictions)
    clean: np.ndarray  # [n] their logits on the clean prompt
    corrupt: np.ndarray  # [n] on the corrupt prompt
    patched: np.ndarray  # [L, T, n] on the corrupt prompt, the residual entering block l at
    #                      position t taken from the clean prompt
    run: np.ndarray  # [L, T] bool: the patches actually run (elsewhere both streams agree: the corrupt run)

    def restored(self, clean_answer: int, corrupt_answer: int) -> np.ndarray:
        """[L, T] how much of the clean logit difference each patch restores (0: none, 1: all)."""
        i, j = (int(np.flatnonzero(self.candidates == t)[0]) for t in (clean_answer, corrupt_answer))
        gap = (self.clean[i] - self.clean[j]) - (self.corrupt[i] - self.corrupt[j])
        change = (self.patched[..., i] - self.patched[..., j]) - (self.corrupt[i] - self.corrupt[j])
        return change / gap if gap else np.full(change.shape, np.nan)


def patch_grid(
    lm: LM,
    clean: str,
    corrupt: str,
    candidates: list[int] | None = None,
    n_candidates: int = 10,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    max_tokens: int = SWEEP_MAX_TOKENS,
) -> PatchGrid:
    """Every (layer, position) patch of the residual stream entering a block, in a few growing
    passes: the same numbers as patch(lm, clean, corrupt, ("resid", layer, position)) each.
    Where the two streams hold the same numbers — every position before the first token that
    differs (a token sees only what comes before it), and at block 0 every position whose token
    is the same — patching changes nothing: those entries are the corrupt run itself, not run
    again. The logits kept are those of the
    `candidates` (default: each prompt's top `n_candidates` tokens: the answers a page may pick)."""
    import torch

    a, b = pair_ids(lm, clean, corrupt, max_tokens)
    arch, T = lm.arch, len(a)
    L = arch.n_layers

    def streams():  # the residual stream entering every block, and the logits, of both prompts
        def run(ids):
            resid: list = [None] * L

            def keep(layer):
                def hook(module, args, kwargs):
                    resid[layer] = (args[0] if args else kwargs["hidden_states"])[0].clone()

                return hook

            logits = _last_logits(
                lm,
                [ids],
                lambda hooks: hooks.extend(
                    block.register_forward_pre_hook(keep(i), with_kwargs=True) for i, block in enumerate(arch.blocks())
                ),
            )
            return torch.stack(resid), logits[0]  # [L, T, d], [V]

        return run(a), run(b)

    (resid, clean_logits), (corrupt_resid, corrupt_logits) = on_model_thread(streams)
    if candidates is None:

        def top(z):
            return torch.topk(z, min(n_candidates, z.shape[-1])).indices.tolist()

        candidates = top(clean_logits) + top(corrupt_logits)
    chosen = torch.tensor([token_id(lm, int(c)) for c in dict.fromkeys(candidates)])  # [n] token ids

    def make_rows(layer, positions, x):  # the corrupt stream, one position's residual from clean
        rows = x[:1].repeat(len(positions), 1, 1)
        rows[torch.arange(len(positions)), torch.tensor(positions)] = resid[layer][positions]
        return rows

    # where both streams hold the same numbers the patch changes nothing: the corrupt run itself
    differs = (resid != corrupt_resid).any(-1)  # [L, T]
    items = [(layer, t) for layer in range(L) for t in range(T) if differs[layer, t]]
    logits = _run_grown(lm, b, items, make_rows, lambda where, hooks: None, lambda z: z[:, chosen], progress, cancel)
    patched = corrupt_logits[chosen].repeat(L, T, 1)  # [L, T, n]
    if items:
        layers, positions = (torch.tensor(v) for v in zip(*items))
        patched[layers, positions] = torch.cat([chunk[1:] for chunk in logits])
    return PatchGrid(
        chosen.numpy(), clean_logits[chosen].numpy(), corrupt_logits[chosen].numpy(), patched.numpy(), differs.numpy()
    )


# --------------------------------------------------------------------------- what the pages compute from them


def ranks(values: np.ndarray) -> np.ndarray:
    """1 for the largest value, ties sharing their mean rank."""
    v = np.asarray(values, dtype=np.float64).ravel()
    order = np.argsort(-v, kind="stable")
    r = np.empty(len(v))
    r[order] = np.arange(1, len(v) + 1)
    for value in np.unique(v):  # ties: their mean rank
        same = v == value
        r[same] = r[same].mean()
    return r


def rank_correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman's ρ: the correlation of the two rankings (nan when one is constant)."""
    ra, rb = ranks(a), ranks(b)
    if ra.std() == 0 or rb.std() == 0:
        return float("nan")
    return float(np.corrcoef(ra, rb)[0, 1])


def last_token_difference(resid_a: np.ndarray, resid_b: np.ndarray) -> np.ndarray:
    """[L] |x_a − x_b| / |x_a| of the last token after each block, for two traces' residual
    streams resid [L+1, T, d] (how far apart two prompts' last tokens are, layer by layer)."""
    a = np.asarray(resid_a[1:, -1], dtype=np.float64)
    b = np.asarray(resid_b[1:, -1], dtype=np.float64)
    return np.linalg.norm(a - b, axis=-1) / np.maximum(np.linalg.norm(a, axis=-1), 1e-30)


def attention_and_effect(attention: np.ndarray, drop: np.ndarray, k: int = 10) -> dict:
    """Two rankings of the same heads: by attention (the last token's weight on one source token,
    [L, H]) and by effect (|drop| of a head sweep, [L, H]). Ranks (1 = most), Spearman's ρ, and
    how many heads are in both top k."""
    attention, effect = np.asarray(attention, dtype=np.float64), np.abs(np.asarray(drop, dtype=np.float64))
    by_attention, by_effect = ranks(attention).reshape(attention.shape), ranks(effect).reshape(effect.shape)
    k = min(k, attention.size)
    return {
        "attention": attention,
        "effect": effect,
        "attention_rank": by_attention,
        "effect_rank": by_effect,
        "rho": rank_correlation(attention, effect),
        "k": k,
        "overlap": int(((by_attention <= k) & (by_effect <= k)).sum()),
    }


def restoration_summary(restored: np.ndarray) -> dict:
    """Where a patching grid [L, T] restores most: the position entering block 0, and the first
    block from which on it is always the last position (None if never)."""
    best = np.nan_to_num(restored, nan=-np.inf).argmax(axis=1)  # [L] the best position per block
    last = restored.shape[1] - 1
    moved_at = next((layer for layer in range(len(best)) if (best[layer:] == last).all()), None)
    return {
        "first_position": int(best[0]),
        "first": float(restored[0, best[0]]),
        "moved_at": moved_at,
        "last": float(restored[-1, last]),
    }
