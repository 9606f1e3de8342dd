"""From logits to the next token: temperature, top-k, top-p, sampling, generation, logit lens.

    filtered = filter_logits(logits, temperature=0.8, top_k=50, top_p=0.9)  # removed -> -inf
    dist = next_token_distribution(logits, temperature=0.8, top_k=50, top_p=0.9)
    dist.entropy_bits, dist.n_kept, dist.mass_kept
    for step in generate_steps(lm, prompt_ids, 30, temperature=0.8, seed=42): ...
    lens = lens_table(lm, *start_logit_lens(lm, trace, k=5).result())

The filters are the ones Hugging Face's `generate(do_sample=True)` applies, in its order:
temperature (z / T), then top-k (keep every logit >= the k-th largest: ties at the k-th
value survive), then top-p (a softmax over what top-k left; sorted from the least likely
up, drop tokens while the mass below them is <= 1 - p; the most likely token always
survives). `top_k=0` and `top_p=1.0` switch a filter off, exactly as `generate` leaves the
warper out. Greedy decoding is not "temperature 0": it is its own mode (argmax).
"""

from __future__ import annotations

import math
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

import numpy as np
import pandas as pd

from core.models import LM, on_model_thread, start_on_model_thread
from core.stats import entropy_bits
from core.trace import Trace

if TYPE_CHECKING:
    import torch

MAX_NEW_TOKENS = 100  # a generation's cap: every step is one forward pass
FILTERED = -math.inf  # the value a removed logit gets


# --------------------------------------------------------------------------- the filters


def check_settings(temperature: float, top_k: int, top_p: float) -> None:
    """ValueError with a plain message for settings no sampler can use."""
    if not isinstance(temperature, (int, float)) or not math.isfinite(temperature) or temperature <= 0:
        raise ValueError(
            f"temperature must be a positive number, got {temperature!r}; "
            "for temperature -> 0 use greedy decoding (argmax) instead"
        )
    if isinstance(top_k, bool) or not isinstance(top_k, (int, np.integer)) or top_k < 0:
        raise ValueError(f"top_k must be an integer >= 0 (0 switches it off), got {top_k!r}")
    if not isinstance(top_p, (int, float)) or not 0.0 <= top_p <= 1.0:
        raise ValueError(f"top_p must be between 0 and 1 (1 switches it off), got {top_p!r}")


def apply_temperature(logits: torch.Tensor, temperature: float) -> torch.Tensor:
    """[..., V] z / T: T < 1 sharpens the softmax, T > 1 flattens it."""
    return logits / temperature


def apply_top_k(logits: torch.Tensor, top_k: int) -> torch.Tensor:
    """[..., V] keep the logits >= the k-th largest (ties with it kept too), rest -inf."""
    import torch

    k = min(max(int(top_k), 1), logits.shape[-1])  # at least one token, at most all of them
    kth_largest = torch.topk(logits, k, dim=-1).values[..., -1:]  # [..., 1]
    return logits.masked_fill(logits < kth_largest, FILTERED)


def apply_top_p(logits: torch.Tensor, top_p: float) -> torch.Tensor:
    """[..., V] nucleus filter: the smallest set of most likely tokens whose probability
    reaches p; the most likely token always stays."""
    import torch

    ascending, order = torch.sort(logits, descending=False, dim=-1)  # [..., V] least likely first
    mass_up_to = ascending.softmax(dim=-1).cumsum(dim=-1)  # [..., V] mass of this token and below
    remove_sorted = mass_up_to <= (1 - top_p)  # the tail holding at most 1 - p of the mass
    remove_sorted[..., -1] = False  # the most likely token is never removed
    remove = remove_sorted.scatter(-1, order, remove_sorted)  # back to vocabulary order
    return logits.masked_fill(remove, FILTERED)


def filter_logits(logits: torch.Tensor, temperature: float = 1.0, top_k: int = 0, top_p: float = 1.0) -> torch.Tensor:
    """[..., V] -> [..., V]: temperature, then top-k, then top-p, removed entries at -inf.

    The same result as Hugging Face's TemperatureLogitsWarper -> TopKLogitsWarper ->
    TopPLogitsWarper as `generate` builds them. Raises ValueError for temperature <= 0.
    """
    import torch

    check_settings(temperature, top_k, top_p)
    logits = torch.as_tensor(logits).float()
    if temperature != 1.0:
        logits = apply_temperature(logits, temperature)
    if top_k != 0:
        logits = apply_top_k(logits, top_k)
    if top_p < 1.0:
        logits = apply_top_p(logits, top_p)
    return logits


# --------------------------------------------------------------------------- the distribution


@dataclass
class Distribution:
    """Every stage of one next-token distribution over the whole vocabulary ([V] arrays)."""

    original: np.ndarray  # softmax(z): the model's own probabilities
    tempered: np.ndarray  # softmax(z / T) (greedy: the original)
    after_top_k: np.ndarray  # renormalized over what top-k left: the distribution top-p cuts
    final: np.ndarray  # what the next token is drawn from (greedy: 1 on the argmax)
    removed_by_top_k: np.ndarray  # bool
    removed_by_top_p: np.ndarray  # bool
    greedy: bool
    temperature: float
    top_k: int
    top_p: float

    @property
    def kept(self) -> np.ndarray:
        return self.final > 0

    @property
    def n_kept(self) -> int:
        return int(self.kept.sum())

    @property
    def mass_kept(self) -> float:
        """How much of the tempered distribution the surviving tokens held before renormalizing."""
        return float(self.tempered[self.kept].sum())

    @property
    def entropy_bits(self) -> float:
        """H = -sum p log2 p of the distribution actually sampled from."""
        return entropy_bits(self.final)

    @property
    def entropy_tempered_bits(self) -> float:
        """Entropy after the temperature alone, before top-k and top-p cut anything."""
        return entropy_bits(self.tempered)

    @property
    def entropy_original_bits(self) -> float:
        return entropy_bits(self.original)


def _softmax64(logits: torch.Tensor) -> np.ndarray:
    import torch

    return torch.softmax(logits.double(), dim=-1).numpy()


def next_token_distribution(
    logits, temperature: float = 1.0, top_k: int = 0, top_p: float = 1.0, greedy: bool = False
) -> Distribution:
    """[V] logits -> every stage of the sampling distribution (see Distribution)."""
    import torch

    z = torch.tensor(np.asarray(logits), dtype=torch.float32)  # [V] a copy: traces are read-only
    original = _softmax64(z)
    if greedy:
        final = np.zeros_like(original)
        final[int(torch.argmax(z))] = 1.0
        none = np.zeros(len(original), dtype=bool)
        return Distribution(original, original, original, final, none, none.copy(), True, 1.0, 0, 1.0)
    check_settings(temperature, top_k, top_p)
    # each stage filters the one before, in filter_logits's order
    tempered = filter_logits(z, temperature)
    after_k = apply_top_k(tempered, top_k) if top_k != 0 else tempered
    after_p = apply_top_p(after_k, top_p) if top_p < 1.0 else after_k
    return Distribution(
        original=original,
        tempered=_softmax64(tempered),
        after_top_k=_softmax64(after_k),
        final=_softmax64(after_p),
        removed_by_top_k=torch.isinf(after_k).numpy() & ~torch.isinf(tempered).numpy(),
        removed_by_top_p=torch.isinf(after_p).numpy() & ~torch.isinf(after_k).numpy(),
        greedy=False,
        temperature=float(temperature),
        top_k=int(top_k),
        top_p=float(top_p),
    )


def distribution_table(lm: LM, dist: Distribution, n: int) -> pd.DataFrame:
    """The n most likely tokens (by the model's logits) with every stage's probability,
    what removed them, and the cumulative mass top-p looks at (after top-k)."""
    order = top_n_indices(dist.original, n)  # [n] temperature keeps the order
    cumulative = np.cumsum(np.sort(_largest(dist.after_top_k, len(order)))[::-1])  # [n]
    status = np.where(
        dist.removed_by_top_k[order],
        "top_k",
        np.where(dist.removed_by_top_p[order], "top_p", np.where(dist.final[order] > 0, "kept", "greedy")),
    )
    tokens = lm.display_tokens(order)
    return pd.DataFrame(
        {
            "rank": np.arange(1, len(order) + 1),
            "token": tokens,
            "label": unique_labels(tokens),
            "token_id": order.astype(int),
            "p_original": dist.original[order],
            "p_tempered": dist.tempered[order],
            "p_final": dist.final[order],
            "cumulative": cumulative,
            "status": status,
        }
    )


def top_n_indices(values: np.ndarray, n: int) -> np.ndarray:
    """[V] -> [min(n, V)] the indices of the n largest values, largest first, ties in index
    order: for n >= 0, np.argsort(-values, kind="stable")[:n] without sorting the whole
    vocabulary."""
    n = min(int(n), len(values))
    if n <= 0:
        return np.zeros(0, dtype=np.int64)
    threshold = _largest(values, n).min()  # the n-th largest value
    if np.isnan(threshold):  # NaNs: let argsort place them as it always has
        return np.argsort(-values, kind="stable")[:n]
    above = np.flatnonzero(values > threshold)
    tied = np.flatnonzero(values == threshold)[: n - len(above)]  # lowest indices first
    chosen = np.concatenate([above, tied])
    return chosen[np.argsort(-values[chosen], kind="stable")]


def _largest(values: np.ndarray, n: int) -> np.ndarray:
    """The n largest values (all of them if there are fewer), in no particular order."""
    n = max(0, min(int(n), len(values)))
    return values[np.argpartition(values, len(values) - n)[len(values) - n :]] if n else values[:0]


def unique_labels(tokens: list[str]) -> list[str]:
    """Axis labels: the token, with its rank added where two tokens look the same."""
    seen: dict[str, int] = {}
    for tok in tokens:
        seen[tok] = seen.get(tok, 0) + 1
    return [tok if seen[tok] == 1 else f"{tok} ({i + 1})" for i, tok in enumerate(tokens)]


# --------------------------------------------------------------------------- choosing a token


def choose_tokens(
    logits: torch.Tensor,
    temperature: float = 1.0,
    top_k: int = 0,
    top_p: float = 1.0,
    greedy: bool = False,
    generator: torch.Generator | None = None,
):
    """[B, V] logits -> ([B] chosen ids, [B, V] the distribution shown for each choice).

    Sampling draws with torch.multinomial from softmax(filter_logits(...)), as `generate`
    does; greedy takes the argmax and shows the model's own softmax.
    """
    import torch

    logits = logits.float()
    if greedy:
        return torch.argmax(logits, dim=-1), torch.softmax(logits, dim=-1)
    probs = torch.softmax(filter_logits(logits, temperature, top_k, top_p), dim=-1)
    return torch.multinomial(probs, num_samples=1, generator=generator).squeeze(1), probs


def next_token_logits(lm: LM, ids) -> np.ndarray:
    """[V] the model's logits for the token after `ids` (one forward pass)."""
    import torch

    out = lm.forward(input_ids=torch.tensor([list(ids)]), use_cache=False, logits_to_keep=1)
    return out.logits[0, -1].float().numpy()


def step_seed(seed: int, step: int) -> int:
    """A seed for the step-th click of the step-by-step mode: same clicks, same text."""
    return (int(seed) * 1_000_003 + int(step)) % (2**63)


# --------------------------------------------------------------------------- generation


@dataclass
class Step:
    """One generated token and the distribution it came from."""

    index: int  # 0 for the first new token
    token_id: int
    token: str  # display string (visible space mark, partial characters labelled)
    text: str  # what this step adds to the decoded text ("" while a character is incomplete)
    probability: float  # of the chosen token in the distribution shown
    kept: int  # how many tokens that distribution could have drawn (greedy: 1)
    alternatives: list[tuple[str, int, float]] = field(default_factory=list)  # (token, id, p)
    is_eos: bool = False


def _cap_new_tokens(lm: LM, n_prompt: int, max_new_tokens: int) -> int:
    return max(0, min(int(max_new_tokens), MAX_NEW_TOKENS, lm.arch.context_length - n_prompt))


def generate(
    lm: LM,
    prompt_ids,
    max_new_tokens: int,
    *,
    rows: int = 1,
    temperature: float = 1.0,
    top_k: int = 0,
    top_p: float = 1.0,
    greedy: bool = False,
    seed: int = 0,
    n_alternatives: int = 5,
    stop_at_eos: bool = True,
) -> Iterator[list[Step | None]]:
    """The one decoding loop: `rows` continuations of the same prompt drawn side by side as
    one batch, each row its own draw. Yields, for every new position, one Step per row
    (None for a row that has already ended), at most MAX_NEW_TOKENS times.

    The prompt runs once; after that each step feeds only the newest tokens and reuses the
    keys and values of all earlier ones (the KV cache). Each step is one call on the model
    thread, so other sessions' forward passes run between steps.
    """
    import torch

    if not greedy:
        check_settings(temperature, top_k, top_p)
    prompt_ids = [int(i) for i in prompt_ids]
    n_new = _cap_new_tokens(lm, len(prompt_ids), max_new_tokens)
    generator = torch.Generator().manual_seed(int(seed))
    eos = lm.eos_ids if stop_at_eos else set()
    feed = torch.tensor([prompt_ids] * rows)  # [B, T] the prompt, then [B, 1] each new token
    cache = None
    new_ids: list[list[int]] = [[] for _ in range(rows)]
    shown = [""] * rows  # each row's decoded text so far
    ended = [False] * rows
    for index in range(n_new):
        out = lm.forward(input_ids=feed, past_key_values=cache, use_cache=True, logits_to_keep=1)
        cache = out.past_key_values
        chosen, probs = choose_tokens(out.logits[:, -1], temperature, top_k, top_p, greedy, generator)  # [B], [B, V]
        steps: list[Step | None] = []
        for row, token in enumerate(chosen.tolist()):
            if ended[row]:
                steps.append(None)
                continue
            new_ids[row].append(token)
            decoded, added = lm.decode(new_ids[row]), ""
            if not decoded.endswith("\ufffd"):  # hold back half a character (Korean, emoji)
                common = len(shown[row]) if decoded.startswith(shown[row]) else 0
                added, shown[row] = decoded[common:], decoded
            ended[row] = token in eos
            steps.append(
                Step(
                    index=index,
                    token_id=token,
                    token=lm.display_tokens([token])[0],
                    text=added,
                    probability=float(probs[row, token]),
                    kept=int((probs[row] > 0).sum()) if not greedy else 1,
                    alternatives=_top_alternatives(lm, probs[row], n_alternatives),
                    is_eos=token in eos,
                )
            )
        yield steps
        if all(ended):
            return
        feed = chosen[:, None]  # [B, 1]


def _top_alternatives(lm: LM, probs: torch.Tensor, n: int) -> list[tuple[str, int, float]]:
    import torch

    values, ids = torch.topk(probs, min(n, probs.shape[-1]))
    shown = lm.display_tokens(ids.tolist())
    return [(s, int(i), float(v)) for s, i, v in zip(shown, ids, values)]


def generate_steps(lm: LM, prompt_ids, max_new_tokens: int, **settings) -> Iterator[Step]:
    """One continuation, a Step per new token (streamed generation)."""
    for steps in generate(lm, prompt_ids, max_new_tokens, **settings):
        if steps[0] is None:  # the one row has ended
            return
        yield steps[0]


def generate_text(lm: LM, prompt_ids, max_new_tokens: int, **settings) -> list[int]:
    """The new token ids generate_steps produces (for tests and the benchmark)."""
    return [step.token_id for step in generate_steps(lm, prompt_ids, max_new_tokens, **settings)]


def sample_many(lm: LM, prompt_ids, n_samples: int, max_new_tokens: int, **settings) -> list[list[int]]:
    """n continuations of the same prompt drawn at once as one batch; each row stops at its
    end-of-text token."""
    rows: list[list[int]] = [[] for _ in range(n_samples)]
    for steps in generate(lm, prompt_ids, max_new_tokens, rows=n_samples, n_alternatives=0, **settings):
        for row, step in zip(rows, steps):
            if step is not None:
                row.append(step.token_id)
    return rows


def sample_next(lm: LM, ids, seed: int, n_alternatives: int = 10, **settings) -> Step:
    """One step of the step-by-step mode: the next token after `ids`, one seeded draw, with
    the top alternatives of the distribution it came from."""
    steps = next(generate(lm, ids, 1, seed=seed, n_alternatives=n_alternatives, stop_at_eos=False, **settings), None)
    if steps is None or steps[0] is None:
        raise ValueError(
            f"no room for another token: the text already fills the model's context of {lm.arch.context_length} tokens"
        )
    return steps[0]


# --------------------------------------------------------------------------- logit lens


def logit_lens_logits(lm: LM, trace: Trace) -> np.ndarray:
    """[L+1, V] what the model would predict after the last token if it stopped after each
    block (0 = the embeddings): that point of the residual stream through the final norm
    and the unembedding. After the last block this is the model's own logits."""
    return on_model_thread(_lens_logits, lm, trace.resid[:, -1]).float().numpy()


def _lens_logits(lm: LM, resid_last) -> torch.Tensor:
    import torch

    h = torch.as_tensor(np.array(resid_last, dtype=np.float32))  # [L+1, d] un-normed
    return lm.arch.readout(h)  # [L+1, V] final norm (if any), project_out (if any), unembedding


def start_logit_lens(lm: LM, trace: Trace, k: int = 5) -> Future:
    """The logit lens's top k per layer, started on the model thread: a Future of
    ([L+1, k] token ids, [L+1, k] probabilities) for lens_table."""
    import torch

    resid_last = trace.resid[:, -1]

    def top_k() -> tuple[torch.Tensor, torch.Tensor]:
        logits = _lens_logits(lm, resid_last)  # [L+1, V]
        ids = torch.topk(logits, min(k, logits.shape[-1]), dim=-1).indices  # [L+1, k]
        return ids, torch.softmax(logits, dim=-1).gather(-1, ids)  # [L+1, k] both

    return start_on_model_thread(top_k)


def lens_table(lm: LM, ids: torch.Tensor, probs: torch.Tensor, k: int | None = None) -> pd.DataFrame:
    """Long table: for each layer (0 = embeddings) its top-k next tokens and probabilities
    (the first k columns of what start_logit_lens found)."""
    ids, probs = ids[:, :k], probs[:, :k]
    n_layers, n_shown = ids.shape
    shown = [tok for layer in ids.tolist() for tok in lm.display_tokens(layer)]
    return pd.DataFrame(
        {
            "layer": np.repeat(np.arange(n_layers), n_shown),
            "rank": np.tile(np.arange(1, n_shown + 1), n_layers),
            "token": shown,
            "token_id": ids.reshape(-1).numpy().astype(int),
            "probability": probs.reshape(-1).double().numpy(),
        }
    )
