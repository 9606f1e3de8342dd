"""Cold start: `streamlit run Home.py` until Home is fully rendered with the model ready.

    python -m tests.perf.bench_cold_start [--tokenizer DIR] [--runs 3] [--first-start]

Rows: a GPT-2-small-sized local folder; the offline default's later starts (converted copy
in the cache); with --first-start also the offline default's very first start (download +
conversion into an empty cache). Target: ≤ 6 s on 2 cores for later starts.
"""

from __future__ import annotations

import sys
import tempfile
import time

from tests.perf.harness import (CHROMIUM, CHROMIUM_ARGS, arguments, gpt2_small_folder, median,
                                server, table, wait_until_idle)


def one_start(model: str, extra_env: dict | None = None) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    with server(model, extra_env) as (base, proc, started):
        up = time.monotonic() - started
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(base + "/")
            wait_until_idle(page)
            ready = time.monotonic() - started
            browser.close()
    return up, ready


def main() -> None:
    sys.argv, first = [a for a in sys.argv if a != "--first-start"], "--first-start" in sys.argv
    runs = 3
    if "--runs" in sys.argv:
        i = sys.argv.index("--runs")
        runs = int(sys.argv[i + 1])
        del sys.argv[i: i + 2]
    args = arguments(__doc__)
    gpt2 = str(gpt2_small_folder(args))
    rows = []
    for label, model in (("GPT-2-small-sized folder", gpt2), ("offline default, later start", "smollm2-135m")):
        one_start(model)  # warm the OS file cache once, as a laptop that ran the app before
        results = [one_start(model) for _ in range(runs)]
        rows.append({"start": label, "runs": runs,
                     "server up (s)": median([r[0] for r in results]),
                     "Home ready (s)": median([r[1] for r in results]),
                     "target (s)": 6.0})
    if first:
        with tempfile.TemporaryDirectory() as empty_cache:
            up, ready = one_start("smollm2-135m", {"TRANSFORMER_ANATOMY_CACHE": empty_cache})
        rows.append({"start": "offline default, FIRST start (download + convert)", "runs": 1,
                     "server up (s)": up, "Home ready (s)": ready, "target (s)": "-"})
    table(rows, "Cold start of `streamlit run Home.py` (median; Chromium waits for the chart)")


if __name__ == "__main__":
    main()
