"""Peak RSS of the server after visiting every page in Chromium (target ≤ 1.3 GB).

    python -m tests.perf.bench_memory [--tokenizer DIR]
"""

from __future__ import annotations

from tests.perf.harness import (CHROMIUM, CHROMIUM_ARGS, PAGES, arguments, gpt2_small_folder,
                                peak_rss_mb, server, table, url_path, wait_until_idle)


def main() -> None:
    from playwright.sync_api import sync_playwright

    args = arguments(__doc__)
    rows = []
    for label, model in (("GPT-2-small-sized", str(gpt2_small_folder(args))),
                         ("offline default (SmolLM2-135M)", "smollm2-135m")):
        with server(model) as (base, proc, _):
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page()
                for lang in ("en", "ko"):
                    for page_file in PAGES:
                        page.goto(f"{base}{url_path(page_file)}?lang={lang}")
                        wait_until_idle(page)
                browser.close()
            rows.append({"model": label, "pages visited": 2 * len(PAGES),
                         "peak RSS (MB)": peak_rss_mb(proc.pid), "target (MB)": 1300})
    table(rows, "Server peak RSS (VmHWM) after every page in English and Korean")


if __name__ == "__main__":
    main()
