"""Hostile input on every page: ≥ 300 generated cases per page through AppTest — empty and
whitespace prompts, 5,000 characters, emoji, Korean, RTL, control characters, words in no
vocabulary, slider extremes, tampered URL parameters. Zero uncaught exceptions.

What each page holds is written down below (its text boxes, its sliders, what it says to an
empty prompt), so a page that loses a box or a slider, or stops saying why it shows nothing,
fails here instead of being skipped."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from core import i18n
from tests.helpers import bound_tabs, url_widget_keys

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["Home.py"] + sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))

# The keys of each page's text boxes (text_input and text_area), on the tiny model's defaults.
# A page without one is listed with [].
TEXT_BOXES = {
    "Home.py": ["prompt"],
    "pages/0_Lessons.py": [],  # the lesson picker (a step's boxes: tests/test_lessons_page.py)
    "pages/1_Embeddings.py": ["text", "words", "probe", "word", "ko", "en", "fr", "sentences"],
    "pages/2_Positional_Encoding.py": ["a", "b", "order_a", "order_b"],
    "pages/3_Attention.py": ["text", "target"],
    "pages/4_Transformer_Block.py": ["text", "clean", "corrupt"],
    "pages/5_RNN_Attention_Transformer.py": ["sentence"],
    "pages/6_Sampling.py": ["text"],
    "pages/7_Class.py": ["class"],
}
# The keys of each page's sliders, on the tiny model's defaults, tab by tab where the page has
# lazy tabs (only the open one runs). A page without one: [].
SLIDERS = {
    "Home.py": [],
    "pages/0_Lessons.py": [],
    "pages/1_Embeddings.py": ["dims", "k"],
    "pages/2_Positional_Encoding.py": ["n", "d", "rows", "cols", "m", "k"],
    "pages/3_Attention.py": [],
    "pages/4_Transformer_Block.py": [],
    "pages/5_RNN_Attention_Transformer.py": ["decode_step", "lab_hidden", "lab_length", "lab_steps"],
    "pages/6_Sampling.py": ["temp", "topk", "topp", "bars", "seed", "n", "seed2", "samples", "lensk"],
    "pages/7_Class.py": [],
}
# What a page says (st.info, in English) when every text box holds only whitespace: the
# catalog keys, one entry per message shown.
EMPTY_MESSAGES = {
    "Home.py": ["prompt.empty"],
    "pages/0_Lessons.py": [],
    "pages/1_Embeddings.py": [
        "prompt.empty",
        "embeddings.korean_need",
        "embeddings.need_two",
        "embeddings.probe_empty",
        "embeddings.need_three",
        "embeddings.target_empty",
    ],
    "pages/2_Positional_Encoding.py": ["prompt.empty", "prompt.empty"],  # one per sentence
    "pages/3_Attention.py": ["prompt.empty"],
    "pages/4_Transformer_Block.py": ["prompt.empty"],
    "pages/5_RNN_Attention_Transformer.py": ["rnn.translate.empty"],
    "pages/6_Sampling.py": ["prompt.empty"],
    "pages/7_Class.py": ["class.enter_code"],
}

# URL parameters a page reads that no widget holds
URL_ONLY = {"pages/0_Lessons.py": {"lesson", "step"}}

TEXT_CASES = 240  # + URL_CASES = 300 per page (plus the slider extremes)
URL_CASES = 60

# No Hypothesis health check is suppressed: none fires here. (too_slow and data_too_large
# time and size the generated data, which is small and quick to draw, not the page runs;
# function_scoped_fixture does not apply, the tests take no function-scoped fixture.)

NASTY = [
    "",
    " ",
    "\n\t  \n",
    "a" * 5000,
    "😀" * 300,
    "👩‍👩‍👧‍👦🏳️‍🌈",
    "안녕하세요 트랜스포머",
    "트랜스포머는 어텐션만으로 충분합니다",
    "مرحبا بالعالم",
    "שלום עולם",
    "\u202e\u200f\u200b",
    "\x00\x01\x07\x1b[31m",
    "zzxqvbnmptkwq",
    "<script>alert(1)</script>",
    "{lang} {0} %s %n",
    "' OR 1=1 --",
    "../../../../etc/passwd",
    "NaN",
    "-1",
    "1e309",
    "\\x00",
]

hostile_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=300),  # any unicode, control characters included
    st.text(alphabet=st.characters(whitelist_categories=["Lo", "So", "Cc", "Zs"]), max_size=80),
    st.builds(lambda s, n: s * n, st.sampled_from(["word ", "😀", "가", "x"]), st.integers(1, 2500)),
)
hostile_param = st.one_of(
    st.sampled_from(
        NASTY + ["99", "-99", "abc", "0.5", "1e9", "inf", "nan", "true", "gpt5", "smollm2-135m", "ko", "en", "xx"]
    ),
    st.integers(-(10**6), 10**6).map(str),
    st.text(max_size=40),
)

_apps: dict[str, AppTest] = {}
_keys: dict[str, list[str]] = {}


@pytest.fixture(scope="module", autouse=True)
def tiny_model_for_pages(tiny_dirs):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TRANSFORMER_ANATOMY_MODEL", str(tiny_dirs["gpt2"]))
        yield
    _apps.clear()
    _keys.clear()


def test_every_page_is_described():
    assert set(TEXT_BOXES) == set(SLIDERS) == set(EMPTY_MESSAGES) == set(PAGES)


def fresh_app(page: str) -> AppTest:
    """The page run once from a fresh session, without an exception."""
    at = AppTest.from_file(str(ROOT / page), default_timeout=120)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def app_for(page: str) -> AppTest:
    """One AppTest per page for the text examples, reused across them (each reruns it)."""
    if page not in _apps:
        _apps[page] = fresh_app(page)
    return _apps[page]


def each_tab(at: AppTest):
    """Yield with each lazy tab open in turn (a page without them: once, as it is); the
    first tab is open again afterwards."""
    tabs = bound_tabs(at)
    if tabs is None:
        yield None
        return
    key, labels = tabs

    def open_tab(label: str) -> None:
        at.session_state[key] = label
        at.run()
        assert_no_exception(at, label)

    for label in labels:
        open_tab(label)
        yield label
    open_tab(labels[0])


def text_widgets(at: AppTest):
    return list(at.text_input) + list(at.text_area)


def assert_no_exception(at: AppTest, case) -> None:
    assert not at.exception, (repr(case)[:200], [e.message for e in at.exception])


def assert_leading_boxes(page: str, boxes, why) -> None:
    keys = [box.key for box in boxes]
    assert (keys or not TEXT_BOXES[page]) and keys == TEXT_BOXES[page][: len(keys)], (why, keys)


@pytest.mark.parametrize("page", PAGES)
def test_each_page_draws_all_its_text_boxes_on_its_defaults(page):
    at = fresh_app(page)
    assert [box.key for box in text_widgets(at)] == TEXT_BOXES[page]


@pytest.mark.parametrize("page", PAGES)
@settings(max_examples=TEXT_CASES, deadline=None, derandomize=True, database=None)
@given(text=hostile_text)
def test_hostile_text_in_every_text_box(page, text):
    """Every box the page shows gets the text. A page may stop before its later boxes (an empty
    prompt, one too long for a sweep) but never loses its first, nor draws a box it has not
    got: the boxes shown are always the first ones of TEXT_BOXES."""
    at = app_for(page)
    boxes = text_widgets(at)
    assert_leading_boxes(page, boxes, "the page's text boxes")
    for box in boxes:
        limit = getattr(box.proto, "max_chars", 0) or None
        box.set_value(text[:limit] if limit else text)
    at.run()
    assert_no_exception(at, text)
    assert_leading_boxes(page, text_widgets(at), (repr(text)[:200], "boxes kept"))
    if boxes and not text.strip():  # an empty prompt gets the page's own message(s)
        want = Counter(i18n.t(key, "en") for key in EMPTY_MESSAGES[page])
        shown = Counter(m.value for m in at.info)
        assert not want - shown, (repr(text), sorted(want - shown), sorted(shown))


@pytest.mark.parametrize("page", PAGES)
def test_slider_extremes(page):
    at, seen = fresh_app(page), []
    for _ in each_tab(at):
        keys = [s.key for s in at.slider]
        seen += keys
        for key in keys:
            slider = at.slider(key=key)  # KeyError: an extreme of another slider removed this one
            for end in (slider.min, slider.max):
                if isinstance(slider.value, tuple):
                    end = (slider.min, slider.max)
                at.slider(key=key).set_value(end)
                at.run()
                assert_no_exception(at, (key, end))
                assert at.slider(key=key).value == end, (key, end, "the extreme is kept")
    assert seen == SLIDERS[page], "the page's sliders"


def widget_keys(page: str) -> list[str]:
    """Every URL parameter the page reads: its widgets' keys (from a fresh run, every tab
    open in turn) and the sidebar's own."""
    if page not in _keys:
        at = fresh_app(page)
        keys = {"lang", "model", "lecture", "at"} | URL_ONLY.get(page, set())  # "at": the section to scroll to
        for _ in each_tab(at):
            keys |= url_widget_keys(at)
        assert keys >= set(TEXT_BOXES[page]) | set(SLIDERS[page])
        _keys[page] = sorted(keys)
    return _keys[page]


@pytest.mark.parametrize("page", PAGES)
@settings(max_examples=URL_CASES, deadline=None, derandomize=True, database=None)
@given(data=st.data())
def test_tampered_url_parameters(page, data):
    keys = widget_keys(page)
    params = data.draw(st.dictionaries(st.sampled_from(keys), hostile_param, min_size=1, max_size=4))
    tabs = bound_tabs(app_for(page))
    if tabs:  # any tab open (or a tampered one): its widgets read the URL too
        params[tabs[0]] = data.draw(st.one_of(st.sampled_from(tabs[1]), hostile_param))
    at = AppTest.from_file(str(ROOT / page), default_timeout=120)
    at.query_params.update(params)
    at.run()
    assert_no_exception(at, params)
