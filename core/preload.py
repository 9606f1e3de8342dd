"""Start loading the model while the server comes up, so the first visitor doesn't wait.

`streamlit run Home.py` finds the `st.App` in Home.py and serves it. Its lifespan hook
starts `warm` on a background thread and lets the server take visitors at once; `warm`
fills the same caches the pages read (core.ui), so a visitor arriving before it is done
waits only for the rest of it.
"""

from __future__ import annotations

import contextlib
import logging
import threading

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def lifespan(app):
    threading.Thread(target=warm, name="preload-model", daemon=True).start()
    yield


def warm() -> None:
    try:
        from core import ui  # torch and transformers: seconds of imports, off the event loop

        ui.preload()
    except Exception:  # the page itself reports what went wrong, in the user's language
        log.exception("preloading the model failed")
