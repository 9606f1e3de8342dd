"""Start loading the model while the server comes up, so the first visitor doesn't wait.

`streamlit run Home.py` finds the `st.App` in Home.py and serves it. Its lifespan hook
starts `warm` on a background thread and lets the server take visitors at once; `warm`
fills the same caches the pages read (core.ui.model, core.ui.traces), so a visitor arriving
before it is done waits only for the rest of it.

Importing torch and transformers holds the GIL for seconds. A visitor who arrives while the
server starts (a laptop's browser opens at once) would see a blank page for all that time,
so `warm` first gives such a visitor's page the moment to draw its title: it starts when a
page asks for the model (`core.ui.model.wanted`), or FIRST_VISITOR_S after start-up if none does.
"""

from __future__ import annotations

import contextlib
import logging
import threading

from core import i18n, models
from core.ui import model, traces

log = logging.getLogger(__name__)

FIRST_VISITOR_S = 3.0


@contextlib.asynccontextmanager
async def lifespan(app):
    threading.Thread(target=warm, kwargs={"wait": FIRST_VISITOR_S}, name="preload-model", daemon=True).start()
    yield


def warm(wait: float = 0.0) -> None:
    """Load the start-up model into the pages' caches — after at most `wait` seconds, sooner
    when a page asks for the model."""
    model.wanted.wait(wait)
    try:
        preload()
    except Exception:  # the page itself reports what went wrong, in the user's language
        log.exception("preloading the model failed")


def preload() -> None:
    """Load the model the sidebar opens on (unless that is the offline default's first
    download, which shows its progress on the page) and trace Home's demo prompt in each
    language."""
    name = model.startup_model()
    if name == models.OFFLINE_DEFAULT and not models.offline.ready():
        return
    try:
        lm = model.get_lm(name)
    except models.ModelUnavailable:
        return
    for lang in i18n.LANGUAGES:
        traces.get_trace(lm, i18n.t("home.demo_default", lang))


def clear_caches() -> None:
    """Forget every loaded model, trace and start-up decision (tests; a server never needs it)."""
    model.clear()
    traces.clear()
