"""Embeddings: the matrix, words and their rows, cosine, neighbours, PCA, context drift — and
the page that shows them."""

from __future__ import annotations

import math
from itertools import combinations
from types import SimpleNamespace

import numpy as np
import pytest
import torch

from core import i18n
from core.embeddings import (
    MAX_WORDS,
    EmbeddingIndex,
    context_drift,
    cosine_matrix,
    find_word,
    matrix_facts,
    parse_words,
    pca_2d,
    point_names,
    word_states,
)
from core.trace import run_trace
from tests.helpers import chart_tables
from tests.tiny_models import real_gpt2_tokenizer

PAGE = "pages/1_Embeddings.py"


# --------------------------------------------------------------------------- the matrix


def test_gpt2_small_matrix_facts_match_the_published_sizes():
    from transformers import GPT2Config, GPT2LMHeadModel

    from core.models import wrap

    torch.manual_seed(0)
    model = GPT2LMHeadModel(GPT2Config())  # GPT-2 small's shape, random weights
    lm = wrap(model, real_gpt2_tokenizer(), "gpt2", "GPT-2 small", "local-dir")
    facts = matrix_facts(lm)
    # the figures: 50,257 x 768 ≈ 38.6 M parameters, 31 % of the model
    assert (facts.vocab_size, facts.d_model) == (50257, 768)
    assert round(facts.n_params / 1e6, 1) == 38.6
    assert round(facts.share * 100) == 31
    assert facts.tied  # GPT-2's output layer reuses wte


def test_a_word_is_the_row_of_its_token_or_the_mean_of_its_pieces(tiny_gpt2):
    index = EmbeddingIndex(tiny_gpt2)
    wte = tiny_gpt2.model.transformer.wte.weight.detach().numpy()
    for text in ["the", "king", "Transformers", "안녕", "😀"]:
        word = index.word(tiny_gpt2, text)
        ids = tiny_gpt2.tokenizer(" " + text, add_special_tokens=False)["input_ids"]
        assert word.token_ids == ids
        assert len(word.pieces) == len(ids)
        np.testing.assert_allclose(word.vector, wte[ids].mean(axis=0), rtol=1e-6, atol=1e-7)
        assert word.split == (len(ids) > 1)


def test_parse_words_trims_dedupes_and_caps():
    words, total = parse_words(" play,game ,\nplay,, orange ,  two   words ")
    assert words == ["play", "game", "orange", "two words"]
    assert total == 4
    many = ",".join(f"w{i}" for i in range(MAX_WORDS + 5))
    words, total = parse_words(many)
    assert len(words) == MAX_WORDS and total == MAX_WORDS + 5
    assert parse_words("  , ,\n ")[0] == []


# --------------------------------------------------------------------------- geometry


def test_cosine_matrix_matches_the_formula_element_by_element():
    rng = np.random.default_rng(0)
    v = rng.normal(size=(6, 9))
    v[3] = -2.5 * v[1]  # exactly opposite direction, different length
    got = cosine_matrix(v)
    for i in range(6):
        for j in range(6):
            dot = sum(a * b for a, b in zip(v[i], v[j]))
            want = dot / (math.sqrt(sum(a * a for a in v[i])) * math.sqrt(sum(b * b for b in v[j])))
            assert got[i, j] == pytest.approx(want, abs=1e-12)
    assert got[1, 3] == pytest.approx(-1.0)


def test_neighbours_are_the_top_cosines_over_the_whole_vocabulary(tiny_gpt2):
    index = EmbeddingIndex(tiny_gpt2)
    wte = tiny_gpt2.model.transformer.wte.weight.detach()
    one_token = next(w for w in ["the", "king", "and", "bank", "a"] if not index.word(tiny_gpt2, w).split)
    word = index.word(tiny_gpt2, one_token)
    found = index.neighbours(word.vector, k=8)
    assert found[0][0] == word.token_ids[0], "a single-token word is its own nearest neighbour"
    assert found[0][1] == pytest.approx(1.0, abs=1e-5)
    reference = torch.nn.functional.cosine_similarity(wte, torch.tensor(word.vector)[None], dim=1)
    best = torch.sort(reference, descending=True)
    assert [i for i, _ in found] == best.indices[:8].tolist()
    np.testing.assert_allclose([c for _, c in found], best.values[:8].numpy(), atol=1e-5)


def test_pca_axes_are_orthonormal_ordered_and_match_the_covariance_eigenvalues():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(12, 7)) * np.array([5, 3, 2, 1, 0.5, 0.2, 0.1])
    proj = pca_2d(x)
    np.testing.assert_allclose(proj.axes @ proj.axes.T, np.eye(2), atol=1e-10)
    assert proj.explained[0] >= proj.explained[1] > 0
    eig = np.sort(np.linalg.eigvalsh(np.cov(x.T)))[::-1]  # independent: covariance eigenvalues
    np.testing.assert_allclose(proj.explained, eig[:2] / eig.sum(), rtol=1e-8)
    centred = x - x.mean(axis=0)
    np.testing.assert_allclose(np.var(proj.coords, axis=0, ddof=1), eig[:2], rtol=1e-8)
    np.testing.assert_allclose(np.abs(proj.coords), np.abs(centred @ proj.axes.T))


def test_pca_of_two_points_keeps_everything_on_one_axis():
    proj = pca_2d(np.array([[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]]))
    assert proj.explained[0] == pytest.approx(1.0)
    assert proj.explained[1] == pytest.approx(0.0, abs=1e-12)


# --------------------------------------------------------------------------- context


def _gpt2_tokenizer_lm():
    """Just what find_word needs of an LM: GPT-2's real tokenizer behind encode()."""
    tokenizer = real_gpt2_tokenizer()
    return SimpleNamespace(encode=lambda text: tokenizer(text, add_special_tokens=False)["input_ids"])


def test_find_word_locates_the_word_tokens_exactly():
    lm = _gpt2_tokenizer_lm()
    ids = lm.encode

    river = ids("We sat on the river bank")
    assert find_word(lm, river, "bank") == [len(river) - 1]
    assert find_word(lm, ids("The bank approved my loan"), "bank") == [1]
    assert find_word(lm, ids("bank holidays are fun"), "bank") == [0]  # at the very start
    assert find_word(lm, ids("Bank holidays are fun"), "bank") is None  # case-sensitive
    assert find_word(lm, ids("I love embankments"), "bank") is None  # not inside a word
    split = ids("Transformers are everywhere")
    spots = find_word(lm, split, "Transformers")
    assert spots is not None and len(spots) >= 1 and spots[0] == 0


@pytest.mark.parametrize("fixture", ["tiny_gpt2", "tiny_llama"])
def test_context_drift_starts_at_exactly_one_and_follows_the_hidden_states(request, fixture):
    lm = request.getfixturevalue(fixture)
    learned = lm.arch.positional == "learned"
    a, b = "I deposited money at the bank", "We sat on the river bank near the bank"
    traces = [run_trace(lm, s) for s in (a, b)]
    spots = [find_word(lm, tr.token_ids, "bank") for tr in traces]
    assert all(spots)
    states = [word_states(tr.token_embeddings, tr.hidden_states, s, learned) for tr, s in zip(traces, spots)]
    assert len(states[0]) == len(point_names(lm.arch.n_layers, learned)) == lm.arch.n_layers + 1 + learned
    drift = context_drift(states)[(0, 1)]
    assert drift[0] == pytest.approx(1.0, abs=1e-6)  # same token, same row

    # independent: the model's own hidden states at the word, from a fresh forward pass
    with torch.no_grad():
        outs = [lm.model(input_ids=torch.tensor(tr.token_ids)[None], output_hidden_states=True) for tr in traces]
    for layer in range(1, lm.arch.n_layers + 1):
        va, vb = (o.hidden_states[layer][0, s[0]] for o, s in zip(outs, spots))
        want = torch.nn.functional.cosine_similarity(va, vb, dim=0).item()
        assert drift[layer + learned] == pytest.approx(want, abs=1e-5)
    if learned:  # the "+ position" point is the token row plus the position row
        wte, wpe = lm.model.transformer.wte.weight, lm.model.transformer.wpe.weight
        va = wte[traces[0].token_ids[spots[0][0]]] + wpe[spots[0][0]]
        vb = wte[traces[1].token_ids[spots[1][0]]] + wpe[spots[1][0]]
        want = torch.nn.functional.cosine_similarity(va, vb, dim=0).item()
        assert drift[1] == pytest.approx(want, abs=1e-5)
        assert spots[0][0] != spots[1][0] and drift[1] < 1.0


# --------------------------------------------------------------------------- the page


def _texts(at, kind):
    return [e.value for e in at.get(kind)]


def test_page_shows_the_model_tokens_and_matrix(app, tiny_gpt2):
    at = app(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    text = i18n.t("embeddings.default")
    n = len(tiny_gpt2.tokenizer(text, add_special_tokens=False)["input_ids"])
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[i18n.t("embeddings.n_tokens")] == str(n)
    assert metrics[i18n.t("embeddings.vocab")] == f"{tiny_gpt2.arch.vocab_size:,}"
    rows, cols = tiny_gpt2.model.transformer.wte.weight.shape
    assert metrics[i18n.t("embeddings.shape")] == f"{rows:,} × {cols:,}"
    table = at.dataframe[0].value
    assert list(table[i18n.t("embeddings.col.id")]) == tiny_gpt2.tokenizer(text, add_special_tokens=False)["input_ids"]
    assert_charts_hold_the_models_numbers(at, tiny_gpt2)


def assert_charts_hold_the_models_numbers(at, lm) -> None:
    """The six charts of the page on its defaults, each table recomputed here from the
    model's own weights and forward pass (torch, not core.embeddings)."""
    tables = chart_tables(at)
    assert [list(t.columns) for t in tables] == [
        ["position", "token", "dimension", "value"],  # the prompt's rows of the matrix
        ["word_a", "word_b", "cosine"],  # the words' cosine heatmap
        ["word_a", "word_b", "cosine"],  # the same words on random rows (tested on its own below)
        ["rank", "token", "token_id", "cosine", "label"],  # the probe's neighbours
        ["word", "pc1", "pc2"],  # the words' 2-D projection
        ["pair", "step", "point", "cosine"],  # the word in context, layer by layer
    ]
    rows, cosines, _, near, projection, drift = tables

    def encode(s):
        return lm.tokenizer(s, add_special_tokens=False)["input_ids"]

    wte = lm.model.transformer.wte.weight.detach()  # [V, d] float32
    wpe = lm.model.transformer.wpe.weight.detach()

    # 1. the prompt's tokens, each its row of wte, the first min(32, d) dimensions
    ids = encode(i18n.t("embeddings.default"))
    dims = min(32, wte.shape[1])
    assert rows["position"].tolist() == np.repeat(np.arange(len(ids)), dims).tolist()
    assert rows["dimension"].tolist() == list(range(dims)) * len(ids)
    assert [label.rsplit(" (", 1)[1] for label in rows["token"][::dims]] == [f"{i})" for i in ids]
    np.testing.assert_array_equal(rows["value"].to_numpy().reshape(len(ids), dims), wte[ids, :dims].numpy())

    # 2. each word is the mean of the rows of its tokens (after a space); cosine of each pair
    names = [w.strip() for w in i18n.t("embeddings.words_default").split(",") if w.strip()]
    vectors = torch.stack([wte[encode(" " + w)].mean(dim=0) for w in names]).double()  # [n, d]
    n = len(names)
    assert cosines["word_a"].tolist() == [a for a in names for _ in names]
    assert cosines["word_b"].tolist() == names * n
    want = torch.nn.functional.cosine_similarity(vectors[:, None], vectors[None], dim=-1)
    np.testing.assert_allclose(cosines["cosine"].to_numpy().reshape(n, n), want.numpy(), rtol=0, atol=1e-6)

    # 3. the 15 rows of the whole vocabulary nearest the probe word, best first
    probe = wte[encode(" " + i18n.t("embeddings.probe_default"))].mean(dim=0)
    cos = torch.nn.functional.cosine_similarity(wte.double(), probe.double()[None], dim=-1)
    top = torch.topk(cos, 15)
    assert near["rank"].tolist() == list(range(1, 16))
    assert near["token_id"].tolist() == top.indices.tolist()
    np.testing.assert_allclose(near["cosine"], top.values.numpy(), rtol=0, atol=1e-6)

    # 4. the words on their two principal axes: eigenvectors of the centred Gram matrix,
    # scaled by the root of their eigenvalue (each axis up to its sign)
    centred = (vectors - vectors.mean(dim=0)).numpy()
    values, vecs = np.linalg.eigh(centred @ centred.T)  # ascending
    want = vecs[:, ::-1][:, :2] * np.sqrt(values[::-1][:2])  # [n, 2]
    assert projection["word"].tolist() == names
    for axis, column in enumerate(["pc1", "pc2"]):
        got = projection[column].to_numpy()
        sign = np.sign(got @ want[:, axis])
        np.testing.assert_allclose(got * sign, want[:, axis], rtol=0, atol=1e-6)

    # 5. "bank" in each default sentence: its token row, + position, each block's output;
    # the cosine between two sentences' vectors at each of these points
    target = encode(" " + i18n.t("embeddings.target_default"))
    states = []
    for sentence in i18n.t("embeddings.sentences_default").splitlines():
        sids = encode(sentence)
        start = next(i for i in range(len(sids)) if sids[i : i + len(target)] == target)
        at_word = list(range(start, start + len(target)))
        with torch.no_grad():
            hidden = lm.model(input_ids=torch.tensor([sids]), output_hidden_states=True).hidden_states
        states.append(
            torch.stack(
                [wte[sids][at_word].mean(0), (wte[sids] + wpe[: len(sids)])[at_word].mean(0)]
                + [h[0, at_word].mean(0) for h in hidden[1:]]
            ).double()
        )
    points = [i18n.t("embeddings.point.token"), i18n.t("embeddings.point.position")] + [
        i18n.t("embeddings.point.block", n=i) for i in range(lm.arch.n_layers)
    ]  # blocks numbered from 0
    pairs = list(combinations(range(len(states)), 2))
    assert drift["pair"].tolist() == [f"{i + 1} ↔ {j + 1}" for i, j in pairs for _ in points]
    assert drift["point"].tolist() == points * len(pairs)
    want = [torch.nn.functional.cosine_similarity(states[i], states[j], dim=-1) for i, j in pairs]
    np.testing.assert_allclose(drift["cosine"], torch.cat(want).numpy(), rtol=0, atol=1e-5)


def test_page_with_edited_inputs_gives_messages_not_tracebacks(app):
    at = app(PAGE)
    at.run()
    at.text_input(key="text").set_value("").run()
    assert i18n.t("prompt.empty") in _texts(at, "info")
    assert not at.exception
    # the other sections still work with an empty tokenization box
    assert at.header[-1].value == i18n.t("embeddings.context")
    at.text_input(key="words").set_value("king").run()
    assert i18n.t("embeddings.need_two") in _texts(at, "info")
    assert i18n.t("embeddings.need_three") in _texts(at, "info")
    at.text_input(key="words").set_value("😀, 안녕하세요, zzqxv, king, , king").run()
    assert not at.exception
    assert any("😀 →" in c for c in _texts(at, "caption"))  # the split is shown
    at.text_input(key="probe").set_value("   ").run()
    assert i18n.t("embeddings.probe_empty") in _texts(at, "info")
    at.text_area(key="sentences").set_value("The bank is open\nNo such word here\nRiver bank").run()
    warning = i18n.t("embeddings.not_found", word="bank", n=2, sentence="No such word here")
    assert warning in _texts(at, "warning")
    assert not at.exception
    at.text_area(key="sentences").set_value("only one bank").run()
    assert i18n.t("embeddings.need_two_sentences", word="bank") in _texts(at, "info")
    at.text_input(key="word").set_value("").run()
    assert i18n.t("embeddings.target_empty") in _texts(at, "info")
    assert not at.exception


def test_page_in_korean_with_tampered_url(app):
    words = ",".join(f"w{i}" for i in range(MAX_WORDS + 3))
    at = app(PAGE, lang="ko", dims="99999", k="abc", words=words)
    at.run()
    assert not at.exception
    assert at.title[0].value == i18n.t("embeddings.heading", "ko")
    # dims is above its slider's range, k not a number: each named with its value
    assert sorted(_texts(at, "warning")) == sorted(
        i18n.t("param.invalid", "ko", name=name, value=value) for name, value in (("dims", "99999"), ("k", "abc"))
    )
    assert i18n.t("embeddings.words_capped", "ko", n=MAX_WORDS, total=MAX_WORDS + 3) in _texts(at, "info")


def test_the_cosine_tables_are_the_trained_rows_and_random_rows_of_the_same_shape(app, tiny_gpt2):
    """The page's two heatmaps: cosines of the model's own rows for the typed words, and of
    rows an untrained matrix of the same shape would hold (i.i.d. normal with the trained
    matrix's spread) — computed here from the matrix and the tokenizer directly."""
    from tests.helpers import chart_tables

    at = app(PAGE, words="the, bank, cat")
    at.run()
    assert not at.exception
    tables = [tb for tb in chart_tables(at) if "word_a" in tb.columns]
    assert len(tables) == 2
    W = tiny_gpt2.model.get_input_embeddings().weight.detach().numpy()
    rows = [
        W[tiny_gpt2.tokenizer(" " + w, add_special_tokens=False)["input_ids"]].mean(0) for w in ("the", "bank", "cat")
    ]
    unit = np.stack(rows) / np.linalg.norm(rows, axis=1, keepdims=True)
    np.testing.assert_allclose(tables[0]["cosine"], (unit @ unit.T).ravel(), atol=1e-6)
    rng_rows = [
        np.stack(
            [
                np.random.default_rng([0, i]).normal(0.0, W.std(), W.shape[1])
                for i in tiny_gpt2.tokenizer(" " + w, add_special_tokens=False)["input_ids"]
            ]
        ).mean(0)
        for w in ("the", "bank", "cat")
    ]
    unit = np.stack(rng_rows) / np.linalg.norm(rng_rows, axis=1, keepdims=True)
    np.testing.assert_allclose(tables[1]["cosine"], (unit @ unit.T).ravel(), atol=1e-5)


@pytest.mark.slow
def test_structure_appears_only_in_the_trained_rows_of_the_real_model():
    """The lecture's play/game/orange on SmolLM2: related words point the same way in the
    trained rows, beyond anything random rows of the same shape give by chance."""
    from core.embeddings import untrained_vector
    from core.models import load_lm

    lm = load_lm("smollm2-135m")
    index = EmbeddingIndex(lm)
    words = [index.word(lm, w) for w in ("play", "game", "orange", "apple", "king", "queen")]
    d = len(words[0].vector)
    trained = cosine_matrix(np.stack([w.vector for w in words]))
    untrained = cosine_matrix(np.stack([untrained_vector(w, d, index.scale) for w in words]))
    off = ~np.eye(len(words), dtype=bool)
    assert np.abs(untrained[off]).max() < 3 / math.sqrt(d)  # chance level
    for a, b in ((0, 1), (2, 3), (4, 5)):  # play–game, orange–apple, king–queen
        assert trained[a, b] > 2 * np.abs(untrained[off]).max()
        assert trained[a, b] > trained[a, 2 if a != 2 else 0]  # closer to its partner than to an unrelated word
