"""Sampling: the filters against Hugging Face's own warpers, generation against
`model.generate`, the logit lens against truncated models, and the page."""

from __future__ import annotations

import copy
import math
import threading

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from transformers.generation.logits_process import (
    LogitsProcessorList,
    TemperatureLogitsWarper,
    TopKLogitsWarper,
    TopPLogitsWarper,
)

from core import i18n
from core import sampling as S
from core.trace import run_trace
from tests.helpers import chart_tables

PROMPT = "Data visualization empowers users to"
PAGE = "pages/6_Sampling.py"


# --------------------------------------------------------------------------- the reference


def hf_warpers(logits: torch.Tensor, temperature=1.0, top_k=0, top_p=1.0) -> torch.Tensor:
    """[B, V] through the warpers exactly as `generate(do_sample=True)` assembles them."""
    chain = LogitsProcessorList()
    if temperature != 1.0:
        chain.append(TemperatureLogitsWarper(float(temperature)))
    if top_k != 0:
        chain.append(TopKLogitsWarper(top_k=int(top_k), min_tokens_to_keep=1))
    if top_p < 1.0:
        chain.append(TopPLogitsWarper(top_p=float(top_p), min_tokens_to_keep=1))
    return chain(None, logits.clone())


def assert_same(mine: torch.Tensor, ref: torch.Tensor) -> None:
    assert mine.shape == ref.shape
    assert torch.equal(torch.isinf(mine), torch.isinf(ref)), "different tokens removed"
    assert torch.equal(mine, ref), "different surviving values"


def random_logits(gen: torch.Generator, batch: int, vocab: int, kind: str) -> torch.Tensor:
    z = torch.randn(batch, vocab, generator=gen) * float(torch.rand(1, generator=gen) * 8 + 0.1)
    if kind == "ties":  # coarse values: many tokens tied at every rank, the k-th included
        z = torch.round(z)
    elif kind == "flat":  # everything equal
        z = torch.zeros(batch, vocab)
    elif kind == "peaked":  # one token far above the rest, tails that underflow
        z[:, 0] += 80.0
    return z


# --------------------------------------------------------------------------- filter_logits


def test_filter_logits_equals_hf_warpers_on_many_random_vectors():
    gen = torch.Generator().manual_seed(1234)
    temperatures = [1.0, 0.05, 0.3, 0.7, 1.5, 3.0, 1e-3, 50.0]
    top_ks = [0, 1, 2, 3, 10, 49, 50, 51, 10_000]
    top_ps = [1.0, 0.0, 0.05, 0.5, 0.9, 0.95, 0.999999]
    removed_some = tied_at_k = 0  # what the random cases exercised
    for kind in ["normal", "ties", "flat", "peaked"]:
        for vocab in [1, 2, 7, 50, 300]:
            for _ in range(6):
                z = random_logits(gen, 3, vocab, kind)
                T = temperatures[int(torch.randint(len(temperatures), (1,), generator=gen))]
                k = top_ks[int(torch.randint(len(top_ks), (1,), generator=gen))]
                p = top_ps[int(torch.randint(len(top_ps), (1,), generator=gen))]
                mine = S.filter_logits(z, T, k, p)
                assert_same(mine, hf_warpers(z, T, k, p))
                # one row on its own (1-D) gives that row of the batch
                assert_same(S.filter_logits(z[1], T, k, p), hf_warpers(z[1:2], T, k, p)[0])
                kept = (~torch.isinf(mine)).sum(-1)
                removed_some += int((kept < vocab).any())
                if 0 < k < vocab:
                    kth = torch.topk(z, k, dim=-1).values[:, -1:]
                    tied_at_k += int(((z == kth).sum(-1) > 1).any())
    # the comparison met real cuts, and ties at the k-th value that top-k must keep
    assert removed_some >= 30 and tied_at_k >= 5


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(
        st.sampled_from([-1e4, -20.0, -3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 7.0, 30.0]), min_size=1, max_size=40
    ),
    temperature=st.sampled_from([0.05, 0.5, 1.0, 2.0, 3.0]),
    top_k=st.integers(min_value=0, max_value=45),
    top_p=st.sampled_from([0.0, 0.1, 0.3, 0.5, 0.75, 0.9, 1.0]),
)
def test_filter_logits_equals_hf_warpers_property(values, temperature, top_k, top_p):
    """Few distinct values: ties everywhere, at the k-th value and at the top-p boundary."""
    z = torch.tensor([values])
    assert_same(S.filter_logits(z, temperature, top_k, top_p), hf_warpers(z, temperature, top_k, top_p))


@pytest.mark.parametrize("top_k", [1, 2, 3, 4, 5])
def test_ties_at_the_kth_value_are_kept(top_k):
    z = torch.tensor([[3.0, 2.0, 2.0, 2.0, 1.0, 0.5]])
    kept = ~torch.isinf(S.filter_logits(z, top_k=top_k))
    kth = sorted(z[0].tolist(), reverse=True)[top_k - 1]
    assert kept[0].tolist() == [v >= kth for v in z[0].tolist()]  # by hand: >= k-th value
    assert_same(S.filter_logits(z, top_k=top_k), hf_warpers(z, top_k=top_k))


def test_switched_off_filters_and_k_beyond_the_vocabulary_change_nothing():
    z = torch.randn(4, 300, generator=torch.Generator().manual_seed(0))
    assert torch.equal(S.filter_logits(z), z)
    assert torch.equal(S.filter_logits(z, top_k=0, top_p=1.0), z)
    assert torch.equal(S.filter_logits(z, top_k=301), z)
    assert torch.equal(S.filter_logits(z, top_k=10**9), z)
    assert_same(S.filter_logits(z, top_k=10**9), hf_warpers(z, top_k=10**9))


def test_top_p_zero_keeps_only_the_most_likely_token():
    z = torch.randn(5, 300, generator=torch.Generator().manual_seed(1))
    kept = ~torch.isinf(S.filter_logits(z, top_p=0.0))
    assert kept.sum(dim=-1).tolist() == [1] * 5
    assert torch.equal(kept.float().argmax(-1), z.argmax(-1))


def test_top_p_keeps_the_smallest_set_reaching_p():
    z = torch.log(torch.tensor([0.5, 0.3, 0.15, 0.05]))  # probabilities written out
    kept = lambda p: (~torch.isinf(S.filter_logits(z, top_p=p))).tolist()  # noqa: E731
    assert kept(0.5) == [True, False, False, False]  # 0.5 alone reaches 0.5
    assert kept(0.6) == [True, True, False, False]  # 0.5 + 0.3 = 0.8 >= 0.6
    assert kept(0.81) == [True, True, True, False]
    assert kept(0.99) == [True, True, True, True]


def test_temperature_scales_the_logits_before_the_cuts():
    z = torch.tensor([2.0, 1.0, 0.0, -1.0])
    assert torch.allclose(S.filter_logits(z, temperature=0.5), z / 0.5)
    # at T = 0.25 the top token holds > 0.9 of the mass, so top-p 0.9 keeps it alone;
    # at T = 1 it does not
    assert (~torch.isinf(S.filter_logits(z, temperature=0.25, top_p=0.9))).sum() == 1
    assert (~torch.isinf(S.filter_logits(z, temperature=1.0, top_p=0.9))).sum() > 1


@pytest.mark.parametrize("bad", [0, 0.0, -0.5, -3, float("nan"), float("-inf")])
def test_non_positive_temperature_is_a_value_error_pointing_to_greedy(bad):
    with pytest.raises(ValueError, match="greedy"):
        S.filter_logits(torch.zeros(5), temperature=bad)


@pytest.mark.parametrize("kwargs", [dict(top_k=-1), dict(top_p=-0.1), dict(top_p=1.5), dict(top_k=2.5)])
def test_other_invalid_settings_are_value_errors(kwargs):
    with pytest.raises(ValueError):
        S.filter_logits(torch.zeros(5), **kwargs)


# --------------------------------------------------------------------------- the distribution


def test_distribution_readouts_match_an_independent_computation():
    z = np.random.default_rng(3).normal(size=300).astype(np.float32) * 3
    T, k, p = 0.7, 40, 0.8
    dist = S.next_token_distribution(z, T, k, p)
    # numpy by hand: softmax(z/T), keep the top k, then the nucleus of what is left
    q = np.exp((z / T - (z / T).max()).astype(np.float64))
    q /= q.sum()
    order = np.argsort(-z)
    in_k = np.zeros(300, bool)
    in_k[order[:k]] = True
    qk = np.where(in_k, q, 0) / q[in_k].sum()
    before = np.cumsum(qk[order]) - qk[order]  # mass strictly more likely than each token
    keep = np.zeros(300, bool)
    keep[order[before < p]] = True
    keep &= in_k
    final = np.where(keep, q, 0) / q[keep].sum()
    assert dist.n_kept == keep.sum()
    assert np.array_equal(dist.kept, keep)
    assert np.array_equal(dist.removed_by_top_k, ~in_k)
    assert np.array_equal(dist.removed_by_top_p, in_k & ~keep)
    assert math.isclose(dist.mass_kept, q[keep].sum(), rel_tol=1e-5)
    assert np.allclose(dist.final, final, atol=1e-6)
    nz = final[final > 0]
    assert math.isclose(dist.entropy_bits, -(nz * np.log2(nz)).sum(), rel_tol=1e-5)


def test_greedy_distribution_is_certain_and_uniform_entropy_is_log2_v():
    z = np.array([0.1, 3.0, 2.9, -1.0], dtype=np.float32)
    dist = S.next_token_distribution(z, greedy=True)
    assert dist.n_kept == 1 and dist.final[1] == 1.0 and dist.entropy_bits == 0.0
    flat = S.next_token_distribution(np.zeros(256, np.float32))
    assert math.isclose(flat.entropy_bits, 8.0, rel_tol=1e-9)


@settings(max_examples=300, deadline=None)
@given(
    values=st.lists(st.sampled_from([0.0, 1e-9, 0.1, 0.25, 0.5, 1.0, float("nan")]), min_size=1, max_size=60),
    n=st.integers(min_value=0, max_value=70),
)
def test_top_n_indices_is_a_stable_descending_argsort_cut_at_n(values, n):
    """Few distinct values: ties inside the top n and at its edge (lowest index first);
    a NaN (a broken logit) placed where argsort places it."""
    v = np.array(values)
    assert S.top_n_indices(v, n).tolist() == np.argsort(-v, kind="stable")[:n].tolist()


def test_distribution_table_cumulative_is_over_what_top_k_left(tiny_gpt2):
    z = np.random.default_rng(5).normal(size=tiny_gpt2.arch.vocab_size).astype(np.float32)
    dist = S.next_token_distribution(z, 1.0, 10, 0.5)
    table = S.distribution_table(tiny_gpt2, dist, 20)
    assert list(table["token_id"]) == list(np.argsort(-z)[:20])
    assert math.isclose(table["cumulative"].iloc[9], 1.0, rel_tol=1e-6)  # 10 tokens after top-k
    assert set(table["status"].iloc[10:]) == {"top_k"}
    kept = table["status"] == "kept"
    # top-p keeps a token while the mass above it is still below p
    above = table["cumulative"] - np.exp(z[table["token_id"]]) / np.exp(z[table["token_id"].iloc[:10]]).sum()
    assert list(kept.iloc[:10]) == list(above.iloc[:10] < 0.5)


# --------------------------------------------------------------------------- generation


def prompt_ids(lm, text=PROMPT):
    return lm.tokenizer(text, add_special_tokens=False)["input_ids"]


@pytest.mark.parametrize("name", ["tiny_gpt2", "tiny_llama"])
def test_streamed_greedy_generation_equals_model_generate(name, request):
    lm = request.getfixturevalue(name)
    ids = prompt_ids(lm)
    ref = lm.model.generate(
        torch.tensor([ids]),
        do_sample=False,
        max_new_tokens=25,
        attention_mask=torch.ones(1, len(ids), dtype=torch.long),
    )
    assert S.generate_text(lm, ids, 25, greedy=True) == ref[0, len(ids) :].tolist()


@pytest.mark.parametrize("name", ["tiny_gpt2", "tiny_llama"])
def test_seeded_sampling_draws_what_generate_draws_with_the_same_seed(name, request):
    lm = request.getfixturevalue(name)
    ids = prompt_ids(lm)
    settings = dict(temperature=0.8, top_k=40, top_p=0.9)
    torch.manual_seed(11)
    ref = lm.model.generate(
        torch.tensor([ids]),
        do_sample=True,
        max_new_tokens=20,
        attention_mask=torch.ones(1, len(ids), dtype=torch.long),
        **settings,
    )
    assert S.generate_text(lm, ids, 20, seed=11, **settings) == ref[0, len(ids) :].tolist()


def test_same_seed_same_text_different_seed_different_text(tiny_gpt2):
    ids = prompt_ids(tiny_gpt2)
    a = S.generate_text(tiny_gpt2, ids, 15, temperature=1.2, seed=1)
    assert S.generate_text(tiny_gpt2, ids, 15, temperature=1.2, seed=1) == a
    assert S.generate_text(tiny_gpt2, ids, 15, temperature=1.2, seed=2) != a
    assert S.generate_text(tiny_gpt2, ids, 15, temperature=1.2, top_k=5, seed=1) != a


def test_each_step_feeds_one_token_and_releases_the_lock(tiny_llama):
    ids = prompt_ids(tiny_llama)
    fed = []
    hook = tiny_llama.model.register_forward_pre_hook(
        lambda module, args, kwargs: fed.append(tuple(kwargs["input_ids"].shape)), with_kwargs=True
    )
    free_between_steps = []

    def try_lock_elsewhere():  # another session's thread, between two steps
        got = tiny_llama.lock.acquire(blocking=False)
        if got:
            tiny_llama.lock.release()
        free_between_steps.append(got)

    try:
        for _ in S.generate_steps(tiny_llama, ids, 6, seed=0, stop_at_eos=False):
            other = threading.Thread(target=try_lock_elsewhere)
            other.start()
            other.join()
    finally:
        hook.remove()
    assert fed == [(1, len(ids))] + [(1, 1)] * 5  # the prompt once, then one token a step
    assert all(free_between_steps)


def test_generation_is_capped(tiny_gpt2):
    ids = prompt_ids(tiny_gpt2)
    n = len(S.generate_text(tiny_gpt2, ids, 10_000, temperature=1.0, seed=0, stop_at_eos=False))
    assert n == min(S.MAX_NEW_TOKENS, tiny_gpt2.arch.context_length - len(ids))


def test_steps_carry_probabilities_alternatives_and_the_decoded_text(tiny_gpt2):
    ids = prompt_ids(tiny_gpt2)
    steps = list(S.generate_steps(tiny_gpt2, ids, 12, temperature=0.9, top_k=20, seed=4, stop_at_eos=False))
    new = [s.token_id for s in steps]
    assert "".join(s.text for s in steps) == tiny_gpt2.tokenizer.decode(new).rstrip("\ufffd")
    for s in steps:
        probs = [p for _, _, p in s.alternatives]
        assert probs == sorted(probs, reverse=True) and 0 < s.probability <= probs[0]
        assert len(s.alternatives) == 5


def test_sample_many_is_seeded_and_greedy_rows_agree_with_generate(tiny_gpt2):
    ids = prompt_ids(tiny_gpt2)
    a = S.sample_many(tiny_gpt2, ids, 4, 8, temperature=1.5, seed=3)
    assert a == S.sample_many(tiny_gpt2, ids, 4, 8, temperature=1.5, seed=3)
    assert len({tuple(r) for r in a}) > 1  # the rows are separate draws
    greedy = S.sample_many(tiny_gpt2, ids, 3, 8, greedy=True)
    assert greedy == [S.generate_text(tiny_gpt2, ids, 8, greedy=True)] * 3


def test_step_by_step_draw_is_seeded(tiny_gpt2):
    ids = prompt_ids(tiny_gpt2)
    one = S.sample_next(tiny_gpt2, ids, S.step_seed(42, 0), temperature=1.0, top_k=0, top_p=1.0, greedy=False)
    two = S.sample_next(tiny_gpt2, ids, S.step_seed(42, 0), temperature=1.0, top_k=0, top_p=1.0, greedy=False)
    assert one.token_id == two.token_id
    z = torch.tensor(S.next_token_logits(tiny_gpt2, ids))
    assert math.isclose(one.probability, float(torch.softmax(z, -1)[one.token_id]), rel_tol=1e-5)


# --------------------------------------------------------------------------- logit lens


@pytest.mark.parametrize("name", ["tiny_gpt2", "tiny_llama"])
def test_logit_lens_last_layer_is_the_models_own_logits(name, request):
    lm = request.getfixturevalue(name)
    trace = run_trace(lm, PROMPT)
    lens = S.logit_lens_logits(lm, trace)
    assert lens.shape == (lm.arch.n_layers + 1, lm.arch.vocab_size)
    assert np.allclose(lens[-1], trace.next_token_logits, atol=1e-5)
    table = S.lens_table(lm, *S.start_logit_lens(lm, trace, k=3).result())
    last = table[table["layer"] == lm.arch.n_layers]
    assert list(last["token_id"]) == list(np.argsort(-trace.next_token_logits)[:3])
    z = lens.astype(np.float64)
    softmax = np.exp(z - z.max(-1, keepdims=True))
    softmax /= softmax.sum(-1, keepdims=True)  # [L+1, V]
    assert np.allclose(table["probability"], softmax[table["layer"], table["token_id"]], rtol=1e-5, atol=1e-9)
    assert list(table["rank"]) == [1, 2, 3] * (lm.arch.n_layers + 1)


@pytest.mark.parametrize("name", ["tiny_gpt2", "tiny_llama"])
def test_logit_lens_at_layer_l_equals_a_model_cut_after_l_blocks(name, request):
    lm = request.getfixturevalue(name)
    trace = run_trace(lm, PROMPT)
    lens = S.logit_lens_logits(lm, trace)
    for layer in range(1, lm.arch.n_layers):
        cut = copy.deepcopy(lm.model)
        if lm.arch.name == "gpt2":
            cut.transformer.h = cut.transformer.h[:layer]
            cut.config.n_layer = layer
        else:
            cut.model.layers = cut.model.layers[:layer]
            cut.config.num_hidden_layers = layer
        with torch.no_grad():
            ids = torch.from_numpy(trace.token_ids)[None]  # [1, T]
            own = cut(input_ids=ids, use_cache=False).logits[0, -1]
        assert np.allclose(lens[layer], own.numpy(), atol=1e-5)
        assert not np.allclose(lens[layer], lens[-1], atol=1e-3)


# --------------------------------------------------------------------------- the page


def metric(at, key, lang="en"):
    label = i18n.t(key, lang)
    return next(m.value for m in at.metric if m.label == label)


def test_page_defaults_show_every_section(app, tiny_gpt2):
    at = app(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.title[0].value == i18n.t("sampling.heading")
    headers = [h.value for h in at.header]
    for key in ["settings", "distribution", "steps", "generate", "lens"]:
        assert i18n.t(f"sampling.{key}") in headers
    assert at.text_input(key="text").value == PROMPT
    # the readouts agree with an independent softmax over the model's logits
    z = run_trace(tiny_gpt2, PROMPT).next_token_logits.astype(np.float64)
    expected = S.next_token_distribution(z, 1.0, 50, 0.9)
    assert metric(at, "sampling.kept") == f"{expected.n_kept:,} / {tiny_gpt2.arch.vocab_size:,}"
    assert_charts_hold_the_models_numbers(at, tiny_gpt2, bars=40, top_k=50, top_p=0.9)
    # 60 bars: past top-k's 50, so all three statuses are drawn
    at.slider(key="bars").set_value(60).run()
    assert_charts_hold_the_models_numbers(at, tiny_gpt2, bars=60, top_k=50, top_p=0.9)
    assert len(at.latex) >= 3


def assert_charts_hold_the_models_numbers(at, lm, bars: int, top_k: int, top_p: float) -> None:
    """The page's three charts (temperature 1, lens top 5), each table recomputed here from
    the model's own forward pass, Hugging Face's warpers and its final norm + lm_head."""
    distribution, sampled_from, lens = chart_tables(at)
    ids = torch.tensor([lm.tokenizer(PROMPT, add_special_tokens=False)["input_ids"]])
    with torch.no_grad():
        out = lm.model(input_ids=ids, output_hidden_states=True, use_cache=False)
    z = out.logits[0, -1]  # [V] float32
    p = torch.softmax(z.double(), dim=-1).numpy()
    after_k = torch.softmax(hf_warpers(z[None], top_k=top_k)[0].double(), dim=-1).numpy()
    final = torch.softmax(hf_warpers(z[None], top_k=top_k, top_p=top_p)[0].double(), dim=-1).numpy()
    order = np.argsort(-p, kind="stable")[:bars]  # the most likely tokens, most likely first

    assert distribution["rank"].tolist() == list(range(1, bars + 1))
    assert distribution["token_id"].tolist() == order.tolist()
    np.testing.assert_allclose(distribution["p_original"], p[order], rtol=1e-5, atol=0)
    np.testing.assert_allclose(distribution["p_tempered"], p[order], rtol=1e-5, atol=0)
    np.testing.assert_allclose(distribution["p_final"], final[order], rtol=1e-5, atol=0)
    np.testing.assert_allclose(distribution["cumulative"], np.cumsum(np.sort(after_k)[::-1][:bars]), rtol=1e-5, atol=0)
    in_top_k = np.isin(order, np.argsort(-z.numpy(), kind="stable")[:top_k])
    status = np.where(~in_top_k, "top_k", np.where(final[order] > 0, "kept", "top_p"))
    assert distribution["status"].tolist() == status.tolist()
    assert set(status) == ({"kept", "top_k", "top_p"} if bars > top_k else {"kept"})
    assert (distribution["top_p"] == top_p).all()

    # what the sampler can still draw: exactly the bars whose final probability is not 0
    kept = order[final[order] > 0]
    assert sampled_from["token_id"].tolist() == kept.tolist()
    np.testing.assert_allclose(sampled_from["p_final"], final[kept], rtol=1e-5, atol=0)

    # the logit lens: each block's output (0 = embeddings) through ln_f and lm_head; the
    # last is the model's own logits
    with torch.no_grad():
        layers = [lm.model.lm_head(lm.model.transformer.ln_f(h[0, -1])) for h in out.hidden_states[:-1]]
    lens_logits = torch.stack(layers + [z])  # [L+1, V]
    top = torch.topk(torch.softmax(lens_logits.double(), dim=-1), 5, dim=-1)
    n_layers = lm.arch.n_layers + 1
    assert lens["layer"].tolist() == np.repeat(np.arange(n_layers), 5).tolist()
    assert lens["rank"].tolist() == list(range(1, 6)) * n_layers
    assert lens["token_id"].tolist() == top.indices.reshape(-1).tolist()
    np.testing.assert_allclose(lens["probability"], top.values.reshape(-1).numpy(), rtol=1e-5, atol=0)
    assert lens["layer_label"].tolist() == [i18n.t("sampling.layer_embed")] * 5 + [
        i18n.t("sampling.layer_n", n=n) for n in range(n_layers - 1) for _ in range(5)
    ]  # blocks from 0


def test_a_failed_logit_lens_is_not_kept_for_the_next_run(app, monkeypatch):
    """The lens runs as a cached background job; a failure must not be served forever."""
    real, calls = S._lens_logits, []

    def fails_once(*args):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("the lens broke once")
        return real(*args)

    monkeypatch.setattr(S, "_lens_logits", fails_once)
    at = app(PAGE, text="A prompt no other test has traced")  # nothing cached for it yet
    at.run()
    assert [e.message for e in at.exception] == ["the lens broke once"]
    at.run()
    assert not at.exception and len(calls) == 2
    assert i18n.t("sampling.lens") in [h.value for h in at.header]


def test_sliders_at_their_extremes_and_greedy(app, tiny_gpt2):
    at = app(PAGE)
    at.run()
    v = tiny_gpt2.arch.vocab_size
    at.slider(key="temp").set_value(0.05)
    at.slider(key="topk").set_value(0)
    at.slider(key="topp").set_value(0.0).run()
    assert not at.exception
    assert metric(at, "sampling.kept") == f"1 / {v:,}"  # p = 0 keeps only the top token
    at.slider(key="temp").set_value(3.0)
    at.slider(key="topk").set_value(v)
    at.slider(key="topp").set_value(1.0).run()
    assert not at.exception
    assert metric(at, "sampling.kept") == f"{v:,} / {v:,}"
    assert metric(at, "sampling.mass") == "100.0%"
    at.toggle(key="greedy").set_value(True).run()
    assert not at.exception
    assert metric(at, "sampling.kept") == f"1 / {v:,}"
    assert metric(at, "sampling.entropy") == i18n.t("sampling.bits", h=0.0)


def test_next_undo_reset_and_generate(app, tiny_gpt2):
    at = app(PAGE, n="5", seed="3", seed2="4", samples="3")
    at.run()
    assert at.button(key="undo").disabled and at.button(key="reset").disabled
    at.button(key="next").click().run()
    at.button(key="next").click().run()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 2
    first_two = list(table["id"])
    at.button(key="undo").click().run()
    assert len(at.dataframe[0].value) == 1 and list(at.dataframe[0].value["id"]) == first_two[:1]
    at.button(key="next").click().run()  # the same seed and click: the same token again
    assert list(at.dataframe[0].value["id"]) == first_two
    at.button(key="reset").click().run()
    assert not at.dataframe and at.button(key="reset").disabled

    at.button(key="generate").click().run()
    assert not at.exception
    ids = prompt_ids(tiny_gpt2)
    settings = dict(temperature=1.0, top_k=50, top_p=0.9)
    texts = [c.value for c in at.code][1:3]  # after the step-by-step box: seed 3, seed 4
    for text, seed in zip(texts, (3, 4)):
        new = S.generate_text(tiny_gpt2, ids, 5, seed=seed, **settings)
        assert text == PROMPT + tiny_gpt2.tokenizer.decode(new).rstrip("\ufffd")
    at.button(key="spread").click().run()
    assert not at.exception
    assert len(at.dataframe[-1].value) == 3


def test_korean_page(app):
    at = app(PAGE, lang="ko")
    at.run()
    assert not at.exception
    assert at.title[0].value == i18n.t("sampling.heading", "ko")
    assert i18n.t("sampling.lens", "ko") in [h.value for h in at.header]
    assert at.button(key="next").label == i18n.t("sampling.next", "ko")


def test_empty_prompt_gets_a_message(app):
    at = app(PAGE, text="   ")
    at.run()
    assert not at.exception
    assert [m.value for m in at.info] == [i18n.t("prompt.empty")]


def test_korean_emoji_and_long_prompts_generate_without_tracebacks(app):
    at = app(PAGE, n="4")
    at.run()
    for text in ["안녕하세요, 트랜스포머! 😀", "😀" * 30, "a" * 600]:
        at.text_input(key="text").set_value(text).run()
        if at.button(key="next").disabled:  # the prompt already fills the tiny context
            assert any(i18n.t("sampling.steps_full", n=0) == m.value for m in at.info)
        else:
            at.button(key="next").click().run()
        at.button(key="generate").click().run()
        assert not at.exception, text


def test_tampered_url_parameters_fall_back_with_messages(app):
    at = app(PAGE, temp="-1", topk="abc", topp="7", n="100000", seed="nan", bars="0")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    warnings = " ".join(w.value for w in at.warning)
    for name in ["temp", "topk", "topp", "n", "seed", "bars"]:
        assert f"“{name}”" in warnings, name
    assert at.slider(key="temp").value == 1.0 and at.slider(key="topp").value == 0.9


def test_catalogs_cover_the_same_keys():
    from core.strings import sampling as strings

    assert strings.EN.keys() == strings.KO.keys()
    assert all(k.startswith("sampling.") for k in strings.EN)


@pytest.mark.slow
def test_real_offline_model_logit_lens_and_filters_on_real_logits():
    from core.models import load_lm

    lm = load_lm("smollm2-135m")
    trace = run_trace(lm, PROMPT)
    lens = S.logit_lens_logits(lm, trace)
    assert lens.shape == (lm.arch.n_layers + 1, lm.arch.vocab_size)
    assert np.allclose(lens[-1], trace.next_token_logits, atol=1e-4)
    z = torch.from_numpy(trace.next_token_logits)[None]
    for T, k, p in [(0.7, 50, 0.9), (1.3, 0, 0.5), (1.0, 10_000, 0.0), (3.0, 0, 0.99)]:
        assert_same(S.filter_logits(z, T, k, p), hf_warpers(z, T, k, p))
