"""Small helpers the page tests share."""

from __future__ import annotations

import io

import pandas as pd
import pyarrow as pa

# the pages that show the model on screen (not the Lessons page, the RNN translator's or the Class page)
MODEL_PAGES = [
    "Home.py",
    "pages/1_Embeddings.py",
    "pages/2_Positional_Encoding.py",
    "pages/3_Attention.py",
    "pages/4_Transformer_Block.py",
    "pages/6_Sampling.py",
]
# the widgets whose key a URL parameter may set
URL_WIDGETS = (
    "text_input",
    "text_area",
    "slider",
    "selectbox",
    "radio",
    "toggle",
    "select_slider",
    "number_input",
    "checkbox",
    "multiselect",
)


def url_widget_keys(at) -> set[str]:
    """The keys of an AppTest run's widgets that a URL parameter may set (Streamlit's own
    "$$…" keys left out)."""
    return {w.key for kind in URL_WIDGETS for w in getattr(at, kind) if w.key and not w.key.startswith("$$")}


def rendered(at) -> str:
    """Everything the browser would be sent for this run: every element's message."""
    out = []

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None:
            out.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(out)


def _datasets(chart) -> list[pd.DataFrame]:
    return [pa.ipc.open_stream(io.BytesIO(dataset.data.data)).read_pandas() for dataset in chart.proto.datasets]


def chart_tables(at) -> list[pd.DataFrame]:
    """The table each drawn chart of an AppTest run was given (its named dataset)."""
    return [table for chart in at.get("vega_lite_chart") for table in _datasets(chart)]


def named_chart_tables(at) -> dict[str, pd.DataFrame]:
    """{name: table} for each chart ui.chart drew with a CSV button (the button `csv_<name>`
    comes right after its chart); charts drawn without one are left out."""
    named, last = {}, None

    def walk(block) -> None:
        nonlocal last
        for index in sorted(block.children):
            node = block.children[index]
            if node.type == "vega_lite_chart":
                last = _datasets(node)
            elif node.type == "download_button" and (node.key or "").startswith("csv_") and last:
                named[node.key.removeprefix("csv_")], last = last[0], None
            if getattr(node, "children", None):
                walk(node)

    walk(at.main)
    return named


def bound_tabs(at) -> tuple[str, list[str]] | None:
    """(URL key, labels) of the page's lazy tabs bound to the URL (only the open one runs);
    open one with `at.session_state[key] = label` and a rerun."""
    blocks = [at.main]
    while blocks:
        block = blocks.pop()
        if block.type == "tab_container" and block.proto.tab_container.query_param_key:
            return block.proto.tab_container.query_param_key, [tab.label for tab in block.children.values()]
        blocks += [child for child in block.children.values() if getattr(child, "children", None)]
    return None


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
