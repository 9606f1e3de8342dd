"""The README's screenshots: every page in a real browser, on the offline default model.

    python docs/shoot.py            # starts `streamlit run Home.py`, writes docs/<page>.png
    python docs/shoot.py --lessons  # only the lesson steps, on a laptop and on a phone

Debian's chromium through Playwright (as the browser tests), 1400 × 1000 viewport, the top
of each page (or its main chart, centred) once its script run is over.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.perf.harness import CHROMIUM, CHROMIUM_ARGS, PAGES, server, url_path, wait_until_idle  # noqa: E402

SHOTS = {  # page -> (file name, query string, which chart to centre; None = top of page)
    "Home.py": ("home", "", None),
    "pages/1_Embeddings.py": ("embeddings", "", 1),
    "pages/2_Positional_Encoding.py": ("positional", "", 0),
    "pages/3_Attention.py": ("attention", "?layer=3&head=5", 0),
    "pages/4_Transformer_Block.py": ("block", "?layer=5", 5),
    "pages/5_RNN_Attention_Transformer.py": ("translators", "?sentence=I+love+you.", 1),
    "pages/6_Sampling.py": ("sampling", "", 0),
}
SKIPPED = {"pages/0_Lessons.py"}  # shot as lesson steps (LESSON_SHOTS)
EXTRA = [  # more views of the same pages: (page, file name, query string, chart to centre)
    ("pages/3_Attention.py", "knockout", "?layer=3&head=5&knockout=true", ('[class*="st-key-csv_head_knockout"]', 0)),
    ("pages/4_Transformer_Block.py", "residual", "?layer=5&lang=ko", 3),
    ("pages/6_Sampling.py", "predict_first", "?predict=true&lang=ko", ('[class*="st-key-pick_"]', 0)),
    ("Home.py", "family_tree", "?lang=ko", ('[data-testid="stGraphVizChart"]', 1)),
]

LESSON_SHOTS = [  # a lesson step: (file name, query string, viewport, what to wait for)
    (
        "lesson_laptop",
        "?lesson=explainer&step=9&lecture=true",
        {"width": 1400, "height": 1000},
        '[data-testid="stVegaLiteChart"]',
    ),  # one laptop screen: the whole step
    ("lesson_phone", "?lesson=explainer&step=2&lang=ko", {"width": 390, "height": 844}, '[class*="st-key-pick_"]'),
]


def shoot_lessons(browser, base: str) -> None:
    """A step on a projector (lecture mode, one 1,400 × 1,000 screen) and a question on a phone."""
    for name, query, viewport, selector in LESSON_SHOTS:
        page = browser.new_page(viewport=viewport, locale="en-US")
        page.goto(base + "/Lessons" + query)
        page.wait_for_selector(selector, timeout=180_000)
        page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=180_000)
        page.wait_for_timeout(1500)  # charts finish drawing
        out = ROOT / "docs" / f"{name}.png"
        page.screenshot(path=out)
        print(out.relative_to(ROOT))
        page.close()


def main() -> None:
    from playwright.sync_api import sync_playwright

    with server("smollm2-135m") as (base, _, _), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        shoot_lessons(browser, base)
        if "--lessons" in sys.argv:
            browser.close()
            return
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="en-US")
        views = [
            (path, *SHOTS.get(path, (Path(path).stem.lower(), "", None))) for path in PAGES if path not in SKIPPED
        ] + EXTRA
        for path, name, query, chart in views:
            page.goto(base + url_path(path) + query)
            if "predict=true" in query:  # the page stops at its first question: no chart yet
                page.wait_for_selector('[class*="st-key-pick_"]', timeout=180_000)
                page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=180_000)
            else:
                wait_until_idle(page)
            if chart is not None:  # a Vega-Lite chart's index, or (selector, index)
                selector, nth = chart if isinstance(chart, tuple) else ('[data-testid="stVegaLiteChart"]', chart)
                page.locator(selector).nth(nth).evaluate("el => el.scrollIntoView({block: 'center'})")
            page.wait_for_timeout(1500)  # charts finish drawing
            out = ROOT / "docs" / f"{name}.png"
            page.screenshot(path=out)
            print(out.relative_to(ROOT))
        browser.close()


if __name__ == "__main__":
    main()
