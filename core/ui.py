"""Streamlit glue shared by every page — the only module in core/ that imports streamlit.

    page = ui.setup_page("embeddings.title", "🔤")   # config, sidebar, language — no torch yet
    st.title(page.t("embeddings.heading"))            # the page draws its title at once ...
    lm = ui.load_model(page)                          # ... then the model arrives, with progress
    text = ui.text_input(page, "text", page.t("embeddings.prompt"), DEFAULT_TEXT)
    trace = ui.trace(page, text)                      # cached forward pass, messages shown
    ui.chart(page, rows_chart, table, "rows", step=20) # a data-free Altair chart + its table

Importing this module imports neither torch nor transformers (nor altair and pandas): a
student who opens the app while the model loads sees the page, not a blank screen.

Widgets made here are bound to URL query parameters (the widget key is the parameter
name), so any view can be shared as a link, and keep their value across page switches.
A tampered link gets a message in the user's language and the default value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from core import i18n, models
from core.preload import model_wanted
from core.models import ModelUnavailable

if TYPE_CHECKING:
    import pandas as pd

    from core.models import LM
    from core.trace import Trace

ROOT = Path(__file__).resolve().parent.parent

# the lecture's order; a page shows in the sidebar once its file exists
PAGES = (
    ("Home.py", "nav.home", "🗺️"),
    ("pages/1_Embeddings.py", "nav.embeddings", "🔤"),
    ("pages/2_Positional_Encoding.py", "nav.positional", "〰️"),
    ("pages/3_Attention.py", "nav.attention", "👀"),
    ("pages/4_Transformer_Block.py", "nav.block", "🧱"),
    ("pages/5_RNN_Attention_Transformer.py", "nav.rnn", "🔁"),
    ("pages/6_Sampling.py", "nav.sampling", "🎲"),
)

# Cached traces, by their size: a 128-token trace of GPT-2 small is ~16 MB, a short one ~1 MB.
TRACE_CACHE_BYTES = 192 * 2**20


@dataclass
class Page:
    """What a page needs: the UI language, the model chosen in the sidebar, and (after
    load_model) the loaded model."""

    lang: str
    lm: LM | None = None
    model_name: str = field(default="")

    def t(self, key: str, /, **values) -> str:
        return i18n.t(key, self.lang, **values)


# --------------------------------------------------------------------------- page setup


def setup_page(title_key: str, icon: str) -> Page:
    """Page config and the shared sidebar. Call first on a page; it needs no model."""
    lang = _language_param()
    st.set_page_config(page_title=f"{i18n.t(title_key, lang)} · {i18n.t('app.name', lang)}",
                       page_icon=icon, layout="wide")
    page = Page(lang=lang)
    with st.sidebar:
        radio(page, "lang", page.t("sidebar.language"), list(i18n.LANGUAGES),
              _default_language(), format_func=i18n.LANGUAGES.get, horizontal=True)
        page.model_name = _model_picker(page)
        lecture = st.toggle(page.t("sidebar.lecture"), key="lecture",
                            bind="query-params", persist_state="session")
        _page_links(page)
    if lecture:
        _lecture_style()
    return page


def _default_language() -> str:
    return i18n.language_from_locale(st.context.locale)


def _language_param() -> str:
    """The language before the sidebar draws (page title, messages): state, URL, browser."""
    lang = st.session_state.get("lang") or st.query_params.get("lang") or _default_language()
    return lang if lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def model_choices() -> list[str]:
    """The built-in models, plus the operator's TRANSFORMER_ANATOMY_MODEL if it is another."""
    choices = list(models.BUILTIN_MODELS)
    configured = models.configured_default()
    if configured not in choices:
        choices.insert(0, configured)
    return choices


def _model_picker(page: Page) -> str:
    """The sidebar's model box. It opens on the model the app can load here: the configured
    default, or — offline, with GPT-2 not cached — the offline default, with a short note
    saying why and how to get GPT-2."""
    startup = startup_model()

    def label(name: str) -> str:
        if name == models.OFFLINE_DEFAULT:
            return page.t("model.option.offline", name=models.DISPLAY_NAMES[name])
        if name in models.DISPLAY_NAMES:
            return models.DISPLAY_NAMES[name]
        return page.t("model.option.env", name=Path(name).name or name)

    name = selectbox(page, "model", page.t("sidebar.model"), model_choices(), startup,
                     format_func=label, help=page.t("sidebar.model_help"))
    configured = models.configured_default()
    if name == startup != configured:
        st.caption(page.t("model.startup_fallback", name=models.DISPLAY_NAMES.get(configured, configured),
                          key=configured))
    return name


def startup_model() -> str:
    """models.startup_model, decided once per server (the preload decides it as the server
    starts), so no visitor's page waits for a probe of the hub."""
    return _startup_model(models.configured_default(), str(models.hub_cache_dir()))


@st.cache_resource(show_spinner=False)
def _startup_model(configured: str, hub_cache: str) -> str:
    return models.startup_model()


def _page_links(page: Page) -> None:
    st.caption(page.t("sidebar.pages"))
    params = {"lang": page.lang, "model": page.model_name}
    for path, key, icon in PAGES:
        if (ROOT / path).exists():
            try:
                st.page_link(path, label=page.t(key), icon=icon, query_params=params)
            except StreamlitPageNotFoundError:  # a page run on its own (AppTest): no app around it
                st.markdown(f"{icon} {page.t(key)}")


def page_link(page: Page, path: str, label: str, icon: str | None = None) -> None:
    """A link to another page if it exists yet, else the label as plain text."""
    if (ROOT / path).exists():
        st.page_link(path, label=label, icon=icon,
                     query_params={"lang": page.lang, "model": page.model_name})
    else:
        st.markdown(f"{icon or ''} {label}")


def page_url(page: Page, path: str) -> str:
    """The relative URL of a page (as Streamlit names it: the file's name after its number),
    keeping the reader's language and model."""
    from urllib.parse import urlencode

    name = Path(path).stem.split("_", 1)[1] if path != "Home.py" else ""
    return f"{name}?{urlencode({'lang': page.lang, 'model': page.model_name})}"


def _lecture_style() -> None:
    st.html("""<style>
      html, body, [data-testid="stAppViewContainer"] { font-size: 20px; }
      [data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.25rem; }
      [data-testid="stMetricValue"] { font-size: 2.6rem; }
      h1 { font-size: 3rem !important; } h2 { font-size: 2.2rem !important; }
    </style>""")


# --------------------------------------------------------------------------- the model


@st.cache_resource(max_entries=1, show_spinner=False)
def _cached_lm(name: str) -> LM:
    """At most one model resident at a time: switching models frees the last one."""
    return models.load_lm(name)


def get_lm(name: str) -> LM:
    """The model `name`, loaded once per server (what the pages and the preload share)."""
    return _cached_lm(name)


def load_model(page: Page) -> LM:
    """The model chosen in the sidebar — or, when it can't be had, the offline default with
    a plain message — with a progress message while it loads. Sets page.lm."""
    model_wanted()  # the title is on screen: the server's preload may take the CPU now
    name = page.model_name
    try:
        page.lm = _load(page, name)
    except ModelUnavailable as exc:
        if name == models.OFFLINE_DEFAULT:
            st.error(page.t("model.offline_failed", reason=_reason(page, exc)))
            st.stop()
        display = models.DISPLAY_NAMES.get(name, name)
        st.warning(page.t("model.unavailable", name=display, key=name, reason=_reason(page, exc)))
        try:
            page.lm = _load(page, models.OFFLINE_DEFAULT)
        except ModelUnavailable as exc2:
            st.error(page.t("model.offline_failed", reason=_reason(page, exc2)))
            st.stop()
    st.sidebar.caption(page.t("sidebar.loaded", name=page.lm.display_name,
                              source=page.t(f"source.{page.lm.source}")))
    return page.lm


def preload() -> None:
    """Before anyone visits: load the model the sidebar opens on (unless that is the offline
    default's first download, which shows its progress on the page) and trace Home's demo
    prompt in each language."""
    name = startup_model()
    if name == models.OFFLINE_DEFAULT and not models.offline_default_ready():
        return
    try:
        lm = get_lm(name)
    except ModelUnavailable:
        return
    for lang in i18n.LANGUAGES:
        get_trace(lm, i18n.t("home.demo_default", lang))


def _load(page: Page, name: str) -> LM:
    if name == models.OFFLINE_DEFAULT and not models.offline_default_ready():
        _prepare_offline_default(page)
    display = models.DISPLAY_NAMES.get(name, name)
    with st.spinner(page.t("model.loading", name=display)):
        return get_lm(name)


def _prepare_offline_default(page: Page) -> None:
    """First use: download + convert with a progress bar (later starts skip this)."""
    note = st.empty()
    note.info(page.t("model.first_use"))
    bar = st.progress(0.0)

    def show(fraction: float, step: str) -> None:
        bar.progress(min(max(fraction, 0.0), 1.0), text=page.t(f"model.step.{step}"))

    models.ensure_offline_default(progress=show)
    bar.empty()
    note.empty()


def _reason(page: Page, exc: ModelUnavailable) -> str:
    key = f"model.reason.{exc.code}"
    return page.t(key) if key in i18n.catalogs()["en"] else exc.reason


# --------------------------------------------------------------------------- traces


@st.cache_resource(show_spinner=False)
def _trace_cache():
    from core.trace import TraceCache

    return TraceCache(TRACE_CACHE_BYTES)


def get_trace(lm: LM, text: str) -> Trace:
    """The trace of `text` on `lm`, cached per model + text for every session (read-only).
    Raises core.trace.EmptyPrompt."""
    from core.trace import run_trace

    return _trace_cache().get((lm.name, text), lambda: run_trace(lm, text))


def clear_caches() -> None:
    """Forget every loaded model, trace and start-up decision (tests; a server never needs it)."""
    _cached_lm.clear()
    _trace_cache().clear()
    _startup_model.clear()


def trace(page: Page, text: str, stop: bool = True) -> Trace | None:
    """The model's trace of `text`. An empty prompt shows a message and stops the page (or,
    with stop=False, returns None so the page's other sections still run); a capped prompt
    shows a notice."""
    from core.trace import EmptyPrompt

    try:
        result = get_trace(page.lm, text)
    except EmptyPrompt:
        st.info(page.t("prompt.empty"))
        if stop:
            st.stop()
        return None
    if result.truncated:
        st.warning(page.t("prompt.truncated", n=result.n_tokens,
                          total=result.n_tokens_requested))
    return result


# --------------------------------------------------------------------------- session memory


def session_memory(name: str, depends_on) -> dict:
    """A dict this session keeps under `name` across reruns, emptied whenever `depends_on`
    (what its contents were made from: the model, the prompt, the settings) changes."""
    slot = st.session_state.get(name)
    if slot is None or slot["depends_on"] != depends_on:
        slot = st.session_state[name] = {"depends_on": depends_on, "value": {}}
    return slot["value"]


# --------------------------------------------------------------------------- URL-bound widgets


def _raw_param(name: str) -> str | None:
    value = st.query_params.get(name)
    return None if value is None else str(value)


def _invalid(page: Page, name: str, raw: str) -> None:
    shown = raw if len(raw) <= 40 else raw[:40] + "…"
    st.warning(page.t("param.invalid", name=name, value=shown))


def text_input(page: Page, key: str, label: str, default: str, max_chars: int = 500,
               area: bool = False, **kwargs) -> str:
    raw = _raw_param(key)
    if raw is not None and len(raw) > max_chars:
        st.info(page.t("param.shortened", name=key, n=max_chars))
    widget = st.text_area if area else st.text_input
    return widget(label, default, key=key, max_chars=max_chars, bind="query-params",
                  persist_state="session", **kwargs)


def slider(page: Page, key: str, label: str, lo, hi, default, step=None, **kwargs):
    raw = _raw_param(key)
    if raw is not None:
        try:
            value = type(default)(raw)
            if not (lo <= value <= hi) or (isinstance(value, float) and not math.isfinite(value)):
                raise ValueError
        except ValueError:
            _invalid(page, key, raw)
    return st.slider(label, lo, hi, default, step=step, key=key, bind="query-params",
                     persist_state="session", **kwargs)


def _choice(widget, page: Page, key: str, label: str, options, default, **kwargs):
    """A selectbox/radio whose URL parameter holds the option itself, not its (translated)
    label, so a link works in either language."""
    options = list(options)
    names = [str(o) for o in options]
    if key not in st.session_state:  # a fresh session (e.g. a shared link): read the URL
        raw = _raw_param(key)
        if raw is not None and raw in names:
            default = options[names.index(raw)]
        elif raw is not None:
            _invalid(page, key, raw)
    index = options.index(default) if default in options else 0
    value = widget(label, options, index=index, key=key, persist_state="session", **kwargs)
    st.query_params[key] = str(value)
    return value


def selectbox(page: Page, key: str, label: str, options, default, **kwargs):
    return _choice(st.selectbox, page, key, label, options, default, **kwargs)


def radio(page: Page, key: str, label: str, options, default, **kwargs):
    return _choice(st.radio, page, key, label, options, default, **kwargs)


def toggle(page: Page, key: str, label: str, default: bool = False, **kwargs) -> bool:
    return st.toggle(label, default, key=key, bind="query-params", persist_state="session",
                     **kwargs)


# --------------------------------------------------------------------------- charts


# Every chart is built on this named dataset and drawn with the table ui.chart is given:
# the chart is data-free, so its Vega-Lite spec is built once per language and parameters.
DATA_NAME = "page_table"


def data():
    """The named dataset a chart builder draws from (an altair.NamedData)."""
    import altair as alt

    return alt.NamedData(DATA_NAME)


@st.cache_data(max_entries=256, show_spinner=False)
def _spec(_build, _page: Page, key: tuple, params: dict) -> dict:
    """The Vega-Lite spec of `_build(page, **params)` (Altair's public `to_dict`), built
    and validated once per builder, language, model and parameters."""
    return _build(_page, **params).to_dict()


def chart(page: Page, build: Callable, table: pd.DataFrame, name: str, *, width="stretch",
          where=None, download: bool = True, **params) -> None:
    """Draw `build(page, **params)` — a function returning a data-free Altair chart built on
    ui.data() — with `table` as its data, through Streamlit's public st.vega_lite_chart.
    The spec is cached (building and validating an Altair chart costs far more than the
    numbers behind it); the table is drawn as given, and is the CSV download (written
    only when someone clicks). `where`: a container or placeholder to draw into."""
    where = where or st
    code = build.__code__  # pages run as __main__: the file tells two builders apart
    key = (code.co_filename, build.__qualname__, code.co_firstlineno, page.lang,
           page.lm.name if page.lm is not None else "")
    spec = {**_spec(build, page, key, params), "datasets": {DATA_NAME: table}}
    where.vega_lite_chart(spec=spec, width=width)
    if download:
        where.download_button(page.t("download.csv"), lambda: table.to_csv(index=False).encode(),
                              file_name=f"{name}.csv", mime="text/csv", key=f"csv_{name}",
                              on_click="ignore")
