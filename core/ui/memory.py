"""What one browser session keeps across reruns."""

from __future__ import annotations

from typing import Callable, TypeVar

import streamlit as st

T = TypeVar("T")


def session_memory(name: str, depends_on) -> dict:
    """A dict this session keeps under `name` across reruns, emptied whenever `depends_on`
    (what its contents were made from: the model, the prompt, the settings) changes."""
    slot = st.session_state.get(name)
    if slot is None or slot["depends_on"] != depends_on:
        slot = st.session_state[name] = {"depends_on": depends_on, "value": {}}
    return slot["value"]


def on_press(key: str, label: str, compute: Callable[[], T], depends_on, hint: str) -> T | None:
    """A result computed when the button `key` is pressed, kept for this session until what it
    was made from (`depends_on`) changes. Until then: None, with `hint` shown."""
    memory = session_memory(f"pressed_{key}", depends_on)
    if st.button(label, key=key):
        memory["result"] = compute()
    if "result" not in memory:
        st.info(hint)
        return None
    return memory["result"]
