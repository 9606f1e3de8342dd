"""Cold start: `streamlit run Home.py`, a browser opening Home at once, three moments:

  * server up — the health endpoint answers;
  * first paint — the page's title is on screen (what a student sees while the model loads);
  * model ready — Home fully drawn with the model's numbers (its chart, no running script).

    python -m tests.perf.bench_cold_start [--tokenizer DIR] [--runs 3] [--first-start]

Rows: a GPT-2-small-sized local folder; the offline default's later starts (converted copy
in the cache); with --first-start also the offline default's very first start (download +
conversion into an empty cache). Target: first paint ≤ 0.4 × model ready, in the same run.
"""

from __future__ import annotations

import sys
import tempfile
import time

from tests.perf.harness import (
    CHROMIUM,
    CHROMIUM_ARGS,
    arguments,
    gpt2_small_folder,
    median,
    server,
    table,
    wait_until_idle,
)


def one_start(model: str, extra_env: dict | None = None) -> tuple[float, float, float]:
    from playwright.sync_api import sync_playwright

    with server(model, extra_env) as (base, proc, started):
        up = time.monotonic() - started
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(base + "/")
            page.wait_for_selector("h1", timeout=180_000)
            painted = time.monotonic() - started
            wait_until_idle(page)
            ready = time.monotonic() - started
            browser.close()
    return up, painted, ready


def main() -> None:
    sys.argv, first = [a for a in sys.argv if a != "--first-start"], "--first-start" in sys.argv
    runs = 3
    if "--runs" in sys.argv:
        i = sys.argv.index("--runs")
        runs = int(sys.argv[i + 1])
        del sys.argv[i : i + 2]
    args = arguments(__doc__)
    gpt2 = str(gpt2_small_folder(args))
    rows = []
    for label, model in (("GPT-2-small-sized folder", gpt2), ("offline default, later start", "smollm2-135m")):
        one_start(model)  # warm the OS file cache once, as a laptop that ran the app before
        results = [one_start(model) for _ in range(runs)]
        ratios = [paint / ready for _, paint, ready in results]
        rows.append(
            {
                "start": label,
                "runs": runs,
                "server up (s)": median([r[0] for r in results]),
                "first paint (s)": median([r[1] for r in results]),
                "model ready (s)": median([r[2] for r in results]),
                "paint / ready": median(ratios),
                "target": "≤ 0.4",
            }
        )
    if first:
        with tempfile.TemporaryDirectory() as empty_cache:
            up, paint, ready = one_start("smollm2-135m", {"TRANSFORMER_ANATOMY_CACHE": empty_cache})
        rows.append(
            {
                "start": "offline default, FIRST start (download + convert)",
                "runs": 1,
                "server up (s)": up,
                "first paint (s)": paint,
                "model ready (s)": ready,
                "paint / ready": paint / ready,
                "target": "-",
            }
        )
    table(rows, "Cold start of `streamlit run Home.py` (medians over runs; each ratio in one run)")


if __name__ == "__main__":
    main()
