"""Sections of the Sampling page: logits → softmax → the next token, generation, the logit lens."""

import time

import altair as alt
import pandas as pd
import streamlit as st

from core import sampling as S
from core import ui

DEFAULT_PROMPT = "Data visualization empowers users to"
MAX_STEPS = 50  # step-by-step clicks: each one is a forward pass over the whole text
LENS_MAX_K = 10  # the logit lens keeps this many per layer; the slider only slices it
STATUS_COLORS = {"kept": "#4c78a8", "top_k": "#9e9e9e", "top_p": "#cfcfcf", "greedy": "#cfcfcf"}


@st.cache_resource(max_entries=32, show_spinner=False)
def lens_started(_lm, _trace, model_name: str, text: str):
    """The logit lens (section 5), top LENS_MAX_K per layer, once per model + prompt:
    started on the model thread as soon as the prompt is traced, so it runs while the page
    draws sections 1-4 (arguments with _ are not hashed)."""
    return S.start_logit_lens(_lm, _trace, LENS_MAX_K)


# --------------------------------------------------------------------------- charts


def token_axis(page: ui.Page):
    return alt.X(
        "label:N",
        sort=None,
        title=page.t("sampling.col.token"),
        axis=alt.Axis(labelAngle=-50, labelOverlap=False, labelLimit=140),
    )


def token_tooltip(page: ui.Page) -> list:
    t = page.t
    return [
        alt.Tooltip("rank:Q", title=t("sampling.col.rank")),
        alt.Tooltip("token:N", title=t("sampling.col.token")),
        alt.Tooltip("token_id:Q", title=t("sampling.col.token_id")),
        alt.Tooltip("p_original:Q", title=t("sampling.col.p_original"), format=".5f"),
        alt.Tooltip("p_tempered:Q", title=t("sampling.col.p_tempered"), format=".5f"),
        alt.Tooltip("p_final:Q", title=t("sampling.col.p_final"), format=".5f"),
        alt.Tooltip("cumulative:Q", title=t("sampling.col.cumulative"), format=".4f"),
        alt.Tooltip("status_label:N", title=t("sampling.col.status")),
    ]


def with_status_labels(page: ui.Page, table, **columns):
    return table.assign(status_label=[page.t(f"sampling.status.{s}") for s in table["status"]], **columns)


def distribution_chart(page: ui.Page, greedy: bool):
    """Bars: probability after temperature, coloured by what the filters keep; ticks: before
    temperature; line: cumulative probability with the top-p cut (the table's top_p column).
    A template: it draws the table it is given."""
    t, x, tooltip = page.t, token_axis(page), token_tooltip(page)
    shown_statuses = ["kept", "greedy"] if greedy else ["kept", "top_k", "top_p"]
    status_scale = alt.Scale(
        domain=[t(f"sampling.status.{s}") for s in shown_statuses], range=[STATUS_COLORS[s] for s in shown_statuses]
    )
    prob_axis = alt.Axis(format="%", title=t("sampling.axis.probability"))
    bars = (
        alt.Chart()
        .mark_bar(opacity=0.9)
        .encode(
            x=x,
            y=alt.Y("p_tempered:Q", axis=prob_axis),
            color=alt.Color("status_label:N", scale=status_scale, title=t("sampling.col.status")),
            tooltip=tooltip,
        )
    )
    before = (
        alt.Chart()
        .mark_tick(color="black", thickness=2)
        .encode(x=x, y=alt.Y("p_original:Q", axis=prob_axis), tooltip=tooltip)
    )
    layers = alt.layer(bars, before, data=ui.data())
    if not greedy:
        cum_axis = alt.Axis(format="%", title=t("sampling.axis.cumulative"), orient="right")
        red = "#e45756"
        curve = (
            alt.Chart()
            .mark_line(color=red, point=alt.OverlayMarkDef(color=red))
            .encode(x=x, y=alt.Y("cumulative:Q", scale=alt.Scale(domain=[0, 1]), axis=cum_axis), tooltip=tooltip)
        )
        cut = (
            alt.Chart()
            .mark_rule(color=red, strokeDash=[6, 4])
            .encode(y=alt.Y("top_p:Q", scale=alt.Scale(domain=[0, 1]), axis=cum_axis))
            .transform_filter("datum.rank == 1")
        )  # one rule, not one per row
        layers = alt.layer(alt.layer(bars, before), alt.layer(curve, cut), data=ui.data()).resolve_scale(
            y="independent"
        )
    return layers.properties(height=380)


def sampled_from_chart(page: ui.Page):
    """Only the tokens the sampler can still draw, renormalised (a template)."""
    return (
        alt.Chart(ui.data())
        .mark_bar(color=STATUS_COLORS["kept"])
        .encode(
            x=token_axis(page),
            y=alt.Y("p_final:Q", axis=alt.Axis(format="%", title=page.t("sampling.col.p_final"))),
            tooltip=token_tooltip(page),
        )
        .properties(height=260)
    )


def last_step_chart(page: ui.Page):
    """The last step's candidates, the drawn one in orange (a template)."""
    t = page.t
    return (
        alt.Chart(ui.data())
        .mark_bar()
        .encode(
            x=alt.X("label:N", sort=None, title=t("sampling.col.token")),
            y=alt.Y("p_final:Q", axis=alt.Axis(format="%", title=t("sampling.col.p_final"))),
            color=alt.condition("datum.chosen", alt.value("#f58518"), alt.value("#4c78a8")),
            tooltip=[
                alt.Tooltip("token:N", title=t("sampling.col.token")),
                alt.Tooltip("token_id:Q", title=t("sampling.col.token_id")),
                alt.Tooltip("p_final:Q", title=t("sampling.col.p_final"), format=".5f"),
            ],
        )
        .properties(height=220)
    )


def lens_chart(page: ui.Page, layer_order: list[str]):
    """Layers down, ranks across: each cell the token that layer would predict (a template)."""
    t = page.t
    y = alt.Y("layer_label:N", sort=layer_order, title=t("sampling.col.layer"), axis=alt.Axis(labelOverlap=False))
    heat = (
        alt.Chart()
        .mark_rect()
        .encode(
            x=alt.X("rank:O", title=t("sampling.col.rank"), axis=alt.Axis(labelAngle=0)),
            y=y,
            color=alt.Color("probability:Q", scale=alt.Scale(scheme="blues"), title=t("sampling.axis.probability")),
            tooltip=[
                alt.Tooltip("layer_label:N", title=t("sampling.col.layer")),
                alt.Tooltip("rank:Q", title=t("sampling.col.rank")),
                alt.Tooltip("token:N", title=t("sampling.col.token")),
                alt.Tooltip("token_id:Q", title=t("sampling.col.token_id")),
                alt.Tooltip("probability:Q", title=t("sampling.axis.probability"), format=".4f"),
            ],
        )
    )
    labels = (
        alt.Chart()
        .mark_text(fontSize=11)
        .encode(
            x=alt.X("rank:O", title=t("sampling.col.rank")),
            y=y,
            text="token:N",
            color=alt.condition("datum.probability > 0.5", alt.value("white"), alt.value("black")),
        )
    )
    return alt.layer(heat, labels, data=ui.data()).properties(height=max(160, 22 * len(layer_order)))


# --------------------------------------------------------------------------- sections


def show_settings(page, lm) -> dict:
    """1. Temperature, top-k and top-p (or greedy), and the formulas behind them."""
    t = page.t
    ui.header(page, t("sampling.settings"), anchor="settings")
    greedy = ui.toggle(page, "greedy", t("sampling.greedy"), help=t("sampling.greedy_help"))
    if isinstance(st.session_state.get("topk"), int) and st.session_state["topk"] > lm.arch.vocab_size:
        st.session_state["topk"] = lm.arch.vocab_size  # a smaller model was picked meanwhile
    left, middle, right = st.columns(3)
    with left:
        temperature = ui.slider(
            page,
            "temp",
            t("sampling.temperature"),
            0.05,
            3.0,
            1.0,
            step=0.05,
            disabled=greedy,
            help=t("sampling.temperature_help"),
        )
    with middle:
        top_k = ui.slider(
            page,
            "topk",
            t("sampling.top_k"),
            0,
            lm.arch.vocab_size,
            min(50, lm.arch.vocab_size),
            disabled=greedy,
            help=t("sampling.top_k_help", v=lm.arch.vocab_size),
        )
    with right:
        top_p = ui.slider(
            page, "topp", t("sampling.top_p"), 0.0, 1.0, 0.9, step=0.01, disabled=greedy, help=t("sampling.top_p_help")
        )
    if greedy:
        st.info(t("sampling.greedy_note"))
    with st.expander(t("sampling.formulas"), expanded=not page.lesson):  # a lesson step: the chart in view
        st.markdown(t("sampling.formula_softmax"))
        st.latex(r"p_i = \frac{\exp(z_i / T)}{\sum_{j=1}^{V} \exp(z_j / T)}")
        st.markdown(t("sampling.formula_top_k"))
        st.latex(page.plain("sampling.latex.top_k", k="k") + r"\qquad " + page.plain("sampling.latex.top_p", p="p"))
        st.markdown(t("sampling.formula_entropy"))
        st.latex(r"H = -\sum_i p_i \log_2 p_i")
    return dict(temperature=float(temperature), top_k=int(top_k), top_p=float(top_p), greedy=bool(greedy))


def show_distribution(page, lm, trace, settings: dict) -> None:
    """2. The next-token distribution over the whole vocabulary, before and after the cuts."""
    t = page.t
    ui.header(page, t("sampling.distribution"), anchor="distribution")
    dist = S.next_token_distribution(trace.next_token_logits, **settings)
    a, b, c = st.columns(3)
    a.metric(
        t("sampling.entropy"),
        t("sampling.bits", h=dist.entropy_bits),
        delta=t("sampling.bits_delta", h=dist.entropy_bits - dist.entropy_original_bits),
        delta_color="off",
        help=t("sampling.entropy_help", h=dist.entropy_original_bits),
    )
    b.metric(t("sampling.kept"), f"{dist.n_kept:,} / {lm.arch.vocab_size:,}", help=t("sampling.kept_help"))
    c.metric(t("sampling.mass"), f"{dist.mass_kept:.1%}", help=t("sampling.mass_help"))
    if not settings["greedy"]:  # temperature's own effect, then what the cuts do to it
        temp, cut = dist.entropy_tempered_bits, dist.entropy_bits
        effect = "none" if dist.temperature == 1.0 else "flattens" if dist.temperature > 1.0 else "sharpens"
        st.caption(
            t(
                f"sampling.temp_effect.{effect}",
                t=dist.temperature,
                orig=dist.entropy_original_bits,
                temp=temp,
                dt=temp - dist.entropy_original_bits,
            )
            + " "
            + (
                t("sampling.cuts_effect", final=cut, dc=cut - temp)
                if dist.n_kept < len(dist.final)
                else t("sampling.cuts_none")
            )
        )

    n_bars = ui.slider(page, "bars", t("sampling.bars"), 5, 60, 40)
    table = with_status_labels(page, S.distribution_table(lm, dist, n_bars), top_p=settings["top_p"])
    ui.chart(page, distribution_chart, table, "next_token_distribution", greedy=settings["greedy"])
    st.caption(
        t("sampling.chart_caption_greedy" if settings["greedy"] else "sampling.chart_caption", p=settings["top_p"])
    )

    st.subheader(t("sampling.after"))
    after = table[table["p_final"] > 0]
    ui.chart(page, sampled_from_chart, after, "sampled_from")
    st.caption(t("sampling.after_caption", n=len(after), kept=dist.n_kept))


def choose_seed(page) -> int:
    """The seed that step-by-step sampling and generation share."""
    return ui.slider(page, "seed", page.t("sampling.seed"), 0, 9999, 42, help=page.t("sampling.seed_help"))


def show_step_by_step(page, lm, trace, settings: dict) -> int:
    """3. One token per click, each a seeded draw from the distribution shown. Returns the seed."""
    t = page.t
    ui.header(page, t("sampling.steps"), anchor="step_by_step", intro=t("sampling.steps_intro"))
    seed = choose_seed(page)
    steps = ui.session_memory("sampling_steps", (lm.name, trace.text)).setdefault("steps", [])
    prompt_ids = [int(i) for i in trace.token_ids]
    room = min(MAX_STEPS, lm.arch.context_length - len(prompt_ids))

    def take_step() -> None:  # callbacks run before the page redraws: the buttons stay in sync
        ids = prompt_ids + [s.token_id for s in steps]
        steps.append(S.sample_next(lm, ids, S.step_seed(seed, len(steps)), **settings))

    next_col, undo_col, reset_col = st.columns(3)
    next_col.button(t("sampling.next"), key="next", disabled=len(steps) >= room, width="stretch", on_click=take_step)
    undo_col.button(t("sampling.undo"), key="undo", disabled=not steps, width="stretch", on_click=steps.pop)
    reset_col.button(t("sampling.reset"), key="reset", disabled=not steps, width="stretch", on_click=steps.clear)
    if len(steps) >= room:
        st.info(t("sampling.steps_full", n=len(steps)))

    new_text = lm.decode([s.token_id for s in steps])
    st.code(trace.text + new_text if steps else trace.text, language=None, wrap_lines=True)
    if steps:
        last = steps[-1]
        st.caption(t("sampling.step_caption", n=len(steps), token=last.token, p=last.probability, kept=last.kept))
        shown = [tok for tok, _, _ in last.alternatives]
        candidates = pd.DataFrame(
            {
                "label": S.unique_labels(shown),
                "token": shown,
                "token_id": [i for _, i, _ in last.alternatives],
                "p_final": [p for _, _, p in last.alternatives],
            }
        )
        candidates["chosen"] = candidates["token_id"] == last.token_id
        ui.chart(page, last_step_chart, candidates, "last_step")
        st.dataframe(
            pd.DataFrame(
                {
                    t("sampling.col.step"): range(1, len(steps) + 1),
                    t("sampling.col.token"): [s.token for s in steps],
                    "id": [s.token_id for s in steps],
                    t("sampling.col.p_final"): [round(s.probability, 5) for s in steps],
                    t("sampling.col.kept"): [s.kept for s in steps],
                }
            ),
            hide_index=True,
        )
    return seed


def show_generation(page, lm, trace, settings: dict, seed: int) -> None:
    """4. Many steps in a row, streamed, with two seeds; then several samples as one batch."""
    t = page.t
    ui.header(page, t("sampling.generate"), anchor="generation", intro=t("sampling.generate_intro"))
    n_new = ui.slider(page, "n", t("sampling.n_new"), 1, S.MAX_NEW_TOKENS, 30)
    seed2 = ui.slider(page, "seed2", t("sampling.seed2"), 0, 9999, 7)
    if settings["greedy"]:
        st.caption(t("sampling.greedy_seeds"))
    prompt_ids = [int(i) for i in trace.token_ids]
    runs = ui.session_memory("sampling_runs", (lm.name, trace.text, tuple(settings.items()), n_new, seed, seed2))

    if st.button(t("sampling.generate_button"), key="generate", type="primary"):
        runs["done"] = []
        for column, seed_value in zip(st.columns(2), (seed, seed2)):
            with column:  # the text grows one token at a time
                st.markdown(t("sampling.run_title", seed=seed_value))
                box, text, count, started = st.empty(), "", 0, time.perf_counter()
                for step in S.generate_steps(lm, prompt_ids, n_new, seed=seed_value, **settings):
                    text, count = text + step.text, count + 1
                    box.code(trace.text + text, language=None, wrap_lines=True)
                rate = count / max(time.perf_counter() - started, 1e-9)
                st.caption(t("sampling.run_caption", n=count, rate=rate))
                runs["done"].append((seed_value, text, count, rate))
    elif "done" in runs:  # the last runs with these settings, as they were
        for column, (seed_value, text, count, rate) in zip(st.columns(2), runs["done"]):
            with column:
                st.markdown(t("sampling.run_title", seed=seed_value))
                st.code(trace.text + text, language=None, wrap_lines=True)
                st.caption(t("sampling.run_caption", n=count, rate=rate))

    st.subheader(t("sampling.spread"))
    n_samples = ui.slider(page, "samples", t("sampling.n_samples"), 2, 8, 4)
    spread = ui.session_memory(
        "sampling_spread", (lm.name, trace.text, tuple(settings.items()), n_new, seed, n_samples)
    )
    if st.button(t("sampling.spread_button"), key="spread"):
        with st.spinner(t("sampling.spread_running")):
            rows = S.sample_many(lm, prompt_ids, n_samples, n_new, seed=seed, **settings)
        spread["texts"] = [lm.decode(r) for r in rows]
    if "texts" in spread:
        texts = spread["texts"]
        st.dataframe(
            pd.DataFrame({t("sampling.col.sample"): range(1, len(texts) + 1), t("sampling.col.continuation"): texts}),
            hide_index=True,
            width="stretch",
        )
        st.caption(t("sampling.spread_caption", distinct=len(set(texts)), n=len(texts)))


def show_logit_lens(page, lm, trace, lens_job) -> None:
    """5. Every layer's residual stream through the final norm and the unembedding."""
    t = page.t
    ui.header(page, t("sampling.lens"), anchor="logit_lens", intro=t("sampling.lens_intro"))
    st.latex(r"\text{%s}_\ell = W_U \,\mathrm{Norm}(h_\ell)" % t("sampling.latex.logits"))
    lens_k = ui.slider(page, "lensk", t("sampling.lens_k"), 1, LENS_MAX_K, 5)
    try:
        lens_ids, lens_probs = lens_job.result()
    except Exception:
        lens_started.clear(lm, trace, lm.name, trace.text)  # the next run starts over
        raise
    lens = S.lens_table(lm, lens_ids, lens_probs, k=lens_k)
    layer_names = {
        layer: t("sampling.layer_embed") if layer == 0 else t("sampling.layer_n", n=layer - 1)
        for layer in range(lm.arch.n_layers + 1)
    }
    lens["layer_label"] = lens["layer"].map(layer_names)
    ui.chart(page, lens_chart, lens, "logit_lens", layer_order=list(layer_names.values()))
    st.caption(t("sampling.lens_caption", n=lm.arch.n_layers - 1))  # blocks numbered from 0
