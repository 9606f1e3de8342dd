"""The trace cache: the one place traces are kept for every session, read-only — the model's own
(one forward pass per model and text) and the knocked-out ones the interventions make (per model,
text, parts and way) — together under one memory bound, TRACE_CACHE_BYTES."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Hashable

import streamlit as st

if TYPE_CHECKING:
    from core.models import LM
    from core.trace import Trace
    from core.ui.page import Page

# Cached traces (the model's and the knocked-out ones together), by their size: a 128-token trace of
# GPT-2 small is ~16 MB, a short one ~1 MB.
TRACE_CACHE_BYTES = 192 * 2**20


@st.cache_resource(show_spinner=False)
def _trace_cache():
    from core.trace import TraceCache

    return TraceCache(TRACE_CACHE_BYTES)


def cached(key: Hashable, compute: Callable[[], Trace]) -> Trace:
    """The trace kept under `key` for every session, computed once by `compute` (two sessions
    asking at once share one computation; an error is not kept). The key starts with the
    model's name."""
    return _trace_cache().get(key, compute)


def get_trace(lm: LM, text: str) -> Trace:
    """The trace of `text` on `lm`, cached per model + text for every session (read-only).
    Raises core.trace.EmptyPrompt."""
    from core.trace import run_trace

    return cached((lm.name, text), lambda: run_trace(lm, text))


def clear() -> None:
    """Forget every cached trace (tests; a server never needs it)."""
    _trace_cache().clear()


def trace(page: Page, text: str, stop: bool = True) -> Trace | None:
    """The model's trace of `text`. An empty prompt shows a message and stops the page (or,
    with stop=False, returns None so the page's other sections still run); a capped prompt
    shows a notice."""
    from core.trace import EmptyPrompt

    try:
        result = get_trace(page.require_lm(), text)
    except EmptyPrompt:
        st.info(page.t("prompt.empty"))
        if stop:
            st.stop()
        return None
    if result.truncated:
        st.warning(page.t("prompt.truncated", n=result.n_tokens, total=result.n_tokens_requested))
    return result
