"""Long work shared by every session, on a page: one helper for the sweeps, the patching grid,
the lab and the timings (core.jobs does the work; this draws it).

    result = ui.shared_job(page, key, button, press, work)          # the model's jobs
    result = ui.shared_job(page, key, button, press, work, runs=lab_jobs(), name="lab")

The same on every page: its result once it has run — for anyone — else a button that starts
it; pressed while it runs (here or in another session) the page follows the running job and
says so; a progress bar (and whatever `view` draws from the job's detail) while it runs, with
a button that stops it; an error said in the reader's language (never a traceback), and the
button back to try again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Hashable

import streamlit as st

from core.jobs import Job, Jobs

if TYPE_CHECKING:
    from core.ui.page import Page

REFRESH_S = 0.25  # how often a running job's progress is redrawn


@st.cache_resource(show_spinner=False)
def jobs() -> Jobs:
    """The server's long computations on the model: one per key, results kept, two at once."""
    return Jobs()


def error_message(page: Page, exc: BaseException) -> str:
    """What went wrong, in the reader's language: an error that names its catalog entry (a
    `code` and its `values`, as core.interventions.InterventionError does) by that entry,
    anything else by its kind."""
    code = getattr(exc, "code", None)
    if isinstance(code, str):
        return page.t(f"int.error.{code}", **getattr(exc, "values", {}))
    return page.t("int.job.failed", error=type(exc).__name__)


def shared_job(
    page: Page,
    key: Hashable,
    button: str,
    press: str,
    work: Callable[[Job], object],
    *,
    runs: Jobs | None = None,
    name: str | None = None,
    busy: str = "int.job.busy",
    view: Callable[[Job], None] | None = None,
):
    """The result of `work` for `key`, shared by every session, or None until it has run.

    runs: the Jobs it runs on (default: the model's, the key then starting with the model's name);
    name: the button's widget key, start_<name> (default: the key's last part); busy: the catalog
    key said when the server runs as many jobs as it allows; view(job): drawn under the progress
    bar while the job runs (e.g. live curves from job.detail)."""
    if runs is None:
        runs, model = jobs(), page.require_lm().name
        key = (model, *key) if isinstance(key, tuple) else (model, key)
    name = name or str(key[-1] if isinstance(key, tuple) else key)
    note = f"job_note_{name}"  # what a press said, kept for the rerun that shows the job's end
    said = st.session_state.pop(note, None)
    if said is not None:
        _say(page, said)
    result = runs.result(key)
    if result is not None:
        return result
    job = runs.job(key)
    slot = st.empty()  # the start button; the stop button in its place while it runs
    if slot.button(button, key=f"start_{name}", type="primary"):
        job, how = runs.start(key, work)
        if how != "started":
            said = "int.job.joined" if how == "joined" else busy
            _say(page, said)
    if job is None:
        st.caption(press)
        return None
    if job.running:
        if said is not None:
            st.session_state[note] = said
        _follow(page, job, slot, name, view)
        st.rerun()  # it has ended: the page again, with its result (or what stopped it)
    if job.cancelled:
        st.info(page.t("int.job.cancelled"))
    elif job.error is not None:
        st.error(error_message(page, job.error))
    return runs.result(key)


def _say(page: Page, key: str) -> None:
    (st.info if key == "int.job.joined" else st.warning)(page.t(key))


def _follow(page: Page, job: Job, slot, name: str, view: Callable[[Job], None] | None) -> None:
    """A progress bar (and the view) redrawn until the job ends; a stop button above them. A
    press on it (or any other widget) reruns the page; the job runs on meanwhile."""
    slot.button(page.t("int.job.cancel"), key=f"cancel_{name}", on_click=job.cancel)
    bar, drawn, shown = st.empty(), st.empty(), None
    while True:
        bar.progress(job.fraction, text=page.t("int.running", done=job.fraction))
        if view is not None and job.detail is not shown:  # redrawn when the work reports more
            shown = job.detail
            with drawn.container():
                view(job)
        if job.finished.wait(REFRESH_S):
            break
    bar.empty()
    drawn.empty()
