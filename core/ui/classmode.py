"""Class mode: "Predict first" on every page, and a whole class answering from its phones.

    ui.ask(page, quiz.top_key, trace)     # on a page, just before the chart that answers it

`ask` builds the question (core.quiz) with this session's seed and draws it where the page
calls it. With "Predict first" on, the page stops there until the reader picks; then the
model's answer, the explanation and the rest of the page follow. While the reader runs a
class, every question also gets **Ask the class**: the question goes to the store
(core.classroom) and to the students' phones (pages/7_Class.py), the lecturer's page stops
at it with a live count of answers, and **Reveal** shows the tally and the model's answer to
everyone — and the chart to the lecturer. Nothing here loads the model: the Class page
calls only `student_page`.
"""

from __future__ import annotations

import io
import secrets
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

import streamlit as st

from core import classroom, i18n, quiz
from core.classroom import ClassroomError
from core.ui import widgets

if TYPE_CHECKING:
    from core.ui.page import Page

LECTURER_LIVE_S = 1.0  # the lecturer's count of answers refreshes this often
STUDENT_POLL_S = 2.0  # a phone looks for the lecturer's next question this often
LETTERS = "ABCDE"
escape = i18n.escape  # a model's token or a typed word, shown as itself in Markdown


# --------------------------------------------------------------------------- the store


@st.cache_resource(show_spinner=False)
def _store(url: str) -> classroom.ClassStore:
    return classroom.ClassStore(url)


def database_url() -> str:
    """TRANSFORMER_ANATOMY_DB from the environment, else from st.secrets, else SQLite in the
    app's cache directory."""
    import os

    if os.environ.get(classroom.DB_ENV_VAR):
        return os.environ[classroom.DB_ENV_VAR]
    try:
        secret = st.secrets.get(classroom.DB_ENV_VAR)
    except Exception:  # no secrets file: fine, the default store
        secret = None
    return str(secret) if secret else classroom.default_url()


def store(page: Page) -> classroom.ClassStore | None:
    """The class store, or None (with a message) when it can't be reached."""
    try:
        return _store(database_url())
    except Exception:
        st.warning(page.t("classroom.error.unavailable"))
        return None


def _error(page: Page, exc: ClassroomError) -> str:
    return page.t(f"classroom.error.{exc.reason}", **exc.values)


# --------------------------------------------------------------------------- predict first (alone)


def _memory() -> dict:
    """This session's picks {fingerprint: choice}, scores {page: {fingerprint: right}} and seeds."""
    return st.session_state.setdefault("quiz", {"picks": {}, "scores": {}, "seeds": {}})


def _seed(build) -> int:
    return _memory()["seeds"].get(build.__name__, 0)


def _pick(page_name: str, question: quiz.Question, choice: int) -> None:
    memory = _memory()
    memory["picks"][question.fingerprint] = choice
    memory["scores"].setdefault(page_name, {})[question.fingerprint] = choice == question.answer


def _another(build) -> None:
    seeds = _memory()["seeds"]
    seeds[build.__name__] = seeds.get(build.__name__, 0) + 1


def option_label(lang: str, question, i: int) -> str:
    options = question.options if isinstance(question, quiz.Question) else question["options"]
    text = options[i].render(lang) if isinstance(options[i], quiz.Text) else \
        quiz.Text.from_dict(options[i]).render(lang)
    return f"{LETTERS[i]} · {escape(text)}"


def ask(page: Page, build, *args, **kwargs) -> None:
    """Draw the question `build(*args, seed=…, **kwargs)` here, if the reader predicts first or
    runs a class; stop the page here until it is answered (alone) or revealed (class)."""
    predict = page.predict
    lecturer = _lecturer(page)
    if not predict and lecturer is None:
        return
    question = build(*args, seed=_seed(build), **kwargs)
    if isinstance(question, quiz.Unbuildable):
        st.caption(page.t("quiz.cannot_ask", reason=question.reason.render(page.lang)))
        return
    t, fp = page.t, question.fingerprint
    stop = False
    with st.container(border=True, key=f"quiz_{fp[:16]}"):
        st.markdown(f"**{t('quiz.label')}** — {escape(question.prompt.render(page.lang))}")
        tally = _class_tally(page, lecturer) if lecturer else None
        lecturer = lecturer if tally is not None else None  # the class ended meanwhile
        if tally is not None and tally.fingerprint == fp:
            stop = _class_question(page, lecturer, question, tally)
        else:
            if lecturer is not None:
                st.button(t("class.ask"), key=f"ask_{fp[:16]}", help=t("class.ask_help"), type="primary",
                          on_click=_ask_class, args=(page, lecturer, question))
                if not predict:
                    st.markdown("\n".join(f"- {option_label(page.lang, question, i)}"
                                          for i in range(len(question.options))))
            if predict:
                stop = _alone(page, question, build)
    if stop:
        st.stop()


def _alone(page: Page, question: quiz.Question, build) -> bool:
    """The reader's own pick. True: not picked yet (the page stops here)."""
    t = page.t
    choice = _memory()["picks"].get(question.fingerprint)
    if choice is None:
        for i in range(len(question.options)):
            st.button(option_label(page.lang, question, i), key=f"pick_{question.fingerprint[:16]}_{i}",
                      width="stretch", on_click=_pick, args=(page.name, question, i))
        st.caption(t("quiz.pick_first"))
        return True
    answer = option_label(page.lang, question, question.answer)
    if choice == question.answer:
        st.success(t("quiz.right", answer=answer))
    else:
        st.error(t("quiz.wrong", picked=option_label(page.lang, question, choice), answer=answer))
    st.caption(escape(question.explanation.render(page.lang)))
    st.button(t("quiz.another"), key=f"another_{question.fingerprint[:16]}", type="tertiary",
              on_click=_another, args=(build,))
    return False


def score(page: Page) -> None:
    """The reader's running score on this page (sidebar)."""
    marks = _memory()["scores"].get(page.name, {})
    if marks:
        st.caption(page.t("quiz.score", right=sum(marks.values()), n=len(marks)))


# --------------------------------------------------------------------------- the lecturer


def _lecturer(page: Page) -> classroom.Lecturer | None:
    return st.session_state.get("class_lecturer")


def _class_tally(page: Page, lecturer: classroom.Lecturer) -> classroom.Tally | None:
    """The open question's tally, or None (and the class dropped) when the class is over."""
    found = store(page)
    if found is None:
        return None
    try:
        return found.tally(lecturer.code, lecturer.secret)
    except ClassroomError as exc:
        st.session_state.pop("class_lecturer", None)
        st.session_state["class_message"] = _error(page, exc)
        return None


def _ask_class(page: Page, lecturer: classroom.Lecturer, question: quiz.Question) -> None:
    try:
        store(page).ask(lecturer.code, lecturer.secret, question)
    except ClassroomError as exc:
        st.session_state["class_message"] = _error(page, exc)


def _reveal(page: Page, lecturer: classroom.Lecturer) -> None:
    try:
        store(page).reveal(lecturer.code, lecturer.secret)
    except ClassroomError as exc:
        st.session_state["class_message"] = _error(page, exc)


def _class_question(page: Page, lecturer, question: quiz.Question, tally: classroom.Tally) -> bool:
    """This question is the class's open one: the options as the phones show them, then the live
    count (True: the page stops here) or, once revealed, the tally and the model's answer."""
    st.markdown("\n".join(f"- {option_label(page.lang, question, i)}" for i in range(len(question.options))))
    if not tally.revealed:
        st.caption(page.t("class.asked"))
        _live_count(page, lecturer, question.fingerprint)
        return True
    show_result(page, question.public(), question.answer, question.explanation.as_dict(), tally.counts)
    return False


@st.fragment(run_every=LECTURER_LIVE_S)
def _live_count(page: Page, lecturer, fingerprint: str) -> None:
    """Answered / joined, refreshed on its own; Reveal."""
    tally = _class_tally(page, lecturer)
    if tally is None or tally.fingerprint != fingerprint or tally.revealed:
        st.rerun()  # the class moved on (another tab asked or revealed): redraw the page
    st.metric(page.t("class.answered"), f"{tally.answered} / {tally.joined}")
    st.button(page.t("class.reveal"), key=f"reveal_{fingerprint[:16]}", type="primary",
              on_click=_reveal, args=(page, lecturer))


def show_result(page: Page, public: dict, answer: int, explanation: dict, counts: list[int],
                mine: int | None = None) -> None:
    """The tally as bars, the model's answer marked, the explanation (and the student's pick)."""
    t, total = page.t, max(sum(counts), 1)
    for i, n in enumerate(counts):
        label = option_label(page.lang, public, i) + (" ✅" if i == answer else "")
        st.progress(n / total, text=t("class.option_count", option=label, n=n, share=n / total))
    answer_label = option_label(page.lang, public, answer)
    if mine is None:
        st.success(t("class.model_answer", answer=answer_label))
    elif mine == answer:
        st.success(t("class.result_right", choice=answer_label))
    else:
        st.error(t("class.result_wrong", choice=option_label(page.lang, public, mine), answer=answer_label))
    st.caption(escape(quiz.Text.from_dict(explanation).render(page.lang)))
    st.caption(t("class.answered_count", answered=sum(counts)))


def _start(page: Page) -> None:
    found = store(page)
    if found is None:
        return
    try:
        st.session_state["class_lecturer"] = found.create_class()
        st.session_state["class_show_join"] = True
        st.session_state["class_key_shown"] = True
    except ClassroomError as exc:
        st.session_state["class_message"] = _error(page, exc)


def _take_back(page: Page) -> None:
    found = store(page)
    if found is None:
        return
    try:
        lecturer = found.take_back(st.session_state.get("take_code", ""), st.session_state.get("take_key", ""))
    except ClassroomError as exc:
        st.session_state["class_message"] = _error(page, exc)
        return
    st.session_state["class_lecturer"] = lecturer
    st.session_state["class_taking_back"] = False
    st.session_state["class_message"] = page.t("class.taken_back", code=lecturer.code)


def _end(page: Page, lecturer) -> None:
    try:
        store(page).end_class(lecturer.code, lecturer.secret)
    except ClassroomError:
        pass
    st.session_state.pop("class_lecturer", None)
    st.session_state["class_message"] = page.t("class.ended")


def join_link(code: str, lang: str, url: str | None = None) -> str:
    """The Class page's address with this code, from the address the lecturer's browser is on
    (st.context.url), or a relative link where there is none (a test)."""
    from core.ui.page import PAGES, url_name

    query = urlencode({"class": code, "lang": lang})
    parts = urlsplit(url if url is not None else (st.context.url or ""))
    if not parts.scheme:
        return f"Class?{query}"
    path = parts.path.rstrip("/")
    names = {url_name(p) for p, _, _ in PAGES} - {""}
    if path.rsplit("/", 1)[-1] in names:
        path = path.rsplit("/", 1)[0]
    return f"{parts.scheme}://{parts.netloc}{path}/Class?{query}"


def qr_png(link: str) -> bytes:
    """The link as a QR code (segno), black on white, PNG."""
    import segno

    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=12, border=2)
    return buffer.getvalue()


def sidebar(page: Page) -> None:
    """The sidebar's part: the "Predict first" switch, the score, and the class controls."""
    t = page.t
    page.predict = widgets.toggle(page, "predict", t("quiz.switch"), help=t("quiz.switch_help"))
    score(page)
    message = st.session_state.pop("class_message", None)
    lecturer = _lecturer(page)
    with st.expander(t("class.sidebar"), expanded=lecturer is not None or message is not None):
        if message:
            st.info(message)
        if lecturer is None:
            st.button(t("class.start"), key="class_start", help=t("class.start_help"), type="primary",
                      on_click=_start, args=(page,), width="stretch")
            if not st.session_state.get("class_taking_back"):  # the form only when asked for
                st.button(t("class.take_back"), key="class_take_back_open", type="tertiary",
                          on_click=lambda: st.session_state.update(class_taking_back=True))
                return
            with st.form("class_take_back", border=False):
                st.caption(t("class.take_back"))
                st.text_input(t("class.take_code"), key="take_code", max_chars=12)
                st.text_input(t("class.take_key"), key="take_key", max_chars=20, type="password")
                st.form_submit_button(t("class.take_button"), on_click=_take_back, args=(page,))
            return
        tally = _class_tally(page, lecturer)
        if tally is None:
            return
        st.markdown(t("class.running", code=lecturer.code, joined=tally.joined))
        st.caption(f"{t('class.link')}: {join_link(lecturer.code, page.lang)}")
        showing = st.session_state.get("class_show_join", False)
        st.button(t("class.hide_join" if showing else "class.show_join"), key="class_join_screen",
                  on_click=lambda: st.session_state.update(class_show_join=not showing), width="stretch")
        with st.expander(t("class.key_box")):
            st.caption(t("class.key_text"))
            st.code(lecturer.secret, language=None)
        st.button(t("class.end"), key="class_end", on_click=_end, args=(page, lecturer), width="stretch")


def join_screen(page: Page) -> None:
    """The code, the link and its QR code, large enough for a projector (top of the page)."""
    lecturer = _lecturer(page)
    if lecturer is None or not st.session_state.get("class_show_join"):
        return
    link = join_link(lecturer.code, page.lang)
    with st.container(border=True, key="class_join"):
        st.subheader(page.t("class.join_title"))
        left, right = st.columns([3, 2], vertical_alignment="center")
        with left:
            st.markdown(page.t("class.join_text", link=link))
            st.html(f'<div style="font-size:5.5rem;font-weight:700;letter-spacing:0.4rem;'
                    f'font-family:monospace">{lecturer.code}</div>')
        with right:
            st.image(qr_png(link), width=380, output_format="PNG")


# --------------------------------------------------------------------------- the student (Class page)


def student_page(page: Page) -> None:
    """The Class page: the code (from the link or typed), then the lecturer's current question.
    Reads only the store: no model."""
    t = page.t
    raw = widgets.text_input(page, "class", t("class.code"), "", max_chars=20, help=t("class.code_help"))
    if not raw.strip():
        st.info(t("class.enter_code"))
        return
    found = store(page)
    if found is None:
        return
    student = st.session_state.setdefault("class_student", secrets.token_hex(16))
    try:
        code = found.check(raw)
        joined = st.session_state.setdefault("class_joined", set())
        if code not in joined:
            found.join(code, student)
            joined.add(code)
    except ClassroomError as exc:
        st.error(_error(page, exc))
        return
    st.caption(t("class.joined", code=code))
    _student_live(page, code, student)


def _answer(page: Page, code: str, student: str, question_id: int, choice: int) -> None:
    try:
        store(page).answer(code, student, question_id, choice)
    except ClassroomError as exc:
        st.session_state["class_student_message"] = _error(page, exc)
        return
    st.session_state.setdefault("class_answers", {})[question_id] = choice


@st.fragment(run_every=STUDENT_POLL_S)
def _student_live(page: Page, code: str, student: str) -> None:
    t = page.t
    try:
        view = store(page).student_view(code)
    except ClassroomError as exc:
        st.error(_error(page, exc))
        return
    message = st.session_state.pop("class_student_message", None)
    if message:
        st.warning(message)
    if view.question_id is None:
        st.info(t("class.waiting"))
        return
    public = view.public
    st.markdown(f"### {escape(quiz.Text.from_dict(public['prompt']).render(page.lang))}")
    mine = st.session_state.get("class_answers", {}).get(view.question_id)
    if view.result is not None:
        result = view.result
        show_result(page, public, result.answer, result.explanation, result.counts, mine)
    elif mine is not None:
        st.success(t("class.your_answer", choice=option_label(page.lang, public, mine)))
    else:
        for i in range(len(public["options"])):
            st.button(option_label(page.lang, public, i), key=f"answer_{view.question_id}_{i}",
                      type="primary", width="stretch", on_click=_answer,
                      args=(page, code, student, view.question_id, i))
