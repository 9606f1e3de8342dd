"""core.block: one block recomputed from its weights equals what the model's own modules
compute; the logit splits exactly into its parts; dropout is put back; and the page."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from core import i18n
from core.block import block_steps, dropout_runs, logit_attribution, parameter_split, unit_writes
from core.models import load_lm
from core.trace import run_trace
from tests.helpers import sharpened

TEXT = "The train left the station on time"
PAGE = "pages/4_Transformer_Block.py"


def hooked(lm, text):
    """The model's own norm, MLP and block outputs per layer, recorded by forward hooks."""
    seen = {}
    hooks = []
    for i in range(lm.arch.n_layers):
        for name, module in (
            ("ln1", lm.arch.norm_1(i)),
            ("ln2", lm.arch.norm_2(i)),
            ("mlp", lm.arch.mlp(i)),
            ("block", lm.arch.blocks()[i]),
        ):
            hooks.append(
                module.register_forward_hook(
                    lambda m, a, o, key=f"{name}.{i}": seen.__setitem__(key, (o[0] if isinstance(o, tuple) else o)[0])
                )
            )
    try:
        with torch.no_grad():
            lm.model(input_ids=torch.tensor([lm.encode(text)]))
    finally:
        for h in hooks:
            h.remove()
    return seen


@pytest.mark.parametrize("arch", ["gpt2", "llama"])
def test_the_norm_by_hand_is_the_textbook_formula(tiny_dirs, arch):
    lm = sharpened(tiny_dirs[arch])
    trace = run_trace(lm, TEXT)
    s = block_steps(lm, trace, 1)
    x = torch.from_numpy(np.array(s.resid_pre, dtype=np.float64))
    module = lm.arch.norm_1(1)
    with torch.no_grad():
        if arch == "gpt2":
            want = torch.nn.functional.layer_norm(
                x, x.shape[-1:], module.weight.double(), module.bias.double(), module.eps
            )
            np.testing.assert_allclose(s.norm_1.mean, x.mean(-1).numpy(), atol=1e-9)
            np.testing.assert_allclose(s.norm_1.scale, np.sqrt(x.var(-1, unbiased=False).numpy() + module.eps))
            assert s.norm_1.beta is not None
        else:  # RMSNorm: no mean, no β
            want = module.weight.double() * x / torch.sqrt((x**2).mean(-1, keepdim=True) + module.variance_epsilon)
            assert s.norm_1.mean is None and s.norm_1.beta is None
    np.testing.assert_allclose(s.norm_1.out, want.numpy(), atol=1e-9)
    np.testing.assert_allclose(s.ln1, want.numpy(), atol=1e-5)


def test_parameter_split_of_gpt2_small_size():
    from transformers import GPT2Config, GPT2LMHeadModel

    from core.models import wrap
    from tests.tiny_models import build_tokenizer

    torch.manual_seed(0)
    lm = wrap(GPT2LMHeadModel(GPT2Config()).eval(), build_tokenizer(), "gpt2-size", "GPT-2 size", "test")
    split = parameter_split(lm)
    # 768×2304 + 2304 (q, k, v) + 768×768 + 768 (W_O); 768×3072 + 3072 + 3072×768 + 768 (MLP)
    assert split == {"attention": 2_362_368, "mlp": 4_722_432, "norms": 4 * 768}


def test_unit_writes_are_activation_times_the_row_through_the_unembedding(tiny_gpt2):
    trace = run_trace(tiny_gpt2, TEXT)
    s = block_steps(tiny_gpt2, trace, 0)
    units = unit_writes(tiny_gpt2, s, 2, n_units=3, n_tokens=4)
    assert [abs(a) for _, a, _ in units] == sorted((abs(a) for _, a, _ in units), reverse=True)
    W_U = tiny_gpt2.arch.unembedding()[0].detach().numpy()
    W_out = tiny_gpt2.arch.mlp_out_directions(0).detach().numpy()
    for unit, act, top in units:
        effect = act * (W_U @ W_out[unit])
        assert [i for i, _ in top] == list(np.argsort(-effect)[:4])
        np.testing.assert_allclose([v for _, v in top], np.sort(effect)[::-1][:4], rtol=1e-5, atol=1e-6)


# --------------------------------------------------------------------------- the page


def test_page_shows_every_section_with_the_models_numbers(app, tiny_gpt2):
    at = app(PAGE, text=TEXT, layer="1", token="2")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    headers = [h.value for h in at.header]
    for key in ("block.equations", "block.stream", "block.mlp", "block.units", "block.attribution", "block.dropout"):
        assert i18n.t(key) in headers, key
    assert i18n.t("block.norm", norm="LayerNorm") in headers
    metrics = {m.label: m.value for m in at.metric}
    split = parameter_split(tiny_gpt2)
    assert metrics[i18n.t("block.params_attention")] == f"{split['attention'] / 1e6:,.2f} M"
    trace = run_trace(tiny_gpt2, TEXT)
    s = block_steps(tiny_gpt2, trace, 1)
    assert metrics[i18n.t("block.mean")] == f"{s.norm_1.mean[2]:+.4f}"
    assert metrics[i18n.t("block.fire")] == f"{(s.mlp_pre[2] > 0).mean():.1%}"
    parts = logit_attribution(tiny_gpt2, trace, int(np.argmax(trace.next_token_logits)))
    assert metrics[i18n.t("block.logit")] == f"{parts.logit:+.4f}"
    assert len(at.get("vega_lite_chart")) >= 6
    at.button(key="start_dropout").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[i18n.t("block.eval_diff")] == "0.00e+00"
    assert float(metrics[i18n.t("block.train_diff")]) > 0


def test_page_on_the_rotary_model_in_korean(app, tiny_dirs, monkeypatch):
    monkeypatch.setenv("TRANSFORMER_ANATOMY_MODEL", str(tiny_dirs["llama"]))
    at = app(PAGE, lang="ko")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.title[0].value == i18n.t("block.heading", "ko")
    assert i18n.t("block.norm", "ko", norm="RMSNorm") in [h.value for h in at.header]
    labels = [m.label for m in at.metric]
    assert i18n.t("block.rms", "ko") in labels and i18n.t("block.mean", "ko") not in labels
    assert i18n.t("block.dropout_config_zero", "ko", p=0.1, trained=0.1) in [i.value for i in at.info]
    at.button(key="start_dropout").click().run()
    assert i18n.t("block.dropout_caption_explicit", "ko", p=0.1) in [c.value for c in at.caption]
    metrics = {m.label: m.value for m in at.metric}  # the config says 0, yet dropout is seen acting
    assert metrics[i18n.t("block.eval_diff", "ko")] == "0.00e+00"
    assert float(metrics[i18n.t("block.train_diff", "ko")]) > 0


def test_an_explicit_dropout_rate_acts_on_what_each_sublayer_writes(tiny_llama):
    """Config dropout 0: training mode alone changes nothing; an explicit rate of 1 drops all
    that attention and the MLPs write — the same logits as knocking every one of them out
    (core.interventions.ablate); the model is left in eval mode with no hook."""
    from core.block import dropout_runs
    from core.interventions import ablate

    assert max(tiny_llama.arch.dropout().values()) == 0
    trace = run_trace(tiny_llama, TEXT)
    hooks_before = sum(len(m._forward_hooks) for m in tiny_llama.model.modules())  # transformers' own
    plain = dropout_runs(tiny_llama, trace)
    np.testing.assert_array_equal(plain.train_logits[0], plain.train_logits[1])
    everything = [(kind, layer) for layer in range(tiny_llama.arch.n_layers) for kind in ("attn", "mlp")]
    knocked = ablate(tiny_llama, TEXT, everything, how="zero").logits
    full = dropout_runs(tiny_llama, trace, 1.0)
    np.testing.assert_allclose(full.train_logits[0], np.asarray(knocked), atol=1e-4)
    half = dropout_runs(tiny_llama, trace, 0.5)
    assert np.abs(half.train_logits[0] - half.train_logits[1]).max() > 0
    assert not tiny_llama.model.training
    assert sum(len(m._forward_hooks) for m in tiny_llama.model.modules()) == hooks_before


def test_hostile_prompts_and_tampered_links(app):
    at = app(PAGE, layer="99", token="-4", unit="abc")
    at.run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "“layer”" in warnings and "“token”" in warnings
    for text in ["", "😀" * 40, "안녕하세요 트랜스포머", "a" * 5000]:
        at.text_input(key="text").set_value(text).run()
        assert not at.exception, text
    at.text_input(key="text").set_value("").run()
    assert [m.value for m in at.info] == [i18n.t("prompt.empty")]


@pytest.mark.slow
def test_block_steps_on_the_real_offline_model():
    """SmolLM2-135M (Llama family, RMSNorm, gated SiLU, grouped heads): every block
    recomputed equals the model's own, and the logit of " Paris" splits exactly."""
    lm = load_lm("smollm2-135m")
    text = "The capital of France is"
    trace = run_trace(lm, text)
    seen = hooked(lm, text)
    for layer in (0, lm.arch.n_layers // 2, lm.arch.n_layers - 1):
        s = block_steps(lm, trace, layer)
        np.testing.assert_allclose(s.resid_post, seen[f"block.{layer}"].numpy(), atol=2e-3, rtol=1e-4)
        np.testing.assert_allclose(s.ln1, seen[f"ln1.{layer}"].numpy(), atol=1e-4)
        np.testing.assert_allclose(s.mlp_out, seen[f"mlp.{layer}"].numpy(), atol=2e-3, rtol=1e-4)
        assert s.norm_1.mean is None and s.norm_1.module_diff < 1e-4
    paris = lm.encode(" Paris")[0]
    assert int(np.argmax(trace.next_token_logits)) == paris
    parts = logit_attribution(lm, trace, paris)
    assert parts.total == pytest.approx(parts.logit, abs=1e-3)
    assert max(parts.values) > 1.0  # a few parts carry it
    runs = dropout_runs(lm, trace)
    assert runs.probabilities == {"attention": 0.0} and not lm.model.training
    np.testing.assert_allclose(runs.train_logits[0], runs.eval_logits[0], atol=1e-4)


def test_page_measures_the_gradient_through_the_depth_and_the_norms_effect(app, tiny_gpt2):
    """The two 'why' sections draw what core.residual computes for the page's prompt and token."""
    from core.residual import gradient_through_depth, stream_sizes
    from tests.helpers import chart_tables

    at = app(PAGE, text=TEXT, token="2")
    at.run()
    assert i18n.t("lecture.residual_press") in [m.value for m in at.caption]
    at.button(key="start_depth_gradient").click().run()
    assert not at.exception, [e.message for e in at.exception]
    trace = run_trace(tiny_gpt2, TEXT)
    g = gradient_through_depth(tiny_gpt2, trace)
    tables = {tuple(sorted(tb.columns)): tb for tb in chart_tables(at)}
    grad = next(tb for cols, tb in tables.items() if "gradient" in cols)
    np.testing.assert_allclose(grad["gradient"], np.concatenate([g.with_skips, g.without_skips]), rtol=1e-5)
    sizes = stream_sizes(tiny_gpt2, trace, 2)
    size = next(tb for cols, tb in tables.items() if "kind" in cols and "norm" in cols)
    np.testing.assert_allclose(size["norm"], np.concatenate([sizes.stream, sizes.normed]), rtol=1e-5)
