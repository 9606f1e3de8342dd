"""Embeddings: text → tokens → one row of a learned matrix per token, and what the rows mean."""

import streamlit as st

from core import quiz, ui
from core.embeddings import matrix_facts
from core.ui.sections.embeddings import (
    embedding_index,
    show_context,
    show_cosine,
    show_korean_tokens,
    show_matrix,
    show_neighbours,
    show_projection,
    show_tokens,
    show_tradeoff,
)

page = ui.setup_page("embeddings.title", "🔤")
t = page.t
st.title(t("embeddings.heading"))
st.write(t("embeddings.intro"))
lm = ui.load_model(page)
index = embedding_index(lm.name, lm)
facts = matrix_facts(lm)
st.header(t("embeddings.tokens"), anchor="tokens")
text = ui.text_input(page, "text", t("embeddings.prompt"), t("embeddings.default"))
ui.examples(page, "text")
st.caption(t("embeddings.try"))
trace = ui.trace(page, text, stop=False)
if trace is not None:
    ui.ask(page, quiz.token_count, index, lm, trace.text)
    show_tokens(page, lm, trace)
    show_tradeoff(page, lm, trace)
show_korean_tokens(page, lm)
show_matrix(page, lm, trace, facts)
names, words = show_cosine(page, lm, index)
show_neighbours(page, lm, index, facts)
show_projection(page, names, words, facts)
show_context(page, lm)
