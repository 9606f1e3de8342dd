"""What one browser session keeps across reruns."""

from __future__ import annotations

import streamlit as st


def session_memory(name: str, depends_on) -> dict:
    """A dict this session keeps under `name` across reruns, emptied whenever `depends_on`
    (what its contents were made from: the model, the prompt, the settings) changes."""
    slot = st.session_state.get(name)
    if slot is None or slot["depends_on"] != depends_on:
        slot = st.session_state[name] = {"depends_on": depends_on, "value": {}}
    return slot["value"]
