"""The trace cache: one forward pass per (model, text), shared read-only by every session."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:
    from core.models import LM
    from core.trace import Trace
    from core.ui.page import Page

# Cached traces, by their size: a 128-token trace of GPT-2 small is ~16 MB, a short one ~1 MB.
TRACE_CACHE_BYTES = 192 * 2**20


@st.cache_resource(show_spinner=False)
def _trace_cache():
    from core.trace import TraceCache

    return TraceCache(TRACE_CACHE_BYTES)


def get_trace(lm: LM, text: str) -> Trace:
    """The trace of `text` on `lm`, cached per model + text for every session (read-only).
    Raises core.trace.EmptyPrompt."""
    from core.trace import run_trace

    return _trace_cache().get((lm.name, text), lambda: run_trace(lm, text))


def clear() -> None:
    """Forget every cached trace (tests; a server never needs it)."""
    _trace_cache().clear()


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
