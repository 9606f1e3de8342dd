"""RNN → attention → Transformer: three translators trained on the same English→French pairs —
an LSTM that sees one context vector, an LSTM with Bahdanau attention, and a small
Transformer — side by side; then what they scored, how they trained, the bottleneck lab,
and the cost of being sequential.

Four tabs, and only the open one runs (its name is in the URL: ?tab=…). Each section below is
one function: its widgets, its calls into core.seq2seq, its charts. torch loads with the
first translator, after the title is on screen (core.seq2seq imports none at import time).
"""

import streamlit as st

from core import ui
from core.seq2seq import MODEL_NAMES
from core.ui.sections.translation import (
    open_tabs,
    shipped_cards,
    show_lab,
    show_scores,
    show_synthetic_timing,
    show_training,
    show_training_steps,
    show_translators,
)

page = ui.setup_page("rnn.title", "🔁")
t = page.t
st.title(t("rnn.heading"))
try:
    cards = shipped_cards()
except FileNotFoundError:
    st.error(t("rnn.missing"))
    st.stop()
st.write(t("rnn.intro", **{f"{n}_params": cards[n]["parameters"] / 1e6 for n in MODEL_NAMES}))

translate_tab, scores_tab, lab_tab, cost_tab = open_tabs(page)
if translate_tab.open:
    with translate_tab:
        show_translators(page, cards)
if scores_tab.open:
    with scores_tab:
        show_scores(page, cards)
        show_training(page, cards)
if lab_tab.open:
    with lab_tab:
        show_lab(page)
if cost_tab.open:
    with cost_tab:
        show_training_steps(page, cards)
        show_synthetic_timing(page)
