"""Positional encodings: attention sees a bag of vectors, so word order has to be put in."""

import streamlit as st

from core import ui
from core.ui.sections.positional import (
    show_end,
    show_learned,
    show_offsets,
    show_positions_removed,
    show_rotary,
    show_side_by_side,
    show_sinusoidal,
    show_word_order,
)

page = ui.setup_page("posenc.title", "〰️")
t = page.t
st.title(t("posenc.heading"))
st.write(t("posenc.intro"))
lm = ui.load_model(page)
learned = lm.arch.positional == "learned"
show_word_order(page, lm, learned)
show_positions_removed(page, lm)
n, d, pe = show_sinusoidal(page)
wpe, learned_curve, inv_freq = None, None, None
if learned:
    wpe, learned_curve = show_learned(page, lm)
else:
    inv_freq = show_rotary(page, lm)
show_end(page, lm, wpe)
show_side_by_side(page, lm, wpe, learned_curve, inv_freq)
show_offsets(page, lm, n, d, pe, inv_freq)
