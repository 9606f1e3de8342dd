"""core.arch: each family adapter's parts reproduce what forward hooks on the model's own
modules record, on the tiny GPT-2 and the tiny Llama."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
import torch

from core.arch import GPT2, Llama, family_of
from core.block import norm_steps
from core.trace import run_trace

TEXT = "The cat sat on the mat."
ROOT = Path(__file__).resolve().parent.parent


def recorded(lm, text=TEXT):
    """What the model's own modules saw and returned in one forward pass, per layer."""
    arch, seen = lm.arch, {}
    ids = torch.tensor([lm.encode(text)])

    def keep(name):
        def hook(module, args, kwargs, output):
            x = args[0] if args else kwargs["hidden_states"]
            seen[name] = (x[0].detach().clone(), (output[0] if isinstance(output, tuple) else output)[0].detach().clone())
        return hook

    hooks = []
    for i in range(arch.n_layers):
        for name, module in (("norm_1", arch.norm_1(i)), ("norm_2", arch.norm_2(i)),
                             ("attn", arch.attention(i)), ("mlp", arch.mlp(i))):
            hooks.append(module.register_forward_hook(keep(f"{name}.{i}"), with_kwargs=True))
    hooks.append(arch.final_norm().register_forward_hook(keep("final"), with_kwargs=True))
    try:
        with torch.no_grad():
            out = lm.model(input_ids=ids, output_attentions=True)
    finally:
        for h in hooks:
            h.remove()
    return seen, out


@pytest.mark.parametrize("fixture, family", [("tiny_gpt2", GPT2), ("tiny_llama", Llama)])
def test_the_adapter_is_chosen_by_model_type(request, fixture, family):
    lm = request.getfixturevalue(fixture)
    assert isinstance(lm.arch, family) and isinstance(family_of(lm.model), family)
    c = lm.model.config
    assert lm.n_layers == c.num_hidden_layers and lm.d_model == c.hidden_size
    assert lm.n_heads == c.num_attention_heads


@pytest.mark.parametrize("fixture", ["tiny_gpt2", "tiny_llama"])
def test_norms_and_mlp_reproduce_the_models_own_modules(request, fixture):
    lm = request.getfixturevalue(fixture)
    seen, _ = recorded(lm)
    arch = lm.arch
    with torch.no_grad():
        for i in range(arch.n_layers):
            for which in ("norm_1", "norm_2"):
                x, y = seen[f"{which}.{i}"]
                module = getattr(arch, which)(i)
                by_hand = norm_steps(arch.norm(module), module, x).out  # the formula, from the adapter's Norm
                np.testing.assert_allclose(by_hand, y.numpy(), atol=1e-5, rtol=1e-5)
            x, y = seen[f"mlp.{i}"]
            pre, up = arch.mlp_in(i, x)
            act = arch.act(pre) if up is None else arch.act(pre) * up
            torch.testing.assert_close(arch.mlp_out(i, act), y, atol=1e-5, rtol=1e-5)
            # the output directions are the rows act multiplies: out = act @ W_out (+ bias)
            direct = act @ arch.mlp_out_directions(i)
            bias = arch.mlp_out(i, torch.zeros_like(act))
            torch.testing.assert_close(direct + bias, y, atol=1e-5, rtol=1e-5)
        x, y = seen["final"]
        by_hand = norm_steps(arch.norm(arch.final_norm()), arch.final_norm(), x).out
        np.testing.assert_allclose(by_hand, y.numpy(), atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("fixture", ["tiny_gpt2", "tiny_llama"])
def test_qkv_and_output_projection_reproduce_the_attention_module(request, fixture):
    lm = request.getfixturevalue(fixture)
    seen, out = recorded(lm)
    arch = lm.arch
    with torch.no_grad():
        for i in range(arch.n_layers):
            x, y = seen[f"attn.{i}"]  # the attention module's input is the normed stream
            q, k, v = arch.qkv(i, x)
            T = x.shape[0]
            assert q.shape == (arch.n_heads, T, arch.d_head)
            assert k.shape == v.shape == (arch.n_kv_heads, T, arch.d_head)
            mask = torch.full((T, T), float("-inf")).triu(1)
            heads = []
            for h in range(arch.n_heads):
                kv = arch.kv_head(h)
                w = torch.softmax(q[h] @ k[kv].T * arch.attention_scaling(i) + mask, -1)
                torch.testing.assert_close(w, out.attentions[i][0, h], atol=1e-5, rtol=1e-5)
                heads.append(w @ v[kv])
            z = torch.stack(heads).transpose(0, 1).reshape(T, -1)
            torch.testing.assert_close(arch.attention_output(i, z), y, atol=1e-5, rtol=1e-5)


def test_grouped_heads_share_key_value_heads(tiny_llama):
    arch = tiny_llama.arch
    assert arch.n_kv_heads < arch.n_heads
    group = arch.n_heads // arch.n_kv_heads
    assert [arch.kv_head(h) for h in range(arch.n_heads)] == [h // group for h in range(arch.n_heads)]


def test_positions_and_dropout_match_the_models_own_modules(tiny_gpt2, tiny_llama):
    """The probabilities the dropout section reports are the ones the dropout modules apply,
    and only the learned-position family has a position table (the one it adds)."""
    gpt2 = tiny_gpt2.model
    dropouts = tiny_gpt2.arch.dropout()
    assert dropouts["embeddings"] == gpt2.transformer.drop.p
    assert {block.attn.attn_dropout.p for block in gpt2.transformer.h} == {dropouts["attention"]}
    assert {block.mlp.dropout.p for block in gpt2.transformer.h} == {dropouts["residual"]}
    assert tiny_gpt2.arch.position_embedding() is gpt2.transformer.wpe.weight
    llama = tiny_llama.model
    assert {layer.self_attn.attention_dropout for layer in llama.model.layers} == \
        {tiny_llama.arch.dropout()["attention"]}
    assert tiny_llama.arch.position_embedding() is None
    # the rotary base the page reports turns q and k exactly as the model's rotary embedding does
    from core.positional import frequencies

    torch.testing.assert_close(torch.tensor(frequencies(tiny_llama.d_head, tiny_llama.arch.rotary_base()),
                                            dtype=torch.float32),
                               llama.model.rotary_emb.inv_freq.float(), rtol=1e-6, atol=0)


def test_lm_owns_its_tokenizer(tiny_gpt2):
    ids = tiny_gpt2.encode("Data visualization")
    assert ids == tiny_gpt2.tokenizer("Data visualization", add_special_tokens=False)["input_ids"]
    assert tiny_gpt2.decode(ids) == "Data visualization"
    assert "".join(tiny_gpt2.display_tokens(ids)).replace("␣", " ") == "Data visualization"
    assert tiny_gpt2.display_tokens([]) == []
    assert b"".join(tiny_gpt2.token_bytes(i) for i in ids) == "Data visualization".encode()


def test_only_the_adapter_knows_module_paths_and_only_lm_its_tokenizer():
    family = re.compile(r"architecture ?(==|!=|in )|\.transformer\.h\b|\.model\.layers\b|\.c_attn\b"
                        r"|\.q_proj\b|\.ln_f\b|\.model\.norm\b|\.wpe\b|\.rotary_emb\b")
    tokenizer = re.compile(r"\blm\.tokenizer\b|\blm\.lock\b|self\.lm\.tokenizer|self\.lm\.lock")
    for path in [ROOT / "Home.py", *ROOT.glob("pages/*.py"), *ROOT.glob("core/**/*.py")]:
        text = path.read_text(encoding="utf-8")
        if path.name != "arch.py":
            assert not family.search(text), f"family-specific code in {path}"
        if path.name != "models.py":
            assert not tokenizer.search(text), f"{path} reaches into the LM's tokenizer"


def test_trace_activations_are_named_and_add_up(tiny_gpt2):
    tr = run_trace(tiny_gpt2, TEXT)
    L, T, d = tiny_gpt2.n_layers, tr.n_tokens, tiny_gpt2.d_model
    assert tr.resid.shape == (L + 1, T, d) and tr.resid_final.shape == (T, d)
    assert tr.attn_out_norm.shape == tr.mlp_out_norm.shape == (L, T)
    np.testing.assert_allclose(tr.resid[:-1, -1] + tr.attn_out_last + tr.mlp_out_last, tr.resid[1:, -1],
                               atol=1e-5)
    with torch.no_grad():
        final = tiny_gpt2.arch.final_norm()(torch.from_numpy(np.array(tr.resid[-1])))
    np.testing.assert_allclose(final.numpy(), tr.resid_final, atol=1e-6)
    assert not tr.resid.flags.writeable  # shared between sessions: read-only
