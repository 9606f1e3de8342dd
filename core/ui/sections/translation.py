"""Sections of the translation page (RNN → attention → Transformer): three translators trained on
the same English→French pairs, what they scored, the bottleneck lab, the cost of being sequential."""

import streamlit as st

from core import i18n, quiz, seq2seq, ui
from core.seq2seq import BEAM, EQUAL_DATA, MODEL_NAMES, N_SPECIAL, english_word_count, load_card, load_pretrained
from core.seq2seq import records as recorded
from core.seq2seq.charts import (
    attention_chart,
    bleu_chart,
    curve_chart,
    gradient_chart,
    heatmap_height,
    lab_accuracy_chart,
    scores_chart,
    step_bars_chart,
    strips_chart,
)

TABS = ("rnn.tab.translate", "rnn.tab.scores", "rnn.tab.lab", "rnn.tab.cost")
TIMING_LENGTHS = (16, 32, 64, 128, 256, 512, 1024)
TIMING_WIDTH, TIMING_REPEATS = 256, 7
STEP_LENGTHS, STEP_BATCH, STEP_REPEATS = recorded.STEP_LENGTHS, recorded.STEP_BATCH, recorded.STEP_REPEATS
EXAMPLE = "I love you."  # the lecture notes' example: "Je t'aime."
LONG_EXAMPLE = "The quick brown fox jumps over the lazy dog."  # the notes' long sentence (the bottleneck)
HALF_DIMS = 32  # numbers of each encoder direction drawn


# --------------------------------------------------------------------------- shared resources
# Shared, read-only, between sessions (cache_resource: no copy on every rerun).


@st.cache_resource(show_spinner=False)
def shipped_cards() -> dict:
    """{model: card} for the three translators (FileNotFoundError when they are not trained)."""
    return {name: load_card(name) for name in MODEL_NAMES}


@st.cache_resource(show_spinner=False)
def translators():
    return {name: load_pretrained(name) for name in MODEL_NAMES}


@st.cache_resource(max_entries=256, show_spinner=False)
def translate(name: str, sentence: str, beam: int | None):
    return translators()[name].translate(sentence, beam=beam)


@st.cache_resource(max_entries=64, show_spinner=False)
def source_gradients(name: str, sentence: str):
    return seq2seq.anatomy.source_gradients(translators()[name], sentence)


@st.cache_resource(max_entries=64, show_spinner=False)
def alignment_scores(sentence: str, words: tuple[str, ...]):
    return seq2seq.anatomy.alignment_scores(
        translators()["attention"], translators()["transformer"], sentence, list(words)
    )


@st.cache_resource(max_entries=64, show_spinner=False)
def encoder_halves(sentence: str):
    return seq2seq.anatomy.encoder_halves(translators()["attention"], sentence)


@st.cache_resource(max_entries=4, show_spinner=False)
def card_tables(lang: str, _page, _cards) -> dict:
    """The tables drawn from the cards, once per language: BLEU by length, overall, the papers,
    loss against time (the cards do not change while the server runs)."""
    t, cards, views = _page.t, _cards, seq2seq.views
    scored = {**cards, EQUAL_DATA: load_card(EQUAL_DATA)}  # the Transformer at equal data, and final
    paper = views.paper_frame()
    paper["ours"] = paper["model"].map(lambda m: cards[m]["evaluation"]["bleu"])
    return {
        "models": [t(f"rnn.model.{m}") for m in scored],
        "by_length": views.labelled(views.bleu_by_length_frame(scored), t, decoding="rnn.decoding.short"),
        "overall": views.labelled(views.overall_frame(scored), t),
        "paper": views.labelled(paper, t),
        "curves": views.labelled(views.loss_time_frame(cards), t),
    }


@st.cache_resource(show_spinner=False)
def lab_jobs():
    """The lab's work per server (training runs per setting, the timings): kept for every
    visitor, one run at a time (each uses the cores it finds)."""
    from core.jobs import Jobs

    return Jobs(kept=32, max_running=1)


def open_tabs(page):
    """The page's four tabs; only the open one runs. The URL holds the open tab's label
    (?tab=…), so a link keeps it; a label in the other language (a shared link, a language
    switch) opens the same tab."""
    labels = [page.t(key) for key in TABS]
    held = st.session_state.get("tab", st.query_params.get("tab"))
    for lang in i18n.LANGUAGES:
        theirs = [i18n.t(key, lang) for key in TABS]
        if held in theirs and held not in labels:
            st.session_state["tab"] = labels[theirs.index(held)]
    return st.tabs(labels, key="tab", bind="query-params")


# --------------------------------------------------------------------------- tab 1: translate


def choose_sentence(page, cards, header: bool = True, decoding: bool = True) -> tuple[str, int | None]:
    """The sentence box, one-click examples, and greedy or beam decoding (without the radio:
    greedy)."""
    t = page.t
    if header:
        ui.header(page, t("rnn.translate.header"), anchor="translate")

    def use(sentence: str) -> None:
        st.session_state["sentence"] = sentence

    sentence = ui.text_input(page, "sentence", t("rnn.translate.input"), t("rnn.translate.default"), max_chars=300)
    st.caption(t("rnn.translate.suggest"))
    with st.container(horizontal=True):
        st.button(EXAMPLE, key="example", on_click=use, args=(EXAMPLE,))
        st.button(LONG_EXAMPLE, key="long_example", on_click=use, args=(LONG_EXAMPLE,))
        for i, (suggestion, _) in enumerate(seq2seq.held_out_examples()):  # the quiz's references too
            st.button(suggestion, key=f"suggestion_{i}", on_click=use, args=(suggestion,), type="tertiary")
    if not decoding:
        return sentence, None
    how = ui.radio(
        page,
        "decoding",
        t("rnn.decoding"),
        ["greedy", "beam"],
        "greedy",
        format_func=lambda d: t(f"rnn.decoding.{d}", k=BEAM),
        horizontal=True,
    )
    return sentence, BEAM if how == "beam" else None


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
        st.warning(
            t(
                "rnn.translate.oov",
                words=", ".join(dict.fromkeys(first.oov_words)),
                n=vocab["source"] - N_SPECIAL,
                k=vocab["min_freq"],
            )
        )
    longest = cards["attention"]["data"]["longest_train_english"]
    n_words = english_word_count(sentence)
    if n_words > longest:
        st.info(t("rnn.translate.longer", n=n_words, m=longest))
    ui.ask(page, quiz.right_translator, results, sentence)
    for column, name in zip(st.columns(len(MODEL_NAMES)), MODEL_NAMES):
        with column:
            st.subheader(t(f"rnn.model.{name}"))
            st.markdown(f"### {i18n.escape(results[name].french) or t('rnn.translate.nothing')}")
    st.caption(t("rnn.translate.caption_beam" if beam else "rnn.translate.caption", k=BEAM))
    return True


def show_alignment(page, results) -> None:
    """Encoder–decoder (cross-) attention: Bahdanau's alignment beside the Transformer's."""
    t = page.t
    ui.header(page, t("rnn.align.header"), anchor="alignment", intro=t("rnn.align.body"))
    att, tr = results["attention"], results["transformer"]
    ui.ask(page, quiz.attended_word, att)
    axes = dict(x_title=t("rnn.align.source"), y_title=t("rnn.align.target"), weight_title=t("rnn.align.weight"))
    cross = None  # the Transformer's written words and the map drawn for them
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('rnn.model.attention')}**")
        if att.tokens:
            table = seq2seq.views.alignment_frame(att.source_tokens, att.tokens, att.attention)
            ui.chart(page, attention_chart, table, "alignment", height=heatmap_height(len(att.tokens)), **axes)
    with right:
        st.markdown(f"**{t('rnn.model.transformer')}**")
        if tr.tokens:
            L, H = tr.cross_attention.shape[:2]
            c1, c2 = st.columns(2)
            with c1:
                layer = ui.selectbox(page, "cross_layer", t("rnn.cross.layer"), list(range(L)), L - 1)
            with c2:
                head = ui.selectbox(
                    page,
                    "cross_head",
                    t("rnn.cross.head"),
                    ["mean", *range(H)],
                    "mean",
                    format_func=lambda h: t("rnn.cross.mean") if h == "mean" else str(h),
                )
            maps = tr.cross_attention[layer]  # [h, T, S]
            weights = maps.mean(0) if head == "mean" else maps[head]
            table = seq2seq.views.alignment_frame(tr.source_tokens, tr.tokens, weights)
            ui.chart(page, attention_chart, table, "cross_attention", height=heatmap_height(len(tr.tokens)), **axes)
            cross = (tr.tokens, weights)
    st.caption(t("rnn.align.caption"))
    if att.tokens:
        show_strongest_links(page, att, cross)


def show_strongest_links(page, att, cross) -> None:
    """Where each French word looked most, read off the heatmaps above (their argmax), and
    whether the lines cross — the lecture's “I love you” → “Je t'aime”. `cross`: the
    Transformer's written words and the map drawn for them, or None."""
    t, views, source = page.t, seq2seq.views, att.source_tokens
    parts: list[str] = []
    first: dict[int, int] = {}
    maps = [("attention", att.tokens, att.attention), *([("transformer", *cross)] if cross else [])]
    for name, target, weights in maps:
        links = views.strongest_links(target, weights)
        first = first or dict(links)  # the attention LSTM's: what the slip note reads
        crossing = views.crossing_pairs(links, target, source)
        parts.append(
            t(
                "lecture.links",
                model=t(f"rnn.model.{name}"),
                arrows=", ".join(f"{target[i]} → {source[j]}" for i, j in links),
            )
            + (" " + t("lecture.crossing", a=target[crossing[0][0]], b=target[crossing[0][1]]) if crossing else "")
        )
    st.caption(" ".join(parts))
    if "t'" in att.tokens and source[first[att.tokens.index("t'")]] == "you":  # the lecture's example
        st.info(t("lecture.t_slip"))


def show_bahdanau_qkv(page, sentence: str, words: list[str]) -> None:
    """Bahdanau's alignment written as Query, Key and Value, and its additive score beside the
    Transformer's scaled dot product, for the same sentence and the same French words."""
    t = page.t
    ui.header(page, t("lecture.qkv"), anchor="bahdanau_qkv", intro=t("lecture.qkv_text"))
    st.latex(
        r"e_{ij}=v_a^{\top}\tanh\big(W_a\underbrace{s_{i-1}}_{\text{Query}}+U_a\underbrace{h_j}_{\text{Key}}\big),"
        r"\quad \alpha_{ij}=\mathrm{softmax}_j(e_{ij}),\quad c_i=\sum_j\alpha_{ij}\underbrace{h_j}_{\text{Value}}"
    )
    st.latex(
        r"\mathrm{score}_{ij}=\frac{\underbrace{W_Q\,y_i}_{\text{Query}}\cdot\underbrace{W_K\,m_j}_{\text{Key}}}"
        r"{\sqrt{d_k}},\quad \alpha_{ij}=\mathrm{softmax}_j(\mathrm{score}_{ij}),\quad "
        r"\sum_j\alpha_{ij}\underbrace{W_V\,m_j}_{\text{Value}}"
    )
    try:
        scores = alignment_scores(sentence, tuple(words))  # the attention LSTM's words on screen
    except ValueError:
        return
    H = scores.dot.shape[0]
    head = ui.selectbox(page, "score_head", t("rnn.cross.head"), list(range(H)), 0)
    axes = dict(x_title=t("rnn.align.source"), y_title=t("rnn.align.target"), height=heatmap_height(len(scores.target)))
    left, right = st.columns(2)
    for column, matrix, name, title in (
        (left, scores.additive, "additive_scores", t("lecture.score_additive")),
        (right, scores.dot[head], "dot_scores", t("lecture.score_dot")),
    ):
        with column:
            st.markdown(f"**{title}**")
            table = seq2seq.views.alignment_frame(scores.source, scores.target, matrix)
            table["best"] = table["weight"].eq(table.groupby("target_pos")["weight"].transform("max"))
            ui.chart(page, scores_chart, table, name, score_title=title, **axes)
    agree = int((scores.additive.argmax(1) == scores.dot[head].argmax(1)).sum())
    st.caption(t("lecture.qkv_caption", agree=agree, n=len(scores.target), head=head))


def show_self_attention(page, translation) -> None:
    """The Transformer's two self-attentions: the encoder's (all words) and the decoder's (masked)."""
    t = page.t
    ui.header(page, t("rnn.self.header"), anchor="self_attention", intro=t("rnn.self.body"))
    L, H = translation.encoder_attention.shape[:2]
    c1, c2 = st.columns(2)
    with c1:
        layer = ui.selectbox(page, "self_layer", t("rnn.cross.layer"), list(range(L)), 0)
    with c2:
        head = ui.selectbox(page, "self_head", t("rnn.cross.head"), list(range(H)), 0)
    src = translation.source_tokens
    dec_in = ["<sos>", *translation.tokens[:-1]]  # what the decoder reads at each position
    axes = dict(x_title=t("rnn.self.keys"), y_title=t("rnn.self.queries"), weight_title=t("rnn.align.weight"))
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('rnn.self.encoder')}**")
        table = seq2seq.views.alignment_frame(src, src, translation.encoder_attention[layer, head])
        ui.chart(
            page,
            attention_chart,
            table,
            "encoder_self_attention",
            height=heatmap_height(len(src)),
            **{**axes, "y_title": t("rnn.self.queries_encoder")},
        )
    with right:
        st.markdown(f"**{t('rnn.self.decoder')}**")
        table = seq2seq.views.alignment_frame(dec_in, dec_in, translation.decoder_attention[layer, head], causal=True)
        ui.chart(page, attention_chart, table, "decoder_self_attention", height=heatmap_height(len(dec_in)), **axes)
    st.caption(t("rnn.self.caption"))


def show_bottleneck(page, plain, sentence: str) -> None:
    """The plain decoder's only view of the source, for a short, a long and the user's sentence."""
    t = page.t
    ui.header(page, t("rnn.bottleneck.header"), anchor="bottleneck")
    short, long_ = t("rnn.bottleneck.short"), t("rnn.bottleneck.long")
    st.write(
        t(
            "rnn.bottleneck.body",
            d=plain.context.shape[0],
            short=english_word_count(short),
            long=english_word_count(long_),
        )
    )
    sentences = [short, long_, sentence]
    labels = [
        t("rnn.bottleneck.label", text=s if i < 2 else t("rnn.bottleneck.yours"), n=english_word_count(s))
        for i, s in enumerate(sentences)
    ]
    strips = seq2seq.views.context_frame(
        {label: translate("plain", s, None).context for label, s in zip(labels, sentences)}
    )
    ui.chart(
        page,
        strips_chart,
        strips,
        "context_vectors",
        row="sentence",
        row_title=t("rnn.bottleneck.sentence"),
        order=labels,
    )


def show_encoder(page, sentence: str) -> None:
    """The bidirectional encoder: each h_j is a left-to-right half and a right-to-left half."""
    t = page.t
    ui.header(page, t("rnn.encoder.header"), anchor="encoder")
    halves = encoder_halves(sentence)
    H = halves.forward.shape[1]
    st.write(t("rnn.encoder.body", h=H, d=2 * H))
    table = seq2seq.views.labelled(seq2seq.views.halves_frame(halves, HALF_DIMS), t, direction="rnn.encoder")
    ui.chart(
        page,
        strips_chart,
        table,
        "encoder_halves",
        row="word",
        row_title=t("rnn.align.source"),
        order=list(dict.fromkeys(table["word"])),
        split=True,
    )
    st.caption(t("rnn.encoder.caption", n=HALF_DIMS, h=H))


def show_gradients(page, sentence: str) -> None:
    """How strongly each English word still reaches the loss, with and without attention."""
    t = page.t
    ui.header(page, t("rnn.grad.header"), anchor="gradients", intro=t("rnn.grad.body"))
    st.latex(r"\left\lVert \frac{\partial\, \mathcal{L}}{\partial x_j} \right\rVert")
    names = ("plain", "attention")
    norms = {name: source_gradients(name, sentence) for name in names}
    tokens = {name: translate(name, sentence, None).source_tokens for name in names}
    table = seq2seq.views.labelled(seq2seq.views.gradient_frame(tokens, norms), t)
    ui.chart(page, gradient_chart, table, "source_gradients", models=[t(f"rnn.model.{n}") for n in names])
    spread = {name: float(norms[name].min() / max(norms[name].max(), 1e-12)) for name in names}
    st.caption(t("rnn.grad.caption", plain=spread["plain"], attention=spread["attention"]))
    # what these numbers support, in words: the body's "gradients shrink" is not true of every sentence
    ratio = spread["plain"] / max(spread["attention"], 1e-12)
    verdict = "plain_less_even" if ratio < 0.8 else "attention_less_even" if ratio > 1.25 else "alike"
    st.write(t(f"rnn.grad.verdict.{verdict}", plain=spread["plain"], attention=spread["attention"]))


def show_step_by_step(page, results, beam) -> None:
    """One French word at a time: where the attention decoder looked and what else it weighed."""
    t = page.t
    att = results["attention"]
    if not att.tokens:
        return
    ui.header(
        page,
        t("rnn.steps.header"),
        anchor="step_by_step",
        intro=t("rnn.steps.body_beam" if beam else "rnn.steps.body", k=BEAM),
    )
    n = len(att.tokens)
    if not 1 <= st.session_state.get("decode_step", 1) <= n:  # a shorter new sentence
        st.session_state["decode_step"] = 1
    i = (
        st.slider(t("rnn.steps.slider"), 1, n, key="decode_step", bind="query-params", persist_state="session")
        if n > 1
        else 1
    )
    step = att.steps[i - 1]
    st.markdown(t("rnn.steps.chosen", i=i, n=n, word=step.word, p=step.probability))
    weights = seq2seq.views.alignment_frame(att.source_tokens, att.tokens, att.attention)
    left, right = st.columns([3, 2])
    with left:
        ui.chart(page, step_bars_chart, weights[weights["target_pos"] == i - 1], "decoding_step")
    with right:
        st.caption(t("rnn.steps.candidates"))
        word, probability = t("rnn.steps.word"), t("rnn.steps.probability")
        st.dataframe(
            seq2seq.views.candidates_frame(step).rename(columns={"word": word, "probability": probability}),
            hide_index=True,
            column_config={probability: st.column_config.ProgressColumn(format="percent", min_value=0, max_value=1)},
        )


def show_translators(page, cards) -> None:
    """Tab 1: a sentence through all three translators, then inside them."""
    sentence, beam = choose_sentence(page, cards)
    results = {name: translate(name, sentence, beam) for name in MODEL_NAMES}
    if not show_translations(page, cards, results, sentence, beam):
        return
    show_alignment(page, results)
    show_bahdanau_qkv(page, sentence, results["attention"].tokens)
    if results["transformer"].tokens:
        show_self_attention(page, results["transformer"])
    show_bottleneck(page, results["plain"], sentence)
    show_encoder(page, sentence)
    show_gradients(page, sentence)
    show_step_by_step(page, results, beam)


# --------------------------------------------------------------------------- tab 2: scores


def show_scores(page, cards) -> None:
    """BLEU by length for the three, greedy and beam, from the cards; the papers for reference."""
    t = page.t
    ui.header(page, t("rnn.bleu.header"), anchor="scores")
    evaluation = cards["attention"]["evaluation"]
    st.write(t("rnn.bleu.body", test=evaluation["test_sentences"], k=BEAM))
    tables = card_tables(page.lang, page, cards)
    by_length, overall = tables["by_length"], tables["overall"]
    buckets = list(dict.fromkeys(by_length.sort_values("min_words")["bucket"]))
    ui.chart(page, bleu_chart, by_length, "bleu_by_length", buckets=buckets, models=tables["models"])
    columns = {
        "model_label": "rnn.bleu.model",
        "bleu": "rnn.bleu.greedy",
        "bleu_beam": "rnn.bleu.beam",
        "exact_match": "rnn.bleu.exact",
        "parameters": "rnn.bleu.params",
        "steps": "rnn.bleu.steps",
        "pairs_seen": "rnn.bleu.pairs",
        "minutes": "rnn.bleu.minutes",
        "seconds_per_step": "rnn.bleu.per_step",
    }
    st.dataframe(
        overall[list(columns)].rename(columns={k: t(v, k=BEAM) for k, v in columns.items()}),
        hide_index=True,
        column_config={t("rnn.bleu.exact"): st.column_config.NumberColumn(format="percent")},
    )
    st.info(t("rnn.bleu.note", longest=cards["attention"]["data"]["longest_train_english"]))
    st.caption(t("lecture.long_reference"))
    show_long_sentences(page, cards)
    st.subheader(t("rnn.bleu.paper"))
    paper = {
        "paper_model": t("rnn.bleu.paper_model"),
        "model_label": t("rnn.bleu.model"),
        "bleu": t("rnn.bleu.paper_bleu"),
        "ours": t("rnn.bleu.ours_bleu"),
    }
    st.dataframe(tables["paper"][list(paper)].rename(columns=paper), hide_index=True)
    st.caption(t("rnn.bleu.paper_caption"))
    st.caption(t("rnn.bleu.credit", pairs=cards["attention"]["data"]["pairs"], signature=evaluation["bleu_signature"]))
    show_setups(page, cards)


def show_long_sentences(page, cards) -> None:
    """The paper's long-sentence example (a labelled quotation) beside our translators' own
    behaviour on their longest sentences (BLEU, shortest bucket against longest, from the cards)."""
    t = page.t
    st.markdown(t("rnn.long.paper"))
    rows = {name: cards[name]["evaluation"]["bleu_by_length"] for name in MODEL_NAMES}
    first, last = rows["attention"][0], rows["attention"][-1]
    st.write(
        t(
            "rnn.long.ours",
            short=first["bucket"],
            long=last["bucket"],
            **{f"{n}_short": rows[n][0]["bleu"] for n in MODEL_NAMES},
            **{f"{n}_long": rows[n][-1]["bleu"] for n in MODEL_NAMES},
            **{f"{n}_drop": rows[n][-1]["bleu"] - rows[n][0]["bleu"] for n in MODEL_NAMES},
        )
    )


def show_setups(page, cards) -> None:
    """Bahdanau et al.'s set-up (published, a labelled reference) beside ours (from the cards)."""
    t = page.t
    st.subheader(t("rnn.setup.header"))
    att, data = cards["attention"], cards["attention"]["data"]
    ours = [
        t("rnn.setup.ours.data", pairs=data["pairs"], train=data["train_pairs"]),
        t("rnn.setup.ours.vocab", src=att["vocab"]["source"], tgt=att["vocab"]["target"], k=att["vocab"]["min_freq"]),
        t("rnn.setup.ours.hidden", h=att["config"]["hidden_size"], d=cards["transformer"]["config"]["d_model"]),
        t("rnn.setup.ours.batch", b=att["training"]["batch_size"]),
    ]
    facts = ["data", "vocab", "hidden", "batch"]
    st.dataframe(
        {
            t("rnn.setup.col.fact"): [t(f"rnn.setup.fact.{f}") for f in facts],
            t("rnn.setup.col.paper"): [t(f"rnn.setup.paper.{f}") for f in facts],
            t("rnn.setup.col.ours"): ours,
        },
        hide_index=True,
    )
    st.caption(t("rnn.setup.caption"))


def show_training(page, cards) -> None:
    """Loss against wall-clock time, from the cards."""
    t = page.t
    ui.header(page, t("rnn.training.header"), anchor="training")
    curves = card_tables(page.lang, page, cards)["curves"]
    ui.chart(
        page,
        curve_chart,
        curves,
        "loss_by_time",
        x="minutes",
        x_title=t("rnn.training.minutes"),
        y="loss",
        y_title=t("rnn.lab.loss"),
    )
    tr = {name: cards[name]["training"] for name in MODEL_NAMES}
    st.caption(
        t(
            "rnn.training.caption",
            **{f"{n}_s": tr[n]["wall_seconds"] / tr[n]["steps"] for n in tr},
            lstm_steps=tr["attention"]["steps"],
            steps=tr["transformer"]["steps"],
            smoothing=cards["transformer"]["config"]["label_smoothing"],
        )
    )


# --------------------------------------------------------------------------- tab 3: the lab


def record_caption(page, kind: str, live: bool, **values) -> None:
    """What the reader sees: the recorded run of `kind` (its machine, date and seconds, from the
    record), or, after a live run where a record exists, that this is the server's own run. In a
    lesson step the record is what the step's question read, and the live run is on the page."""
    about = recorded.about(kind)
    if about is None:
        return
    key = "rnn.record.live" if live else f"rnn.record.{kind}.lesson" if page.lesson else f"rnn.record.{kind}"
    st.caption(page.t(key, machine=about.machine, date=about.date, s=about.seconds, **values))


def show_lab(page) -> None:
    """The bottleneck lab: both LSTMs learn to reverse sequences, trained live (or, until then,
    the recorded run at the same settings)."""
    t, lab = page.t, seq2seq.lab
    hidden = ui.slider(page, "lab_hidden", t("rnn.lab.hidden"), 16, lab.MAX_HIDDEN, 64, step=16)
    longest = ui.slider(page, "lab_length", t("rnn.lab.max_length"), 8, lab.MAX_LENGTH, 30)
    steps = ui.slider(page, "lab_steps", t("rnn.lab.steps"), 100, lab.MAX_STEPS, lab.LabSettings().steps, step=100)
    task = ui.radio(
        page,
        "lab_task",
        t("rnn.lab.task"),
        list(lab.TASKS),
        "reverse",
        format_func=lambda k: t(f"rnn.lab.task.{k}"),
        horizontal=True,
    )
    settings = lab.LabSettings(task=task, max_length=longest, hidden_size=hidden, steps=steps).checked()
    ui.header(
        page, t("rnn.lab.header"), anchor="lab", intro=t("rnn.lab.body", lo=settings.min_length, hi=settings.max_length)
    )
    record = recorded.recorded_lab(settings)  # None unless these are the record's settings
    live = None
    if not (page.lesson and record is not None):  # a lesson's question reads the record: its step shows it
        live = ui.shared_job(
            page,
            ("lab", settings),
            t("rnn.lab.button"),
            t("rnn.lab.press"),
            lab.training_work(settings),
            runs=lab_jobs(),
            name="lab",
            busy="rnn.lab.busy",
            view=lambda job: lab_progress(page, job),
        )
    result = live if live is not None else record
    if result is None:
        return
    views = seq2seq.views
    if live is not None:
        st.success(t("rnn.lab.done", s=result.seconds, machine=result.machine))
    if record is not None:
        record_caption(page, "lab", live=live is not None)
    losses = views.labelled(views.loss_frame(result.losses, every=max(1, settings.steps // 200)), t)
    ui.chart(
        page, curve_chart, losses, "lab_loss", x="step", x_title=t("rnn.lab.step"), y="loss", y_title=t("rnn.lab.loss")
    )
    st.subheader(t("rnn.lab.accuracy"))
    accuracy = views.labelled(views.lab_accuracy_frame(result), t, metric="rnn.lab.metric")
    ui.chart(page, lab_accuracy_chart, accuracy, "lab_accuracy")
    exact = views.exact_at_longest(result)
    st.markdown(t("rnn.lab.summary", n=settings.max_length, p=exact["plain"], a=exact["attention"]))
    st.subheader(t("rnn.lab.alignment", n=len(result.example_source)))
    st.caption(t("rnn.lab.alignment_caption"))
    if len(result.example_output):
        grid = views.alignment_frame(result.example_source, result.example_output, result.example_alignment)
        ui.chart(
            page,
            attention_chart,
            grid,
            "lab_alignment",
            x_title=t("rnn.lab.input"),
            y_title=t("rnn.lab.output"),
            height=heatmap_height(len(result.example_output), 16),
            weight_title=t("rnn.align.weight"),
        )


def lab_progress(page, job) -> None:
    """The live loss curves of a lab run in progress (under its progress bar)."""
    t, losses = page.t, job.detail.get("losses")
    if not losses:
        return
    last = {row["model"]: row["loss"] for row in losses[-2:]}
    st.caption(t("rnn.lab.progress", step=job.detail["step"], total=job.detail["total"], **last))
    ui.chart(
        page,
        curve_chart,
        seq2seq.views.labelled(losses, t),
        "lab_live",
        download=False,
        x="step",
        x_title=t("rnn.lab.step"),
        y="loss",
        y_title=t("rnn.lab.loss"),
    )


# --------------------------------------------------------------------------- tab 4: the cost


def show_training_steps(page, cards) -> None:
    """One real training step of the attention LSTM and the Transformer, by target length."""
    t = page.t
    ui.header(page, t("rnn.cost.steps_header"), anchor="training_steps", intro=t("rnn.cost.steps_body", b=STEP_BATCH))
    left, right = st.columns([1, 2])
    with left:
        ui.chart(
            page,
            attention_chart,
            seq2seq.views.causal_mask_frame(6),
            "causal_mask",
            download=False,
            x_title=t("rnn.self.keys"),
            y_title=t("rnn.self.queries"),
            height=heatmap_height(6, 22),
            weight_title=t("rnn.align.weight"),
        )
        st.caption(t("rnn.cost.mask_caption"))
    with right:
        record = recorded.recorded_step_times(STEP_LENGTHS, STEP_BATCH, STEP_REPEATS)
        live = None
        if not (page.lesson and record is not None):  # a lesson's question reads the record: its step shows it
            work = seq2seq.lab.step_timing_work(
                {n: cards[n] for n in ("attention", "transformer")}, STEP_LENGTHS, STEP_BATCH, STEP_REPEATS
            )
            live = ui.shared_job(
                page,
                "step_timing",
                t("rnn.cost.steps_button"),
                t("rnn.cost.steps_press", lengths=", ".join(map(str, STEP_LENGTHS))),
                work,
                runs=lab_jobs(),
                name="time_steps",
                busy="rnn.lab.busy",
            )
        measured = live if live is not None else record
        if measured is None:
            return
        rows, machine = measured
        ui.chart(
            page,
            curve_chart,
            seq2seq.views.labelled(rows, t),
            "training_step_times",
            x="T",
            x_title=t("rnn.cost.target_T"),
            y="ms",
            y_title=t("rnn.cost.step_ms"),
            points=True,
        )
        if live is not None:
            st.caption(t("rnn.cost.machine", machine=machine, r=STEP_REPEATS))
        if record is not None:
            record_caption(page, "training_steps", live=live is not None, r=STEP_REPEATS)
    longest = max(row["T"] for row in rows)
    last = {row["model"]: row["ms"] for row in rows if row["T"] == longest}
    st.markdown(t("rnn.cost.steps_summary", T=longest, lstm=last["attention"], transformer=last["transformer"]))


def show_synthetic_timing(page) -> None:
    """One LSTM layer against one causal self-attention layer, forward only, by length."""
    t = page.t
    ui.header(page, t("rnn.cost.header"), anchor="synthetic_timing", intro=t("rnn.cost.body", d=TIMING_WIDTH))
    measured = ui.shared_job(
        page,
        "layer_timing",
        t("rnn.cost.button"),
        t("rnn.cost.press", lengths=", ".join(map(str, TIMING_LENGTHS))),
        seq2seq.lab.layer_timing_work(TIMING_LENGTHS, TIMING_WIDTH, TIMING_REPEATS),
        runs=lab_jobs(),
        name="time_layers",
        busy="rnn.lab.busy",
    )
    if measured is None:
        return
    rows, machine = measured
    st.caption(t("rnn.cost.machine", machine=machine, r=TIMING_REPEATS))
    lines, table = seq2seq.views.layer_timing_frames(rows)
    ui.chart(
        page,
        curve_chart,
        seq2seq.views.labelled(lines, t, model="rnn.cost"),
        "sequential_vs_parallel",
        x="T",
        x_title=t("rnn.cost.T"),
        y="ms",
        y_title=t("rnn.cost.ms"),
        log=True,
        points=True,
    )
    last = rows[-1]
    st.markdown(
        t(
            "rnn.cost.summary",
            T=last["T"],
            l=last["lstm_ms"],
            a=last["attention_ms"],
            kb=last["attention_matrix_bytes"] / 1024,
        )
    )
    st.dataframe(
        table.rename(
            columns={
                "T": t("rnn.cost.T"),
                "lstm_ms": t("rnn.cost.ms_of", what=t("rnn.cost.lstm")),
                "attention_ms": t("rnn.cost.ms_of", what=t("rnn.cost.attention")),
                "lstm_sequential_steps": t("rnn.cost.steps_lstm"),
                "attention_sequential_steps": t("rnn.cost.steps_attention"),
                "attention_matrix_kb": t("rnn.cost.bytes"),
            }
        ),
        hide_index=True,
    )
    st.caption(t("rnn.cost.note"))


# --------------------------------------------------------------------------- the page
