"""The Lessons page and the section registry behind it, in AppTest on the tiny GPT-2.

Beside the lessons of core.lessons.LESSONS, a test-only lesson with one step per SECTION_INPUTS id
checks the registry section by section (this file never passes because there is nothing to render).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from core import i18n
from core.lessons import LESSONS, Lesson, Step
from core.lessons.sections import SECTION_INPUTS
from core.ui.lesson import section_of
from tests.helpers import named_chart_tables

PAGE = "pages/0_Lessons.py"
TITLE, TEXT = "attention.one_head", "attention.intro"  # catalog keys a test step borrows

ATTENTION_PROMPT = "the cat sat on the mat"


def every_section_lesson() -> Lesson:
    """One step per section id, on the section's defaults: the registry's own check."""
    steps = tuple(
        Step(id=sid, title=TITLE, text=TEXT, page=sid.split(".")[0], section=sid.split(".", 1)[1])
        for sid in SECTION_INPUTS
    )
    return Lesson(id="every_section", title="lessonpage.title", note="test", steps=steps)


def head_lesson() -> Lesson:
    """Three steps: a head's map with its own inputs, a block's MLP, the sampling distribution."""
    return Lesson(
        id="heads",
        title="lessonpage.title",
        note="test",
        steps=(
            Step(
                id="map",
                title="attention.one_head",
                text=TEXT,
                page="attention",
                section="head_map",
                params={"prompt": ATTENTION_PROMPT, "layer": 1, "head": 1, "query": 2},
            ),
            Step(
                id="mlp",
                title="block.mlp",
                text="block.intro",
                page="block",
                section="mlp",
                params={"prompt": "The capital of France is", "layer": 1, "token": 2},
            ),
            Step(
                id="dist",
                title="sampling.distribution",
                text="sampling.intro",
                page="sampling",
                section="distribution",
                params={"prompt": "Once upon a time", "temp": 0.7},
            ),
        ),
    )


# the lessons themselves, and always one more with a step per section: the registry is checked
# section by section whatever the lessons use (and when none are merged)
LESSONS_UNDER_TEST = {**LESSONS, "every_section": every_section_lesson()}


@pytest.fixture
def lessons(monkeypatch):
    """The lessons the page serves: the real ones and the test-only ones."""
    import core.lessons

    for lesson in (*LESSONS_UNDER_TEST.values(), head_lesson()):
        monkeypatch.setitem(core.lessons.LESSONS, lesson.id, lesson)
    return core.lessons.LESSONS


def step_of_url(at) -> str:
    value = at.query_params["step"]
    return str(value[0] if isinstance(value, list) else value)


def test_every_section_id_is_a_step_under_test():
    """An empty LESSONS must not make the next test vacuous: every section id is a step."""
    covered = {section_of(s) for lesson in LESSONS_UNDER_TEST.values() for s in lesson.steps}
    assert covered == set(SECTION_INPUTS)


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("lesson_id", sorted(LESSONS_UNDER_TEST))
def test_every_step_renders_and_shows_its_title(app, lessons, lesson_id, lang):
    """Every step of every lesson, one session walking through it by URL, EN and KO."""
    lesson = lessons[lesson_id]
    at = app(PAGE, timeout=300, lang=lang, lesson=lesson_id, step="1")
    failed, asked = [], []
    for number, step in enumerate(lesson.steps, 1):
        at.query_params["step"] = str(number)
        at.run()
        picks = [b for b in at.button if (b.key or "").startswith("pick_")]
        if picks:  # the step asks first: answer, so that its section is drawn too
            picks[0].click().run()
            asked.append(number)
            assert not [b for b in at.button if (b.key or "").startswith("pick_")], (number, "answered")
        sid = section_of(step)
        if at.exception:
            failed.append((number, sid, [e.message for e in at.exception][:1]))
            continue
        headers = [h.value for h in at.header]
        if i18n.t(step.title, lang) not in headers:
            failed.append((number, sid, "title missing", headers[:3]))
        step_of = i18n.t("lessonpage.step_of", lang, i=number, n=len(lesson.steps))
        if not any(step_of in str(p.proto.text) for p in at.get("progress")):
            failed.append((number, sid, "no progress"))
    assert not failed, failed


def test_next_back_and_the_url_round_trip(app, lessons):
    at = app(PAGE, lesson="heads", step="1")
    at.run()
    assert not at.exception
    assert step_of_url(at) == "1"
    assert at.text_input(key="text").value == ATTENTION_PROMPT  # the step's own prompt
    assert at.selectbox(key="layer").value == 1 and at.selectbox(key="head").value == 1
    at.text_input(key="text").set_value("a different prompt here").run()  # changed in place
    assert at.text_input(key="text").value == "a different prompt here"
    at.button(key="lesson_next").click().run()
    assert not at.exception
    assert step_of_url(at) == "2"
    assert i18n.t("block.mlp") in [h.value for h in at.header]
    assert at.text_input(key="text").value == "The capital of France is"
    at.button(key="lesson_back").click().run()
    assert i18n.t("attention.one_head") in [h.value for h in at.header]
    assert at.text_input(key="text").value == ATTENTION_PROMPT  # the lesson's own, not the edit
    # the end of the lesson: Next past the last step
    for _ in range(3):
        at.button(key="lesson_next").click().run()
    assert not at.exception
    assert i18n.t("lessonpage.end") in [h.value for h in at.header]


@pytest.mark.parametrize(
    "query",
    [
        {"lesson": "no_such_lesson"},
        {"lesson": "heads", "step": "0"},
        {"lesson": "heads", "step": "999"},
        {"lesson": "heads", "step": "abc"},
        {"lesson": "heads", "step": "-1"},
        {"lesson": "<b>x</b>" * 30},
    ],
)
def test_a_tampered_url_gets_a_message(app, lessons, query):
    at = app(PAGE, **query)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.warning, "a message says what was wrong"
    if query.get("lesson") == "heads":  # the lesson opens at its first step
        assert i18n.t("attention.one_head") in [h.value for h in at.header]


def test_a_section_computes_the_same_numbers_in_a_lesson_and_on_its_page(app, lessons, tiny_gpt2):
    """The head map drawn by a lesson step and by the Attention page: the same table, and it is
    the model's own attention (transformers' output_attentions)."""
    lesson = app(PAGE, lesson="heads", step="1")
    lesson.run()
    full = app("pages/3_Attention.py", text=ATTENTION_PROMPT, layer="1", head="1", query="2")
    full.run()
    assert not lesson.exception and not full.exception
    a = named_chart_tables(lesson)["attention_head"]
    b = named_chart_tables(full)["attention_head"]
    np.testing.assert_array_equal(a["weight"].to_numpy(), b["weight"].to_numpy())
    assert (a["chosen"] == b["chosen"]).all() and a["chosen"].sum() > 0
    ids = tiny_gpt2.tokenizer(ATTENTION_PROMPT, add_special_tokens=False)["input_ids"]
    with torch.no_grad():
        att = tiny_gpt2.model(input_ids=torch.tensor([ids]), output_attentions=True).attentions[1][0, 1]
    T = len(ids)
    want = att.numpy()[a["query_index"].to_numpy(), a["key_index"].to_numpy()]
    visible = ~a["masked"].to_numpy()
    np.testing.assert_allclose(a["weight"].to_numpy()[visible], want[visible], rtol=1e-5, atol=1e-6)
    assert len(a) == T * T


def test_block_mlp_in_a_lesson_equals_its_page(app, lessons):
    lesson = app(PAGE, lesson="heads", step="2")
    lesson.run()
    full = app("pages/4_Transformer_Block.py", text="The capital of France is", layer="1", token="2")
    full.run()
    assert not lesson.exception and not full.exception
    a, b = named_chart_tables(lesson)["activation"], named_chart_tables(full)["activation"]
    assert len(a) > 0
    np.testing.assert_array_equal(a["y"].to_numpy(), b["y"].to_numpy())


def test_in_a_step_the_section_leaves_the_screen_to_its_view(app, lessons):
    """The step's title and text open its section: the section's own header is not drawn again,
    its opening paragraph waits behind "About this view", and its text box sits behind one button
    that names the prompt. The same section on its page has its header and paragraph in the open."""
    import core.lessons

    params = {"prompt": ATTENTION_PROMPT, "layer": 1, "head": 0}
    step = Step(id="s", title=TITLE, text=TEXT, page="attention", section="search", params=params)
    core.lessons.LESSONS["search"] = Lesson(id="search", title="lessonpage.title", note="test", steps=(step,))
    try:
        lesson = app(PAGE, lesson="search", step="1")
        lesson.run()
    finally:
        del core.lessons.LESSONS["search"]
    full = app("pages/3_Attention.py", text=ATTENTION_PROMPT, layer="1", head="0")
    full.run()
    assert not lesson.exception and not full.exception
    heading, intro = i18n.t("attention.search"), i18n.t("attention.search_text")
    assert heading in [h.value for h in full.header]
    assert intro in [m.value for m in full.markdown]
    assert heading not in [h.value for h in lesson.header]
    assert i18n.t(TITLE) in [h.value for h in lesson.header]
    about = [e for e in lesson.expander if e.label == i18n.t("lessonpage.about_view")]
    assert len(about) == 1 and intro in [m.value for m in about[0].markdown]
    assert [m.value for m in lesson.markdown].count(intro) == 1  # only there
    (inputs,) = lesson.get("popover")
    assert ATTENTION_PROMPT in inputs.proto.popover.label
    assert [box.value for box in inputs.text_input] == [ATTENTION_PROMPT]


def test_lecture_notes_only_in_lecture_mode(app, lessons):
    import core.lessons

    step = Step(id="n", title=TITLE, text=TEXT, page="block", section="equations", notes="block.intro")
    core.lessons.LESSONS["noted"] = Lesson(id="noted", title="lessonpage.title", note="test", steps=(step,))
    try:
        plain = app(PAGE, lesson="noted", step="1")
        plain.run()
        lecture = app(PAGE, lesson="noted", step="1", lecture="true")
        lecture.run()
    finally:
        del core.lessons.LESSONS["noted"]
    label = i18n.t("lessonpage.notes")
    assert label not in [e.label for e in plain.expander]
    assert label in [e.label for e in lecture.expander]


def _specs(at) -> list[dict]:
    import json

    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def _heights(node) -> list:
    if isinstance(node, list):
        return [h for item in node for h in _heights(item)]
    if not isinstance(node, dict):
        return []
    found = [node["height"]] if "height" in node else []
    return found + [h for k, v in node.items() if k not in ("datasets", "data") for h in _heights(v)]


def test_lecture_mode_makes_the_charts_projector_sized(app):
    """Every chart in lecture mode: labels of 18 px or more, never cut, legends below; the
    heatmap taller than without lecture mode."""
    query = dict(text=ATTENTION_PROMPT)
    plain = app("pages/3_Attention.py", **query)
    plain.run()
    lecture = app("pages/3_Attention.py", lecture="true", **query)
    lecture.run()
    assert not plain.exception and not lecture.exception
    before, after = _specs(plain), _specs(lecture)
    assert len(before) == len(after) > 0
    for spec in after:
        config = spec["config"]
        for part in ("axis", "legend", "header"):
            assert config[part]["labelFontSize"] >= 18, (part, config[part])
            assert config[part]["labelLimit"] == 0  # no label cut short
        assert config["legend"]["orient"] == "bottom"
    for spec in before:
        assert spec.get("config", {}).get("axis", {}).get("labelFontSize", 11) < 18
    grew = [(a, b) for a, b in zip(map(_heights, before), map(_heights, after)) if a]
    assert grew
    for a, b in grew:
        for h0, h1 in zip(a, b):
            v0 = h0["step"] if isinstance(h0, dict) else h0
            v1 = h1["step"] if isinstance(h1, dict) else h1
            if isinstance(v0, (int, float)):
                assert v1 > v0


def test_lecture_mode_stays_on_after_a_link_without_it(app):
    """Set by a link, lecture mode survives the next page's URL that lacks ?lecture."""
    at = app("pages/1_Embeddings.py", lecture="true")
    at.run()
    assert at.toggle(key="lecture").value is True
    del at.query_params["lecture"]
    at.switch_page("6_Sampling.py").run()  # the next page, by a link that lacks ?lecture
    assert not at.exception
    assert at.toggle(key="lecture").value is True
    at.toggle(key="lecture").set_value(False).run()  # the switch turns it off
    assert at.toggle(key="lecture").value is False
    at.run()
    assert at.toggle(key="lecture").value is False


@pytest.mark.parametrize(
    "path,page_name",
    [
        ("pages/3_Attention.py", "attention"),
        ("pages/4_Transformer_Block.py", "block"),
        ("pages/6_Sampling.py", "sampling"),
    ],
)
def test_every_section_of_a_page_has_its_anchor(app, path, page_name):
    """A link to /Page?at=<section> lands on the section: its header carries that anchor, and
    the page scrolls to it once loaded."""
    at = app(path, at="mlp")
    at.run()
    assert not at.exception
    anchors = {h.proto.anchor for h in [*at.header, *at.subheader]}
    wanted = {sid.split(".", 1)[1] for sid in SECTION_INPUTS if sid.startswith(page_name + ".")}
    assert wanted <= anchors, wanted - anchors
    scripts = [h.proto.body for h in at.get("html")]
    assert any('const target = "mlp"' in body for body in scripts)


def test_a_tampered_anchor_is_not_injected(app):
    at = app("pages/6_Sampling.py", at='x"; alert(1); "')
    at.run()
    assert not at.exception
    assert not any("alert" in h.proto.body for h in at.get("html"))


@pytest.mark.parametrize("path", ["pages/1_Embeddings.py", "pages/4_Transformer_Block.py", "pages/6_Sampling.py"])
def test_the_notes_examples_are_one_click_away(app, path):
    from core.ui.widgets import NOTES_EXAMPLES

    at = app(path)
    at.run()
    at.button(key="example_text_1").click().run()  # "The cat sat"
    assert not at.exception
    assert at.text_input(key="text").value == NOTES_EXAMPLES[1]


def next_token_step(**more) -> Step:
    """A step that asks the Sampling page's next-token question on "Once upon a time"."""
    return Step(
        id="next",
        title="sampling.distribution",
        text="sampling.intro",
        page="sampling",
        section="distribution",
        params={"prompt": "Once upon a time"},
        question="sampling.next_token",
        notice="lessonpage.step_of",
        **more,
    )


def asking_lesson() -> Lesson:
    return Lesson(id="asking", title="lessonpage.title", note="test", steps=(next_token_step(concepts=("softmax",)),))


def start_lesson_class(app, lesson: str):
    """The lecturer, on the Lessons page in English, starts a class, then opens `lesson`'s first
    step; returns (the lecturer's AppTest, its running class)."""
    lecturer = app(PAGE, lang="en")
    lecturer.run()
    lecturer.sidebar.button(key="class_start").click().run()
    assert not lecturer.exception
    running = lecturer.session_state["class_lecturer"]
    lecturer.query_params.update(lesson=lesson, step="1")
    lecturer.run()
    assert not lecturer.exception
    return lecturer, running


@pytest.fixture
def questions(monkeypatch, lessons):
    """Stand-ins for core.lessons.questions / notices (the lessons' content branch writes them):
    the step's question is the Sampling page's own next-token question on the step's prompt."""
    import sys
    import types

    import core.lessons
    from core import quiz
    from core.ui.traces import get_trace

    def question_for(step, lm, seed=0):
        return quiz.next_token(lm, get_trace(lm, step.params["prompt"]).next_token_logits, seed=seed)

    monkeypatch.setitem(sys.modules, "core.lessons.questions", types.SimpleNamespace(question_for=question_for))
    monkeypatch.setitem(
        sys.modules, "core.lessons.notices", types.SimpleNamespace(notice_values=lambda step, lm: {"i": 7, "n": 9})
    )
    monkeypatch.setitem(core.lessons.LESSONS, "asking", asking_lesson())
    return question_for


def test_a_step_asks_first_then_shows_its_section_and_the_end_keeps_the_score(
    app, questions, sharp_gpt2_dir, monkeypatch
):
    """On the sharpened tiny GPT-2 (its next-token question has a clear answer)."""
    from core.models import load_lm

    monkeypatch.setenv("TRANSFORMER_ANATOMY_MODEL", sharp_gpt2_dir)
    at = app(PAGE, lesson="asking", step="1")
    at.run()
    assert not at.exception
    picks = [b for b in at.button if (b.key or "").startswith("pick_")]
    assert picks, ("the question is asked (Predict first is on in a lesson)", [c.value for c in at.caption])
    assert not at.get("vega_lite_chart"), "the section waits for the answer"
    question = questions(asking_lesson().steps[0], load_lm(sharp_gpt2_dir))
    wrong = next(i for i in range(len(question.options)) if i != question.answer)
    next(b for b in picks if b.key.endswith(f"_{wrong}")).click().run()
    assert not at.exception
    assert at.get("vega_lite_chart"), "answered: the section is drawn"
    assert any(i18n.t("lessonpage.step_of", i=7, n=9) in str(m.value) for m in at.info), "the notice"
    at.button(key="lesson_next").click().run()  # Finish: the end of the lesson
    assert not at.exception
    assert i18n.t("lessonpage.end") in [h.value for h in at.header]
    assert any(i18n.t("lessonpage.end_score", right=0, asked=1) in str(m.value) for m in at.markdown)
    table = at.dataframe[0].value
    assert table[i18n.t("lessonpage.col.right")].tolist() == ["❌"]


def test_the_step_of_the_translation_step_by_step_view_is_in_the_url(app):
    """A saved link keeps the step of the step-by-step view (it used to fall back to 1)."""
    at = app("pages/5_RNN_Attention_Transformer.py", decode_step="3", timeout=300)
    at.run()
    assert not at.exception
    assert at.slider(key="decode_step").value == 3


def test_a_phone_gets_legends_below_and_thinned_labels():
    """The spec a phone's browser is handed: legends under the plot, overlapping ticks dropped;
    the desktop's spec is left as its builder wrote it."""
    from core.ui import charts

    spec = {"mark": "rect", "config": {"axis": {"labelFontSize": 12}}, "height": {"step": 20}}
    phone = charts._phone_spec(("x", "y", 1), "en", {}, spec)
    assert phone["config"]["legend"]["orient"] == "bottom"
    assert phone["config"]["axis"]["labelOverlap"] == "greedy"
    assert phone["height"] == spec["height"] and spec["config"] == {"axis": {"labelFontSize": 12}}


def test_with_a_class_a_step_opens_its_question_on_the_phones(app, questions, sharp_gpt2_dir, monkeypatch, tmp_path):
    """The lecturer opens a step while running a class: its question is on every phone without
    another click; the chart waits for the reveal, then shows on the projector."""
    from streamlit.testing.v1 import AppTest

    from core.classroom import ClassStore

    url = f"sqlite:///{tmp_path / 'classroom.db'}"
    monkeypatch.setenv("TRANSFORMER_ANATOMY_DB", url)
    monkeypatch.setenv("TRANSFORMER_ANATOMY_MODEL", sharp_gpt2_dir)
    lecturer, running = start_lesson_class(app, "asking")
    assert not lecturer.get("vega_lite_chart"), "the chart waits for the reveal"
    phone = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "pages/7_Class.py"), default_timeout=60)
    phone.query_params["class"] = running.code
    phone.run()
    assert not phone.exception
    answers = [b for b in phone.button if (b.key or "").startswith("answer_")]
    assert len(answers) >= 3, "the step's question is on the phone, nobody pressed Ask"
    answers[0].click().run()
    tally = ClassStore(url).tally(running.code, running.secret)
    assert sum(tally.counts) == 1 and not tally.revealed
    lecturer.run()  # a rerun does not ask it again
    assert ClassStore(url).tally(running.code, running.secret).question_id == tally.question_id
    [b for b in lecturer.button if (b.key or "").startswith("reveal_")][0].click().run()
    assert not lecturer.exception
    assert lecturer.get("vega_lite_chart"), "revealed: the step's chart on the projector"


def _class_db(monkeypatch, tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'classroom.db'}"
    monkeypatch.setenv("TRANSFORMER_ANATOMY_DB", url)
    return url


def test_reveal_on_a_step_whose_section_asks_its_own_question(app, monkeypatch, tmp_path):
    """The alignment section asks its own question on its page; in a lesson step with a class the
    step's question is the only one: Reveal draws the section (it used to draw a second question
    box with the same key and fail)."""
    from core.classroom import ClassStore

    url = _class_db(monkeypatch, tmp_path)
    lecturer, running = start_lesson_class(app, "seq2seq")
    lecturer.query_params.update(step="5")  # Je t'aime: translation.alignment, asked as rnn.attended_word
    lecturer.run()
    assert not lecturer.exception
    assert ClassStore(url).tally(running.code, running.secret).question_id is not None
    assert not lecturer.get("vega_lite_chart"), "the view waits for the reveal"
    [b for b in lecturer.button if (b.key or "").startswith("reveal_")][0].click().run()
    assert not lecturer.exception
    assert lecturer.get("vega_lite_chart"), "revealed: the alignment on the projector"


def test_another_question_then_a_class_asks_the_phones_what_the_projector_asks(app, monkeypatch, tmp_path):
    """A lecturer who rehearsed a step ("Another question") and then starts a class: the phones get
    the question the projector shows, and neither the view nor the notice shows before the reveal."""
    from core.classroom import ClassStore

    url = _class_db(monkeypatch, tmp_path)
    lecturer = app(PAGE, lang="en", lesson="seq2seq", step="5")
    lecturer.run()
    [b for b in lecturer.button if (b.key or "").startswith("pick_")][0].click().run()
    first = lecturer.session_state["lesson_asked"]["seq2seq"][5]
    [b for b in lecturer.button if (b.key or "").startswith("another_")][0].click().run()
    second = lecturer.session_state["lesson_asked"]["seq2seq"][5]
    assert second.fingerprint != first.fingerprint, "the step has a second question to ask"
    lecturer.sidebar.button(key="class_start").click().run()
    lecturer.run()
    assert not lecturer.exception
    running = lecturer.session_state["class_lecturer"]
    tally = ClassStore(url).tally(running.code, running.secret)
    assert tally.fingerprint == second.fingerprint, "the phones have the projector's question"
    assert not tally.revealed
    assert not lecturer.get("vega_lite_chart"), "the view waits for the reveal"
    assert not any(i18n.t("lessonpage.notice") in str(m.value) for m in lecturer.info), "so does the notice"
