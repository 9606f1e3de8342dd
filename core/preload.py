"""Start loading the model while the server comes up, so the first visitor doesn't wait.

`streamlit run Home.py` finds the `st.App` in Home.py and serves it. Its lifespan hook
starts `warm` on a background thread and lets the server take visitors at once; `warm`
fills the same caches the pages read (core.ui), so a visitor arriving before it is done
waits only for the rest of it.

Importing torch and transformers holds the GIL for seconds. A visitor who arrives while the
server starts (a laptop's browser opens at once) would see a blank page for all that time,
so `warm` first gives such a visitor's page the moment to draw its title: it starts when a
page asks for the model (`model_wanted`), or FIRST_VISITOR_S after start-up if none does.
"""

from __future__ import annotations

import contextlib
import logging
import threading

log = logging.getLogger(__name__)


FIRST_VISITOR_S = 3.0
_wanted = threading.Event()


def model_wanted() -> None:
    """A page has drawn its title and now needs the model: the preload may start."""
    _wanted.set()


@contextlib.asynccontextmanager
async def lifespan(app):
    threading.Thread(target=warm, kwargs={"wait": FIRST_VISITOR_S}, name="preload-model",
                     daemon=True).start()
    yield


def warm(wait: float = 0.0) -> None:
    """Load the start-up model into the pages' caches — after at most `wait` seconds, sooner
    when a page asks for the model."""
    _wanted.wait(wait)
    try:
        from core import ui  # torch and transformers: seconds of imports, off the event loop

        ui.preload()
    except Exception:  # the page itself reports what went wrong, in the user's language
        log.exception("preloading the model failed")
