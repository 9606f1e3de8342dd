"""Streamlit glue shared by every page — the only package in core/ that imports streamlit.

    page = ui.setup_page("embeddings.title", "🔤")   # config, sidebar, language — no torch yet
    st.title(page.t("embeddings.heading"))            # the page draws its title at once ...
    lm = ui.load_model(page)                          # ... then the model arrives, with progress
    text = ui.text_input(page, "text", page.t("embeddings.prompt"), DEFAULT_TEXT)
    trace = ui.trace(page, text)                      # cached forward pass, messages shown
    ui.chart(page, rows_chart, table, "rows", step=20) # a data-free Altair chart + its table

One module per concern:

    page      page setup and the shared sidebar (language, model box, lecture mode, links)
    model     model choice with its fallback, loading with progress, the start-up default
    preload   the server's preload: loads the model while the server comes up
    traces    the trace cache shared by every session (the model's traces and the knocked-out ones)
    jobs      long work shared by every session (sweeps, patching grid, lab, timings): one helper
    memory    what one session keeps across reruns
    widgets   widgets bound to URL query parameters
    charts    drawing a data-free chart with its table; the spec cache
    predict   "Predict first": ui.ask, alone or for a whole class
    lecturer  the lecturer's class controls (sidebar, live count, Reveal, results)
    join      the join screen (code, link, QR code, live count)
    student   the Class page a phone opens
    classbase what the class modules share (store, browser id, client address, result bars)
    classmode the class modules' names as one façade (older imports)
    interventions  cached ablations, messages for bad input, before/after

Importing this package imports neither torch nor transformers: a student who opens the app
while the model loads sees the page, not a blank screen.
"""

from core.charts import data
from core.ui.charts import chart
from core.ui.interventions import ablated_trace, ablation, before_after
from core.ui.interventions import error as intervention_error
from core.ui.jobs import shared_job
from core.ui.memory import session_memory
from core.ui.model import get_lm, load_model, model_choices, startup_model
from core.ui.page import PAGES, Page, header, page_link, page_url, setup_page
from core.ui.predict import ask
from core.ui.traces import TRACE_CACHE_BYTES, get_trace, trace
from core.ui.widgets import NOTES_EXAMPLES, examples, radio, selectbox, slider, text_input, toggle

__all__ = [
    "NOTES_EXAMPLES",
    "PAGES",
    "TRACE_CACHE_BYTES",
    "Page",
    "ablated_trace",
    "ablation",
    "ask",
    "before_after",
    "chart",
    "data",
    "examples",
    "get_lm",
    "get_trace",
    "header",
    "intervention_error",
    "load_model",
    "model_choices",
    "page_link",
    "page_url",
    "radio",
    "selectbox",
    "session_memory",
    "setup_page",
    "shared_job",
    "slider",
    "startup_model",
    "text_input",
    "toggle",
    "trace",
]
