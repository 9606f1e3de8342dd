"""Sections of the Embeddings page: tokens, the embedding matrix, similarity, neighbours, projection, context."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import i18n, korean_tokens, quiz, ui
from core.embeddings import (
    MAX_NEIGHBOURS,
    MAX_SENTENCES,
    MAX_WORDS,
    EmbeddingIndex,
    context_drift,
    cosine_matrix,
    find_word,
    parse_words,
    pca_2d,
    point_names,
    untrained_vector,
    word_states,
)
from core.tokenization import compare_tokenizations, model_words

WORDS_EXAMPLE = "play, game, orange"  # the lecture notes' example


@st.cache_resource(max_entries=1, show_spinner=False)
def embedding_index(model_name: str, _lm):
    """Row norms of the whole vocabulary, computed once per model."""
    return EmbeddingIndex(_lm)


@st.cache_resource(max_entries=1, show_spinner=False)
def whole_words(model_name: str, _lm):
    """The whole words of the model's vocabulary, read once per model."""
    return model_words(_lm)


def rows_chart(page: ui.Page, step: int):
    """The typed tokens' rows of the matrix, one coloured cell per dimension, in text order
    (a template: it draws the table it is given)."""
    t = page.t
    return (
        alt.Chart(ui.data())
        .mark_rect()
        .encode(
            x=alt.X("dimension:O", title=t("embeddings.col.dimension")),
            y=alt.Y(
                "token:N",
                sort=alt.EncodingSortField("position"),
                title=t("embeddings.col.token"),
                axis=alt.Axis(labelLimit=260),
            ),
            color=alt.Color(
                "value:Q", scale=alt.Scale(scheme="redblue", domainMid=0, reverse=True), title=t("embeddings.col.value")
            ),
            tooltip=[
                alt.Tooltip("token:N", title=t("embeddings.col.token")),
                alt.Tooltip("dimension:O", title=t("embeddings.col.dimension")),
                alt.Tooltip("value:Q", title=t("embeddings.col.value"), format=".4f"),
            ],
        )
        .properties(height=alt.Step(step))
    )


def cosine_chart(page: ui.Page, names: list[str]):
    """Word × word cosines, coloured and written in each cell."""
    base = alt.Chart(ui.data()).encode(
        x=alt.X("word_b:N", sort=names, title=None), y=alt.Y("word_a:N", sort=names, title=None)
    )
    heat = base.mark_rect().encode(
        color=alt.Color(
            "cosine:Q",
            scale=alt.Scale(scheme="redblue", domain=[-1, 1], reverse=True),
            title=page.t("embeddings.col.cosine"),
        ),
        tooltip=[
            alt.Tooltip("word_a:N", title=page.t("embeddings.col.word")),
            alt.Tooltip("word_b:N", title=page.t("embeddings.col.word")),
            alt.Tooltip("cosine:Q", title=page.t("embeddings.col.cosine"), format=".4f"),
        ],
    )
    values = base.mark_text(fontSize=11).encode(
        text=alt.Text("cosine:Q", format=".2f"),
        color=alt.condition("abs(datum.cosine) > 0.6", alt.value("white"), alt.value("black")),
    )
    return (heat + values).properties(height=alt.Step(max(24, 420 // len(names))))


def neighbours_chart(page: ui.Page):
    """The nearest rows of the whole matrix, most similar on top."""
    t = page.t
    return (
        alt.Chart(ui.data())
        .mark_bar()
        .encode(
            x=alt.X("cosine:Q", title=t("embeddings.col.cosine")),
            y=alt.Y(
                "label:N", sort=None, title=t("embeddings.col.token"), axis=alt.Axis(labelOverlap=False, labelLimit=260)
            ),
            tooltip=[
                alt.Tooltip("rank:Q", title=t("embeddings.col.rank")),
                alt.Tooltip("token:N", title=t("embeddings.col.token")),
                alt.Tooltip("token_id:Q", title=t("embeddings.col.id")),
                alt.Tooltip("cosine:Q", title=t("embeddings.col.cosine"), format=".4f"),
            ],
        )
        .properties(height=alt.Step(20))
    )


def projection_chart(page: ui.Page, explained: tuple[float, float]):
    """The words on their first two principal components, named."""
    t = page.t
    scatter = alt.Chart(ui.data()).encode(
        x=alt.X("pc1:Q", title=t("embeddings.axis", n=1, p=explained[0])),
        y=alt.Y("pc2:Q", title=t("embeddings.axis", n=2, p=explained[1])),
        tooltip=[
            alt.Tooltip("word:N", title=t("embeddings.col.word")),
            alt.Tooltip("pc1:Q", title=t("embeddings.axis", n=1, p=explained[0]), format=".3f"),
            alt.Tooltip("pc2:Q", title=t("embeddings.axis", n=2, p=explained[1]), format=".3f"),
        ],
    )
    return (
        scatter.mark_circle(size=80) + scatter.mark_text(align="left", dx=7, fontSize=13).encode(text="word:N")
    ).properties(height=420)


def drift_chart(page: ui.Page, shown: list[str]):
    """One line per pair of sentences: the word's cosine at each point of the model."""
    t = page.t
    return (
        alt.Chart(ui.data())
        .mark_line(point=True)
        .encode(
            x=alt.X("point:N", sort=shown, title=t("embeddings.col.point")),
            y=alt.Y("cosine:Q", title=t("embeddings.col.cosine")),
            color=alt.Color("pair:N", title=t("embeddings.col.pair")),
            tooltip=[
                alt.Tooltip("pair:N", title=t("embeddings.col.pair")),
                alt.Tooltip("point:N", title=t("embeddings.col.point")),
                alt.Tooltip("cosine:Q", title=t("embeddings.col.cosine"), format=".4f"),
            ],
        )
        .properties(height=360)
    )


def show_tokens(page, lm, trace) -> None:
    """1. Text → tokens: the subword pieces, their ids and bytes."""
    t = page.t
    c1, c2, c3 = st.columns(3)
    c1.metric(t("embeddings.chars"), f"{len(trace.text):,}")
    c2.metric(t("embeddings.n_tokens"), f"{trace.n_tokens:,}")
    c3.metric(t("embeddings.vocab"), f"{lm.arch.vocab_size:,}")
    st.markdown(" | ".join(i18n.code(token) for token in trace.tokens))
    st.caption(t("embeddings.tokens_caption"))
    st.dataframe(
        pd.DataFrame(
            {
                t("embeddings.col.position"): range(trace.n_tokens),
                t("embeddings.col.token"): trace.tokens,
                t("embeddings.col.id"): trace.token_ids,
                t("embeddings.col.bytes"): [lm.token_bytes(i).hex(" ") for i in trace.token_ids],
            }
        ),
        hide_index=True,
        height="auto" if trace.n_tokens <= 10 else 400,
    )


def show_tradeoff(page, lm, trace) -> None:
    """Words, characters or subwords: the same text cut three ways."""
    t = page.t
    st.subheader(t("embeddings.tradeoff"), anchor="tradeoff")
    st.write(t("embeddings.tradeoff_text"))
    rows = pd.DataFrame(compare_tokenizations(lm, trace.text, whole_words(lm.name, lm)))
    by = rows.set_index("scheme")
    st.markdown(
        t(
            "embeddings.tradeoff_here",
            wv=by.at["words", "vocabulary"],
            wu=by.at["words", "unknown"],
            bv=by.at["characters", "vocabulary"],
            bn=by.at["characters", "tokens"],
            ratio=by.at["characters", "tokens"] / max(1, by.at["subwords", "tokens"]),
            sv=by.at["subwords", "vocabulary"],
            sn=by.at["subwords", "tokens"],
            su=by.at["subwords", "unknown"],
        )
    )
    rows["scheme"] = rows["scheme"].map(lambda s: t(f"embeddings.scheme.{s}", name=lm.display_name))
    st.dataframe(
        rows.rename(columns={c: t(f"embeddings.col.{c}") for c in rows.columns}),
        hide_index=True,
        column_config={
            t("embeddings.col.unknown"): st.column_config.NumberColumn(format="percent"),
            t("embeddings.col.per_sentence"): st.column_config.NumberColumn(format="%.1f"),
        },
    )
    st.caption(t("embeddings.tradeoff_caption"))


def show_matrix(page, lm, trace, facts) -> None:
    """2. The embedding matrix: its size, and the rows of the typed tokens."""
    t = page.t
    ui.header(page, t("embeddings.matrix"), anchor="matrix")
    c1, c2, c3 = st.columns(3)
    c1.metric(t("embeddings.shape"), f"{facts.vocab_size:,} × {facts.d_model:,}")
    c2.metric(t("embeddings.params"), f"{facts.n_params / 1e6:,.1f} M")
    c3.metric(t("embeddings.share"), f"{facts.share:.0%}")
    st.write(t("embeddings.matrix_text", v=facts.vocab_size, d=facts.d_model))
    if facts.tied:
        st.caption(t("embeddings.tied"))
    if trace is None:
        return
    dims = ui.slider(page, "dims", t("embeddings.dims"), 8, min(128, facts.d_model), min(32, facts.d_model))
    labels = [f"{i}:{tok} ({tid})" for i, (tok, tid) in enumerate(zip(trace.tokens, trace.token_ids))]
    rows = trace.token_embeddings[:, :dims]  # [T, dims]
    ti, di = np.meshgrid(np.arange(trace.n_tokens), np.arange(dims), indexing="ij")
    strip = pd.DataFrame(
        {"position": ti.ravel(), "token": np.array(labels)[ti.ravel()], "dimension": di.ravel(), "value": rows.ravel()}
    )
    ui.chart(page, rows_chart, strip, "embedding_rows", step=max(10, min(24, 400 // trace.n_tokens)))
    st.caption(t("embeddings.rows_caption", n=dims, d=facts.d_model))


def choose_words(page, lm, index) -> tuple[list[str], list]:
    """The words box (with the notes' example one click away), read into (names, words)."""
    t = page.t
    raw_words = ui.text_input(page, "words", t("embeddings.words"), t("embeddings.words_default"))
    st.button(
        WORDS_EXAMPLE,
        key="words_example",
        help=t("embeddings.example_help"),
        on_click=lambda: st.session_state.update(words=WORDS_EXAMPLE),
    )
    names, n_given = parse_words(raw_words)
    if n_given > MAX_WORDS:
        st.info(t("embeddings.words_capped", n=MAX_WORDS, total=n_given))
    return names, [index.word(lm, w) for w in names]


def show_cosine(page, lm, index) -> tuple[list[str], list]:
    """3. Cosine similarity of the words the reader types. Returns (names, words)."""
    t = page.t
    ui.header(page, t("embeddings.cosine"), anchor="cosine", intro=t("embeddings.cosine_text"))
    st.latex(
        r"\cos(a,b)=\frac{a\cdot b}{\lVert a\rVert\,\lVert b\rVert}"
        r"=\frac{\sum_i a_i b_i}{\sqrt{\sum_i a_i^2}\,\sqrt{\sum_i b_i^2}}\in[-1,1]"
    )
    names, words = choose_words(page, lm, index)
    split = [w for w in words if w.split]
    if split:
        st.caption(t("embeddings.split", words="; ".join(f"{w.text} → {' | '.join(w.pieces)}" for w in split)))
    if len(words) < 2:
        st.info(t("embeddings.need_two"))
        return names, words
    sims = cosine_matrix(np.stack([w.vector for w in words]))  # [n, n] the trained rows
    d = len(words[0].vector)
    untrained = cosine_matrix(np.stack([untrained_vector(w, d, index.scale) for w in words]))
    a, b = np.meshgrid(np.arange(len(words)), np.arange(len(words)), indexing="ij")

    def cells(matrix):
        return pd.DataFrame(
            {"word_a": np.array(names)[a.ravel()], "word_b": np.array(names)[b.ravel()], "cosine": matrix.ravel()}
        )

    ui.ask(page, quiz.nearest_word, names, [w.vector for w in words])
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('lecture.trained', name=lm.display_name)}**")
        ui.chart(page, cosine_chart, cells(sims), "cosine_similarity", names=names)
    with right:
        st.markdown(f"**{t('lecture.untrained')}**")
        ui.chart(page, cosine_chart, cells(untrained), "cosine_similarity_untrained", names=names)
    off = np.where(np.eye(len(words), dtype=bool), np.nan, sims)  # pairs of different words
    hi, lo = np.unravel_index(np.nanargmax(off), off.shape), np.unravel_index(np.nanargmin(off), off.shape)
    st.caption(
        t(
            "embeddings.cosine_caption",
            a=names[hi[0]],
            b=names[hi[1]],
            hi=sims[hi],
            c=names[lo[0]],
            d=names[lo[1]],
            lo=sims[lo],
        )
    )
    pairs = ~np.eye(len(words), dtype=bool)
    st.caption(
        t(
            "lecture.learned_caption",
            lo=sims[lo],
            hi=sims[hi],
            rlo=untrained[pairs].min(),
            rhi=untrained[pairs].max(),
            d=d,
            chance=2 / np.sqrt(d),
        )
    )
    return names, words


def show_neighbours(page, lm, index, facts) -> None:
    """4. The rows of the whole vocabulary that point most nearly the same way."""
    t = page.t
    ui.header(page, t("embeddings.neighbours"), anchor="neighbours")
    c1, c2 = st.columns([2, 1])
    with c1:
        probe = ui.text_input(page, "probe", t("embeddings.probe"), t("embeddings.probe_default"), max_chars=40)
    with c2:
        k = ui.slider(page, "k", t("embeddings.k"), 5, MAX_NEIGHBOURS, 15)
    if not probe.strip():
        st.info(t("embeddings.probe_empty"))
        return
    word = index.word(lm, probe)
    if word.split:
        st.caption(t("embeddings.probe_split", word=probe.strip(), pieces=" | ".join(word.pieces)))
    found = index.neighbours(word.vector, k)
    near = pd.DataFrame(
        {
            "rank": range(1, len(found) + 1),
            "token": lm.display_tokens([i for i, _ in found]),
            "token_id": [i for i, _ in found],
            "cosine": [c for _, c in found],
        }
    )
    near["label"] = [f"{r}. {tok}" for r, tok in zip(near["rank"], near["token"])]  # unique
    ui.chart(page, neighbours_chart, near, "neighbours")
    st.caption(t("embeddings.neighbours_caption", v=facts.vocab_size))


def show_projection(page, names, words, facts) -> None:
    """5. The typed words on their two principal axes."""
    t = page.t
    ui.header(page, t("embeddings.projection"), anchor="projection")
    if len(words) < 3:
        st.info(t("embeddings.need_three"))
        return
    proj = pca_2d(np.stack([w.vector for w in words]))
    points = pd.DataFrame({"word": names, "pc1": proj.coords[:, 0], "pc2": proj.coords[:, 1]})
    ui.chart(page, projection_chart, points, "projection", explained=tuple(float(e) for e in proj.explained[:2]))
    st.caption(t("embeddings.projection_caption", kept=proj.explained.sum(), n=len(words), d=facts.d_model))


def show_context(page, lm) -> None:
    """6. The same word in different sentences: one row, then vectors that drift apart."""
    t = page.t
    ui.header(page, t("embeddings.context"), anchor="context", intro=t("embeddings.context_text"))
    c1, c2 = st.columns([1, 3])
    with c1:
        target = ui.text_input(page, "word", t("embeddings.target"), t("embeddings.target_default"), max_chars=40)
    with c2:
        raw = ui.text_input(
            page, "sentences", t("embeddings.sentences"), t("embeddings.sentences_default"), max_chars=1000, area=True
        )
        st.button(
            t("embeddings.bank_example"),
            key="bank_example",
            help=t("embeddings.example_help"),
            on_click=lambda: st.session_state.update(word="bank", sentences=t("embeddings.sentences_default")),
        )
    sentences = [s.strip() for s in raw.splitlines() if s.strip()]
    if len(sentences) > MAX_SENTENCES:
        st.info(t("embeddings.sentences_capped", n=MAX_SENTENCES, total=len(sentences)))
        sentences = sentences[:MAX_SENTENCES]
    if not target.strip():
        st.info(t("embeddings.target_empty"))
        return
    learned = lm.arch.positional == "learned"
    states, used = [], []
    for n, sentence in enumerate(sentences, start=1):
        found = ui.trace(page, sentence, stop=False)
        spots = None if found is None else find_word(lm, found.token_ids, target)
        if found is None or spots is None:
            st.warning(t("embeddings.not_found", word=target.strip(), n=n, sentence=sentence))
            continue
        states.append(word_states(found.token_embeddings, found.hidden_states, spots, learned))
        used.append(n)
    if len(states) < 2:
        st.info(t("embeddings.need_two_sentences", word=target.strip()))
        return
    shown = [
        t(f"embeddings.point.{p}") if not p.isdigit() else t("embeddings.point.block", n=int(p) - 1)
        for p in point_names(lm.arch.n_layers, learned)
    ]
    lines = pd.DataFrame(
        [
            {"pair": f"{used[i]} ↔ {used[j]}", "step": step, "point": shown[step], "cosine": float(c)}
            for (i, j), curve in context_drift(states).items()
            for step, c in enumerate(curve)
        ]
    )
    ui.chart(page, drift_chart, lines, "context_drift", shown=shown)
    st.caption(t("embeddings.context_caption_learned" if learned else "embeddings.context_caption_rotary"))


# ---- Korean as a subject: the same sentence in Korean, English and French (core.korean_tokens)


@st.cache_data(max_entries=16, show_spinner=False)
def _step_seconds(model_name: str, ids: tuple[int, ...], _lm) -> float:
    """One generated token's time on the loaded model, measured once per model and sentence."""
    return korean_tokens.decoding_step_seconds(_lm, list(ids))


@st.cache_resource(max_entries=1, show_spinner=False)
def _kiwi_ready() -> str | None:
    """None when Kiwi runs here; otherwise why not (checked once per server)."""
    try:
        korean_tokens.morphemes("한국어")
    except korean_tokens.MorphemesUnavailable as e:
        return str(e)
    return None


def show_korean_tokens(page, lm) -> None:
    """The same sentence in Korean, English and French through the model's tokenizer: tokens,
    tokens per character, the ratio to English, why, Kiwi's morphemes, and what it costs."""
    t = page.t
    st.subheader(t("embeddings.korean"), anchor="korean_tokens")
    st.write(t("embeddings.korean_text", name=lm.display_name))
    cols = st.columns(3)
    texts = {}
    for col, lang in zip(cols, korean_tokens.LANGUAGES):
        with col:
            texts[lang] = ui.text_input(
                page,
                lang,
                t(f"embeddings.korean_box.{lang}"),
                korean_tokens.DEFAULT_SENTENCES[lang],
                max_chars=korean_tokens.MAX_CHARS,
                area=True,
            )
    rows = korean_tokens.tokenize_languages(lm, texts)
    if "ko" not in rows or "en" not in rows:
        st.info(t("embeddings.korean_need"))
        return
    ko = rows["ko"]
    if "fr" in rows:
        st.markdown(t("embeddings.korean_here", ko=ko.ratio, fr=rows["fr"].ratio))
    else:
        st.markdown(t("embeddings.korean_here_ko", ko=ko.ratio))
    table = pd.DataFrame(
        [
            {
                t("embeddings.kcol.lang"): t(f"embeddings.korean_box.{r.lang}"),
                t("embeddings.kcol.chars"): r.n_chars,
                t("embeddings.kcol.bytes"): r.n_bytes,
                t("embeddings.kcol.tokens"): r.n_tokens,
                t("embeddings.kcol.per_char"): r.per_char,
                t("embeddings.kcol.ratio"): r.ratio,
                t("embeddings.kcol.pieces"): r.fragments,
                t("embeddings.kcol.shown"): " | ".join(r.tokens[:40]) + (" …" if r.n_tokens > 40 else ""),
            }
            for r in rows.values()
        ]
    )
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            t("embeddings.kcol.per_char"): st.column_config.NumberColumn(format="%.2f"),
            t("embeddings.kcol.ratio"): st.column_config.NumberColumn(format="%.1f×"),
        },
    )
    cover = korean_tokens.hangul_coverage(lm, ko.text)
    st.markdown(
        t(
            "embeddings.korean_why",
            chars=ko.n_chars,
            bytes=ko.n_bytes,
            syllables=len(cover.syllables),
            whole=len(cover.whole),
            share=cover.share_whole,
            pieces=ko.fragments,
            tokens=ko.n_tokens,
        )
    )
    if cover.whole:
        st.caption(t("embeddings.korean_whole", syllables=" ".join(cover.whole)))

    st.markdown(f"**{t('embeddings.kiwi')}**")
    with st.spinner(t("embeddings.kiwi_loading")):  # the first time on this server: a few seconds
        missing = _kiwi_ready()
    if missing:
        st.info(t("embeddings.kiwi_missing", reason=missing))
    else:
        found = korean_tokens.morphemes(ko.text)
        st.write(t("embeddings.kiwi_text", n=len(found), tokens=ko.n_tokens))
        st.dataframe(
            pd.DataFrame(
                [{t("embeddings.kcol.morpheme"): form, t("embeddings.kcol.tag"): tag} for form, tag in found]
            ).T,
            hide_index=False,
        )
        st.caption(t("embeddings.kiwi_caption"))

    st.markdown(f"**{t('embeddings.korean_cost')}**")
    ctx = lm.arch.context_length
    spent = {c.lang: c for c in korean_tokens.costs(rows, ctx, _step_seconds(lm.name, tuple(ko.token_ids), lm))}
    step = spent["ko"].seconds / max(1, ko.n_tokens)
    st.markdown(
        t(
            "embeddings.korean_context",
            name=lm.display_name,
            ctx=ctx,
            ko_share=spent["ko"].context_share,
            ko_fits=spent["ko"].fits,
            en_share=spent["en"].context_share,
            en_fits=spent["en"].fits,
        )
    )
    st.markdown(
        t(
            "embeddings.korean_time",
            name=lm.display_name,
            ms=step * 1000,
            ko_s=spent["ko"].seconds,
            en_s=spent["en"].seconds,
        )
    )
    st.markdown(
        t(
            "embeddings.korean_price",
            price=korean_tokens.EXAMPLE_PRICE_PER_MILLION,
            ko=spent["ko"].price_per_thousand,
            en=spent["en"].price_per_thousand,
        )
    )
    st.caption(t("embeddings.korean_reference", ko=korean_tokens.PUBLISHED["ko"], fr=korean_tokens.PUBLISHED["fr"]))
