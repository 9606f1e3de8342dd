"""Small statistics the pages share."""

from __future__ import annotations

import numpy as np


def entropy_bits(p, axis: int = -1):
    """H = −Σ p log₂ p along `axis`, in bits (0 · log 0 = 0): a float for one distribution,
    an array for many (one per row)."""
    p = np.asarray(p, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log2(np.where(p > 0, p, 1.0)), 0.0)
    h = -plogp.sum(axis=axis) + 0.0  # + 0.0: no "-0.0" for a certain outcome
    return float(h) if np.ndim(h) == 0 else h
