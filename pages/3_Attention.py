"""Attention: one head's heatmap, all heads at a glance, and one head step by step."""

import streamlit as st

from core import quiz, ui
from core.ui.sections.attention import (
    EXAMPLE,
    choose_head,
    show_all_heads,
    show_head_map,
    show_head_statistics,
    show_knockout,
    show_multi_head,
    show_not_explanation,
    show_one_head_header,
    show_search,
    show_steps,
    show_why_scale,
)

page = ui.setup_page("attention.title", "👀")
t = page.t
st.title(t("attention.heading"))
st.write(t("attention.intro"))
st.latex(r"\mathrm{Attention}(Q,K,V)=\mathrm{softmax}\!\left(\frac{QK^\top}{\sqrt{d_k}}+M\right)V")
lm = ui.load_model(page)
text = ui.text_input(page, "text", t("attention.prompt"), t("attention.default"))
st.button(EXAMPLE, key="example", on_click=lambda: st.session_state.update(text=EXAMPLE), help=t("attention.try"))
trace = ui.trace(page, text)
ui.ask(page, quiz.top_key, trace)
ui.ask(page, quiz.head_kind, trace)
show_all_heads(page, lm, trace)
show_head_statistics(page, lm, trace)


@st.fragment  # choosing a layer, head or query token reruns only this part of the page
def show_one_head() -> None:
    """One head's weights as a heatmap, then the same head step by step."""
    show_one_head_header(page)
    labels, layer, head, query = choose_head(page, lm, trace)
    show_head_map(page, lm, trace, labels, layer, head, query)
    show_knockout(page, lm, trace, layer, head)
    show_search(page, lm, trace, labels, layer, head)
    steps = show_steps(page, lm, trace, labels, layer, head, query)
    show_why_scale(page, lm, steps, labels, query)
    show_multi_head(page, lm, trace, labels, layer, query)


show_one_head()
show_not_explanation(page, lm, trace)
