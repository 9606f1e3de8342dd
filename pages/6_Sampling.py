"""Sampling — logits → softmax → the next token: temperature, top-k, top-p, generation,
and what every layer would have predicted (logit lens).
"""

import streamlit as st

from core import quiz, ui
from core.ui.sections.sampling import (
    DEFAULT_PROMPT,
    lens_started,
    show_distribution,
    show_generation,
    show_logit_lens,
    show_settings,
    show_step_by_step,
)

page = ui.setup_page("sampling.title", "🎲")
t = page.t
st.title(t("sampling.heading"))
st.write(t("sampling.intro"))
lm = ui.load_model(page)
prompt = ui.text_input(page, "text", t("sampling.prompt"), DEFAULT_PROMPT)
ui.examples(page, "text")
trace = ui.trace(page, prompt)
lens_job = lens_started(lm, trace, lm.name, trace.text)  # runs while sections 1-4 draw
st.caption(t("sampling.prompt_caption", t=trace.n_tokens, tokens=" | ".join(trace.tokens)))
settings = show_settings(page, lm)
ui.ask(page, quiz.next_token, lm, trace.next_token_logits)
ui.ask(page, quiz.tokens_kept, trace.next_token_logits, **settings)
show_distribution(page, lm, trace, settings)
seed = show_step_by_step(page, lm, trace, settings)
show_generation(page, lm, trace, settings, seed)
show_logit_lens(page, lm, trace, lens_job)
