"""One behaviour for long shared work (core.jobs, and its page helper core.ui.jobs.shared_job):
busy, progress, cancel, errors — for the sweeps, the grid, the lab and the timings alike."""

from __future__ import annotations

import threading
import time

import pytest

from core import i18n
from core.jobs import Jobs
from core.seq2seq import lab


def wait_for(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_busy_a_second_start_follows_the_running_job_and_past_the_limit_nothing_runs():
    jobs, gate, calls = Jobs(max_running=1), threading.Event(), []

    def work(job):
        calls.append(job.key)
        gate.wait(10)
        return "done"

    first, how = jobs.start("a", work)
    again, how_again = jobs.start("a", work)
    other, how_other = jobs.start("b", work)
    assert (how, how_again, how_other) == ("started", "joined", "busy")
    assert again is first and other is None and jobs.busy()
    gate.set()
    first.finished.wait(10)
    assert calls == ["a"] and jobs.result("a") == "done" and not jobs.busy()


def test_progress_is_what_the_work_reports_with_its_detail():
    jobs, step, seen = Jobs(), threading.Event(), []

    def work(job):
        for i in range(1, 5):
            job.report(i / 4, step=i)
            seen.append((job.fraction, job.detail["step"]))
        step.wait(10)
        job.report(0.1)  # never goes back
        return job.fraction

    job, _ = jobs.start("k", work)
    wait_for(lambda: job.detail.get("step") == 4)
    assert job.fraction == 1.0 and seen == [(0.25, 1), (0.5, 2), (0.75, 3), (1.0, 4)]
    step.set()
    job.finished.wait(10)
    assert jobs.result("k") == 1.0


def test_cancel_stops_the_work_at_its_next_report_and_keeps_no_result():
    jobs, reports = Jobs(), []

    def work(job):
        for i in range(1000):
            job.report(i / 1000)
            reports.append(i)
            time.sleep(0.005)
        return "finished"

    job, _ = jobs.start("k", work)
    wait_for(lambda: len(reports) >= 3)
    assert jobs.cancel("k")
    job.finished.wait(10)
    assert job.cancelled and job.error is None and jobs.result("k") is None and len(reports) < 1000
    assert jobs.job("k") is job  # the page can say it was stopped
    again, how = jobs.start("k", lambda j: "again")  # and the next press starts it anew
    again.finished.wait(10)
    assert how == "started" and jobs.result("k") == "again" and jobs.job("k") is None
    assert not jobs.cancel("k")


def test_an_error_is_kept_on_the_job_not_as_a_result_and_the_next_start_retries():
    jobs, tries = Jobs(), []

    def flaky(job):
        tries.append(1)
        if len(tries) == 1:
            raise RuntimeError("out of memory")
        return "fine"

    job, _ = jobs.start("k", flaky)
    job.finished.wait(10)
    assert isinstance(job.error, RuntimeError) and job.failed and not job.cancelled
    assert jobs.result("k") is None and jobs.job("k") is job
    retry, how = jobs.start("k", flaky)
    retry.finished.wait(10)
    assert how == "started" and len(tries) == 2 and jobs.result("k") == "fine" and jobs.job("k") is None


def test_a_cancelled_lab_run_stops_training_both_models():
    """The lab's training through the same mechanism: cancelled after its first progress, the
    run ends long before its steps are done."""
    jobs = Jobs()
    settings = lab.LabSettings(min_length=2, max_length=5, hidden_size=16, steps=3000, test_per_length=5)
    job, _ = jobs.start("lab", lab.training_work(settings))
    wait_for(lambda: job.detail.get("step", 0) > 0, 60)
    job.cancel()
    assert job.finished.wait(30)
    assert job.cancelled and jobs.result("lab") is None
    assert job.detail["step"] < settings.steps and job.detail["total"] == settings.steps
    assert {row["model"] for row in job.detail["losses"]} == {"plain", "attention"}


# --------------------------------------------------------------------------- on a page


def job_page():
    """A page with one shared job whose work fails the first time, in the language of ?lang."""
    import streamlit as st

    from core.jobs import Jobs
    from core.ui.jobs import shared_job
    from core.ui.page import Page

    @st.cache_resource
    def runs():
        return Jobs()

    tries = st.session_state.setdefault("tries", [])

    def work(job):
        tries.append(1)
        job.report(0.5)
        if len(tries) == 1:
            raise RuntimeError("Traceback (most recent call last): boom")
        return "the result"

    page = Page(lang=st.query_params.get("lang", "en"))
    result = shared_job(page, ("failing", page.lang), "Run", "Press to run", work, runs=runs(), name="failing")
    if result is not None:
        st.success(result)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_on_a_page_an_error_is_said_in_the_readers_language_and_a_press_retries(lang):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(job_page, default_timeout=30)
    at.query_params["lang"] = lang
    at.run()
    assert [c.value for c in at.caption] == ["Press to run"]
    at.button(key="start_failing").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [i18n.t("int.job.failed", lang, error="RuntimeError")]
    assert "Traceback" not in " ".join(e.value for e in at.error) and not at.success
    at.button(key="start_failing").click().run()  # the button is back: a press tries again
    assert not at.error and [s.value for s in at.success] == ["the result"]
    at.run()
    assert [s.value for s in at.success] == ["the result"] and not at.error
    assert "start_failing" not in [b.key for b in at.button]  # done: kept for every session


def test_the_pages_long_work_all_goes_through_the_one_helper():
    """The sweeps, the patching grid, the gradient and dropout runs, the lab and both timings call
    ui.shared_job; the lab starts no thread of its own for them and keeps no busy lock."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    sections = {
        name: (root / "core/ui/sections" / f"{name}.py").read_text() for name in ("attention", "block", "translation")
    }
    assert sections["attention"].count("ui.shared_job(") == 1  # the heads sweep
    # the layers sweep, the patching grid, the gradient through the depth, the dropout runs
    assert sections["block"].count("ui.shared_job(") == 4
    assert sections["translation"].count("ui.shared_job(") == 3  # the lab, two timings
    lab_source = (root / "core/seq2seq/lab.py").read_text()
    assert "threading.Thread(" not in lab_source and ".acquire(" not in lab_source
    assert "on_press" not in (root / "core/ui/memory.py").read_text()


def slow_page():
    """A page with one shared job that runs until it is stopped (or 60 s), then once more briefly."""
    import time

    import streamlit as st

    from core.jobs import Jobs
    from core.ui.jobs import shared_job
    from core.ui.page import Page

    @st.cache_resource
    def runs():
        return Jobs()

    tries = st.session_state.setdefault("tries", [])

    def work(job):
        tries.append(1)
        for i in range(6000 if len(tries) == 1 else 1):
            job.report(i / 6000)
            time.sleep(0.01)
        return "the result"

    page = Page(lang="ko")
    st.session_state["runs"] = runs()  # for the test, which stops the job as another visitor would
    result = shared_job(page, "slow", "Run", "Press to run", work, runs=runs(), name="slow")
    if result is not None:
        st.success(result)


def test_on_a_page_a_stopped_job_says_so_and_a_press_starts_it_again():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(slow_page, default_timeout=60)
    at.run()
    runs = at.session_state["runs"]

    def stop_it_once_it_runs():  # another visitor's press on Stop, as soon as there is a job
        wait_for(lambda: runs.job("slow") is not None and runs.job("slow").fraction > 0, 30)
        runs.cancel("slow")

    threading.Thread(target=stop_it_once_it_runs, daemon=True).start()
    at.button(key="start_slow").click().run()  # follows the job until it is stopped
    assert not at.exception and not at.success
    assert [i.value for i in at.info] == [i18n.t("int.job.cancelled", "ko")]
    at.button(key="start_slow").click().run()  # the button is back: a press runs it again
    assert [s.value for s in at.success] == ["the result"] and not at.info
