"""core.arch, family by family: what the contract suite (tests/test_family_contract.py)
cannot say without naming a family — grouped key/value heads, GPT-NeoX's wiring read from
its config, GPT-2's dropout modules — and LM's tokenizer methods."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from transformers import AutoModelForCausalLM, GPTNeoXConfig

from core.block import block_steps
from core.models import wrap
from core.trace import run_trace
from tests.tiny_models import build_tokenizer

TEXT = "The cat sat on the mat."


def test_grouped_heads_share_key_value_heads(tiny_llama):
    arch = tiny_llama.arch
    assert arch.n_kv_heads < arch.n_heads
    group = arch.n_heads // arch.n_kv_heads
    assert [arch.kv_head(h) for h in range(arch.n_heads)] == [h // group for h in range(arch.n_heads)]


def test_gpt2_dropout_and_positions_are_its_own_modules(tiny_gpt2):
    gpt2 = tiny_gpt2.model
    dropouts = tiny_gpt2.arch.dropout()
    assert dropouts["embeddings"] == gpt2.transformer.drop.p
    assert {block.attn.attn_dropout.p for block in gpt2.transformer.h} == {dropouts["attention"]}
    assert {block.mlp.dropout.p for block in gpt2.transformer.h} == {dropouts["residual"]}
    assert tiny_gpt2.arch.position_embedding() is gpt2.transformer.wpe.weight


def test_gpt_neox_states_its_wiring_and_rotary_width_from_its_config(tiny_neox):
    """Pythia's parallel residual and quarter rotary come from the config; the same family
    with use_parallel_residual=False and full rotary is wired sequentially — and block_steps
    follows it exactly either way."""
    assert tiny_neox.arch.parallel_residual and tiny_neox.arch.rotary_dims == tiny_neox.arch.d_head // 4
    tokenizer = build_tokenizer()
    torch.manual_seed(3)
    config = GPTNeoXConfig(
        vocab_size=len(tokenizer),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
        max_position_embeddings=64,
        rotary_pct=1.0,
        use_parallel_residual=False,
    )
    model = AutoModelForCausalLM.from_config(config, attn_implementation="eager").eval()
    with torch.no_grad():
        for p in model.parameters():
            p.normal_(0, 0.5) if p.dim() == 2 else p.add_(torch.randn_like(p) * 0.1)
    lm = wrap(model, tokenizer, "neox-sequential", "neox-sequential", "test")
    assert not lm.arch.parallel_residual and lm.arch.rotary_dims == lm.arch.d_head
    trace = run_trace(lm, TEXT)
    steps = block_steps(lm, trace, 0)
    np.testing.assert_allclose(steps.mlp_in, steps.resid_mid)  # Norm₂ reads x_mid
    assert steps.model_diff < 1e-3


def test_lm_owns_its_tokenizer(tiny_gpt2):
    ids = tiny_gpt2.encode("Data visualization")
    assert ids == tiny_gpt2.tokenizer("Data visualization", add_special_tokens=False)["input_ids"]
    assert tiny_gpt2.decode(ids) == "Data visualization"
    assert "".join(tiny_gpt2.display_tokens(ids)).replace("␣", " ") == "Data visualization"
    assert tiny_gpt2.display_tokens([]) == []
    assert b"".join(tiny_gpt2.token_bytes(i) for i in ids) == "Data visualization".encode()


def _family(tiny_dirs, key):
    from core.models import load_lm

    return load_lm(str(tiny_dirs[key]))


def test_gptj_has_one_norm_for_both_sublayers_and_turns_neighbouring_pairs(tiny_dirs):
    from core.block import block_equations, block_wiring, parameter_split

    lm = _family(tiny_dirs, "gptj")
    block = lm.model.transformer.h[0]
    assert lm.arch.shared_norm and lm.arch.parallel_residual and lm.arch.norm_2(0) is block.ln_1
    assert parameter_split(lm)["norms"] == block.ln_1.weight.numel() + block.ln_1.bias.numel()  # counted once
    assert block_wiring(lm.arch) == "parallel_shared"
    assert len(block_equations(lm.arch)) == 1 and "_1" not in block_equations(lm.arch)[0]
    assert lm.arch.rotary_layout == "pairs" and lm.arch.rotary_dims == lm.model.config.rotary_dim
    assert lm.arch.positions_module() is None and not lm.arch.qkv_bias


def test_opt_reads_its_position_table_two_rows_on_and_its_mlp_from_the_layer(tiny_dirs):
    from core.block import parameter_split
    from core.positional import learned_positions

    lm = _family(tiny_dirs, "opt")
    table = lm.model.model.decoder.embed_positions.weight
    assert table.shape[0] == lm.arch.context_length + 2 and lm.arch.position_offset == 2
    np.testing.assert_array_equal(learned_positions(lm), table[2:].detach().numpy())
    layer = lm.model.model.decoder.layers[0]
    assert parameter_split(lm)["mlp"] == sum(p.numel() for p in (*layer.fc1.parameters(), *layer.fc2.parameters()))
    trace = run_trace(lm, TEXT)
    assert trace.mlp_out_last.shape == (lm.arch.n_layers, lm.arch.d_model)  # not one scalar per layer
    assert lm.arch.norm_placement == "pre" and lm.arch.qkv_bias


def test_opt_post_norm_states_its_placement_and_its_projections(tiny_dirs):
    from core.block import block_equations, block_wiring, logit_attribution

    lm = _family(tiny_dirs, "opt_post")
    c = lm.model.config
    assert not c.do_layer_norm_before and lm.arch.norm_placement == "post" and lm.arch.final_norm() is None
    assert (lm.arch.d_embed, lm.arch.d_model) == (c.word_embed_proj_dim, c.hidden_size)
    assert lm.arch.d_embed != lm.arch.d_model
    assert lm.arch.project_in() is lm.model.model.decoder.project_in
    assert block_wiring(lm.arch) == "post"
    assert block_equations(lm.arch)[0].startswith(r"x_{\mathrm{mid}} = \mathrm{LayerNorm}_1")
    trace = run_trace(lm, TEXT)
    steps = block_steps(lm, trace, 0)
    np.testing.assert_allclose(steps.norm_1.x, steps.resid_pre + steps.attn_out, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(steps.resid_mid, steps.ln1)
    assert steps.model_diff < 1e-4
    with pytest.raises(ValueError):
        logit_attribution(lm, trace, 0)


def test_an_unknown_family_is_refused_naming_every_family_the_app_knows(tmp_path):
    from core import i18n
    from core.arch import FAMILIES
    from core.models import ModelUnavailable, load_lm

    (tmp_path / "config.json").write_text('{"model_type": "bert"}')
    with pytest.raises(ModelUnavailable) as info:
        load_lm(str(tmp_path))
    for lang in ("en", "ko"):
        message = i18n.plain("model.reason.unsupported", lang, **info.value.values)
        assert "bert" in message and all(name in message for name in FAMILIES)
