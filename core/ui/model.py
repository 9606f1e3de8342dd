"""The model: the sidebar's choice, the start-up default, loading with progress, the fallback.

One model is resident per server (cache_resource), shared by every session and by the
server's preload (core.ui.preload), which waits for `wanted` before it takes the CPU.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from core import i18n, models
from core.models import ModelUnavailable
from core.ui import widgets

if TYPE_CHECKING:
    from core.models import LM
    from core.ui.page import Page

OPERATOR_ALIAS = "custom"  # the operator's model in URLs (see url_name)

# Set once a page has drawn its title and needs the model: the server's preload may start.
wanted = threading.Event()
FELL_BACK = "_model_fell_back"  # session: the model picked that could not be had, and why


def model_choices() -> list[str]:
    """The built-in models, plus the operator's TRANSFORMER_ANATOMY_MODEL if it is another."""
    choices = list(models.BUILTIN_MODELS)
    configured = models.configured_default()
    if configured not in choices:
        choices.insert(0, configured)
    return choices


def url_name(name: str) -> str:
    """How a URL names the model: a built-in model by its name, the operator's own model
    (TRANSFORMER_ANATOMY_MODEL: a folder or a hub id) by the alias `custom` — a projected
    address bar never shows the operator's folder."""
    return name if name in models.BUILTIN_MODELS else OPERATOR_ALIAS


def picker(page: Page) -> str:
    """The sidebar's model box. It opens on the model the app can load here: the configured
    default, or — offline, with GPT-2 not cached — the offline default, with a short note
    saying why and how to get GPT-2."""
    startup = startup_model()

    def label(name: str) -> str:
        if name == models.OFFLINE_DEFAULT:
            return page.plain("model.option.offline", name=models.DISPLAY_NAMES[name])
        if name in models.DISPLAY_NAMES:
            return models.DISPLAY_NAMES[name]
        return page.plain("model.option.env", name=Path(name).name or name)

    fell_back = st.session_state.get(FELL_BACK)
    if fell_back and fell_back["pending"]:  # the box shows the model actually loaded
        st.session_state["model"] = models.OFFLINE_DEFAULT
        fell_back["pending"] = False
        st.toast(_unavailable(page, fell_back), icon="⚠️")  # seen wherever the reader has scrolled to
    choices = model_choices()
    name = widgets.selectbox(
        page,
        "model",
        page.t("sidebar.model"),
        choices,
        startup,
        url_names=[url_name(c) for c in choices],
        format_func=label,
        help=page.t("sidebar.model_help"),
    )
    if fell_back and name == models.OFFLINE_DEFAULT:
        st.warning(_unavailable(page, fell_back))  # right under the box the reader just used
    elif fell_back:
        del st.session_state[FELL_BACK]
    configured = models.configured_default()
    if name == startup != configured:
        st.caption(
            page.t("model.startup_fallback", name=models.DISPLAY_NAMES.get(configured, configured), key=configured)
        )
    return name


def startup_model() -> str:
    """models.startup_model, decided once per server (the preload decides it as the server
    starts), so no visitor's page waits for a probe of the hub."""
    return _startup_model(models.configured_default(), str(models.hub.cache_dir()))


@st.cache_resource(show_spinner=False)
def _startup_model(configured: str, hub_cache: str) -> str:
    return models.startup_model()


@st.cache_resource(max_entries=1, show_spinner=False)
def _cached_lm(name: str) -> LM:
    """At most one model resident at a time: switching models frees the last one."""
    return models.load_lm(name)


def get_lm(name: str) -> LM:
    """The model `name`, loaded once per server (what the pages and the preload share)."""
    return _cached_lm(name)


def clear() -> None:
    """Forget the loaded model and the start-up decision (tests; a server never needs it)."""
    _cached_lm.clear()
    _startup_model.clear()


def load_model(page: Page) -> LM:
    """The model chosen in the sidebar — or, when it can't be had, the offline default with
    a plain message — with a progress message while it loads. Sets page.lm."""
    wanted.set()  # the title is on screen: the server's preload may take the CPU now
    name = page.model_name
    try:
        page.lm = _load(page, name)
    except ModelUnavailable as exc:
        if name == models.OFFLINE_DEFAULT:
            st.error(page.t("model.offline_failed", reason=_reason(page, exc)))
            st.stop()
        try:
            _load(page, models.OFFLINE_DEFAULT)
        except ModelUnavailable as exc2:
            st.error(page.t("model.offline_failed", reason=_reason(page, exc2)))
            st.stop()
        # Draw the page again with the model box on the model loaded and the message beside it
        st.session_state[FELL_BACK] = {
            "name": name,
            "code": exc.code,
            "reason": exc.reason,
            "values": exc.values,
            "pending": True,
        }
        st.rerun()
    st.sidebar.caption(page.t("sidebar.loaded", name=page.lm.display_name, source=page.t(f"source.{page.lm.source}")))
    return page.lm


def _load(page: Page, name: str) -> LM:
    if name == models.OFFLINE_DEFAULT and not models.offline.ready():
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

    models.offline.ensure(progress=show)
    bar.empty()
    note.empty()


def _reason(page: Page, exc: ModelUnavailable) -> str:
    key = f"model.reason.{exc.code}"
    return page.t(key, **exc.values) if key in i18n.catalogs()["en"] else exc.reason


def _unavailable(page: Page, fell_back: dict) -> str:
    """Why the model picked is not the one loaded, in the reader's language."""
    name = fell_back["name"]
    return page.t(
        "model.unavailable",
        name=models.DISPLAY_NAMES.get(name, name),
        key=name,
        reason=_reason(page, ModelUnavailable(name, fell_back["code"], fell_back["reason"], **fell_back["values"])),
    )
