"""Positional encodings: fixed sine waves, learned vectors, and rotations.

    PE = sinusoidal(64, 128)                 # Vaswani et al. 2017 §3.5, [64, 128]
    W = learned_positions(lm)                # GPT-2's wpe [1024, 768]; None for rotary models
    theta = rotary_frequencies(lm)           # a rotary model's angle per position, per pair
    similarity_by_distance(PE, 32)           # mean cos(PE[p], PE[p+k]) for k = 0..32

Everything is numpy on the loaded model's own numbers; nothing imports streamlit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from core.embeddings import cosine_matrix

if TYPE_CHECKING:
    from core.models import LM


# --------------------------------------------------------------------------- sinusoidal


def frequencies(d_model: int, base: float = 10000.0) -> np.ndarray:
    """ω_i = 1 / base^(2i/d) for each sine/cosine pair i = 0 .. ceil(d/2)-1."""
    i = np.arange((d_model + 1) // 2)
    return 1.0 / base ** (2 * i / d_model)


def sinusoidal(n_positions: int, d_model: int, base: float = 10000.0) -> np.ndarray:
    """[n, d] PE[pos, 2i] = sin(pos ω_i), PE[pos, 2i+1] = cos(pos ω_i). An odd d ends on a sine."""
    angles = np.arange(n_positions)[:, None] * frequencies(d_model, base)[None]  # [n, ceil(d/2)]
    pe = np.empty((n_positions, d_model))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles[:, : d_model // 2])
    return pe


def offset_rotation(d_model: int, k: int, base: float = 10000.0) -> np.ndarray:
    """[d, d] the matrix R_k with PE[pos + k] = R_k PE[pos] for every pos: a 2×2 rotation by
    k ω_i on each (sin, cos) pair — it depends on k only, never on pos. Needs an even d
    (with an odd d the last sine has no cosine partner to turn with)."""
    if d_model % 2:
        raise ValueError("offset_rotation needs an even d_model")
    r = np.zeros((d_model, d_model))
    for i, w in enumerate(frequencies(d_model, base)):
        c, s = np.cos(k * w), np.sin(k * w)  # (sin, cos)(p + k) = [[c, s], [-s, c]] (sin, cos)(p)
        r[2 * i : 2 * i + 2, 2 * i : 2 * i + 2] = [[c, s], [-s, c]]
    return r


def shifted_dots(pe: np.ndarray, k: int) -> np.ndarray:
    """[n - k] PE[p] · PE[p + k] for every p that has a partner k later."""
    return (pe[: len(pe) - k] * pe[k:]).sum(axis=1)


def similarity_by_distance(vectors: np.ndarray, max_k: int) -> np.ndarray:
    """[max_k + 1] the mean cosine similarity of positions k apart, k = 0 .. max_k."""
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return np.array(
        [(unit[: len(unit) - k] * unit[k:]).sum(axis=1).mean() for k in range(min(max_k, len(unit) - 1) + 1)]
    )


# --------------------------------------------------------------------------- the model's own


def learned_positions(lm: LM) -> np.ndarray | None:
    """[context, d] the model's learned position vectors (GPT-2 `wpe`); None for rotary."""
    wpe = lm.arch.position_embedding()
    return None if wpe is None else wpe.detach().float().numpy().copy()


def rotary_base(lm: LM) -> float:
    """The rotary base ("rope_theta") from the model's config (its family adapter knows where)."""
    return lm.arch.rotary_base() or 10000.0


def rotary_frequencies(lm: LM) -> np.ndarray:
    """[rotary_dims / 2] θ_i = 1 / base^(2i/rotary_dims), the angle per position of each pair
    that turns. rotary_dims is d_head for Llama, a quarter of it for Pythia: the rest of
    each head is not turned at all."""
    return frequencies(lm.arch.rotary_dims, rotary_base(lm))


def rotary_pairs(n: int, layout: str = "halves") -> list[tuple[int, int]]:
    """The (dimension, dimension) pairs that turn together among n rotated numbers: "halves"
    pairs i with i + n/2 (Llama, GPT-NeoX), "pairs" pairs 2i with 2i+1 (GPT-J)."""
    if layout == "halves":
        return [(i, i + n // 2) for i in range(n // 2)]
    if layout == "pairs":
        return [(2 * i, 2 * i + 1) for i in range(n // 2)]
    raise ValueError(f"unknown rotary layout {layout!r}")


def rotate(x: np.ndarray, position: int, inv_freq: np.ndarray, layout: str = "halves") -> np.ndarray:
    """Rotary position encoding of one vector x [2 · len(inv_freq)] at `position`: pair i
    (rotary_pairs: the family's layout) turns by position·θ_i."""
    angle = position * inv_freq  # [pairs]
    c, s = np.cos(angle), np.sin(angle)
    a_i, b_i = (np.array(ix) for ix in zip(*rotary_pairs(len(x), layout)))
    out = np.array(x, dtype=np.float64)
    a, b = out[a_i].copy(), out[b_i].copy()
    out[a_i], out[b_i] = a * c - b * s, b * c + a * s
    return out


def rotary_similarity_by_distance(inv_freq: np.ndarray, max_k: int, n_pairs: int | None = None) -> np.ndarray:
    """[max_k + 1] what RoPE does to a query and a key that are the same vector with equal
    energy in every pair of a head with `n_pairs` pairs (default: every pair turns), k
    positions apart: (q·k) / |q|² = mean over pairs of cos(k θ_i), where a pair that is
    not turned counts cos 0 = 1."""
    n_pairs = len(inv_freq) if n_pairs is None else n_pairs
    k = np.arange(max_k + 1)[:, None]
    return (np.cos(k * inv_freq[None]).sum(axis=1) + (n_pairs - len(inv_freq))) / n_pairs


def own_position_similarity(lm: LM, m: int) -> tuple[str, np.ndarray]:
    """The model's own position-to-position similarity over its first m positions, as the
    positional page draws it beside the sinusoidal table: ("learned", the cosine of its table's
    rows) or ("rotary", what its rotation does to one vector k positions apart). [m, m]"""
    wpe = learned_positions(lm)
    if wpe is not None:
        return "learned", cosine_matrix(wpe[:m])
    curve = rotary_similarity_by_distance(rotary_frequencies(lm), m, n_pairs=lm.arch.d_head // 2)
    return "rotary", curve[np.abs(np.arange(m)[:, None] - np.arange(m)[None])]


# --------------------------------------------------------------------------- word order


def matched_occurrences(ids_a, ids_b) -> list[tuple[int, int]]:
    """Pairs (position in a, position in b) of the same token id, the n-th occurrence in a
    with the n-th in b — how the tokens of a sentence and its shuffle correspond."""
    where_b: dict[int, list[int]] = {}
    for j, tok in enumerate(ids_b):
        where_b.setdefault(int(tok), []).append(j)
    pairs: list[tuple[int, int]] = []
    used: dict[int, int] = {}  # token id → how many of its places in b are taken
    for i, tok in enumerate(ids_a):
        n = used.get(int(tok), 0)
        spots = where_b.get(int(tok), [])
        if n < len(spots):
            pairs.append((i, spots[n]))
        used[int(tok)] = n + 1
    return pairs
