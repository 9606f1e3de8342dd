"""ui.chart: a data-free Altair chart whose spec is built once per builder, language and
parameters, drawn through Streamlit's public st.vega_lite_chart with the table it is given."""

import io
import json

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest


def script():
    import altair as alt
    import pandas as pd
    import streamlit as st

    from core import ui

    builds = st.session_state.setdefault("builds", [])

    def line(page, title):
        builds.append((page.lang, title))
        return alt.Chart(ui.data()).mark_line().encode(x="x:Q", y=alt.Y("y:Q", title=page.t("download.csv") + title))

    page = ui.Page(lang=st.session_state.get("lang", "en"))
    n = st.session_state.get("n", 3)
    table = pd.DataFrame({"x": range(n), "y": [float(i * i) for i in range(n)]})
    ui.chart(page, line, table, "line", title=st.session_state["title"])


def run(title: str, **state) -> AppTest:
    at = AppTest.from_function(script, default_timeout=60)
    at.session_state["title"] = title  # every test its own title: a fresh spec cache
    for k, v in state.items():
        at.session_state[k] = v
    return at.run()


def drawn(at):
    (chart,) = at.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    tables = {d.name: pa.ipc.open_stream(io.BytesIO(d.data.data)).read_pandas() for d in chart.proto.datasets}
    return spec, tables


def test_the_table_given_is_what_is_drawn():
    at = run(" drawn")
    assert not at.exception
    spec, tables = drawn(at)
    assert spec["data"] == {"name": "page_table"} and spec["mark"]["type"] == "line"
    assert spec["encoding"]["y"]["title"] == "Download data (CSV) drawn"
    assert list(tables) == ["page_table"]
    pd.testing.assert_frame_equal(
        tables["page_table"].reset_index(drop=True),
        pd.DataFrame({"x": [0, 1, 2], "y": [0.0, 1.0, 4.0]}),
        check_dtype=False,
    )


def test_built_once_per_parameters_and_language_while_the_data_changes():
    at = run(" squares")
    for n in (5, 8):  # new tables: drawn, not built again
        at.session_state["n"] = n
        at.run()
        assert not at.exception
        assert len(drawn(at)[1]["page_table"]) == n
    assert at.session_state["builds"] == [("en", " squares")]
    at.session_state["lang"] = "ko"  # same parameters, other language: built again
    at.run()
    assert at.session_state["builds"][-1] == ("ko", " squares")
    assert drawn(at)[0]["encoding"]["y"]["title"] == "데이터 내려받기 (CSV) squares"
    at.session_state["lang"] = "en"  # back: from the cache
    at.run()
    assert len(at.session_state["builds"]) == 2


def test_no_private_streamlit_api_in_the_app():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sources = [root / "Home.py", *root.glob("pages/*.py"), *root.glob("core/**/*.py")]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert "streamlit.elements" not in text, path
        assert not any(
            line.strip().startswith("from streamlit") and "import _" in line for line in text.splitlines()
        ), path
