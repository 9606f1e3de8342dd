"""core.arch, family by family: what the contract suite (tests/test_family_contract.py)
cannot say without naming a family — grouped key/value heads, GPT-NeoX's wiring read from
its config, GPT-2's dropout modules — and LM's tokenizer methods."""

from __future__ import annotations

import numpy as np
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
    config = GPTNeoXConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64,
                           num_hidden_layers=2, num_attention_heads=2, max_position_embeddings=64,
                           rotary_pct=1.0, use_parallel_residual=False)
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
