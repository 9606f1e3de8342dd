"""Peak RSS of the server after visiting every page in Chromium, then with the trace cache
full (long prompts until the cache holds its budget) — target ≤ 2.0 GB with the cache full; and the bytes of one
cached trace of 128 tokens.

    python -m tests.perf.bench_memory [--tokenizer DIR]
"""

from __future__ import annotations

from urllib.parse import quote

from tests.perf.harness import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PAGES,
    arguments,
    gpt2_small_folder,
    page_query,
    peak_rss_mb,
    server,
    table,
    url_path,
    wait_until_idle,
)

LONG_PROMPTS = 20  # × ~16 MB: more than the trace cache's budget


def long_prompt(i: int) -> str:
    return " ".join(f"word{i}x{j}" for j in range(200))  # well over 128 tokens: capped to 128


def trace_bytes(folder: str) -> tuple[int, int]:
    """(bytes, tokens) of one cached trace of the longest prompt a page accepts."""
    from core.models import load_lm
    from core.trace import run_trace

    trace = run_trace(load_lm(folder), long_prompt(0))
    return trace.nbytes, trace.n_tokens


def main() -> None:
    from playwright.sync_api import sync_playwright

    args = arguments(__doc__)
    rows = []
    for label, model in (
        ("GPT-2-small-sized", str(gpt2_small_folder(args))),
        ("offline default (SmolLM2-135M)", "smollm2-135m"),
    ):
        with server(model) as (base, proc, _):
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page()
                for lang in ("en", "ko"):
                    for page_file in PAGES:
                        page.goto(f"{base}{url_path(page_file)}?{page_query(page_file, lang=lang)}")
                        wait_until_idle(page)
                after_pages = peak_rss_mb(proc.pid)
                for i in range(LONG_PROMPTS):  # new 128-token traces until the cache is full
                    page.goto(f"{base}/Attention?lang=en&text={quote(long_prompt(i))}")
                    wait_until_idle(page)
                browser.close()
            rows.append(
                {
                    "model": label,
                    "pages visited": 2 * len(PAGES),
                    "peak RSS after pages (MB)": after_pages,
                    f"… and {LONG_PROMPTS} new 128-token prompts (MB)": peak_rss_mb(proc.pid),
                    "target (MB)": 2000,
                }
            )
    from core.ui import TRACE_CACHE_BYTES

    size, tokens = trace_bytes(str(gpt2_small_folder(args)))
    table(rows, "Server peak RSS (VmHWM) after every page in English and Korean")
    print(
        f"\nOne cached trace of {tokens} tokens on the GPT-2-small-sized model: {size / 2**20:.1f} MB; "
        f"the trace cache keeps at most {TRACE_CACHE_BYTES / 2**20:.0f} MB of them"
    )


if __name__ == "__main__":
    main()
