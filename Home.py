"""Transformer Anatomy — the map of the model, its facts, and a one-line live demo."""

import streamlit as st

from core import overview, quiz, ui
from core.seq2seq import load_card
from core.ui import preload

# `streamlit run Home.py` serves this app object; it starts loading the model as the
# server comes up, before anyone visits.
app = st.App(__file__, lifespan=preload.lifespan)


def show_map(page, lm) -> None:
    """The forward pass as one diagram with this model's sizes; each stage links its page."""
    t = page.t
    st.header(t("home.map"))
    st.caption(t("home.map_caption"))
    links = {node: ui.page_url(page, path) for node, path in overview.NODE_PAGES.items()}
    st.graphviz_chart(overview.architecture_dot(lm, {s: t(f"home.stage.{s}") for s in overview.STAGES}, links))
    for path, key, icon in ui.PAGES[1:]:
        left, right = st.columns([1, 3], vertical_alignment="center")
        with left:
            ui.page_link(page, path, t(key), icon)
        right.markdown(t(f"home.step.{key.removeprefix('nav.')}", norm=lm.arch.norm_kind))


def show_facts(page, lm) -> None:
    """What the loaded model is, read off the model itself."""
    t = page.t
    st.header(t("home.facts"))
    st.caption(t("home.facts_caption"))
    facts = overview.model_facts(lm)
    facts["positional"] = t(f"positional.{facts['positional']}")
    if lm.arch.positional == "rotary" and lm.arch.rotary_dims < lm.arch.d_head:
        facts["positional"] += t("positional.partial", rot=lm.arch.rotary_dims, dh=lm.arch.d_head)
    facts["wiring"] = t(f"wiring.{facts['wiring']}")
    facts["norm"] = t(f"arch.term.{facts['norm']}") + f" — {lm.arch.norm_kind}"
    facts["qkv_bias"] = t(f"arch.term.{facts['qkv_bias']}")
    if isinstance(facts["heads"], tuple):  # grouped-query attention: fewer key/value heads
        facts["heads"] = t("fact.heads_grouped", q=facts["heads"][0], kv=facts["heads"][1])
    st.table({t("home.fact"): [t(f"fact.{k}") for k in facts], t("home.value"): [str(v) for v in facts.values()]})


def show_lecture_numbers(page, lm) -> None:
    """The lecture quotes GPT-2 small's numbers; where another model is on screen, they sit
    beside its own (published figures labelled as such, the model's computed)."""
    rows = overview.lecture_gpt2_rows(lm)
    if all(str(published) == str(own) for _, published, own in rows):  # GPT-2 small itself is on screen
        return
    t = page.t
    st.subheader(t("arch.lecture", name=lm.display_name))
    st.table(
        {
            t("home.fact"): [t(f"arch.fact.{key}") for key, _, _ in rows],
            t("arch.col.gpt2"): [term(page, v) for _, v, _ in rows],
            lm.display_name: [term(page, v) for _, _, v in rows],
        }
    )
    st.caption(t("arch.lecture_caption", name=lm.display_name))


def show_family_tree(page, lm) -> None:
    """The 2017 encoder–decoder, which half each family kept, and the numbers side by side."""
    t = page.t
    st.header(t("arch.tree"))
    st.write(t("arch.tree_text"))
    labels = {
        k: t(f"arch.box.{k}")
        for k in (
            "encoder",
            "decoder",
            "self_attention",
            "masked_self_attention",
            "cross_attention",
            "add_norm",
            "ffn",
            "bert",
            "gpt",
        )
    }
    st.graphviz_chart(overview.family_tree_dot(labels))
    rows = overview.architecture_rows(lm, translator_card())
    st.table(
        {
            t("home.fact"): [t(f"arch.fact.{key}") for key, *_ in rows],
            t("arch.col.paper"): [term(page, v) for _, v, _, _ in rows],
            t("arch.col.translator"): [term(page, v) for _, _, v, _ in rows],
            lm.display_name: [term(page, v) for _, _, _, v in rows],
        }
    )
    st.caption(t("arch.tree_caption"))


def term(page, value) -> str:
    """A table cell: a number as it is, a word of overview.TERMS in the reader's language."""
    return page.t(f"arch.term.{value}") if value in overview.TERMS else str(value)


@st.cache_resource(show_spinner=False)
def translator_card() -> dict:
    """The Transformer translator's card, read once per server."""
    return load_card("transformer")


def show_demo(page, lm) -> None:
    """One forward pass on the visitor's prompt: the ten most likely next tokens."""
    t = page.t
    st.header(t("home.demo"))
    prompt = ui.text_input(page, "prompt", t("home.demo_prompt"), t("home.demo_default"))
    trace = ui.trace(page, prompt)
    ui.ask(page, quiz.next_token, lm, trace.next_token_logits)
    top = overview.next_token_table(lm, trace, k=10)
    st.caption(
        t("home.demo_caption", k=len(top), v=lm.arch.vocab_size, t=trace.n_tokens, tokens=" | ".join(trace.tokens))
    )
    ui.chart(page, overview.next_token_chart, top, "next_tokens")


if __name__ == "__main__":  # a visit: Streamlit runs this file as the Home page
    page = ui.setup_page("home.title", "🗺️")
    st.title(page.t("home.heading"))
    st.write(page.t("home.intro"))
    lm = ui.load_model(page)
    show_map(page, lm)
    show_facts(page, lm)
    show_lecture_numbers(page, lm)
    show_family_tree(page, lm)
    show_demo(page, lm)
