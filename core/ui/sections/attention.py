"""Sections of the Attention page: one head's heatmap, all heads at a glance, one head step by step."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import ui
from core.attention import (
    attention_steps,
    best_matches,
    dot_product_spread,
    head_statistics,
    heads_together,
    without_scaling,
)
from core.interventions import HOW, SWEEP_MAX_TOKENS, InterventionError, attention_and_effect, sweep, token_id
from core.stats import entropy_bits

GRID_TOKENS = 16  # the all-heads grid draws L × H × T² cells: keep T small
SHOWN_DIMS = 16  # how many numbers of a vector the step-by-step tables show
EXAMPLE = "The train left the station on time"  # the lecture notes' example sentence
TOP_HEADS = 10  # heads in each ranking of "attention is not explanation"


def grid_table(weights):
    """[L, H, G, G] weights -> one row per visible (layer, head, query, key) cell."""
    L_, H_, q_, k_ = np.nonzero(np.tril(np.ones(weights.shape, bool)))
    return pd.DataFrame({"layer": L_, "head": H_, "query": q_, "key": k_, "weight": weights[L_, H_, q_, k_]})


def all_heads_chart(page: ui.Page, n_heads: int, G: int):
    """Layers down, heads across: each small square one head's [G, G] attention pattern
    (a template: it draws the grid_table it is given)."""
    t = page.t
    cell = max(2, min(6, 360 // (n_heads * G) + 1))
    return (
        alt.Chart(ui.data())
        .mark_rect()
        .encode(
            x=alt.X("key:O", axis=None),
            y=alt.Y("query:O", axis=None),
            color=alt.Color("weight:Q", scale=alt.Scale(scheme="blues", domain=[0, 1]), legend=None),
            tooltip=[
                alt.Tooltip("layer:O", title=t("attention.col.layer")),
                alt.Tooltip("head:O", title=t("attention.col.head")),
                alt.Tooltip("query:O", title=t("attention.col.query")),
                alt.Tooltip("key:O", title=t("attention.col.key")),
                alt.Tooltip("weight:Q", title=t("attention.col.weight"), format=".4f"),
            ],
        )
        .properties(width=cell * G, height=cell * G)
        .facet(
            row=alt.Row("layer:O", title=t("attention.col.layer")),
            column=alt.Column("head:O", title=t("attention.col.head")),
            spacing=2,
        )
    )


def statistics_chart(page: ui.Page, stat: str, n_layers: int):
    """One statistic per head, layers down and heads across (a template)."""
    t = page.t
    return (
        alt.Chart(ui.data())
        .mark_rect()
        .encode(
            x=alt.X("head:O", title=t("attention.col.head")),
            y=alt.Y("layer:O", title=t("attention.col.layer")),
            color=alt.Color(f"{stat}:Q", title=t("attention.col.value"), scale=alt.Scale(scheme="viridis")),
            tooltip=[
                alt.Tooltip("layer:O", title=t("attention.col.layer")),
                alt.Tooltip("head:O", title=t("attention.col.head")),
                *(
                    alt.Tooltip(f"{s}:Q", title=t(f"attention.stat.{s}"), format=".3f")
                    for s in ("entropy", "first", "previous")
                ),
            ],
        )
        .properties(height=min(16 * n_layers + 40, 600))
    )


def head_table(weights, labels: list[str]):
    """[T, T] one head's weights -> one row per (query, key) cell, future keys marked."""
    T = len(labels)
    qi, ki = np.meshgrid(np.arange(T), np.arange(T), indexing="ij")
    names = np.array(labels)
    return pd.DataFrame(
        {
            "query": names[qi.ravel()],
            "key": names[ki.ravel()],
            "query_index": qi.ravel(),
            "key_index": ki.ravel(),
            "weight": weights.ravel(),
            "masked": (ki > qi).ravel(),
        }
    )


def head_chart(page: ui.Page, step: int):
    """One head's [T, T] weights in text order; the future (masked) in grey, the chosen
    query's row (the `chosen` column) outlined. A template: it draws the table it is given."""
    t = page.t
    base = alt.Chart().encode(
        x=alt.X("key:N", sort=alt.EncodingSortField("key_index"), title=t("attention.col.key")),
        y=alt.Y("query:N", sort=alt.EncodingSortField("query_index"), title=t("attention.col.query")),
    )
    visible = (
        base.transform_filter("!datum.masked")
        .mark_rect()
        .encode(
            color=alt.Color(
                "weight:Q", scale=alt.Scale(scheme="blues", domain=[0, 1]), title=t("attention.col.weight")
            ),
            tooltip=[
                alt.Tooltip("query:N", title=t("attention.col.query")),
                alt.Tooltip("key:N", title=t("attention.col.key")),
                alt.Tooltip("weight:Q", format=".6f", title=t("attention.col.weight")),
            ],
        )
    )
    masked = (
        base.transform_filter("datum.masked")
        .mark_rect(color="#d0d0d0", opacity=0.6)
        .encode(
            tooltip=[
                alt.Tooltip("query:N", title=t("attention.col.query")),
                alt.Tooltip("key:N", title=t("attention.col.key")),
            ]
        )
    )
    row = base.transform_filter("datum.chosen").mark_rect(fill=None, stroke="#d62728", strokeWidth=2)
    return alt.layer(masked, visible, row, data=ui.data()).properties(height=alt.Step(step))


def concat_chart(page):
    """One token's heads side by side: a bar per number, coloured by the head it came from."""
    t = page.t
    return (
        alt.Chart(ui.data())
        .mark_bar()
        .encode(
            x=alt.X("dimension:Q", title=t("attention.col.concat_dim")),
            y=alt.Y("value:Q", title=t("attention.col.value")),
            color=alt.Color("head_label:N", title=t("attention.head"), sort=None),
            tooltip=[
                alt.Tooltip("head_label:N", title=t("attention.head")),
                alt.Tooltip("dimension:Q", title=t("attention.col.concat_dim")),
                alt.Tooltip("value:Q", title=t("attention.col.value"), format=".4f"),
            ],
        )
        .properties(height=220)
    )


def spread_chart(page):
    """The spread of q·k against d_k: measured on random vectors, and the formula √d_k."""
    t = page.t
    x = alt.X("d_k:Q", title="d_k", scale=alt.Scale(type="log", base=2))
    measured = (
        alt.Chart()
        .mark_circle(size=70)
        .encode(
            x=x,
            y=alt.Y("measured:Q", title=t("attention.col.spread")),
            tooltip=[
                alt.Tooltip("d_k:Q", title="d_k"),
                alt.Tooltip("measured:Q", title=t("attention.col.spread"), format=".3f"),
                alt.Tooltip("sqrt_dk:Q", title="√d_k", format=".3f"),
            ],
        )
    )
    formula = alt.Chart().mark_line(color="#e45756").encode(x=x, y=alt.Y("sqrt_dk:Q", title=t("attention.col.spread")))
    return alt.layer(formula, measured, data=ui.data()).properties(height=240)


def scaling_chart(page):
    """One query row's weights with the model's scaling and without it."""
    t = page.t
    return (
        alt.Chart(ui.data())
        .mark_bar()
        .encode(
            x=alt.X(
                "key:N",
                sort=alt.EncodingSortField("key_index"),
                title=t("attention.col.key"),
                axis=alt.Axis(labelAngle=-40),
            ),
            xOffset=alt.XOffset("version_label:N"),
            y=alt.Y("weight:Q", title=t("attention.col.weight"), scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("version_label:N", title=None),
            tooltip=[
                alt.Tooltip("key:N", title=t("attention.col.key")),
                alt.Tooltip("version_label:N", title=None),
                alt.Tooltip("weight:Q", title=t("attention.col.weight"), format=".4f"),
            ],
        )
        .properties(height=240)
    )


def numbers(data, digits: int, **columns) -> None:
    """A table of numbers to `digits` places (extra column_config entries by name); its row
    labels shown unless they are just 0, 1, 2 …"""
    data = data.rename(columns=str)
    config = {
        c: st.column_config.NumberColumn(format=f"%.{digits}f")
        for c in data.columns
        if pd.api.types.is_numeric_dtype(data[c])
    }
    st.dataframe(data, column_config=config | columns, hide_index=pd.api.types.is_integer_dtype(data.index))


def show_all_heads(page, lm, trace) -> None:
    """Every head of every layer at a glance (the first GRID_TOKENS tokens)."""
    t, T = page.t, trace.n_tokens
    ui.header(page, t("attention.grid"), anchor="all_heads")
    G = min(T, GRID_TOKENS)
    if T > G:
        st.info(t("attention.grid_capped", t=G, total=T))
    st.caption(t("attention.grid_caption", n=lm.arch.n_layers * lm.arch.n_heads, t=G))
    grid = grid_table(trace.attentions[:, :, :G, :G])  # the first G tokens' [L, H, G, G] weights
    ui.chart(page, all_heads_chart, grid, "all_heads", width="content", n_heads=lm.arch.n_heads, G=G)


@st.fragment  # picking a statistic redraws only this chart
def show_head_statistics(page, lm, trace) -> None:
    t = page.t
    st.subheader(t("attention.stats"), anchor="head_statistics")
    st.caption(t("attention.stats_caption"))
    stats = head_statistics(trace.attentions)
    stat = ui.radio(
        page,
        "stat",
        t("attention.stat"),
        ["entropy", "first", "previous"],
        "first",
        format_func=lambda s: t(f"attention.stat.{s}"),
        horizontal=True,
    )
    Ls, Hs = np.meshgrid(np.arange(lm.arch.n_layers), np.arange(lm.arch.n_heads), indexing="ij")
    table = pd.DataFrame({"layer": Ls.ravel(), "head": Hs.ravel(), **{k: v.ravel() for k, v in stats.items()}})
    ui.chart(page, statistics_chart, table, "head_statistics", stat=stat, n_layers=lm.arch.n_layers)


def show_steps(page, lm, trace, labels, layer: int, head: int, query: int):
    """One head recomputed from the layer's weights: q, k, scores, mask, softmax, Σ weights·v."""
    t, T = page.t, trace.n_tokens
    ui.header(page, t("attention.steps", layer=layer, head=head, token=trace.tokens[query]), anchor="steps")
    steps = attention_steps(lm, trace.text, layer, head, trace=trace)  # no forward pass
    st.write(
        t(
            f"attention.steps_intro_{lm.arch.norm_placement}",
            norm=lm.arch.norm_kind,
            dk=lm.arch.d_head,
            scale=steps.scaling,
        )
    )
    if lm.arch.positional == "rotary":
        st.caption(t("attention.steps_rotary", rot=lm.arch.rotary_dims, dh=lm.arch.d_head))
    if lm.arch.n_kv_heads < lm.arch.n_heads:  # grouped-query attention: one key/value head per group
        st.caption(
            t("attention.steps_grouped", head=head, kv=steps.kv_head, others=lm.arch.n_heads // lm.arch.n_kv_heads - 1)
        )
    n = min(SHOWN_DIMS, lm.arch.d_head)
    st.markdown(t("attention.step.q", n=n, d=lm.arch.d_head))
    numbers(pd.DataFrame([steps.q[query, :n]], index=["q"]), 3)
    st.caption(t("attention.step.k", n=n, d=lm.arch.d_head))
    numbers(pd.DataFrame(steps.k[: query + 1, :n], index=labels[: query + 1]), 3)
    st.markdown(t("attention.step.scores"))
    rows = pd.DataFrame(
        {
            t("attention.col.key"): labels,
            t("attention.col.dot"): steps.q[query] @ steps.k.T,  # [T]
            t("attention.col.scaled"): steps.scores[query],
            t("attention.col.masked"): steps.masked_scores[query],
            t("attention.col.softmax"): steps.weights[query],
        }
    )
    numbers(
        rows,
        4,
        **{t("attention.col.softmax"): st.column_config.ProgressColumn(format="%.4f", min_value=0.0, max_value=1.0)},
    )
    st.caption(t("attention.steps_sum", s=float(steps.weights[query].sum())))
    st.markdown(t("attention.step.output", n=n, d=lm.arch.d_head))
    contrib = steps.weights[query, :, None] * steps.v[:, :n]  # [T, n]
    out = pd.DataFrame(contrib, index=[f"{labels[j]} ({steps.weights[query, j]:.3f} × v)" for j in range(T)])
    out.loc["= Σ"] = steps.output[query, :n]
    numbers(out, 3)
    return steps


def show_search(page, lm, trace, labels, layer: int, head: int) -> None:
    """Q, K, V as a search — and why W_Q and W_K are there at all."""
    t = page.t
    ui.header(page, t("attention.search"), anchor="search", intro=t("attention.search_text"))
    match = best_matches(trace, layer, head)
    st.write(
        t(
            "attention.search_why",
            raw=float(match["raw_self"].mean()),
            head=float(match["head_self"].mean()),
            layer=layer,
            h=head,
        )
    )
    st.dataframe(
        pd.DataFrame(
            {
                t("attention.col.query"): labels,
                t("attention.col.raw_best"): [labels[j] for j in match["raw"]],
                t("attention.col.head_best"): [labels[j] for j in match["head"]],
            }
        ),
        hide_index=True,
    )
    st.caption(t("attention.search_caption"))


def show_why_scale(page, lm, steps, labels, query: int) -> None:
    """Why q·k is divided by √d_k: dot products spread with d_k, and softmax saturates."""
    t = page.t
    ui.header(page, t("attention.why_scale"), anchor="why_scale", intro=t("attention.why_scale_text"))
    ui.chart(page, spread_chart, pd.DataFrame(spread_rows()), "dot_product_spread")
    unscaled = without_scaling(steps, query)
    scaled = steps.weights[query]
    rows = [
        {"key": labels[j], "key_index": j, "version": v, "weight": float(w[j])}
        for v, w in (("scaled", scaled), ("unscaled", unscaled))
        for j in range(query + 1)
    ]
    table = pd.DataFrame(rows)
    table["version_label"] = table["version"].map(lambda v: t(f"attention.version.{v}", dk=lm.arch.d_head))
    ui.chart(page, scaling_chart, table, "with_and_without_scaling")
    a, b = st.columns(2)
    a.metric(t("attention.entropy_scaled"), t("attention.bits", h=entropy_bits(scaled)))
    b.metric(t("attention.entropy_unscaled"), t("attention.bits", h=entropy_bits(unscaled)))
    st.caption(
        t("attention.why_scale_caption", dk=lm.arch.d_head, top=float(unscaled.max()), top_scaled=float(scaled.max()))
    )


def show_multi_head(page, lm, trace, labels, layer: int, query: int) -> None:
    """Every head of the layer, laid side by side for the chosen token, times W_O: the
    layer's attention output, checked against the model's own."""
    t, a = page.t, lm.arch
    ui.header(
        page,
        t("attention.multi"),
        anchor="multi_head",
        intro=t("attention.multi_text", h=a.n_heads, dh=a.d_head, hd=a.n_heads * a.d_head, d=a.d_model),
    )
    if a.n_kv_heads != a.n_heads:
        st.write(t("attention.multi_kv", kv=a.n_kv_heads, g=a.n_heads // a.n_kv_heads))
    st.latex(r"\mathrm{MultiHead}(x)=\mathrm{Concat}(\mathrm{head}_1,\dots,\mathrm{head}_{%d})\,W_O" % a.n_heads)
    together = heads_together(lm, trace, layer)
    row = together.concat[query]  # [H·dh] the heads side by side
    table = pd.DataFrame(
        {"dimension": np.arange(len(row)), "value": row, "head": np.repeat(np.arange(a.n_heads), a.d_head)}
    )
    table["head_label"] = table["head"].map(lambda h: t("attention.head_n", h=h))
    ui.chart(page, concat_chart, table, "heads_concatenated")
    out = together.output[query]
    c1, c2, c3 = st.columns(3)
    c1.metric(t("attention.concat_len"), f"{a.n_heads} × {a.d_head} = {len(row)}")
    c2.metric(t("attention.concat_out"), f"|W_O·concat| = {np.linalg.norm(out):,.3f}")
    c3.metric(t("attention.concat_diff"), f"{together.model_diff:.1e}", help=t("attention.concat_diff_help"))
    st.caption(t("attention.concat_caption", token=labels[query], layer=layer, norm=together.norm_diff))
    st.warning(t("attention.caution", n=a.n_layers * a.n_heads - 1))


def choose_head(page, lm, trace, keys=("layer", "head", "query")):
    """The layer, head and query-token boxes (those named in `keys`; the others keep their
    defaults: layer 0, head 0, the last token). Returns (labels, layer, head, query)."""
    t, T = page.t, trace.n_tokens
    labels = [f"{i}:{tok}" for i, tok in enumerate(trace.tokens)]
    chosen = {"layer": 0, "head": 0, "query": T - 1}
    boxes = {
        "layer": lambda: ui.selectbox(page, "layer", t("attention.layer"), list(range(lm.arch.n_layers)), 0),
        "head": lambda: ui.selectbox(page, "head", t("attention.head"), list(range(lm.arch.n_heads)), 0),
        "query": lambda: ui.selectbox(
            page, "query", t("attention.query"), list(range(T)), T - 1, format_func=lambda i: labels[i]
        ),
    }
    drawn = [k for k in boxes if k in keys]
    for column, key in zip(st.columns(len(drawn)) if drawn else [], drawn):
        with column:
            chosen[key] = boxes[key]()
    return labels, chosen["layer"], chosen["head"], chosen["query"]


def show_head_map(page, lm, trace, labels, layer: int, head: int, query: int) -> None:
    """One head's weights as a heatmap, the query token's row marked."""
    t, T = page.t, trace.n_tokens
    st.caption(t("attention.one_head_caption"))
    cells = head_table(trace.attentions[layer, head], labels)  # [T, T] as rows
    cells = cells.assign(weight=cells.weight.where(~cells.masked), chosen=cells.query_index == query)
    ui.chart(page, head_chart, cells, "attention_head", step=max(8, 480 // T))


def show_one_head_header(page) -> None:
    ui.header(page, page.t("attention.one_head"), anchor="head_map")


def show_knockout(page, lm, trace, layer: int, head: int) -> None:
    """Beside the heatmap: the same head knocked out, and what the prediction does without it."""
    t = page.t
    st.subheader(t("int.knock.title", layer=layer, head=head), anchor="knockout")
    if not ui.toggle(page, "knockout", t("int.knock.toggle")):
        st.caption(t("int.knock.off"))
        return
    how = ui.radio(
        page, "how", t("int.how"), list(HOW), "zero", format_func=lambda h: t(f"int.how.{h}"), horizontal=True
    )
    st.caption(t("int.knock.what", layer=layer, head=head, how=t(f"int.how.{how}")))
    result = ui.ablation(page, trace.text, [("head", layer, head)], how)
    if result is not None:
        ui.before_after(page, lm, trace.next_token_logits, result.logits, "head_knockout")


def ranking_chart(page, by: str):
    """Heads ranked by one measure (`by`: "attention" or "effect"), the top ones only, those in
    both top lists coloured (a template: it draws the table it is given)."""
    t = page.t
    return (
        alt.Chart(ui.data())
        .transform_filter(f"datum.{by}_rank <= datum.k")
        .mark_bar()
        .encode(
            y=alt.Y("head_label:N", sort=alt.EncodingSortField(f"{by}_rank"), title=t("int.col.head")),
            x=alt.X(f"{by}:Q", title=t(f"int.col.{by}")),
            color=alt.Color("both_label:N", title=t("int.col.in_both"), sort="descending"),
            tooltip=[
                alt.Tooltip("head_label:N", title=t("int.col.head")),
                alt.Tooltip("attention:Q", title=t("int.col.attention"), format=".3f"),
                alt.Tooltip("effect:Q", title=t("int.col.effect"), format=".4f"),
            ],
        )
        .properties(height=alt.Step(18))
    )


def show_not_explanation(page, lm, trace) -> None:
    """Attention is not explanation: heads ranked by what they look at and by what they cause,
    for this prompt, with the rank correlation computed."""
    t, T = page.t, trace.n_tokens
    n = lm.arch.n_layers * lm.arch.n_heads
    ui.header(page, t("int.ne.title"), anchor="not_explanation", intro=t("int.ne.text"))
    if trace.n_tokens_requested > SWEEP_MAX_TOKENS:
        ui.intervention_error(page, InterventionError("too_long", n=trace.n_tokens_requested, cap=SWEEP_MAX_TOKENS))
        return
    labels = [f"{i}:{tok}" for i, tok in enumerate(trace.tokens)]
    last = trace.attentions[:, :, -1]  # [L, H, T] what the last token attends to, every head
    between = last[..., 1:-1].mean((0, 1))  # not the first token (a sink) nor the last (itself)
    default = 1 + int(np.argmax(between)) if T > 2 else T - 1
    left, right = st.columns(2)
    with left:
        source = ui.selectbox(
            page, "source", t("int.ne.source"), list(range(T)), default, format_func=lambda i: labels[i]
        )
    with right:
        typed = ui.text_input(page, "target", t("int.ne.target_input"), "", max_chars=40, help=t("int.ne.target_help"))
    try:
        target = token_id(lm, typed) if typed else None  # None: the model's own prediction
    except InterventionError as exc:
        ui.intervention_error(page, exc)
        return
    result = ui.shared_job(
        page,
        (trace.text, target, "heads"),
        t("int.ne.button", n=n),
        t("int.ne.press", n=n),
        lambda job: sweep(lm, trace.text, target, "heads", progress=job.report),
    )
    if result is None:
        return
    token = lm.display_tokens([result.target_id])[0]
    st.caption(t("int.ne.target", token=token, p=float(np.exp(result.clean_logprob))))
    both = attention_and_effect(last[..., source], result.drop, TOP_HEADS)
    k, heads = both["k"], [(layer, h) for layer in range(lm.arch.n_layers) for h in range(lm.arch.n_heads)]
    table = pd.DataFrame(
        {
            "layer": [l_ for l_, _ in heads],
            "head": [h for _, h in heads],
            "head_label": [f"L{l_} H{h}" for l_, h in heads],
            **{c: both[c].ravel() for c in ("attention", "effect", "attention_rank", "effect_rank")},
            "k": k,
        }
    )
    table["in_both"] = (table.attention_rank <= k) & (table.effect_rank <= k)
    table["both_label"] = table["in_both"].map({True: t("int.both.yes"), False: t("int.both.no")})
    a, b = st.columns(2)
    a.metric(t("int.ne.rho"), f"{both['rho']:+.2f}")
    b.metric(t("int.ne.overlap", k=k), f"{both['overlap']} / {k}")
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('int.ne.by_attention', k=k, source=trace.tokens[source])}**")
        ui.chart(page, ranking_chart, table, "heads_by_attention", by="attention", download=False)
    with right:
        st.markdown(f"**{t('int.ne.by_effect', k=k)}**")
        ui.chart(page, ranking_chart, table, "attention_vs_effect", by="effect")
    at = np.unravel_index(np.argmin(both["attention_rank"]), both["attention"].shape)
    ef = np.unravel_index(np.argmin(both["effect_rank"]), both["effect"].shape)
    st.write(
        t(
            "int.ne.finding",
            rho=both["rho"],
            overlap=both["overlap"],
            k=k,
            source=trace.tokens[source],
            al=int(at[0]),
            ah=int(at[1]),
            aw=float(both["attention"][at]),
            arank=f"{both['effect_rank'][at]:g}",
            n=n,
            el=int(ef[0]),
            eh=int(ef[1]),
            ed=float(result.drop[ef]),
            erank=f"{both['attention_rank'][ef]:g}",
        )
    )
    st.write(t(f"int.ne.verdict.{verdict(both['rho'])}"))


def verdict(rho: float) -> str:
    """What a rank correlation says, in words: which sentence the page writes for it."""
    if not np.isfinite(rho):
        return "undefined"
    return "agree" if rho >= 0.6 else "partly" if rho >= 0.3 else "opposite" if rho <= -0.3 else "unrelated"


@st.cache_data(show_spinner=False)
def spread_rows():
    return dot_product_spread()
