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
from core import interventions as I
from core import sampling as S
from core.arch import FAMILIES, Family
from core.attention import attention_steps, heads_together
from core.block import block_forward, block_steps, dropout_runs, logit_attribution, norm_steps
from core.models import load_lm
from core.positional import rotary_frequencies
from core.residual import gradient_through_depth, stream_sizes
from core.trace import run_trace
from tests.helpers import sharpened
from tests.tiny_models import TINY_FAMILIES

ROOT = Path(__file__).resolve().parent.parent

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
            cut = block_forward(lm, 0, x, skip=False).out
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


# --------------------------------------------------------------------------- interventions


def hooks_on(model) -> set:
    """Every hook on every module of the model (transformers places a few of its own at load)."""
    return {(name, kind, key) for name, m in model.named_modules()
            for kind, hooks in (("forward", m._forward_hooks), ("pre", m._forward_pre_hooks)) for key in hooks}


def logits_from(lm, replace_at: int, x: torch.Tensor, text=TEXT) -> torch.Tensor:
    """The model's own last-position logits when the residual stream entering block
    `replace_at` (L: the final norm) is `x` [T, d] — a hook of the test's own."""
    a = lm.arch
    module = a.blocks()[replace_at] if replace_at < a.n_layers else a.final_norm()

    def put(m, args, kwargs):
        return ((x[None].clone(), *args[1:]), kwargs) if args else (args, {**kwargs, "hidden_states": x[None].clone()})

    handle = module.register_forward_pre_hook(put, with_kwargs=True)
    try:
        with torch.no_grad():
            return lm.model(input_ids=torch.tensor([lm.encode(text)]), use_cache=False).logits[0, -1]
    finally:
        handle.remove()


def test_the_hook_points_hold_what_the_model_computes_there(lm):
    """W_O's input is every head's output side by side (head h at [h·d_head, (h+1)·d_head));
    the positions module returns the learned position vectors or, for rotary, cos and sin of
    position × the model's own frequencies."""
    a, tr = lm.arch, run_trace(lm, TEXT)
    T, seen = tr.n_tokens, {}
    hooks = [a.attention_output_projection(i).register_forward_pre_hook(
        lambda m, args, i=i: seen.__setitem__(i, args[0][0].clone())) for i in range(a.n_layers)]
    hooks.append(a.positions_module().register_forward_hook(lambda m, args, out: seen.__setitem__("pos", out)))
    try:
        own_forward(lm)
    finally:
        for h in hooks:
            h.remove()
    for layer in range(a.n_layers):
        heads = np.stack([attention_steps(lm, TEXT, layer, h, trace=tr).output for h in range(a.n_heads)])
        np.testing.assert_allclose(seen[layer].numpy(), heads.transpose(1, 0, 2).reshape(T, -1), atol=1e-5)
    if a.positional == "learned":
        np.testing.assert_array_equal(seen["pos"][0].numpy(), a.position_embedding()[:T].detach().numpy())
    else:
        cos, sin = (x[0].double().numpy() for x in seen["pos"])
        angles = np.arange(T)[:, None] * rotary_frequencies(lm)[None]  # [T, rotary_dims / 2]
        np.testing.assert_allclose(cos, np.cos(np.concatenate([angles, angles], -1)), atol=1e-6)
        np.testing.assert_allclose(sin, np.sin(np.concatenate([angles, angles], -1)), atol=1e-6)
        assert cos.shape[-1] == a.rotary_dims


def test_ablating_nothing_is_the_models_own_output_bit_for_bit(lm):
    before = hooks_on(lm.model)
    ids = torch.tensor([lm.encode(TEXT)])
    with torch.no_grad():
        own = lm.model(input_ids=ids, use_cache=False, logits_to_keep=1).logits[0, -1].numpy()
    plain = I.ablate(lm, TEXT, [])
    np.testing.assert_array_equal(plain.logits, own)
    np.testing.assert_array_equal(plain.logits, run_trace(lm, TEXT).next_token_logits)
    np.testing.assert_allclose(plain.probs, torch.softmax(torch.from_numpy(own).double(), -1).numpy(), atol=1e-7)
    assert hooks_on(lm.model) == before


def knocked(x: np.ndarray, how: str) -> np.ndarray:
    """[T, …] set to 0, or every position set to the mean over positions."""
    return np.zeros_like(x) if how == "zero" else np.broadcast_to(x.mean(0), x.shape).copy()


@pytest.mark.parametrize("how", ["zero", "mean"])
@pytest.mark.parametrize("layer", [0, -1])
def test_ablating_a_head_is_its_layer_recomputed_by_hand_without_it(lm, layer, how):
    """By hand: the block's own input, every head's output (attention_steps, checked against the
    model above) with head h's set to 0 (or its mean over positions), W_O, then the block's
    wiring with its own norm and MLP modules; the rest of the model run on that by the model."""
    a = lm.arch
    layer, head = layer % a.n_layers, a.n_heads - 1
    tr = run_trace(lm, TEXT)
    x = torch.from_numpy(np.array(tr.resid_pre(layer)))  # [T, d] unchanged: earlier blocks don't see it
    heads = np.stack([attention_steps(lm, TEXT, layer, h, trace=tr).output for h in range(a.n_heads)])
    heads[head] = knocked(heads[head], how)
    with torch.no_grad():
        attn = a.attention_output(layer, torch.from_numpy(heads.transpose(1, 0, 2).reshape(len(x), -1)))
        mid = x + attn
        mlp = a.mlp(layer)(a.norm_2(layer)(x if a.parallel_residual else mid))
    by_hand = x + attn + mlp
    without = I.ablated_trace(lm, TEXT, [("head", layer, head)], how)
    np.testing.assert_allclose(without.resid_post(layer), by_hand.numpy(), rtol=1e-4, atol=1e-4)
    np.testing.assert_array_equal(without.resid[: layer + 1], tr.resid[: layer + 1])
    expected = logits_from(lm, layer + 1, by_hand).numpy()
    np.testing.assert_allclose(I.ablate(lm, TEXT, [("head", layer, head)], how).logits, expected, rtol=1e-4, atol=1e-4)
    assert np.abs(expected - tr.next_token_logits).max() > 1e-2  # the head mattered: the check can fail


@pytest.mark.parametrize("how", ["zero", "mean"])
@pytest.mark.parametrize("sub", ["attn", "mlp"])
def test_ablating_a_sublayer_is_its_output_replaced_by_hand(lm, sub, how):
    """A layer's attention (or MLP) output, as the model's own module returned it, set to 0 or to
    its mean over positions; what follows in the block recomputed with the family's wiring; the
    rest of the model run on that by the model itself."""
    a, layer = lm.arch, 0
    seen, _ = own_forward(lm)
    x = seen["norm_1.0"][0]  # [T, d] the block's input
    attn, mlp = seen["attn.0"][1].numpy(), seen["mlp.0"][1].numpy()
    with torch.no_grad():
        if sub == "attn":
            attn = knocked(attn, how)
            if not a.parallel_residual:  # the MLP reads what attention wrote
                mlp = a.mlp(layer)(a.norm_2(layer)(x + torch.from_numpy(attn))).numpy()
        else:
            mlp = knocked(mlp, how)
    by_hand = x + torch.from_numpy(attn) + torch.from_numpy(mlp)
    expected = logits_from(lm, layer + 1, by_hand).numpy()
    np.testing.assert_allclose(I.ablate(lm, TEXT, [(sub, layer)], how).logits, expected, rtol=1e-4, atol=1e-4)
    assert np.abs(expected - run_trace(lm, TEXT).next_token_logits).max() > 1e-2


@pytest.mark.parametrize("how", ["zero", "mean"])
def test_removing_the_positions_is_a_copy_of_the_model_without_them(lm, how):
    """Learned: a copy whose position table is zeroed (or each of the prompt's rows set to their
    mean); rotary: a copy whose every rotary frequency is 0, so no angle turns q or k — found in
    the model itself, not through the adapter."""
    before = hooks_on(lm.model)
    ids = torch.tensor([lm.encode(TEXT)])
    T = ids.shape[1]
    copy_ = copy.deepcopy(lm.model)
    with torch.no_grad():
        if lm.arch.positional == "learned":
            name = next(n for n, p in lm.model.named_parameters() if p is lm.arch.position_embedding())
            table = dict(copy_.named_parameters())[name]
            table[:T] = 0 if how == "zero" else table[:T].mean(0)
        else:
            frequencies = [m for m in copy_.modules() if hasattr(m, "inv_freq")]
            assert frequencies
            for m in frequencies:
                m.inv_freq.zero_()
        expected = copy_(input_ids=ids, use_cache=False).logits[0, -1].numpy()
        own = lm.model(input_ids=ids, use_cache=False).logits[0, -1].numpy()
    removed = I.ablate(lm, TEXT, [("positions",)], how=how)
    np.testing.assert_allclose(removed.logits, expected, rtol=1e-5, atol=1e-5)
    assert removed.positions == lm.arch.positional
    assert np.abs(expected - own).max() > 1e-2  # positions mattered
    assert hooks_on(lm.model) == before


def test_without_positions_the_first_block_cannot_tell_two_orders_apart(lm):
    """The same tokens in two orders, ending in the same token: with the positions removed the
    last token's output of the first block is the same (attention adds up the same values with
    the same weights); with them it is not; later blocks see order through the causal mask. The
    first tokens differ, so a position (position 0 too) left in tells the two apart."""
    a, b = "dog,man,bit,on,time", "man,dog,bit,on,time"
    assert sorted(lm.encode(a)) == sorted(lm.encode(b)) and lm.encode(a)[-1] == lm.encode(b)[-1]
    assert lm.encode(a)[0] != lm.encode(b)[0]
    off = I.last_token_difference(I.ablated_trace(lm, a, [("positions",)]).resid,
                                  I.ablated_trace(lm, b, [("positions",)]).resid)
    on = I.last_token_difference(run_trace(lm, a).resid, run_trace(lm, b).resid)
    assert off[0] < 1e-5 < 1e-3 < on[0]
    assert off[1] > 1e-3  # order leaks in through what the earlier tokens saw


@pytest.mark.parametrize("how", ["zero", "mean"])
def test_sweep_entries_are_single_ablations(lm, how):
    before = hooks_on(lm.model)
    heads = I.sweep(lm, TEXT, kind="heads", how=how)
    layers = I.sweep(lm, TEXT, kind="layers", how=how)
    target = heads.target_id
    assert target == heads.predicted_id == int(np.argmax(run_trace(lm, TEXT).next_token_logits))
    def logp(parts):
        return float(torch.log_softmax(torch.from_numpy(I.ablate(lm, TEXT, parts, how).logits).double(), -1)[target])
    rng = np.random.default_rng(0)
    picks = {(int(rng.integers(lm.arch.n_layers)), int(rng.integers(lm.arch.n_heads))) for _ in range(4)} | {(0, 0)}
    for layer, head in sorted(picks)[:5]:
        assert heads.logprob[layer, head] == pytest.approx(logp([("head", layer, head)]), abs=2e-5)
    for layer in range(lm.arch.n_layers):
        for j, sub in enumerate(("attn", "mlp")):
            assert layers.logprob[layer, j] == pytest.approx(logp([(sub, layer)]), abs=2e-5)
    assert heads.clean_logprob == pytest.approx(logp([]), abs=1e-6)
    assert np.abs(heads.drop).max() > 1e-3 and np.abs(layers.drop).max() > 1e-2
    assert hooks_on(lm.model) == before


def test_patching_against_the_models_own_runs(lm):
    """clean == corrupt changes nothing; the whole residual entering any block (or after the
    last) put back reproduces the clean logits; the last block's MLP or one of its heads
    patched is the last token's stream recomputed by hand; the grid is single patches."""
    before = hooks_on(lm.model)
    clean, corrupt = TEXT, "The king left the station on time"
    assert len(lm.encode(clean)) == len(lm.encode(corrupt))
    a, L = lm.arch, lm.arch.n_layers
    same = I.patch(lm, corrupt, corrupt, ("resid", 1, 2))
    np.testing.assert_array_equal(same.logits, run_trace(lm, corrupt).next_token_logits)
    assert same.change == 0
    clean_logits = run_trace(lm, clean).next_token_logits
    for layer in (0, L - 1, L):
        whole = I.patch(lm, clean, corrupt, ("resid", layer, None))
        np.testing.assert_allclose(whole.logits, clean_logits, rtol=1e-5, atol=1e-5)
        assert whole.restored == pytest.approx(1.0, abs=1e-4)
    tc, tk = run_trace(lm, clean), run_trace(lm, corrupt)
    norm, (W_U, b) = a.final_norm(), a.unembedding()
    unembed = lambda x: (norm(x) @ W_U.T + (0 if b is None else b)).numpy()  # noqa: E731
    with torch.no_grad():
        x = torch.from_numpy(tk.resid[L - 1, -1] + tk.attn_out_last[L - 1] + tc.mlp_out_last[L - 1])
        np.testing.assert_allclose(I.patch(lm, clean, corrupt, ("mlp", L - 1)).logits, unembed(x), rtol=1e-4, atol=1e-4)
        h, T = a.n_heads - 1, tk.n_tokens
        z = lambda tr: np.stack([attention_steps(lm, "", L - 1, i, trace=tr).output[-1] for i in range(a.n_heads)])  # noqa: E731
        mixed = z(tk)
        mixed[h] = z(tc)[h]
        x_in = torch.from_numpy(np.array(tk.resid[L - 1, -1]))
        attn = a.attention_output(L - 1, torch.from_numpy(mixed.reshape(1, -1)))[0]
        mlp = a.mlp(L - 1)(a.norm_2(L - 1)(x_in if a.parallel_residual else x_in + attn))
        np.testing.assert_allclose(I.patch(lm, clean, corrupt, ("head", L - 1, h)).logits, unembed(x_in + attn + mlp),
                                   rtol=1e-4, atol=1e-4)
    grid = I.patch_grid(lm, clean, corrupt)
    answers = I.default_answers(grid.clean, grid.corrupt)
    answers = (int(grid.candidates[answers[0]]), int(grid.candidates[answers[1]]))
    restored = grid.restored(*answers)
    assert restored.shape == (L, T)
    for layer, pos in [(0, 1), (0, 0), (0, T - 1), (L - 1, T - 1), (1, 3), (L - 1, 1)]:
        single = I.patch(lm, clean, corrupt, ("resid", layer, pos), answers=answers)
        assert restored[layer, pos] == pytest.approx(single.restored, abs=1e-4)
    assert restored[0, 0] == 0  # the first token is the same in both: nothing to restore
    assert hooks_on(lm.model) == before


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
