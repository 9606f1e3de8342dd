"""`streamlit run Home.py` starts loading the model before anyone visits."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import pytest
from streamlit.web.server.app_discovery import discover_asgi_app

ROOT = Path(__file__).resolve().parent.parent


def test_streamlit_run_serves_home_as_an_app_with_the_preload_lifespan():
    found = discover_asgi_app(ROOT / "Home.py")  # what `streamlit run Home.py` does first
    assert found.is_asgi_app and found.import_string == "Home:app"


def test_importing_home_as_the_server_does_draws_no_page_and_loads_no_model(monkeypatch):
    from core import models
    from core.ui import preload

    monkeypatch.setattr(
        models, "load_lm", lambda *a, **k: (_ for _ in ()).throw(AssertionError("importing Home must not load a model"))
    )
    spec = importlib.util.spec_from_file_location("Home", ROOT / "Home.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "Home", module)
    spec.loader.exec_module(module)  # as uvicorn imports "Home:app"
    assert module.app.script_path == ROOT / "Home.py"
    assert module.app._user_lifespan is preload.lifespan
    assert not hasattr(module, "page"), "the page body only runs in a visit"


def test_preload_fills_the_caches_the_pages_read(tiny_dirs, monkeypatch):
    from core import i18n, models, trace, ui
    from core.ui.preload import clear_caches

    folder = str(tiny_dirs["gpt2"])
    monkeypatch.setenv(models.MODEL_ENV_VAR, folder)
    clear_caches()
    loads, traces = [], []
    real_load, real_trace = models.load_lm, trace.run_trace
    monkeypatch.setattr(models, "load_lm", lambda name: loads.append(name) or real_load(name))
    monkeypatch.setattr(trace, "run_trace", lambda lm, text: traces.append(text) or real_trace(lm, text))

    from core.ui import preload

    preload.warm()  # what the lifespan starts on a background thread
    assert loads == [folder]
    assert traces == [i18n.t("home.demo_default", "en")] + (
        []
        if i18n.t("home.demo_default", "ko") == i18n.t("home.demo_default", "en")
        else [i18n.t("home.demo_default", "ko")]
    )
    started = time.perf_counter()
    lm = ui.get_lm(folder)  # what a visitor's page asks for: already there
    ui.get_trace(lm, i18n.t("home.demo_default", "en"))
    assert loads == [folder] and len(traces) <= 2
    assert time.perf_counter() - started < 1.0
    clear_caches()


def test_a_model_that_cannot_be_had_is_left_for_the_page_to_report(monkeypatch, caplog):
    """The start-up model is GPT-2 (the hub answers the probe) but loading it fails: the
    preload tries it once, logs nothing, caches nothing — the page reports it in the user's
    language. An unexpected failure, by contrast, is logged (so the check above can fail)."""
    from core import models, ui
    from core.ui import preload
    from core.ui.preload import clear_caches

    tried = []

    def unavailable(name):
        tried.append(name)
        raise models.ModelUnavailable(name, "unreachable", "no network")

    clear_caches()
    monkeypatch.setenv(models.MODEL_ENV_VAR, "gpt2")
    monkeypatch.setattr(models.hub, "reachable", lambda timeout=2.0: True)
    monkeypatch.setattr(models, "load_lm", unavailable)
    assert ui.startup_model() == "gpt2"
    preload.warm()  # no exception escapes the background thread
    assert tried == ["gpt2"]
    assert "preloading the model failed" not in caplog.text
    with pytest.raises(models.ModelUnavailable):  # nothing was cached: the page asks again
        ui.get_lm("gpt2")
    assert tried == ["gpt2", "gpt2"]

    monkeypatch.setattr(models, "load_lm", lambda name: (_ for _ in ()).throw(RuntimeError("disk full")))
    clear_caches()
    preload.warm()
    assert "preloading the model failed" in caplog.text
    clear_caches()


def test_every_page_imports_at_its_top_and_still_draws_its_title_before_torch():
    """A student who opens the app while the model loads sees the page at once. Every page
    imports everything at its top (no import after code: a reader meets each name before
    its use), and those imports bring neither torch nor transformers — core's modules
    import them in the functions that run the model — so the title is on screen before they
    load. numpy, pandas and altair may load (a few hundred ms, bench_cold_start measures)."""
    import subprocess

    code = (
        "import sys, ast, pathlib\n"
        "import streamlit\n"
        "heavy = ('torch', 'transformers')\n"
        "import core.ui, core.models, core.i18n\n"
        "print('ui', sorted(m for m in heavy if m in sys.modules))\n"
        "def draws_title(node):\n"
        "    return any(isinstance(n, ast.Attribute) and n.attr == 'title' for n in ast.walk(node))\n"
        "for path in ['Home.py', *sorted(map(str, pathlib.Path('pages').glob('*.py')))]:\n"
        "    body = ast.parse(pathlib.Path(path).read_text()).body\n"
        "    if path == 'Home.py':  # the visit's body sits under `if __name__ == '__main__'`\n"
        "        body = [n for n in body if not isinstance(n, ast.If)] + [\n"
        "            m for n in body if isinstance(n, ast.If) for m in n.body]\n"
        "    imports = [i for i, n in enumerate(body) if isinstance(n, (ast.Import, ast.ImportFrom))]\n"
        "    code_at = [i for i, n in enumerate(body) if not isinstance(n, (ast.Import, ast.ImportFrom))\n"
        "               and not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]\n"
        "    title = next((i for i, n in enumerate(body) if draws_title(n)), None)\n"
        "    late = [body[i].lineno for i in imports if code_at and i > code_at[0]]\n"
        "    print(path, 'title', title is not None, 'late', late)\n"
        "    for i in imports:\n"
        "        exec(compile(ast.Module([body[i]], []), path, 'exec'), {})\n"
        "print('pages', sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "ui []", lines[0]
    assert all(line.endswith("title True late []") for line in lines[1:-1]), lines
    assert len(lines) == 2 + 1 + len(list((ROOT / "pages").glob("*.py")))
    assert lines[-1] == "pages []", lines[-1]


def test_the_preload_waits_for_a_visitors_title_then_starts_when_a_page_wants_the_model(tiny_dirs, monkeypatch):
    """torch's imports hold the GIL: a visitor arriving at start-up gets their title drawn
    first; the preload starts as soon as a page asks for the model, not after its timeout."""
    import threading

    from streamlit.testing.v1 import AppTest

    from core import models, ui
    from core.ui import preload
    from core.ui.preload import clear_caches

    folder = str(tiny_dirs["gpt2"])
    monkeypatch.setenv(models.MODEL_ENV_VAR, folder)
    monkeypatch.setattr(ui.model, "wanted", threading.Event())
    clear_caches()
    loads = []
    real_load = models.load_lm
    monkeypatch.setattr(models, "load_lm", lambda name: loads.append(name) or real_load(name))
    thread = threading.Thread(target=preload.warm, kwargs={"wait": 600})
    thread.start()
    time.sleep(0.3)
    assert thread.is_alive() and loads == [], "the preload started before anyone asked"
    at = AppTest.from_file(str(ROOT / "pages" / "3_Attention.py"), default_timeout=120).run()
    assert not at.exception and at.title
    thread.join(timeout=60)
    assert not thread.is_alive(), "a page asked for the model, the preload still waits"
    assert loads == [folder]  # the page and the preload shared one load
    clear_caches()


def test_a_model_that_cannot_be_had_leaves_the_box_on_the_model_loaded(app, tiny_dirs, monkeypatch):
    """GPT-2 picked offline: the page shows the offline default, the model box says so (not
    "GPT-2 small"), and the message sits beside the box and in a toast, not at the page's top."""
    from core import i18n, models
    from core.ui.preload import clear_caches

    real = models.load_lm

    def load(name):
        if name == "gpt2":
            raise models.ModelUnavailable(name, "unreachable", "no network")
        return real(str(tiny_dirs["llama"]) if name == models.OFFLINE_DEFAULT else name)

    clear_caches()
    monkeypatch.setattr(models, "load_lm", load)
    monkeypatch.setattr(models.offline, "ready", lambda: True)
    at = app("pages/1_Embeddings.py", model="gpt2")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.selectbox(key="model").value == models.OFFLINE_DEFAULT
    message = i18n.t(
        "model.unavailable", name=models.DISPLAY_NAMES["gpt2"], key="gpt2", reason=i18n.t("model.reason.unreachable")
    )
    assert message in [w.value for w in at.sidebar.warning]
    assert message not in [w.value for w in at.main.warning]
    assert message in [t.value for t in at.toast]
    at.run()  # a later rerun: still the model loaded, the note still beside the box, no new toast
    assert at.selectbox(key="model").value == models.OFFLINE_DEFAULT
    assert message in [w.value for w in at.sidebar.warning] and not at.toast
    clear_caches()
