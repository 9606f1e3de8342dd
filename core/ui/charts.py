"""Drawing charts: a data-free Altair chart (core.charts) plus the table it draws.

Building and validating an Altair chart costs far more than the numbers behind it, so each
chart's Vega-Lite spec is built once and kept. A builder is called as `build(Page(lang),
**params)`: it is handed the language and its parameters and nothing else, so (builder,
language, parameters) is everything its spec can depend on — and that is the cache's key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

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


def chart(page: Page, build: Callable, table: pd.DataFrame, name: str, *, width="stretch",
          where=None, download: bool = True, **params) -> None:
    """Draw `build(page, **params)` — a function returning a data-free Altair chart built on
    core.charts.data() — with `table` as its data, through Streamlit's public
    st.vega_lite_chart. The table is drawn as given, and is the CSV download (written only
    when someone clicks). `where`: a container or placeholder to draw into."""
    where = where or st
    code = build.__code__
    builder = (code.co_filename, build.__qualname__, code.co_firstlineno)
    spec = {**_spec(build, builder, page.lang, params), "datasets": {DATA_NAME: table}}
    where.vega_lite_chart(spec=spec, width=width)
    if download:
        where.download_button(page.t("download.csv"), lambda: table.to_csv(index=False).encode(),
                              file_name=f"{name}.csv", mime="text/csv", key=f"csv_{name}",
                              on_click="ignore")
