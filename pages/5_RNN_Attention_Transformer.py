"""RNN → attention → Transformer: three translators trained on the same English→French pairs —
an LSTM that sees one context vector, an LSTM with Bahdanau attention, and a small
Transformer — side by side; then what they scored, how they trained, the bottleneck lab,
and the cost of being sequential."""

import streamlit as st

from core import ui

TIMING_LENGTHS = (16, 32, 64, 128, 256, 512, 1024)
TIMING_WIDTH, TIMING_REPEATS = 256, 7
STEP_LENGTHS, STEP_BATCH, STEP_REPEATS = (4, 8, 16, 32), 32, 2
EXAMPLE = "I love you."  # the lecture notes' example: "Je t'aime."
HALF_DIMS = 32  # numbers of each encoder direction drawn


@st.cache_resource(show_spinner=False)
def translators():
    return {name: load_pretrained(name) for name in MODEL_NAMES}


# Results are shared, read-only, between sessions (cache_resource: no copy on every rerun).
@st.cache_resource(max_entries=256, show_spinner=False)
def translate(name: str, sentence: str, beam: int | None):
    return translators()[name].translate(sentence, beam=beam)


@st.cache_resource(max_entries=64, show_spinner=False)
def source_gradients(name: str, sentence: str):
    return anatomy.source_gradients(translators()[name], sentence)


@st.cache_resource(max_entries=64, show_spinner=False)
def encoder_halves(sentence: str):
    return anatomy.encoder_halves(translators()["attention"], sentence)


@st.cache_resource(max_entries=4, show_spinner=False)
def card_tables(lang: str, _page, _cards) -> dict:
    """The tables drawn from the cards, once per language: BLEU by length, overall, the papers,
    loss against time (the cards do not change while the server runs)."""
    page, cards = _page, _cards
    scored = {**cards, EQUAL_DATA: load_card(EQUAL_DATA)}  # the Transformer at equal data, and final
    by_length = labelled(page, views.bleu_by_length_frame(scored), decoding="rnn.decoding.short")
    overall = views.overall_frame(scored)
    overall["model"] = overall["model"].map(lambda m: label(page, m))
    paper = views.paper_frame()
    paper["ours"] = paper["model"].map(lambda m: cards[m]["evaluation"]["bleu"])
    paper["model"] = paper["model"].map(lambda m: label(page, m))
    return {"models": [label(page, m) for m in scored], "by_length": by_length, "overall": overall,
            "paper": paper, "curves": labelled(page, views.loss_time_frame(cards))}


@st.cache_resource(show_spinner=False)
def shared_lab():
    """One lab per server: finished runs and timings kept for every visitor, one run at a time."""
    return lab.Lab()


# --------------------------------------------------------------------------- charts


def attention_chart(page, x_title: str, y_title: str, height: int, weight_title: str):
    """Rows: what is written (queries); columns: what is read (keys). Masked cells grey.
    Used for the Bahdanau alignment, the cross-attention, both self-attentions and the lab."""
    import altair as alt

    base = alt.Chart().encode(
        x=alt.X("source:N", sort=alt.EncodingSortField("source_pos"), title=x_title,
                axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("target:N", sort=alt.EncodingSortField("target_pos"), title=y_title))
    cells = base.transform_filter("!datum.masked").mark_rect().encode(
        color=alt.Color("weight:Q", title=weight_title, scale=alt.Scale(scheme="blues", domain=[0, 1])),
        tooltip=[alt.Tooltip("target_word:N", title=y_title),
                 alt.Tooltip("source_word:N", title=x_title),
                 alt.Tooltip("weight:Q", title=weight_title, format=".3f")])
    masked = base.transform_filter("datum.masked").mark_rect(color="#d0d0d0", opacity=0.6)
    return alt.layer(masked, cells, data=ui.data()).properties(height=height)


def strips_chart(page, row: str, row_title: str, order: list[str], split: bool = False):
    """Vectors as strips of colour, one row per `row`: a sentence's context vector, or the
    encoder's state at each word — with `split`, its forward and backward halves side by side."""
    import altair as alt

    t = page.t
    split_by = {"column": alt.Column("direction_label:N", title=None, sort="descending")} if split else {}
    chart = alt.Chart(ui.data()).mark_rect().encode(
        x=alt.X("dimension:O", title=t("rnn.bottleneck.dimension"), axis=alt.Axis(labels=False, ticks=False)),
        y=alt.Y(f"{row}:N", sort=order, title=None),
        color=alt.Color("value:Q", title=t("rnn.bottleneck.value"),
                        scale=alt.Scale(scheme="redblue", domain=[-1, 1])),
        tooltip=[alt.Tooltip(f"{row}:N", title=row_title),
                 *([alt.Tooltip("direction_label:N", title=t("rnn.encoder.direction"))] if split else []),
                 alt.Tooltip("dimension:O", title=t("rnn.bottleneck.dimension")),
                 alt.Tooltip("value:Q", title=t("rnn.bottleneck.value"), format=".3f")],
        **split_by)
    return chart.properties(width=260) if split else chart.properties(height=150)


def gradient_chart(page, models: list[str]):
    """How strongly each source word reaches the output, per model (largest = 1)."""
    import altair as alt

    t = page.t
    return alt.Chart(ui.data()).mark_bar().encode(
        x=alt.X("word:N", sort=alt.EncodingSortField("position"), title=t("rnn.align.source"),
                axis=alt.Axis(labelAngle=-40)),
        xOffset=alt.XOffset("model_label:N", sort=models),
        y=alt.Y("share:Q", title=t("rnn.grad.share"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("model_label:N", title=t("rnn.bleu.model"), sort=models),
        tooltip=[alt.Tooltip("model_label:N", title=t("rnn.bleu.model")),
                 alt.Tooltip("word:N", title=t("rnn.align.source")),
                 alt.Tooltip("norm:Q", title=t("rnn.grad.norm"), format=".4f"),
                 alt.Tooltip("share:Q", title=t("rnn.grad.share"), format=".3f")]).properties(height=260)


def bleu_chart(page, buckets: list[str], models: list[str]):
    """BLEU per length bucket: models side by side, greedy and beam in two panels."""
    import altair as alt

    t = page.t
    return alt.Chart(ui.data()).mark_bar().encode(
        x=alt.X("bucket:N", sort=buckets, title=t("rnn.bleu.length"), axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("model_label:N", sort=models),
        y=alt.Y("bleu:Q", title=t("rnn.bleu.bleu")),
        color=alt.Color("model_label:N", title=t("rnn.bleu.model"), sort=models),
        column=alt.Column("decoding_label:N", title=None),
        tooltip=[alt.Tooltip("model_label:N", title=t("rnn.bleu.model")),
                 alt.Tooltip("decoding_label:N", title=t("rnn.decoding")),
                 alt.Tooltip("bucket:N", title=t("rnn.bleu.length")),
                 alt.Tooltip("bleu:Q", title=t("rnn.bleu.bleu"), format=".1f"),
                 alt.Tooltip("sentences:Q", title=t("rnn.bleu.sentences"))],
    ).properties(width=300)


def curve_chart(page, x: str, x_title: str, y: str, y_title: str, log: bool = False,
                points: bool = False, dashed: str | None = None):
    """Lines, one per model (loss against time, step time against length, lab curves)."""
    import altair as alt

    t = page.t
    scale = alt.Scale(type="log", base=2) if log else alt.Undefined
    encoding = dict(x=alt.X(f"{x}:Q", title=x_title, scale=scale),
                    y=alt.Y(f"{y}:Q", title=y_title, scale=alt.Scale(type="log") if log else alt.Undefined),
                    color=alt.Color("model_label:N", title=t("rnn.bleu.model")),
                    tooltip=[alt.Tooltip("model_label:N", title=t("rnn.bleu.model")),
                             alt.Tooltip(f"{x}:Q", title=x_title, format=",.2f"),
                             alt.Tooltip(f"{y}:Q", title=y_title, format=",.3f")])
    if dashed:
        encoding["strokeDash"] = alt.StrokeDash(f"{dashed}:N", title=None)
    return alt.Chart(ui.data()).mark_line(point=points).encode(**encoding).properties(height=300)


def step_bars_chart(page):
    """Where the decoder looked for one output word."""
    import altair as alt

    t = page.t
    return alt.Chart(ui.data()).mark_bar().encode(
        x=alt.X("source:N", sort=alt.EncodingSortField("source_pos"), title=t("rnn.align.source"),
                axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("weight:Q", title=t("rnn.align.weight"), scale=alt.Scale(domain=[0, 1])),
        tooltip=[alt.Tooltip("source_word:N", title=t("rnn.align.source")),
                 alt.Tooltip("weight:Q", title=t("rnn.align.weight"), format=".3f")])


def lab_accuracy_chart(page):
    import altair as alt

    t = page.t
    return alt.Chart(ui.data()).mark_line(point=True).encode(
        x=alt.X("length:Q", title=t("rnn.lab.length")),
        y=alt.Y("accuracy:Q", title=t("rnn.lab.accuracy"), axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("model_label:N", title=t("rnn.bleu.model")),
        strokeDash=alt.StrokeDash("metric_label:N", title=t("rnn.lab.metric")),
        tooltip=[alt.Tooltip("model_label:N", title=t("rnn.bleu.model")),
                 alt.Tooltip("length:Q", title=t("rnn.lab.length")),
                 alt.Tooltip("metric_label:N", title=t("rnn.lab.metric")),
                 alt.Tooltip("accuracy:Q", title=t("rnn.lab.accuracy"), format=".1%")])


def heatmap_height(rows: int, per_row: int = 28) -> int:
    """A heatmap's height in pixels: its rows, plus room for the axes (Vega-Lite fits the
    whole chart, axes included, into the height it is given)."""
    return per_row * max(rows, 1) + 110


# --------------------------------------------------------------------------- sections


def label(page, name: str) -> str:
    return page.t(f"rnn.model.{name}")


def labelled(page, frame, **columns):
    """The frame with translated labels for its `model` (and other) columns."""
    names = lambda column, key: {v: key(v) for v in frame[column].unique()}  # map by dict: vectorised
    frame = frame.assign(model_label=frame["model"].map(names("model", lambda m: label(page, m))))
    for column, prefix in columns.items():
        frame[f"{column}_label"] = frame[column].map(names(column, lambda v: page.t(f"{prefix}.{v}")))
    return frame


def choose_sentence(page, cards) -> tuple[str, int | None]:
    """The sentence box, one-click examples, and greedy or beam decoding."""
    t = page.t
    st.header(t("rnn.translate.header"))

    def use(sentence: str) -> None:
        st.session_state["sentence"] = sentence

    sentence = ui.text_input(page, "sentence", t("rnn.translate.input"), t("rnn.translate.default"),
                             max_chars=300)
    st.caption(t("rnn.translate.suggest"))
    with st.container(horizontal=True):
        st.button(EXAMPLE, key="example", on_click=use, args=(EXAMPLE,))
        for i, suggestion in enumerate(cards["attention"]["evaluation"].get("suggestions", [])[:10]):
            st.button(suggestion, key=f"suggestion_{i}", on_click=use, args=(suggestion,),
                      type="tertiary")
    decoding = ui.radio(page, "decoding", t("rnn.decoding"), ["greedy", "beam"], "greedy",
                        format_func=lambda d: t(f"rnn.decoding.{d}", k=BEAM), horizontal=True)
    return sentence, BEAM if decoding == "beam" else None


def show_translations(page, cards, results, sentence: str, beam) -> bool:
    """The three outputs side by side, with what the models could not read. False: nothing to show."""
    t = page.t
    first = results["attention"]
    if first.empty:
        st.info(t("rnn.translate.empty"))
        return False
    if first.truncated:
        st.warning(t("rnn.translate.truncated", n=len(first.source_tokens)))
    vocab = cards["attention"]["vocab"]
    if first.all_unknown:
        st.warning(t("rnn.translate.all_unknown"))
    elif first.oov_words:
        st.warning(t("rnn.translate.oov", words=", ".join(dict.fromkeys(first.oov_words)),
                     n=vocab["source"] - N_SPECIAL, k=vocab["min_freq"]))
    longest = cards["attention"]["data"]["longest_train_english"]
    n_words = english_word_count(sentence)
    if n_words > longest:
        st.info(t("rnn.translate.longer", n=n_words, m=longest))
    for column, name in zip(st.columns(len(MODEL_NAMES)), MODEL_NAMES):
        with column:
            st.subheader(label(page, name))
            st.markdown(f"### {results[name].french or t('rnn.translate.nothing')}")
    st.caption(t("rnn.translate.caption_beam" if beam else "rnn.translate.caption", k=BEAM))
    return True


def show_alignment(page, results) -> None:
    """Encoder–decoder (cross-) attention: Bahdanau's alignment beside the Transformer's."""
    t = page.t
    st.header(t("rnn.align.header"))
    st.write(t("rnn.align.body"))
    att, tr = results["attention"], results["transformer"]
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{label(page, 'attention')}**")
        if att.tokens:
            table = views.alignment_frame(att.source_tokens, att.tokens, att.attention)
            ui.chart(page, attention_chart, table, "alignment", x_title=t("rnn.align.source"),
                     y_title=t("rnn.align.target"), height=heatmap_height(len(att.tokens)),
                     weight_title=t("rnn.align.weight"))
    with right:
        st.markdown(f"**{label(page, 'transformer')}**")
        if tr.tokens:
            L, H = tr.cross_attention.shape[:2]
            c1, c2 = st.columns(2)
            with c1:
                layer = ui.selectbox(page, "cross_layer", t("rnn.cross.layer"), list(range(L)), L - 1)
            with c2:
                head = ui.selectbox(page, "cross_head", t("rnn.cross.head"), ["mean", *range(H)], "mean",
                                    format_func=lambda h: t("rnn.cross.mean") if h == "mean" else str(h))
            maps = tr.cross_attention[layer]  # [h, T, S]
            weights = maps.mean(0) if head == "mean" else maps[head]
            table = views.alignment_frame(tr.source_tokens, tr.tokens, weights)
            ui.chart(page, attention_chart, table, "cross_attention", x_title=t("rnn.align.source"),
                     y_title=t("rnn.align.target"), height=heatmap_height(len(tr.tokens)),
                     weight_title=t("rnn.align.weight"))
    st.caption(t("rnn.align.caption"))


def show_self_attention(page, translation) -> None:
    """The Transformer's two self-attentions: the encoder's (all words) and the decoder's (masked)."""
    t = page.t
    st.header(t("rnn.self.header"))
    st.write(t("rnn.self.body"))
    L, H = translation.encoder_attention.shape[:2]
    c1, c2 = st.columns(2)
    with c1:
        layer = ui.selectbox(page, "self_layer", t("rnn.cross.layer"), list(range(L)), 0)
    with c2:
        head = ui.selectbox(page, "self_head", t("rnn.cross.head"), list(range(H)), 0)
    src = translation.source_tokens
    dec_in = ["<sos>", *translation.tokens[:-1]]  # what the decoder reads at each position
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('rnn.self.encoder')}**")
        table = views.alignment_frame(src, src, translation.encoder_attention[layer, head])
        ui.chart(page, attention_chart, table, "encoder_self_attention", x_title=t("rnn.self.keys"),
                 y_title=t("rnn.self.queries"), height=heatmap_height(len(src)),
                 weight_title=t("rnn.align.weight"))
    with right:
        st.markdown(f"**{t('rnn.self.decoder')}**")
        table = views.alignment_frame(dec_in, dec_in, translation.decoder_attention[layer, head], causal=True)
        ui.chart(page, attention_chart, table, "decoder_self_attention", x_title=t("rnn.self.keys"),
                 y_title=t("rnn.self.queries"), height=heatmap_height(len(dec_in)),
                 weight_title=t("rnn.align.weight"))
    st.caption(t("rnn.self.caption"))


def show_bottleneck(page, plain, sentence: str) -> None:
    """The plain decoder's only view of the source, for a short, a long and the user's sentence."""
    t = page.t
    st.header(t("rnn.bottleneck.header"))
    short, long_ = t("rnn.bottleneck.short"), t("rnn.bottleneck.long")
    st.write(t("rnn.bottleneck.body", d=plain.context.shape[0], short=english_word_count(short),
               long=english_word_count(long_)))
    sentences = [short, long_, sentence]
    labels = [t("rnn.bottleneck.label", text=s if i < 2 else t("rnn.bottleneck.yours"),
                n=english_word_count(s)) for i, s in enumerate(sentences)]
    strips = views.context_frame({lab_: translate("plain", s, None).context
                                  for lab_, s in zip(labels, sentences)})
    ui.chart(page, strips_chart, strips, "context_vectors", row="sentence",
             row_title=t("rnn.bottleneck.sentence"), order=labels)


def show_encoder(page, sentence: str) -> None:
    """The bidirectional encoder: each h_j is a left-to-right half and a right-to-left half."""
    t = page.t
    st.header(t("rnn.encoder.header"))
    halves = encoder_halves(sentence)
    H = halves.forward.shape[1]
    st.write(t("rnn.encoder.body", h=H, d=2 * H))
    table = views.halves_frame(halves, HALF_DIMS)
    table["direction_label"] = table["direction"].map(lambda d: t(f"rnn.encoder.{d}"))
    order = list(dict.fromkeys(table["word"]))
    ui.chart(page, strips_chart, table, "encoder_halves", row="word", row_title=t("rnn.align.source"),
             order=order, split=True)
    st.caption(t("rnn.encoder.caption", n=HALF_DIMS, h=H))


def show_gradients(page, sentence: str) -> None:
    """How strongly each English word still reaches the loss, with and without attention."""
    t = page.t
    st.header(t("rnn.grad.header"))
    st.write(t("rnn.grad.body"))
    st.latex(r"\left\lVert \frac{\partial\, \mathcal{L}}{\partial x_j} \right\rVert")
    names = ("plain", "attention")
    norms = {name: source_gradients(name, sentence) for name in names}
    tokens = {name: translate(name, sentence, None).source_tokens for name in names}
    table = labelled(page, views.gradient_frame(tokens, norms))
    ui.chart(page, gradient_chart, table, "source_gradients", models=[label(page, n) for n in names])
    spread = {name: float(norms[name].min() / max(norms[name].max(), 1e-12)) for name in names}
    st.caption(t("rnn.grad.caption", plain=spread["plain"], attention=spread["attention"]))


def show_step_by_step(page, results) -> None:
    """One French word at a time: where the attention decoder looked and what else it weighed."""
    t = page.t
    att = results["attention"]
    if not att.tokens:
        return
    st.header(t("rnn.steps.header"))
    st.write(t("rnn.steps.body"))
    n = len(att.tokens)
    if not 1 <= st.session_state.get("decode_step", 1) <= n:  # a shorter new sentence
        st.session_state["decode_step"] = 1
    i = st.slider(t("rnn.steps.slider"), 1, n, key="decode_step") if n > 1 else 1
    step = att.steps[i - 1]
    st.markdown(t("rnn.steps.chosen", i=i, n=n, word=step.word, p=step.probability))
    weights = views.alignment_frame(att.source_tokens, att.tokens, att.attention)
    left, right = st.columns([3, 2])
    with left:
        ui.chart(page, step_bars_chart, weights[weights["target_pos"] == i - 1], "decoding_step")
    with right:
        st.caption(t("rnn.steps.candidates"))
        st.dataframe(pd.DataFrame(step.candidates, columns=[t("rnn.steps.word"), t("rnn.steps.probability")]),
                     hide_index=True, column_config={t("rnn.steps.probability"): st.column_config.ProgressColumn(
                         format="percent", min_value=0, max_value=1)})


def show_scores(page, cards) -> None:
    """BLEU by length for the three, greedy and beam, from the cards; the papers for reference."""
    t = page.t
    st.header(t("rnn.bleu.header"))
    evaluation = cards["attention"]["evaluation"]
    st.write(t("rnn.bleu.body", test=evaluation["test_sentences"], k=BEAM))
    tables = card_tables(page.lang, page, cards)
    by_length, overall = tables["by_length"], tables["overall"]
    buckets = list(dict.fromkeys(by_length.sort_values("min_words")["bucket"]))
    ui.chart(page, bleu_chart, by_length, "bleu_by_length", buckets=buckets, models=tables["models"])
    columns = {"model": "rnn.bleu.model", "bleu": "rnn.bleu.greedy", "bleu_beam": "rnn.bleu.beam",
               "exact_match": "rnn.bleu.exact", "parameters": "rnn.bleu.params",
               "steps": "rnn.bleu.steps", "pairs_seen": "rnn.bleu.pairs", "minutes": "rnn.bleu.minutes",
               "seconds_per_step": "rnn.bleu.per_step"}
    st.dataframe(overall[list(columns)].rename(columns={k: t(v, k=BEAM) for k, v in columns.items()}),
                 hide_index=True,
                 column_config={t("rnn.bleu.exact"): st.column_config.NumberColumn(format="percent")})
    st.info(t("rnn.bleu.note", longest=cards["attention"]["data"]["longest_train_english"]))
    st.subheader(t("rnn.bleu.paper"))
    st.dataframe(tables["paper"].rename(columns={
        "paper_model": t("rnn.bleu.paper_model"), "model": t("rnn.bleu.model"),
        "bleu": "BLEU (WMT'14)", "ours": f"BLEU — {t('rnn.bleu.ours')}"}), hide_index=True)
    st.caption(t("rnn.bleu.paper_caption"))
    st.caption(t("rnn.bleu.credit", pairs=cards["attention"]["data"]["pairs"],
                 signature=evaluation["bleu_signature"]))


def show_training(page, cards) -> None:
    """Loss against wall-clock time, from the cards."""
    t = page.t
    st.header(t("rnn.training.header"))
    curves = card_tables(page.lang, page, cards)["curves"]
    ui.chart(page, curve_chart, curves, "loss_by_time", x="minutes", x_title=t("rnn.training.minutes"),
             y="loss", y_title=t("rnn.lab.loss"))
    tr = {name: cards[name]["training"] for name in MODEL_NAMES}
    st.caption(t("rnn.training.caption", **{f"{n}_s": tr[n]["wall_seconds"] / tr[n]["steps"] for n in tr},
                 lstm_steps=tr["attention"]["steps"], steps=tr["transformer"]["steps"],
                 smoothing=cards["transformer"]["config"]["label_smoothing"]))


def show_lab(page) -> None:
    """The bottleneck lab: both LSTMs learn to reverse sequences, trained live."""
    t = page.t
    hidden = ui.slider(page, "lab_hidden", t("rnn.lab.hidden"), 16, lab.MAX_HIDDEN, 64, step=16)
    longest = ui.slider(page, "lab_length", t("rnn.lab.max_length"), 8, lab.MAX_LENGTH, 30)
    steps = ui.slider(page, "lab_steps", t("rnn.lab.steps"), 100, lab.MAX_STEPS, lab.LabSettings().steps,
                      step=100)
    task = ui.radio(page, "lab_task", t("rnn.lab.task"), list(lab.TASKS), "reverse",
                    format_func=lambda k: t(f"rnn.lab.task.{k}"), horizontal=True)
    settings = lab.LabSettings(task=task, max_length=longest, hidden_size=hidden, steps=steps).checked()
    st.header(t("rnn.lab.header"))
    st.write(t("rnn.lab.body", lo=settings.min_length, hi=settings.max_length))
    runs = shared_lab()
    if st.button(t("rnn.lab.button"), type="primary", disabled=runs.result(settings) is not None):
        if runs.start(settings) is None:
            st.warning(t("rnn.lab.busy"))
    run = runs.running
    if run is not None and not run.finished.is_set() and run.settings == settings:
        follow_lab_run(page, run)  # until it is done: a rerun leaves it training for everyone
    elif run is not None and not run.finished.is_set():
        st.info(t("rnn.lab.busy_other", done=run.step / run.settings.steps))
    if run is not None and run.settings == settings and run.error is not None:
        st.error(t("rnn.lab.failed", error=str(run.error)))
    result = runs.result(settings)
    if result is None:
        st.info(t("rnn.lab.press"))
        return
    st.success(t("rnn.lab.done", s=result.seconds, machine=result.machine))
    losses = labelled(page, views.loss_frame(result.losses, every=max(1, settings.steps // 200)))
    ui.chart(page, curve_chart, losses, "lab_loss", x="step", x_title=t("rnn.lab.step"), y="loss",
             y_title=t("rnn.lab.loss"))
    st.subheader(t("rnn.lab.accuracy"))
    accuracy = labelled(page, views.lab_accuracy_frame(result), metric="rnn.lab.metric")
    ui.chart(page, lab_accuracy_chart, accuracy, "lab_accuracy")
    exact = pd.DataFrame(result.accuracy)
    exact = exact[exact["length"] == exact["length"].max()].set_index("model")["exact"]
    st.markdown(t("rnn.lab.summary", n=settings.max_length, p=exact["plain"], a=exact["attention"]))
    st.subheader(t("rnn.lab.alignment", n=len(result.example_source)))
    st.caption(t("rnn.lab.alignment_caption"))
    if len(result.example_output):
        grid = views.alignment_frame(result.example_source, result.example_output, result.example_alignment)
        ui.chart(page, attention_chart, grid, "lab_alignment", x_title=t("rnn.lab.input"),
                 y_title=t("rnn.lab.output"), height=heatmap_height(len(result.example_output), 16),
                 weight_title=t("rnn.align.weight"))


def follow_lab_run(page, run) -> None:
    """A progress bar and the live loss curves of a lab run, until it finishes."""
    import time

    t = page.t
    bar, live = st.progress(0.0), st.empty()
    while not run.finished.is_set():
        if run.losses:
            last = {row["model"]: row["loss"] for row in run.losses[-2:]}
            bar.progress(run.step / run.settings.steps,
                         text=t("rnn.lab.progress", step=run.step, total=run.settings.steps, **last))
            ui.chart(page, curve_chart, labelled(page, pd.DataFrame(run.losses)), "lab_live", where=live,
                     download=False, x="step", x_title=t("rnn.lab.step"), y="loss", y_title=t("rnn.lab.loss"))
        time.sleep(0.5)
    bar.empty()
    live.empty()


def show_training_steps(page, cards) -> None:
    """One real training step of the attention LSTM and the Transformer, by target length."""
    t = page.t
    st.header(t("rnn.cost.steps_header"))
    st.write(t("rnn.cost.steps_body", b=STEP_BATCH))
    mask = views.alignment_frame([f"y{i}" for i in range(6)], [f"y{i}" for i in range(6)],
                                 [[1.0 / (i + 1) if j <= i else 0.0 for j in range(6)] for i in range(6)],
                                 causal=True)
    left, right = st.columns([1, 2])
    with left:
        ui.chart(page, attention_chart, mask, "causal_mask", download=False, x_title=t("rnn.self.keys"),
                 y_title=t("rnn.self.queries"), height=heatmap_height(6, 22), weight_title=t("rnn.align.weight"))
        st.caption(t("rnn.cost.mask_caption"))
    runs = shared_lab()
    with right:
        measured = measured_on_press(
            page, "time_steps", t("rnn.cost.steps_button"), t("rnn.cost.steps_running"),
            lambda: runs.time_training_steps({n: cards[n] for n in ("attention", "transformer")},
                                             STEP_LENGTHS, STEP_BATCH, STEP_REPEATS),
            lambda: runs.step_timing, t("rnn.cost.steps_press", lengths=", ".join(map(str, STEP_LENGTHS))))
        if measured is None:
            return
        rows, machine = measured
        timing = labelled(page, pd.DataFrame(rows))
        ui.chart(page, curve_chart, timing, "training_step_times", x="T", x_title=t("rnn.cost.target_T"),
                 y="ms", y_title=t("rnn.cost.step_ms"), points=True)
        st.caption(t("rnn.cost.machine", machine=machine, r=STEP_REPEATS))
    last = timing[timing["T"] == timing["T"].max()].set_index("model")
    st.markdown(t("rnn.cost.steps_summary", T=int(timing["T"].max()), lstm=last.loc["attention", "ms"],
                  transformer=last.loc["transformer", "ms"]))


def measured_on_press(page, key: str, label: str, running: str, measure, result, press: str):
    """A timing the server keeps for every visitor, measured when someone presses the button
    (one measurement at a time per server). Returns (rows, machine), or None with a hint."""
    if st.button(label, key=key):
        with st.spinner(running):
            if measure() is None:
                st.warning(page.t("rnn.lab.busy"))
    found = result()
    if found is None:
        st.info(press)
    return found


def show_synthetic_timing(page) -> None:
    """One LSTM layer against one causal self-attention layer, forward only, by length."""
    t = page.t
    st.header(t("rnn.cost.header"))
    st.write(t("rnn.cost.body", d=TIMING_WIDTH))
    runs = shared_lab()
    measured = measured_on_press(
        page, "time_layers", t("rnn.cost.button"), t("rnn.cost.button"),
        lambda: runs.time_layers(TIMING_LENGTHS, TIMING_WIDTH, TIMING_REPEATS),
        lambda: runs.timing, t("rnn.cost.press", lengths=", ".join(map(str, TIMING_LENGTHS))))
    if measured is None:
        return
    rows, machine = measured
    st.caption(t("rnn.cost.machine", machine=machine, r=TIMING_REPEATS))
    timing = pd.DataFrame(rows)
    long_form = timing.melt(id_vars=["T"], value_vars=["lstm_ms", "attention_ms"], var_name="model",
                            value_name="ms")
    long_form["model_label"] = long_form["model"].map({"lstm_ms": t("rnn.cost.lstm"),
                                                       "attention_ms": t("rnn.cost.attention")})
    ui.chart(page, curve_chart, long_form, "sequential_vs_parallel", x="T", x_title=t("rnn.cost.T"),
             y="ms", y_title=t("rnn.cost.ms"), log=True, points=True)
    last = rows[-1]
    st.markdown(t("rnn.cost.summary", T=last["T"], l=last["lstm_ms"], a=last["attention_ms"],
                  kb=last["attention_matrix_bytes"] / 1024))
    st.dataframe(timing.assign(attention_matrix_bytes=timing["attention_matrix_bytes"] / 1024).rename(columns={
        "T": t("rnn.cost.T"), "lstm_ms": t("rnn.cost.lstm") + " (ms)",
        "attention_ms": t("rnn.cost.attention") + " (ms)",
        "lstm_sequential_steps": t("rnn.cost.steps_lstm"),
        "attention_sequential_steps": t("rnn.cost.steps_attention"),
        "attention_matrix_bytes": t("rnn.cost.bytes")}), hide_index=True)
    st.caption(t("rnn.cost.note"))


page = ui.setup_page("rnn.title", "🔁")
t = page.t
st.title(t("rnn.heading"))
# torch, pandas and the translators' code: imported once the title is on screen
import pandas as pd  # noqa: E402

from core.seq2seq import EQUAL_DATA, MODEL_NAMES, anatomy, lab, load_card, load_pretrained, views  # noqa: E402
from core.seq2seq.data import N_SPECIAL  # noqa: E402
from core.seq2seq.evaluate import BEAM, english_word_count  # noqa: E402

try:
    cards = {name: load_card(name) for name in MODEL_NAMES}
except FileNotFoundError:
    st.error(t("rnn.missing"))
    st.stop()
st.write(t("rnn.intro", **{f"{n}_params": cards[n]["parameters"] / 1e6 for n in MODEL_NAMES}))

tab_translate, tab_scores, tab_lab, tab_cost = st.tabs(
    [t("rnn.tab.translate"), t("rnn.tab.scores"), t("rnn.tab.lab"), t("rnn.tab.cost")])
with tab_translate:
    sentence, beam = choose_sentence(page, cards)
    results = {name: translate(name, sentence, beam) for name in MODEL_NAMES}
    if show_translations(page, cards, results, sentence, beam):
        show_alignment(page, results)
        if results["transformer"].tokens:
            show_self_attention(page, results["transformer"])
        show_bottleneck(page, results["plain"], sentence)
        show_encoder(page, sentence)
        show_gradients(page, sentence)
        show_step_by_step(page, results)
with tab_scores:
    show_scores(page, cards)
    show_training(page, cards)
with tab_lab:
    show_lab(page)
with tab_cost:
    show_training_steps(page, cards)
    show_synthetic_timing(page)
