"""Transformer Anatomy — the map of the model, its facts, and a one-line live demo."""

import streamlit as st

from core import preload

# `streamlit run Home.py` serves this app object; it starts loading the model as the
# server comes up, before anyone visits.
app = st.App(__file__, lifespan=preload.lifespan)

if __name__ == "__main__":  # a visit: Streamlit runs this file as the Home page
    import altair as alt
    import pandas as pd

    from core import ui
    from core.overview import architecture_dot, model_facts, next_token_table

    page = ui.setup_page("home.title", "🗺️")
    t, lm = page.t, page.lm

    st.title(t("home.heading"))
    st.write(t("home.intro"))

    # --- the map -------------------------------------------------------------------------------
    st.header(t("home.map"))
    st.caption(t("home.map_caption"))
    stages = ["text", "tokens", "embed", "position", "block", "attention", "mlp", "norm",
              "unembed", "softmax", "next"]
    st.graphviz_chart(architecture_dot(lm, {s: t(f"home.stage.{s}") for s in stages}))

    for path, key, icon in ui.PAGES[1:]:
        step = key.removeprefix("nav.")
        left, right = st.columns([1, 3], vertical_alignment="center")
        with left:
            ui.page_link(page, path, t(key), icon)
        right.markdown(t(f"home.step.{step}"))

    # --- the facts -----------------------------------------------------------------------------
    st.header(t("home.facts"))
    st.caption(t("home.facts_caption"))
    facts = model_facts(lm)
    facts["positional"] = t(f"positional.{facts['positional']}")
    st.table(pd.DataFrame({t("home.fact"): [t(f"fact.{k}") for k in facts],
                           t("home.value"): [str(v) for v in facts.values()]}))

    # --- the live demo -------------------------------------------------------------------------
    st.header(t("home.demo"))
    prompt = ui.text_input(page, "prompt", t("home.demo_prompt"), t("home.demo_default"))
    trace = ui.trace(page, prompt)
    top = next_token_table(lm, trace, k=10)
    st.caption(t("home.demo_caption", k=len(top), v=lm.vocab_size, t=trace.n_tokens,
                 tokens=" | ".join(trace.tokens)))
    bars = alt.Chart(top).mark_bar().encode(
        x=alt.X("probability:Q", title=t("home.col.probability"), axis=alt.Axis(format="%")),
        y=alt.Y("token:N", sort=None, title=t("home.col.token")),
        tooltip=["rank", "token", "token_id", alt.Tooltip("probability:Q", format=".4f")],
    )
    ui.chart(page, bars, top, "next_tokens")
