"""The Hugging Face hub: its local cache, and whether it can be reached from here."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlparse


def cache_dir() -> Path:
    """Where huggingface_hub keeps downloaded models (HF_HUB_CACHE, HF_HOME/hub, ...)."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"])
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]) / "hub"
    xdg = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(xdg) / "huggingface" / "hub"


def cached(hub_id: str) -> bool:
    """Whether a hub model's files are in the local cache (a snapshot with its config)."""
    folder = cache_dir() / ("models--" + hub_id.replace("/", "--")) / "snapshots"
    return any(folder.glob("*/config.json"))


_probe: dict[str, float | bool] = {}
_probe_lock = threading.Lock()
_PROBE_TTL = 60.0


def reachable(timeout: float = 2.0) -> bool:
    """A quick TCP probe of the hub, remembered for a minute.

    huggingface_hub retries an unreachable host for ~25 s; a lecture hall should not wait.
    """
    if os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on"):
        return False
    with _probe_lock:  # one probe at a time; the others read its answer
        now = time.monotonic()
        if _probe and now - float(_probe["at"]) < _PROBE_TTL:
            return bool(_probe["ok"])
        url = urlparse(os.environ.get("HF_ENDPOINT") or "https://huggingface.co")
        try:
            with socket.create_connection((url.hostname, url.port or 443), timeout=timeout):
                ok = True
        except OSError:
            ok = False
        _probe.update(at=now, ok=ok)
        return ok
