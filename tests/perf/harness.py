"""Shared pieces of the benchmarks: a GPT-2-small-sized model, a server, a browser.

The benchmarks are scripts (`python -m tests.perf.bench_cold_start`), not collected by
pytest. They use a model of GPT-2 small's exact size — GPT2Config() with random weights and
GPT-2's real tokenizer files — so timing and memory are those of the real model.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# the pages that show the model (the Class page, a phone's view of a class: bench_class)
PAGES = ["Home.py"] + sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py") if p.name != "7_Class.py")


def arguments(description: str) -> argparse.Namespace:
    from tests.tiny_models import GPT2_TOKENIZER_DIR

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--tokenizer", default=str(GPT2_TOKENIZER_DIR), help="a folder with GPT-2's vocab.json and merges.txt"
    )
    parser.add_argument(
        "--model-dir",
        default=str(Path.home() / ".cache" / "transformer-anatomy" / "bench-gpt2-small"),
        help="where the GPT-2-small-sized model is saved (built once)",
    )
    return parser.parse_args()


def gpt2_small_folder(args: argparse.Namespace) -> Path:
    folder = Path(args.model_dir)
    if not (folder / "model.safetensors").exists():
        from tests.tiny_models import build_gpt2_small

        print(f"building a GPT-2-small-sized model in {folder} …", flush=True)
        build_gpt2_small(folder, Path(args.tokenizer))
    return folder


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_streamlit(port: int, env: dict, **popen) -> subprocess.Popen:
    """`streamlit run Home.py` headless on 127.0.0.1:`port` with `env` (the benchmarks' server and
    the browser tests' one); `popen`: where its output goes."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "Home.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env=env,
        **popen,
    )


@contextmanager
def server(model: str, extra_env: dict | None = None):
    """`streamlit run Home.py` on a free port; yields (base_url, process, started_at)."""
    port = free_port()
    env = {**os.environ, "TRANSFORMER_ANATOMY_MODEL": model, **(extra_env or {})}
    started = time.monotonic()
    proc = start_streamlit(port, env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/_stcore/health", timeout=1)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() - started > 120:
                    raise RuntimeError("streamlit did not start")
                time.sleep(0.05)
        yield base, proc, started
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def pop_option(flag: str, default, cast=int):
    """`flag VALUE` taken out of sys.argv (cast), before `arguments` reads the rest; else default."""
    if flag not in sys.argv:
        return default
    i = sys.argv.index(flag)
    value = cast(sys.argv[i + 1])
    del sys.argv[i : i + 2]
    return value


def crowd_options(default_sessions: int = 30) -> tuple[int, str | None]:
    """--sessions N and --model NAME, taken out of sys.argv before `arguments` reads it."""
    sessions, model = default_sessions, None
    for flag in ("--sessions", "--model"):
        if flag in sys.argv:
            i = sys.argv.index(flag)
            value = sys.argv[i + 1]
            del sys.argv[i : i + 2]
            sessions, model = (int(value), model) if flag == "--sessions" else (sessions, value)
    return sessions, model


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident set size (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def url_path(page: str) -> str:
    return "/" if page == "Home.py" else "/" + Path(page).stem.split("_", 1)[1]


# a page whose first screen is a picker without a chart is visited at a view that has one
OPENED_AT = {"pages/0_Lessons.py": {"lesson": "explainer", "step": "3"}}


def page_query(page: str, **query: str) -> str:
    """The query string a benchmark opens `page` with: `query`, plus where OPENED_AT opens it."""
    from urllib.parse import urlencode

    return urlencode({**query, **OPENED_AT.get(page, {})})


def wait_until_idle(page, timeout_ms: int = 180_000) -> None:
    """The script run is over: a chart is drawn and the running indicator has gone."""
    page.wait_for_selector('[data-testid="stVegaLiteChart"], [data-testid="stException"]', timeout=timeout_ms)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=timeout_ms)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def table(rows: list[dict], title: str) -> None:
    print(f"\n{title}")
    if not rows:
        print("(no rows)")
        return
    cols = list(rows[0])
    widths = [max(len(c), *(len(_fmt(r[c])) for r in rows)) for c in cols]
    print("  ".join(c.ljust(w) for c, w in zip(cols, widths)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(_fmt(r[c]).ljust(w) for c, w in zip(cols, widths)))


def _fmt(v) -> str:
    return f"{v:.3f}" if isinstance(v, float) else str(v)


median = statistics.median
