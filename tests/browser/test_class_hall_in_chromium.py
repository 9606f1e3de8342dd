"""A class in a hall, in Chromium (issue 28). One phone (390 px, its browser in Korean) opens
the join link — which carries no language — answers, reloads three times, opens the link in a
second tab, and the server restarts: one student, one answer, and every time the phone shows
its answer, not the buttons. The lecturer's browser re-attaches to its class after a reload
and after a restart, and downloads the results;
lecture mode draws the live counts at ≥ 48 px and the result bars thick with large labels."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.browser import test_pages_in_chromium as pages
from tests.browser.classflow import PHONE, settle

CHROMIUM, SHOTS, streamlit_server = pages.CHROMIUM, pages.SHOTS, pages.streamlit_server
browser = pages.browser  # the fixture: one Chromium for the module

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium missing")]


def count(db: str, table) -> int:
    engine = sa.create_engine(db)
    with engine.connect() as conn:
        n = conn.scalar(sa.select(sa.func.count()).select_from(table))
    engine.dispose()
    return n


def px(locator, prop: str = "font-size") -> float:
    return float(locator.evaluate(f"e => getComputedStyle(e).getPropertyValue('{prop}')").removesuffix("px"))


def test_one_phone_is_one_student_through_reloads_tabs_and_a_restart(browser, sharp_gpt2_dir, tmp_path):
    from core import i18n
    from core.classroom import ClassStore, Limits, answers, students
    from core.quiz import Question, Text, literal

    db = f"sqlite:///{tmp_path / 'classroom.db'}"
    store = ClassStore(db, Limits())
    lecturer = store.create_class()
    options = tuple(literal(w) for w in ("alpha", "beta", "gamma"))
    store.ask(
        lecturer.code,
        lecturer.secret,
        Question("test.kind", Text("quiz.sampling.next_token"), options, 1, Text("quiz.literal", {"text": "why"})),
    )
    env = {"TRANSFORMER_ANATOMY_MODEL": sharp_gpt2_dir, "TRANSFORMER_ANATOMY_DB": db}
    mine = i18n.t("class.your_answer", "ko", choice="X").split("**")[0].strip()
    context = browser.new_context(**PHONE, locale="ko-KR", device_scale_factor=2)
    try:
        with streamlit_server(env) as base:
            link = f"{base}/Class?class={lecturer.code}"
            phone = context.new_page()
            phone.goto(link)
            buttons = phone.locator('[data-testid="stMain"] [data-testid="stButton"] button')
            buttons.first.wait_for(timeout=60_000)
            assert phone.get_by_text(i18n.t("class.heading", "ko"), exact=True).count()  # its own language
            phone.get_by_role("radiogroup").first.wait_for(timeout=10_000)  # the switch, on the page itself
            settle(phone)
            assert any(c["name"] == "ta_browser" for c in context.cookies())  # the id it keeps
            buttons.nth(2).click()
            phone.get_by_text(mine).wait_for(timeout=30_000)
            for _ in range(3):
                phone.reload()
                phone.get_by_text(mine).wait_for(timeout=60_000)
                settle(phone)
                assert buttons.count() == 0, "an answered phone shows its answer, not the buttons"
            tab = context.new_page()
            tab.goto(link)
            tab.get_by_text(mine).wait_for(timeout=60_000)
            tab.close()
        with streamlit_server(env) as base:  # the server restarted
            phone.goto(f"{base}/Class?class={lecturer.code}")
            phone.get_by_text(mine).wait_for(timeout=60_000)
            settle(phone)
            assert buttons.count() == 0
            SHOTS.mkdir(parents=True, exist_ok=True)
            phone.screenshot(path=SHOTS / "class-phone-after-restart-ko.png", full_page=True)
        assert count(db, students) == 1 and count(db, answers) == 1
        assert store.tally(lecturer.code, lecturer.secret).counts == [0, 0, 1]
    finally:
        context.close()
        store.dispose()


def test_the_lecturer_reattaches_and_lecture_mode_is_legible(browser, sharp_gpt2_dir, tmp_path):
    from core import i18n
    from core.classroom import ClassStore, Limits

    db = f"sqlite:///{tmp_path / 'classroom.db'}"
    env = {"TRANSFORMER_ANATOMY_MODEL": sharp_gpt2_dir, "TRANSFORMER_ANATOMY_DB": db}
    t = lambda key, **v: i18n.t(key, "en", **v)  # noqa: E731
    context = browser.new_context(viewport={"width": 1400, "height": 2000}, locale="en-US")
    store = ClassStore(db, Limits())
    try:
        with streamlit_server(env) as base:
            teacher = context.new_page()
            teacher.goto(f"{base}/Sampling?lang=en&lecture=true")
            teacher.wait_for_selector('[data-testid="stVegaLiteChart"]', timeout=120_000)
            settle(teacher)
            sidebar = teacher.locator('[data-testid="stSidebar"]')
            sidebar.get_by_text(t("class.sidebar"), exact=True).click()
            sidebar.get_by_role("button", name=t("class.start")).click()
            live = teacher.locator(".class-live-count")
            live.wait_for(timeout=60_000)
            settle(teacher)
            sizes = {
                "join screen count": px(live),
                "sidebar count": px(sidebar.locator('[data-testid="stMetricValue"]').first.locator("div").first),
            }
            code = teacher.locator('[data-testid="stSidebar"]').inner_text().split("Class ")[1].split(" ")[0]
            assert len(code) == 6, code
            store.join(code, "a-phone")
            teacher.get_by_role("button", name=t("class.ask")).first.click()
            teacher.get_by_text(t("class.asked")).wait_for(timeout=60_000)
            qid = store.student_view(code).question_id
            store.answer(code, "a-phone", qid, 0)
            teacher.reload()  # the lecturer reloads: the browser re-attaches, no typing
            teacher.get_by_text(t("class.reattached", code=code).replace("**", "")[:28]).wait_for(timeout=120_000)
            settle(teacher)
            teacher.get_by_text("1 / 1").first.wait_for(timeout=30_000)
            teacher.locator('[data-testid="stSidebar"]').get_by_role("button", name=t("class.reveal")).click()
            bar = teacher.locator('[data-testid="stProgress"]').first
            bar.wait_for(timeout=60_000)
            settle(teacher)
            sizes["result label"] = px(bar.locator("p").first)
            sizes["result bar height"] = px(bar.locator('[role="progressbar"]').first, "height")
            sizes["answered count"] = px(teacher.locator('[data-testid="stMetricValue"] div').first)
            SHOTS.mkdir(parents=True, exist_ok=True)
            teacher.screenshot(path=SHOTS / "class-lecture-mode-reveal-en.png")
            with teacher.expect_download(timeout=60_000) as download:  # the results, any time
                sidebar.get_by_role("button", name=t("class.results")).click()
            table = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
            assert len(table) == 1 and table[0]["counts"].startswith("A: 1") and table[0]["answered"] == "1"
            assert "a-phone" not in Path(download.value.path()).read_text()
            print("\nlecture mode, px:", sizes)
            assert sizes["join screen count"] >= 48 and sizes["sidebar count"] >= 48, sizes
            assert sizes["answered count"] >= 48, sizes
            assert sizes["result label"] >= 28 and sizes["result bar height"] >= 20, sizes
            assert teacher.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()
        store.dispose()
