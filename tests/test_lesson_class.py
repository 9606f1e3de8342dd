"""A lesson with a class (issue 27, "With a class"), on SQLite and on a real PostgreSQL, and in
AppTest: the phones follow the lecturer's step (a late phone lands on it; a step without a
question shows its title); at the Reveal the step's charts and notice reach the phones, in each
phone's language, and never before; what is stored for them is capped."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from core import i18n, models
from core.charts import DATA_NAME
from core.classroom import MAX_SHOWN_BYTES, VIEW_TTL_S, ClassStore, Limits, fit_shown
from core.classroom import questions as question_rows
from core.lessons import Lesson, Step
from tests import test_classmode as classmode
from tests import test_classroom as base
from tests.helpers import rendered
from tests.test_lessons_page import PAGE, lessons, next_token_step, questions, start_lesson_class  # noqa: F401, F811 — fixtures

make_store, postgres = base.make_store, base.postgres  # the store tests' fixtures: SQLite and PostgreSQL
question, reason = base.question, base.reason
class_db = classmode.class_db  # the fixture: a fresh SQLite store the pages share
ROOT = Path(__file__).resolve().parent.parent

NOTICE = {"en": "NOTICE-EN: 7 of 9", "ko": "NOTICE-KO: 9개 중 7"}


def step(number: int, en: str = "Softmax", ko: str = "소프트맥스") -> dict:
    return {"lesson": "l1", "number": number, "title": {"en": en, "ko": ko}}


def bar_chart(title: str) -> dict:
    """A data-free Vega-Lite spec on the named table, as core.ui.charts builds them."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"name": DATA_NAME},
        "mark": "bar",
        "title": title,
        "encoding": {"x": {"field": "token", "type": "nominal"}, "y": {"field": "p", "type": "quantitative"}},
    }


CHART = {
    "specs": {"en": bar_chart("CHART-EN"), "ko": bar_chart("CHART-KO")},
    "data": [{"token": "cat", "p": 0.75}, {"token": "dog", "p": 0.25}],
}


# --------------------------------------------------------------------------- the store


def test_phones_follow_the_lecturers_step(make_store):
    store = make_store()
    lecturer = store.create_class()
    store.join(lecturer.code, "early")
    assert store.student_view(lecturer.code).step is None  # no lesson yet
    store.set_step(lecturer.code, lecturer.secret, step(1))
    assert store.student_view(lecturer.code).step == step(1)
    qid = store.ask(lecturer.code, lecturer.secret, question())
    store.set_step(lecturer.code, lecturer.secret, step(1))  # the same step again (a rerun): still open
    assert store.student_view(lecturer.code).question_id == qid
    store.join(lecturer.code, "late")  # a phone that joins now lands on the step and its question
    view = store.student_view(lecturer.code)
    assert (view.step, view.question_id) == (step(1), qid)
    store.set_step(lecturer.code, lecturer.secret, step(2, "Top-k", "상위 k"))  # Next: a step with no question
    view = store.student_view(lecturer.code)
    assert view.step == step(2, "Top-k", "상위 k") and view.question_id is None and view.public is None
    assert reason(lambda: store.answer(lecturer.code, "early", qid, 1)) == "closed"  # the old step's question
    assert reason(lambda: store.set_step(lecturer.code, "WRONG-KEYX-XXXX", step(3))) == "not_lecturer"
    assert reason(lambda: store.set_step(lecturer.code, lecturer.secret, step(3, "x" * 5000))) == "too_large"
    assert store.student_view(lecturer.code).step["number"] == 2


def test_the_charts_and_notice_reach_a_phone_only_after_the_reveal(make_store):
    store = make_store()
    lecturer, other = store.create_class(), store.create_class()
    store.set_step(lecturer.code, lecturer.secret, step(1))
    qid = store.ask(lecturer.code, lecturer.secret, question())
    shown = fit_shown([CHART], NOTICE)
    assert reason(lambda: store.share(lecturer.code, lecturer.secret, qid, shown)) == "closed"  # not revealed
    # even stored on the question row before the reveal (a bug elsewhere), the phone's view holds none of it
    with store.engine.begin() as db:
        db.execute(question_rows.update().where(question_rows.c.id == qid).values(shown=shown))
    store._forget_view(lecturer.code)
    view = store.student_view(lecturer.code)
    assert view.shown is None and view.result is None
    for secret in ("NOTICE-EN", "NOTICE-KO", "CHART-EN", "cat"):
        assert secret not in repr(view), secret
    with store.engine.begin() as db:
        db.execute(question_rows.update().where(question_rows.c.id == qid).values(shown=None))
    store.reveal(lecturer.code, lecturer.secret)
    other_q = store.ask(other.code, other.secret, question())
    store.reveal(other.code, other.secret)
    assert reason(lambda: store.share(lecturer.code, lecturer.secret, other_q, shown)) == "closed"  # not its class
    store.share(lecturer.code, lecturer.secret, qid, shown)
    store.share(lecturer.code, lecturer.secret, qid, fit_shown([], {"en": "SECOND", "ko": "SECOND"}))  # kept: the first
    view = store.student_view(lecturer.code)
    assert view.shown == {"charts": [CHART], "notice": NOTICE, "left_out": 0}
    assert store.student_view(other.code).shown is None


def test_what_is_stored_for_the_phones_is_capped(make_store):
    """The charts kept are the first ones in the order drawn, as many as fit the cap: one more
    would not fit (measured on the JSON itself)."""
    charts = [
        {"specs": {"en": bar_chart(f"C{i}")}, "data": [{"token": "t" * 50, "p": i}] * (400 * (i + 1))} for i in range(6)
    ]
    text = fit_shown(charts, NOTICE)
    stored = json.loads(text)
    k = len(stored["charts"])
    assert len(text.encode()) <= MAX_SHOWN_BYTES and 0 < k < len(charts)
    assert stored["charts"] == charts[:k] and stored["left_out"] == len(charts) - k and stored["notice"] == NOTICE
    one_more = json.dumps(
        {"charts": charts[: k + 1], "notice": NOTICE, "left_out": len(charts) - k - 1}, ensure_ascii=False
    )
    assert len(one_more.encode()) > MAX_SHOWN_BYTES
    store = make_store()
    lecturer = store.create_class()
    qid = store.ask(lecturer.code, lecturer.secret, question())
    store.reveal(lecturer.code, lecturer.secret)
    too_big = json.dumps({"charts": charts, "notice": NOTICE, "left_out": 0})
    assert reason(lambda: store.share(lecturer.code, lecturer.secret, qid, too_big)) == "too_large"
    store.share(lecturer.code, lecturer.secret, qid, text)
    assert len(store.student_view(lecturer.code).shown["charts"]) == k


def test_an_older_store_gets_the_step_and_shown_columns(make_store):
    old = make_store()
    with old.engine.begin() as db:
        db.exec_driver_sql("ALTER TABLE classes DROP COLUMN step")
        db.exec_driver_sql("ALTER TABLE questions DROP COLUMN shown")
    old.dispose()
    store = ClassStore(old.url, Limits())
    try:
        with store.engine.connect() as db:
            assert "shown" in {c["name"] for c in sa.inspect(db).get_columns("questions")}
        lecturer = store.create_class()
        store.set_step(lecturer.code, lecturer.secret, step(4))
        qid = store.ask(lecturer.code, lecturer.secret, question())
        store.reveal(lecturer.code, lecturer.secret)
        store.share(lecturer.code, lecturer.secret, qid, fit_shown([CHART], NOTICE))
        view = store.student_view(lecturer.code)
        assert view.step == step(4) and view.shown["notice"] == NOTICE
    finally:
        store.dispose()


# --------------------------------------------------------------------------- a phone (AppTest)


def rerun(at: AppTest) -> None:
    """The phone's next poll, once the page's own store has let its cached view go."""
    time.sleep(VIEW_TTL_S + 0.05)
    at.run()
    assert not at.exception, [e.message for e in at.exception]


def phone(code: str, lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/7_Class.py"), default_timeout=60)
    at.query_params.update({"class": code, "lang": lang})
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_phone_shows_the_step_then_the_chart_and_notice_after_the_reveal(class_db, monkeypatch, lang):
    def refuse(*args, **kwargs):
        raise AssertionError("the Class page touched the model")

    monkeypatch.setattr(models, "load_lm", refuse)
    monkeypatch.setattr(models, "startup_model", refuse)
    other = "ko" if lang == "en" else "en"
    lecturer = class_db.create_class()
    class_db.set_step(lecturer.code, lecturer.secret, step(2))
    at = phone(lecturer.code, lang)
    assert step(2)["title"][lang] in [h.value for h in at.subheader]  # a step with no question: its title
    qid = class_db.ask(lecturer.code, lecturer.secret, question())
    with class_db.engine.begin() as db:  # stored before the reveal: still nothing of it on the phone
        db.execute(question_rows.update().where(question_rows.c.id == qid).values(shown=fit_shown([CHART], NOTICE)))
    rerun(at)
    text = rendered(at)
    assert not at.get("vega_lite_chart") and "CHART-" not in text and "NOTICE-" not in text
    assert [b for b in at.button if (b.key or "").startswith("answer_")]
    with class_db.engine.begin() as db:
        db.execute(question_rows.update().where(question_rows.c.id == qid).values(shown=None))
    class_db.reveal(lecturer.code, lecturer.secret)
    class_db.share(lecturer.code, lecturer.secret, qid, fit_shown([CHART], NOTICE))
    rerun(at)
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    assert spec["title"] == f"CHART-{lang.upper()}" and spec["config"]["legend"]["orient"] == "bottom"
    assert any(NOTICE[lang] in str(m.value) for m in at.info) and NOTICE[other] not in rendered(at)


# --------------------------------------------------------------------------- the lecturer's Lessons page (AppTest)


def class_lesson() -> Lesson:
    """A title-only step, a step that asks (the Sampling page's next-token question), a title-only step."""
    return Lesson(
        id="with_class",
        title="lessonpage.title",
        note="test",
        steps=(
            Step(
                id="waves",
                title="posenc.sinusoidal",
                text="attention.intro",
                page="positional",
                section="sinusoidal",
                params={"n": 16},
            ),
            next_token_step(),
            Step(
                id="mlp",
                title="block.mlp",
                text="block.intro",
                page="positional",
                section="sinusoidal",
                params={"n": 8},
            ),
        ),
    )


def test_the_lessons_page_puts_its_steps_and_revealed_charts_on_the_phones(
    app,
    questions,  # noqa: F811 — the fixture
    sharp_gpt2_dir,
    monkeypatch,
    tmp_path,
):
    import sys
    import types

    import core.lessons

    monkeypatch.setitem(core.lessons.LESSONS, "with_class", class_lesson())
    monkeypatch.setitem(
        sys.modules,
        "core.lessons.notices",  # a token with markdown in it, as some are
        types.SimpleNamespace(notice_values=lambda step, lm: {"i": "*7*", "n": 9}),
    )
    url = f"sqlite:///{tmp_path / 'classroom.db'}"
    monkeypatch.setenv("TRANSFORMER_ANATOMY_DB", url)
    monkeypatch.setenv("TRANSFORMER_ANATOMY_MODEL", sharp_gpt2_dir)
    from core.ui import classbase

    monkeypatch.setattr(classbase, "_cookies", lambda: {classbase.COOKIE: "cd" * 16})  # one lecturer's browser
    store = ClassStore(url)
    lecturer, running = start_lesson_class(app, "with_class")
    view = store.student_view(running.code)
    assert view.step["number"] == 1 and view.step["title"]["ko"] == i18n.t("posenc.sinusoidal", "ko")
    assert view.question_id is None
    lecturer.button(key="lesson_next").click().run()
    assert not lecturer.exception
    store._forget_view(running.code)
    view = store.student_view(running.code)
    assert view.step["number"] == 2 and view.question_id is not None and view.shown is None
    store.join(running.code, "phone")
    store.answer(running.code, "phone", view.question_id, 0)
    lecturer = app(PAGE, lang="en", lesson="with_class", step="2")  # the lecturer reloads the step
    lecturer.run()
    assert not lecturer.exception
    running = lecturer.session_state["class_lecturer"]  # re-attached (a new key)
    tally = store.tally(running.code, running.secret)
    assert (tally.question_id, tally.answered) == (view.question_id, 1), "the same question, its answer kept"
    [b for b in lecturer.button if (b.key or "").startswith("reveal_")][0].click().run()
    assert not lecturer.exception
    drawn = lecturer.get("vega_lite_chart")
    assert drawn, "revealed: the chart on the projector"
    store._forget_view(running.code)
    shown = store.student_view(running.code).shown
    assert shown is not None and len(shown["charts"]) == len(drawn)
    projector = json.loads(drawn[0].proto.spec)
    for lang in ("en", "ko"):
        assert shown["notice"][lang] == i18n.t("lessonpage.step_of", lang, i="*7*", n=9)  # t escapes it: shown as text
        assert set(shown["charts"][0]["specs"][lang]) <= set(projector) | {"config"}
    names = {row_key for row in shown["charts"][0]["data"] for row_key in row}  # the projector's own table
    assert names and all(re.search(re.escape(n), drawn[0].proto.spec) for n in names)
    lecturer.button(key="lesson_next").click().run()  # Next again: the phones move on
    store._forget_view(running.code)
    view = store.student_view(running.code)
    assert view.step["number"] == 3 and view.question_id is None and view.shown is None
    from core.ui import lecturer as lecturer_ui
    from core.ui.page import Page

    lecturer_ui.ask_class(Page(lang="en"), running, question())  # "Ask the class" on a page, off the lesson
    store._forget_view(running.code)
    view = store.student_view(running.code)
    assert view.question_id is not None and view.step is None, "no stale step title above a page's question"
    store.dispose()
