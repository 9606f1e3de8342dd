"""Long work shared by every session — a sweep, a patching grid, the lab's training, a timing —
run once per key, with one behaviour for all of them.

    jobs = Jobs()
    job, how = jobs.start(key, lambda job: sweep(..., progress=job.report))
    how              "started" | "joined" (the same key is running: follow that job) | "busy"
    job.fraction     0..1 and job.detail (anything the work reports with it, e.g. the lab's losses)
    job.cancel()     the work stops at its next report (job.report raises Cancelled there)
    job.finished     a threading.Event; then jobs.result(key), or job.error / job.cancelled

- Busy: a second start of a running key joins that job (never a second run); past
  `max_running` jobs at once, a start is refused ("busy") and nothing runs.
- Progress: the work calls job.report(fraction, **detail); whoever follows reads it.
- Cancel: job.cancel() (or jobs.cancel(key)); the work's next report raises Cancelled, the job
  ends with .cancelled set and no result.
- Errors: an exception in the work is kept on the job (job.error, with .failed set), logged with
  its traceback for the operator, never kept as a result: the next start of that key runs again.
  What the reader sees is made from it by the page, in the reader's language.

A job belongs to the server, not to the page that started it: it finishes and is kept even if
that page reruns or its visitor leaves. Finished results are kept per key, the oldest dropped
past `kept`. No streamlit, no torch here.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable, Hashable

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised by Job.report inside the work once the job was asked to stop."""


@dataclass(eq=False)
class Job:
    key: Hashable
    fraction: float = 0.0
    detail: dict = field(default_factory=dict)
    error: BaseException | None = None
    cancelled: bool = False
    finished: threading.Event = field(default_factory=threading.Event)
    _stop: threading.Event = field(default_factory=threading.Event, repr=False)

    def report(self, fraction: float, **detail: Any) -> None:
        """Progress from the work (0..1, never going back), with anything to show beside it.
        Raises Cancelled once cancel() was called: the work stops here."""
        if self._stop.is_set():
            raise Cancelled(self.key)
        self.fraction = max(self.fraction, min(1.0, float(fraction)))
        if detail:
            self.detail = {**self.detail, **detail}

    def cancel(self) -> None:
        """Ask the work to stop at its next report."""
        self._stop.set()

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def running(self) -> bool:
        return not self.finished.is_set()


class Jobs:
    def __init__(self, kept: int = 16, max_running: int = 2):
        self.kept, self.max_running = kept, max_running
        self._results: OrderedDict[Hashable, object] = OrderedDict()
        self._running: dict[Hashable, Job] = {}
        self._ended: dict[Hashable, Job] = {}  # the last job of a key that failed or was cancelled
        self._lock = threading.Lock()

    def result(self, key: Hashable) -> Any:
        """The finished result for `key`, or None."""
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
            return None

    def job(self, key: Hashable) -> Job | None:
        """The job computing `key` now, or else the last one that failed or was cancelled (until
        the next start of that key), or None."""
        with self._lock:
            return self._running.get(key) or self._ended.get(key)

    running = job  # the name the pages used first

    def busy(self) -> bool:
        """Whether a start of a new key would be refused now."""
        with self._lock:
            return len(self._running) >= self.max_running

    def start(self, key: Hashable, work: Callable[[Job], object]) -> tuple[Job | None, str]:
        """Run work(job) on a thread of its own unless `key` is running already ("joined": that
        job) or max_running jobs are ("busy": None). A key that failed or was cancelled runs
        again."""
        with self._lock:
            if key in self._running:
                return self._running[key], "joined"
            if len(self._running) >= self.max_running:
                return None, "busy"
            job = self._running[key] = Job(key)
            self._ended.pop(key, None)
        threading.Thread(target=self._run, args=(job, work), name="job", daemon=True).start()
        return job, "started"

    def cancel(self, key: Hashable) -> bool:
        """Ask the job running `key` to stop; False when none runs."""
        job = self._running.get(key)
        if job is None:
            return False
        job.cancel()
        return True

    def _run(self, job: Job, work: Callable[[Job], object]) -> None:
        try:
            value = work(job)
            with self._lock:
                self._results[job.key] = value
                while len(self._results) > self.kept:
                    self._results.popitem(last=False)
        except Cancelled:
            job.cancelled = True
            with self._lock:
                self._ended[job.key] = job
        except Exception as exc:  # noqa: BLE001 — kept for the page that follows the job
            log.exception("job %r failed", job.key)
            job.error = exc
            with self._lock:
                self._ended[job.key] = job
        finally:
            with self._lock:
                self._running.pop(job.key, None)
            job.finished.set()
