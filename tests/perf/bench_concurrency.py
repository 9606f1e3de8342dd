"""30 students at once against one running server — real browser sessions, not threads.

Each of N Chromium contexts opens a page (spread over every page), waits for it, then
changes a view (a slider in the page body, else the lecture-mode toggle) and types a new
prompt. Reported: errors (exception boxes, timeouts), p50/p95 latency of the interactions,
server peak RSS. Targets: 0 errors, p95 ≤ 3 s.

    python -m tests.perf.bench_concurrency [--tokenizer DIR] [--sessions 30] [--model smollm2-135m]
"""

from __future__ import annotations

import asyncio
import time

from tests.perf.harness import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PAGES,
    arguments,
    crowd_options,
    gpt2_small_folder,
    page_query,
    peak_rss_mb,
    percentile,
    server,
    table,
    url_path,
)

TIMEOUT_MS = 120_000


async def idle(page) -> None:
    try:  # the running indicator may come and go before we look
        await page.wait_for_selector('[data-testid="stStatusWidget"]', state="attached", timeout=1500)
    except Exception:
        pass
    await page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT_MS)


async def student(browser, base: str, i: int, results: dict) -> None:
    page_file = PAGES[i % len(PAGES)]
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    try:
        started = time.monotonic()
        await page.goto(base + url_path(page_file) + "?" + page_query(page_file))
        await page.wait_for_selector('[data-testid="stVegaLiteChart"], [data-testid="stException"]', timeout=TIMEOUT_MS)
        await idle(page)
        results["load"].append(time.monotonic() - started)

        started = time.monotonic()
        slider = page.locator('section.main [role="slider"], [data-testid="stMain"] [role="slider"]')
        if await slider.count():
            await slider.first.focus()
            await slider.first.press("ArrowRight")
        else:
            await page.locator(
                '[data-testid="stSidebar"] [data-testid="stCheckbox"], '
                '[data-testid="stSidebar"] label:has(input[type="checkbox"])'
            ).first.click()
        await idle(page)
        results["view"].append(time.monotonic() - started)

        box = page.locator('[data-testid="stMain"] input[type="text"], [data-testid="stMain"] textarea')
        if await box.count():
            started = time.monotonic()
            await box.first.fill(f"Student {i} asks what comes next in this sentence")
            await box.first.press("Enter" if await box.first.evaluate("e => e.tagName") == "INPUT" else "Control+Enter")
            await idle(page)
            results["prompt"].append(time.monotonic() - started)
        if await page.locator('[data-testid="stException"]').count():
            results["errors"].append(f"{page_file}: exception box")
    except Exception as exc:  # a timeout or a failed navigation is an error for this student
        results["errors"].append(f"{page_file}: {type(exc).__name__}: {str(exc)[:120]}")
    finally:
        await context.close()


async def run(base: str, sessions: int) -> dict:
    from playwright.async_api import async_playwright

    results = {"load": [], "view": [], "prompt": [], "errors": []}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        await asyncio.gather(*(student(browser, base, i, results) for i in range(sessions)))
        await browser.close()
    return results


def main() -> None:
    sessions, model = crowd_options()
    args = arguments(__doc__)
    model = model or str(gpt2_small_folder(args))
    with server(model) as (base, proc, _):
        started = time.monotonic()
        results = asyncio.run(run(base, sessions))
        wall = time.monotonic() - started
        rss = peak_rss_mb(proc.pid)
    rows = [
        {
            "interaction": kind,
            "n": len(results[kind]),
            "p50 s": percentile(results[kind], 0.5),
            "p95 s": percentile(results[kind], 0.95),
            "max s": max(results[kind], default=float("nan")),
        }
        for kind in ("load", "view", "prompt")
    ]
    table(rows, f"{sessions} concurrent browser sessions, model {model}, wall {wall:.1f} s")
    print(f"\nerrors: {len(results['errors'])} (target 0)")
    for e in results["errors"]:
        print("  ", e)
    print(f"server peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
