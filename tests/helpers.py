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
