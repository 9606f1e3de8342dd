"""Predict first: a question before the chart that answers it, alone or for a whole class.

    ui.ask(page, quiz.top_key, trace)     # on a page, just before the chart that answers it
    sidebar(page)                         # the "Predict first" switch and the page's score

`ask` builds the question (core.quiz) with this session's seed and draws it where the page
calls it. With "Predict first" on, the page stops there until the reader picks; then the
model's answer, the explanation and the rest of the page follow. While the reader runs a
class (core/ui/lecturer.py), every question also gets **Ask the class**: the question goes to
the store (core.classroom) and to the students' phones (core/ui/student.py), the page stops at
it with a live count of answers, and **Reveal** shows the tally and the model's answer to
everyone — and the chart to the lecturer.
"""

from __future__ import annotations

import streamlit as st

from core import quiz
from core.ui import classbase, lecturer, widgets
from core.ui.classbase import escape, option_label
from core.ui.pagetype import Page


def _memory() -> dict:
    """This session's picks {fingerprint: choice}, scores {page: {fingerprint: right}} and seeds."""
    return st.session_state.setdefault("quiz", {"picks": {}, "scores": {}, "seeds": {}})


def seed_of(build) -> int:
    """The seed ask(page, build) builds its question with ("Another question" adds one), per build's name."""
    return _memory()["seeds"].get(build.__name__, 0)


def _pick(page_name: str, question: quiz.Question, choice: int) -> None:
    memory = _memory()
    memory["picks"][question.fingerprint] = choice
    memory["scores"].setdefault(page_name, {})[question.fingerprint] = choice == question.answer


def _another(build) -> None:
    seeds = _memory()["seeds"]
    seeds[build.__name__] = seeds.get(build.__name__, 0) + 1


def ask(page: Page, build, *args, **kwargs) -> None:
    """Draw the question `build(*args, seed=…, **kwargs)` here, if the reader predicts first or
    runs a class; stop the page here until it is answered (alone) or revealed (class)."""
    if page.lesson:  # a lesson step asks its own question before its section: the section asks none
        return
    predict = page.predict
    running = classbase.current_lecturer()
    if not predict and running is None:
        return
    question = build(*args, seed=seed_of(build), **kwargs)
    if isinstance(question, quiz.Unbuildable):
        st.caption(page.t("quiz.cannot_ask", reason=question.reason.render(page.lang)))
        return
    t, fp = page.t, question.fingerprint
    stop = False
    with st.container(border=True, key=f"quiz_{fp[:16]}"):
        st.markdown(f"**{t('quiz.label')}** — {escape(question.prompt.render(page.lang))}")
        tally = classbase.class_tally(page, running) if running else None
        running = running if tally is not None else None  # the class ended meanwhile
        if running is not None and tally is not None and tally.fingerprint == fp:
            stop = lecturer.question_box(page, running, question, tally)
        else:
            if running is not None:
                st.button(
                    t("class.ask"),
                    key=f"ask_{fp[:16]}",
                    help=t("class.ask_help"),
                    type="primary",
                    on_click=lecturer.ask_class,
                    args=(page, running, question),
                )
                if not predict:
                    st.markdown(
                        "\n".join(f"- {option_label(page.lang, question, i)}" for i in range(len(question.options)))
                    )
            if predict:
                stop = _alone(page, question, build)
    if stop:
        st.stop()


def waiting(page: Page, build, *args, **kwargs) -> bool:
    """True while ask(page, build, …) stops the page at its question: the reader predicts first
    and has not picked yet, or the class's question is open and not yet revealed."""
    running = classbase.current_lecturer()
    if not page.predict and running is None:
        return False
    question = build(*args, seed=seed_of(build), **kwargs)
    if not isinstance(question, quiz.Question):
        return False
    if running is not None:
        tally = classbase.class_tally(page, running)
        if tally is not None and tally.fingerprint == question.fingerprint:
            return not tally.revealed
    return page.predict and question.fingerprint not in _memory()["picks"]


def _alone(page: Page, question: quiz.Question, build) -> bool:
    """The reader's own pick. True: not picked yet (the page stops here)."""
    t = page.t
    choice = _memory()["picks"].get(question.fingerprint)
    if choice is None:
        for i in range(len(question.options)):
            st.button(
                option_label(page.lang, question, i),
                key=f"pick_{question.fingerprint[:16]}_{i}",
                width="stretch",
                on_click=_pick,
                args=(page.name, question, i),
            )
        st.caption(t("quiz.pick_first"))
        return True
    answer = option_label(page.lang, question, question.answer)
    if choice == question.answer:
        st.success(t("quiz.right", answer=answer))
    else:
        st.error(t("quiz.wrong", picked=option_label(page.lang, question, choice), answer=answer))
    st.caption(escape(question.explanation.render(page.lang)))
    st.button(
        t("quiz.another"), key=f"another_{question.fingerprint[:16]}", type="tertiary", on_click=_another, args=(build,)
    )
    return False


def score(page: Page) -> None:
    """The reader's running score on this page (sidebar)."""
    marks = _memory()["scores"].get(page.name, {})
    if marks:
        st.caption(page.t("quiz.score", right=sum(marks.values()), n=len(marks)))


def sidebar(page: Page) -> None:
    """The sidebar's "Predict first" switch and the score."""
    t = page.t
    page.predict = widgets.toggle(page, "predict", t("quiz.switch"), help=t("quiz.switch_help"))
    score(page)
