"""One contract for every model family: each page's core computation against what the model
itself computes — its own forward pass, its own output tensors, forward hooks on its modules.

Runs on every entry of tests.tiny_models.TINY_FAMILIES (tiny GPT-2; tiny Llama with rotary
positions and grouped key/value heads; tiny GPT-NeoX with parallel residual and rotary on a
quarter of each head), with weights sharpened so every part of the model matters.

Adding a fourth family = one adapter class in core/arch.py + one tiny builder in
TINY_FAMILIES. No test in this module (or any other) is edited for it: nothing here names a
family, and the module-path guard below derives its patterns from the adapters themselves.
"""

from __future__ import annotations

import ast
import copy
import inspect
from pathlib import Path

import numpy as np
import pytest
import torch

from core import arch as arch_module
from core import i18n
from core import sampling as S
from core.arch import FAMILIES, Family
from core.attention import attention_steps, heads_together
from core.block import block_steps, dropout_runs, logit_attribution, norm_steps
from core.models import load_lm
from core.positional import rotary_frequencies
from core.residual import block_forward, gradient_through_depth, stream_sizes
from core.trace import run_trace
from tests.tiny_models import TINY_FAMILIES

ROOT = Path(__file__).resolve().parent.parent
from tests.helpers import sharpened

TEXT = "The train left the station on time"
FAMILY_NAMES = list(TINY_FAMILIES)


@pytest.fixture(scope="module", params=FAMILY_NAMES)
def lm(request, tiny_dirs):
    return sharpened(tiny_dirs[request.param])


def own_forward(lm, text=TEXT):
    """The model's own forward pass, with what its modules returned (forward hooks on the
    modules the adapter names) and its own hidden states and attentions."""
    a, seen = lm.arch, {}
    ids = torch.tensor([lm.encode(text)])

    def keep(name):
        def hook(module, args, kwargs, output):
            x = args[0] if args else kwargs["hidden_states"]
            y = output[0] if isinstance(output, tuple) else output
            seen[name] = (x[0].detach().clone(), y[0].detach().clone())
        return hook

    hooks = [a.final_norm().register_forward_hook(keep("final"), with_kwargs=True)]
    for i in range(a.n_layers):
        for name, module in (("norm_1", a.norm_1(i)), ("norm_2", a.norm_2(i)),
                             ("attn", a.attention(i)), ("mlp", a.mlp(i))):
            hooks.append(module.register_forward_hook(keep(f"{name}.{i}"), with_kwargs=True))
    try:
        with torch.no_grad():
            out = lm.model(input_ids=ids, output_attentions=True, output_hidden_states=True, use_cache=False)
    finally:
        for h in hooks:
            h.remove()
    return seen, out


# --------------------------------------------------------------------------- the registry


def test_every_family_has_a_tiny_model_and_its_adapter_reads_the_config(tiny_dirs):
    assert set(TINY_FAMILIES) == set(FAMILIES), "each family in core.arch needs a tiny model"
    for name in FAMILIES:
        lm = load_lm(str(tiny_dirs[name]))
        c = lm.model.config
        assert type(lm.arch) is FAMILIES[name] and lm.arch.name == c.model_type == name
        assert (lm.arch.n_layers, lm.arch.n_heads, lm.arch.d_model) == (
            c.num_hidden_layers, c.num_attention_heads, c.hidden_size)
        assert lm.arch.vocab_size == lm.model.get_input_embeddings().weight.shape[0]
        assert lm.arch.context_length == c.max_position_embeddings


def test_a_family_that_forgets_a_part_fails_when_instantiated(tiny_gpt2):
    class Forgetful(Family):  # states its facts, forgets every method
        name, activation, gated_mlp = "forgetful", "GELU", False

    with pytest.raises(TypeError, match="abstract"):
        Forgetful(tiny_gpt2.model)

    base = type(tiny_gpt2.arch)
    methods = {m: getattr(base, m) for m in Family.__abstractmethods__}

    def init(self, model):
        Family.__init__(self, model, n_layers=1, n_heads=1, n_kv_heads=1, d_model=1, d_mlp=1, context_length=1)

    Unnamed = type("Unnamed", (Family,), {**methods, "__init__": init, "activation": "GELU", "gated_mlp": False})
    with pytest.raises(TypeError, match="name"):
        Unnamed(tiny_gpt2.model)


def test_only_the_adapter_knows_module_paths_and_only_lm_its_tokenizer(tiny_dirs):
    """The forbidden spellings are what the adapters in core/arch.py themselves use to reach
    a module (attribute names that are modules of the tiny models): single names for leaf
    modules (`c_attn`, `q_proj`, `query_key_value` ...), consecutive pairs for containers
    (`transformer.h`, `model.layers`, `gpt_neox.layers` ...). Names that are the adapter's own
    API (`attention`, `mlp`, `norm` ...) are its vocabulary and stay allowed. The same check
    flags each adapter's own class, so it can fail for every family."""
    modules, leaves = set(), set()
    for name in FAMILIES:
        for path, module in load_lm(str(tiny_dirs[name])).model.named_modules():
            parts = [p for p in path.split(".") if p and not p.isdigit()]
            modules.update(parts)
            if parts and not list(module.children()):
                leaves.add(parts[-1])
    vocabulary = {n for n in dir(Family) if not n.startswith("_")} | {"model", "config"}
    adapters = {family.__name__ for family in FAMILIES.values()}
    arch_tree = ast.parse(inspect.getsource(arch_module))
    singles, pairs = set(), set()
    for cls in arch_tree.body:
        if isinstance(cls, ast.ClassDef) and cls.name in adapters:
            for node in ast.walk(cls):
                if isinstance(node, ast.Attribute) and node.attr in modules:
                    if node.attr in leaves and node.attr not in vocabulary:
                        singles.add(node.attr)
                    if isinstance(node.value, ast.Attribute) and node.value.attr in modules:
                        pairs.add((node.value.attr, node.attr))

    def spellings(tree) -> set[str]:
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                if node.attr in singles:
                    found.add(node.attr)
                if isinstance(node.value, ast.Attribute) and (node.value.attr, node.attr) in pairs:
                    found.add(f"{node.value.attr}.{node.attr}")
                if node.attr == "name" and isinstance(node.value, ast.Attribute) and node.value.attr == "arch":
                    found.add("arch.name")  # a family switch outside the adapter
            if isinstance(node, ast.Name) and node.id in adapters:
                found.add(node.id)
        return found

    for cls in arch_tree.body:  # the guard bites: every adapter spells its own paths
        if isinstance(cls, ast.ClassDef) and cls.name in adapters:
            assert spellings(cls) - adapters, f"the guard would not notice {cls.name}'s paths"
    assert {"c_attn", "q_proj", "query_key_value"} <= singles and ("transformer", "h") in pairs

    for path in [ROOT / "Home.py", *ROOT.glob("pages/*.py"), *ROOT.glob("core/**/*.py")]:
        text = path.read_text(encoding="utf-8")
        if path.name != "arch.py":
            assert not spellings(ast.parse(text)), f"family-specific code in {path.relative_to(ROOT)}"
        if path.parent.name != "models" or path.name != "lm.py":
            for reach in ("lm.tokenizer", "lm.lock", "self.lm.tokenizer"):
                assert reach not in text, f"{path.relative_to(ROOT)} reaches into the LM's tokenizer"


# --------------------------------------------------------------------------- the trace


def test_trace_is_the_models_own_forward_pass(lm):
    tr = run_trace(lm, TEXT)
    seen, out = own_forward(lm)
    L = lm.arch.n_layers
    for layer in range(L):  # hidden_states[l] enters block l; the last one is after the final norm
        np.testing.assert_allclose(tr.resid[layer], out.hidden_states[layer][0].numpy(), rtol=1e-5, atol=1e-4)
        np.testing.assert_allclose(tr.attn_out_last[layer], seen[f"attn.{layer}"][1][-1].numpy(), rtol=1e-5, atol=1e-4)
        np.testing.assert_allclose(tr.mlp_out_last[layer], seen[f"mlp.{layer}"][1][-1].numpy(), rtol=1e-5, atol=1e-4)
    np.testing.assert_allclose(tr.resid_final, out.hidden_states[L][0].numpy(), rtol=1e-5, atol=1e-4)
    np.testing.assert_allclose(tr.attentions, torch.stack(out.attentions)[:, 0].numpy(), atol=1e-6)
    np.testing.assert_allclose(tr.next_token_logits, out.logits[0, -1].numpy(), rtol=1e-5, atol=1e-4)
    assert tr.attentions.std() > 0.05  # sharpened: far from uniform, the checks mean something
    if lm.arch.positional == "learned":  # the input is the token's row plus its position's row
        np.testing.assert_allclose(tr.resid[0], tr.token_embeddings + tr.position_embeddings, atol=1e-6)
    else:  # nothing is added: the input is the token's row
        assert tr.position_embeddings is None
        np.testing.assert_array_equal(tr.resid[0], tr.token_embeddings)


# --------------------------------------------------------------------------- attention, head by head


def test_attention_steps_of_every_head_are_the_models_attention(lm):
    tr = run_trace(lm, TEXT)
    seen, out = own_forward(lm)
    T = tr.n_tokens
    for layer in range(lm.arch.n_layers):
        heads = []
        for head in range(lm.arch.n_heads):
            s = attention_steps(lm, TEXT, layer, head, trace=tr)
            own = out.attentions[layer][0, head].numpy()
            np.testing.assert_allclose(s.weights, own, atol=1e-5)
            masked = s.masked_scores - s.masked_scores.max(-1, keepdims=True)
            np.testing.assert_allclose(np.exp(masked) / np.exp(masked).sum(-1, keepdims=True), own, atol=1e-5)
            heads.append(s.output)
        # every head's output, side by side through W_O, is what the attention module returned
        together = heads_together(lm, tr, layer)
        np.testing.assert_allclose(together.concat, np.stack(heads).transpose(1, 0, 2).reshape(T, -1), atol=1e-6)
        np.testing.assert_allclose(together.output, seen[f"attn.{layer}"][1].numpy(), rtol=1e-4, atol=1e-4)
        assert together.model_diff < 1e-4 and together.norm_diff < 1e-4


# --------------------------------------------------------------------------- one block


def test_block_steps_follow_the_familys_wiring(lm):
    tr = run_trace(lm, TEXT)
    seen, out = own_forward(lm)
    for layer in range(lm.arch.n_layers):
        s = block_steps(lm, tr, layer)
        own = lambda name: seen[f"{name}.{layer}"][1].numpy()  # noqa: E731
        np.testing.assert_allclose(s.resid_post, out.hidden_states[layer + 1][0].numpy()
                                   if layer + 1 < lm.arch.n_layers else tr.resid_post(layer), rtol=1e-4, atol=1e-3)
        np.testing.assert_allclose(s.ln1, own("norm_1"), rtol=1e-5, atol=1e-5)
        np.testing.assert_allclose(s.attn_out, own("attn"), rtol=1e-4, atol=1e-3)
        np.testing.assert_allclose(s.mlp_in, seen[f"norm_2.{layer}"][0].numpy(), rtol=1e-5, atol=1e-4)
        np.testing.assert_allclose(s.ln2, own("norm_2"), rtol=1e-5, atol=1e-4)
        np.testing.assert_allclose(s.mlp_out, own("mlp"), rtol=1e-4, atol=1e-3)
        assert s.parallel == lm.arch.parallel_residual
        assert s.model_diff < 1e-3 and s.mlp_diff < 1e-3  # what the page shows: against the model
        assert s.norm_1.module_diff < 1e-5 and s.norm_2.module_diff < 1e-5
        scale = np.abs(s.mlp_out).max()
        assert scale > 0.1 and np.abs(s.resid_mid - s.resid_pre).max() > 0.1  # both sublayers matter


def test_a_page_check_against_the_model_catches_a_wrong_wiring(lm, monkeypatch):
    """block_steps with the other wiring (the bug the GPT-NeoX review found) differs from the
    model's hidden state — and model_diff, what the page shows, says so."""
    other = not lm.arch.parallel_residual
    monkeypatch.setattr(type(lm.arch), "parallel_residual", property(lambda self: other))
    s = block_steps(lm, run_trace(lm, TEXT), 1)
    assert s.model_diff > 1e-2


def test_norms_and_mlp_reproduce_the_models_own_modules(lm):
    seen, _ = own_forward(lm)
    a = lm.arch
    with torch.no_grad():
        for i in range(a.n_layers):
            for which in ("norm_1", "norm_2"):
                x, y = seen[f"{which}.{i}"]
                module = getattr(a, which)(i)
                np.testing.assert_allclose(norm_steps(a.norm(module), module, x).out, y.numpy(), atol=1e-5, rtol=1e-5)
            x, y = seen[f"mlp.{i}"]
            pre, up = a.mlp_in(i, x)
            act = a.act(pre) if up is None else a.act(pre) * up
            torch.testing.assert_close(a.mlp_out(i, act), y, atol=1e-4, rtol=1e-5)
            direct = act @ a.mlp_out_directions(i)  # the output directions are the rows act multiplies
            torch.testing.assert_close(direct + a.mlp_out(i, torch.zeros_like(act)), y, atol=1e-4, rtol=1e-5)
        x, y = seen["final"]
        np.testing.assert_allclose(norm_steps(a.norm(a.final_norm()), a.final_norm(), x).out, y.numpy(),
                                   atol=1e-5, rtol=1e-5)
    assert a.norm_kind == a.norm(a.norm_1(0)).kind == a.norm(a.norm_2(0)).kind


# --------------------------------------------------------------------------- why skips and norms


def test_gradient_through_depth_is_the_models_own_backward_pass(lm):
    """With the skip paths, the gradient at every block's input is what autograd finds through
    the real model (hooks on its blocks); without them it is another function altogether."""
    tr = run_trace(lm, TEXT)
    g = gradient_through_depth(lm, tr)
    assert g.token_id == int(np.argmax(tr.next_token_logits)) and g.logit_diff < 1e-3
    inputs = []

    def keep(module, args, kwargs):
        x = args[0] if args else kwargs["hidden_states"]
        x.retain_grad()
        inputs.append(x)

    hooks = [b.register_forward_pre_hook(keep, with_kwargs=True) for b in lm.arch.blocks()]
    hooks.append(lm.arch.final_norm().register_forward_pre_hook(keep, with_kwargs=True))
    try:
        ids = torch.tensor([tr.token_ids.tolist()])
        embeds = lm.model.get_input_embeddings()(ids).detach().requires_grad_(True)
        with torch.enable_grad():
            lm.model(inputs_embeds=embeds, use_cache=False).logits[0, -1, g.token_id].backward()
    finally:
        for h in hooks:
            h.remove()
    own = np.array([float(x.grad.norm()) for x in inputs])
    np.testing.assert_allclose(g.with_skips, own, rtol=1e-3)
    assert np.abs(np.log(g.without_skips / g.with_skips)).max() > 0.1  # cutting the skips changes it
    if lm.arch.parallel_residual:  # a parallel block without its skip is exactly output − input
        x = torch.from_numpy(np.array(tr.resid[0]))
        with torch.no_grad():
            cut = block_forward(lm, 0, x, skip=False)
        np.testing.assert_allclose(cut.numpy(), tr.resid[1] - tr.resid[0], rtol=1e-4, atol=1e-3)


def test_stream_sizes_are_the_models_stream_and_what_its_norms_hand_on(lm):
    tr = run_trace(lm, TEXT)
    seen, out = own_forward(lm)
    p = tr.n_tokens - 2
    sizes = stream_sizes(lm, tr, p)
    for layer in range(lm.arch.n_layers):
        assert sizes.stream[layer] == pytest.approx(float(out.hidden_states[layer][0, p].norm()), rel=1e-5)
        assert sizes.normed[layer] == pytest.approx(float(seen[f"norm_1.{layer}"][1][p].norm()), rel=1e-5)
        assert sizes.largest[layer] == pytest.approx(float(out.hidden_states[layer][0, p].abs().max()), rel=1e-5)


# --------------------------------------------------------------------------- positions


def test_rotary_frequencies_are_the_pairs_the_model_turns(lm):
    """The positional page's θ_i are the model's own rotary frequencies, one per pair that
    actually turns (GPT-NeoX: a quarter of each head), found in the model, not the adapter."""
    found = [m.inv_freq for m in lm.model.modules() if hasattr(m, "inv_freq")]
    if lm.arch.positional == "learned":  # a table of position vectors, one of the model's parameters
        pe = lm.arch.position_embedding()
        assert not found and lm.arch.rotary_dims == 0
        assert pe.shape == (lm.arch.context_length, lm.arch.d_model)
        assert any(p is pe for p in lm.model.parameters())
        return
    assert found and lm.arch.position_embedding() is None
    params = getattr(lm.model.config, "rope_parameters", None) or {}
    assert lm.arch.rotary_dims == int(lm.arch.d_head * params.get("partial_rotary_factor", 1.0))
    theta = rotary_frequencies(lm)
    assert len(theta) == lm.arch.rotary_dims // 2
    for inv_freq in found:
        np.testing.assert_allclose(theta, inv_freq.double().numpy(), rtol=1e-6)


# --------------------------------------------------------------------------- who wrote the logit


def test_logit_attribution_adds_up_to_the_models_logit(lm):
    tr = run_trace(lm, TEXT)
    for token in (int(np.argmax(tr.next_token_logits)), 3):
        parts = logit_attribution(lm, tr, token)
        assert len(parts.values) == 1 + 2 * lm.arch.n_layers
        assert parts.total == pytest.approx(parts.logit, abs=1e-3)
        assert parts.logit == pytest.approx(float(tr.next_token_logits[token]))
        assert np.abs(parts.values).max() > 1e-3
    # independent: with the embedding's part removed from the stream, the model's own final
    # norm (its scale frozen) and unembedding lose exactly that part's share
    x, e = tr.resid[-1, -1].astype(np.float64), tr.resid[0, -1].astype(np.float64)
    norm = lm.arch.norm(lm.arch.final_norm())
    w = lm.arch.unembedding()[0].detach().double().numpy()[token]
    gamma = norm.weight.detach().double().numpy()
    if norm.centred:
        share = w @ ((e - e.mean()) / np.sqrt(x.var() + norm.eps) * gamma)
    else:
        share = w @ (e / np.sqrt((x ** 2).mean() + norm.eps) * gamma)
    assert parts.values[0] == pytest.approx(share, rel=1e-6, abs=1e-9)


# --------------------------------------------------------------------------- sampling and the lens


def test_logit_lens_at_every_layer_equals_the_model_cut_after_that_layer(lm):
    tr = run_trace(lm, TEXT)
    lens = S.logit_lens_logits(lm, tr)
    assert np.allclose(lens[-1], tr.next_token_logits, atol=1e-4)
    L = lm.arch.n_layers
    for layer in range(1, L):
        cut = copy.deepcopy(lm.model)
        blocks = next(m for m in cut.modules() if isinstance(m, torch.nn.ModuleList) and len(m) == L)
        del blocks[layer:]
        cut.config.num_hidden_layers = layer
        with torch.no_grad():
            own = cut(input_ids=torch.tensor(tr.token_ids.tolist())[None], use_cache=False).logits[0, -1]
        np.testing.assert_allclose(lens[layer], own.numpy(), rtol=1e-5, atol=1e-4)


def test_generation_is_what_model_generate_produces(lm):
    ids = lm.encode(TEXT)
    mask = torch.ones(1, len(ids), dtype=torch.long)
    greedy = lm.model.generate(torch.tensor([ids]), do_sample=False, max_new_tokens=12, attention_mask=mask)
    assert S.generate_text(lm, ids, 12, greedy=True, stop_at_eos=False) == greedy[0, len(ids):].tolist()[:12]
    settings = dict(temperature=0.8, top_k=40, top_p=0.9)
    torch.manual_seed(11)
    drawn = lm.model.generate(torch.tensor([ids]), do_sample=True, max_new_tokens=10, attention_mask=mask,
                              **settings)
    assert S.generate_text(lm, ids, 10, seed=11, **settings) == drawn[0, len(ids):].tolist()


# --------------------------------------------------------------------------- dropout


def test_dropout_the_page_reports_is_what_the_models_modules_apply(lm):
    reported = lm.arch.dropout()
    modules = {m.p for m in lm.model.modules() if isinstance(m, torch.nn.Dropout)}
    assert modules <= set(reported.values())
    runs = dropout_runs(lm, run_trace(lm, TEXT))
    assert not lm.model.training
    if max(reported.values()) > 0:
        assert np.abs(runs.train_logits[0] - runs.train_logits[1]).max() > 1e-3
    else:
        np.testing.assert_allclose(runs.train_logits[0], runs.eval_logits[0], atol=1e-4)


# --------------------------------------------------------------------------- every page


PAGES = ["Home.py", "pages/1_Embeddings.py", "pages/2_Positional_Encoding.py", "pages/3_Attention.py",
         "pages/4_Transformer_Block.py", "pages/6_Sampling.py"]


@pytest.mark.parametrize("family", FAMILY_NAMES)
@pytest.mark.parametrize("path", PAGES)
def test_every_model_page_runs_on_every_family(app, tiny_dirs, monkeypatch, path, family):
    monkeypatch.setenv("TRANSFORMER_ANATOMY_MODEL", str(tiny_dirs[family]))
    at = app(path, timeout=180)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error
    if path == "Home.py":  # the facts table states the wiring and positions the adapter read
        lm = load_lm(str(tiny_dirs[family]))
        facts = at.table[0].value
        facts = dict(zip(facts.iloc[:, 0], facts.iloc[:, 1]))
        wiring = "parallel" if lm.arch.parallel_residual else "sequential"
        assert facts[i18n.t("fact.wiring")] == i18n.t(f"wiring.{wiring}")
        assert facts[i18n.t("fact.positional")].startswith(i18n.t(f"positional.{lm.arch.positional}"))
        assert (i18n.t("positional.partial", rot=lm.arch.rotary_dims, dh=lm.arch.d_head)
                in facts[i18n.t("fact.positional")]) == (0 < lm.arch.rotary_dims < lm.arch.d_head)
    if path == "pages/3_Attention.py":  # Concat(heads) W_O against the model's own attention output
        assert float(next(m.value for m in at.metric if m.label == i18n.t("attention.concat_diff"))) < 1e-4
    if path == "pages/4_Transformer_Block.py":  # the page's own check against the model's hidden state
        check = next(c.value for c in at.caption if c.value.startswith("Block 0 recomputed"))
        assert float(check.rsplit("at most ", 1)[1].split(",")[0]) < 1e-4
