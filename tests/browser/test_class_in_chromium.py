"""A class in a real browser: `streamlit run Home.py` headless, a lecturer's Chromium context
and a student's phone-sized one (390 px wide). The lecturer starts a class, the student joins
by the link, the lecturer asks, the student answers, the lecturer reveals: both see the
model's answer and the tally, in English and in Korean. Before the reveal, the student's DOM
holds neither the answer's mark, the tally nor the explanation; with "Predict first" alone,
the page's DOM holds no explanation and no chart after the question until the pick."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.browser.classflow import PHONE, settle, start_class
from tests.browser.test_pages_in_chromium import CHROMIUM, SHOTS, streamlit_server

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium missing")]


@pytest.fixture(scope="module")
def class_server(sharp_gpt2_dir, tmp_path_factory):
    """The app serving the sharpened tiny GPT-2, its class store in a temporary folder."""
    db = f"sqlite:///{tmp_path_factory.mktemp('class-db') / 'classroom.db'}"
    with streamlit_server({"TRANSFORMER_ANATOMY_MODEL": sharp_gpt2_dir, "TRANSFORMER_ANATOMY_DB": db}) as base:
        yield base, db


def shown_text(markdown: str) -> str:
    """What a reader sees of a catalog string drawn as Markdown: CommonMark drops the backslash
    before ASCII punctuation only (a byte token "\\xfd" keeps its backslash)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def open_question(db: str):
    """The class's open question as the store holds it: (answer, public, explanation)."""
    import sqlalchemy as sa

    from core.classroom import questions

    engine = sa.create_engine(db)
    with engine.connect() as conn:
        row = conn.execute(sa.select(questions).where(questions.c.open)).first()
    engine.dispose()
    return row.answer, json.loads(row.public), json.loads(row.explanation)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_class_start_join_ask_answer_reveal(class_server, browser, lang):
    from core import i18n
    from core.quiz import Text
    from core.ui.classbase import option_label

    base, db = class_server

    def t(key, **v):
        return i18n.t(key, lang, **v)

    locale = "ko-KR" if lang == "ko" else "en-US"
    teacher_ctx = browser.new_context(viewport={"width": 1400, "height": 2000}, locale=locale)
    student_ctx = browser.new_context(**PHONE, locale=locale, device_scale_factor=2)
    try:
        teacher = teacher_ctx.new_page()
        _, link = start_class(teacher, f"{base}/Sampling?lang={lang}", t)
        assert "lang=" not in link  # each phone reads in its own browser's language
        teacher.locator('[data-testid="stImageContainer"] img').first.wait_for(timeout=30_000)  # the QR code
        SHOTS.mkdir(parents=True, exist_ok=True)
        teacher.screenshot(path=SHOTS / f"class-join-{lang}.png")

        student = student_ctx.new_page()
        student.goto(link)
        student.get_by_text(t("class.waiting")).wait_for(timeout=60_000)

        teacher.get_by_role("button", name=t("class.ask")).first.click()
        teacher.get_by_text(t("class.asked")).wait_for(timeout=60_000)
        main = teacher.locator('[data-testid="stMain"]')
        main.get_by_text("0 / 1").wait_for(timeout=30_000)
        answer, public, explanation = open_question(db)
        right = option_label(lang, public, answer)
        why = Text.from_dict(explanation).render(lang)

        student.locator('[data-testid="stButton"] button').first.wait_for(timeout=30_000)
        buttons = student.locator('[data-testid="stMain"] [data-testid="stButton"] button')
        assert buttons.count() == len(public["options"])
        assert buttons.first.bounding_box()["width"] > 300  # big buttons on a phone
        dom = student.content()  # before the reveal: no mark, no tally, no explanation
        assert "✅" not in dom and 'data-testid="stProgress"' not in dom
        assert why[:30] not in dom and shown_text(why)[:30] not in dom
        student.screenshot(path=SHOTS / f"class-student-question-{lang}.png")
        buttons.nth(answer).click()
        student.get_by_text(t("class.your_answer", choice="X").split("**")[0].strip()).wait_for(timeout=30_000)

        main.get_by_text("1 / 1").wait_for(timeout=30_000)
        main.get_by_role("button", name=t("class.reveal")).click()
        for page in (teacher, student):
            page.locator('[data-testid="stProgress"]').first.wait_for(timeout=60_000)
            settle(page)
        shown = shown_text(right)
        for page in (teacher, student):
            text = page.locator('[data-testid="stMain"]').inner_text()
            assert f"{shown} ✅" in text and "(100%)" in text, text[-800:]
        assert (
            t("class.result_right", choice="X").split("**")[0].strip("✅ ")
            in student.locator('[data-testid="stMain"]').inner_text()
        )
        teacher.wait_for_selector('[data-testid="stVegaLiteChart"] >> nth=1', timeout=60_000)
        student.screenshot(path=SHOTS / f"class-student-reveal-{lang}.png", full_page=True)
        teacher.screenshot(path=SHOTS / f"class-lecturer-reveal-{lang}.png")
        for page in (teacher, student):
            assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        teacher_ctx.close()
        student_ctx.close()


def test_predict_first_keeps_the_answer_out_of_the_dom_until_the_pick(class_server, browser, sharp_gpt2_dir):
    from core import quiz
    from core.models import load_lm
    from core.trace import run_trace

    base, _ = class_server
    lm = load_lm(sharp_gpt2_dir)
    prompt = "Data visualization empowers users to"  # the page's default
    q = quiz.next_token(lm, run_trace(lm, prompt).next_token_logits)
    why = q.explanation.render("en")
    context = browser.new_context(viewport={"width": 1400, "height": 2000}, locale="en-US")
    try:
        page = context.new_page()
        page.goto(f"{base}/Sampling?lang=en&predict=true")
        picks = page.locator('[data-testid="stMain"] [data-testid="stButton"] button', has_text="A ·")
        picks.first.wait_for(timeout=120_000)
        settle(page)
        dom = page.content()
        assert why not in dom and shown_text(why) not in dom
        assert page.locator('[data-testid="stVegaLiteChart"]').count() == 0  # the distribution waits
        page.get_by_role("button", name=re.compile(r"^[A-E] · ")).nth(q.answer).click()
        page.locator('[data-testid="stAlertContentSuccess"]').first.wait_for(timeout=60_000)
        settle(page)
        text = page.locator('[data-testid="stMain"]').inner_text()
        assert shown_text(why)[:25] in text  # revealed after the pick
        assert page.locator('[data-testid="stVegaLiteChart"]').count() == 0  # the next question waits
        page.get_by_role("button", name=re.compile(r"^[A-E] · ")).first.click()  # its pick
        page.wait_for_selector('[data-testid="stVegaLiteChart"]', timeout=120_000)
    finally:
        context.close()
