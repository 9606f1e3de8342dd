"""The Lessons page in Debian's Chromium: the keys a presenter's clicker sends move the steps,
lecture mode's charts at 1,400 px, and a step on a 390 px phone.

The server serves a test-only lesson (registered by a sitecustomize on the server's path, so the
app holds no test hook) until the lessons' content is merged; then its lessons are there too.
"""

from __future__ import annotations

import json
import re
import textwrap

import pytest

from tests.browser.test_pages_in_chromium import CHROMIUM, ROOT, SHOTS, streamlit_server

pytestmark = [pytest.mark.browser]

STEPS = [  # (section, params, title key)
    ("attention.head_map", {"prompt": "the cat sat on the mat", "layer": 1, "head": 0}, "attention.one_head"),
    ("block.mlp", {"prompt": "The capital of France is", "layer": 0}, "block.mlp"),
    ("sampling.distribution", {"prompt": "Once upon a time"}, "sampling.distribution"),
    ("positional.sinusoidal", {"n": 64}, "posenc.sinusoidal"),
]


@pytest.fixture(scope="module")
def server(tiny_dirs, tmp_path_factory):
    hook = tmp_path_factory.mktemp("lesson-hook")
    (hook / "sitecustomize.py").write_text(
        textwrap.dedent(f"""
        import core.lessons
        from core.lessons import Lesson, Step
        STEPS = {json.dumps(STEPS)}
        core.lessons.LESSONS.setdefault("keys", Lesson(id="keys", title="lessonpage.title", note="test", steps=tuple(
            Step(id=str(i), title=title, text="attention.intro", page=sid.split(".")[0], section=sid.split(".", 1)[1],
                 params=params) for i, (sid, params, title) in enumerate(STEPS))))
    """)
    )
    import os

    path = os.pathsep.join(p for p in (str(hook), str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    with streamlit_server({"TRANSFORMER_ANATOMY_MODEL": str(tiny_dirs["gpt2"]), "PYTHONPATH": path}) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def wait_drawn(page) -> None:
    page.wait_for_selector('[data-testid="stVegaLiteChart"], [data-testid="stException"]', timeout=120_000)
    page.wait_for_timeout(800)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=120_000)


def step_in_url(page) -> str:
    return re.search(r"[?&]step=(\d+)", page.url).group(1)


def test_the_clickers_keys_move_the_steps(server, browser):
    from core import i18n

    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(server + "/Lessons?lesson=keys&step=1&lang=en")
        wait_drawn(page)
        for key, want in (("ArrowRight", 2), ("PageDown", 3), ("PageUp", 2), ("ArrowLeft", 1)):
            page.evaluate("() => document.activeElement && document.activeElement.blur()")  # out of any box
            page.keyboard.press(key)
            page.wait_for_function(f"() => /[?&]step={want}(&|$)/.test(location.search)", timeout=30_000)
            wait_drawn(page)
            title = i18n.t(STEPS[want - 1][2])
            assert page.get_by_role("heading", name=title).first.is_visible(), (key, want)
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()


def test_lecture_mode_charts_at_1400px(server, browser):
    """The chart's axis labels are drawn at 18 px or more (read off the drawn SVG/canvas text
    through Vega's scenegraph where it is exposed; else off the spec Streamlit handed Vega)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(server + "/Lessons?lesson=keys&step=1&lang=en&lecture=true")
        wait_drawn(page)
        texts = page.evaluate("""() => Array.from(document.querySelectorAll(
              '[data-testid="stVegaLiteChart"] svg text'))
              .map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize)])""")
        page.locator('[data-testid="stVegaLiteChart"]').first.scroll_into_view_if_needed()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / "lesson-step-lecture-1400.png")
        assert texts, "Streamlit draws Vega-Lite as SVG: its labels are text elements"
        assert min(size for _, size in texts) >= 18, texts
        assert not [text for text, _ in texts if text.endswith("…")], "no label cut short"
        box = page.locator('[data-testid="stVegaLiteChart"]').first.bounding_box()
        assert box["height"] >= 300, box  # a projector-sized heatmap, not ~222 px
    finally:
        context.close()


@pytest.mark.parametrize("number", range(1, len(STEPS) + 1))
def test_a_step_on_a_390px_phone_has_no_horizontal_overflow(server, browser, number):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="ko-KR", is_mobile=True, has_touch=True, device_scale_factor=2
    )
    page = context.new_page()
    try:
        page.goto(server + f"/Lessons?lesson=keys&step={number}&lang=ko")
        wait_drawn(page)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / f"lesson-step{number}-390.png", full_page=True)
        overflow = page.evaluate("""() => {
            const main = document.querySelector('[data-testid="stMain"]') || document.scrollingElement;
            return {page: document.scrollingElement.scrollWidth - window.innerWidth,
                    main: main.scrollWidth - main.clientWidth};
        }""")
        assert overflow["page"] <= 1 and overflow["main"] <= 1, overflow
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()


def test_a_section_link_lands_on_its_section_in_a_fresh_browser(server, browser):
    """/Attention?at=multi_head, opened cold: once drawn, the section's header is on screen."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(server + "/Attention?lang=en&at=multi_head")
        wait_drawn(page)
        page.wait_for_selector("#multi_head", timeout=60_000)
        page.wait_for_timeout(1500)
        top = page.evaluate("() => document.getElementById('multi_head').getBoundingClientRect().top")
        assert 0 <= top < 900, top
    finally:
        context.close()


def test_lecture_mode_stays_on_after_a_sidebar_click(server, browser):
    """Set by a link, lecture mode stays on at the next sidebar click (it used to switch off)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(server + "/Embeddings?lang=en&lecture=true")
        wait_drawn(page)
        page.locator('[data-testid="stSidebar"] a[href*="Sampling"]').first.click()
        page.wait_for_function("() => location.pathname.endsWith('/Sampling')", timeout=30_000)
        wait_drawn(page)
        switch = page.locator('.st-key-lecture input[type="checkbox"]').first
        assert switch.is_checked()
        size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
        assert size >= 40, size  # lecture mode's style is on the new page (3rem at 20 px)
    finally:
        context.close()
