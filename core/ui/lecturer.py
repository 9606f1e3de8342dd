"""The lecturer's controls: start, run and end a class, from the sidebar of any page.

    sidebar(page)        # the sidebar's Class box: start (passcode where the server has one),
                         # the live count, the open question with Reveal, joining open/closed,
                         # the results as CSV, a take-back link on demand, End the class
    top(page)            # the top of the page: the join screen, the results once the class ended
    ask_class(page, lecturer, question)   # open a core.quiz.Question on every phone
    reveal(page, lecturer)                # show the open question's answer and tally to everyone
    question_box(page, lecturer, question, tally)  # ui.ask's part for the class's open question

A page that drives the class step by step (the Lessons page) uses the same calls:
`classbase.current_lecturer()` (None: no class in this session), `classbase.class_tally(page,
lecturer)` for the current question (`.fingerprint`, `.revealed`, `.answered`, `.active`),
`ask_class` to open a step's question, `reveal`, and `question_box` to draw it.

One session controls a class. Its browser re-attaches after a reload or a server restart
without typing (`ClassStore.reattach` by the browser's id); a take-back link opens it on another
device. Either rotates the key, so the session that held it says it was taken over. The key is
never drawn on the page: only the take-back link, on demand, under a warning not to project it.
"""

from __future__ import annotations

import streamlit as st

from core import classroom, quiz
from core.classroom import ClassroomError
from core.ui import classbase, join
from core.ui.pagetype import Page

LECTURER_LIVE_S = 1.0  # the count of answers under an open question refreshes this often
SIDEBAR_LIVE_S = 2.0  # the sidebar's count refreshes this often
TAKE_PARAM = "take"  # a take-back link: ?take=CODE.KEY


def _say(message: str) -> None:
    st.session_state["class_message"] = message


# --------------------------------------------------------------------------- asking and revealing


def ask_class(page: Page, lecturer: classroom.Lecturer, question: quiz.Question, in_lesson: bool = False) -> None:
    """Open `question` on every phone (the open one before it closes). Asked from a page, not a
    lesson's step (`in_lesson`): the phones no longer show the lesson's step above it."""

    def ask(found: classroom.ClassStore) -> None:
        if not in_lesson:
            found.set_step(lecturer.code, lecturer.secret, None)
        found.ask(lecturer.code, lecturer.secret, question)

    classbase.in_store(page, ask)


def reveal(page: Page, lecturer: classroom.Lecturer) -> None:
    classbase.in_store(page, lambda found: found.reveal(lecturer.code, lecturer.secret))


def question_box(page: Page, lecturer: classroom.Lecturer, question: quiz.Question, tally: classroom.Tally) -> bool:
    """This question is the class's open one: the options as the phones show them, then the live
    count (True: the page stops here) or, once revealed, the tally and the model's answer."""
    st.markdown("\n".join(f"- {classbase.option_label(page.lang, question, i)}" for i in range(len(question.options))))
    if not tally.revealed:
        st.caption(page.t("class.asked"))
        _live_count(page, lecturer, question.fingerprint)
        return True
    classbase.show_result(page, question.public(), question.answer, question.explanation.as_dict(), tally.counts)
    return False


@st.fragment(run_every=LECTURER_LIVE_S)
def _live_count(page: Page, lecturer: classroom.Lecturer, fingerprint: str) -> None:
    """Answered / active, refreshed on its own; Reveal."""
    tally = classbase.class_tally(page, lecturer)
    if tally is None or tally.fingerprint != fingerprint or tally.revealed:
        st.rerun()  # the class moved on (another tab asked or revealed): redraw the page
    st.metric(page.t("class.answered"), f"{tally.answered} / {tally.active}")
    st.button(
        page.t("class.reveal"), key=f"reveal_{fingerprint[:16]}", type="primary", on_click=reveal, args=(page, lecturer)
    )


# --------------------------------------------------------------------------- starting, taking back, ending


def _start(page: Page) -> None:
    started, lecturer = classbase.in_store(
        page,
        lambda found: found.create_class(
            owner=classbase.browser_id(),
            address=classbase.client_address(),
            passcode=st.session_state.get("class_passcode"),
        ),
    )
    if not started:
        return
    st.session_state.update(class_lecturer=lecturer, class_show_join=True, class_results=None)
    st.session_state.pop("class_taken_over", None)


def _took(page: Page, lecturer: classroom.Lecturer | None, message_key: str) -> None:
    if lecturer is None:
        return
    st.session_state["class_lecturer"] = lecturer
    st.session_state.pop("class_taken_over", None)
    st.session_state["class_taking_back"] = False
    _say(page.t(message_key, code=lecturer.code))


def _take_back(page: Page) -> None:
    """The code and key typed in (from a take-back link read on another screen)."""
    taken, lecturer = classbase.in_store(
        page,
        lambda found: found.take_back(
            st.session_state.get("take_code", ""), st.session_state.get("take_key", ""), owner=classbase.browser_id()
        ),
    )
    if taken:
        _took(page, lecturer, "class.taken_back")


def _take_back_here(page: Page) -> None:
    """Another tab of this browser took the class: take it back by the browser's id."""
    found = classbase.store(page)
    if found is not None:
        lecturer = found.reattach(classbase.browser_id())
        if lecturer is None:
            _say(page.t("classroom.error.not_lecturer"))
        _took(page, lecturer, "class.taken_back")


def _from_link(page: Page, found: classroom.ClassStore) -> None:
    """A take-back link opened here (?take=CODE.KEY): this session takes the class; the
    parameter leaves the address bar at once."""
    raw = st.query_params.get(TAKE_PARAM)
    if raw is None:
        return
    del st.query_params[TAKE_PARAM]
    code, _, key = str(raw).partition(".")
    try:
        lecturer = found.take_back(code, key, owner=classbase.browser_id())
    except ClassroomError as exc:
        _say(classbase.error(page, exc))
        return
    _took(page, lecturer, "class.taken_back")


def _reattach(page: Page, found: classroom.ClassStore) -> None:
    """Once per session: the class this browser runs, after a reload or a server restart."""
    if st.session_state.get("class_reattach_checked") or st.session_state.get("class_taken_over"):
        return
    st.session_state["class_reattach_checked"] = True
    if classbase.current_lecturer() is None:
        _took(page, found.reattach(classbase.browser_id()), "class.reattached")


def take_back_link(lecturer: classroom.Lecturer, url: str | None = None) -> str:
    """The link that opens this class on another device (it carries the key: never project it)."""
    base = join.app_base(url)
    query = f"?{TAKE_PARAM}={lecturer.code}.{lecturer.secret}"
    return query if base is None else f"{base}/{query}"


def _end(page: Page, lecturer: classroom.Lecturer) -> None:
    found = classbase.store(page)
    if found is None:
        return
    try:
        results = found.results(lecturer.code, lecturer.secret)
        found.end_class(lecturer.code, lecturer.secret)
        st.session_state["class_results"] = (lecturer.code, results)
    except ClassroomError:
        pass
    st.session_state.pop("class_lecturer", None)
    _say(page.t("class.ended"))


def results_csv(page: Page, lecturer: classroom.Lecturer) -> str:
    """The class's results so far, as CSV in the page's language (nothing names a student)."""
    found = classbase.store_or_none()  # (called when the button is pressed, outside the page's run)
    return classroom.results_csv(found.results(lecturer.code, lecturer.secret), page.lang) if found else ""


# --------------------------------------------------------------------------- the sidebar


def sidebar(page: Page) -> None:
    """The sidebar's Class box."""
    t = page.t
    found = classbase.store(page)
    if found is not None:
        classbase.keep_browser_id()
        _from_link(page, found)
        _reattach(page, found)
    message = st.session_state.pop("class_message", None)
    lecturer = classbase.current_lecturer()
    with st.expander(t("class.sidebar"), expanded=lecturer is not None or message is not None):
        if message:
            st.info(message)
        if lecturer is None:
            _not_running(page)
        else:
            _running(page, lecturer)


def _not_running(page: Page) -> None:
    t = page.t
    taken = st.session_state.get("class_taken_over")
    if taken:
        st.button(
            t("class.take_back_here", code=taken),
            key="class_take_back_here",
            width="stretch",
            on_click=_take_back_here,
            args=(page,),
        )
    if classbase.lecturer_passcode():
        st.text_input(
            t("class.passcode"), key="class_passcode", type="password", max_chars=200, help=t("class.passcode_help")
        )
    st.button(
        t("class.start"),
        key="class_start",
        help=t("class.start_help"),
        type="primary",
        on_click=_start,
        args=(page,),
        width="stretch",
    )
    if not st.session_state.get("class_taking_back"):  # the form only when asked for
        st.button(
            t("class.take_back"),
            key="class_take_back_open",
            type="tertiary",
            on_click=lambda: st.session_state.update(class_taking_back=True),
        )
        return
    with st.form("class_take_back", border=False):
        st.caption(t("class.take_back"))
        st.text_input(t("class.take_code"), key="take_code", max_chars=12)
        st.text_input(t("class.take_key"), key="take_key", max_chars=20, type="password")
        st.form_submit_button(t("class.take_button"), on_click=_take_back, args=(page,))


def _running(page: Page, lecturer: classroom.Lecturer) -> None:
    t = page.t
    st.markdown(t("class.running", code=lecturer.code))
    _sidebar_live(page, lecturer)
    st.caption(f"{t('class.link')}: {join.join_link(lecturer.code)}")
    showing = st.session_state.get("class_show_join", False)
    st.button(
        t("class.hide_join" if showing else "class.show_join"),
        key="class_join_screen",
        on_click=lambda: st.session_state.update(class_show_join=not showing),
        width="stretch",
    )
    st.download_button(
        t("class.results"),
        data=lambda: results_csv(page, lecturer),
        file_name=f"class-{lecturer.code}.csv",
        mime="text/csv",
        key="class_results_csv",
        on_click="ignore",
        width="stretch",
    )
    showing_link = st.session_state.get("class_show_link", False)
    st.button(
        t("class.link_hide" if showing_link else "class.link_show"),
        key="class_link",
        type="tertiary",
        on_click=lambda: st.session_state.update(class_show_link=not showing_link),
    )
    if showing_link:
        st.warning(t("class.link_warning"))
        st.code(take_back_link(lecturer), language=None, wrap_lines=True)
    st.button(t("class.end"), key="class_end", on_click=_end, args=(page, lecturer), width="stretch")


def _set_joining(page: Page, lecturer: classroom.Lecturer, open_: bool) -> None:
    classbase.in_store(page, lambda found: found.set_joining(lecturer.code, lecturer.secret, open_))


@st.fragment(run_every=SIDEBAR_LIVE_S)
def _sidebar_live(page: Page, lecturer: classroom.Lecturer) -> None:
    """Active / joined, live; joining open or closed; the open question and Reveal, whatever page
    this is. The class over or taken over: the page redraws without it."""
    t = page.t
    tally = classbase.class_tally(page, lecturer)
    if tally is None:
        st.rerun()
    st.metric(t("class.students"), f"{tally.active} / {tally.joined}")
    # one button turns joining the other way
    label = "class.close_joining" if tally.joining_open else "class.open_joining"
    if not tally.joining_open:
        st.caption(t("class.joining_closed_note"))
    st.button(
        t(label),
        key=label.replace(".", "_"),
        width="stretch",
        on_click=_set_joining,
        args=(page, lecturer, not tally.joining_open),
    )
    if tally.public is not None and not tally.revealed:
        prompt = quiz.Text.from_dict(tally.public["prompt"]).render(page.lang)
        st.caption(f"**{t('class.open_question')}** — {classbase.escape(prompt)}")
        st.metric(t("class.answered"), f"{tally.answered} / {tally.active}")
        st.button(
            t("class.reveal"),
            key="class_reveal_sidebar",
            type="primary",
            width="stretch",
            on_click=reveal,
            args=(page, lecturer),
        )


# --------------------------------------------------------------------------- the top of the page


def top(page: Page) -> None:
    """The join screen while shown, the results once the class has ended; lecture mode's sizes."""
    if page.lecture:
        lecture_style()
    join.join_screen(page)
    _results_screen(page)


def _results_screen(page: Page) -> None:
    ended = st.session_state.get("class_results")
    if not ended:
        return
    code, results = ended
    t = page.t
    with st.container(border=True, key="class_results"):
        st.subheader(t("class.results_title", code=code))
        if not results:
            st.info(t("class.results_none"))
        else:
            st.caption(t("class.results_summary", n=len(results), answered=sum(r.answered for r in results)))
            rows = classroom.results_rows(results, page.lang)
            st.dataframe([{t(f"class.col.{k}"): v for k, v in row.items()} for row in rows], hide_index=True)
            st.download_button(
                t("class.results"),
                data=classroom.results_csv(results, page.lang),
                file_name=f"class-{code}.csv",
                mime="text/csv",
                key="class_results_ended",
                on_click="ignore",
            )
        st.button(
            t("class.results_close"),
            key="class_results_close",
            on_click=lambda: st.session_state.update(class_results=None),
        )


def lecture_style() -> None:
    """Lecture mode on the projector: the live counts at ≥ 48 px, the result bars thick and their
    labels large (the page's paragraph rule would otherwise shrink them: these win)."""
    st.html("""<style>
      [data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 3.5rem !important;
        line-height: 1.2 !important; }
      [data-testid="stProgress"] p, [data-testid="stProgress"] [data-testid="stMarkdownContainer"] p {
        font-size: 1.6rem !important; }
      [data-testid="stProgress"] [role="progressbar"], [data-testid="stProgress"] [role="progressbar"] > div,
      [data-testid="stProgress"] [role="progressbar"] > div > div { height: 1.5rem !important; }
      .class-live-count { font-size: 3.6rem !important; }
    </style>""")
