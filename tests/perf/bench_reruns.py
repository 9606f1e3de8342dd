"""Warm reruns per page, on a GPT-2-small-sized model, measured in one process:

* view-only changes (sliders, selectboxes, radios in the page body; on a page with lazy
  tabs, each tab's widgets with that tab open, and opening each tab) — target p95 ≤ 150 ms;
  the attention and block pages also once more with their interventions prepared (knock-out
  switched on, the sweeps and the patching grid run), so the views they add are measured too
* a new prompt in the page's first text box — target ≤ 2 × a bare forward pass of the
  same prompts, measured in the same run: `model(input_ids)` as Hugging Face runs it
  (logits at every position), and, stricter, with logits_to_keep=1 (the last position
  only, which is all a page needs: the unembedding is 38 M of GPT-2's 124 M weights)

  python -m tests.perf.bench_reruns [--tokenizer DIR] [--repeats 10] [--pages Sampling,Home]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import torch

from tests.helpers import bound_tabs
from tests.perf.harness import PAGES, ROOT, arguments, gpt2_small_folder, median, percentile, table

SIDEBAR_KEYS = {"lang", "model", "lecture"}

# The interventions' sections, prepared before their views are measured: (widget kind, key, value)
# — a switch turned on, or a button pressed (value None) to run a sweep or the patching grid.
PREPARED = {
    "pages/3_Attention.py": [("toggle", "knockout", True), ("button", "start_heads", None)],
    "pages/4_Transformer_Block.py": [
        ("toggle", "knock", True),
        ("button", "start_layers", None),
        ("button", "start_grid", None),
    ],
}


def timed_run(at) -> float:
    started = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - started
    if at.exception:
        raise RuntimeError([e.message for e in at.exception])
    return elapsed * 1000


def view_widgets(at):
    for kind in ("slider", "selectbox", "radio", "select_slider"):
        for w in getattr(at, kind):
            if w.key in SIDEBAR_KEYS:
                continue
            yield kind, w


def alternatives(kind, w):
    if kind == "slider":
        if isinstance(w.value, tuple):
            return [(w.min, w.max), w.value]
        step = w.step or 1
        other = w.value + step if w.value + step <= w.max else w.value - step
        return [other, w.value]
    options = list(w.options)
    if len(options) < 2:
        return []
    current = w.format_func(w.value) if hasattr(w, "format_func") else str(w.value)
    others = [o for o in options if o != current]
    return [others[0], current]


def first_prompt_box(at):
    """The page's first text box (an element of the latest run: setting a value on an
    element from an earlier run is silently lost)."""
    boxes = [b for b in list(at.text_input) + list(at.text_area) if b.key not in SIDEBAR_KEYS]
    return boxes[0] if boxes else None


def bare_forward_ms(lm, texts: list[str], **options) -> float:
    """Median time of one plain forward pass over each of the texts the page was given
    (`model(input_ids)`: logits at every position; logits_to_keep=1: the last one only)."""
    times = []
    with torch.no_grad():
        for text in texts:
            ids = torch.tensor([lm.encode(text)[:128]])
            lm.model(input_ids=ids, **options)
            started = time.perf_counter()
            lm.model(input_ids=ids, **options)
            times.append((time.perf_counter() - started) * 1000)
    return median(times)


def main() -> None:
    repeats = 10
    if "--repeats" in sys.argv:
        i = sys.argv.index("--repeats")
        repeats = int(sys.argv[i + 1])
        del sys.argv[i : i + 2]
    only = []
    if "--pages" in sys.argv:  # e.g. --pages Sampling,Positional
        i = sys.argv.index("--pages")
        only = sys.argv[i + 1].split(",")
        del sys.argv[i : i + 2]
    args = arguments(__doc__)
    folder = str(gpt2_small_folder(args))
    os.environ["TRANSFORMER_ANATOMY_MODEL"] = folder
    os.environ["HF_HUB_OFFLINE"] = "1"
    import streamlit.testing.v1.local_script_runner as local_runner
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import AppTest

    # The server compiles each page once and keeps its bytecode (one ScriptCache per
    # runtime); AppTest builds a new cache for every run, which would add a compile of the
    # page to every measured rerun. Share one, as the server does.
    shared_cache = ScriptCache()
    assert hasattr(local_runner, "ScriptCache"), "Streamlit moved AppTest's ScriptCache"
    local_runner.ScriptCache = lambda: shared_cache

    from core.models import load_lm

    lm = load_lm(folder)
    rows = []
    scenarios = [(p, False) for p in PAGES] + [(p, True) for p in PREPARED]
    for page, prepared in [(p, prep) for p, prep in scenarios if not only or any(o.lower() in p.lower() for o in only)]:
        at = AppTest.from_file(str(ROOT / page), default_timeout=600)
        timed_run(at)  # first run: model load, first trace
        assert shared_cache._cache, "AppTest no longer uses the shared ScriptCache"
        for kind, key, value in PREPARED[page] if prepared else []:
            widget = getattr(at, kind)(key=key)
            widget.click() if kind == "button" else widget.set_value(value)
            timed_run(at)
        timed_run(at)
        view, by_widget = [], {}
        tabs = bound_tabs(at)  # lazy tabs: each tab's widgets, with that tab open
        for label in tabs[1] if tabs else [None]:
            if label is not None and label != tabs[1][0]:
                at.session_state[tabs[0]] = label
                view.append(timed_run(at))  # opening a tab is a view change too
            for kind, w in list(view_widgets(at)):
                for value in alternatives(kind, w) * (repeats // 2):
                    getattr(at, kind)(key=w.key).set_value(value) if w.key else w.set_value(value)
                    view.append(timed_run(at))
                    by_widget.setdefault(w.key or w.label, []).append(view[-1])
        if tabs:  # back to the first tab, where the prompt box is
            at.session_state[tabs[0]] = tabs[1][0]
            view.append(timed_run(at))
        print(
            f"{page}{' + interventions' if prepared else ''}: view p95 by widget (ms): "
            + ", ".join(f"{k} {percentile(v, 0.95):.0f}" for k, v in by_widget.items()),
            flush=True,
        )
        prompt, forward, last_only = [], float("nan"), float("nan")
        box = first_prompt_box(at) if not prepared else None  # the prompt: measured once, unprepared
        if box is not None:
            base = box.value or "The train left the station on time"
            # new to this page and to every page before it
            texts = [f"{base} {i} more on {Path(page).stem}" for i in range(repeats)]
            for text in texts:
                first_prompt_box(at).set_value(text)  # this run's element, not a stale one
                prompt.append(timed_run(at))
                assert first_prompt_box(at).value == text
            forward = bare_forward_ms(lm, texts)  # the same texts, same length
            last_only = bare_forward_ms(lm, texts, logits_to_keep=1)
        rows.append(
            {
                "page": page + (" + interventions" if prepared else ""),
                "view n": len(view),
                "view p50 ms": percentile(view, 0.5),
                "view p95 ms": percentile(view, 0.95),
                "prompt p50 ms": percentile(prompt, 0.5),
                "prompt p95 ms": percentile(prompt, 0.95),
                "bare forward ms": forward,
                "prompt p50 / forward": percentile(prompt, 0.5) / forward if prompt else float("nan"),
                "forward, last logits only ms": last_only,
                "prompt p50 / that": percentile(prompt, 0.5) / last_only if prompt else float("nan"),
            }
        )
    table(
        rows,
        f"Warm reruns through AppTest, GPT-2-small-sized model, torch threads={torch.get_num_threads()} "
        "(targets: view p95 ≤ 150 ms; new prompt ≤ 2 × bare forward)",
    )


if __name__ == "__main__":
    main()
