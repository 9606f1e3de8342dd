"""Sections of the Positional encoding page: word order, sinusoidal waves, learned and rotary positions."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import quiz, ui
from core.embeddings import cosine_matrix, pca_2d
from core.interventions import last_token_difference
from core.overview import GPT2_SMALL_PUBLISHED
from core.positional import (
    frequencies,
    learned_positions,
    matched_occurrences,
    offset_rotation,
    own_position_similarity,
    rotary_base,
    rotary_frequencies,
    rotary_similarity_by_distance,
    rotate,
    shifted_dots,
    similarity_by_distance,
    sinusoidal,
)

MAX_LENGTH = 128  # positions in the sinusoidal heatmap
MAX_WIDTH = 256  # d_model in the sinusoidal heatmap
MAX_MATRIX = 64  # the n × n similarity matrices
MAX_DISTANCE = 256  # the similarity-vs-distance curves
ROPE_GRID = 16  # the q_m · k_n grid


@st.cache_resource(max_entries=1, show_spinner=False)
def learned_summary(model_name: str, _lm):
    """The model's position vectors, their 2-D principal-component path, their norms and
    their similarity by distance — computed once per model."""
    wpe = learned_positions(_lm)  # [context, d]
    assert wpe is not None, "asked for a model with learned positions only"
    return wpe, pca_2d(wpe), np.linalg.norm(wpe, axis=1), similarity_by_distance(wpe, MAX_DISTANCE)


@st.cache_resource(max_entries=2, show_spinner=False)
def sinusoidal_at_model_size(n_positions: int, d_model: int):
    """Sinusoidal encodings at the model's context and width, and their similarity curve."""
    pe = sinusoidal(n_positions, d_model)
    return pe, similarity_by_distance(pe, MAX_DISTANCE)


def heatmap(
    page: ui.Page,
    x: str,
    y: str,
    value: str,
    title: str,
    domain=(-1, 1),
    height: int | None = None,
    step: int | None = None,
):
    """A matrix's grid table as coloured cells (blue negative, red positive; rows are y),
    `height` pixels tall or `step` pixels per row (a template)."""
    t = page.t
    return (
        alt.Chart(ui.data())
        .mark_rect()
        .encode(
            x=alt.X(f"{x}:O", title=t(f"posenc.col.{x}"), axis=alt.Axis(labelOverlap=True)),
            y=alt.Y(f"{y}:O", title=t(f"posenc.col.{y}"), axis=alt.Axis(labelOverlap=True)),
            color=alt.Color(
                f"{value}:Q", title=title, scale=alt.Scale(scheme="redblue", domain=list(domain), reverse=True)
            ),
            tooltip=[
                alt.Tooltip(f"{x}:O", title=t(f"posenc.col.{x}")),
                alt.Tooltip(f"{y}:O", title=t(f"posenc.col.{y}")),
                alt.Tooltip(f"{value}:Q", title=title, format=".4f"),
            ],
        )
        .properties(height=alt.Step(step) if step else height)
    )


def show_heatmap(page: ui.Page, matrix, x: str, y: str, value: str, title: str, name: str, **style) -> None:
    ui.chart(page, heatmap, grid(matrix, x, y, value), name, x=x, y=y, value=value, title=title, **style)


@st.cache_data(max_entries=4, show_spinner=False)
def rope_scores(inv_freq, n: int, layout: str = "halves"):
    """[query position, key position] q_m · k_n of two fixed random vectors after RoPE."""
    rng = np.random.default_rng(0)
    q, k = rng.normal(size=2 * len(inv_freq)), rng.normal(size=2 * len(inv_freq))
    return np.array(
        [[rotate(q, a, inv_freq, layout) @ rotate(k, b, inv_freq, layout) for b in range(n)] for a in range(n)]
    )


def waves_chart(page: ui.Page):
    """A few sine columns against position, positions 0 and 6 circled (a template)."""
    t = page.t
    x = alt.X("position:Q", title=t("posenc.col.position"))
    y = alt.Y("value:Q", title=t("posenc.col.value"))
    lines = (
        alt.Chart()
        .mark_line(point=alt.OverlayMarkDef(size=12))
        .encode(
            x=x,
            y=y,
            color=alt.Color("dimension:N", sort=None, title=None),
            tooltip=[
                alt.Tooltip("dimension:N", title=t("posenc.col.dimension")),
                alt.Tooltip("position:Q", title=t("posenc.col.position")),
                alt.Tooltip("value:Q", title=t("posenc.col.value"), format=".4f"),
            ],
        )
    )
    rings = (
        alt.Chart()
        .mark_point(size=160, shape="circle", filled=False, color="black")
        .encode(x=x, y=y)
        .transform_filter("datum.position == 0 || datum.position == 6")
    )
    return alt.layer(lines, rings, data=ui.data()).properties(height=300)


def path_chart(page: ui.Page, explained: tuple[float, float]):
    """The position vectors' 2-D principal-component path, coloured by position (a template)."""
    t = page.t
    along = alt.Chart().encode(
        x=alt.X("pc1:Q", title=t("posenc.axis", n=1, p=explained[0])),
        y=alt.Y("pc2:Q", title=t("posenc.axis", n=2, p=explained[1])),
        order="position:Q",
    )
    dots = along.mark_circle(size=14).encode(
        color=alt.Color("position:Q", scale=alt.Scale(scheme="viridis"), title=t("posenc.col.position")),
        tooltip=[
            alt.Tooltip("position:Q", title=t("posenc.col.position")),
            alt.Tooltip("pc1:Q", title=t("posenc.axis", n=1, p=explained[0]), format=".3f"),
            alt.Tooltip("pc2:Q", title=t("posenc.axis", n=2, p=explained[1]), format=".3f"),
        ],
    )
    return alt.layer(along.mark_line(color="#bbbbbb", strokeWidth=1), dots, data=ui.data()).properties(height=360)


def line_chart(
    page: ui.Page,
    x: str,
    y: str,
    y_title: str,
    height: int,
    color: str | None = None,
    log_y: bool = False,
    points: bool = False,
    y_domain: tuple[float, float] | None = None,
    digits: str = ".4f",
):
    """y against x (one line per `color` value), its titles in the UI language (a template)."""
    y_scale = alt.Scale(type="log") if log_y else (alt.Scale(domain=list(y_domain)) if y_domain else alt.Undefined)
    t = page.t
    encoding = dict(
        x=alt.X(f"{x}:Q", title=t(f"posenc.col.{x}")),
        y=alt.Y(f"{y}:Q", title=y_title, scale=y_scale),
        tooltip=([alt.Tooltip(f"{color}:N", title=t(f"posenc.col.{color}"))] if color else [])
        + [alt.Tooltip(f"{x}:Q", title=t(f"posenc.col.{x}")), alt.Tooltip(f"{y}:Q", title=y_title, format=digits)],
    )
    if color:
        encoding["color"] = alt.Color(f"{color}:N", title=None)
    return alt.Chart(ui.data()).mark_line(point=points).encode(**encoding).properties(height=height)


def grid(values, x: str, y: str, value: str):
    """[rows, cols] -> long table (y = row index, x = column index)."""
    r, c = np.meshgrid(np.arange(values.shape[0]), np.arange(values.shape[1]), indexing="ij")
    return pd.DataFrame({y: r.ravel(), x: c.ravel(), value: values.ravel()})


def show_word_order(page, lm, learned: bool) -> None:
    """1. Without positions, a sentence and its shuffle are the same bag of vectors."""
    t = page.t
    ui.header(page, t("posenc.why"), anchor="word_order")
    c1, c2 = st.columns(2)
    with c1:
        text_a = ui.text_input(page, "a", t("posenc.sentence_a"), t("posenc.default_a"), max_chars=200)
    with c2:
        text_b = ui.text_input(page, "b", t("posenc.sentence_b"), t("posenc.default_b"), max_chars=200)
    trace_a, trace_b = ui.trace(page, text_a, stop=False), ui.trace(page, text_b, stop=False)
    if trace_a is None or trace_b is None:
        return
    if sorted(trace_a.token_ids.tolist()) == sorted(trace_b.token_ids.tolist()):
        st.success(t("posenc.same_bag", n=trace_a.n_tokens))
    else:
        st.info(t("posenc.not_same_bag"))
    pairs = matched_occurrences(trace_a.token_ids, trace_b.token_ids)

    def pair_cos(states_a, states_b, i, j):  # the same token's vector in the two sentences
        return float(cosine_matrix(np.stack([states_a[i], states_b[j]]))[0, 1])

    rows = pd.DataFrame(
        {
            t("posenc.col.token"): [trace_a.tokens[i] for i, _ in pairs],
            t("posenc.col.pos_a"): [i for i, _ in pairs],
            t("posenc.col.pos_b"): [j for _, j in pairs],
            t("posenc.col.cos_row"): [
                pair_cos(trace_a.token_embeddings, trace_b.token_embeddings, i, j) for i, j in pairs
            ],
            t("posenc.col.cos_input"): [pair_cos(trace_a.resid_pre(0), trace_b.resid_pre(0), i, j) for i, j in pairs],
            t("posenc.col.cos_block1"): [
                pair_cos(trace_a.resid_post(0), trace_b.resid_post(0), i, j) for i, j in pairs
            ],
        }
    )
    st.dataframe(
        rows, hide_index=True, column_config={c: st.column_config.NumberColumn(format="%.4f") for c in rows.columns[3:]}
    )
    st.caption(t("posenc.why_learned" if learned else "posenc.why_rotary"))


def choose_length_width(page) -> tuple[int, int]:
    """The sinusoidal table's length and width sliders."""
    t = page.t
    c1, c2 = st.columns(2)
    with c1:
        n = ui.slider(page, "n", t("posenc.length"), 8, MAX_LENGTH, 48)
    with c2:
        d = ui.slider(page, "d", t("posenc.width"), 2, MAX_WIDTH, 64)
    return n, d


def show_sinusoidal(page):
    """2. The paper's sine waves as a heatmap and as single waves. Returns (n, d, PE)."""
    t = page.t
    ui.header(page, t("posenc.sinusoidal"), anchor="sinusoidal", intro=t("posenc.sinusoidal_text"))
    st.latex(
        r"PE_{(pos,\,2i)}=\sin\!\left(\frac{pos}{10000^{2i/d}}\right)\qquad "
        r"PE_{(pos,\,2i+1)}=\cos\!\left(\frac{pos}{10000^{2i/d}}\right)"
    )
    n, d = choose_length_width(page)
    pe = sinusoidal(n, d)  # [n, d]
    show_heatmap(page, pe, "dimension", "position", "value", t("posenc.col.value"), "sinusoidal", step=max(3, 360 // n))
    st.caption(t("posenc.sinusoidal_caption"))

    st.subheader(t("posenc.waves"))
    shown_dims = [j for j in sorted({0, 2, 2 * (d // 8), 2 * (d // 4)}) if j < d]  # sine columns
    waves = pd.DataFrame(
        [
            {"position": p, "dimension": f"{t('posenc.col.dimension')} {j}", "value": pe[p, j]}
            for j in shown_dims
            for p in range(n)
        ]
    )
    ui.chart(page, waves_chart, waves, "waves")
    if n > 6:
        fast = np.linalg.norm(pe[0, :2] - pe[6, :2]), np.linalg.norm(pe[0, :2] - pe[1, :2])
        full = np.linalg.norm(pe[0] - pe[6]), np.linalg.norm(pe[0] - pe[1])
        st.write(
            t(
                "posenc.collide",
                s0=pe[0, 0],
                s6=pe[6, 0],
                c0=pe[0, 1],
                c6=pe[6, 1],
                f06=fast[0],
                f01=fast[1],
                a06=full[0],
                a01=full[1],
                d=d,
            )
        )
    return n, d, pe


def show_learned(page, lm):
    """3. GPT-2's learned position table. Returns (wpe, its similarity by distance)."""
    t = page.t
    ui.header(page, t("posenc.learned", name=lm.display_name), anchor="learned")
    wpe, path, norms, learned_curve = learned_summary(lm.name, lm)
    st.write(t("posenc.learned_text", n=wpe.shape[0], d=wpe.shape[1]))
    c1, c2 = st.columns(2)
    with c1:
        rows_shown = ui.slider(page, "rows", t("posenc.rows"), 16, min(256, wpe.shape[0]), 64)
    with c2:
        cols_shown = ui.slider(page, "cols", t("posenc.cols"), 8, min(128, wpe.shape[1]), 48)
    part = wpe[:rows_shown, :cols_shown]
    limit = float(np.abs(part).max()) or 1.0
    show_heatmap(
        page,
        part,
        "dimension",
        "position",
        "value",
        t("posenc.col.value"),
        "learned_positions",
        domain=(-limit, limit),
        step=max(2, 360 // rows_shown),
    )
    st.caption(t("posenc.learned_caption"))

    st.subheader(t("posenc.path"))
    trail = pd.DataFrame(
        {"position": np.arange(len(wpe)), "pc1": path.coords[:, 0], "pc2": path.coords[:, 1], "norm": norms}
    )
    norms_only = trail[["position", "norm"]]
    c1, c2 = st.columns(2)
    with c1:
        ui.chart(page, path_chart, trail, "position_path", explained=tuple(float(e) for e in path.explained[:2]))
    with c2:
        ui.chart(
            page,
            line_chart,
            norms_only,
            "position_norms",
            x="position",
            y="norm",
            y_title=t("posenc.col.norm"),
            height=360,
            digits=".3f",
        )
    st.caption(t("posenc.path_caption", kept=path.explained.sum(), n=len(wpe)))
    return wpe, learned_curve


def show_rotary(page, lm):
    """3. A rotary model's angles per position. Returns its frequencies θ_i."""
    t = page.t
    ui.header(page, t("posenc.rotary", name=lm.display_name), anchor="rotary")
    inv_freq = rotary_frequencies(lm)  # [rotary_dims / 2]: only the pairs that turn
    rot, dh = lm.arch.rotary_dims, lm.arch.d_head
    st.write(
        t(
            "posenc.rotary_text" if rot == dh else "posenc.rotary_text_partial",
            dh=dh,
            rot=rot,
            pairs=len(inv_freq),
            rest=dh - rot,
            base=rotary_base(lm),
        )
    )
    st.write(t(f"posenc.rotary_layout.{lm.arch.rotary_layout}", half=rot // 2, last=rot // 2 - 1))
    lecture = GPT2_SMALL_PUBLISHED  # the lecture's learned table, summed with the token: a labelled reference
    st.info(t("reference.gpt2.positions", n=lecture["context"], d=lecture["width"], name=lm.display_name))
    st.latex(
        r"\begin{pmatrix}q'_i\\ q'_{i+d/2}\end{pmatrix}=\begin{pmatrix}\cos m\theta_i & -\sin m\theta_i"
        r"\\ \sin m\theta_i & \cos m\theta_i\end{pmatrix}\begin{pmatrix}q_i\\ q_{i+d/2}\end{pmatrix},"
        r"\qquad \theta_i=\mathrm{base}^{-2i/d}"
    )
    rows_shown = ui.slider(page, "rows", t("posenc.rows"), 16, 256, 64)
    angles = np.cos(np.arange(rows_shown)[:, None] * inv_freq[None])  # [rows, pairs]
    show_heatmap(
        page,
        angles,
        "pair",
        "position",
        "value",
        t("posenc.col.cos_angle"),
        "rotary_angles",
        step=max(2, 360 // rows_shown),
    )
    waves = pd.DataFrame({"pair": np.arange(len(inv_freq)), "wavelength": 2 * np.pi / inv_freq})
    ui.chart(
        page,
        line_chart,
        waves,
        "rotary_wavelengths",
        x="pair",
        y="wavelength",
        y_title=t("posenc.col.wavelength"),
        height=260,
        log_y=True,
        points=True,
        digits=",.1f",
    )
    st.caption(t("posenc.rotary_caption"))
    return inv_freq


def show_end(page, lm, wpe) -> None:
    """Where absolute positions end: the learned table stops, the sine waves go on."""
    t, learned = page.t, wpe is not None
    st.subheader(t("posenc.end"), anchor="end")
    end = lm.arch.context_length
    around = list(range(end - 2, end + 3))
    far = sinusoidal(end + 3, lm.arch.d_model)[around]  # [5, d] the paper's waves just go on
    table = pd.DataFrame(
        {
            t("posenc.col.position"): around,
            t("posenc.col.sin_norm"): np.linalg.norm(far, axis=1),
            t("posenc.col.sin_first"): [" ".join(f"{v:+.3f}" for v in row[:4]) for row in far],
        }
    )
    if learned:
        table[t("posenc.col.learned_norm")] = [f"{np.linalg.norm(wpe[p]):.3f}" if p < len(wpe) else "—" for p in around]
    st.dataframe(table, hide_index=True)
    st.caption(
        t(
            "posenc.end_learned" if learned else "posenc.end_rotary",
            n=end,
            rows=len(wpe) if learned else end,
            name=lm.display_name,
        )
    )


def show_side_by_side(page, lm, wpe, learned_curve, inv_freq) -> None:
    """4. Position-to-position similarity, sinusoidal beside the model's own."""
    t, learned = page.t, wpe is not None
    ui.header(page, t("posenc.side"), anchor="side_by_side")
    m = ui.slider(page, "m", t("posenc.matrix_size"), 8, MAX_MATRIX, 48)
    sin_full, sin_curve = sinusoidal_at_model_size(min(lm.arch.context_length, 1024), lm.arch.d_model)
    which, other_matrix = own_position_similarity(lm, m)  # [m, m] the model's own, as the lessons ask it
    other_name = t(f"posenc.kind.{which}")
    if learned:
        other_curve = learned_curve
    else:
        other_curve = rotary_similarity_by_distance(inv_freq, MAX_DISTANCE, n_pairs=lm.arch.d_head // 2)
    # (no question on the sinusoidal table: its nearest position is the most similar every time)
    ui.ask(page, quiz.nearest_position, other_matrix, which)
    c1, c2 = st.columns(2)
    for column, name, matrix, key in (
        (c1, t("posenc.kind.sinusoidal"), cosine_matrix(sin_full[:m]), "sinusoidal_similarity"),
        (c2, other_name, other_matrix, "other_similarity"),
    ):
        with column:
            st.markdown(f"**{name}**")
            show_heatmap(page, matrix, "other", "position", "cosine", t("posenc.col.cosine"), key, height=340)
    curves = pd.concat(
        [
            pd.DataFrame(
                {"distance": np.arange(len(sin_curve)), "cosine": sin_curve, "kind": t("posenc.kind.sinusoidal")}
            ),
            pd.DataFrame({"distance": np.arange(len(other_curve)), "cosine": other_curve, "kind": other_name}),
        ]
    )
    ui.chart(
        page,
        line_chart,
        curves,
        "similarity_by_distance",
        x="distance",
        y="cosine",
        y_title=t("posenc.col.cosine"),
        height=300,
        color="kind",
    )
    st.caption(
        t(
            "posenc.side_caption_learned" if learned else "posenc.side_caption_rotary",
            d=lm.arch.d_model,
            dh=lm.arch.d_head,
        )
    )


def show_offsets(page, lm, n: int, d: int, pe, inv_freq) -> None:
    """5. An offset is a rotation: PE[pos + k] = R_k PE[pos]; and RoPE's q·k by distance."""
    t, learned = page.t, inv_freq is None
    ui.header(page, t("posenc.relative"), anchor="offsets", intro=t("posenc.relative_text"))
    st.latex(
        r"PE_{pos+k}=R_k\,PE_{pos},\quad R_k=\mathrm{diag}\!\left(\begin{pmatrix}\cos k\omega_i"
        r" & \sin k\omega_i\\ -\sin k\omega_i & \cos k\omega_i\end{pmatrix}\right)_i"
        r"\;\Rightarrow\; PE_{pos}\cdot PE_{pos+k}=\sum_i\cos k\omega_i"
    )
    k = ui.slider(page, "k", t("posenc.offset"), 1, 32, 4)
    even = d - d % 2
    if even != d:
        st.caption(t("posenc.odd", d=d, even=even))
    if n <= k:
        st.info(t("posenc.too_short", n=n, k=k))
    else:
        pe_even = pe[:, :even]
        dots = shifted_dots(pe_even, k)  # [n - k]
        error = np.abs(pe_even[: n - k] @ offset_rotation(even, k).T - pe_even[k:]).max()
        c1, c2, c3 = st.columns(3)
        c1.metric(t("posenc.dot_min"), f"{dots.min():.6f}")
        c2.metric(t("posenc.dot_max"), f"{dots.max():.6f}")
        c3.metric(t("posenc.rotation_error"), f"{error:.1e}")
        flat = pd.DataFrame({"position": np.arange(len(dots)), "dot": dots})
        middle = float(dots.mean())  # a window of ±1 around it: rounding noise stays invisible
        ui.chart(
            page,
            line_chart,
            flat,
            "shifted_dots",
            x="position",
            y="dot",
            y_title=t("posenc.col.dot", k=k),
            height=220,
            points=True,
            y_domain=(middle - 1, middle + 1),
            digits=".6f",
        )
        st.caption(t("posenc.relative_caption", k=k, d=even))

    st.subheader(t("posenc.rope"))
    freq = frequencies(lm.arch.d_head) if learned else inv_freq  # GPT-2 has no rotary: the usual θ
    st.write(
        t(
            "posenc.rope_text_rotary" if not learned else "posenc.rope_text_learned",
            name=lm.display_name,
            dh=2 * len(freq),
        )
    )  # the numbers that turn
    scores = rope_scores(freq, ROPE_GRID, lm.arch.rotary_layout)  # [query position, key position]
    spread = max(np.ptp(np.diagonal(scores, off)) for off in range(-ROPE_GRID + 1, ROPE_GRID))
    limit = float(np.abs(scores).max()) or 1.0
    show_heatmap(
        page,
        scores,
        "key_position",
        "query_position",
        "score",
        t("posenc.col.score"),
        "rope_scores",
        domain=(-limit, limit),
        height=340,
    )
    st.caption(t("posenc.rope_caption", spread=spread))


def show_positions_removed(page, lm) -> None:
    """1b. The shuffled words again, with the positions removed and measured: the first block
    cannot tell the two orders apart; later blocks see order through the causal mask."""
    t = page.t
    st.subheader(t("int.pos.title"), anchor="positions_removed")
    st.write(t(f"int.pos.text_{lm.arch.positional}"))
    c1, c2 = st.columns(2)
    with c1:
        text_a = ui.text_input(page, "order_a", t("int.pos.a"), t("int.pos.default_a"), max_chars=200)
    with c2:
        text_b = ui.text_input(page, "order_b", t("int.pos.b"), t("int.pos.default_b"), max_chars=200)
    trace_a, trace_b = (ui.trace(page, text, stop=False) for text in (text_a, text_b))
    if trace_a is None or trace_b is None:
        return
    plain = [trace_a, trace_b]
    a, b = (tr.token_ids.tolist() for tr in plain)
    if sorted(a) != sorted(b) or a[-1] != b[-1]:
        st.info(t("int.pos.not_same", a=len(a), b=len(b), la=plain[0].tokens[-1], lb=plain[1].tokens[-1]))
        return
    removed_a, removed_b = (ui.ablated_trace(page, tr.text, [("positions",)], "zero") for tr in plain)
    if removed_a is None or removed_b is None:
        return
    removed = [removed_a, removed_b]
    off = last_token_difference(removed[0].resid, removed[1].resid)  # [L] after each block
    on = last_token_difference(plain[0].resid, plain[1].resid)
    left, right = st.columns(2)
    left.metric(t("int.pos.first_off"), t("int.pos.difference", d=off[0]))
    right.metric(t("int.pos.first_on"), t("int.pos.difference", d=on[0]))
    L = len(off)
    table = pd.DataFrame(
        {
            "block": np.tile(np.arange(L), 2),
            "difference": np.concatenate([off, on]),
            "positions": np.repeat(["off", "on"], L),
        }
    )
    table["positions_label"] = table["positions"].map(lambda p: t(f"int.positions.{p}"))
    ui.chart(page, leak_chart, table, "order_leak")
    st.caption(t("int.pos.caption", off=off[0], off2=off[min(1, L - 1)], offL=off[-1], on=on[0]))


def leak_chart(page: ui.Page):
    """How far apart the two orders' last tokens are after each block, positions removed and on
    (a template)."""
    t = page.t
    return (
        alt.Chart(ui.data())
        .mark_line(point=True)
        .encode(
            x=alt.X("block:O", title=t("int.col.block"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("difference:Q", title=t("int.col.difference")),
            color=alt.Color("positions_label:N", title=t("int.col.positions")),
            tooltip=[
                alt.Tooltip("block:O", title=t("int.col.block")),
                alt.Tooltip("positions_label:N", title=t("int.col.positions")),
                alt.Tooltip("difference:Q", title=t("int.col.difference"), format=".2e"),
            ],
        )
        .properties(height=260)
    )
