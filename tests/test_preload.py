"""`streamlit run Home.py` starts loading the model before anyone visits."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

from streamlit.web.server.app_discovery import discover_asgi_app

ROOT = Path(__file__).resolve().parent.parent


def test_streamlit_run_serves_home_as_an_app_with_the_preload_lifespan():
    found = discover_asgi_app(ROOT / "Home.py")  # what `streamlit run Home.py` does first
    assert found.is_asgi_app and found.import_string == "Home:app"


def test_importing_home_as_the_server_does_draws_no_page_and_loads_no_model(monkeypatch):
    from core import models, preload

    monkeypatch.setattr(models, "load_lm", lambda *a, **k: (_ for _ in ()).throw(
        AssertionError("importing Home must not load a model")))
    spec = importlib.util.spec_from_file_location("Home", ROOT / "Home.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "Home", module)
    spec.loader.exec_module(module)  # as uvicorn imports "Home:app"
    assert module.app.script_path == ROOT / "Home.py"
    assert module.app._user_lifespan is preload.lifespan
    assert not hasattr(module, "page"), "the page body only runs in a visit"


def test_preload_fills_the_caches_the_pages_read(tiny_dirs, monkeypatch):
    from core import i18n, models, trace, ui

    folder = str(tiny_dirs["gpt2"])
    monkeypatch.setenv(models.MODEL_ENV_VAR, folder)
    ui._cached_lm.clear()
    ui._cached_trace.clear()
    loads, traces = [], []
    real_load, real_trace = models.load_lm, trace.run_trace
    monkeypatch.setattr(models, "load_lm", lambda name: loads.append(name) or real_load(name))
    monkeypatch.setattr(trace, "run_trace", lambda lm, text: traces.append(text) or real_trace(lm, text))

    from core import preload

    preload.warm()  # what the lifespan starts on a background thread
    assert loads == [folder]
    assert traces == [i18n.t("home.demo_default", "en")] + (
        [] if i18n.t("home.demo_default", "ko") == i18n.t("home.demo_default", "en")
        else [i18n.t("home.demo_default", "ko")])
    started = time.perf_counter()
    lm = ui._cached_lm(folder)  # what a visitor's page asks for: already there
    ui._cached_trace(lm.name, i18n.t("home.demo_default", "en"))
    assert loads == [folder] and len(traces) <= 2
    assert time.perf_counter() - started < 1.0
    ui._cached_lm.clear()
    ui._cached_trace.clear()


def test_a_model_that_cannot_be_had_is_left_for_the_page_to_report(monkeypatch, caplog):
    from core import models, preload, ui

    def unavailable(name):
        raise models.ModelUnavailable(name, "offline", "no network")

    ui._cached_lm.clear()
    monkeypatch.setenv(models.MODEL_ENV_VAR, "gpt2")
    monkeypatch.setattr(models, "load_lm", unavailable)
    monkeypatch.setattr(models, "offline_default_ready", lambda: False)
    preload.warm()  # no exception escapes the background thread, nothing cached
    assert "preloading the model failed" not in caplog.text
    ui._cached_lm.clear()
