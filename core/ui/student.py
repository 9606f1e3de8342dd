"""The student's page (pages/7_Class.py): the code from the link or typed, then the lecturer's
current question with big answer buttons, the student's own answer, the reveal. It reads only
the store (core.classroom): never the model.

    student_page(page)

A student is one browser (classbase.browser_id, a cookie): a reload, a second tab or a server
restart is the same student, and a phone that has answered shows its answer, not the buttons
(`ClassStore.answer_of`). Nothing drawn here before the reveal holds the answer, a tally, a
chart or a notice, or a secret: the store's StudentView carries none. During a lesson the page
follows the lecturer's step (its title, polled with the question); after the reveal it draws the
step's charts (st.vega_lite_chart, the phone's language and chart settings) and its notice.
"""

from __future__ import annotations

import time

import streamlit as st

from core import quiz
from core.classroom import ClassroomError
from core.ui import classbase, widgets
from core.ui.classbase import escape, option_label
from core.ui.pagetype import Page

STUDENT_POLL_S = 2.0  # a phone looks for the lecturer's next question this often
SEEN_EVERY_S = 60.0  # a phone tells the store it is still here this often (its seat stays taken)


def student_page(page: Page) -> None:
    """The Class page: the code (from the link or typed), then the lecturer's current question."""
    t = page.t
    raw = widgets.text_input(page, "class", t("class.code"), "", max_chars=20, help=t("class.code_help"))
    if not raw.strip():
        st.info(t("class.enter_code"))
        return
    found = classbase.store(page)
    if found is None:
        return
    student = classbase.browser_id()
    classbase.keep_browser_id()
    try:
        code = found.check(raw)
        joined = st.session_state.setdefault("class_joined", set())
        if code not in joined:
            found.join(code, student, address=classbase.client_address())
            joined.add(code)
            st.session_state["class_seen_at"] = time.monotonic()
    except ClassroomError as exc:
        st.error(classbase.error(page, exc))
        return
    st.caption(t("class.joined", code=code))
    _student_live(page, code, student)


def _answers() -> dict:
    """This session's knowledge of its own answers {question id: choice or None (none stored)}."""
    return st.session_state.setdefault("class_answers", {})


def _mine(code: str, student: str, question_id: int) -> int | None:
    """The student's stored answer: asked of the store once per question and session (a reloaded
    phone finds the answer it gave), then remembered."""
    answers = _answers()
    if question_id not in answers:
        found = classbase.store_or_none()
        answers[question_id] = found.answer_of(code, student, question_id) if found else None
    return answers[question_id]


def _answer(page: Page, code: str, student: str, question_id: int, choice: int) -> None:
    found = classbase.store(page)
    if found is None:
        return
    try:
        found.answer(code, student, question_id, choice, address=classbase.client_address())
    except ClassroomError as exc:
        st.session_state["class_student_message"] = classbase.error(page, exc)
        if exc.reason == "already_answered":  # another tab of this browser answered: show that one
            _answers()[question_id] = found.answer_of(code, student, question_id)
        return
    _answers()[question_id] = choice


def _still_here(code: str, student: str) -> None:
    now = time.monotonic()
    if now - st.session_state.get("class_seen_at", 0.0) < SEEN_EVERY_S:
        return
    st.session_state["class_seen_at"] = now
    found = classbase.store_or_none()
    if found is not None:
        try:
            found.seen(code, student)
        except ClassroomError:
            pass


@st.fragment(run_every=STUDENT_POLL_S)
def _student_live(page: Page, code: str, student: str) -> None:
    t = page.t
    found = classbase.store(page)
    if found is None:
        return
    try:
        view = found.student_view(code)
    except ClassroomError as exc:
        st.error(classbase.error(page, exc))
        return
    _still_here(code, student)
    message = st.session_state.pop("class_student_message", None)
    if message:
        st.warning(message)
    _step(page, view.step)
    if view.question_id is None or view.public is None:
        st.info(t("class.waiting"))
        return
    public = view.public
    st.markdown(f"### {escape(quiz.Text.from_dict(public['prompt']).render(page.lang))}")
    try:
        mine = _mine(code, student, view.question_id)
    except ClassroomError as exc:
        st.error(classbase.error(page, exc))
        return
    if view.result is not None:
        result = view.result
        classbase.show_result(page, public, result.answer, result.explanation, result.counts, mine)
        _shown(page, view.shown)
    elif mine is not None:
        st.success(t("class.your_answer", choice=option_label(page.lang, public, mine)))
    else:
        for i in range(len(public["options"])):
            st.button(
                option_label(page.lang, public, i),
                key=f"answer_{view.question_id}_{i}",
                type="primary",
                width="stretch",
                on_click=_answer,
                args=(page, code, student, view.question_id, i),
            )


def _step(page: Page, step: dict | None) -> None:
    """The lecturer's lesson step: its title in the phone's language (the class follows it)."""
    if not step:
        return
    titles = step.get("title") or {}
    title = titles.get(page.lang) or next(iter(titles.values()), "")
    st.caption(page.t("class.step_caption", number=int(step.get("number", 0))))
    st.subheader(escape(title), anchor=False)


def _shown(page: Page, shown: dict | None) -> None:
    """A revealed step's charts and notice (the store sends them only after the reveal), in
    the phone's language, through st.vega_lite_chart with the phone's chart settings."""
    if not shown:
        return
    import pandas as pd

    from core.charts import DATA_NAME
    from core.ui.charts import phone_spec

    for drawn in shown.get("charts") or []:
        specs = drawn.get("specs") or {}
        spec = specs.get(page.lang) or next(iter(specs.values()), None)
        if spec is None:
            continue
        spec = {**phone_spec(spec), "datasets": {DATA_NAME: pd.DataFrame(drawn.get("data") or [])}}
        st.vega_lite_chart(spec=spec, width="stretch")
    if shown.get("left_out"):
        st.caption(page.t("class.more_charts", n=int(shown["left_out"])))
    notices = shown.get("notice") or {}
    notice = notices.get(page.lang) or next(iter(notices.values()), None)
    if notice:
        st.info(f"**{page.t('lessonpage.notice')}** — {notice}")
