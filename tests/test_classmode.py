"""Predict first and class mode through AppTest: each page stops at its question until the
pick; a lecturer starts a class, asks, watches the count and reveals; a student's page holds
no answer, tally or secret before the reveal; bad codes get a message in the reader's
language; the Class page never touches the model."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core import i18n, models
from core.classroom import ClassStore, fit_shown, new_code, questions
from core.quiz import Question, Text, literal
from core.ui.classmode import join_link
from tests.helpers import MODEL_PAGES, rendered

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sharp_model(sharp_gpt2_dir):
    return sharp_gpt2_dir


@pytest.fixture
def class_db(tmp_path, monkeypatch):
    """A fresh class store for this test; the pages' and the test's share it."""
    url = f"sqlite:///{tmp_path / 'classroom.db'}"
    monkeypatch.setenv("TRANSFORMER_ANATOMY_DB", url)
    store = ClassStore(url)
    yield store
    store.dispose()


def page_app(path: str, model: str, monkeypatch, **query) -> AppTest:
    monkeypatch.setenv("TRANSFORMER_ANATOMY_MODEL", model)
    at = AppTest.from_file(str(ROOT / path), default_timeout=180)
    at.query_params.update(query)
    return at


def buttons(at: AppTest, prefix: str) -> list:
    return [b for b in at.button if (b.key or "").startswith(prefix)]


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]


# --------------------------------------------------------------------------- alone


@pytest.mark.parametrize("path", MODEL_PAGES)
def test_predict_first_stops_the_page_at_its_question_until_the_pick(path, sharp_model, class_db, monkeypatch):
    at = page_app(path, sharp_model, monkeypatch, predict="true", lang="ko")
    at.run()
    no_exception(at)
    picks = buttons(at, "pick_")
    assert 3 <= len(picks) <= 5, [c.value for c in at.caption]
    before = rendered(at)
    charts_before = len(at.get("vega_lite_chart"))
    assert i18n.t("quiz.pick_first", "ko") in before
    picks[0].click().run()
    no_exception(at)
    verdict = [m.value for m in at.success] + [m.value for m in at.error]
    assert any("**" in v for v in verdict), verdict  # right or wrong, with the model's answer
    explained = [c.value for c in at.main.caption if c.value.replace("\\", "") not in before.replace("\\", "")]
    assert explained, "the explanation appears only after the pick"
    assert len(at.get("vega_lite_chart")) > charts_before or buttons(at, "pick_"), "the page goes on"
    score = [c.value for c in at.sidebar.caption if "/" not in c.value and "**" in c.value]
    assert any(("1개 중" in s) for s in score), score


def test_predict_first_off_draws_no_question(sharp_model, class_db, monkeypatch):
    at = page_app("pages/3_Attention.py", sharp_model, monkeypatch)
    at.run()
    no_exception(at)
    assert not buttons(at, "pick_") and not buttons(at, "ask_")


# --------------------------------------------------------------------------- a class


def test_a_lecturer_asks_a_student_answers_the_lecturer_reveals(sharp_model, class_db, monkeypatch):
    lecturer_page = page_app("pages/6_Sampling.py", sharp_model, monkeypatch, lang="en")
    lecturer_page.run()
    lecturer_page.sidebar.button(key="class_start").click().run()
    no_exception(lecturer_page)
    lecturer = lecturer_page.session_state["class_lecturer"]
    link = join_link(lecturer.code, "")
    assert link == f"Class?class={lecturer.code}"  # no language: each phone reads in its own
    assert any(link in c.value for c in lecturer_page.sidebar.caption)
    assert lecturer_page.get("image"), "the QR code"
    charts_free = len(lecturer_page.get("vega_lite_chart"))
    buttons(lecturer_page, "ask_")[0].click().run()
    no_exception(lecturer_page)
    assert len(lecturer_page.get("vega_lite_chart")) < charts_free  # the chart waits for the reveal
    assert [m.value for m in lecturer_page.main.metric] == ["0 / 0"]

    student = AppTest.from_file(str(ROOT / "pages/7_Class.py"), default_timeout=60)
    student.query_params["class"] = lecturer.code.lower()
    student.run()
    no_exception(student)
    answers = buttons(student, "answer_")
    assert len(answers) >= 3
    answers[1].click().run()
    no_exception(student)
    assert any(i18n.t("class.your_answer", choice="X").split("**")[0] in s.value for s in student.success)
    lecturer_page.run()
    assert [m.value for m in lecturer_page.main.metric] == ["1 / 1"]
    tally = class_db.tally(lecturer.code, lecturer.secret)
    assert tally.counts[1] == 1 and not tally.revealed

    buttons(lecturer_page, "reveal_")[0].click().run()
    no_exception(lecturer_page)
    assert len(lecturer_page.get("vega_lite_chart")) >= charts_free  # the chart that explains it
    shown = [p.proto.text for p in lecturer_page.get("progress")]
    assert sum("✅" in s for s in shown) == 1 and any("— 1 (100%)" in s for s in shown)
    student.run()
    no_exception(student)
    assert [p.proto.text for p in student.get("progress")] == shown  # the same result, both sides
    assert student.success or student.error


def question(answer: int, why: str) -> Question:
    return Question(
        "test.kind",
        Text("quiz.sampling.next_token"),
        tuple(literal(w) for w in ("alpha", "beta", "gamma", "delta")),
        answer,
        Text("quiz.literal", {"text": why}),
    )


def student_sees(store: ClassStore, code: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/7_Class.py"), default_timeout=60)
    at.query_params.update({"class": code, "lang": lang})
    at.run()
    no_exception(at)
    return at


def test_a_students_page_holds_no_answer_tally_or_secret_before_the_reveal(class_db):
    """The same question with another answer renders exactly the same page for a student;
    no explanation, count or secret is sent until the lecturer reveals."""
    pages = []
    for answer, why in ((0, "EXPLANATION-ONE"), (3, "EXPLANATION-TWO")):
        lecturer = class_db.create_class()
        class_db.join(lecturer.code, "someone-else")
        class_db.set_step(lecturer.code, lecturer.secret, {"lesson": "l", "number": 2, "title": {"en": "T", "ko": "T"}})
        class_db.ask(lecturer.code, lecturer.secret, question(answer, why))
        qid = class_db.tally(lecturer.code, lecturer.secret).question_id
        with class_db.engine.begin() as db:  # the step's chart and notice, on the row before the reveal
            chart = {"specs": {"en": {"mark": "bar", "title": why}}, "data": [{"x": why}]}
            db.execute(
                questions.update().where(questions.c.id == qid).values(shown=fit_shown([chart], {"en": why, "ko": why}))
            )
        class_db.answer(lecturer.code, "someone-else", qid, answer)  # a classmate already answered
        at = student_sees(class_db, lecturer.code)
        text = rendered(at).replace(at.session_state["browser_id"], "BROWSER")  # its own id, nobody else's
        for secret in (why, lecturer.secret, "100%", "someone-else"):
            assert secret not in text, secret
        assert not at.get("progress")
        pages.append(text.replace(lecturer.code, "CODE").replace(f"answer_{qid}_", "answer_Q_"))
    import re

    ids = re.compile(r"\$\$ID-[0-9a-f]+-")  # widget ids hash the class's own question id
    assert ids.sub("", pages[0]) == ids.sub("", pages[1])


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_bad_codes_get_a_message_in_the_readers_language(class_db, lang):
    ended = class_db.create_class()
    class_db.end_class(ended.code, ended.secret)
    cases = {
        "": "class.enter_code",
        "NOPE!": "classroom.error.malformed",
        new_code(): "classroom.error.unknown",
        ended.code: "classroom.error.expired",
        ended.code[:-1] + ("A" if ended.code[-1] != "A" else "B"): "classroom.error.malformed",
    }
    for code, key in cases.items():
        at = AppTest.from_file(str(ROOT / "pages/7_Class.py"), default_timeout=60)
        at.query_params.update({"class": code, "lang": lang})
        at.run()
        no_exception(at)
        shown = [m.value for m in list(at.error) + list(at.info)]
        expected = i18n.t(key, lang, code=code.upper(), n=0).split("{")[0][:12]
        assert any(expected in s for s in shown), (code, shown)


def same_browser(monkeypatch, browser: str) -> None:
    """Every session from now on comes from the browser whose cookie holds `browser`."""
    from core.ui import classbase

    monkeypatch.setattr(classbase, "_cookies", lambda: {classbase.COOKIE: browser})


def test_a_double_answer_is_refused_with_a_message(class_db, monkeypatch):
    """Two tabs of one browser both show the buttons; the second answer is refused with a
    message, and that tab then shows the answer the first gave."""
    same_browser(monkeypatch, "ab" * 16)
    lecturer = class_db.create_class()
    class_db.ask(lecturer.code, lecturer.secret, question(1, "x"))
    first, second = student_sees(class_db, lecturer.code, "ko"), student_sees(class_db, lecturer.code, "ko")
    buttons(first, "answer_")[2].click().run()
    buttons(second, "answer_")[0].click().run()
    no_exception(second)
    assert any(i18n.t("classroom.error.already_answered", "ko") in w.value for w in second.warning)
    assert not buttons(second, "answer_") and "C · gamma" in second.success[0].value
    assert class_db.tally(lecturer.code, lecturer.secret).counts == [0, 0, 1, 0]


def test_the_class_page_never_loads_or_probes_a_model(class_db, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the Class page touched the model")

    monkeypatch.setattr(models, "load_lm", refuse)
    monkeypatch.setattr(models, "startup_model", refuse)
    lecturer = class_db.create_class()
    class_db.ask(lecturer.code, lecturer.secret, question(2, "x"))
    at = student_sees(class_db, lecturer.code)
    assert len(buttons(at, "answer_")) == 4
    class_db.reveal(lecturer.code, lecturer.secret)
    at.run()
    no_exception(at)


def test_a_lecturer_who_reloads_takes_the_class_back(sharp_model, class_db, monkeypatch):
    lecturer = class_db.create_class()
    at = page_app("Home.py", sharp_model, monkeypatch, lang="en")
    at.run()
    assert not at.sidebar.text_input  # no boxes until asked for
    at.sidebar.button(key="class_take_back_open").click().run()
    at.sidebar.text_input(key="take_code").input(lecturer.code)
    at.sidebar.text_input(key="take_key").input("WRONG-WRONG-WRONG")
    at.sidebar.button[[b.label for b in at.sidebar.button].index(i18n.t("class.take_button"))].click().run()
    no_exception(at)
    assert "class_lecturer" not in at.session_state
    assert any(i18n.t("classroom.error.not_lecturer")[:20] in m.value for m in at.sidebar.info)
    at.sidebar.text_input(key="take_code").input(lecturer.code)
    at.sidebar.text_input(key="take_key").input(lecturer.secret.lower())
    at.sidebar.button[[b.label for b in at.sidebar.button].index(i18n.t("class.take_button"))].click().run()
    no_exception(at)
    assert at.session_state["class_lecturer"].code == lecturer.code
    assert at.session_state["class_lecturer"].secret != lecturer.secret  # a new key: the old one is spent
    assert buttons(at, "ask_") or any("No question" in c.value for c in at.caption)
    at.sidebar.button(key="class_end").click().run()
    assert "class_lecturer" not in at.session_state


def test_the_join_link_follows_the_lecturers_address():
    assert (
        join_link("K7QM4X", "https://anatomy.streamlit.app/Attention?lang=ko&layer=3")
        == "https://anatomy.streamlit.app/Class?class=K7QM4X"
    )
    assert join_link("K7QM4X", "http://192.0.2.1:8501/") == "http://192.0.2.1:8501/Class?class=K7QM4X"
    assert join_link("K7QM4X", "http://host/course/Transformer_Block") == "http://host/course/Class?class=K7QM4X"


# --------------------------------------------------------------------------- hostile input, questions on


@pytest.mark.parametrize("path", MODEL_PAGES + ["pages/7_Class.py"])
def test_hostile_text_with_predict_first_on_and_a_class_running(path, sharp_model, class_db, monkeypatch):
    """Every text box gets the hostile-input suite's nastiest strings while each question is
    built from them (and offered to a class): messages, never a traceback."""
    from tests.test_hostile_input import NASTY

    at = page_app(path, sharp_model, monkeypatch, predict="true")
    at.run()
    no_exception(at)
    if path != "pages/7_Class.py":
        at.sidebar.button(key="class_start").click().run()
        no_exception(at)
    for text in NASTY + ["king, queen", "a, a, a, a, a", "x " * 300]:
        for box in list(at.text_input) + list(at.text_area):
            if (box.key or "").startswith("take_"):
                continue
            limit = getattr(box.proto, "max_chars", 0) or None
            box.set_value(text[:limit] if limit else text)
        at.run()
        assert not at.exception, (repr(text)[:80], [e.message for e in at.exception])
