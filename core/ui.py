"""Streamlit glue shared by every page — the only module in core/ that imports streamlit.

    page = ui.setup_page("embeddings.title", "🔤")   # config, sidebar, language, model
    text = ui.text_input(page, "text", page.t("embeddings.prompt"), DEFAULT_TEXT)
    trace = ui.trace(page, text)                      # cached forward pass, messages shown

Widgets made here are bound to URL query parameters (the widget key is the parameter
name), so any view can be shared as a link, and keep their value across page switches.
A tampered link gets a message in the user's language and the default value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec
from streamlit.errors import StreamlitPageNotFoundError

from core import i18n, models, trace as trace_mod
from core.models import LM, ModelUnavailable

ROOT = Path(__file__).resolve().parent.parent

# the lecture's order; a page shows in the sidebar once its file exists
PAGES = (
    ("Home.py", "nav.home", "🗺️"),
    ("pages/1_Embeddings.py", "nav.embeddings", "🔤"),
    ("pages/2_Positional_Encoding.py", "nav.positional", "〰️"),
    ("pages/3_Attention.py", "nav.attention", "👀"),
    ("pages/4_RNN_vs_Attention.py", "nav.rnn", "🔁"),
    ("pages/5_Sampling.py", "nav.sampling", "🎲"),
)

TRACE_CACHE_ENTRIES = 64


@dataclass
class Page:
    """What a page needs after setup: the UI language and the loaded model."""

    lang: str
    lm: LM | None

    def t(self, key: str, /, **values) -> str:
        return i18n.t(key, self.lang, **values)


# --------------------------------------------------------------------------- page setup


def setup_page(title_key: str, icon: str, needs_model: bool = True) -> Page:
    """Page config, the shared sidebar, and (if needed) the model. Call first on a page."""
    lang = _language_param()
    st.set_page_config(page_title=f"{i18n.t(title_key, lang)} · {i18n.t('app.name', lang)}",
                       page_icon=icon, layout="wide")
    page = Page(lang=lang, lm=None)
    with st.sidebar:
        radio(page, "lang", page.t("sidebar.language"), list(i18n.LANGUAGES),
              _default_language(), format_func=i18n.LANGUAGES.get, horizontal=True)
        name = _model_picker(page)
        lecture = st.toggle(page.t("sidebar.lecture"), key="lecture",
                            bind="query-params", persist_state="session")
        _page_links(page, name)
    if lecture:
        _lecture_style()
    if needs_model:
        page.lm = load_model(page, name)
        st.sidebar.caption(page.t("sidebar.loaded", name=page.lm.display_name,
                                  source=page.t(f"source.{page.lm.source}")))
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
    choices = model_choices()
    configured = models.configured_default()

    def label(name: str) -> str:
        if name == models.OFFLINE_DEFAULT:
            return page.t("model.option.offline", name=models.DISPLAY_NAMES[name])
        if name in models.DISPLAY_NAMES:
            return models.DISPLAY_NAMES[name]
        return page.t("model.option.env", name=Path(name).name or name)

    return selectbox(page, "model", page.t("sidebar.model"), choices, configured,
                     format_func=label, help=page.t("sidebar.model_help"))


def _page_links(page: Page, model_name: str) -> None:
    st.caption(page.t("sidebar.pages"))
    params = {"lang": page.lang, "model": model_name}
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
                     query_params={"lang": page.lang, "model": st.session_state.get("model")})
    else:
        st.markdown(f"{icon or ''} {label}")


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


def load_model(page: Page, name: str) -> LM:
    """The model named, or the offline default with a plain message when it can't be had."""
    try:
        return _load(page, name)
    except ModelUnavailable as exc:
        if name == models.OFFLINE_DEFAULT:
            st.error(page.t("model.offline_failed", reason=_reason(page, exc)))
            st.stop()
        display = models.DISPLAY_NAMES.get(name, name)
        st.warning(page.t("model.unavailable", name=display, key=name,
                          reason=_reason(page, exc)))
    try:
        return _load(page, models.OFFLINE_DEFAULT)
    except ModelUnavailable as exc:
        st.error(page.t("model.offline_failed", reason=_reason(page, exc)))
        st.stop()


def preload() -> None:
    """Before anyone visits: load the model the sidebar starts on (or the offline default
    it falls back to, if that is ready) and trace Home's demo prompt in each language."""
    for name in dict.fromkeys((models.configured_default(), models.OFFLINE_DEFAULT)):
        if name == models.OFFLINE_DEFAULT and not models.offline_default_ready():
            return  # its first download shows progress on the page instead
        try:
            lm = _cached_lm(name)
        except ModelUnavailable:
            continue
        for lang in i18n.LANGUAGES:
            _cached_trace(lm.name, i18n.t("home.demo_default", lang))
        return


def _load(page: Page, name: str) -> LM:
    if name == models.OFFLINE_DEFAULT and not models.offline_default_ready():
        _prepare_offline_default(page)
    display = models.DISPLAY_NAMES.get(name, name)
    with st.spinner(page.t("model.loading", name=display)):
        return _cached_lm(name)


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


@st.cache_data(max_entries=TRACE_CACHE_ENTRIES, show_spinner=False)
def _cached_trace(model_name: str, text: str) -> trace_mod.Trace:
    return trace_mod.run_trace(_cached_lm(model_name), text)


def trace(page: Page, text: str, stop: bool = True) -> trace_mod.Trace | None:
    """The model's trace of `text` (cached per model + text). An empty prompt shows a
    message and stops the page (or, with stop=False, returns None so the page's other
    sections still run); a capped prompt shows a notice."""
    try:
        result = _cached_trace(page.lm.name, text)
    except trace_mod.EmptyPrompt:
        st.info(page.t("prompt.empty"))
        if stop:
            st.stop()
        return None
    if result.truncated:
        st.warning(page.t("prompt.truncated", n=result.n_tokens,
                          total=result.n_tokens_requested))
    return result


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


# --------------------------------------------------------------------------- charts & data


CHART_CACHE_ENTRIES = 256


@st.cache_data(max_entries=CHART_CACHE_ENTRIES, show_spinner=False)
def _chart_spec(_build, _page: Page, key: tuple, args: tuple, kwargs: dict) -> dict:
    """The Vega-Lite spec (data as Arrow) of `_build(page, *args, **kwargs)`, once per key:
    Streamlit's own Altair conversion, so it draws exactly like st.altair_chart."""
    return _convert_altair_to_vega_lite_spec(_build(_page, *args, **kwargs))


# A chart built on DATA is a template: it draws whatever table ui.chart is given, so a new
# prompt reuses the same spec (only the data changes) instead of building the chart again.
DATA = alt.NamedData("page_table")


def cached_chart(build):
    """Decorate `build(page, *args)`, a function that makes an Altair chart: calling it then
    returns the chart's spec, built once per builder, language, model and arguments.
    Building and validating an Altair chart costs far more than the numbers behind it, so
    a rerun that changes one chart redraws the others from this cache. Everything else the
    chart depends on must be an argument (data frames, numbers, strings) — or, better, the
    chart is built on ui.DATA and its table is handed to ui.chart."""
    where = (build.__code__.co_filename, build.__code__.co_firstlineno)  # pages run as __main__

    def spec(page: Page, *args, **kwargs) -> dict:
        key = where + (page.lang, page.lm.name if page.lm is not None else "")
        return _chart_spec(build, page, key, args, kwargs)

    return spec


def chart(page: Page, altair_chart, data, name: str, width: str = "stretch",
          drawn: pd.DataFrame | None = None) -> None:
    """An Altair chart, or a spec from a @cached_chart builder (Altair's own PNG/SVG export
    left on), and its data (a DataFrame, or a function that makes it) as a CSV download.
    A spec built on DATA draws `drawn` (default: `data`). The CSV is only written when
    someone clicks (a deferred download), not on every rerun."""
    def table() -> pd.DataFrame:
        return data() if callable(data) else data

    if isinstance(altair_chart, dict):
        if altair_chart.get("data") == {"name": DATA.name}:
            altair_chart["datasets"][DATA.name] = drawn if drawn is not None else table()
        st.vega_lite_chart(spec=altair_chart, width=width)
    else:
        st.altair_chart(altair_chart, width=width)
    st.download_button(page.t("download.csv"), lambda: table().to_csv(index=False).encode(),
                       file_name=f"{name}.csv", mime="text/csv", key=f"csv_{name}",
                       on_click="ignore")
