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
    ui.clear_caches()
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
    lm = ui.get_lm(folder)  # what a visitor's page asks for: already there
    ui.get_trace(lm, i18n.t("home.demo_default", "en"))
    assert loads == [folder] and len(traces) <= 2
    assert time.perf_counter() - started < 1.0
    ui.clear_caches()


def test_a_model_that_cannot_be_had_is_left_for_the_page_to_report(monkeypatch, caplog):
    from core import models, preload, ui

    def unavailable(name):
        raise models.ModelUnavailable(name, "offline", "no network")

    ui.clear_caches()
    monkeypatch.setenv(models.MODEL_ENV_VAR, "gpt2")
    monkeypatch.setattr(models, "load_lm", unavailable)
    monkeypatch.setattr(models, "offline_default_ready", lambda: False)
    preload.warm()  # no exception escapes the background thread, nothing cached
    assert "preloading the model failed" not in caplog.text
    ui.clear_caches()


def test_importing_the_ui_and_every_page_module_brings_no_torch():
    """A page draws its title before the model arrives: core.ui, core.models and the pages'
    top-level imports must not import torch or transformers."""
    import subprocess

    code = ("import sys, ast, pathlib\n"
            "import core.ui, core.models, core.i18n\n"
            "for path in ['Home.py', *sorted(map(str, pathlib.Path('pages').glob('*.py')))]:\n"
            "    tree = ast.parse(pathlib.Path(path).read_text())\n"
            "    for node in tree.body:\n"
            "        if isinstance(node, (ast.Import, ast.ImportFrom)):\n"
            "            exec(compile(ast.Module([node], []), path, 'exec'), {})\n"
            "        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)) or (\n"
            "                isinstance(node, (ast.Expr, ast.Assign))\n"
            "                and isinstance(node.value, ast.Constant)):\n"
            "            continue  # definitions, the docstring, constants\n"
            "        else:\n"
            "            break  # the page has started drawing: later imports may need torch\n"
            "heavy = [m for m in ('torch', 'transformers') if m in sys.modules]\n"
            "print(heavy)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
