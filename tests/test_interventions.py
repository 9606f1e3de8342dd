"""Interventions beyond the per-family contract (tests/test_family_contract.py checks what they
compute on every family): hooks always removed, also when a forward pass raises or a sweep is
cancelled; never seen by a concurrent plain forward pass; bad input as InterventionError with a
code the pages translate; shared jobs; the real offline model (slow)."""

from __future__ import annotations

import threading
import time
from dataclasses import fields

import numpy as np
import pytest
import torch

from core import interventions as I
from core.jobs import Jobs
from core.trace import EmptyPrompt, run_trace
from tests.test_family_contract import hooks_on

TEXT = "The train left the station on time"


@pytest.fixture(params=["tiny_gpt2", "tiny_llama"])
def lm(request):
    return request.getfixturevalue(request.param)


def raising_in(module):
    """A hook of the test's own that makes the forward pass raise inside `module`."""

    def boom(m, args, output):
        raise RuntimeError("boom")

    return module.register_forward_hook(boom)


@pytest.mark.parametrize("call", ["ablate", "ablated_trace", "sweep_heads", "sweep_layers", "patch", "patch_grid"])
def test_every_hook_is_removed_when_the_forward_pass_raises(lm, call):
    before = hooks_on(lm.model)
    clean = run_trace(lm, TEXT).next_token_logits
    corrupt = "The king left the station on time"
    calls = {
        "ablate": lambda: I.ablate(lm, TEXT, [("head", 0, 1), ("attn", 1), ("mlp", 0), ("positions",)]),
        "ablated_trace": lambda: I.ablated_trace(lm, TEXT, [("head", 1, 0), ("positions",)], how="mean"),
        "sweep_heads": lambda: I.sweep(lm, TEXT, kind="heads"),
        "sweep_layers": lambda: I.sweep(lm, TEXT, kind="layers", how="mean"),
        "patch": lambda: I.patch(lm, TEXT, corrupt, ("head", 1, 2)),
        "patch_grid": lambda: I.patch_grid(lm, TEXT, corrupt),
    }
    handle = raising_in(lm.arch.mlp(lm.arch.n_layers - 1))
    try:
        with pytest.raises(RuntimeError, match="boom"):
            calls[call]()
    finally:
        handle.remove()
    assert hooks_on(lm.model) == before
    np.testing.assert_array_equal(run_trace(lm, TEXT).next_token_logits, clean)


def test_a_cancelled_sweep_stops_between_blocks_and_leaves_nothing_hooked(lm):
    before, cancel, seen = hooks_on(lm.model), threading.Event(), []

    def progress(fraction):
        seen.append(fraction)
        cancel.set()  # the next block stops

    with pytest.raises(I.Cancelled):
        I.sweep(lm, TEXT, progress=progress, cancel=cancel)
    assert len(seen) == 1 and hooks_on(lm.model) == before
    np.testing.assert_array_equal(I.ablate(lm, TEXT, []).logits, run_trace(lm, TEXT).next_token_logits)


def test_a_plain_trace_during_a_sweep_waits_and_is_untouched(lm):
    """The sweep holds the model thread with its hooks on (its progress callback waits); a
    plain trace asked for meanwhile waits for it and is the model's own forward pass, bit for
    bit. Were the hooks placed off the model thread, the trace would run into them."""
    expected = run_trace(lm, TEXT)
    inside, release, done = threading.Event(), threading.Event(), {}

    def progress(fraction):
        if not inside.is_set():
            inside.set()
            release.wait(30)

    sweeping = threading.Thread(target=lambda: done.update(sweep=I.sweep(lm, TEXT, progress=progress)))
    sweeping.start()
    assert inside.wait(30), "the sweep never reached its first block"
    tracing = threading.Thread(target=lambda: done.update(trace=run_trace(lm, TEXT)))
    tracing.start()
    tracing.join(0.5)
    assert tracing.is_alive(), "a plain forward pass ran while the sweep's hooks were on"
    release.set()
    sweeping.join(60)
    tracing.join(60)
    for f in fields(expected):
        got, want = getattr(done["trace"], f.name), getattr(expected, f.name)
        if isinstance(want, np.ndarray):
            np.testing.assert_array_equal(got, want, err_msg=f.name)
    assert done["sweep"].logprob.shape == (lm.arch.n_layers, lm.arch.n_heads)


def test_progress_rises_to_one(lm):
    seen = []
    I.patch_grid(lm, TEXT, "The king left the station on time", progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > lm.arch.n_layers


# --------------------------------------------------------------------------- bad input


def code_of(call) -> str:
    with pytest.raises(I.InterventionError) as info:
        call()
    return info.value.code


def test_bad_input_is_an_error_with_a_code(tiny_gpt2):
    lm = tiny_gpt2
    L, H = lm.arch.n_layers, lm.arch.n_heads
    assert code_of(lambda: I.ablate(lm, TEXT, [("head", L, 0)])) == "layer_range"
    assert code_of(lambda: I.ablate(lm, TEXT, [("head", 0, H)])) == "head_range"
    assert code_of(lambda: I.ablate(lm, TEXT, [("mlp", -1)])) == "layer_range"
    assert code_of(lambda: I.ablate(lm, TEXT, [("neuron", 1, 2)])) == "bad_part"
    assert code_of(lambda: I.ablate(lm, TEXT, [("head", "x", 0)])) == "bad_part"
    assert code_of(lambda: I.ablate(lm, TEXT, [], how="half")) == "bad_how"
    assert code_of(lambda: I.sweep(lm, TEXT, target_token="station on time")) == "not_one_token"
    assert code_of(lambda: I.sweep(lm, TEXT, target_token="")) == "not_one_token"
    assert code_of(lambda: I.token_id(lm, 10**6)) == "not_one_token"
    assert code_of(lambda: I.patch(lm, TEXT, "The king", ("resid", 0, 0))) == "unequal_lengths"
    assert code_of(lambda: I.patch(lm, TEXT, TEXT, ("resid", L + 1, 0))) == "layer_range"
    assert code_of(lambda: I.patch(lm, TEXT, TEXT, ("resid", 0, 99))) == "position_range"
    assert code_of(lambda: I.patch_grid(lm, "a" * 5000, "b" * 5000)) == "too_long"
    assert code_of(lambda: I.sweep(lm, "a " * 2500)) == "too_long"
    with pytest.raises(EmptyPrompt):
        I.ablate(lm, "   ", [("head", 0, 0)])
    with pytest.raises(EmptyPrompt):
        I.sweep(lm, "")
    long = I.ablate(lm, "word " * 1000, [("head", 0, 0)])  # capped like the page's trace
    assert long.n_tokens == run_trace(lm, "word " * 1000).n_tokens
    assert I.check_parts(lm, [["head", "1", 2], ("head", 1, 2)]) == (("head", 1, 2),)


def test_a_target_token_is_one_token_of_the_model(tiny_gpt2):
    ids = tiny_gpt2.encode(" bank")
    assert len(ids) == 1 and I.token_id(tiny_gpt2, " bank") == ids[0]
    assert I.sweep(tiny_gpt2, TEXT, " bank", kind="layers").target_id == ids[0]


def test_rank_correlation_is_spearmans():
    a = np.array([0.1, 0.4, 0.2, 0.9, 0.9])
    assert I.rank_correlation(a, a * 3 + 1) == pytest.approx(1.0)
    assert I.rank_correlation(a, -a) == pytest.approx(-1.0)
    assert list(I.ranks(a)) == [5, 3, 4, 1.5, 1.5]
    b = np.array([3.0, 1.0, 2.0, 5.0, 4.0])  # by hand: d = rank differences of ranks a vs b
    ra, rb = np.array([5, 3, 4, 1.5, 1.5]), np.array([3, 5, 4, 1, 2])
    expected = np.corrcoef(ra, rb)[0, 1]
    assert I.rank_correlation(a, b) == pytest.approx(expected)
    assert np.isnan(I.rank_correlation(np.ones(4), np.arange(4)))


# --------------------------------------------------------------------------- shared jobs


def test_jobs_share_a_key_refuse_past_the_limit_and_keep_results_and_errors():
    jobs, gate = Jobs(kept=2, max_running=2), threading.Event()

    def slow(job):
        job.report(0.5)
        gate.wait(10)
        return job.key

    first, how = jobs.start("a", slow)
    assert how == "started"
    again, how = jobs.start("a", slow)
    assert how == "joined" and again is first
    assert jobs.start("b", slow)[1] == "started"
    assert jobs.start("c", slow) == (None, "busy")
    assert jobs.running("a").fraction == 0.5 and jobs.result("a") is None
    gate.set()
    first.finished.wait(10)
    jobs.running("b") and jobs.running("b").finished.wait(10)
    assert jobs.result("a") == "a" and jobs.running("a") is None
    failing, _ = jobs.start("bad", lambda job: 1 / 0)
    failing.finished.wait(10)
    assert isinstance(jobs.running("bad").error, ZeroDivisionError) and jobs.result("bad") is None
    for key in ("c", "d"):
        jobs.start(key, lambda job: job.key)[0].finished.wait(10)
    time.sleep(0.05)
    assert jobs.result("a") is None and jobs.result("d") == "d"  # only the last `kept` stay


# --------------------------------------------------------------------------- the real offline model


@pytest.fixture(scope="module")
def smollm():
    from core.models import OFFLINE_DEFAULT, load_lm

    return load_lm(OFFLINE_DEFAULT)


@pytest.mark.slow
def test_the_offline_model_ablated_as_the_contract_says(smollm):
    """On SmolLM2-135M: nothing knocked out is the model's output bit for bit; no angles is a
    copy with every rotary frequency 0; the whole residual patched back is the clean run; sweep
    entries are single ablations (the sublayer sweep; five heads)."""
    import copy

    lm, text = smollm, "The capital of France is"
    ids = torch.tensor([lm.encode(text)])
    with torch.no_grad():
        own = lm.model(input_ids=ids, use_cache=False, logits_to_keep=1).logits[0, -1].numpy()
    np.testing.assert_array_equal(I.ablate(lm, text, []).logits, own)
    twin = copy.deepcopy(lm.model)
    for m in twin.modules():
        if hasattr(m, "inv_freq"):
            m.inv_freq.zero_()
    with torch.no_grad():
        expected = twin(input_ids=ids, use_cache=False).logits[0, -1].numpy()
    del twin
    np.testing.assert_allclose(I.ablate(lm, text, [("positions",)]).logits, expected, rtol=1e-4, atol=1e-4)
    corrupt = "The capital of Italy is"
    clean = run_trace(lm, text).next_token_logits
    np.testing.assert_allclose(
        I.patch(lm, text, corrupt, ("resid", lm.arch.n_layers // 2, None)).logits, clean, rtol=1e-4, atol=1e-4
    )
    layers = I.sweep(lm, text, kind="layers")

    def logp(parts):
        logits = torch.from_numpy(I.ablate(lm, text, parts).logits).double()
        return float(torch.log_softmax(logits, -1)[layers.target_id])

    for layer in (0, 7, lm.arch.n_layers - 1):
        assert layers.logprob[layer, 1] == pytest.approx(logp([("mlp", layer)]), abs=1e-4)
    heads = I.sweep(lm, text, kind="heads")
    for layer, head in [(0, 0), (3, 5), (12, 1), (20, 8), (lm.arch.n_layers - 1, 4)]:
        assert heads.logprob[layer, head] == pytest.approx(logp([("head", layer, head)]), abs=1e-4)
