"""Inside one block: the norm, the MLP and the residual stream, recomputed from the model's
own weights; what single units write; which layer wrote the prediction; dropout.
"""

import streamlit as st

from core import quiz, ui
from core.ui.sections.block import (
    DEFAULT_PROMPT,
    choose_layer_token,
    show_attribution,
    show_dropout,
    show_equations,
    show_knockout,
    show_mlp,
    show_norm,
    show_patching,
    show_residual_stream,
    show_sublayer_sweep,
    show_units,
    show_why_norm,
    show_why_residual,
    steps_of,
)

page = ui.setup_page("block.title", "🧱")
t = page.t
st.title(t("block.heading"))
st.write(t("block.intro"))
lm = ui.load_model(page)
show_equations(page, lm)
text = ui.text_input(page, "text", t("block.prompt"), DEFAULT_PROMPT)
ui.examples(page, "text")
trace = ui.trace(page, text)
layer, position, token = choose_layer_token(page, lm, trace)
steps = steps_of(lm.name, trace.text, layer, lm, trace)
st.caption(t("block.check", layer=layer, d=steps.model_diff))
show_residual_stream(page, lm, trace, position)
show_why_residual(page, lm, trace)
show_norm(page, lm, steps, position, token)
show_why_norm(page, lm, trace, position, token)
ui.ask(page, quiz.units_firing, lm, steps, position)
show_mlp(page, lm, steps, position, token)
show_units(page, lm, trace, steps, position, token)
ui.ask(page, quiz.top_writer, lm, trace)
show_attribution(page, lm, trace)
show_dropout(page, lm, trace)
show_knockout(page, lm, trace)
show_sublayer_sweep(page, lm, trace)
show_patching(page, lm)
