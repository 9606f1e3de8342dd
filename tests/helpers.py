"""Small helpers the page tests share."""

from __future__ import annotations

import io

import pandas as pd
import pyarrow as pa


def chart_tables(at) -> list[pd.DataFrame]:
    """The table each drawn chart of an AppTest run was given (its named dataset)."""
    tables = []
    for chart in at.get("vega_lite_chart"):
        for dataset in chart.proto.datasets:
            tables.append(pa.ipc.open_stream(io.BytesIO(dataset.data.data)).read_pandas())
    return tables


def sharpened(folder):
    """A fresh copy of a tiny model (loaded the way users load models) with larger weights,
    so attention is far from uniform and every sublayer changes the stream."""
    import torch

    from core.models import load_lm

    lm = load_lm(str(folder))
    torch.manual_seed(1)
    with torch.no_grad():
        for p in lm.model.parameters():
            p.normal_(0, 0.5) if p.dim() == 2 else p.add_(torch.randn_like(p) * 0.1)
    return lm
