"""ui.cached_chart: a chart built once per builder, language, model and arguments, drawn
exactly as st.altair_chart would draw it."""

from streamlit.testing.v1 import AppTest


def script():
    import altair as alt
    import pandas as pd
    import streamlit as st

    from core import ui

    calls = st.session_state.setdefault("calls", [])

    @ui.cached_chart
    def bars(page, data, title):
        calls.append((page.lang, title))
        return alt.Chart(data).mark_bar().encode(
            x="name:N", y=alt.Y("value:Q", title=page.t("download.csv") + title))

    page = ui.Page(lang=st.session_state.get("lang", "en"), lm=None)
    data = pd.DataFrame({"name": ["a", "b", "c"],
                         "value": [1.0, 2.0, st.session_state.get("third", 3.0)]})
    title = st.session_state.get("title", " of values")  # tests set their own: a fresh cache
    st.altair_chart(alt.Chart(data).mark_bar().encode(
        x="name:N", y=alt.Y("value:Q", title=page.t("download.csv") + title)), width="stretch")
    ui.chart(page, bars(page, data, title), data, "bars")


def charts(at):
    return [e.proto for e in at.get("vega_lite_chart")]


def fresh_app(title: str) -> AppTest:
    at = AppTest.from_function(script, default_timeout=60)
    at.session_state["title"] = title
    return at.run()


def test_cached_spec_draws_what_altair_chart_draws():
    at = fresh_app(" drawn")
    assert not at.exception
    direct, cached = charts(at)
    assert cached.spec == direct.spec
    assert [(d.name, d.data.data) for d in cached.datasets] == \
        [(d.name, d.data.data) for d in direct.datasets]
    assert len(cached.datasets) == 1 and cached.datasets[0].data.data  # the data travelled


def test_built_once_per_arguments_and_language():
    at = fresh_app(" of values")
    at.run()
    assert at.session_state["calls"] == [("en", " of values")]  # the rerun drew from the cache

    at.session_state["third"] = 4.0  # new data: built again, and the new number is drawn
    at.run()
    assert len(at.session_state["calls"]) == 2
    direct, cached = charts(at)
    assert cached.datasets[0].data.data == direct.datasets[0].data.data

    at.session_state["lang"] = "ko"  # same arguments, other language: built again
    at.run()
    assert at.session_state["calls"][-1] == ("ko", " of values")
    direct, cached = charts(at)
    assert cached.spec == direct.spec and "CSV" in cached.spec

    at.session_state["lang"] = "en"
    at.session_state["third"] = 3.0  # back to the first chart: from the cache
    at.run()
    assert len(at.session_state["calls"]) == 3


def template_script():
    import altair as alt
    import pandas as pd
    import streamlit as st

    from core import ui

    builds = st.session_state.setdefault("builds", [])

    @ui.cached_chart
    def template(page, title):
        builds.append(title)
        return alt.Chart(ui.DATA).mark_line().encode(x="x:Q", y=alt.Y("y:Q", title=title))

    page = ui.Page(lang="en", lm=None)
    n = st.session_state.get("n", 3)
    table = pd.DataFrame({"x": range(n), "y": [float(i * i) for i in range(n)]})
    ui.chart(page, template(page, st.session_state["title"]), table, "line")
    st.altair_chart(alt.Chart(table).mark_line().encode(
        x="x:Q", y=alt.Y("y:Q", title=st.session_state["title"])), width="stretch")


def test_a_template_is_built_once_and_draws_each_table_it_is_given():
    at = AppTest.from_function(template_script, default_timeout=60)
    at.session_state["title"] = "template squares"
    at.run()
    for n in (5, 8):
        at.session_state["n"] = n
        at.run()
        assert not at.exception
        drawn, direct = charts(at)
        assert [d.data.data for d in drawn.datasets] == [d.data.data for d in direct.datasets]
        assert '"name": "page_table"' in drawn.spec
    assert at.session_state["builds"] == ["template squares"]  # three tables, one build
