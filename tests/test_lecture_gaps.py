"""The lecture's last gaps (issue 30): each page sentence says what the model's numbers show —
the stream's size falls at some blocks, cutting the skip paths makes the gradient explode or
vanish, temperature's own effect apart from the cuts — checked against the model's own forward
pass and Hugging Face's own warpers."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from core import i18n
from core.residual import DepthGradients, gradient_change, shrinking_blocks
from core.sampling import next_token_distribution
from core.trace import run_trace
from tests.helpers import sharpened

TEXT = "The king and the queen play a game with an orange"


def texts(at) -> list[str]:
    return [e.value for e in [*at.markdown, *at.caption] if isinstance(e.value, str)]


# --------------------------------------------------------------------------- the stream does not only grow


def test_shrinking_blocks_are_where_the_models_own_hidden_state_gets_smaller(tiny_dirs):
    lm = sharpened(tiny_dirs["gpt2"])
    trace = run_trace(lm, TEXT)
    with torch.no_grad():
        hidden = lm.model(torch.tensor([lm.encode(TEXT)]), output_hidden_states=True).hidden_states
    for position in (0, trace.n_tokens - 1):
        # GPT-2's last hidden state is after the final norm: the stream itself is ours at L
        sizes = [float(h[0, position].norm()) for h in hidden[:-1]] + [float(np.linalg.norm(trace.resid[-1, position]))]
        want = [b for b in range(len(sizes) - 1) if sizes[b + 1] < sizes[b] * (1 - 1e-6)]
        assert shrinking_blocks(trace, position) == want


def test_the_norm_section_says_where_the_stream_falls(app, tiny_gpt2):
    at = app("pages/4_Transformer_Block.py")
    at.run()
    assert not at.exception
    trace = run_trace(tiny_gpt2, at.text_input(key="text").value)
    falls = shrinking_blocks(trace, trace.n_tokens - 1)
    L = tiny_gpt2.arch.n_layers
    want = (
        i18n.t("lecture.norm_why_falls", n=len(falls), L=L, blocks=", ".join(map(str, falls)))
        if falls
        else i18n.t("lecture.norm_why_grows", L=L)
    )
    assert any(want in s for s in texts(at))
    assert not any("only grows" in s for s in texts(at))


# --------------------------------------------------------------------------- the gradient without skips


def gradients(with_total: float, without_total: float) -> DepthGradients:
    return DepthGradients(0, np.array([with_total, 2.0, 1.0]), np.array([without_total, 3.0, 1.0]), 0.0)


def test_the_gradient_verdict_reads_the_two_totals():
    assert gradient_change(gradients(325, 3.87e3)) == "explodes"  # the SmolLM2 numbers
    assert gradient_change(gradients(325, 20)) == "vanishes"
    assert gradient_change(gradients(325, 500)) == "holds"
    for key in ("explodes", "vanishes"):  # unstable either way, said in both languages
        for lang in i18n.LANGUAGES:
            text = i18n.t(f"lecture.residual_verdict.{key}", lang, with_total=325, without_total=3870, factor=11.9)
            assert "11.9" in text and "3.87e+03" in text


def test_the_korean_section_uses_the_lectures_term_for_residual_connections():
    ko = {
        k: i18n.t(k, "ko")
        for k in ("lecture.residual", "lecture.residual_text", "lecture.wiring.with", "lecture.wiring.without")
    }
    assert "잔차 연결" in ko["lecture.residual"]
    assert not any("스킵" in v for v in ko.values())


# --------------------------------------------------------------------------- temperature apart from the cuts


def test_tempered_entropy_is_the_entropy_after_hugging_faces_temperature_alone():
    from transformers import TemperatureLogitsWarper

    logits = torch.randn(500, generator=torch.Generator().manual_seed(0)) * 3
    for temperature in (0.5, 1.0, 2.05):
        p = torch.softmax(TemperatureLogitsWarper(temperature)(None, logits[None].clone())[0].double(), -1)
        want = float(-(p[p > 0] * torch.log2(p[p > 0])).sum())
        dist = next_token_distribution(logits.numpy(), temperature=temperature, top_k=50, top_p=0.9)
        assert dist.entropy_tempered_bits == pytest.approx(want, abs=1e-6)
    tail = torch.randn(50_000, generator=torch.Generator().manual_seed(1)) * 1.5  # a vocabulary's long tail
    tail[:5] += torch.tensor([10.0, 9.0, 8.5, 8.0, 7.0])
    hot = next_token_distribution(tail.numpy(), temperature=2.05, top_k=50, top_p=0.9)
    # the readout: hotter, yet less entropy than the model's own, because of the cuts
    assert hot.entropy_tempered_bits > hot.entropy_original_bits > hot.entropy_bits


def test_the_sampling_page_says_what_temperature_does_and_what_the_cuts_do(app, tiny_gpt2):
    at = app("pages/6_Sampling.py", temp="2.05")
    at.run()
    assert not at.exception
    trace = run_trace(tiny_gpt2, at.text_input(key="text").value)
    dist = next_token_distribution(
        trace.next_token_logits, temperature=2.05, top_k=min(50, tiny_gpt2.arch.vocab_size), top_p=0.9
    )
    want = i18n.t(
        "sampling.temp_effect.flattens",
        t=2.05,
        orig=dist.entropy_original_bits,
        temp=dist.entropy_tempered_bits,
        dt=dist.entropy_tempered_bits - dist.entropy_original_bits,
    )
    assert dist.entropy_tempered_bits > dist.entropy_original_bits
    assert any(want in s for s in texts(at)), texts(at)


# --------------------------------------------------------------------------- blocks numbered from 0 everywhere


def test_blocks_are_numbered_from_zero_on_every_page(app, tiny_gpt2):
    """The block picker, the attention grid and the questions say block/layer 0 for the first
    block; so do the logit lens, the order-leak chart and the contextual-embedding points."""
    from tests.helpers import named_chart_tables

    L = tiny_gpt2.arch.n_layers
    at = app("pages/4_Transformer_Block.py")
    at.run()
    assert at.selectbox(key="layer").options == [str(i) for i in range(L)]
    at = app("pages/6_Sampling.py")
    at.run()
    assert not at.exception
    labels = list(dict.fromkeys(named_chart_tables(at)["logit_lens"]["layer_label"]))
    assert labels == [i18n.t("sampling.layer_embed")] + [i18n.t("sampling.layer_n", n=b) for b in range(L)]
    at = app("pages/2_Positional_Encoding.py")
    at.run()
    assert not at.exception
    assert sorted(set(named_chart_tables(at)["order_leak"]["block"])) == list(range(L))
    at = app("pages/1_Embeddings.py")
    at.run()
    points = set(named_chart_tables(at)["context_drift"]["point"])
    assert {i18n.t("embeddings.point.block", n=b) for b in range(L)} <= points
    assert i18n.t("embeddings.point.block", n=L) not in points
    for lang in i18n.LANGUAGES:  # no sentence counts blocks from 1
        catalog = i18n.catalogs()[lang]
        for key in ("int.pos.first_off", "posenc.col.cos_input", "posenc.col.cos_block1"):
            assert "0" in catalog[key] and "1" not in catalog[key], (lang, key)


# --------------------------------------------------------------------------- GPT-2 as a labelled reference offline


def test_layernorm_reference_is_torchs_layer_norm():
    from core.block import layernorm_reference

    x = torch.randn(64, generator=torch.Generator().manual_seed(3), dtype=torch.float64) * 4 + 1
    ref = layernorm_reference(x.numpy())
    np.testing.assert_allclose(
        ref["normalized"], torch.nn.functional.layer_norm(x, (64,), eps=1e-5).numpy(), atol=1e-10
    )
    assert ref["mean"] == pytest.approx(float(x.mean()))


def test_gpt2_references_appear_where_the_model_differs(app, tiny_dirs, monkeypatch):
    """On a rotary, RMSNorm, gated-MLP model the lecture's GPT-2 facts (learned table 1,024 × 768
    summed with the token, 768 → 3,072 → 768 with GELU, LayerNorm step by step on the same
    vector) sit beside the sections, labelled as references; on GPT-2 itself they don't."""
    from core.block import block_steps, layernorm_reference
    from core.models import load_lm

    def infos(at):
        return [i.value for i in at.info]

    monkeypatch.setenv("TRANSFORMER_ANATOMY_MODEL", str(tiny_dirs["llama"]))
    lm = load_lm(str(tiny_dirs["llama"]))
    at = app("pages/2_Positional_Encoding.py")
    at.run()
    assert i18n.t("reference.gpt2.positions", n="1,024", d=768, name=lm.display_name) in infos(at)
    at = app("pages/4_Transformer_Block.py")
    at.run()
    assert not at.exception
    assert i18n.t("reference.gpt2.mlp", d=768, m=3072, r=4.0, act="GELU") in infos(at)
    trace = run_trace(lm, at.text_input(key="text").value)
    x = block_steps(lm, trace, 0).resid_pre[-1]
    ref = layernorm_reference(x)
    shown = next(
        s
        for s in infos(at)
        if s.startswith(i18n.t("reference.gpt2.norm", d=768, mean=0, std=0, x0=0, c0=0, n0=0, cos=0)[:30])
    )
    assert f"{ref['mean']:+.4f}" in shown and f"{ref['std']:.4f}" in shown
    monkeypatch.setenv("TRANSFORMER_ANATOMY_MODEL", str(tiny_dirs["gpt2"]))
    for page in ("pages/2_Positional_Encoding.py", "pages/4_Transformer_Block.py"):
        at = app(page)
        at.run()
        assert not any("GPT-2 small (published" in s or "GPT-2's LayerNorm" in s for s in infos(at))


def test_the_lecture_table_names_the_norms_kind_not_its_placement(tiny_llama):
    from core.overview import lecture_gpt2_rows

    rows = {key: (gpt2, mine) for key, gpt2, mine in lecture_gpt2_rows(tiny_llama)}
    assert rows["norm_kind"] == ("LayerNorm", "RMSNorm") and rows["norm"] == ("pre", "pre")  # kind ≠ placement
    assert i18n.t("arch.fact.norm_kind") != i18n.t("arch.fact.norm")
