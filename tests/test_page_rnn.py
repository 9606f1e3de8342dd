"""The translation page through AppTest: three translators, cross- and self-attention, BLEU,
training, a tiny lab run, timing, Korean, hostile sentences.

The page is opened from Home.py (``switch_page``), the way the app runs: the shared sidebar
links pages relative to the entry script. Its tabs are lazy — only the open one runs — so a
test opens the tab it looks at (``open_tab``, or ?tab=<label> in the URL).
"""

import re
import time

import numpy as np
import pytest

from core import i18n
from core.seq2seq import EQUAL_DATA, MODEL_NAMES, anatomy, lab, load_card, load_pretrained
from core.seq2seq.pretrained import CHECKPOINTS
from tests.helpers import chart_tables, named_chart_tables

PAGE = "pages/5_RNN_Attention_Transformer.py"
TINY_LAB = {"lab_steps": "100", "lab_hidden": "16", "lab_length": "8"}
SENTENCE = "the black cat is sleeping"

pytestmark = pytest.mark.skipif(
    not (CHECKPOINTS / "attention" / "card.json").exists(), reason="checkpoints not trained yet"
)


def open_page(app, **query):
    at = app("Home.py", timeout=180, **query)
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def open_tab(at, key: str, lang: str = "en"):
    """Open the tab labelled by catalog key `key` (as a click on it does) and rerun."""
    at.session_state["tab"] = i18n.t(key, lang)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def texts(elements):
    return " ".join(e.value for e in elements)


def headers(at) -> list[str]:
    return [h.value for h in at.header]


def grid(table, column: str = "weight") -> np.ndarray:
    """An attention chart's long table back to its [target, source] matrix."""
    T, S = table["target_pos"].max() + 1, table["source_pos"].max() + 1
    return table.sort_values(["target_pos", "source_pos"])[column].to_numpy().reshape(T, S)


def words(table, side: str) -> list[str]:
    return list(table.sort_values(f"{side}_pos").drop_duplicates(f"{side}_pos")[f"{side}_word"])


def test_page_translates_and_shows_every_section(app):
    at = open_page(app, sentence=SENTENCE)
    assert at.title[0].value == i18n.t("rnn.heading")
    for key in (
        "rnn.translate.header",
        "rnn.align.header",
        "rnn.self.header",
        "rnn.bottleneck.header",
        "rnn.encoder.header",
        "rnn.grad.header",
        "rnn.steps.header",
    ):
        assert i18n.t(key) in headers(at), key
    assert i18n.t("rnn.bleu.header") not in headers(at)  # the other tabs do not run
    subheaders = [s.value for s in at.subheader]
    for name in MODEL_NAMES:
        assert i18n.t(f"rnn.model.{name}") in subheaders
    shown = [m.value for m in at.markdown]
    for name in MODEL_NAMES:  # each model's own translation of the sentence
        assert f"### {load_pretrained(name).translate(SENTENCE).french}" in shown
    for tab, keys in (
        ("rnn.tab.scores", ("rnn.bleu.header", "rnn.training.header")),
        ("rnn.tab.lab", ("rnn.lab.header",)),
        ("rnn.tab.cost", ("rnn.cost.steps_header", "rnn.cost.header")),
    ):
        open_tab(at, tab)
        assert all(i18n.t(key) in headers(at) for key in keys), tab
        assert i18n.t("rnn.translate.header") not in headers(at)


def test_translation_charts_draw_the_translators_own_numbers(app):
    at = open_page(app, sentence=SENTENCE)
    charts = named_chart_tables(at)
    assert list(charts) == [
        "alignment",
        "cross_attention",
        "additive_scores",
        "dot_scores",
        "encoder_self_attention",
        "decoder_self_attention",
        "context_vectors",
        "encoder_halves",
        "source_gradients",
        "decoding_step",
    ]
    plain, att, tr = (load_pretrained(name) for name in MODEL_NAMES)
    a, b = att.translate(SENTENCE), tr.translate(SENTENCE)
    # Bahdanau's alignment: the attention LSTM's words and weights
    assert words(charts["alignment"], "source") == a.source_tokens
    assert words(charts["alignment"], "target") == a.tokens
    np.testing.assert_allclose(grid(charts["alignment"]), a.attention, atol=1e-6)
    # the Transformer's cross-attention, last layer averaged over heads (the defaults)
    assert words(charts["cross_attention"], "target") == b.tokens
    np.testing.assert_allclose(grid(charts["cross_attention"]), b.attention, atol=1e-6)
    # the two scores before the softmax, for the attention LSTM's words: its softmax is the LSTM's α
    scores = grid(charts["additive_scores"])
    e = np.exp(scores - scores.max(1, keepdims=True))
    np.testing.assert_allclose(e / e.sum(1, keepdims=True), a.attention, atol=1e-5)
    assert words(charts["dot_scores"], "target") == a.tokens
    # its self-attentions, layer 0 head 0; the decoder's masked above the diagonal
    np.testing.assert_allclose(grid(charts["encoder_self_attention"]), b.encoder_attention[0, 0], atol=1e-6)
    decoder = charts["decoder_self_attention"]
    assert words(decoder, "source") == ["<sos>", *b.tokens[:-1]]
    np.testing.assert_allclose(grid(decoder), b.decoder_attention[0, 0], atol=1e-6)
    assert (grid(decoder, "masked") == ~np.tri(len(b.tokens), dtype=bool)).all()
    # the plain model's context vector for the sentence typed (the third strip)
    strips = charts["context_vectors"]
    assert strips["sentence"].nunique() == 3
    yours = strips[strips["sentence"] == strips["sentence"].unique()[2]]
    np.testing.assert_allclose(yours["value"], plain.translate(SENTENCE).context, atol=1e-6)
    # the encoder's two directions, the first 32 numbers of each
    halves, expected = charts["encoder_halves"], anatomy.encoder_halves(att, SENTENCE)
    for direction, states in (("forward", expected.forward), ("backward", expected.backward)):
        cells = halves[halves["direction"] == direction].sort_values(["position", "dimension"])
        np.testing.assert_allclose(
            cells["value"].to_numpy().reshape(len(a.source_tokens), 32), states[:, :32], atol=1e-6
        )
    # gradient norms of both LSTMs, word by word
    gradients = charts["source_gradients"]
    for name, model in (("plain", plain), ("attention", att)):
        rows = gradients[gradients["model"] == name].sort_values("position")
        np.testing.assert_allclose(rows["norm"], anatomy.source_gradients(model, SENTENCE), rtol=1e-4)
    # the first decoding step: where the attention decoder looked for its first word
    step = charts["decoding_step"].sort_values("source_pos")
    assert set(step["target_pos"]) == {0}
    np.testing.assert_allclose(step["weight"], a.attention[0], atol=1e-6)


def test_score_charts_draw_the_cards_and_the_cost_tab_the_causal_mask(app):
    at = open_tab(open_page(app), "rnn.tab.scores")
    charts = named_chart_tables(at)
    assert list(charts) == ["bleu_by_length", "loss_by_time"]
    cards = {name: load_card(name) for name in (*MODEL_NAMES, EQUAL_DATA)}
    expected = sorted(
        (name, decoding, row["bucket"], row["bleu"])
        for name, card in cards.items()
        for decoding, section in (("greedy", "evaluation"), ("beam", "evaluation_beam"))
        for row in card[section]["bleu_by_length"]
    )
    drawn = charts["bleu_by_length"]
    assert sorted(zip(drawn["model"], drawn["decoding"], drawn["bucket"], drawn["bleu"])) == expected
    losses = charts["loss_by_time"]
    assert set(losses["model"]) == set(MODEL_NAMES)
    for name in MODEL_NAMES:
        assert list(losses[losses["model"] == name]["loss"]) == cards[name]["training"]["loss_curve"]
    open_tab(at, "rnn.tab.cost")
    (mask,) = chart_tables(at)[:1]  # the causal mask first (then the recorded timing, tested below)
    assert (grid(mask, "masked") == ~np.tri(6, dtype=bool)).all()
    np.testing.assert_allclose(grid(mask).sum(axis=1), 1.0)


def test_the_open_tab_is_in_the_url_in_either_language(app):
    at = open_page(app, tab=i18n.t("rnn.tab.scores"))
    assert i18n.t("rnn.bleu.header") in headers(at)
    at.sidebar.radio(key="lang").set_value("ko").run()  # a language switch keeps the tab
    assert not at.exception, [e.message for e in at.exception]
    assert i18n.t("rnn.bleu.header", "ko") in headers(at)
    at = open_page(app, lang="en", tab=i18n.t("rnn.tab.lab", "ko"))  # a Korean link, read in English
    assert i18n.t("rnn.lab.header") in headers(at)


def test_example_button_beam_search_and_cross_attention_picks(app):
    at = open_page(app, cross_layer="0", cross_head="1")
    at.button(key="example").click().run()
    assert at.text_input(key="sentence").value == "I love you."
    at.radio(key="decoding").set_value("beam").run()
    assert not at.exception
    assert i18n.t("rnn.translate.caption_beam", k=5) in texts(at.caption)
    beam = load_pretrained("transformer").translate("I love you.", beam=5)
    assert f"### {beam.french}" in [m.value for m in at.markdown]
    assert at.selectbox(key="cross_layer").value == 0 and at.selectbox(key="cross_head").value == 1


def test_unknown_empty_and_hostile_sentences_get_messages(app):
    at = open_page(app)
    box = lambda: at.text_input(key="sentence")  # noqa: E731 — fetched anew after every run
    box().set_value("I like zyzzyvas").run()
    assert not at.exception and "zyzzyvas" in texts(at.warning)
    box().set_value("").run()
    assert not at.exception and i18n.t("rnn.translate.empty") in texts(at.info)
    for text in ["😀" * 100, "안녕하세요 트랜스포머", "word " * 60, "\x00\u202e", "<script>"]:
        box().set_value(text).run()
        assert not at.exception, text
    box().set_value("word " * 60).run()
    assert i18n.t("rnn.translate.truncated", n=40) in texts(at.warning)


def test_suggestion_buttons_fill_the_sentence(app):
    at = open_page(app)
    first = next(b for b in at.button if b.key == "suggestion_0")
    first.click().run()
    assert at.text_input(key="sentence").value == first.label


def test_the_lab_and_cost_tabs_show_the_recorded_runs_before_anything_is_pressed(app):
    """Nothing run on this server yet: the lab tab at the lesson's settings (the sliders' defaults)
    draws the recorded run's charts, the cost tab the recorded step timing, each captioned from its
    record (machine, date, seconds); other lab settings show no record, only the button."""
    import json

    from core.seq2seq.records import FILES
    from core.ui.sections.translation import lab_jobs

    lab_jobs.clear()  # no live run left by another test in this process
    record = json.loads(FILES["lab"].read_text(encoding="utf-8"))
    at = open_tab(open_page(app), "rnn.tab.lab")
    assert not at.success  # nothing trained here
    caption = i18n.t("rnn.record.lab", machine=record["machine"], date=record["date"], s=record["seconds"])
    assert caption in texts(at.caption) and i18n.t("rnn.lab.press") in texts(at.caption)
    charts = named_chart_tables(at)
    assert list(charts) == ["lab_loss", "lab_accuracy", "lab_alignment"]
    drawn = charts["lab_accuracy"]
    exact = drawn[drawn["metric"] == "exact"]
    assert sorted(zip(exact["model"], exact["length"], exact["accuracy"])) == sorted(
        (r["model"], r["length"], r["exact"]) for r in record["accuracy"]
    )
    np.testing.assert_allclose(grid(charts["lab_alignment"]), record["example_alignment"], atol=1e-6)
    longest = record["settings"]["max_length"]
    at_longest = {r["model"]: r["exact"] for r in record["accuracy"] if r["length"] == longest}
    assert i18n.t("rnn.lab.summary", n=longest, p=at_longest["plain"], a=at_longest["attention"]) in [
        m.value for m in at.markdown
    ]
    at.slider(key="lab_steps").set_value(record["settings"]["steps"] + 100).run()  # other settings: no record
    assert not at.exception and not named_chart_tables(at) and caption not in texts(at.caption)
    steps = json.loads(FILES["training_steps"].read_text(encoding="utf-8"))
    ko = open_page(app, lang="ko", tab=i18n.t("rnn.tab.cost", "ko"))
    drawn = named_chart_tables(ko)["training_step_times"]
    assert sorted(zip(drawn["T"], drawn["ms"])) == sorted((r["T"], r["ms"]) for r in steps["rows"])
    assert set(drawn["model"]) == {"attention", "transformer"}
    assert set(drawn["model_label"]) == {i18n.t(f"rnn.model.{m}", "ko") for m in ("attention", "transformer")}
    caption = i18n.t(
        "rnn.record.training_steps", "ko", machine=steps["machine"], date=steps["date"], s=steps["seconds"], r=2
    )
    assert caption in texts(ko.caption)


def test_tiny_lab_run_and_timing(app):
    at = open_tab(open_page(app, **TINY_LAB), "rnn.tab.lab")
    assert i18n.t("rnn.lab.press") in texts(at.caption)
    train = next(b for b in at.button if b.label == i18n.t("rnn.lab.button"))
    train.click().run()
    assert not at.exception, [e.message for e in at.exception]
    deadline = time.monotonic() + 180
    while not at.success and time.monotonic() < deadline:  # it trains in the background; the page follows
        time.sleep(0.5)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
    done = re.escape(i18n.t("rnn.lab.done", s=0, machine=lab.machine_description(threads=1))).replace("0", r"\d+", 1)
    assert at.success and re.fullmatch(done, at.success[0].value), at.success[0].value
    assert i18n.t("rnn.lab.accuracy") in [s.value for s in at.subheader]
    charts = named_chart_tables(at)
    assert list(charts) == ["lab_loss", "lab_accuracy", "lab_alignment"]
    accuracy = charts["lab_accuracy"]
    assert set(accuracy["model"]) == {"plain", "attention"} and set(accuracy["length"]) == set(range(3, 9))
    assert accuracy["accuracy"].between(0, 1).all()
    # whole sequences right (exact) against symbols right (per_token), by their definitions: a
    # share of the held-out sequences (k of `sequences`), never above the share of symbols, and
    # below it wherever some sequence is partly right
    wide = accuracy.pivot_table(index=["model", "length", "sequences"], columns="metric", values="accuracy")
    right = wide["exact"] * wide.index.get_level_values("sequences")
    np.testing.assert_allclose(right, right.round(), atol=1e-9)
    assert (wide["exact"] <= wide["per_token"] + 1e-12).all()
    assert (wide["exact"] < wide["per_token"] - 1e-6).any()
    open_tab(at, "rnn.tab.cost")
    measure = next(b for b in at.button if b.label == i18n.t("rnn.cost.button"))
    measure.click().run(timeout=180)
    assert not at.exception
    assert lab.machine_description().split(";")[0] in texts(at.caption)
    at.button(key="start_time_steps").click().run(timeout=300)
    assert not at.exception, [e.message for e in at.exception]
    from core.seq2seq.records import about

    record = about("training_steps")  # the live timing in place of the recorded one, and said so
    assert i18n.t("rnn.record.live", machine=record.machine, date=record.date) in texts(at.caption)
    steps = next(tab for tab in chart_tables(at) if "sequential_decoder_steps" in tab)
    assert set(steps["model"]) == {"attention", "transformer"} and (steps["ms"] > 0).all()
    lstm = steps[steps["model"] == "attention"]
    assert list(lstm["T"]) == [4, 8, 16, 32] and list(lstm["sequential_decoder_steps"]) == [4, 8, 16, 32]
    assert set(steps[steps["model"] == "transformer"]["sequential_decoder_steps"]) == {1}


def test_korean_page(app):
    at = open_page(app, lang="ko", tab=i18n.t("rnn.tab.scores", "ko"))
    assert at.title[0].value == i18n.t("rnn.heading", "ko")
    assert i18n.t("rnn.bleu.header", "ko") in headers(at)


def test_catalog_has_every_key_in_both_languages():
    from core.strings import rnn

    assert rnn.EN.keys() == rnn.KO.keys()
    assert all(v.strip() for v in rnn.KO.values())


def test_predict_first_asks_which_translator_is_right_then_where_the_decoder_looks(app):
    """With Predict first on, a held-out button's sentence first asks which translator gets it
    exactly right (the buttons and the references are one list: the answer is the held-out
    evaluation's exact match), then which English word the attention decoder weighs most for a
    French word (the answer from its own alignment)."""
    from core.seq2seq import held_out_examples
    from core.seq2seq.data import tokenize_french

    def right(sentence, references) -> list[str]:  # the held-out evaluation's exact match, per translator
        refs = {" ".join(tokenize_french(r)) for r in references}
        return [n for n in MODEL_NAMES if " ".join(load_pretrained(n).translate(sentence).tokens) in refs]

    examples = held_out_examples()
    at = open_page(app)
    labels = [b.label for b in at.button if (b.key or "").startswith("suggestion_")]
    assert labels == [e for e, _ in examples]  # the buttons are the examples, all of them
    index = next(i for i, (e, refs) in enumerate(examples) if len(right(e, refs)) == 1)
    sentence, refs = examples[index]
    at.sidebar.toggle(key="predict").set_value(True).run()
    next(b for b in at.button if b.key == f"suggestion_{index}").click().run()
    assert at.text_input(key="sentence").value == sentence
    picks = [b for b in at.button if (b.key or "").startswith("pick_")]
    assert 3 <= len(picks) <= 5, [c.value for c in at.caption]  # asked, not "no reference translation"
    assert not any(h.value == i18n.t("rnn.align.header") for h in at.header)  # stopped at the question
    answer = i18n.t(f"quiz.option.translator.{right(sentence, refs)[0]}")
    next(b for b in picks if answer in b.label).click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert answer in " ".join(m.value for m in at.success)
    # the page goes on: past the translations to the alignment, where the next question is asked
    assert i18n.t("rnn.align.header") in [h.value for h in at.header]
    assert any((b.key or "").startswith("pick_") for b in at.button)


def test_the_scores_tab_sets_the_papers_long_sentence_and_set_up_beside_ours(app):
    """The paper's long sentence (quoted) and set-up (348 M words, 30,000-word vocabularies,
    1,000 hidden units, minibatches of 80), labelled, beside our cards' own numbers."""
    at = open_tab(open_page(app), "rnn.tab.scores")
    cards = {name: load_card(name) for name in MODEL_NAMES}
    rows = {n: cards[n]["evaluation"]["bleu_by_length"] for n in MODEL_NAMES}
    ours = i18n.t(
        "rnn.long.ours",
        short=rows["attention"][0]["bucket"],
        long=rows["attention"][-1]["bucket"],
        **{f"{n}_short": rows[n][0]["bleu"] for n in MODEL_NAMES},
        **{f"{n}_long": rows[n][-1]["bleu"] for n in MODEL_NAMES},
        **{f"{n}_drop": rows[n][-1]["bleu"] - rows[n][0]["bleu"] for n in MODEL_NAMES},
    )
    shown = [m.value for m in at.markdown]
    assert ours in shown and i18n.t("rnn.long.paper") in shown
    table = next(d.value for d in at.dataframe if i18n.t("rnn.setup.col.paper") in d.value.columns)
    paper = " ".join(table[i18n.t("rnn.setup.col.paper")])
    for fact in ("348 M", "30,000", "1,000", "80"):
        assert fact in paper
    mine = list(table[i18n.t("rnn.setup.col.ours")])
    assert f"{cards['attention']['data']['pairs']:,}" in mine[0]
    assert str(cards["attention"]["training"]["batch_size"]) in mine[3]


def test_the_gradient_sentence_says_what_the_default_sentences_numbers_show(app):
    """The section's words follow its numbers (the default sentence: the attention model's
    gradients were the less even, against the body's expectation): the verdict is computed."""
    at = open_page(app)
    sentence = at.text_input(key="sentence").value
    spread = {}
    for name in ("plain", "attention"):
        g = anatomy.source_gradients(load_pretrained(name), sentence)
        spread[name] = float(g.min() / g.max())
    ratio = spread["plain"] / spread["attention"]
    verdict = "plain_less_even" if ratio < 0.8 else "attention_less_even" if ratio > 1.25 else "alike"
    assert i18n.t(f"rnn.grad.verdict.{verdict}", **spread) in [m.value for m in at.markdown]
