"""The Lessons page's parts: the lesson picker, one step on one screen (title and text; the
question; then what to notice beside the step's section), Back / Next with the keys presenters'
clickers send, and the end of a lesson.

`/Lessons?lesson=ID&step=N` (N from 1; N = steps + 1 is the end of the lesson). A tampered URL
(an unknown lesson, step 0, 999 or abc) gets a message, never a traceback.

With a class running (core/ui/lecturer.py), the phones follow the lecturer: each step opened
puts its title on the Class page (`ClassStore.set_step`) and its question on every phone; once
the lecturer reveals, the charts the step drew (captured by core.ui.charts.capture, as data-free
specs in every language plus their tables) and its notice go to the phones (`ClassStore.share`).
"""

from __future__ import annotations

from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING, Callable, Iterator

import streamlit as st

from core import i18n, quiz, ui
from core.ui import charts, predict
from core.ui import lesson as registry
from core.ui.classmode import escape

if TYPE_CHECKING:
    from core.lessons import Lesson, Step
    from core.ui.page import Page

# a step's page → the page file that shows all its sections
PAGE_FILES = {
    "embeddings": "pages/1_Embeddings.py",
    "positional": "pages/2_Positional_Encoding.py",
    "attention": "pages/3_Attention.py",
    "block": "pages/4_Transformer_Block.py",
    "translation": "pages/5_RNN_Attention_Transformer.py",
    "sampling": "pages/6_Sampling.py",
}
TRANSLATION_TABS = {  # the translation page's sections → the tab that shows them
    **{
        f"translation.{name}": "rnn.tab.translate"
        for name in (
            "translate",
            "alignment",
            "bahdanau_qkv",
            "self_attention",
            "bottleneck",
            "encoder",
            "gradients",
            "step_by_step",
        )
    },
    "translation.scores": "rnn.tab.scores",
    "translation.training": "rnn.tab.scores",
    "translation.lab": "rnn.tab.lab",
    "translation.training_steps": "rnn.tab.cost",
    "translation.synthetic_timing": "rnn.tab.cost",
}
AT_KEY = "_lesson_at"  # (lesson id, step number) whose inputs the widgets were last given
PLACE_KEY = "lesson_place"  # {lesson id: step number}: where the reader is in each lesson
CLASS_ASKED_KEY = "lesson_class_asked"  # {class code: (lesson, step, fingerprint)} last opened on the phones
ASKED_KEY = "lesson_asked"  # {lesson id: {step number: question}}: what each step asked
CLASS_STEP_KEY = "lesson_class_step"  # {class code: (lesson, step)} last put on the phones
CLASS_SHARED_KEY = "lesson_class_shared"  # {(class code, question id)} whose charts went to the phones


def parse_step(raw: str | None, n_steps: int) -> int | None:
    """The step number of a URL's `step` (1 … n_steps, n_steps + 1: the end); None when it is
    missing; 0 for a value that is not a step of this lesson."""
    if raw is None:
        return None
    try:
        number = int(str(raw).strip())
    except ValueError:
        return 0
    return number if 1 <= number <= n_steps + 1 else 0


def _go(lesson_id: str | None, number: int | None) -> None:
    """Move to a lesson's step (a button's callback: the URL changes before the rerun)."""
    for key in ("lesson", "step"):
        st.query_params.pop(key, None)
    if lesson_id is not None:
        st.query_params["lesson"] = lesson_id
        st.query_params["step"] = str(number or 1)


def _shown(raw) -> str:
    raw = str(raw)
    return escape(raw if len(raw) <= 40 else raw[:40] + "…")


def show(page: Page, lessons: dict[str, Lesson]) -> None:
    """The whole page below its title."""
    t = page.t
    lesson_id = st.query_params.get("lesson")
    if lesson_id is None:
        show_picker(page, lessons)
        return
    chosen = lessons.get(lesson_id)
    if chosen is None:
        st.warning(t("lessonpage.unknown", value=_shown(lesson_id)))
        show_picker(page, lessons)
        return
    n = len(chosen.steps)
    number = parse_step(st.query_params.get("step"), n)
    if number == 0:
        st.warning(t("lessonpage.bad_step", value=_shown(st.query_params.get("step")), n=n))
    if not number:
        number = 1
        st.query_params["step"] = "1"
    st.session_state.setdefault(PLACE_KEY, {})[chosen.id] = number
    _compact_style()
    _class_follows(page, chosen, number)
    navigation(page, chosen, number)
    if number > n:
        show_end(page, chosen)
    else:
        show_step(page, chosen, number)


def _compact_style() -> None:
    """Inside a lesson the page's own margins shrink and the section's own prose is smaller than the
    step's (still 21 px in lecture mode): the step has the screen, its view the most of it."""
    st.html("""<style>
      [data-testid="stMainBlockContainer"] { padding-top: 4rem; padding-bottom: 1rem; }
      .st-key-lesson_section [data-testid="stMetricValue"] { font-size: 1.8rem; }
      .st-key-lesson_section [data-testid="stMarkdownContainer"] p,
      .st-key-lesson_section [data-testid="stMarkdownContainer"] li { font-size: 1.05rem; }
      .st-key-lesson_nav [data-testid="stElementContainer"]:has([data-testid="stProgress"]) {
        flex: 1 1 0; min-width: 4rem; }
      @media (min-width: 640px) {
        .st-key-lesson_question [class*="st-key-quiz_"] { flex-direction: row; flex-wrap: wrap; }
        .st-key-lesson_question [class*="st-key-quiz_"] > * { flex: 1 1 100%; }
        .st-key-lesson_question [class*="st-key-quiz_"] > [class*="st-key-pick_"] { flex: 1 1 calc(50% - 1rem); }
      }
      @media (max-width: 639px) {  /* a phone: "Step 2 of 16" on a row of its own, Back and Next under it */
        .st-key-lesson_nav [data-testid="stElementContainer"]:has([data-testid="stProgress"]) {
          flex-basis: 100%; order: -1; }
      }
      .st-key-lesson_nav [data-testid="stProgress"] p { font-size: 0.9rem; white-space: nowrap; overflow: hidden;
        text-overflow: ellipsis; }
    </style>""")


def show_picker(page: Page, lessons: dict[str, Lesson]) -> None:
    t = page.t
    if not lessons:
        st.info(t("lessonpage.none"))
        return
    places = st.session_state.get(PLACE_KEY, {})
    for item in lessons.values():
        with st.container(border=True):
            st.subheader(t(item.title))
            st.caption(t("lessonpage.card", n=len(item.steps), note=_note_title(page, item.note)))
            at = places.get(item.id)
            left, right = st.columns(2)
            left.button(t("lessonpage.start"), key=f"start_{item.id}", type="primary", on_click=_go, args=(item.id, 1))
            if at and at > 1:
                right.button(
                    t("lessonpage.resume", n=min(at, len(item.steps))),
                    key=f"resume_{item.id}",
                    on_click=_go,
                    args=(item.id, min(at, len(item.steps))),
                )


def _note_title(page: Page, note: str) -> str:
    """The lecture note's title (by the number its file name starts with), else its file name."""
    key = f"lessonpage.note.{str(note)[:3]}"
    try:
        return page.t(key)
    except KeyError:
        return escape(note)


def navigation(page: Page, chosen: Lesson, number: int) -> None:
    """One row: Back, "Step 4 of 14" over a progress bar, Next (PageUp / PageDown; the arrow keys too)."""
    t, n = page.t, len(chosen.steps)
    shown = min(number, n)
    with st.container(horizontal=True, vertical_alignment="center", key="lesson_nav"):  # one row, wraps on a phone
        st.button(
            t("lessonpage.back"),
            key="lesson_back",
            disabled=number <= 1,
            shortcut="PageUp",
            on_click=_go,
            args=(chosen.id, number - 1),
        )
        st.progress(shown / n, text=f"**{t('lessonpage.step_of', i=shown, n=n)}** · {escape(t(chosen.title))}")
        st.button(
            t("lessonpage.finish") if number == n else t("lessonpage.next"),
            key="lesson_next",
            disabled=number > n,
            shortcut="PageDown",
            type="primary",
            on_click=_go,
            args=(chosen.id, number + 1),
        )
    arrow_keys()


def arrow_keys() -> None:
    """The arrow keys press Back / Next too (PageUp / PageDown are the buttons' own shortcuts),
    except while the reader types in a box."""
    st.html(
        """<script>
    (function () {
      const doc = window.parent ? window.parent.document : document;
      if (doc.__lessonKeys) return;
      doc.__lessonKeys = true;
      doc.addEventListener("keydown", function (event) {
        const target = event.target || {};
        if (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName || "") || target.isContentEditable) return;
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        const which = {ArrowRight: "lesson_next", ArrowLeft: "lesson_back"}[event.key];
        if (!which) return;
        const button = doc.querySelector(".st-key-" + which + " button");
        if (button && !button.disabled) { event.preventDefault(); button.click(); }
      });
    })();
    </script>""",
        unsafe_allow_javascript=True,
    )


@st.cache_resource(max_entries=512, show_spinner=False)
def _step_question(model_name: str, lesson_id: str, number: int, seed: int, _step: Step, _lm):
    """A step's question, built once per model, step and seed for every session (it is built from
    the step's own inputs, not from what a reader typed)."""
    from core.lessons.questions import question_for

    return question_for(_step, _lm, seed=seed)


@st.cache_resource(max_entries=512, show_spinner=False)
def _notice_values(model_name: str, lesson_id: str, number: int, _step: Step, _lm):
    """The numbers a step's notice quotes, computed once per model and step for every session."""
    from core.lessons.notices import notice_values

    return notice_values(_step, _lm)


def _notice(page: Page, chosen: Lesson, number: int, step: Step, lm) -> str | None:
    if not step.notice:
        return None
    values = _notice_values(getattr(lm, "name", ""), chosen.id, number, step, lm)
    return None if values is None else page.t(step.notice, **values)


SPLIT = (2, 3)  # a step on a wide screen: what is said and asked | the model's view


def show_step(page: Page, chosen: Lesson, number: int) -> None:
    """One step on one screen: the title and text; the question at the screen's width until it is
    answered; then side by side what to notice (with the answer and why under it) and the step's
    section, each in a box that scrolls on its own, as tall as the window leaves (fit_to_screen).
    A phone stacks them."""
    t = page.t
    step = chosen.steps[number - 1]
    section_id = registry.section_of(step)
    if st.session_state.get(AT_KEY) != (chosen.id, number):  # the step opens: the lesson's own inputs
        registry.open_step(section_id, step.params, page=page)
        st.session_state[AT_KEY] = (chosen.id, number)
    st.header(t(step.title), anchor=f"step-{number}")
    st.write(t(step.text))
    lm = None if step.page == "translation" else ui.load_model(page)
    build = step_question(page, chosen, number, step, lm) if step.question else None
    with predicting(page):
        waiting = build is not None and predict.waiting(page, build)
        if waiting:  # not answered yet: the question has the screen's width, its options two to a row
            _notes(page, step)
            with st.container(key=QUESTION_KEY):
                ui.ask(page, build)  # stops the run here until it is answered (or revealed to a class)
        talk, figure = st.columns(SPLIT, gap="medium")
        side, box = talk.container(key=SIDE_KEY), figure.container(key=BOX_KEY)
        fit_to_screen()
        with side:
            if not waiting:
                _notes(page, step)
            notice = _notice(page, chosen, number, step, lm)
            if notice:  # first: the answer is in, and this is what the view is for
                st.info(f"**{t('lessonpage.notice')}** — {notice}")
            if build is not None and not waiting:
                ui.ask(page, build)  # answered: the model's answer and why, beside the view
            _open_on_page(page, step)
    predicts, running = page.predict, _running_class() if step.question else None
    try:
        page.predict, page.lesson = False, True  # the step asked its own question: the section asks none
        capturing: AbstractContextManager[list] = charts.capture() if running is not None else nullcontext([])
        with box, capturing as captured:
            registry.render(page, lm, section_id)
    finally:
        page.predict, page.lesson = predicts, False
    if running is not None:
        _share_with_class(page, running, chosen, number, step, lm, captured)


SIDE_KEY, BOX_KEY, QUESTION_KEY = "lesson_side", "lesson_section", "lesson_question"
NARROW = 640  # px: below this Streamlit stacks columns (a phone): the page scrolls as one
SCREEN_MARGIN = 48  # px left below a box: the page's own bottom padding and gaps


def fit_to_screen() -> None:
    """Each of the step's two columns as tall as the window leaves below its top, scrolling inside
    itself when its content is taller: the whole step stays on one screen on a laptop or a
    projector, whatever the window's height (measured in the browser, as it is resized)."""
    st.html(
        f"""<script>
    (function () {{
      const doc = window.parent ? window.parent.document : document;
      const win = doc.defaultView || window;
      if (doc.__lessonFit) return;
      doc.__lessonFit = true;
      function fit() {{
        const main = doc.querySelector('[data-testid="stMain"]');
        const scrolled = main ? main.scrollTop : 0;
        for (const key of ["{SIDE_KEY}", "{BOX_KEY}"]) {{
          const box = doc.querySelector(".st-key-" + key);
          if (!box) continue;
          if (win.innerWidth < {NARROW}) {{ box.style.maxHeight = ""; box.style.overflowY = ""; continue; }}
          const top = box.getBoundingClientRect().top + scrolled;
          const room = Math.max(240, win.innerHeight - top - {SCREEN_MARGIN});
          box.style.maxHeight = room + "px";
          box.style.overflowY = "auto";
          box.style.overflowX = "hidden";
        }}
      }}
      win.setInterval(fit, 250);
      win.addEventListener("resize", fit);
      fit();
    }})();
    </script>""",
        unsafe_allow_javascript=True,
    )


def _notes(page: Page, step: Step) -> None:
    """The lecturer's notes, collapsed (lecture mode; never on a phone)."""
    if page.lecture and step.notes and not page.phone:
        with st.expander(page.t("lessonpage.notes"), expanded=False):
            st.write(page.t(step.notes))


def _open_on_page(page: Page, step: Step) -> None:
    """The full page with the step's inputs, scrolled to the section (?at=<section>)."""
    path = PAGE_FILES.get(step.page)
    if not path:
        return
    section_id = registry.section_of(step)
    query = {**registry.link_params(section_id, step.params), "at": section_id.split(".", 1)[1]}
    tab = TRANSLATION_TABS.get(section_id)
    if tab:  # the translation page runs only its open tab
        query["tab"] = page.t(tab)
    ui.page_link(page, path, page.t("lessonpage.open_page"), "↗", query=query)


def step_question(page: Page, chosen: Lesson, number: int, step: Step, lm) -> Callable | None:
    """The step's question as ui.ask builds it (None when the step asks none). Each question
    asked is kept for the end of the lesson; with a class running, it is open on every phone."""
    asked = st.session_state.setdefault(ASKED_KEY, {}).setdefault(chosen.id, {})
    model_name = getattr(lm, "name", "")

    def lesson_question(seed: int = 0):
        question = _step_question(model_name, chosen.id, number, seed, step, lm)
        if isinstance(question, quiz.Question):
            asked[number] = question
        return question

    lesson_question.__name__ = f"lesson_{chosen.id}_{number}"  # its own "Another question" (predict.seed_of)
    running = _running_class()
    if running is not None:  # a class: the step's question goes to every phone as the step opens
        _ask_class_once(page, running, chosen, number, lesson_question(seed=predict.seed_of(lesson_question)))
    return lesson_question


@contextmanager
def predicting(page: Page) -> Iterator[None]:
    """Predict first is always on in a lesson (with a class, the class's question box decides)."""
    before = page.predict
    page.predict = before or _running_class() is None
    try:
        yield
    finally:
        page.predict = before


def _running_class():
    """The class this session runs (core/ui/classbase), or None."""
    from core.ui.classbase import current_lecturer

    return current_lecturer()


def _ask_class_once(page: Page, running, chosen: Lesson, number: int, question) -> None:
    """Open the step's question on the phones the first time the lecturer's session shows the step
    (Next, Back, a link): no extra click. Coming back to a step later asks it again; a lecturer who
    reloads the step (or whose server restarted) finds its question still open, answers and all."""
    from core.ui.classbase import class_tally
    from core.ui.lecturer import ask_class

    if not isinstance(question, quiz.Question):
        return
    opened = st.session_state.setdefault(CLASS_ASKED_KEY, {})
    if opened.get(running.code) == (chosen.id, number, question.fingerprint):
        return
    tally = class_tally(page, running)
    if tally is None:
        return
    if tally.fingerprint != question.fingerprint:  # the step moved on (core.classroom closed it) or never asked
        ask_class(page, running, question, in_lesson=True)
    opened[running.code] = (chosen.id, number, question.fingerprint)


def _class_follows(page: Page, chosen: Lesson, number: int) -> None:
    """A class running: the phones follow the lecturer's step (its title in every language; the
    end of the lesson too). A new step closes the question of the one before (core.classroom)."""
    running = _running_class()
    if running is None:
        return
    followed = st.session_state.setdefault(CLASS_STEP_KEY, {})
    if followed.get(running.code) == (chosen.id, number):
        return
    from core.ui import classbase

    title = chosen.steps[number - 1].title if number <= len(chosen.steps) else "lessonpage.end"
    step = {"lesson": chosen.id, "number": number, "title": {lang: i18n.t(title, lang) for lang in i18n.LANGUAGES}}
    stepped, _ = classbase.in_store(page, lambda found: found.set_step(running.code, running.secret, step))
    if not stepped:
        return
    followed[running.code] = (chosen.id, number)
    st.session_state.get(CLASS_ASKED_KEY, {}).pop(running.code, None)  # the step's question: asked anew


def _share_with_class(page: Page, running, chosen: Lesson, number: int, step: Step, lm, captured: list) -> None:
    """Once the class's question of this step is revealed: the charts the step drew and its
    notice, in every language, go to the phones (once per question)."""
    from core.classroom import fit_shown
    from core.ui import classbase

    question = st.session_state.get(ASKED_KEY, {}).get(chosen.id, {}).get(number)
    tally = classbase.class_tally(page, running)
    if (
        question is None
        or tally is None
        or tally.question_id is None
        or not tally.revealed
        or tally.fingerprint != question.fingerprint
    ):
        return
    done = st.session_state.setdefault(CLASS_SHARED_KEY, set())
    if (running.code, tally.question_id) in done:
        return
    notice = None
    if step.notice:
        values = _notice_values(getattr(lm, "name", ""), chosen.id, number, step, lm)
        if values is not None:
            shown_values = {k: escape(v) if isinstance(v, str) else v for k, v in values.items()}  # tokens as text
            notice = {lang: quiz.Text(step.notice, shown_values).render(lang) for lang in i18n.LANGUAGES}

    def share(found) -> None:
        try:
            shown = fit_shown(charts.shared(captured, i18n.LANGUAGES), notice)
        except ValueError:  # a chart whose spec holds NaN: the notice alone
            shown = fit_shown([], notice)
        found.share(running.code, running.secret, tally.question_id, shown)

    shared, _ = classbase.in_store(page, share)
    if shared:
        done.add((running.code, tally.question_id))


def _picks() -> dict:
    """The reader's picks, as ui.ask keeps them ({question fingerprint: option})."""
    return st.session_state.get("quiz", {}).get("picks", {})


def show_end(page: Page, chosen: Lesson) -> None:
    """What was asked, what was right, the concepts covered with links to their pages."""
    from core.ui.classbase import option_text

    t = page.t
    st.header(t("lessonpage.end"), anchor="end")
    asked = st.session_state.get(ASKED_KEY, {}).get(chosen.id, {})
    picks = _picks()
    rows, right = [], 0
    for number in sorted(asked):
        question = asked[number]
        mine = picks.get(question.fingerprint)
        if mine is None:
            continue
        right += mine == question.answer
        rows.append(
            {
                t("lessonpage.col.step"): number,
                t("lessonpage.col.question"): question.prompt.render(page.lang),
                t("lessonpage.col.answer"): option_text(page.lang, question, question.answer),
                t("lessonpage.col.yours"): option_text(page.lang, question, mine),
                t("lessonpage.col.right"): "✅" if mine == question.answer else "❌",
            }
        )
    if rows:
        st.write(t("lessonpage.end_score", right=right, asked=len(rows)))
        st.dataframe(rows, hide_index=True)
    else:
        st.write(t("lessonpage.end_none"))
    st.subheader(t("lessonpage.concepts"))
    seen: dict[str, Step] = {}
    for step in chosen.steps:
        for concept in step.concepts:
            seen.setdefault(concept, step)
    for concept, step in seen.items():
        path = PAGE_FILES.get(step.page)
        label = _concept_label(page, concept)
        if path:
            ui.page_link(page, path, label)
        else:
            st.markdown(f"- {escape(label)}")
    left, right_ = st.columns(2)
    left.button(t("lessonpage.again"), key="lesson_again", on_click=_go, args=(chosen.id, 1))
    right_.button(t("lessonpage.all"), key="lesson_all", on_click=_go, args=(None, None))


def _concept_label(page: Page, concept: str) -> str:
    """A concept's one line in the reader's language (core.lessons.concepts)."""
    from core.lessons.concepts import CONCEPTS

    entry = CONCEPTS.get(concept)
    return page.t(entry.key) if entry is not None else escape(concept)
