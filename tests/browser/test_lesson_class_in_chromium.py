"""A lesson with a class in Debian's Chromium (issue 27, "With a class"): the lecturer (1,400 px)
starts a class and a lesson, a 390 px phone joins by the link and lands on the lecturer's step;
Next → the phone shows the step's question within 3 s, without a reload; it answers; the tally
counts it; Reveal → the phone shows the step's chart and notice; Next again → the phone moves on.
In English and in Korean.

The server serves a test-only lesson (registered by a sitecustomize on the server's path, so the
app holds no test hook): a title-only step, a step that asks the next-token question and notices
the top token, a title-only step.
"""

from __future__ import annotations

import os
import textwrap
import time
from pathlib import Path

import pytest

from tests.browser.classflow import PHONE, settle, start_class
from tests.browser.test_pages_in_chromium import CHROMIUM, ROOT, SHOTS, streamlit_server

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium missing")]

TITLES = ("posenc.sinusoidal", "sampling.distribution", "block.mlp")  # the three steps' titles (catalog keys)
FOLLOW_S = 3.0  # Next → the step's question on the phone within this


@pytest.fixture(scope="module")
def lesson_server(sharp_gpt2_dir, tmp_path_factory):
    hook = tmp_path_factory.mktemp("lesson-class-hook")
    (hook / "sitecustomize.py").write_text(
        textwrap.dedent(f"""
        import core.lessons
        from core.lessons import Lesson, Step
        core.lessons.LESSONS.setdefault("with_class", Lesson(id="with_class", title="lessonpage.title", note="test",
            steps=(
                Step(id="waves", title={TITLES[0]!r}, text="attention.intro", page="positional",
                     section="sinusoidal", params={{"n": 16}}),
                Step(id="next", title={TITLES[1]!r}, text="sampling.intro", page="sampling", section="distribution",
                     params={{"prompt": "Once upon a time"}}, question="sampling.next_token",
                     notice="lessons.notice.top_token"),
                Step(id="after", title={TITLES[2]!r}, text="block.intro", page="positional", section="sinusoidal",
                     params={{"n": 8}}),
            )))
    """)
    )
    db = f"sqlite:///{tmp_path_factory.mktemp('lesson-class-db') / 'classroom.db'}"
    path = os.pathsep.join(p for p in (str(hook), str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    with streamlit_server(
        {"TRANSFORMER_ANATOMY_MODEL": sharp_gpt2_dir, "TRANSFORMER_ANATOMY_DB": db, "PYTHONPATH": path}
    ) as base:
        yield base


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_phone_follows_the_lesson_answers_and_sees_the_chart(lesson_server, browser, lang):
    from core import i18n

    def t(key, **v):
        return i18n.t(key, lang, **v)

    locale = "ko-KR" if lang == "ko" else "en-US"
    teacher_ctx = browser.new_context(viewport={"width": 1400, "height": 1600}, locale=locale)
    phone_ctx = browser.new_context(**PHONE, locale=locale, device_scale_factor=2)
    try:
        teacher = teacher_ctx.new_page()
        _, link = start_class(teacher, f"{lesson_server}/Lessons?lang={lang}&lesson=with_class&step=1", t)

        phone = phone_ctx.new_page()
        phone.goto(link)  # joins late: lands on the lecturer's step (no question: its title)
        pmain = phone.locator('[data-testid="stMain"]')
        pmain.get_by_role("heading", name=t(TITLES[0])).wait_for(timeout=60_000)
        pmain.get_by_text(t("class.waiting")).wait_for(timeout=30_000)

        main = teacher.locator('[data-testid="stMain"]')
        clicked = time.monotonic()
        main.get_by_role("button", name=t("lessonpage.next")).click()
        answers = pmain.locator('[data-testid="stButton"] button')
        answers.first.wait_for(timeout=30_000)
        followed = time.monotonic() - clicked
        print(f"\n[{lang}] Next → the question on the phone: {followed:.2f} s")
        assert followed <= FOLLOW_S, followed
        assert pmain.get_by_role("heading", name=t(TITLES[1])).count() == 1
        assert answers.count() >= 2 and answers.first.bounding_box()["width"] > 300
        assert phone.locator('[data-testid="stVegaLiteChart"]').count() == 0  # the chart waits for the reveal
        assert t("lessonpage.notice") not in phone.content()
        phone.screenshot(path=SHOTS / f"lesson-class-phone-question-{lang}.png")
        answers.first.click()
        pmain.get_by_text(t("class.your_answer", choice="X").split("**")[0].strip()).wait_for(timeout=30_000)

        main.get_by_text("1 / 1").wait_for(timeout=30_000)  # the tally counts it
        revealed = time.monotonic()
        main.get_by_role("button", name=t("class.reveal")).click()
        phone.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=30_000)
        print(f"[{lang}] Reveal → the chart on the phone: {time.monotonic() - revealed:.2f} s")
        pmain.get_by_text(t("lessonpage.notice")).first.wait_for(timeout=30_000)
        settle(phone)
        box = phone.locator('[data-testid="stVegaLiteChart"]').first.bounding_box()
        assert box["width"] <= 390
        SHOTS.mkdir(parents=True, exist_ok=True)
        phone.locator('[data-testid="stVegaLiteChart"]').first.scroll_into_view_if_needed()
        phone.screenshot(path=SHOTS / f"lesson-class-phone-reveal-{lang}.png")
        teacher.screenshot(path=SHOTS / f"lesson-class-lecturer-reveal-{lang}.png")

        settle(teacher)
        main.get_by_role("button", name=t("lessonpage.next")).click()  # Next again: the phone moves on
        pmain.get_by_role("heading", name=t(TITLES[2])).wait_for(timeout=30_000)
        pmain.get_by_text(t("class.waiting")).wait_for(timeout=30_000)
        assert phone.locator('[data-testid="stVegaLiteChart"]').count() == 0
        for page in (teacher, phone):
            assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        teacher_ctx.close()
        phone_ctx.close()
