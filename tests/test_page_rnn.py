"""The translation page through AppTest: three translators, cross- and self-attention, BLEU,
training, a tiny lab run, timing, Korean, hostile sentences.

The page is opened from Home.py (``switch_page``), the way the app runs: the shared sidebar
links pages relative to the entry script.
"""
import re

import pytest

from core import i18n
from core.seq2seq import MODEL_NAMES, lab, load_pretrained
from core.seq2seq.pretrained import CHECKPOINTS
from tests.helpers import chart_tables

PAGE = "pages/5_RNN_Attention_Transformer.py"
TINY_LAB = {"lab_steps": "100", "lab_hidden": "16", "lab_length": "8"}

pytestmark = pytest.mark.skipif(not (CHECKPOINTS / "attention" / "card.json").exists(),
                                reason="checkpoints not trained yet")


def open_page(app, **query):
    at = app("Home.py", timeout=180, **query)
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def texts(elements):
    return " ".join(e.value for e in elements)


def test_page_translates_and_shows_every_section(app):
    at = open_page(app, sentence="the black cat is sleeping")
    assert at.title[0].value == i18n.t("rnn.heading")
    headers = [h.value for h in at.header]
    for key in ("rnn.translate.header", "rnn.align.header", "rnn.self.header", "rnn.bottleneck.header",
                "rnn.encoder.header", "rnn.grad.header", "rnn.bleu.header", "rnn.training.header",
                "rnn.steps.header", "rnn.lab.header", "rnn.cost.steps_header", "rnn.cost.header"):
        assert i18n.t(key) in headers, key
    subheaders = [s.value for s in at.subheader]
    for name in MODEL_NAMES:
        assert i18n.t(f"rnn.model.{name}") in subheaders
    shown = [m.value for m in at.markdown]
    for name in MODEL_NAMES:  # each model's own translation of the sentence
        assert f"### {load_pretrained(name).translate('the black cat is sleeping').french}" in shown
    charts = at.get("vega_lite_chart")
    # alignment, cross-attention, two self-attentions, context strip, encoder halves, gradients,
    # decoding step, BLEU by length, loss against time, the causal mask
    assert len(charts) >= 11


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


def test_tiny_lab_run_and_timing(app):
    at = open_page(app, **TINY_LAB)
    assert i18n.t("rnn.lab.press") in texts(at.info)
    train = next(b for b in at.button if b.label == i18n.t("rnn.lab.button"))
    train.click().run(timeout=180)
    assert not at.exception, [e.message for e in at.exception]
    done = re.escape(i18n.t("rnn.lab.done", s=0, machine=lab.machine_description(threads=1))).replace("0", r"\d+", 1)
    assert at.success and re.fullmatch(done, at.success[0].value), at.success[0].value
    assert i18n.t("rnn.lab.accuracy") in [s.value for s in at.subheader]
    measure = next(b for b in at.button if b.label == i18n.t("rnn.cost.button"))
    measure.click().run(timeout=180)
    assert not at.exception
    assert lab.machine_description().split(";")[0] in texts(at.caption)
    at.button(key="time_steps").click().run(timeout=300)
    assert not at.exception, [e.message for e in at.exception]
    steps = next(tab for tab in chart_tables(at) if "sequential_decoder_steps" in tab)
    assert set(steps["model"]) == {"attention", "transformer"} and (steps["ms"] > 0).all()
    lstm = steps[steps["model"] == "attention"]
    assert list(lstm["T"]) == [4, 8, 16, 32] and list(lstm["sequential_decoder_steps"]) == [4, 8, 16, 32]
    assert set(steps[steps["model"] == "transformer"]["sequential_decoder_steps"]) == {1}


def test_korean_page(app):
    at = open_page(app, lang="ko")
    assert at.title[0].value == i18n.t("rnn.heading", "ko")
    assert i18n.t("rnn.bleu.header", "ko") in [h.value for h in at.header]


def test_catalog_has_every_key_in_both_languages():
    from core.strings import rnn
    assert rnn.EN.keys() == rnn.KO.keys()
    assert all(v.strip() for v in rnn.KO.values())
