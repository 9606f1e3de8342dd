"""The one long-lived thread every forward pass runs on.

Streamlit runs every script run on a new thread, and torch's first call from a new thread
pays for a new OpenMP thread team (~11 ms on GPT-2 small, a quarter of a forward pass). One
thread also means one forward pass at a time across sessions, and that code which changes
the model for a moment (hooks, train mode) is never seen half-done by another session.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable

_MODEL_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="model")
_HERE = threading.local()  # .on_model_thread is True only on the model thread


def on_model_thread(fn: Callable, *args, **kwargs):
    """fn(*args, **kwargs) under torch.no_grad() on the model thread (directly if already
    on it), its exceptions raised here."""
    return start_on_model_thread(fn, *args, **kwargs).result()


def start_on_model_thread(fn: Callable, *args, **kwargs) -> Future:
    """Like on_model_thread, without waiting: the Future of fn's result. The caller goes
    on (drawing a page, say) while the model thread computes. Called on the model thread
    itself, fn runs at once and the Future comes back finished (queueing would deadlock);
    for the same reason, code running on the model thread must never wait for a Future
    that another thread queued behind it."""
    import torch

    def call():
        _HERE.on_model_thread = True
        with torch.no_grad():
            return fn(*args, **kwargs)

    if getattr(_HERE, "on_model_thread", False):  # queueing behind ourselves would deadlock
        done: Future = Future()
        try:
            done.set_result(call())
        except Exception as exc:  # noqa: BLE001 — handed to whoever asks for the result
            done.set_exception(exc)
        return done
    return _MODEL_THREAD.submit(call)
