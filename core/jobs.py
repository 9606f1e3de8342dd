"""Long computations shared by every session: a sweep or a patching grid, run once per key.

    jobs = Jobs()
    job, how = jobs.start(("gpt2", text, "heads"), lambda job: sweep(..., progress=job.report))
    how              "started" | "joined" (the same key is already running) | "busy"
    job.fraction     0..1, as the work reports it
    job.finished     a threading.Event; then jobs.result(key) or job.error

A job belongs to the server, not to the page that started it: it finishes and is kept even if
that page reruns or its visitor leaves, and a second visitor who asks for the same key follows
the same job instead of starting another. At most `max_running` jobs run at once; finished
results are kept per key, the oldest dropped past `kept`. No streamlit, no torch here.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Callable, Hashable


@dataclass
class Job:
    key: Hashable
    fraction: float = 0.0
    error: BaseException | None = None
    finished: threading.Event = field(default_factory=threading.Event)

    def report(self, fraction: float) -> None:
        self.fraction = max(self.fraction, min(1.0, float(fraction)))


class Jobs:
    def __init__(self, kept: int = 16, max_running: int = 2):
        self.kept, self.max_running = kept, max_running
        self._results: OrderedDict = OrderedDict()
        self._running: dict[Hashable, Job] = {}
        self._failed: dict[Hashable, Job] = {}
        self._lock = threading.Lock()

    def result(self, key: Hashable):
        """The finished result for `key`, or None."""
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
            return None

    def running(self, key: Hashable) -> Job | None:
        """The job computing `key` now, or the last one that failed for it (its .error set)."""
        with self._lock:
            return self._running.get(key) or self._failed.get(key)

    def start(self, key: Hashable, work: Callable[[Job], object]) -> tuple[Job | None, str]:
        """Run work(job) on a thread of its own unless `key` is running already ("joined": that
        job) or max_running jobs are ("busy": None)."""
        with self._lock:
            if key in self._running:
                return self._running[key], "joined"
            if len(self._running) >= self.max_running:
                return None, "busy"
            job = self._running[key] = Job(key)
            self._failed.pop(key, None)
        threading.Thread(target=self._run, args=(job, work), name="job", daemon=True).start()
        return job, "started"

    def _run(self, job: Job, work: Callable[[Job], object]) -> None:
        try:
            value = work(job)
            with self._lock:
                self._results[job.key] = value
                while len(self._results) > self.kept:
                    self._results.popitem(last=False)
        except Exception as exc:  # noqa: BLE001 — shown on the page that follows the job
            job.error = exc
            with self._lock:
                self._failed[job.key] = job
        finally:
            with self._lock:
                self._running.pop(job.key, None)
            job.finished.set()
