"""What every chart builder shares, without Streamlit: the named dataset it draws from.

A chart builder returns a data-free Altair chart built on `data()`; core.ui.chart draws it
with the table it is given, so the chart's Vega-Lite spec is built once per language and
parameters, and a new prompt rebuilds no chart.
"""

DATA_NAME = "page_table"


def data():
    """The named dataset a chart builder draws from (an altair.NamedData)."""
    import altair as alt

    return alt.NamedData(DATA_NAME)
