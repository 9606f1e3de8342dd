"""Widgets bound to the URL: the widget's key is the query parameter's name.

Any view can be shared as a link, and keeps its value across page switches. A tampered link
gets a message in the user's language and the default value.
"""

from __future__ import annotations

import math

import streamlit as st

from core.ui.pagetype import Page


def _raw_param(name: str) -> str | None:
    value = st.query_params.get(name)
    return None if value is None else str(value)


def _invalid(page: Page, name: str, raw: str) -> None:
    shown = raw if len(raw) <= 40 else raw[:40] + "…"
    st.warning(page.t("param.invalid", name=name, value=shown))


def text_input(
    page: Page, key: str, label: str, default: str, max_chars: int = 500, area: bool = False, **kwargs
) -> str:
    raw = _raw_param(key)
    if raw is not None and len(raw) > max_chars:
        st.info(page.t("param.shortened", name=key, n=max_chars))
    widget = st.text_area if area else st.text_input
    return widget(label, default, key=key, max_chars=max_chars, bind="query-params", persist_state="session", **kwargs)


def slider(page: Page, key: str, label: str, lo, hi, default, step=None, **kwargs):
    raw = _raw_param(key)
    if raw is not None:
        try:
            value = type(default)(raw)
            if not (lo <= value <= hi) or (isinstance(value, float) and not math.isfinite(value)):
                raise ValueError
        except ValueError:
            _invalid(page, key, raw)
    return st.slider(label, lo, hi, default, step=step, key=key, bind="query-params", persist_state="session", **kwargs)


def _choice(widget, page: Page, key: str, label: str, options, default, url_names=None, **kwargs):
    """A selectbox/radio whose URL parameter holds the option itself, not its (translated)
    label, so a link works in either language — or, with `url_names` (one per option), that
    name instead (the operator's model: an alias, never its folder)."""
    options = list(options)
    names = [str(o) for o in options]
    url_names = [str(n) for n in url_names] if url_names is not None else names
    if key not in st.session_state:  # a fresh session (e.g. a shared link): read the URL
        raw = _raw_param(key)
        if raw is not None and raw in url_names:
            default = options[url_names.index(raw)]
        elif raw is not None and raw in names:
            default = options[names.index(raw)]
        elif raw is not None:
            _invalid(page, key, raw)
    index = options.index(default) if default in options else 0
    value = widget(label, options, index=index, key=key, persist_state="session", **kwargs)
    st.query_params[key] = url_names[options.index(value)] if value in options else str(value)
    return value


def selectbox(page: Page, key: str, label: str, options, default, url_names=None, **kwargs):
    return _choice(st.selectbox, page, key, label, options, default, url_names, **kwargs)


def radio(page: Page, key: str, label: str, options, default, **kwargs):
    return _choice(st.radio, page, key, label, options, default, **kwargs)


def toggle(page: Page, key: str, label: str, default: bool = False, **kwargs) -> bool:
    return st.toggle(label, default, key=key, bind="query-params", persist_state="session", **kwargs)


# the lecture notes' own example sentences (the Transformer Explainer's prompt, "The cat sat" of the
# Transformer notes, the attention notes' station sentence, the seq2seq notes' "I love you" and
# their long sentence for the bottleneck)
NOTES_EXAMPLES = (
    "Data visualization empowers users to",
    "The cat sat",
    "The train left the station on time",
    "I love you.",
    "The quick brown fox jumps over the lazy dog.",
)


def examples(page: Page, key: str, sentences=NOTES_EXAMPLES) -> None:
    """The notes' example sentences, one click away: a click puts one into the box `key`."""
    with st.container(horizontal=True, gap="small"):
        for i, sentence in enumerate(sentences):
            st.button(
                sentence,
                key=f"example_{key}_{i}",
                type="tertiary",
                on_click=st.session_state.update,
                kwargs={key: sentence},
            )
