"""The RNN vs attention page through AppTest: translation, alignment, BLEU, a tiny lab run,
timing, Korean, hostile sentences.

The page is opened from Home.py (``switch_page``), the way the app runs: the shared sidebar
links pages relative to the entry script.
"""
import pytest

from core import i18n
from core.seq2seq import lab
from core.seq2seq.translator import CHECKPOINTS

PAGE = "pages/4_RNN_vs_Attention.py"
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
    for key in ("rnn.translate.header", "rnn.align.header", "rnn.bottleneck.header",
                "rnn.bleu.header", "rnn.steps.header", "rnn.lab.header", "rnn.cost.header"):
        assert i18n.t(key) in headers, key
    subheaders = [s.value for s in at.subheader]
    assert i18n.t("rnn.model.plain") in subheaders and i18n.t("rnn.model.attention") in subheaders
    charts = at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert len(charts) >= 4  # alignment, context strip, BLEU by length, decoding step


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
    assert at.success and "s on" in at.success[0].value
    assert i18n.t("rnn.lab.accuracy") in [s.value for s in at.subheader]
    measure = next(b for b in at.button if b.label == i18n.t("rnn.cost.button"))
    measure.click().run(timeout=180)
    assert not at.exception
    assert lab.machine_description().split(";")[0] in texts(at.caption)


def test_korean_page(app):
    at = open_page(app, lang="ko")
    assert at.title[0].value == i18n.t("rnn.heading", "ko")
    assert i18n.t("rnn.bleu.header", "ko") in [h.value for h in at.header]


def test_catalog_has_every_key_in_both_languages():
    from core.strings import rnn
    assert rnn.EN.keys() == rnn.KO.keys()
    assert all(v.strip() for v in rnn.KO.values())
