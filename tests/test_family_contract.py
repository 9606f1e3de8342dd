"""One contract for every model family: each page's core computation against what the model
itself computes, found without the family adapter.

The references come only from what transformers returns (`output_hidden_states`,
`output_attentions`, logits, `generate`), from autograd through the real model, and from
hooks on transformers' own modules found by what they do in a forward pass (`Own` below:
the stack is the ModuleList with one entry per layer, the attention is the module of a block
that returns that layer's attention weights, W_O is the last weight matrix the attention
applies, the MLP's output is the last weight matrix the block applies outside the attention)
— never by a module's name, never through the adapter's hook points. Parameter counts are
checked against the model's own `named_parameters`.

Runs on every entry of tests.tiny_models.TINY_FAMILIES, with weights sharpened so every part
of the model matters. Nothing here names a family or branches on one; where a check depends
on the wiring it reads the fact the adapter states (and the check against the model is what
tests the fact). Adding a family = one adapter class in core/arch.py + one tiny builder in
TINY_FAMILIES; no test is edited for it.
"""

from __future__ import annotations

import ast
import copy
import inspect
import re
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
from core.block import block_forward, block_steps, dropout_runs, logit_attribution, norm_steps, parameter_split
from core.models import load_lm
from core.positional import rotary_frequencies, rotate
from core.residual import gradient_through_depth, stream_sizes
from core.trace import run_trace
from tests.helpers import MODEL_PAGES, sharpened
from tests.tiny_models import TINY_FAMILIES

ROOT = Path(__file__).resolve().parent.parent
TEXT = "The train left the station on time"
FAMILY_NAMES = list(TINY_FAMILIES)
REL = 1e-4  # the target: the app's numbers and the model's own agree to this, relative to their scale


@pytest.fixture(scope="module", params=FAMILY_NAMES)
def lm(request, tiny_dirs):
    return sharpened(tiny_dirs[request.param])


def assert_close(got, want, rel=REL):
    """max |got − want| ≤ rel · max |want| (float32 forward passes: relative to the numbers' scale)."""
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    assert got.shape == want.shape, (got.shape, want.shape)
    scale = max(float(np.abs(want).max()), 1e-6)
    error = float(np.abs(got - want).max())
    assert error <= rel * scale, f"max difference {error:.3g} > {rel:g} × {scale:.3g}"


def ids_of(lm, text=TEXT) -> torch.Tensor:
    return torch.tensor([lm.encode(text)])


def first(output):
    return output[0] if isinstance(output, tuple) else output


class Own:
    """transformers' own modules of a loaded model, found by what they do in one forward pass."""

    def __init__(self, lm):
        model, L = lm.model, len(self._reference(lm).attentions)
        lists = [m for m in model.modules() if isinstance(m, torch.nn.ModuleList) and len(m) == L]
        assert len(lists) == 1, "one ModuleList holds the blocks"
        self.blocks = list(lists[0])
        calls: list[list] = [[] for _ in range(L)]
        hooks = []
        for i, block in enumerate(self.blocks):
            for name, m in block.named_modules():
                if m is not block:
                    hooks.append(m.register_forward_hook(lambda m, a, o, i=i, name=name: calls[i].append((name, m, o))))
        try:
            with torch.no_grad():
                out = model(input_ids=ids_of(lm), output_attentions=True, use_cache=False)
        finally:
            for h in hooks:
                h.remove()
        self.attn, self.w_o, self.mlp_in, self.mlp_out = [], [], [], []
        for i in range(L):
            weights = out.attentions[i]
            names = [
                name
                for name, m, o in calls[i]
                if isinstance(o, tuple)
                and len(o) > 1
                and isinstance(o[1], torch.Tensor)
                and o[1].shape == weights.shape
                and torch.equal(o[1], weights)
            ]
            assert len(set(names)) == 1, f"one module of block {i} returns its attention weights: {names}"
            prefix = names[0] + "."
            matrices = [
                (name, m) for name, m, o in calls[i] if getattr(m, "weight", None) is not None and m.weight.dim() == 2
            ]
            self.attn.append(dict(self.blocks[i].named_modules())[names[0]])
            self.w_o.append([m for name, m in matrices if name.startswith(prefix)][-1])
            self.mlp_in.append([m for name, m in matrices if not name.startswith(prefix)][0])
            self.mlp_out.append([m for name, m in matrices if not name.startswith(prefix)][-1])

    @staticmethod
    def _reference(lm, text=TEXT):
        with torch.no_grad():
            return lm.model(
                input_ids=ids_of(lm, text), output_attentions=True, output_hidden_states=True, use_cache=False
            )


def reference(lm, text=TEXT, hooks=(), **kwargs):
    """The model's own forward pass (hidden states, attentions, logits), with `hooks`:
    (module, "pre" | "forward", fn) placed for this pass only."""
    handles = []
    try:
        for module, kind, fn in hooks:
            handles.append(
                module.register_forward_pre_hook(fn, with_kwargs=True)
                if kind == "pre"
                else module.register_forward_hook(fn)
            )
        ids = ids_of(lm, text)
        if "position_ids" in kwargs:  # with a mask given, transformers reads no packed sequences into them
            kwargs["attention_mask"] = torch.ones_like(ids)
        with torch.no_grad():
            return lm.model(input_ids=ids, output_attentions=True, output_hidden_states=True, use_cache=False, **kwargs)
    finally:
        for h in handles:
            h.remove()


def recorded(lm, modules: dict, text=TEXT, kind="forward") -> dict:
    """{key: [T, …]} what each module returned (or, kind="pre", received) in the model's own pass."""
    seen = {}

    def keep(key):
        if kind == "pre":
            return lambda m, args, kwargs: seen.__setitem__(key, (args[0] if args else kwargs["hidden_states"]).clone())
        return lambda m, args, out: seen.__setitem__(key, first(out).clone())

    reference(lm, text, [(m, kind, keep(key)) for key, m in modules.items()])
    T = ids_of(lm, text).shape[1]
    return {key: x.reshape(T, -1) for key, x in seen.items()}  # [1, T, d] or [T, d] (flattened tokens)


def knocked(x: np.ndarray, how: str) -> np.ndarray:
    """[T, …] set to 0, or every position set to the mean over positions."""
    return np.zeros_like(x) if how == "zero" else np.broadcast_to(x.mean(0), x.shape).copy()


def replacing(fn, T: int):
    """A forward hook that puts fn(output as [T, d]) in the place of a module's output."""

    def hook(m, args, out):
        y = first(out)
        new = torch.from_numpy(fn(y.reshape(T, -1).numpy())).reshape(y.shape).to(y.dtype)
        return (new, *out[1:]) if isinstance(out, tuple) else new

    return hook


# --------------------------------------------------------------------------- the registry


def test_every_family_has_a_tiny_model_and_its_adapter_reads_the_model(tiny_dirs):
    seen = set()
    for folder in tiny_dirs.values():
        lm = load_lm(str(folder))
        a, out, own = lm.arch, Own._reference(lm), Own(lm)
        assert type(a) is FAMILIES[lm.model.config.model_type]
        seen.add(a.name)
        assert a.n_layers == len(out.attentions) == len(out.hidden_states) - 1 == len(own.blocks)
        assert a.n_heads == out.attentions[0].shape[1]
        assert a.d_model == out.hidden_states[0].shape[-1]
        assert a.vocab_size == out.logits.shape[-1]
        assert a.n_heads * a.d_head == own.w_o[0].weight.numel() // a.d_model  # W_O: [H·d_head] → [d]
        assert a.d_embed == lm.model.get_input_embeddings().weight.shape[1]
        assert a.context_length == lm.model.config.max_position_embeddings
    assert seen == set(FAMILIES), "each family in core.arch needs a tiny model"


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


def sources():
    """Every file outside the adapter that the guards read: Home, the pages, core/."""
    for path in [ROOT / "Home.py", *ROOT.glob("pages/*.py"), *ROOT.glob("core/**/*.py")]:
        if path != ROOT / "core" / "arch.py":
            yield path, path.read_text(encoding="utf-8")


def test_only_the_adapter_knows_module_paths_and_only_lm_its_tokenizer(tiny_dirs):
    """The forbidden spellings are what the adapters in core/arch.py themselves use to reach
    a module (attribute names that are modules of the tiny models): single names for leaf
    modules (`c_attn`, `q_proj`, `query_key_value` ...), consecutive pairs for containers
    (`transformer.h`, `model.layers`, `gpt_neox.layers` ...). Names that are the adapter's own
    API (`attention`, `norm` ...) are its vocabulary and stay allowed. The same check flags
    each adapter's own class, so it can fail for every family."""
    modules, leaves = set(), set()
    for folder in tiny_dirs.values():
        for path, module in load_lm(str(folder)).model.named_modules():
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

    def spellings(tree, with_pairs: bool = True) -> set[str]:
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                if node.attr in singles:
                    found.add(node.attr)
                if with_pairs and isinstance(node.value, ast.Attribute) and (node.value.attr, node.attr) in pairs:
                    found.add(f"{node.value.attr}.{node.attr}")
            if isinstance(node, ast.Name) and node.id in adapters:
                found.add(node.id)
        return found

    defs = {cls.name: cls for cls in arch_tree.body if isinstance(cls, ast.ClassDef)}
    for family in FAMILIES.values():  # the guard bites: every adapter spells its paths (or inherits them)
        spelt = set().union(*(spellings(defs[c.__name__]) for c in family.__mro__ if c.__name__ in defs))
        assert spelt - adapters, f"the guard would not notice {family.__name__}'s paths"
    assert {"c_attn", "q_proj", "query_key_value"} <= singles and ("transformer", "h") in pairs

    for path, text in sources():
        # the translators (core/seq2seq) are the app's own encoder–decoders: their `model.decoder`
        # is theirs, not OPT's `model.decoder` — there only a family's leaf modules are forbidden
        found = spellings(ast.parse(text), with_pairs=path.parent.name != "seq2seq")
        assert not found, f"family-specific code in {path.relative_to(ROOT)}: {found}"
        if path.parent.name != "models" or path.name != "lm.py":
            for reach in ("lm.tokenizer", "lm.lock", "self.lm.tokenizer"):
                assert reach not in text, f"{path.relative_to(ROOT)} reaches into the LM's tokenizer"


# the spellings of a family's name (whole words of an identifier or a string, any case)
FAMILY_WORDS = re.compile(
    r"(?<![a-z0-9])(gpt[-_ ]?2|gpt[-_ ]?j|gpt[-_ ]?neox|neox|llama|pythia|opt|qwen2?|"
    r"smollm2?|distilgpt2)(?![a-z0-9])",
    re.IGNORECASE,
)


def family_branches(tree) -> list[str]:
    """Conditions (if, elif, ternary, while, assert, match, comprehension filters) that mention a
    family's name — as a string, an identifier or an attribute — or read `arch.name`; and any
    `arch.name` used to look something up (a subscript or a .get)."""
    found = []

    def mentions(node) -> list[str]:
        hits = []
        for sub in ast.walk(node):
            if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and FAMILY_WORDS.search(sub.value):
                hits.append(repr(sub.value))
            words = sub.id if isinstance(sub, ast.Name) else sub.attr if isinstance(sub, ast.Attribute) else ""
            if words and FAMILY_WORDS.search(words.replace("_", " ")):
                hits.append(words)
            if (
                isinstance(sub, ast.Attribute)
                and sub.attr == "name"
                and "arch" in (getattr(sub.value, "attr", None), getattr(sub.value, "id", None))
            ):
                hits.append("arch.name")
        return hits

    for node in ast.walk(tree):
        tests = []
        if isinstance(node, (ast.If, ast.IfExp, ast.While, ast.Assert)):
            tests.append(node.test)
        elif isinstance(node, ast.comprehension):
            tests += node.ifs
        elif isinstance(node, ast.Match):
            tests += [node.subject] + [case.pattern for case in node.cases]
        elif isinstance(node, ast.Subscript):
            tests.append(node.slice)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            tests += node.args[:1]
        elif isinstance(node, ast.Compare):
            tests.append(node)
        for test in tests:
            found += mentions(test)
    return found


def test_nothing_outside_the_adapter_branches_on_a_family():
    """No file of core/, pages/ or Home.py other than core/arch.py decides anything by a
    family's name: the pages' words and numbers come from the facts the adapter states."""
    bad = {
        "if lm.arch.name == 'opt': pass",
        "x = 1 if 'llama' in name else 2",
        "assert model_type != 'gpt_neox'",
        "y = table[lm.arch.name]",
        "z = [k for k in keys if k.startswith('Qwen2')]",
        "if is_gptj: pass",
        "w = ROWS.get(arch.name)",
        "if config.model_type == 'GPT-2': pass",
    }
    for snippet in bad:  # the guard bites on each way of writing a branch
        assert family_branches(ast.parse(snippet)), snippet
    fine = "if lm.arch.norm_placement == 'post': pass\nlabel = 'GPT-2 small'\noptions = [o for o in opts if o]"
    assert not family_branches(ast.parse(fine))
    for path, text in sources():
        assert not family_branches(ast.parse(text)), f"{path.relative_to(ROOT)} branches on a family"


# --------------------------------------------------------------------------- the trace


def test_trace_is_the_models_own_forward_pass(lm):
    tr = run_trace(lm, TEXT)
    out, own, L = reference(lm), Own(lm), lm.arch.n_layers
    for layer in range(L):  # hidden_states[l] enters block l
        assert_close(tr.resid[layer], out.hidden_states[layer][0])
    after = recorded(lm, {"last": own.blocks[-1]})["last"]  # the stream after the last block
    assert_close(tr.resid[L], after)
    attn = recorded(lm, {i: own.attn[i] for i in range(L)})
    mlp = recorded(lm, {i: own.mlp_out[i] for i in range(L)})
    for layer in range(L):
        assert_close(tr.attn_out_last[layer], attn[layer][-1])
        assert_close(tr.mlp_out_last[layer], mlp[layer][-1])
        assert_close(tr.attn_out_norm[layer], np.linalg.norm(attn[layer].numpy(), axis=-1))
        assert_close(tr.mlp_out_norm[layer], np.linalg.norm(mlp[layer].numpy(), axis=-1))
    np.testing.assert_allclose(tr.attentions, torch.stack(out.attentions)[:, 0].numpy(), atol=1e-6)
    assert_close(tr.next_token_logits, out.logits[0, -1])
    with torch.no_grad():  # what the unembedding reads: the stream after the last block, read out
        assert_close(lm.arch.readout(torch.from_numpy(np.array(tr.resid[L]))), out.logits[0])
    assert tr.attentions.std() > 0.05  # sharpened: far from uniform, the checks mean something
    if tr.position_embeddings is None:  # nothing is added: the stream starts as the tokens' vectors
        assert lm.arch.positional == "rotary"
        assert_close(tr.token_embeddings, out.hidden_states[0][0])
    else:
        assert_close(tr.token_embeddings + tr.position_embeddings, out.hidden_states[0][0])


def test_learned_positions_are_what_the_model_adds_for_each_position(lm):
    """Learned: the model run with every position id 0 differs at position p by exactly
    PE[p] − PE[0] (the page's table, offset skipped); rotary: nothing at all is added — the
    stream entering the first block does not depend on the position ids."""
    T = ids_of(lm).shape[1]
    at_zero = reference(lm, position_ids=torch.zeros(1, T, dtype=torch.long)).hidden_states[0][0]
    shifted = reference(lm, position_ids=torch.arange(T)[None]).hidden_states[0][0]
    pe = run_trace(lm, TEXT).position_embeddings
    has_table = any(
        isinstance(m, torch.nn.Embedding) and m is not lm.model.get_input_embeddings() for m in lm.model.modules()
    )
    assert has_table == (lm.arch.positional == "learned") == (pe is not None)
    if pe is None:
        np.testing.assert_array_equal(shifted.numpy(), at_zero.numpy())
        return
    assert_close(pe - pe[0], (shifted - at_zero).numpy(), rel=1e-5)
    assert np.abs(pe - pe[0]).max() > 1e-2
    assert lm.arch.position_embedding().shape == (lm.arch.context_length, lm.arch.d_model)


# --------------------------------------------------------------------------- attention, head by head


def test_attention_steps_of_every_head_are_the_models_attention(lm):
    tr, out, own = run_trace(lm, TEXT), reference(lm), Own(lm)
    T, L = tr.n_tokens, lm.arch.n_layers
    w_o_in = recorded(lm, {i: own.w_o[i] for i in range(L)}, kind="pre")
    attn = recorded(lm, {i: own.attn[i] for i in range(L)})
    for layer in range(L):
        heads = []
        for head in range(lm.arch.n_heads):
            s = attention_steps(lm, TEXT, layer, head, trace=tr)
            want = out.attentions[layer][0, head].numpy()
            np.testing.assert_allclose(s.weights, want, atol=1e-5)
            masked = s.masked_scores - s.masked_scores.max(-1, keepdims=True)
            np.testing.assert_allclose(np.exp(masked) / np.exp(masked).sum(-1, keepdims=True), want, atol=1e-5)
            heads.append(s.output)
        together = heads_together(lm, tr, layer)  # every head side by side is W_O's own input
        assert_close(together.concat, w_o_in[layer])
        assert_close(np.stack(heads).transpose(1, 0, 2).reshape(T, -1), w_o_in[layer])
        assert_close(together.output, attn[layer])  # through W_O: the attention's own output
        assert together.model_diff < 1e-4 and together.norm_diff < 1e-4


def test_rotary_positions_turn_the_pairs_the_page_says(lm):
    """The positional page's rotation — its frequencies θ_i and its pairing (halves or
    interleaved) on the first rotary_dims numbers of each head — applied to position 0's query
    and key gives the model's own attention weights where one token repeats at every position
    (the same vector enters attention everywhere: only the rotation differs)."""
    if lm.arch.positional != "rotary":
        assert lm.arch.rotary_dims == 0
        return
    text = " the" * 12
    out, T = reference(lm, text), ids_of(lm, text).shape[1]
    a, theta = lm.arch, rotary_frequencies(lm)
    r = a.rotary_dims
    assert len(theta) == r // 2 and 0 < r <= a.d_head
    tr = run_trace(lm, text)
    for head in range(a.n_heads):
        s = attention_steps(lm, text, 0, head, trace=tr)
        q0, k0 = s.q[0].astype(np.float64), s.k[0].astype(np.float64)  # position 0: not turned
        turn = lambda x, p: np.concatenate([rotate(x[:r], p, theta, a.rotary_layout), x[r:]])  # noqa: E731
        q, k = np.stack([turn(q0, p) for p in range(T)]), np.stack([turn(k0, p) for p in range(T)])
        scores = q @ k.T * s.scaling + np.triu(np.full((T, T), -np.inf), 1)
        weights = np.exp(scores - scores.max(-1, keepdims=True))
        np.testing.assert_allclose(
            weights / weights.sum(-1, keepdims=True), out.attentions[0][0, head].numpy(), atol=1e-5
        )
    assert out.attentions[0][0].std() > 0.01  # the weights depend on position: the check can fail


# --------------------------------------------------------------------------- one block


def test_block_steps_are_the_models_own_block(lm):
    """Every block recomputed from its weights is the model's hidden state after it, to 1e-4
    relative; what attention and the MLP wrote are what transformers' own modules returned;
    what attention reads is what the model's attention received."""
    tr, out, own, a = run_trace(lm, TEXT), reference(lm), Own(lm), lm.arch
    L = a.n_layers
    after = recorded(lm, {i: own.blocks[i] for i in range(L)})
    attn = recorded(lm, {i: own.attn[i] for i in range(L)})
    reads = recorded(lm, {i: own.attn[i] for i in range(L)}, kind="pre")
    mlp = recorded(lm, {i: own.mlp_out[i] for i in range(L)})
    for layer in range(L):
        s = block_steps(lm, tr, layer)
        assert_close(s.resid_post, after[layer])
        if layer + 1 < L:
            assert_close(s.resid_post, out.hidden_states[layer + 1][0])
        assert_close(s.attn_out, attn[layer])
        assert_close(s.mlp_out, mlp[layer])
        assert_close(s.ln1 if a.norm_placement == "pre" else s.resid_pre, reads[layer])
        with torch.no_grad():  # the output directions are the rows the activations multiply
            act = torch.from_numpy(s.mlp_act)
            direct = act @ a.mlp_out_directions(layer) + a.mlp_out(layer, torch.zeros_like(act))
        assert_close(direct, mlp[layer])
        assert s.model_diff < 1e-3 and s.mlp_diff < 1e-3  # what the page shows: against the model
        assert s.norm_1.module_diff < 1e-5 and s.norm_2.module_diff < 1e-5
        assert np.abs(s.mlp_out).max() > 0.1 and np.abs(s.attn_out).max() > 0.1  # both sublayers matter


def test_a_page_check_against_the_model_catches_a_wrong_wiring(lm, monkeypatch):
    """block_steps with the norm on the other side of the addition (and, for a pre-norm block,
    the other residual wiring) differs from the model's hidden state — and model_diff, what
    the page shows, says so."""
    tr, cls = run_trace(lm, TEXT), type(lm.arch)
    placement = lm.arch.norm_placement
    if placement == "pre":
        other = not lm.arch.parallel_residual
        with monkeypatch.context() as m:
            m.setattr(cls, "parallel_residual", property(lambda self: other))
            assert block_steps(lm, tr, 1).model_diff > 1e-2
    with monkeypatch.context() as m:
        m.setattr(cls, "norm_placement", property(lambda self: "post" if placement == "pre" else "pre"))
        assert block_steps(lm, tr, 1).model_diff > 1e-2


def test_parameter_split_is_the_blocks_own_parameters(lm):
    """attention + MLP + norms is every parameter the block owns (a shared norm once): attention
    is what the module returning the attention weights owns, the norms are the block's modules
    that own only vectors, the MLP the rest."""
    own = Own(lm)
    for layer in range(lm.arch.n_layers):
        block = own.blocks[layer]
        total = sum(p.numel() for _, p in block.named_parameters())  # each tensor once
        attention = sum(p.numel() for _, p in own.attn[layer].named_parameters())
        norms = sum(
            p.numel()
            for m in block.modules()
            for p in m.parameters(recurse=False)
            if all(q.dim() == 1 for q in m.parameters(recurse=False))
        )
        assert parameter_split(lm, layer) == {"attention": attention, "mlp": total - attention - norms, "norms": norms}
        assert norms > 0 and total - attention - norms > attention / 4


def test_stream_sizes_are_the_models_stream_and_what_its_attention_reads(lm):
    tr, out, own = run_trace(lm, TEXT), reference(lm), Own(lm)
    p = tr.n_tokens - 2
    sizes = stream_sizes(lm, tr, p)
    reads = recorded(lm, {i: own.attn[i] for i in range(lm.arch.n_layers)}, kind="pre")
    for layer in range(lm.arch.n_layers):
        assert sizes.stream[layer] == pytest.approx(float(out.hidden_states[layer][0, p].norm()), rel=1e-5)
        assert sizes.normed[layer] == pytest.approx(float(reads[layer][p].norm()), rel=1e-5)
        assert sizes.largest[layer] == pytest.approx(float(out.hidden_states[layer][0, p].abs().max()), rel=1e-5)


# --------------------------------------------------------------------------- why skips and norms


def test_gradient_through_depth_is_the_models_own_backward_pass(lm):
    """With the skip paths, the gradient at every block's input (and after the last) is what
    autograd finds through the real model; without them it is another function altogether."""
    tr = run_trace(lm, TEXT)
    g = gradient_through_depth(lm, tr)
    assert g.token_id == int(np.argmax(tr.next_token_logits)) and g.logit_diff < 1e-3
    inputs, own = [], Own(lm)

    def enters(module, args, kwargs):
        x = args[0] if args else kwargs["hidden_states"]
        x.retain_grad()
        inputs.append(x)

    def leaves(module, args, output):
        first(output).retain_grad()
        inputs.append(first(output))

    hooks = [b.register_forward_pre_hook(enters, with_kwargs=True) for b in own.blocks]
    hooks.append(own.blocks[-1].register_forward_hook(leaves))
    try:
        embeds = lm.model.get_input_embeddings()(ids_of(lm)).detach().requires_grad_(True)
        with torch.enable_grad():
            lm.model(inputs_embeds=embeds, use_cache=False).logits[0, -1, g.token_id].backward()
    finally:
        for h in hooks:
            h.remove()
    np.testing.assert_allclose(g.with_skips, [float(x.grad.norm()) for x in inputs], rtol=1e-3)
    assert np.abs(np.log(g.without_skips / g.with_skips)).max() > 0.1  # cutting the skips changes it
    if lm.arch.parallel_residual:  # a parallel block without its skip is exactly output − input
        with torch.no_grad():
            cut = block_forward(lm, 0, torch.from_numpy(np.array(tr.resid[0])), skip=False).out
        assert_close(cut.numpy(), tr.resid[1] - tr.resid[0], rel=1e-3)


def test_norm_steps_are_the_textbook_formula_and_the_models_module(lm):
    tr = run_trace(lm, TEXT)
    s = block_steps(lm, tr, 0)
    for steps in (s.norm_1, s.norm_2):
        assert steps.kind == lm.arch.norm_kind and steps.module_diff < 1e-5
    final = lm.arch.final_norm()
    if final is not None:
        x = torch.from_numpy(np.array(tr.resid[-1]))
        with torch.no_grad():
            got = norm_steps(lm.arch.norm(final), final, x)
        assert got.module_diff < 1e-5
        assert_close(got.out, tr.resid_final)


# --------------------------------------------------------------------------- who wrote the logit


def test_logit_attribution_adds_up_to_the_models_logit(lm):
    tr = run_trace(lm, TEXT)
    if not lm.arch.additive_stream:  # post-norm: the stream is renormalised, the logit has no shares
        with pytest.raises(ValueError):
            logit_attribution(lm, tr, 0)
        return
    for token in (int(np.argmax(tr.next_token_logits)), 3):
        parts = logit_attribution(lm, tr, token)
        assert len(parts.values) == 1 + 2 * lm.arch.n_layers
        assert parts.total == pytest.approx(parts.logit, abs=1e-3)
        assert parts.logit == pytest.approx(float(tr.next_token_logits[token]))
        assert np.abs(parts.values).max() > 1e-3
    # independent: autograd through the model's own final norm with its scale frozen — the
    # logit is then linear in the stream, and the embedding's share is its gradient · the part
    x = torch.from_numpy(np.array(tr.resid[-1, -1], dtype=np.float64)).requires_grad_(True)
    e = torch.from_numpy(np.array(tr.resid[0, -1], dtype=np.float64))
    norm = lm.arch.norm(lm.arch.final_norm())
    W_U = lm.model.get_output_embeddings().weight.detach().double()
    gamma = norm.weight.detach().double()
    centred = x - x.mean() if norm.centred else x
    scale = torch.sqrt((centred**2).mean() + norm.eps).detach()
    logit = W_U[token] @ (centred / scale * gamma)
    logit.backward()
    assert parts.values[0] == pytest.approx(float(x.grad @ e), rel=1e-6, abs=1e-9)


# --------------------------------------------------------------------------- questions


def test_questions_built_from_the_model_answer_what_the_model_computed(lm):
    """Each question kind the model pages ask, built from this model, against the model's own
    numbers: the next token its logits rank first, the key its attention weights most, how many
    of its MLP's first-matrix outputs are positive; the top writer only where the logit splits."""
    from core import quiz

    tr, out, own = run_trace(lm, TEXT), reference(lm), Own(lm)
    q = quiz.next_token(lm, tr.next_token_logits)
    assert isinstance(q, quiz.Question)
    logits = out.logits[0, -1].double()  # [V] the model's own
    ranked = [int(i) for i in torch.argsort(logits, descending=True, stable=True)[:16]]  # offered among these
    logit_of = dict(zip(lm.display_tokens(ranked), (float(logits[i]) for i in ranked)))
    offered = [o.values["text"] for o in q.options]
    assert q.options[q.answer].values["text"] == max(offered, key=logit_of.__getitem__)
    q = quiz.top_key(tr)
    assert isinstance(q, quiz.Question)
    layer, head = q.prompt.values["layer"], q.prompt.values["head"]
    assert q.options[q.answer].values["text"].startswith(f"{int(out.attentions[layer][0, head, -1].argmax())}:")
    pre = recorded(lm, {"in": own.mlp_in[0]})["in"]  # [T, d_mlp] the MLP's first matrix, as the model ran it
    q = quiz.units_firing(lm, block_steps(lm, tr, 0), 2)
    n = int((pre[2] > 0).sum())
    assert isinstance(q, quiz.Question) and q.explanation.values["n"] == n
    q = quiz.top_writer(lm, tr)
    assert isinstance(q, quiz.Unbuildable) == (not lm.arch.additive_stream)
    if isinstance(q, quiz.Unbuildable):
        assert q.reason.key == "quiz.cannot.post_norm"


# --------------------------------------------------------------------------- sampling and the lens


def test_logit_lens_at_every_layer_equals_the_model_cut_after_that_layer(lm):
    tr = run_trace(lm, TEXT)
    lens = S.logit_lens_logits(lm, tr)
    assert_close(lens[-1], tr.next_token_logits)
    L = lm.arch.n_layers
    for layer in range(1, L):
        cut = copy.deepcopy(lm.model)
        blocks = next(m for m in cut.modules() if isinstance(m, torch.nn.ModuleList) and len(m) == L)
        del blocks[layer:]
        cut.config.num_hidden_layers = layer
        with torch.no_grad():
            own = cut(input_ids=torch.tensor(tr.token_ids.tolist())[None], use_cache=False).logits[0, -1]
        assert_close(lens[layer], own.numpy())


def test_generation_is_what_model_generate_produces(lm):
    ids = lm.encode(TEXT)
    mask = torch.ones(1, len(ids), dtype=torch.long)
    greedy = lm.model.generate(torch.tensor([ids]), do_sample=False, max_new_tokens=12, attention_mask=mask)
    assert S.generate_text(lm, ids, 12, greedy=True, stop_at_eos=False) == greedy[0, len(ids) :].tolist()[:12]
    settings = dict(temperature=0.8, top_k=40, top_p=0.9)
    torch.manual_seed(11)
    drawn = lm.model.generate(torch.tensor([ids]), do_sample=True, max_new_tokens=10, attention_mask=mask, **settings)
    assert S.generate_text(lm, ids, 10, seed=11, **settings) == drawn[0, len(ids) :].tolist()


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
    return {
        (name, kind, key)
        for name, m in model.named_modules()
        for kind, hooks in (("forward", m._forward_hooks), ("pre", m._forward_pre_hooks))
        for key in hooks
    }


def test_ablating_nothing_is_the_models_own_output_bit_for_bit(lm):
    before = hooks_on(lm.model)
    with torch.no_grad():
        own = lm.model(input_ids=ids_of(lm), use_cache=False, logits_to_keep=1).logits[0, -1].numpy()
    plain = I.ablate(lm, TEXT, [])
    np.testing.assert_array_equal(plain.logits, own)
    np.testing.assert_array_equal(plain.logits, run_trace(lm, TEXT).next_token_logits)
    np.testing.assert_allclose(plain.probs, torch.softmax(torch.from_numpy(own).double(), -1).numpy(), atol=1e-7)
    assert hooks_on(lm.model) == before


def head_knocked_out(own, lm, layer: int, head: int, how: str):
    """A pre-hook of the test's own on transformers' W_O: head h's slice of its input knocked out."""
    dh = own.w_o[layer].weight.numel() // lm.arch.d_model // lm.arch.n_heads

    def pre(m, args, kwargs):
        z = (args[0] if args else kwargs["hidden_states"]).clone()  # [1, T, H·dh]
        z[..., head * dh : (head + 1) * dh] = torch.from_numpy(
            knocked(z[0, :, head * dh : (head + 1) * dh].numpy(), how)
        )
        return ((z, *args[1:]), kwargs) if args else (args, {**kwargs, "hidden_states": z})

    return own.w_o[layer], "pre", pre


@pytest.mark.parametrize("how", ["zero", "mean"])
@pytest.mark.parametrize("layer", [0, -1])
def test_ablating_a_head_is_a_hook_on_the_models_own_w_o(lm, layer, how):
    a, own = lm.arch, Own(lm)
    layer, head = layer % a.n_layers, a.n_heads - 1
    tr = run_trace(lm, TEXT)
    want = reference(lm, hooks=[head_knocked_out(own, lm, layer, head, how)])
    assert_close(I.ablate(lm, TEXT, [("head", layer, head)], how).logits, want.logits[0, -1])
    without = I.ablated_trace(lm, TEXT, [("head", layer, head)], how)
    for block in range(a.n_layers):
        assert_close(without.resid[block], want.hidden_states[block][0])
    np.testing.assert_array_equal(without.resid[: layer + 1], tr.resid[: layer + 1])
    assert np.abs(want.logits[0, -1].numpy() - tr.next_token_logits).max() > 1e-2  # the head mattered


@pytest.mark.parametrize("how", ["zero", "mean"])
@pytest.mark.parametrize("sub", ["attn", "mlp"])
def test_ablating_a_sublayer_is_a_hook_on_the_models_own_module(lm, sub, how):
    """A layer's attention output (what the module returning the attention weights returned) or
    MLP output (what the block's last weight matrix outside attention returned), set to 0 or to
    its mean over positions, in the model's own forward pass."""
    own, T = Own(lm), ids_of(lm).shape[1]
    module = own.attn[0] if sub == "attn" else own.mlp_out[0]
    want = reference(lm, hooks=[(module, "forward", replacing(lambda y: knocked(y, how), T))]).logits[0, -1]
    assert_close(I.ablate(lm, TEXT, [(sub, 0)], how).logits, want)
    assert np.abs(want.numpy() - run_trace(lm, TEXT).next_token_logits).max() > 1e-2


@pytest.mark.parametrize("how", ["zero", "mean"])
def test_removing_the_positions_is_the_model_without_them(lm, how):
    """Learned: a copy whose position table is zeroed (or the rows the prompt reads — found by
    autograd — each set to their mean); rotary: the model itself run with every position id 0,
    so no angle turns q or k (both ways: only differences of angles reach the scores)."""
    before = hooks_on(lm.model)
    ids = ids_of(lm)
    T = ids.shape[1]
    tables = [
        m for m in lm.model.modules() if isinstance(m, torch.nn.Embedding) and m is not lm.model.get_input_embeddings()
    ]
    if tables:
        (table,) = tables
        table.weight.grad = None
        with torch.enable_grad():
            lm.model(input_ids=ids, use_cache=False).logits[0, -1].sum().backward()
        rows = torch.nonzero(table.weight.grad.abs().sum(-1)).flatten()  # the rows this prompt reads
        lm.model.zero_grad(set_to_none=True)
        assert len(rows) == T
        copy_ = copy.deepcopy(lm.model)
        own_table = next(
            m for m in copy_.modules() if isinstance(m, torch.nn.Embedding) and m is not copy_.get_input_embeddings()
        )
        with torch.no_grad():
            if how == "zero":
                own_table.weight.zero_()
            else:
                own_table.weight[rows] = own_table.weight[rows].mean(0)
            expected = copy_(input_ids=ids, use_cache=False).logits[0, -1]
    else:
        expected = reference(lm, position_ids=torch.zeros(1, T, dtype=torch.long)).logits[0, -1]
    removed = I.ablate(lm, TEXT, [("positions",)], how=how)
    assert_close(removed.logits, expected.numpy(), rel=1e-5)
    assert removed.positions == lm.arch.positional
    assert np.abs(expected.numpy() - run_trace(lm, TEXT).next_token_logits).max() > 1e-2  # positions mattered
    assert hooks_on(lm.model) == before


def test_without_positions_the_first_block_cannot_tell_two_orders_apart(lm):
    """The same tokens in two orders, ending in the same token: with the positions removed the
    last token's output of the first block is the same (attention adds up the same values with
    the same weights); with them it is not; later blocks see order through the causal mask. The
    first tokens differ, so a position (position 0 too) left in tells the two apart."""
    a, b = "dog,man,bit,on,time", "man,dog,bit,on,time"
    assert sorted(lm.encode(a)) == sorted(lm.encode(b)) and lm.encode(a)[-1] == lm.encode(b)[-1]
    assert lm.encode(a)[0] != lm.encode(b)[0]
    off = I.last_token_difference(
        I.ablated_trace(lm, a, [("positions",)]).resid, I.ablated_trace(lm, b, [("positions",)]).resid
    )
    on = I.last_token_difference(run_trace(lm, a).resid, run_trace(lm, b).resid)
    assert off[0] < 1e-5 < 1e-3 < on[0]
    assert off[1] > 1e-3  # order leaks in through what the earlier tokens saw


@pytest.mark.parametrize("how", ["zero", "mean"])
def test_sweep_entries_are_single_ablations(lm, how):
    """A sweep's batched passes against one ablation each. The two are float32 forward passes of
    different batch sizes, whose sums round differently (~1e-7 of each number, through a few
    layers): log-probabilities of size ~1–10 then agree to ~1e-6, so the comparison is relative,
    1e-6 of the value (plus 2e-6 for values near 0) — ten times the rounding, a thousand times
    below any ablation's effect (asserted > 1e-3 at the end)."""
    before = hooks_on(lm.model)
    heads = I.sweep(lm, TEXT, kind="heads", how=how)
    layers = I.sweep(lm, TEXT, kind="layers", how=how)
    target = heads.target_id
    assert target == heads.predicted_id == int(np.argmax(run_trace(lm, TEXT).next_token_logits))

    def logp(parts) -> float:
        logits = torch.from_numpy(I.ablate(lm, TEXT, parts, how).logits).double()
        return float(torch.log_softmax(logits, -1)[target])

    same = lambda value: pytest.approx(value, rel=1e-6, abs=2e-6)  # noqa: E731
    rng = np.random.default_rng(0)
    picks = {(int(rng.integers(lm.arch.n_layers)), int(rng.integers(lm.arch.n_heads))) for _ in range(4)} | {(0, 0)}
    for layer, head in sorted(picks)[:5]:
        assert heads.logprob[layer, head] == same(logp([("head", layer, head)]))
    for layer in range(lm.arch.n_layers):
        for j, sub in enumerate(("attn", "mlp")):
            assert layers.logprob[layer, j] == same(logp([(sub, layer)]))
    assert heads.clean_logprob == same(logp([]))
    assert np.abs(heads.drop).max() > 1e-3 and np.abs(layers.drop).max() > 1e-2
    assert hooks_on(lm.model) == before


def test_patching_against_the_models_own_runs(lm):
    """clean == corrupt changes nothing; the whole residual entering any block (or after the
    last) put back reproduces the clean logits; the last block's MLP output or one of its heads
    taken from the clean run by hooks on transformers' own modules is what patch returns; the
    grid is single patches."""
    before = hooks_on(lm.model)
    clean, corrupt = TEXT, "The king left the station on time"
    T = len(lm.encode(clean))
    assert len(lm.encode(corrupt)) == T
    a, L, own = lm.arch, lm.arch.n_layers, Own(lm)
    same = I.patch(lm, corrupt, corrupt, ("resid", 1, 2))
    np.testing.assert_array_equal(same.logits, run_trace(lm, corrupt).next_token_logits)
    assert same.change == 0
    clean_logits = run_trace(lm, clean).next_token_logits
    for layer in (0, L - 1, L):
        whole = I.patch(lm, clean, corrupt, ("resid", layer, None))
        assert_close(whole.logits, clean_logits, rel=1e-5)
        assert whole.restored == pytest.approx(1.0, abs=1e-4)
    mlp_clean = recorded(lm, {"m": own.mlp_out[L - 1]}, clean)["m"].numpy()
    want = reference(lm, corrupt, [(own.mlp_out[L - 1], "forward", replacing(lambda y: mlp_clean, T))])
    assert_close(I.patch(lm, clean, corrupt, ("mlp", L - 1)).logits, want.logits[0, -1])
    h = a.n_heads - 1
    dh = own.w_o[L - 1].weight.numel() // a.d_model // a.n_heads
    z_clean = recorded(lm, {"z": own.w_o[L - 1]}, clean, kind="pre")["z"]

    def put_head(m, args, kwargs):
        z = args[0].clone()
        z[0, :, h * dh : (h + 1) * dh] = z_clean[:, h * dh : (h + 1) * dh]
        return (z, *args[1:]), kwargs

    want = reference(lm, corrupt, [(own.w_o[L - 1], "pre", put_head)])
    assert_close(I.patch(lm, clean, corrupt, ("head", L - 1, h)).logits, want.logits[0, -1])
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


@pytest.mark.parametrize("family", FAMILY_NAMES)
@pytest.mark.parametrize("path", MODEL_PAGES)
def test_every_model_page_runs_on_every_family(app, tiny_dirs, monkeypatch, path, family):
    monkeypatch.setenv("TRANSFORMER_ANATOMY_MODEL", str(tiny_dirs[family]))
    at = app(path, timeout=180)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error
    lm = load_lm(str(tiny_dirs[family]))
    if path == "Home.py":  # the facts table states what the adapter read
        facts = at.table[0].value
        facts = dict(zip(facts.iloc[:, 0], facts.iloc[:, 1]))
        a = lm.arch
        wiring = ("parallel_shared" if a.shared_norm else "parallel") if a.parallel_residual else "sequential"
        assert facts[i18n.t("fact.wiring")] == i18n.t(f"wiring.{wiring}")
        assert facts[i18n.t("fact.norm")] == f"{i18n.t(f'arch.term.{a.norm_placement}')} — {a.norm_kind}"
        assert facts[i18n.t("fact.positional")].startswith(i18n.t(f"positional.{a.positional}"))
        assert (i18n.t("positional.partial", rot=a.rotary_dims, dh=a.d_head) in facts[i18n.t("fact.positional")]) == (
            0 < a.rotary_dims < a.d_head
        )
        lecture = at.table[1].value
        assert i18n.t("arch.fact.norm_kind") in set(lecture.iloc[:, 0])
    if path == "pages/3_Attention.py":  # Concat(heads) W_O against the model's own attention output
        assert float(next(m.value for m in at.metric if m.label == i18n.t("attention.concat_diff"))) < 1e-4
        grouped = i18n.t("attention.steps_grouped", head=0, kv=0, others=0).split("0")[0]  # "Query head "
        says_grouped = any(c.value.startswith(grouped) for c in at.caption)
        assert says_grouped == (lm.arch.n_kv_heads < lm.arch.n_heads)  # only where heads share k and v
    if path == "pages/4_Transformer_Block.py":  # the page's own check, and the wiring it states
        check = next(c.value for c in at.caption if c.value.startswith("Block 0 recomputed"))
        assert float(check.rsplit("at most ", 1)[1].split(",")[0]) < 1e-4
        from core.block import block_equations, block_wiring

        shown = [x.value.strip("$\n") for x in at.latex]
        assert shown[: len(block_equations(lm.arch))] == block_equations(lm.arch)
        # against the model: as many norms in the equations as the block has norm modules (modules
        # owning only vectors); attention reading the bare stream (post-norm) iff the model's does
        equations, own = " ".join(shown[: len(block_equations(lm.arch))]), Own(lm)
        n_norms = sum(
            1
            for m in own.blocks[0].modules()
            if list(m.parameters(recurse=False)) and all(q.dim() == 1 for q in m.parameters(recurse=False))
        )
        assert len(set(re.findall(r"\\mathrm\{%s\}(_\d)?" % lm.arch.norm_kind, equations))) == n_norms
        reads = recorded(lm, {"a": own.attn[0]}, kind="pre")["a"]
        bare = bool(np.allclose(reads.numpy(), reference(lm).hidden_states[0][0].numpy()))
        assert (r"\mathrm{Attn}(x)" in equations) == bare
        text = i18n.t(f"block.equations_text_{block_wiring(lm.arch)}", norm=lm.arch.norm_kind, n=lm.arch.n_layers)
        assert any(m.value == text for m in at.markdown)
        split = parameter_split(lm)
        norms = next(m.value for m in at.metric if m.label == i18n.t("block.params_norms"))
        assert norms == f"{split['norms']:,}"
