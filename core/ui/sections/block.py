"""Sections of the block page: the norm, the MLP and the residual stream recomputed from the weights,
what single units write, which layer wrote the prediction, dropout, knock-outs and patching."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import seq2seq, ui
from core.block import (
    activation_curve,
    activation_of,
    block_equations,
    block_steps,
    block_wiring,
    dropout_runs,
    layernorm_reference,
    logit_attribution,
    parameter_split,
    unit_writes,
)
from core.interventions import (
    HOW,
    SWEEP_MAX_TOKENS,
    InterventionError,
    default_answers,
    patch_grid,
    restoration_summary,
    sweep,
)
from core.overview import GPT2_SMALL_PUBLISHED
from core.residual import gradient_change, gradient_through_depth, shrinking_blocks, stream_sizes

DEFAULT_PROMPT = "The capital of France is"
TOP_UNITS, TOP_TOKENS = 8, 8  # units listed for the chosen token; tokens each unit promotes
SHOWN_DROPOUT = 0.1  # a labelled rate for a model whose config sets 0: GPT-2's published resid_pdrop
OUTLIERS = 6  # largest numbers of a token's vector shown by dimension
ANSWERS = 10  # answer tokens offered for patching: each prompt's top predictions
PATCH_EXAMPLES = [
    ("The Eiffel Tower is in the city of", "The Colosseum is in the city of"),
    ("The capital of France is", "The capital of Italy is"),
]


@st.cache_data(max_entries=32, show_spinner=False)
def steps_of(model_name: str, text: str, layer: int, _lm, _trace):
    """One block recomputed, once per model, prompt and layer (arguments with _ not hashed)."""
    return block_steps(_lm, _trace, layer)


@st.cache_data(max_entries=64, show_spinner=False)
def units_of(model_name: str, text: str, layer: int, position: int, _lm, _steps):
    return unit_writes(_lm, _steps, position, TOP_UNITS, TOP_TOKENS)


# --------------------------------------------------------------------------- charts


def _layer_x(t):
    """The x axis of the charts by layer (the block's layers in order, labels upright)."""
    return alt.X("layer:O", title=t("block.col.layer"), axis=alt.Axis(labelAngle=0))


def depth_chart(page):
    """Per block: how big the stream is after it (line) and what attention and the MLP wrote (bars)."""
    t = page.t
    x = _layer_x(t)
    y = alt.Y("norm:Q", title=t("block.col.norm"))
    tooltip = [
        alt.Tooltip("layer:O", title=t("block.col.layer")),
        alt.Tooltip("part_label:N", title=t("block.col.part")),
        alt.Tooltip("norm:Q", title=t("block.col.norm"), format=",.2f"),
    ]
    color = alt.Color("part_label:N", title=t("block.col.part"))
    bars = (
        alt.Chart()
        .transform_filter("datum.part != 'stream'")
        .mark_bar()
        .encode(x=x, xOffset="part_label:N", y=y, color=color, tooltip=tooltip)
    )
    line = (
        alt.Chart()
        .transform_filter("datum.part == 'stream'")
        .mark_line(point=True, color="black")
        .encode(x=x, y=y, color=color, tooltip=tooltip)
    )
    return alt.layer(bars, line, data=ui.data()).properties(height=320)


def cosine_chart(page):
    t = page.t
    return (
        alt.Chart(ui.data())
        .mark_line(point=True)
        .encode(
            x=_layer_x(t),
            y=alt.Y("cosine:Q", title=t("block.col.cosine"), scale=alt.Scale(domainMax=1, zero=False)),
            tooltip=[
                alt.Tooltip("layer:O", title=t("block.col.layer")),
                alt.Tooltip("cosine:Q", title=t("block.col.cosine"), format=".4f"),
            ],
        )
        .properties(height=220)
    )


def histogram_chart(page):
    """The token's d numbers at each stage of the norm, one histogram per stage, each on its
    own axis (the table holds the bins: start, end, count)."""
    t = page.t
    return (
        alt.Chart(ui.data())
        .mark_bar(opacity=0.85)
        .encode(
            x=alt.X("start:Q", title=t("block.col.value")),
            x2=alt.X2("end:Q", title=t("block.col.value")),
            y=alt.Y("count:Q", title=t("block.col.count")),
            color=alt.Color("stage_label:N", legend=None),
            row=alt.Row("stage_label:N", title=None, sort=None, header=alt.Header(labelAngle=0, labelAlign="left")),
            tooltip=[
                alt.Tooltip("stage_label:N", title=t("block.col.stage")),
                alt.Tooltip("start:Q", title=t("block.col.value"), format=".3f"),
                alt.Tooltip("count:Q", title=t("block.col.count")),
            ],
        )
        .properties(height=100, width=560)
        .resolve_scale(x="independent")
    )


def activation_chart(page, title: str):
    """The activation function as a curve (the model's and ReLU), this token's pre-activations
    as points on the model's curve."""
    t = page.t
    x = alt.X("x:Q", title=t("block.col.pre"))
    curves = (
        alt.Chart()
        .transform_filter("datum.kind == 'curve'")
        .mark_line()
        .encode(
            x=x,
            y=alt.Y("y:Q", title=t("block.col.post")),
            color=alt.Color("function:N", title=None),
            strokeDash=alt.StrokeDash("function:N", title=None),
        )
    )
    points = (
        alt.Chart()
        .transform_filter("datum.kind == 'unit'")
        .mark_circle(size=14, opacity=0.5, color="#e45756")
        .encode(
            x=x,
            y="y:Q",
            tooltip=[
                alt.Tooltip("unit:Q", title=t("block.col.unit")),
                alt.Tooltip("x:Q", title=t("block.col.pre"), format=".3f"),
                alt.Tooltip("y:Q", title=t("block.col.post"), format=".3f"),
            ],
        )
    )
    return alt.layer(curves, points, data=ui.data()).properties(height=300, title=title)


def unit_chart(page):
    t = page.t
    return (
        alt.Chart(ui.data())
        .mark_bar()
        .encode(
            x=alt.X("change:Q", title=t("block.col.logit_change")),
            y=alt.Y("label:N", sort=None, title=t("block.col.token")),
            tooltip=[
                alt.Tooltip("token:N", title=t("block.col.token")),
                alt.Tooltip("token_id:Q", title=t("block.col.token_id")),
                alt.Tooltip("change:Q", title=t("block.col.logit_change"), format=".4f"),
            ],
        )
        .properties(height=alt.Step(22))
    )


def attribution_chart(page):
    """What the embedding and each layer's attention and MLP wrote into the predicted logit."""
    t = page.t
    return (
        alt.Chart(ui.data())
        .mark_bar()
        .encode(
            x=alt.X("where:N", sort=None, title=t("block.col.where"), axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("kind_label:N"),
            y=alt.Y("value:Q", title=t("block.col.contribution")),
            color=alt.Color("kind_label:N", title=t("block.col.part")),
            tooltip=[
                alt.Tooltip("name:N", title=t("block.col.part")),
                alt.Tooltip("value:Q", title=t("block.col.contribution"), format="+.4f"),
            ],
        )
        .properties(height=320)
    )


# --------------------------------------------------------------------------- sections


def choose_layer_token(page, lm, trace, keys=("layer", "token")):
    """The block's layer and token boxes (those named in `keys`; the others keep their defaults:
    layer 0, the last token). Returns (layer, position, token)."""
    t, T = page.t, trace.n_tokens
    layer, position = 0, T - 1
    drawn = [k for k in ("layer", "token") if k in keys]
    for column, key in zip(st.columns(2) if drawn else [], drawn):
        with column:
            if key == "layer":
                layer = ui.selectbox(page, "layer", t("block.layer"), list(range(lm.arch.n_layers)), 0)
            else:
                position = ui.selectbox(
                    page,
                    "token",
                    t("block.token"),
                    list(range(T)),
                    T - 1,
                    format_func=lambda i: f"{i}: {trace.tokens[i]}",
                )
    return layer, position, trace.tokens[position]


def show_equations(page, lm) -> None:
    """1. The block in two lines (or one, where attention and the MLP run side by side), as this
    model's family wires it, with its parameters split."""
    t, norm = page.t, lm.arch.norm_kind
    ui.header(
        page,
        t("block.equations"),
        anchor="equations",
        intro=t(f"block.equations_text_{block_wiring(lm.arch)}", norm=norm, n=lm.arch.n_layers),
    )
    for line in block_equations(lm.arch):  # as the adapter states the wiring
        st.latex(line)
    split = parameter_split(lm)
    total = sum(split.values())
    a, b, c = st.columns(3)
    a.metric(
        t("block.params_attention"),
        f"{split['attention'] / 1e6:,.2f} M",
        help=t("block.share", p=split["attention"] / total),
    )
    b.metric(t("block.params_mlp"), f"{split['mlp'] / 1e6:,.2f} M", help=t("block.share", p=split["mlp"] / total))
    c.metric(t("block.params_norms"), f"{split['norms']:,}")
    st.caption(
        t(
            "block.params_caption",
            blocks=lm.arch.n_layers,
            total=total * lm.arch.n_layers / 1e6,
            all=lm.n_params / 1e6,
            mlp=split["mlp"] / split["attention"],
        )
    )


def show_residual_stream(page, lm, trace, position: int) -> None:
    """2. The residual stream through the depth, for the chosen token."""
    t = page.t
    ui.header(page, t("block.stream"), anchor="residual_stream", intro=t("block.stream_text"))
    stream = np.linalg.norm(trace.resid[1:, position], axis=-1)  # [L] after each block
    L = lm.arch.n_layers
    table = pd.DataFrame(
        {
            "layer": np.tile(np.arange(L), 3),
            "part": np.repeat(["stream", "attention", "mlp"], L),
            "norm": np.concatenate([stream, trace.attn_out_norm[:, position], trace.mlp_out_norm[:, position]]),
        }
    )
    table["part_label"] = table["part"].map(lambda p: t(f"block.part.{p}"))
    ui.chart(page, depth_chart, table, "residual_stream")
    before, after = trace.resid[:-1, position], trace.resid[1:, position]  # [L, d] each
    cosine = (before * after).sum(-1) / np.maximum(
        np.linalg.norm(before, axis=-1) * np.linalg.norm(after, axis=-1), 1e-12
    )
    ui.chart(page, cosine_chart, pd.DataFrame({"layer": np.arange(L), "cosine": cosine}), "block_cosine")
    st.caption(
        t(
            "block.stream_caption",
            lo=float(cosine.min()),
            hi=float(cosine.max()),
            start=float(np.linalg.norm(trace.resid[0, position])),
            end=float(stream[-1]),
        )
    )


def depth_gradient_chart(page):
    """|∂ logit / ∂ x| at each block's input, with and without the skip paths (log scale)."""
    t = page.t
    return (
        alt.Chart(ui.data())
        .mark_line(point=True)
        .encode(
            x=alt.X("depth_label:N", sort=None, title=t("lecture.col.depth"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("gradient:Q", title=t("lecture.col.gradient"), scale=alt.Scale(type="log")),
            color=alt.Color("wiring_label:N", title=t("lecture.col.wiring")),
            tooltip=[
                alt.Tooltip("wiring_label:N", title=t("lecture.col.wiring")),
                alt.Tooltip("depth_label:N", title=t("lecture.col.depth")),
                alt.Tooltip("gradient:Q", title=t("lecture.col.gradient"), format=".3e"),
            ],
        )
        .properties(height=280)
    )


def sizes_chart(page):
    """The stream's size and the normed vector's size by layer (log scale: they differ a lot)."""
    t = page.t
    return (
        alt.Chart(ui.data())
        .mark_line(point=True)
        .encode(
            x=_layer_x(t),
            y=alt.Y("norm:Q", title=t("lecture.col.size"), scale=alt.Scale(type="log")),
            color=alt.Color("part_label:N", title=None, sort=None, legend=alt.Legend(labelLimit=320)),
            tooltip=[
                alt.Tooltip("layer:O", title=t("block.col.layer")),
                alt.Tooltip("part_label:N", title=None),
                alt.Tooltip("norm:Q", title=t("lecture.col.size"), format=",.3f"),
            ],
        )
        .properties(height=260)
    )


def show_why_residual(page, lm, trace) -> None:
    """Why the skip paths: the gradient of the prediction at every depth, skips on and off."""
    t = page.t
    st.subheader(t("lecture.residual"), anchor="why_residual")
    top = lm.display_tokens([int(np.argmax(trace.next_token_logits))])[0]
    st.write(t("lecture.residual_text", token=top))
    g = ui.shared_job(
        page,
        (trace.text, "depth_gradient"),
        t("lecture.residual_button"),
        t("lecture.residual_press"),
        lambda job: gradient_through_depth(lm, trace),
    )
    if g is None:
        return
    L = lm.arch.n_layers
    depths = [str(layer) for layer in range(L)] + [t("lecture.depth.final")]
    table = pd.DataFrame(
        {
            "depth": np.tile(np.arange(L + 1), 2),
            "depth_label": depths * 2,
            "wiring": np.repeat(["with", "without"], L + 1),
            "gradient": np.concatenate([g.with_skips, g.without_skips]),
        }
    )
    table["wiring_label"] = table["wiring"].map(lambda w: t(f"lecture.wiring.{w}"))
    ui.chart(page, depth_gradient_chart, table, "gradient_through_depth")
    step = lambda v: float(np.median(np.abs(np.log(v[:-1] / v[1:]))))  # noqa: E731 — typical factor
    with_total, without_total = g.with_skips[0] / g.with_skips[-1], g.without_skips[0] / g.without_skips[-1]
    st.caption(
        t(
            "lecture.residual_caption",
            with_total=with_total,
            without_total=without_total,
            with_step=np.exp(step(g.with_skips)),
            without_step=np.exp(step(g.without_skips)),
            diff=g.logit_diff,
        )
    )
    change = gradient_change(g)  # the numbers in words: a student reads them against the lecture
    st.write(
        t(
            f"lecture.residual_verdict.{change}",
            with_total=with_total,
            without_total=without_total,
            factor=max(without_total / with_total, with_total / without_total),
        )
    )


def show_why_norm(page, lm, trace, position: int, token: str) -> None:
    """Why normalise: the stream's size through the depth against what each norm hands on."""
    t = page.t
    st.subheader(t("lecture.norm_why"), anchor="why_norm")
    sizes = stream_sizes(lm, trace, position)
    L = lm.arch.n_layers
    falls = shrinking_blocks(trace, position)  # what the numbers show, not "it only grows"
    st.write(
        t("lecture.norm_why_intro", token=token)
        + " "
        + (
            t("lecture.norm_why_falls", n=len(falls), L=L, blocks=", ".join(map(str, falls)))
            if falls
            else t("lecture.norm_why_grows", L=L)
        )
    )
    table = pd.DataFrame(
        {
            "layer": np.tile(np.arange(L), 2),
            "kind": np.repeat(["stream", "normed"], L),
            "norm": np.concatenate([sizes.stream, sizes.normed]),
        }
    )
    table["part_label"] = table["kind"].map(lambda k: t(f"lecture.size.{k}", norm=lm.arch.norm_kind))
    ui.chart(page, sizes_chart, table, "stream_and_norm")
    st.caption(
        t(
            "lecture.norm_why_caption",
            growth=sizes.stream[-1] / max(sizes.stream[0], 1e-12),
            last=L - 1,
            lo=float(sizes.normed.min()),
            hi=float(sizes.normed.max()),
            big=float(sizes.largest.max()),
        )
    )


def show_norm(page, lm, steps, position: int, token: str) -> None:
    """3. The first norm of the chosen block, step by step, for the chosen token."""
    t, norm = page.t, steps.norm_1
    ui.header(
        page,
        t("block.norm", norm=norm.kind),
        anchor="norm",
        intro=t(
            "block.norm_layer" if norm.kind == "LayerNorm" else "block.norm_rms",
            token=token,
            layer=steps.layer,
            d=lm.arch.d_model,
        ),
    )
    if norm.kind == "LayerNorm":
        st.latex(r"\mathrm{LayerNorm}(x)=\frac{x-\mu}{\sqrt{\sigma^2+\varepsilon}}\odot\gamma+\beta")
    else:
        st.latex(r"\mathrm{RMSNorm}(x)=\frac{x}{\sqrt{\tfrac{1}{d}\sum_i x_i^2+\varepsilon}}\odot\gamma")
    if lm.arch.norm_placement == "post":  # this norm reads the stream after attention has written
        st.caption(t("block.norm_post_input", layer=steps.layer))
    x = norm.x[position]  # what the norm reads
    if norm.kind != "LayerNorm":  # the lecture's LayerNorm, step by step on the same vector: a labelled reference
        ref = layernorm_reference(x)
        rms = x / np.sqrt((np.asarray(x, dtype=np.float64) ** 2).mean() + 1e-5)
        cos = float(ref["normalized"] @ rms / (np.linalg.norm(ref["normalized"]) * np.linalg.norm(rms)))
        st.info(
            t(
                "reference.gpt2.norm",
                d=GPT2_SMALL_PUBLISHED["width"],
                mean=ref["mean"],
                std=ref["std"],
                x0=float(x[0]),
                c0=float(ref["centred"][0]),
                n0=float(ref["normalized"][0]),
                cos=cos,
            )
        )
    cols = st.columns(4)
    if norm.mean is not None:
        cols[0].metric(t("block.mean"), f"{norm.mean[position]:+.4f}")
        cols[1].metric(t("block.std"), f"{norm.scale[position]:.4f}")
    else:
        cols[1].metric(t("block.rms"), f"{norm.scale[position]:.4f}")
    cols[2].metric(t("block.largest"), f"{np.abs(x).max():,.2f}")
    cols[3].metric(t("block.diff"), f"{norm.module_diff:.1e}", help=t("block.diff_help"))
    stages = [("input", x), ("normalized", norm.normalized[position]), ("output", norm.out[position])]
    bins = []
    for stage, values in stages:
        counts, edges = np.histogram(values, bins=60)
        bins += [
            {"stage": stage, "start": float(a), "end": float(b), "count": int(c)}
            for a, b, c in zip(edges[:-1], edges[1:], counts)
        ]
    table = pd.DataFrame(bins)
    table["stage_label"] = table["stage"].map(lambda s: t(f"block.stage.{s}"))
    ui.chart(page, histogram_chart, table, "norm_steps")
    order = np.argsort(-np.abs(x))[:OUTLIERS]
    spread = norm.scale[position]
    centre = norm.mean[position] if norm.mean is not None else 0.0
    st.caption(t("block.outliers", n=OUTLIERS))
    st.dataframe(
        pd.DataFrame(
            {
                t("block.col.dimension"): order,
                t("block.col.value"): x[order],
                t("block.col.z" if norm.mean is not None else "block.col.z_rms"): (x[order] - centre) / spread,
                t("block.col.gamma"): norm.gamma[order],
                t("block.col.output"): norm.out[position, order],
            }
        ),
        hide_index=True,
    )


def show_mlp(page, lm, steps, position: int, token: str) -> None:
    """4. The MLP of the chosen block, step by step, for the chosen token."""
    t = page.t
    ui.header(page, t("block.mlp"), anchor="mlp")
    ratio = lm.arch.d_mlp / lm.arch.d_model
    lecture = GPT2_SMALL_PUBLISHED
    if lm.arch.gated_mlp or lm.arch.activation != lecture["activation"] or lm.arch.d_mlp != 4 * lm.arch.d_model:
        widen = int(str(lecture["mlp"])) / int(str(lecture["width"]))  # 4: the lecture's MLP, published
        st.info(t("reference.gpt2.mlp", d=lecture["width"], m=lecture["mlp"], r=widen, act=lecture["activation"]))
    if lm.arch.gated_mlp:
        st.write(t("block.mlp_gated", d=lm.arch.d_model, m=lm.arch.d_mlp, r=ratio, act=lm.arch.activation))
        st.latex(r"\mathrm{MLP}(x)=W_{\mathrm{down}}\big(\mathrm{SiLU}(W_{\mathrm{gate}}x)\odot W_{\mathrm{up}}x\big)")
    else:
        st.write(t("block.mlp_plain", d=lm.arch.d_model, m=lm.arch.d_mlp, r=ratio, act=lm.arch.activation))
        st.latex(
            r"\mathrm{MLP}(x)=W_2\,\mathrm{%s}(W_1x+b_1)+b_2"
            r"\qquad\text{(%s: } W_2\,\mathrm{ReLU}(W_1x+b_1)+b_2\text{)}"
            % (lm.arch.activation, t("block.latex_paper"))
        )
    pre = steps.mlp_pre[position]
    fire = float((pre > 0).mean())
    a, b, c = st.columns(3)
    a.metric(
        t("block.width"), f"{lm.arch.d_model} → {lm.arch.d_mlp} → {lm.arch.d_model}", help=t("block.ratio", r=ratio)
    )
    b.metric(t("block.fire"), f"{fire:.1%}", help=t("block.fire_help"))
    c.metric(t("block.diff"), f"{steps.mlp_diff:.1e}", help=t("block.mlp_diff_help"))
    curve = activation_curve(lm)
    rows = [
        {"kind": "curve", "function": lm.arch.activation, "x": x, "y": y, "unit": -1}
        for x, y in zip(curve["x"], curve["model"])
    ]
    rows += [
        {"kind": "curve", "function": t("block.relu"), "x": x, "y": y, "unit": -1}
        for x, y in zip(curve["x"], curve["relu"])
    ]
    shown = np.clip(pre, curve["x"][0], curve["x"][-1])  # a few far-out units sit on the edge
    act = activation_of(lm, shown)
    rows += [
        {"kind": "unit", "function": token, "x": float(x), "y": float(y), "unit": i}
        for i, (x, y) in enumerate(zip(shown, act))
    ]
    ui.chart(
        page,
        activation_chart,
        pd.DataFrame(rows),
        "activation",
        title=page.plain("block.curve_title", act=lm.arch.activation, token=token),
    )
    st.caption(
        t(
            "block.curve_caption_gated" if lm.arch.gated_mlp else "block.curve_caption",
            n=lm.arch.d_mlp,
            outside=int((np.abs(pre) > curve["x"][-1]).sum()),
        )
    )


def show_units(page, lm, trace, steps, position: int, token: str) -> None:
    """5. What the most active units of this MLP write into the vocabulary."""
    t = page.t
    ui.header(page, t("block.units"), anchor="units", intro=t("block.units_text", token=token, layer=steps.layer))
    units = units_of(lm.name, trace.text, steps.layer, position, lm, steps)
    st.dataframe(
        pd.DataFrame(
            {
                t("block.col.unit"): [u for u, _, _ in units],
                t("block.col.activation"): [a for _, a, _ in units],
                t("block.col.promotes"): [" · ".join(lm.display_tokens([i for i, _ in top])) for _, _, top in units],
            }
        ),
        hide_index=True,
    )
    unit = ui.selectbox(page, "unit", t("block.unit"), [u for u, _, _ in units], units[0][0])
    _, act, top = next(u for u in units if u[0] == unit)
    shown = lm.display_tokens([i for i, _ in top])
    table = pd.DataFrame(
        {
            "token": shown,
            "label": [f"{r + 1}. {s}" for r, s in enumerate(shown)],
            "token_id": [i for i, _ in top],
            "change": [v for _, v in top],
        }
    )
    ui.chart(page, unit_chart, table, "unit_writes")
    st.caption(t("block.unit_caption", unit=unit, a=act))


def show_attribution(page, lm, trace) -> None:
    """6. Which layer wrote the prediction: direct logit attribution at the last token."""
    t = page.t
    ui.header(page, t("block.attribution"), anchor="attribution")
    top = int(np.argmax(trace.next_token_logits))
    token = lm.display_tokens([top])[0]
    if not lm.arch.additive_stream:  # post-norm: the stream is renormalised after every part
        st.info(t("block.attribution_post_norm", norm=lm.arch.norm_kind))
        return
    st.write(t("block.attribution_text", token=token, norm=lm.arch.norm_kind))
    parts = logit_attribution(lm, trace, top)
    names = {"embed": t("block.kind.embed"), "attn": t("block.kind.attn"), "mlp": t("block.kind.mlp")}
    table = pd.DataFrame({"kind": parts.kinds, "layer": parts.layers, "value": parts.values})
    table["kind_label"] = table["kind"].map(names)
    table["name"] = [
        names[k] if i < 0 else t("block.part_in", part=names[k], layer=i) for k, i in zip(table["kind"], table["layer"])
    ]
    table["where"] = table["layer"].map(lambda i: t("block.kind.embed_short") if i < 0 else str(i))
    ui.chart(page, attribution_chart, table, "logit_attribution")
    a, b, c = st.columns(3)
    a.metric(t("block.sum_parts"), f"{parts.values.sum():+.4f}")
    b.metric(t("block.bias"), f"{parts.bias:+.4f}")
    c.metric(
        t("block.logit"),
        f"{parts.logit:+.4f}",
        delta=t("block.sum_delta", d=parts.total - parts.logit),
        delta_color="off",
    )
    best = table.iloc[np.argmax(table["value"].to_numpy())]
    st.caption(t("block.attribution_caption", part=best["name"], v=best["value"]))


def show_dropout(page, lm, trace) -> None:
    """7. Dropout: on while training, off at inference — shown with the model's own config."""
    t = page.t
    ui.header(page, t("block.dropout"), anchor="dropout")
    probs = lm.arch.dropout()
    st.write(t("block.dropout_text", probs=", ".join(t(f"block.dropout.{k}", p=v) for k, v in probs.items())))
    explicit = None
    if max(probs.values(), default=0) == 0:  # the config says 0: say so, and show dropout at a labelled rate
        explicit = SHOWN_DROPOUT
        st.info(
            t(
                "block.dropout_config_zero",
                p=explicit,
                trained=float(seq2seq.load_card("transformer")["config"]["dropout"]),
            )
        )
    runs = ui.shared_job(
        page,
        (trace.text, "dropout", explicit),
        t("block.dropout_button"),
        t("block.dropout_press"),
        lambda job: dropout_runs(lm, trace, explicit),
        name="dropout",
    )
    if runs is None:
        return
    same = float(np.abs(runs.eval_logits[0] - runs.eval_logits[1]).max())
    differ = float(np.abs(runs.train_logits[0] - runs.train_logits[1]).max())
    a, b = st.columns(2)
    a.metric(t("block.eval_diff"), f"{same:.2e}")
    b.metric(t("block.train_diff"), f"{differ:.2e}")
    rows = []
    for mode, logits in (("eval", runs.eval_logits), ("train", runs.train_logits)):
        for run, z in enumerate(logits, start=1):
            best = int(np.argmax(z))
            rows.append(
                {
                    t("block.col.mode"): t(f"block.mode.{mode}"),
                    t("block.col.run"): run,
                    t("block.col.top"): lm.display_tokens([best])[0],
                    t("block.col.top_logit"): float(z[best]),
                }
            )
    st.dataframe(pd.DataFrame(rows), hide_index=True)
    st.caption(t("block.dropout_caption_explicit", p=explicit) if explicit else t("block.dropout_caption"))


# --------------------------------------------------------------------------- interventions


def knockout_chart(page):
    """Direct logit attribution of the same token, the model as it is beside the knocked-out
    model (a template)."""
    t = page.t
    runs = [t("int.run.before"), t("int.run.after")]
    return (
        alt.Chart(ui.data())
        .mark_bar()
        .encode(
            x=alt.X("name:N", sort=None, title=t("block.col.part"), axis=alt.Axis(labelAngle=-40)),
            xOffset=alt.XOffset("run_label:N", sort=runs),
            y=alt.Y("value:Q", title=t("block.col.contribution")),
            color=alt.Color("run_label:N", title=t("int.col.run"), sort=runs),
            tooltip=[
                alt.Tooltip("name:N", title=t("block.col.part")),
                alt.Tooltip("run_label:N", title=t("int.col.run")),
                alt.Tooltip("value:Q", title=t("block.col.contribution"), format="+.4f"),
            ],
        )
        .properties(height=300)
    )


def grid_heatmap(
    page,
    x: str,
    y: str,
    value: str,
    x_title: str,
    y_title: str,
    value_title: str,
    domain: tuple[float, float] | None = None,
):
    """A layers × something heatmap, red where `value` is positive, blue where negative (a template)."""
    scale = alt.Scale(scheme="redblue", reverse=True, domainMid=0, domain=list(domain) if domain else alt.Undefined)
    return (
        alt.Chart(ui.data())
        .mark_rect()
        .encode(
            x=alt.X(f"{x}:N", sort=None, title=x_title, axis=alt.Axis(labelAngle=-40)),
            y=alt.Y(f"{y}:O", title=y_title),
            color=alt.Color(f"{value}:Q", title=value_title, scale=scale),
            tooltip=[
                alt.Tooltip(f"{y}:O", title=y_title),
                alt.Tooltip(f"{x}:N", title=x_title),
                alt.Tooltip(f"{value}:Q", title=value_title, format="+.3f"),
            ],
        )
        .properties(height=alt.Step(18))
    )


def part_name(page, option: str) -> str:
    kind, layer = option.split(":")
    return page.t(f"int.part.{kind}", layer=int(layer))


def show_knockout(page, lm, trace) -> None:
    """8. Knock out one layer's attention or MLP: what disappears from the attribution, and what
    the prediction does."""
    t = page.t
    ui.header(page, t("int.block.title"), anchor="knockout", intro=t("int.block.text"))
    if not ui.toggle(page, "knock", t("int.block.toggle")):
        return
    if not lm.arch.additive_stream:  # the chart below splits the logit into parts: pre-norm only
        st.info(t("block.attribution_post_norm", norm=lm.arch.norm_kind))
        return
    options = [f"{kind}:{layer}" for layer in range(lm.arch.n_layers) for kind in ("attn", "mlp")]
    left, right = st.columns(2)
    with left:
        choice = ui.selectbox(
            page, "part", t("int.block.part"), options, "mlp:0", format_func=lambda o: part_name(page, o)
        )
    with right:
        how = ui.radio(
            page, "how", t("int.how"), list(HOW), "zero", format_func=lambda h: t(f"int.how.{h}"), horizontal=True
        )
    kind, layer = choice.split(":")
    knocked = ui.ablated_trace(page, trace.text, [(kind, int(layer))], how)
    if knocked is None:
        return
    top = int(np.argmax(trace.next_token_logits))
    token = lm.display_tokens([top])[0]
    before, after = logit_attribution(lm, trace, top), logit_attribution(lm, knocked, top)
    names = {"embed": t("block.kind.embed"), "attn": t("block.kind.attn"), "mlp": t("block.kind.mlp")}
    labels = [
        names[k] if i < 0 else t("block.part_in", part=names[k], layer=i) for k, i in zip(before.kinds, before.layers)
    ]
    table = pd.concat(
        [
            pd.DataFrame(
                {
                    "name": labels,
                    "kind": before.kinds,
                    "layer": before.layers,
                    "run": run,
                    "run_label": t(f"int.run.{run}"),
                    "value": parts.values,
                }
            )
            for run, parts in (("before", before), ("after", after))
        ]
    )
    st.markdown(f"**{t('int.block.chart_title', token=token)}**")
    ui.chart(page, knockout_chart, table, "knockout_attribution")
    i = before.names.index(f"{kind} {layer}")
    gone = float(after.values[i] - before.values[i])
    total = after.logit - before.logit
    st.write(
        t(
            "int.block.finding",
            part=part_name(page, choice),
            direct=float(before.values[i]),
            token=token,
            before=before.logit,
            after=after.logit,
            total=total,
            gone=gone,
            indirect=total - gone,
        )
    )
    ui.before_after(page, lm, trace.next_token_logits, knocked.next_token_logits, "knockout_prediction")


def sweep_too_long(page, n_tokens: int) -> bool:
    """A sweep or grid needs a short prompt: say so (True) when this one is too long."""
    if n_tokens <= SWEEP_MAX_TOKENS:
        return False
    ui.intervention_error(page, InterventionError("too_long", n=n_tokens, cap=SWEEP_MAX_TOKENS))
    return True


def show_sublayer_sweep(page, lm, trace) -> None:
    """9. Every attention and MLP knocked out alone: a layer × {attention, MLP} heatmap."""
    t, L = page.t, lm.arch.n_layers
    ui.header(page, t("int.sweep.title"), anchor="sublayer_sweep")
    token = lm.display_tokens([int(np.argmax(trace.next_token_logits))])[0]
    st.write(t("int.sweep.text", token=token))
    if sweep_too_long(page, trace.n_tokens_requested):
        return
    result = ui.shared_job(
        page,
        (trace.text, "layers"),
        t("int.sweep.button", n=2 * L),
        t("int.sweep.press", n=2 * L),
        lambda job: sweep(lm, trace.text, None, "layers", progress=job.report),
    )
    if result is None:
        return
    subs = ("attn", "mlp")
    table = pd.DataFrame({"layer": np.repeat(np.arange(L), 2), "sublayer": list(subs) * L, "drop": result.drop.ravel()})
    table["sublayer_label"] = table["sublayer"].map(lambda s_: t(f"int.sub.{s_}"))
    ui.chart(
        page,
        grid_heatmap,
        table,
        "sublayer_sweep",
        width="content",
        x="sublayer_label",
        y="layer",
        value="drop",
        x_title=t("int.col.sublayer"),
        y_title=t("int.col.layer"),
        value_title=t("int.col.drop"),
    )
    worst = table.iloc[int(np.argmax(table["drop"].to_numpy()))]
    st.caption(
        t(
            "int.sweep.caption",
            top=part_name(page, f"{worst['sublayer']}:{worst['layer']}"),
            d=float(worst["drop"]),
            small=int((np.abs(result.drop) < 0.1).sum()),
            n=2 * L,
        )
    )


def show_patching(page, lm) -> None:
    """10. Activation patching: the clean prompt's residual stream put back into the corrupt
    one at every layer and position — where the fact travels."""
    t, L = page.t, lm.arch.n_layers
    ui.header(page, t("int.patch.title"), anchor="patching", intro=t("int.patch.text"))
    left, right = st.columns(2)
    with left:
        clean = ui.text_input(page, "clean", t("int.patch.clean"), t("int.patch.clean_default"), max_chars=200)
    with right:
        corrupt = ui.text_input(page, "corrupt", t("int.patch.corrupt"), t("int.patch.corrupt_default"), max_chars=200)
    for i, (a, b) in enumerate(PATCH_EXAMPLES):
        st.button(
            t("int.patch.example", a=a, b=b),
            key=f"patch_example_{i}",
            help=t("int.patch.example_help"),
            on_click=lambda a=a, b=b: st.session_state.update(clean=a, corrupt=b),
        )
    ta, tb = ui.trace(page, clean, stop=False), ui.trace(page, corrupt, stop=False)
    if ta is None or tb is None:
        return
    st.caption(t("int.patch.tokens", clean=" | ".join(ta.tokens), corrupt=" | ".join(tb.tokens)))
    if ta.n_tokens_requested != tb.n_tokens_requested:
        ui.intervention_error(
            page, InterventionError("unequal_lengths", clean=ta.n_tokens_requested, corrupt=tb.n_tokens_requested)
        )
        return
    if sweep_too_long(page, ta.n_tokens_requested):
        return
    tops = [np.argsort(-tr.next_token_logits)[:ANSWERS].tolist() for tr in (ta, tb)]
    first, second = default_answers(ta.next_token_logits, tb.next_token_logits)
    shown = dict(zip(tops[0] + tops[1], lm.display_tokens(tops[0] + tops[1])))
    left, right = st.columns(2)
    with left:
        a = ui.selectbox(
            page,
            "answer_clean",
            t("int.patch.answer_clean"),
            tops[0],
            first,
            format_func=lambda i: shown.get(i, str(i)),
        )
    with right:
        b = ui.selectbox(
            page,
            "answer_corrupt",
            t("int.patch.answer_corrupt"),
            tops[1],
            second,
            format_func=lambda i: shown.get(i, str(i)),
        )  # default_answers: among the first two
    if a == b:
        st.info(t("int.patch.same_answers"))
        return
    st.caption(
        t(
            "int.patch.diffs",
            a=shown[a],
            b=shown[b],
            clean=float(ta.next_token_logits[a] - ta.next_token_logits[b]),
            corrupt=float(tb.next_token_logits[a] - tb.next_token_logits[b]),
        )
    )
    candidates = list(dict.fromkeys(tops[0] + tops[1]))
    n = L * ta.n_tokens
    grid = ui.shared_job(
        page,
        (ta.text, tb.text, "grid"),
        t("int.patch.button", n=n),
        t("int.patch.press", n=n),
        lambda job: patch_grid(lm, ta.text, tb.text, candidates, progress=job.report),
    )
    if grid is None:
        return
    restored = grid.restored(a, b)  # [L, T]
    names = [f"{i}:{x}" if x == y else f"{i}:{x}/{y}" for i, (x, y) in enumerate(zip(ta.tokens, tb.tokens))]
    table = pd.DataFrame(
        {"layer": np.repeat(np.arange(L), ta.n_tokens), "position": names * L, "restored": restored.ravel()}
    )
    ui.chart(
        page,
        grid_heatmap,
        table,
        "patching_grid",
        x="position",
        y="layer",
        value="restored",
        x_title=t("int.col.position"),
        y_title=t("int.col.block_input"),
        value_title=t("int.col.restored"),
        domain=(-1.0, 1.0),
    )
    where = restoration_summary(restored)
    moved = (
        t("int.patch.moved", layer=where["moved_at"], last_token=tb.tokens[-1], last=where["last"])
        if where["moved_at"] is not None
        else t("int.patch.not_moved")
    )
    st.caption(t("int.patch.caption", first_token=names[where["first_position"]], first=where["first"], moved=moved))
