"""Drawing charts: a data-free Altair chart (core.charts) plus the table it draws.

Building and validating an Altair chart costs far more than the numbers behind it, so each
chart's Vega-Lite spec is built once and kept. A builder is called as `build(Page(lang),
**params)`: it is handed the language and its parameters and nothing else, so (builder,
language, parameters) is everything its spec can depend on — and that is the cache's key.
"""

from __future__ import annotations

import contextvars
import json
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable, Iterator

import streamlit as st

from core.charts import DATA_NAME
from core.ui.page import Page

if TYPE_CHECKING:
    import pandas as pd


@st.cache_data(max_entries=256, show_spinner=False)
def _spec(_build: Callable, builder: tuple, lang: str, params: dict) -> dict:
    """The Vega-Lite spec of `_build(Page(lang), **params)` (Altair's public `to_dict`).
    `builder` names the function: pages run as __main__, so its file and line tell two apart."""
    return _build(Page(lang=lang), **params).to_dict()


LECTURE_FONT = 18  # px: tick, legend and header labels on a projector
LECTURE_GROWTH = 1.5  # heatmaps and cells grow by this much in lecture mode
LECTURE_CONFIG: dict[str, dict[str, Any]] = {
    "axis": {
        "labelFontSize": LECTURE_FONT,
        "titleFontSize": LECTURE_FONT + 2,
        "labelLimit": 0,
        "labelOverlap": "greedy",
        "titleLimit": 0,
    },
    "legend": {
        "labelFontSize": LECTURE_FONT,
        "titleFontSize": LECTURE_FONT + 2,
        "labelLimit": 0,
        "titleLimit": 0,
        "symbolSize": 200,
        "orient": "bottom",
        "direction": "horizontal",
        "columns": 2,
    },
    "header": {"labelFontSize": LECTURE_FONT, "titleFontSize": LECTURE_FONT + 2, "labelLimit": 0},
    "title": {"fontSize": LECTURE_FONT + 4},
    "text": {"fontSize": LECTURE_FONT},
}


def _taller(node):
    """Every fixed height (a number or a step per row) in a spec, times LECTURE_GROWTH."""
    if isinstance(node, list):
        return [_taller(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "height" and isinstance(value, (int, float)) and not isinstance(value, bool):
            out[key] = round(value * LECTURE_GROWTH)
        elif key == "height" and isinstance(value, dict) and isinstance(value.get("step"), (int, float)):
            out[key] = {**value, "step": round(value["step"] * LECTURE_GROWTH)}
        elif key in ("datasets", "data"):
            out[key] = value
        else:
            out[key] = _taller(value)
    return out


@st.cache_data(max_entries=256, show_spinner=False)
def _lecture_spec(builder: tuple, lang: str, params: dict, _spec_dict: dict) -> dict:
    """The spec on a projector: taller plots and cells, labels of LECTURE_FONT px that are never
    cut (no label limit), legends below the plot (their names whole)."""
    spec = _taller(_spec_dict)
    config = dict(spec.get("config", {}))
    for part, settings in LECTURE_CONFIG.items():
        config[part] = {**config.get(part, {}), **settings}
    return {**spec, "config": config}


PHONE_CONFIG: dict[str, dict[str, Any]] = {  # a 390 px screen: labels that don't pile up, legends under the plot
    "axis": {"labelOverlap": "greedy", "labelLimit": 90, "labelSeparation": 2, "labelFontSize": 11},
    "legend": {"orient": "bottom", "direction": "horizontal", "columns": 2, "labelLimit": 150},
}


@st.cache_data(max_entries=256, show_spinner=False)
def _phone_spec(builder: tuple, lang: str, params: dict, _spec_dict: dict) -> dict:
    """The spec on a phone: overlapping tick labels thinned out, legends below the plot."""
    return phone_spec(_spec_dict)


def phone_spec(_spec_dict: dict) -> dict:
    """A spec with the phone's config (PHONE_CONFIG) over its own."""
    config = dict(_spec_dict.get("config", {}))
    for part, settings in PHONE_CONFIG.items():
        config[part] = {**config.get(part, {}), **settings}
    return {**_spec_dict, "config": config}


_CAPTURED: contextvars.ContextVar[list | None] = contextvars.ContextVar("captured_charts", default=None)


@contextmanager
def capture() -> Iterator[list]:
    """The charts `chart` draws inside this block, as (build, builder, params, table): what a
    lesson step showed, for the phones of a class (`shared`)."""
    captured: list = []
    token = _CAPTURED.set(captured)
    try:
        yield captured
    finally:
        _CAPTURED.reset(token)


def shared(captured: list, langs) -> list[dict]:
    """Captured charts as the phones get them: {"specs": {lang: data-free Vega-Lite spec},
    "data": [rows]} — the spec built for each language, the table as JSON rows (NaN → null)."""
    out = []
    for build, builder, params, table in captured:
        specs = {lang: _spec(build, builder, lang, params) for lang in langs}
        out.append({"specs": specs, "data": json.loads(table.to_json(orient="records"))})
    return out


def chart(
    page: Page,
    build: Callable,
    table: pd.DataFrame,
    name: str,
    *,
    width="stretch",
    where=None,
    download: bool = True,
    **params,
) -> None:
    """Draw `build(page, **params)` — a function returning a data-free Altair chart built on
    core.charts.data() — with `table` as its data, through Streamlit's public
    st.vega_lite_chart. The table is drawn as given, and is the CSV download (written only
    when someone clicks). `where`: a container or placeholder to draw into."""
    where = where or st
    code = build.__code__
    builder = (code.co_filename, build.__qualname__, code.co_firstlineno)
    spec = _spec(build, builder, page.lang, params)
    captured = _CAPTURED.get()
    if captured is not None:
        captured.append((build, builder, params, table))
    if page.lecture:
        spec = _lecture_spec(builder, page.lang, params, spec)
    elif page.phone:
        spec = _phone_spec(builder, page.lang, params, spec)
    spec = {**spec, "datasets": {DATA_NAME: table}}
    where.vega_lite_chart(spec=spec, width=width)
    if download:
        where.download_button(
            page.t("download.csv"),
            lambda: table.to_csv(index=False).encode(),
            file_name=f"{name}.csv",
            mime="text/csv",
            key=f"csv_{name}",
            on_click="ignore",
        )
