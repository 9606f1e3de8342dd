"""The named dataset every chart builder draws from, without streamlit.

A chart builder returns a data-free Altair chart built on `data()`; core.ui's `chart` draws
it with the table it is given under `DATA_NAME`. So builders live in core (they are pure:
labels in, chart out) and their Vega-Lite spec is built once per language and parameters.
"""

DATA_NAME = "page_table"


def data():
    """The named dataset a chart builder draws from (an altair.NamedData)."""
    import altair as alt

    return alt.NamedData(DATA_NAME)
