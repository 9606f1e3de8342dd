import time

import pytest
import torch
from transformers import AutoModelForCausalLM

from core import models
from core.models import LM, ModelUnavailable, check_attentions_returned, load_lm


def test_tiny_gpt2_facts_come_from_the_model(tiny_gpt2, tiny_dirs):
    lm = tiny_gpt2
    c = lm.model.config
    assert lm.source == models.SOURCE_LOCAL_DIR
    arch = lm.arch
    assert (arch.n_layers, arch.n_heads, arch.d_model, arch.context_length) == (
        c.n_layer,
        c.n_head,
        c.n_embd,
        c.n_positions,
    )
    assert lm.n_params == sum(p.numel() for p in lm.model.parameters())
    assert lm.arch.vocab_size == len(lm.tokenizer)
    assert lm.arch.positional == "learned" and lm.arch.position_embedding() is lm.model.transformer.wpe.weight
    assert lm.model.config._attn_implementation == "eager"
    assert not lm.model.training


def test_tiny_llama_is_rotary_with_grouped_kv_heads(tiny_llama):
    lm = tiny_llama
    assert lm.arch.name == "llama" and lm.arch.positional == "rotary"
    assert lm.arch.position_embedding() is None
    assert (lm.arch.n_heads, lm.arch.n_kv_heads) == (4, 2)
    assert lm.arch.d_head == lm.arch.d_model // lm.arch.n_heads


def test_attention_guard_rejects_a_model_without_attention_weights(tiny_dirs, tiny_gpt2):
    """transformers 5 returns no attention weights from SDPA attention; the guard must notice."""
    sdpa = AutoModelForCausalLM.from_pretrained(str(tiny_dirs["gpt2"]), attn_implementation="sdpa")
    lm = LM(**{**tiny_gpt2.__dict__, "model": sdpa})
    with pytest.raises(AssertionError, match="eager"):
        check_attentions_returned(lm)
    check_attentions_returned(tiny_gpt2)  # the eager one passes


def test_hub_model_unreachable_fails_fast_with_a_reason(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HOME", str(tmp_path))  # nothing cached
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    started = time.monotonic()
    with pytest.raises(ModelUnavailable) as info:
        load_lm("gpt2")
    assert info.value.code == "unreachable"
    assert time.monotonic() - started < 10


def test_probe_failure_means_unreachable_without_waiting_for_retries(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(models.hub, "reachable", lambda timeout=2.0: False)
    with pytest.raises(ModelUnavailable) as info:
        load_lm("distilgpt2")
    assert info.value.code == "unreachable"


def test_unknown_names_and_other_architectures_are_refused(tmp_path):
    with pytest.raises(ModelUnavailable) as info:
        load_lm("../../etc/passwd not a model")
    assert info.value.code == "not_found"
    (tmp_path / "config.json").write_text('{"model_type": "bert"}')
    with pytest.raises(ModelUnavailable) as info:
        load_lm(str(tmp_path))
    assert info.value.code == "unsupported"


def test_environment_variable_sets_the_default(monkeypatch):
    monkeypatch.delenv(models.MODEL_ENV_VAR, raising=False)
    assert models.configured_default() == "gpt2"
    monkeypatch.setenv(models.MODEL_ENV_VAR, "/some/folder")
    assert models.configured_default() == "/some/folder"


def test_prefetch_reports_success_and_failure(tiny_dirs, monkeypatch, tmp_path):
    lines = []
    assert models.prefetch([str(tiny_dirs["gpt2"])], out=lines.append) == 0
    assert "ready" in lines[-1]
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    assert models.prefetch(["gpt2"], out=lines.append) == 1
    assert "FAILED" in lines[-1]


@pytest.mark.slow
def test_offline_default_is_a_real_trained_model():
    """SmolLM2-135M from the PyPI wheel's GGUF, converted to safetensors: it knows Paris."""
    lm = load_lm(models.OFFLINE_DEFAULT)
    assert lm.source == models.SOURCE_OFFLINE_DEFAULT and lm.arch.name == "llama"
    assert (models.offline.folder() / "model.safetensors").exists()
    ids = torch.tensor([lm.encode("The capital of France is")])
    with torch.no_grad():
        probs = lm.model(input_ids=ids).logits[0, -1].softmax(-1)
    best = int(probs.argmax())
    assert lm.decode([best]) == " Paris"
    assert probs[best] > 0.5


def test_forward_passes_run_on_one_long_lived_thread(tiny_gpt2):
    """Streamlit gives every script run a new thread; the model must not follow it."""
    import threading

    from core.trace import run_trace

    seen = []
    hook = tiny_gpt2.model.register_forward_hook(
        lambda *_: seen.append((threading.current_thread().ident, torch.is_grad_enabled()))
    )
    try:
        for text in ("one run", "another run"):  # each from its own short-lived thread
            worker = threading.Thread(target=run_trace, args=(tiny_gpt2, text))
            worker.start()
            worker.join()
        run_trace(tiny_gpt2, "and the main thread")
    finally:
        hook.remove()
    assert len(seen) == 3 and len({ident for ident, _ in seen}) == 1
    assert seen[0][0] != threading.main_thread().ident
    assert not any(grad for _, grad in seen)  # no autograd graph is kept


def test_errors_on_the_model_thread_reach_the_caller(tiny_gpt2):
    with pytest.raises(ValueError, match="index out of range"):
        models.on_model_thread(lambda: (_ for _ in ()).throw(ValueError("index out of range")))
    assert models.on_model_thread(lambda: 7) == 7  # the thread is still serving


def test_work_started_on_the_model_thread_runs_while_the_caller_goes_on():
    import threading

    release = threading.Event()
    job = models.start_on_model_thread(lambda: (release.wait(5), threading.get_ident())[1])
    assert not job.done()  # we got here while the model thread is still busy
    release.set()
    assert job.result(timeout=5) != threading.get_ident()
    # started from the model thread itself: computed there at once, not queued behind itself
    inner = models.on_model_thread(
        lambda: models.start_on_model_thread(lambda: threading.get_ident()).result(timeout=5)
    )
    assert inner == job.result()
    failed = models.start_on_model_thread(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        failed.result(timeout=5)


def test_the_app_opens_on_a_model_it_can_load_here(monkeypatch, tmp_path):
    """The start-up default is the configured model when it is cached, a folder, or the hub is
    within reach; otherwise the offline default — decided without loading anything."""
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    monkeypatch.setenv(models.MODEL_ENV_VAR, "gpt2")
    monkeypatch.setattr(models.hub, "reachable", lambda timeout=2.0: False)
    assert not models.hub.cached("openai-community/gpt2")
    assert models.startup_model() == models.OFFLINE_DEFAULT
    snapshot = tmp_path / "hub" / "models--openai-community--gpt2" / "snapshots" / "abc123"
    snapshot.mkdir(parents=True)
    (snapshot / "config.json").write_text("{}")
    assert models.hub.cached("openai-community/gpt2") and models.startup_model() == "gpt2"
    monkeypatch.setenv(models.MODEL_ENV_VAR, "distilgpt2")  # neither cached nor reachable
    assert models.startup_model() == models.OFFLINE_DEFAULT
    monkeypatch.setattr(models.hub, "reachable", lambda timeout=2.0: True)
    assert models.startup_model() == "distilgpt2"
    monkeypatch.setenv(models.MODEL_ENV_VAR, str(tmp_path))  # a folder is taken as it is
    monkeypatch.setattr(models.hub, "reachable", lambda timeout=2.0: False)
    assert models.startup_model() == str(tmp_path)


@pytest.mark.slow
def test_offline_without_gpt2_the_sidebar_names_the_model_on_screen(app, monkeypatch, tmp_path):
    """GPT-2 is the configured default but can't be had: the app opens on the offline model,
    the model box shows it, one short note in the sidebar says why — no warning on the page."""
    from core import i18n

    monkeypatch.setenv("HF_HOME", str(tmp_path))  # GPT-2 is not cached here
    monkeypatch.setenv(models.MODEL_ENV_VAR, "gpt2")
    at = app("Home.py")
    at.run()
    assert not at.exception
    assert not at.warning
    assert at.sidebar.selectbox(key="model").value == models.OFFLINE_DEFAULT
    note = i18n.t("model.startup_fallback", name=models.DISPLAY_NAMES["gpt2"], key="gpt2")
    assert note in [c.value for c in at.sidebar.caption]
    loaded = i18n.t(
        "sidebar.loaded",
        name=models.DISPLAY_NAMES[models.OFFLINE_DEFAULT],
        source=i18n.t(f"source.{models.SOURCE_OFFLINE_DEFAULT}"),
    )
    assert loaded in [c.value for c in at.sidebar.caption]
