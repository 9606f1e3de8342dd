"""Token embeddings: a token id picks a row of one big learned matrix.

    index = EmbeddingIndex(lm)               # the [V, d] matrix and its row norms, once
    king = index.word(lm, "king")            # " king" -> its token ids and its row
    index.neighbours(king.vector, k=10)      # the closest rows of the whole vocabulary
    cosine_matrix(np.stack([w.vector for w in words]))
    drift = context_drift(lm, hidden_states_per_sentence, spans)   # [pairs, points]

Everything here is plain numpy / torch on the loaded model; nothing imports streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np

from core.models import LM

if TYPE_CHECKING:
    pass

MAX_WORDS = 20  # the cosine heatmap is n x n and the scatter labels every word
MAX_WORD_CHARS = 40
MAX_NEIGHBOURS = 50
MAX_SENTENCES = 5  # pairs grow as n(n-1)/2


# --------------------------------------------------------------------------- the matrix


@dataclass
class MatrixFacts:
    vocab_size: int  # rows
    d_model: int  # columns
    n_params: int  # rows x columns
    share: float  # of all the model's parameters
    tied: bool  # the output layer reuses this matrix to score the next token


def matrix_facts(lm: LM) -> MatrixFacts:
    rows, cols = lm.arch.token_embedding().shape
    tied = lm.arch.tied_embeddings()
    return MatrixFacts(vocab_size=rows, d_model=cols, n_params=rows * cols, share=rows * cols / lm.n_params, tied=tied)


# --------------------------------------------------------------------------- words and rows


@dataclass
class Word:
    """A word as the model reads it in the middle of a sentence (with its leading space)."""

    text: str  # what the user typed
    token_ids: list[int]
    pieces: list[str]  # readable token strings
    vector: np.ndarray  # [d] the row of its one token, or the mean of its pieces' rows

    @property
    def split(self) -> bool:
        return len(self.token_ids) > 1


def random_rows(token_ids, d: int, scale: float, seed: int = 0) -> np.ndarray:
    """[n, d] the rows an untrained matrix of the same shape would hold for these tokens:
    each row independent N(0, scale²), fixed per token id and seed (no [V, d] matrix is made)."""
    return np.stack([np.random.default_rng([seed, int(i)]).normal(0.0, scale, d) for i in token_ids])


def untrained_vector(word: Word, d: int, scale: float, seed: int = 0) -> np.ndarray:
    """[d] the word as an untrained matrix would give it: its pieces' random rows, averaged
    the way EmbeddingIndex.word averages the trained ones."""
    return random_rows(word.token_ids, d, scale, seed).mean(axis=0)


def parse_words(text: str, limit: int = MAX_WORDS) -> tuple[list[str], int]:
    """Comma- or line-separated words, trimmed, de-duplicated, capped. Returns the words
    kept and how many were given before the cap."""
    seen: dict[str, None] = {}
    for part in (text or "").replace("\n", ",").split(","):
        word = " ".join(part.split())[:MAX_WORD_CHARS]
        if word:
            seen.setdefault(word, None)
    words = list(seen)
    return words[:limit], len(words)


class EmbeddingIndex:
    """The token-embedding matrix with its row norms computed once, so cosine similarity
    against the whole vocabulary is one matrix-vector product. It keeps the matrix, not the
    model: a cached index never holds on to a model that was unloaded."""

    def __init__(self, lm: LM):
        import torch

        with torch.no_grad():
            self.matrix = lm.arch.token_embedding().detach().float()  # [V, d] (no copy)
            norms = self.matrix.norm(dim=1)  # [V]
            self.scale = float(self.matrix.std())  # the spread of the trained numbers
        self.inv_norms = 1.0 / norms.clamp_min(1e-12)  # [V]

    def word(self, lm: LM, text: str) -> Word:
        """The word as the model sees it after a space: one token's row, or the mean of
        the rows of the pieces it splits into."""
        import torch

        ids = lm.encode(" " + text.strip())
        if not ids:
            raise ValueError("a word has no tokens")
        rows = self.matrix[torch.tensor(ids)]  # [pieces, d]
        return Word(
            text=text, token_ids=list(ids), pieces=lm.display_tokens(ids), vector=rows.mean(dim=0).numpy().copy()
        )

    def neighbours(self, vector: np.ndarray, k: int = 10) -> list[tuple[int, float]]:
        """The k token ids whose rows point most nearly the same way as `vector`, with
        their cosine similarity, best first."""
        import torch

        v = torch.as_tensor(vector, dtype=torch.float32)  # [d]
        cos = (self.matrix @ v) * self.inv_norms / v.norm().clamp_min(1e-12)  # [V]
        top = torch.topk(cos, min(k, cos.numel()))
        return list(zip(top.indices.tolist(), top.values.tolist()))


# --------------------------------------------------------------------------- geometry


def cosine_matrix(vectors: np.ndarray) -> np.ndarray:
    """[n, d] -> [n, n] cos(a, b) = a·b / (|a| |b|)."""
    v = np.asarray(vectors, dtype=np.float64)
    unit = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
    return np.clip(unit @ unit.T, -1.0, 1.0)


@dataclass
class Projection:
    coords: np.ndarray  # [n, 2] the points on the two principal axes
    axes: np.ndarray  # [2, d] unit principal directions, orthogonal
    explained: np.ndarray  # [2] fraction of the points' variance each axis keeps


def pca_2d(vectors: np.ndarray) -> Projection:
    """Principal component analysis of [n, d] points (n >= 2) down to two axes."""
    x = np.asarray(vectors, dtype=np.float64)
    centred = x - x.mean(axis=0)  # [n, d]
    _, s, vt = np.linalg.svd(centred, full_matrices=False)  # s: [min(n, d)] descending
    total = float((s**2).sum())
    variance = s**2 / total if total > 0 else np.zeros_like(s)
    axes = np.zeros((2, x.shape[1]))
    explained = np.zeros(2)
    m = min(2, len(s))
    axes[:m], explained[:m] = vt[:m], variance[:m]
    return Projection(coords=centred @ axes.T, axes=axes, explained=explained)


# --------------------------------------------------------------------------- context


def find_word(lm: LM, token_ids, word: str) -> list[int] | None:
    """Positions of the first occurrence of `word` in the sentence's token ids (written
    after a space, or at the very start), or None if the tokens aren't there."""
    ids = [int(i) for i in token_ids]
    forms = [lm.encode(prefix + word.strip()) for prefix in (" ", "")]
    for form in forms:
        n = len(form)
        for start in range(len(ids) - n + 1) if n else ():
            if ids[start : start + n] == form and (form is forms[0] or start == 0):
                return list(range(start, start + n))
    return None


def word_states(
    token_rows: np.ndarray, hidden_states: np.ndarray, positions: list[int], with_positions: bool
) -> np.ndarray:
    """The word's vector at every point through the network: its token row(s), then (for
    learned positions) the row plus position, then each block's output. Pieces of a split
    word are averaged. token_rows [T, d], hidden_states [L+1, T, d] -> [points, d]."""
    row = token_rows[positions].mean(axis=0)  # [d]
    blocks = hidden_states[:, positions].mean(axis=1)  # [L+1, d]
    states = blocks if with_positions else blocks[1:]  # rotary: hidden_states[0] is the row
    return np.concatenate([row[None], states], axis=0)


def point_names(n_layers: int, with_positions: bool) -> list[str]:
    """Stable names for the points of word_states: "token", "position", "1".."L"."""
    return ["token"] + (["position"] if with_positions else []) + [str(i) for i in range(1, n_layers + 1)]


def context_drift(states: list[np.ndarray]) -> dict[tuple[int, int], np.ndarray]:
    """Cosine similarity between the word's vectors in each pair of sentences, at every
    point: {(i, j): [points]}. states: one [points, d] array per sentence."""
    drift = {}
    for i, j in combinations(range(len(states)), 2):
        a, b = states[i].astype(np.float64), states[j].astype(np.float64)
        dots = (a * b).sum(axis=1)
        norms = np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1)
        drift[(i, j)] = np.clip(dots / np.maximum(norms, 1e-12), -1.0, 1.0)
    return drift
