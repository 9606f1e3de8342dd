"""The Lessons page on a GPT-2-small-sized model, through AppTest in one process (as bench_reruns):

  * the first step of a lesson in a new session on a warm server (an earlier session opened the
    lesson: the model loaded, the page's modules imported) — target ≤ 1 s; the cold one printed too
  * a warm step change (Next / Back, each step visited once before) — target p95 ≤ 150 ms

The lessons are core.lessons.LESSONS; where none are merged yet, one test lesson with a step per
section of the model's pages (every SECTION_INPUTS id but the translation page's, whose
translators are not the model) on the sections' defaults.

    python -m tests.perf.bench_lessons [--tokenizer DIR] [--rounds 2] [--lesson ID]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import torch

from tests.perf.harness import ROOT, arguments, gpt2_small_folder, median, percentile, pop_option, table

PAGE = "pages/0_Lessons.py"


def timed_run(at) -> float:
    started = time.perf_counter()
    at.run()
    elapsed = (time.perf_counter() - started) * 1000
    if at.exception:
        raise RuntimeError([e.message for e in at.exception])
    return elapsed


def stand_in_lesson():
    from core.lessons import Lesson, Step
    from core.lessons.sections import SECTION_INPUTS

    steps = tuple(
        Step(
            id=sid,
            title="attention.one_head",
            text="attention.intro",
            page=sid.split(".")[0],
            section=sid.split(".", 1)[1],
        )
        for sid in SECTION_INPUTS
        if not sid.startswith("translation.")
    )
    return Lesson(id="every_section", title="lessonpage.title", note="bench", steps=steps)


def main() -> None:
    rounds = pop_option("--rounds", 2)
    only = pop_option("--lesson", None, str)
    args = arguments(__doc__)
    folder = str(gpt2_small_folder(args))
    os.environ["TRANSFORMER_ANATOMY_MODEL"] = folder
    os.environ["HF_HUB_OFFLINE"] = "1"
    import streamlit.testing.v1.local_script_runner as local_runner
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import AppTest

    import core.lessons
    from core.ui.lesson import section_of

    shared_cache = ScriptCache()  # the server compiles each page once (see bench_reruns)
    local_runner.ScriptCache = lambda: shared_cache
    if not core.lessons.LESSONS:
        core.lessons.LESSONS["every_section"] = stand_in_lesson()
    lessons = [lesson for lesson in core.lessons.LESSONS.values() if only in (None, lesson.id)]

    # AppTest's own cost of a new session (its runtime, not the app's): a one-line page, measured
    # the same way, is subtracted from the first step (a server pays none of it)
    with tempfile.TemporaryDirectory() as folder_:
        bare = Path(folder_) / "bare.py"
        bare.write_text("import streamlit as st\nst.title('x')\n")
        baseline = median([timed_run(AppTest.from_file(str(bare))) for _ in range(5)])
    rows = []
    for lesson in lessons:
        warm = AppTest.from_file(str(ROOT / PAGE), default_timeout=600)
        warm.query_params.update(lesson=lesson.id, step="1")
        cold = timed_run(warm)  # someone opened this lesson before: the server is warm
        at = AppTest.from_file(str(ROOT / PAGE), default_timeout=600)
        at.query_params.update(lesson=lesson.id, step="1")
        first = timed_run(at)  # a new session opens the lesson
        for _ in lesson.steps[1:]:  # every step visited once
            at.button(key="lesson_next").click()
            timed_run(at)
        changes, slowest = [], {}
        for r in range(rounds):
            key = "lesson_back" if r % 2 == 0 else "lesson_next"
            for number in range(len(lesson.steps) - 1):
                at.button(key=key).click()
                changes.append(timed_run(at))
                step = int(
                    str(
                        at.query_params["step"][0]
                        if isinstance(at.query_params["step"], list)
                        else at.query_params["step"]
                    )
                )
                s = lesson.steps[step - 1]
                slowest[section_of(s)] = max(slowest.get(section_of(s), 0), changes[-1])
        worst = sorted(slowest.items(), key=lambda kv: -kv[1])[:5]
        print(f"{lesson.id}: slowest step changes (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in worst), flush=True)
        rows.append(
            {
                "lesson": lesson.id,
                "steps": len(lesson.steps),
                "first step, cold server ms": cold,
                "first step ms": first,
                "AppTest new session ms": baseline,
                "first step - that ms": first - baseline,
                "step changes": len(changes),
                "change p50 ms": percentile(changes, 0.5),
                "change p95 ms": percentile(changes, 0.95),
            }
        )
    table(
        rows,
        f"Lessons through AppTest, GPT-2-small-sized model, torch threads={torch.get_num_threads()} "
        "(targets: first step on a warm server ≤ 1000 ms, AppTest's new-session cost aside; "
        "warm step change p95 ≤ 150 ms)",
    )


if __name__ == "__main__":
    sys.exit(main())
