"""Positional encodings: the paper's formula, the model's own position numbers, relative
offsets as rotations — and the page that shows them."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from core import i18n
from core.positional import (
    learned_positions,
    matched_occurrences,
    offset_rotation,
    rotary_frequencies,
    rotary_similarity_by_distance,
    rotate,
    shifted_dots,
    similarity_by_distance,
    sinusoidal,
)
from core.trace import run_trace

PAGE = "pages/2_Positional_Encoding.py"


# --------------------------------------------------------------------------- sinusoidal


@pytest.mark.parametrize("n, d", [(1, 2), (7, 4), (50, 16), (33, 15), (10, 1), (20, 513)])
def test_sinusoidal_is_the_papers_formula_element_by_element(n, d):
    pe = sinusoidal(n, d)
    assert pe.shape == (n, d)
    for pos in range(n):
        for j in range(d):
            i = j // 2  # PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(...)
            angle = pos / (10000 ** (2 * i / d))
            want = math.sin(angle) if j % 2 == 0 else math.cos(angle)
            assert pe[pos, j] == pytest.approx(want, abs=1e-12)


def test_sinusoidal_base_is_used():
    pe = sinusoidal(5, 4, base=100.0)
    assert pe[3, 2] == pytest.approx(math.sin(3 / 100 ** (2 / 4)))


@pytest.mark.parametrize("d", [8, 64, 128])
def test_dot_product_of_positions_k_apart_does_not_depend_on_the_position(d):
    pe = sinusoidal(200, d)
    for k in (1, 5, 40):
        dots = shifted_dots(pe, k)
        # independent: Σ_i sin(pω)sin((p+k)ω) + cos(pω)cos((p+k)ω) = Σ_i cos(kω_i)
        want = sum(math.cos(k / 10000 ** (2 * i / d)) for i in range(d // 2))
        np.testing.assert_allclose(dots, want, atol=1e-9)


@pytest.mark.parametrize("d, k", [(2, 1), (16, 3), (128, 17)])
def test_a_fixed_rotation_moves_every_position_k_steps_on(d, k):
    pe = sinusoidal(100, d)
    r = offset_rotation(d, k)
    for pos in (0, 1, 42, 100 - k - 1):
        np.testing.assert_allclose(r @ pe[pos], pe[pos + k], atol=1e-9)
    np.testing.assert_allclose(r @ r.T, np.eye(d), atol=1e-12)  # a rotation keeps lengths
    with pytest.raises(ValueError):
        offset_rotation(d + 1, k)


def test_similarity_by_distance_is_the_mean_cosine_of_pairs_k_apart():
    rng = np.random.default_rng(0)
    v = rng.normal(size=(12, 5))
    curve = similarity_by_distance(v, 4)
    assert curve[0] == pytest.approx(1.0)
    for k in range(1, 5):
        pairs = [np.dot(v[p], v[p + k]) / np.linalg.norm(v[p]) / np.linalg.norm(v[p + k]) for p in range(12 - k)]
        assert curve[k] == pytest.approx(np.mean(pairs))
    assert len(similarity_by_distance(v, 100)) == 12  # no k beyond the last position


# --------------------------------------------------------------------------- the model's own


def test_learned_positions_are_the_models_wpe(tiny_gpt2, tiny_llama):
    wpe = learned_positions(tiny_gpt2)
    np.testing.assert_array_equal(wpe, tiny_gpt2.model.transformer.wpe.weight.detach().numpy())
    assert learned_positions(tiny_llama) is None


def test_rotary_frequencies_and_rotation_match_the_models_rotary_embedding(tiny_llama):
    from transformers.models.llama.modeling_llama import apply_rotary_pos_emb

    inv_freq = rotary_frequencies(tiny_llama)
    rotary = tiny_llama.model.model.rotary_emb
    np.testing.assert_allclose(inv_freq, rotary.inv_freq.double().numpy(), rtol=1e-6)
    d = tiny_llama.arch.d_head
    rng = np.random.default_rng(0)
    q, k = rng.normal(size=d), rng.normal(size=d)
    positions = torch.arange(10)[None]
    cos, sin = rotary(torch.zeros(1, 10, tiny_llama.arch.d_model), positions)  # [1, 10, d]
    tq = torch.tensor(q, dtype=torch.float32).expand(1, 1, 10, d)
    tk = torch.tensor(k, dtype=torch.float32).expand(1, 1, 10, d)
    hq, hk = apply_rotary_pos_emb(tq, tk, cos, sin)  # the model's own rotation
    for m in range(10):
        np.testing.assert_allclose(rotate(q, m, inv_freq), hq[0, 0, m].numpy(), atol=1e-5)
        np.testing.assert_allclose(rotate(k, m, inv_freq), hk[0, 0, m].numpy(), atol=1e-5)


def test_rotated_query_key_dot_depends_only_on_their_distance(tiny_llama):
    inv_freq = rotary_frequencies(tiny_llama)
    rng = np.random.default_rng(1)
    q, k = rng.normal(size=tiny_llama.arch.d_head), rng.normal(size=tiny_llama.arch.d_head)
    for offset in (0, 3, 11):
        dots = [rotate(q, m + offset, inv_freq) @ rotate(k, m, inv_freq) for m in range(0, 60, 7)]
        np.testing.assert_allclose(dots, dots[0], rtol=1e-9, atol=1e-9)
    # the curve for q = k with equal energy per pair: (q·k)/|q|² = mean_i cos(k θ_i)
    x = np.ones(tiny_llama.arch.d_head)
    curve = rotary_similarity_by_distance(inv_freq, 20)
    for dist in (0, 1, 7, 20):
        want = rotate(x, dist, inv_freq) @ rotate(x, 0, inv_freq) / (x @ x)
        assert curve[dist] == pytest.approx(want)


def test_matched_occurrences_pairs_the_nth_copy_with_the_nth_copy():
    a = [5, 9, 7, 5, 2]  # the dog bit the man
    b = [5, 2, 7, 5, 9]  # the man bit the dog
    assert sorted(matched_occurrences(a, b)) == [(0, 0), (1, 4), (2, 2), (3, 3), (4, 1)]
    assert matched_occurrences([1, 1, 4], [1, 3]) == [(0, 0)]


# --------------------------------------------------------------------------- the page


def _texts(at, kind):
    return [e.value for e in at.get(kind)]


def _table(at, first_column):
    for frame in at.dataframe:
        value = frame.value
        value = value.data if hasattr(value, "data") else value  # a Styler
        if first_column in value.columns:
            return value
    raise AssertionError(f"no table with column {first_column!r}")


def test_page_on_a_learned_model_computes_what_it_shows(app, tiny_gpt2):
    at = app(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    n = len(tiny_gpt2.tokenizer(i18n.t("posenc.default_a"), add_special_tokens=False)["input_ids"])
    assert _texts(at, "success") == [i18n.t("posenc.same_bag", n=n)]
    table = _table(at, i18n.t("posenc.col.token"))
    np.testing.assert_allclose(table[i18n.t("posenc.col.cos_row")], 1.0, atol=1e-6)
    moved = table[i18n.t("posenc.col.pos_a")] != table[i18n.t("posenc.col.pos_b")]
    assert moved.any()
    assert (table[i18n.t("posenc.col.cos_input")][moved] < 0.9999).all()  # + position vector
    # section 5 on the defaults (n = 48, d = 64, k = 4): against the closed form
    want = sum(math.cos(4 / 10000 ** (2 * i / 64)) for i in range(32))
    metrics = {m.label: m.value for m in at.metric}
    assert float(metrics[i18n.t("posenc.dot_min")]) == pytest.approx(want, abs=1e-6)
    assert float(metrics[i18n.t("posenc.dot_max")]) == pytest.approx(want, abs=1e-6)
    assert float(metrics[i18n.t("posenc.rotation_error")]) < 1e-9
    assert at.header[2].value == i18n.t("posenc.learned", name=tiny_gpt2.display_name)


def test_page_on_a_rotary_model_shows_the_bag_entering_unchanged(app, tiny_dirs, monkeypatch):
    monkeypatch.setenv("TRANSFORMER_ANATOMY_MODEL", str(tiny_dirs["llama"]))
    at = app(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    table = _table(at, i18n.t("posenc.col.token"))
    np.testing.assert_allclose(table[i18n.t("posenc.col.cos_input")], 1.0, atol=1e-5)
    assert (table[i18n.t("posenc.col.cos_block1")] < 0.99999).any()  # rotated q, k inside
    assert at.header[2].value.startswith(i18n.t("posenc.rotary", name="").strip())


def test_page_edits_and_odd_inputs_get_messages(app):
    at = app(PAGE)
    at.run()
    at.slider(key="n").set_value(8).run()
    at.slider(key="k").set_value(10).run()
    assert i18n.t("posenc.too_short", n=8, k=10) in _texts(at, "info")
    at.slider(key="d").set_value(15).run()
    assert i18n.t("posenc.odd", d=15, even=14) in _texts(at, "caption")
    at.text_input(key="b").set_value("something else entirely").run()
    assert i18n.t("posenc.not_same_bag") in _texts(at, "info")
    at.text_input(key="a").set_value("   ").run()
    assert i18n.t("prompt.empty") in _texts(at, "info")
    assert not at.exception
    assert at.header[-1].value == i18n.t("posenc.relative")  # the rest of the page still runs


def test_page_in_korean_with_tampered_url(app, tiny_gpt2):
    text = "😀 안녕 " * 30
    at = app(PAGE, lang="ko", n="abc", d="99999", k="-3", a=text)
    at.run()
    assert not at.exception
    assert at.title[0].value == i18n.t("posenc.heading", "ko")
    # n is not a number, d is above its slider's range, k below: each named with its value;
    # the long sentence is capped to the tiny model's context, with its own notice
    capped = run_trace(tiny_gpt2, text)
    expected = [
        i18n.t("param.invalid", "ko", name=name, value=value)
        for name, value in (("n", "abc"), ("d", "99999"), ("k", "-3"))
    ]
    expected.append(i18n.t("prompt.truncated", "ko", n=capped.n_tokens, total=capped.n_tokens_requested))
    assert sorted(_texts(at, "warning")) == sorted(expected)
