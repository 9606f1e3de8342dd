"""RNN vs attention — two LSTM translators (with and without Bahdanau attention), the
bottleneck lab, and the cost of being sequential."""

import threading
from collections import OrderedDict

import altair as alt
import pandas as pd
import streamlit as st

from core import ui
from core.seq2seq import MODEL_NAMES, load_card, load_pretrained
from core.seq2seq import lab, views
from core.seq2seq.evaluate import english_word_count

page = ui.setup_page("rnn.title", "🔁", needs_model=False)
t = page.t

LAB_RESULTS_KEPT = 32          # lab results kept per server (one per setting)
TIMING_LENGTHS = (16, 32, 64, 128, 256, 512, 1024)
TIMING_WIDTH, TIMING_REPEATS = 256, 7


@st.cache_resource(show_spinner=False)
def translators():
    return {name: load_pretrained(name) for name in MODEL_NAMES}


@st.cache_data(max_entries=256, show_spinner=False)
def translate(name: str, sentence: str):
    return translators()[name].translate(sentence)


@st.cache_resource(show_spinner=False)
def shared_store():
    """Shared by every visitor: finished lab runs and timings, one lab run at a time."""
    return {"lab": OrderedDict(), "timing": None, "lock": threading.Lock()}


def model_label(name: str) -> str:
    return t(f"rnn.model.{name}")


st.title(t("rnn.heading"))
st.write(t("rnn.intro"))

try:
    cards = {name: load_card(name) for name in MODEL_NAMES}
    models_ready = True
except FileNotFoundError:
    st.error(t("rnn.missing"))
    models_ready = False

tab_translate, tab_lab, tab_cost = st.tabs([t("rnn.tab.translate"), t("rnn.tab.lab"),
                                            t("rnn.tab.cost")])

# ================================================================== translate & align
with tab_translate:
    if models_ready:
        st.header(t("rnn.translate.header"))

        def use_suggestion(sentence: str) -> None:
            st.session_state["sentence"] = sentence

        sentence = ui.text_input(page, "sentence", t("rnn.translate.input"),
                                 t("rnn.translate.default"), max_chars=300)
        st.caption(t("rnn.translate.suggest"))
        with st.container(horizontal=True):
            for i, suggestion in enumerate(cards["attention"]["evaluation"].get("suggestions", [])[:10]):
                st.button(suggestion, key=f"suggestion_{i}", on_click=use_suggestion,
                          args=(suggestion,), type="tertiary")

        results = {name: translate(name, sentence) for name in MODEL_NAMES}
        att, plain = results["attention"], results["plain"]
        vocab = translators()["attention"].src_vocab
        max_train_words = max(r["max_words"] for r in cards["attention"]["evaluation"]["bleu_by_length"])

        if att.empty:
            st.info(t("rnn.translate.empty"))
        else:
            if att.truncated:
                st.warning(t("rnn.translate.truncated", n=len(att.source_tokens)))
            if att.all_unknown:
                st.warning(t("rnn.translate.all_unknown"))
            elif att.oov_words:
                st.warning(t("rnn.translate.oov", words=", ".join(dict.fromkeys(att.oov_words)),
                             n=len(vocab) - 4, k=cards["attention"]["vocab"]["min_freq"]))
            n_words = english_word_count(sentence)
            if n_words > max_train_words:
                st.info(t("rnn.translate.longer", n=n_words, m=max_train_words))

            left, right = st.columns(2)
            for column, name in ((left, "plain"), (right, "attention")):
                with column:
                    st.subheader(model_label(name))
                    st.markdown(f"### {results[name].french or t('rnn.translate.nothing')}")
            st.caption(t("rnn.translate.caption"))

            # ---------------------------------------------------------- alignment
            if att.tokens:
                st.header(t("rnn.align.header"))
                st.write(t("rnn.align.body"))
                align = views.alignment_frame(att.source_tokens, att.tokens, att.attention)
                heat = alt.Chart(align).mark_rect().encode(
                    x=alt.X("source:N", sort=list(dict.fromkeys(align["source"])),
                            title=t("rnn.align.source"), axis=alt.Axis(labelAngle=-40)),
                    y=alt.Y("target:N", sort=list(dict.fromkeys(align["target"])),
                            title=t("rnn.align.target")),
                    color=alt.Color("weight:Q", title=t("rnn.align.weight"),
                                    scale=alt.Scale(scheme="blues", domain=[0, 1])),
                    tooltip=[alt.Tooltip("target_word:N", title=t("rnn.align.target")),
                             alt.Tooltip("source_word:N", title=t("rnn.align.source")),
                             alt.Tooltip("weight:Q", title=t("rnn.align.weight"), format=".3f")],
                ).properties(height=max(160, 28 * len(att.tokens)))
                ui.chart(page, heat, align, "alignment")

            # ---------------------------------------------------------- bottleneck
            st.header(t("rnn.bottleneck.header"))
            st.write(t("rnn.bottleneck.body", d=plain.context.shape[0]))
            strip_sentences = [t("rnn.bottleneck.short"), t("rnn.bottleneck.long"), sentence]
            labels = [t("rnn.bottleneck.label", text=s if i < 2 else t("rnn.bottleneck.yours"),
                        n=english_word_count(s)) for i, s in enumerate(strip_sentences)]
            strips = views.context_frame({label: translate("plain", s).context
                                          for label, s in zip(labels, strip_sentences)})
            strip = alt.Chart(strips).mark_rect().encode(
                x=alt.X("dimension:O", title=t("rnn.bottleneck.dimension"),
                        axis=alt.Axis(labels=False, ticks=False)),
                y=alt.Y("sentence:N", sort=labels, title=None),
                color=alt.Color("value:Q", title=t("rnn.bottleneck.value"),
                                scale=alt.Scale(scheme="redblue", domain=[-1, 1])),
                tooltip=[alt.Tooltip("sentence:N", title=t("rnn.bottleneck.sentence")),
                         alt.Tooltip("dimension:O", title=t("rnn.bottleneck.dimension")),
                         alt.Tooltip("value:Q", title=t("rnn.bottleneck.value"), format=".3f")],
            ).properties(height=150)
            ui.chart(page, strip, strips, "context_vectors")

        # -------------------------------------------------------------- BLEU by length
        st.header(t("rnn.bleu.header"))
        evaluation = cards["attention"]["evaluation"]
        st.write(t("rnn.bleu.body", test=evaluation["test_sentences"]))
        by_length = views.bleu_by_length_frame(cards)
        by_length["model_label"] = by_length["model"].map(model_label)
        bars = alt.Chart(by_length).mark_bar().encode(
            x=alt.X("bucket:N", sort=list(dict.fromkeys(by_length.sort_values("min_words")["bucket"])),
                    title=t("rnn.bleu.length"), axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("model_label:N", sort=[model_label(m) for m in MODEL_NAMES]),
            y=alt.Y("bleu:Q", title=t("rnn.bleu.bleu")),
            color=alt.Color("model_label:N", title=t("rnn.bleu.model"),
                            sort=[model_label(m) for m in MODEL_NAMES]),
            tooltip=[alt.Tooltip("model_label:N", title=t("rnn.bleu.model")),
                     alt.Tooltip("bucket:N", title=t("rnn.bleu.length")),
                     alt.Tooltip("bleu:Q", title=t("rnn.bleu.bleu"), format=".1f"),
                     alt.Tooltip("sentences:Q", title=t("rnn.bleu.sentences"))],
        )
        ui.chart(page, bars, by_length, "bleu_by_length")
        overall = views.overall_frame(cards)
        overall["model"] = overall["model"].map(model_label)
        st.dataframe(overall.rename(columns={
            "model": t("rnn.bleu.model"), "bleu": t("rnn.bleu.bleu"),
            "exact_match": t("rnn.bleu.exact"), "test_sentences": t("rnn.bleu.sentences"),
            "parameters": t("rnn.bleu.params"), "steps": t("rnn.bleu.steps"),
            "minutes": t("rnn.bleu.minutes")}), hide_index=True,
            column_config={t("rnn.bleu.exact"): st.column_config.NumberColumn(format="percent")})
        st.info(t("rnn.bleu.note"))
        st.subheader(t("rnn.bleu.paper"))
        paper = views.paper_frame()
        paper["ours"] = paper["model"].map(lambda m: cards[m]["evaluation"]["bleu"])
        paper["model"] = paper["model"].map(model_label)
        st.dataframe(paper.rename(columns={
            "paper_model": t("rnn.bleu.paper_model"), "model": t("rnn.bleu.model"),
            "bleu": "BLEU (WMT'14)", "ours": f"BLEU — {t('rnn.bleu.ours')}"}), hide_index=True)
        st.caption(t("rnn.bleu.paper_caption"))
        st.caption(t("rnn.bleu.credit", pairs=cards["attention"]["data"]["pairs"],
                     signature=evaluation["bleu_signature"]))

        # -------------------------------------------------------------- step by step
        if not att.empty and att.tokens:
            st.header(t("rnn.steps.header"))
            st.write(t("rnn.steps.body"))
            n = len(att.tokens)
            if not 1 <= st.session_state.get("decode_step", 1) <= n:  # a shorter new sentence
                st.session_state["decode_step"] = 1
            i = st.slider(t("rnn.steps.slider"), 1, n, key="decode_step") if n > 1 else 1
            step = att.steps[i - 1]
            st.markdown(t("rnn.steps.chosen", i=i, n=n, word=step.word, p=step.probability))
            weights = views.alignment_frame(att.source_tokens, att.tokens, att.attention)
            weights = weights[weights["target_pos"] == i - 1]
            left, right = st.columns([3, 2])
            with left:
                look = alt.Chart(weights).mark_bar().encode(
                    x=alt.X("source:N", sort=list(weights["source"]), title=t("rnn.align.source"),
                            axis=alt.Axis(labelAngle=-40)),
                    y=alt.Y("weight:Q", title=t("rnn.align.weight"), scale=alt.Scale(domain=[0, 1])),
                    tooltip=[alt.Tooltip("source_word:N", title=t("rnn.align.source")),
                             alt.Tooltip("weight:Q", title=t("rnn.align.weight"), format=".3f")])
                ui.chart(page, look, weights, "decoding_step")
            with right:
                st.caption(t("rnn.steps.candidates"))
                st.dataframe(pd.DataFrame(step.candidates, columns=[t("rnn.steps.word"),
                                                                     t("rnn.steps.probability")]),
                             hide_index=True, column_config={t("rnn.steps.probability"):
                                                             st.column_config.ProgressColumn(
                                                                 format="percent", min_value=0,
                                                                 max_value=1)})

# ================================================================== bottleneck lab
with tab_lab:
    hidden = ui.slider(page, "lab_hidden", t("rnn.lab.hidden"), 16, lab.MAX_HIDDEN, 64, step=16)
    longest = ui.slider(page, "lab_length", t("rnn.lab.max_length"), 8, lab.MAX_LENGTH, 30)
    steps = ui.slider(page, "lab_steps", t("rnn.lab.steps"), 100, lab.MAX_STEPS, lab.LabSettings().steps, step=100)
    task = ui.radio(page, "lab_task", t("rnn.lab.task"), list(lab.TASKS), "reverse",
                    format_func=lambda k: t(f"rnn.lab.task.{k}"), horizontal=True)
    settings = lab.LabSettings(task=task, max_length=longest, hidden_size=hidden, steps=steps).checked()
    st.header(t("rnn.lab.header"))
    st.write(t("rnn.lab.body", lo=settings.min_length, hi=settings.max_length))

    store = shared_store()
    result = store["lab"].get(settings)
    if st.button(t("rnn.lab.button"), type="primary", disabled=result is not None):
        if not store["lock"].acquire(blocking=False):
            st.warning(t("rnn.lab.busy"))
        else:
            try:
                bar = st.progress(0.0)
                live = st.empty()
                seen = {"plain": [], "attention": []}

                def progress(step, total, losses):
                    for name, value in losses.items():
                        seen[name].append((step, value))
                    bar.progress(step / total, text=t("rnn.lab.progress", step=step, total=total,
                                                      **losses))
                    curves = pd.DataFrame([{"model": model_label(m), "step": s, "loss": v}
                                           for m, pts in seen.items() for s, v in pts])
                    live.altair_chart(alt.Chart(curves).mark_line().encode(
                        x=alt.X("step:Q", title=t("rnn.lab.step")),
                        y=alt.Y("loss:Q", title=t("rnn.lab.loss")),
                        color=alt.Color("model:N", title=t("rnn.bleu.model"))), width="stretch")

                result = lab.train_both(settings, progress=progress)
                store["lab"][settings] = result
                while len(store["lab"]) > LAB_RESULTS_KEPT:
                    store["lab"].popitem(last=False)
                bar.empty()
                live.empty()
            finally:
                store["lock"].release()

    if result is None:
        st.info(t("rnn.lab.press"))
    else:
        st.success(t("rnn.lab.done", s=result.seconds, machine=result.machine))
        losses = views.loss_frame(result.losses, every=max(1, settings.steps // 200))
        losses["model"] = losses["model"].map(model_label)
        ui.chart(page, alt.Chart(losses).mark_line().encode(
            x=alt.X("step:Q", title=t("rnn.lab.step")), y=alt.Y("loss:Q", title=t("rnn.lab.loss")),
            color=alt.Color("model:N", title=t("rnn.bleu.model"))), losses, "lab_loss")

        acc = views.lab_accuracy_frame(result)
        acc["model"] = acc["model"].map(model_label)
        acc["metric"] = acc["metric"].map(lambda m: t(f"rnn.lab.metric.{m}"))
        st.subheader(t("rnn.lab.accuracy"))
        ui.chart(page, alt.Chart(acc).mark_line(point=True).encode(
            x=alt.X("length:Q", title=t("rnn.lab.length")),
            y=alt.Y("accuracy:Q", title=t("rnn.lab.accuracy"), axis=alt.Axis(format="%"),
                    scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("model:N", title=t("rnn.bleu.model")),
            strokeDash=alt.StrokeDash("metric:N", title=t("rnn.lab.metric")),
            tooltip=[alt.Tooltip("model:N", title=t("rnn.bleu.model")),
                     alt.Tooltip("length:Q", title=t("rnn.lab.length")),
                     alt.Tooltip("metric:N", title=t("rnn.lab.metric")),
                     alt.Tooltip("accuracy:Q", title=t("rnn.lab.accuracy"), format=".1%")]),
            acc, "lab_accuracy")
        exact = pd.DataFrame(result.accuracy)
        exact = exact[exact["length"] == exact["length"].max()].set_index("model")["exact"]
        st.markdown(t("rnn.lab.summary", n=settings.max_length, p=exact["plain"], a=exact["attention"]))

        st.subheader(t("rnn.lab.alignment", n=len(result.example_source)))
        st.caption(t("rnn.lab.alignment_caption"))
        if len(result.example_output):
            grid = views.alignment_frame(result.example_source, result.example_output,
                                         result.example_alignment)
            ui.chart(page, alt.Chart(grid).mark_rect().encode(
                x=alt.X("source:N", sort=list(dict.fromkeys(grid["source"])), title=t("rnn.lab.input")),
                y=alt.Y("target:N", sort=list(dict.fromkeys(grid["target"])), title=t("rnn.lab.output")),
                color=alt.Color("weight:Q", title=t("rnn.align.weight"),
                                scale=alt.Scale(scheme="blues", domain=[0, 1])),
                tooltip=[alt.Tooltip("source:N", title=t("rnn.lab.input")),
                         alt.Tooltip("target:N", title=t("rnn.lab.output")),
                         alt.Tooltip("weight:Q", title=t("rnn.align.weight"), format=".3f")],
            ).properties(height=420), grid, "lab_alignment")

# ================================================================== sequential vs parallel
with tab_cost:
    st.header(t("rnn.cost.header"))
    st.write(t("rnn.cost.body", d=TIMING_WIDTH))
    store = shared_store()
    if st.button(t("rnn.cost.button")):
        if store["lock"].acquire(blocking=False):
            try:
                with st.spinner(t("rnn.cost.button")):
                    store["timing"] = (lab.sequential_vs_parallel(TIMING_LENGTHS, TIMING_WIDTH,
                                                                  TIMING_REPEATS),
                                       lab.machine_description())
            finally:
                store["lock"].release()
        else:
            st.warning(t("rnn.lab.busy"))
    if store["timing"] is None:
        st.info(t("rnn.cost.press", lengths=", ".join(map(str, TIMING_LENGTHS))))
    else:
        rows, machine = store["timing"]
        st.caption(t("rnn.cost.machine", machine=machine, r=TIMING_REPEATS))
        timing = pd.DataFrame(rows)
        long_form = timing.melt(id_vars=["T"], value_vars=["lstm_ms", "attention_ms"],
                                var_name="layer", value_name="ms")
        long_form["layer"] = long_form["layer"].map({"lstm_ms": t("rnn.cost.lstm"),
                                                     "attention_ms": t("rnn.cost.attention")})
        ui.chart(page, alt.Chart(long_form).mark_line(point=True).encode(
            x=alt.X("T:Q", title=t("rnn.cost.T"), scale=alt.Scale(type="log", base=2)),
            y=alt.Y("ms:Q", title=t("rnn.cost.ms"), scale=alt.Scale(type="log")),
            color=alt.Color("layer:N", title=t("rnn.cost.layer")),
            tooltip=[alt.Tooltip("layer:N", title=t("rnn.cost.layer")),
                     alt.Tooltip("T:Q", title=t("rnn.cost.T")),
                     alt.Tooltip("ms:Q", title=t("rnn.cost.ms"), format=".2f")]),
            long_form, "sequential_vs_parallel")
        last = rows[-1]
        st.markdown(t("rnn.cost.summary", T=last["T"], l=last["lstm_ms"], a=last["attention_ms"],
                      kb=last["attention_matrix_bytes"] / 1024))
        st.dataframe(timing.assign(attention_matrix_bytes=timing["attention_matrix_bytes"] / 1024)
                     .rename(columns={"T": t("rnn.cost.T"), "lstm_ms": t("rnn.cost.lstm") + " (ms)",
                                      "attention_ms": t("rnn.cost.attention") + " (ms)",
                                      "lstm_sequential_steps": t("rnn.cost.steps_lstm"),
                                      "attention_sequential_steps": t("rnn.cost.steps_attention"),
                                      "attention_matrix_bytes": t("rnn.cost.bytes")}),
                     hide_index=True)
        st.caption(t("rnn.cost.note"))
