"""Every question's answer is what the model computes: checked against the model's own forward
pass, Hugging Face's own sampling warpers and the pages' own core functions — on the tiny
models of every family (weights sharpened so the answers are clear), on the shipped
translators, and (slow) on the real offline model. Options are unique, the same seed gives
the same question, and an input that can't be asked about says so."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from core import i18n, quiz
from core.attention import head_statistics
from core.block import block_steps, logit_attribution
from core.embeddings import EmbeddingIndex, cosine_matrix
from core.models import load_lm
from core.positional import rotary_frequencies, rotary_similarity_by_distance, sinusoidal
from core.seq2seq.data import tokenize_french
from core.trace import run_trace
from tests.helpers import sharpened
from tests.tiny_models import TINY_FAMILIES

TEXT = "The king and the queen play a game with an orange"
WORDS = ["king", "queen", "man", "woman", "game", "play", "orange", "train"]


@pytest.fixture(scope="module", params=list(TINY_FAMILIES))
def lm(request, tiny_dirs):
    return sharpened(tiny_dirs[request.param])


def own_forward(lm, text):
    ids = torch.tensor([lm.encode(text)])
    with torch.no_grad():
        return lm.model(ids, output_attentions=True)


def answer_text(q: quiz.Question, lang: str = "en") -> str:
    """The right option as it reads (not as the Markdown that draws it)."""
    return q.options[q.answer].plain(lang)


def check_shape(q, *builder_call):
    """3–5 options, unique in both languages; the public part holds no answer; same seed,
    same question."""
    assert isinstance(q, quiz.Question), q
    assert 3 <= len(q.options) <= 5 and 0 <= q.answer < len(q.options)
    for lang in i18n.LANGUAGES:
        labels = [o.render(lang) for o in q.options]
        assert len(set(labels)) == len(labels), labels
        assert q.prompt.render(lang) and q.explanation.render(lang)
    assert set(q.public()) == {"kind", "prompt", "options"}
    build, args = builder_call[0], builder_call[1:]
    assert build(*args, seed=q.seed) == q


# --------------------------------------------------------------------------- embeddings


def test_nearest_word_is_the_highest_cosine_of_the_models_own_rows(lm):
    index = EmbeddingIndex(lm)
    vectors = [index.word(lm, w).vector for w in WORDS]
    rows = lm.model.get_input_embeddings().weight.detach().double()  # Hugging Face's own matrix
    for seed in range(6):
        q = quiz.nearest_word(WORDS, vectors, seed=seed)
        check_shape(q, quiz.nearest_word, WORDS, vectors)
        word = q.prompt.values["word"]
        target = rows[lm.encode(" " + word)].mean(0)
        cos = {
            o.values["text"]: torch.nn.functional.cosine_similarity(
                rows[lm.encode(" " + o.values["text"])].mean(0), target, dim=0
            ).item()
            for o in q.options
        }
        assert answer_text(q) == max(cos, key=cos.get), (word, cos)
        assert word not in cos  # never the word itself


def test_nearest_word_needs_four_words_and_refuses_a_tie():
    v = np.eye(5)
    assert isinstance(quiz.nearest_word(["a", "b", "c"], v[:3]), quiz.Unbuildable)
    tied = quiz.nearest_word(list("abcd"), [v[0], v[0] + v[1], v[0] + v[1], v[2]])  # b and c alike
    assert (
        isinstance(tied, quiz.Unbuildable)
        or answer_text(tied) not in {"b", "c"}
        or tied.prompt.values["word"] in {"b", "c"}
    )


def test_token_count_is_the_tokenizers_split_of_the_word_after_a_space(lm):
    index = EmbeddingIndex(lm)
    words = quiz.prompt_words(TEXT + " visualization, empowers!")
    assert words[-2:] == ["visualization", "empowers"] and "The" not in words
    asked = set()
    for seed in range(12):
        q = quiz.token_count(index, lm, TEXT + " visualization, empowers!", seed=seed)
        check_shape(q, quiz.token_count, index, lm, TEXT + " visualization, empowers!")
        word = q.prompt.values["word"]
        asked.add(word)
        n = len(lm.encode(" " + word))
        assert q.answer == min(n, 5) - 1
        assert q.why.values["n"] == n
    assert len(asked) > 3  # the seed picks different words
    assert asked & set(words) and asked & set(quiz.SPLIT_PROBES)  # the prompt's and the page's hints
    q = quiz.token_count(index, lm, "Hello")  # a one-word prompt: the words the page suggests trying
    assert q.prompt.values["word"] in quiz.SPLIT_PROBES


# --------------------------------------------------------------------------- positional encoding


def independent_sinusoid(n, d):
    """The paper's formula, one number at a time."""
    import math

    return np.array(
        [
            [math.sin(p / 10000 ** (i / d)) if i % 2 == 0 else math.cos(p / 10000 ** ((i - 1) / d)) for i in range(d)]
            for p in range(n)
        ]
    )


@pytest.mark.parametrize("d", [6, 64])
def test_nearest_position_on_the_sine_waves(d):
    m = 40
    pe = independent_sinusoid(m, d)
    unit = pe / np.linalg.norm(pe, axis=1, keepdims=True)
    for seed in range(8):
        q = quiz.nearest_position(cosine_matrix(sinusoidal(m, d)), "sinusoidal", seed=seed)
        check_shape(q, quiz.nearest_position, cosine_matrix(sinusoidal(m, d)), "sinusoidal")
        p = q.prompt.values["p"]
        options = [o.values["p"] for o in q.options]
        assert len({abs(o - p) for o in options}) == len(options)  # distinct distances: no mirror ties
        sims = {o: float(unit[p] @ unit[o]) for o in options}
        assert options[q.answer] == max(sims, key=sims.get)


def test_nearest_position_on_the_models_own_positions(lm):
    m = 24
    if lm.arch.positional == "learned":
        wpe = lm.arch.position_embedding().detach().double()[:m]
        own = torch.nn.functional.cosine_similarity(wpe[:, None], wpe[None], dim=-1).numpy()
        which, matrix = "learned", cosine_matrix(wpe.numpy())
    else:  # the page's rotary matrix: a random vector turned at both positions, by the model's θ
        inv = rotary_frequencies(lm)
        curve = rotary_similarity_by_distance(inv, m, n_pairs=lm.arch.d_head // 2)
        matrix = curve[np.abs(np.arange(m)[:, None] - np.arange(m)[None])]
        angles = np.arange(m)[:, None] * inv[None]  # [m, pairs]
        pad = lm.arch.d_head // 2 - len(inv)  # pairs that never turn count cos 0 = 1
        own = (np.cos(angles[:, None] - angles[None]).sum(-1) + pad) / (lm.arch.d_head // 2)
        which = "rotary"
    for seed in range(5):
        q = quiz.nearest_position(matrix, which, seed=seed)
        check_shape(q, quiz.nearest_position, matrix, which)
        p, options = q.prompt.values["p"], [o.values["p"] for o in q.options]
        assert options[q.answer] == max(options, key=lambda o: own[p, o])


# --------------------------------------------------------------------------- attention


def test_top_key_is_the_argmax_of_the_models_own_attention(lm):
    trace = run_trace(lm, TEXT)
    attentions = own_forward(lm, TEXT).attentions
    for seed in range(6):
        q = quiz.top_key(trace, seed=seed)
        check_shape(q, quiz.top_key, trace)
        layer, head = q.prompt.values["layer"], q.prompt.values["head"]
        row = attentions[layer][0, head, -1]
        best = int(row.argmax())
        assert answer_text(q) == f"{best}: {trace.tokens[best]}"


def test_head_kind_on_heads_of_known_shape():
    T = 8
    previous = np.eye(T, k=-1)
    previous[0, 0] = 1.0
    first = np.zeros((T, T))
    first[:, 0] = 1.0
    uniform = np.tril(np.ones((T, T)))
    uniform /= uniform.sum(1, keepdims=True)
    attentions = np.stack([previous, first, uniform])[None]  # [1 layer, 3 heads, T, T]
    stats = head_statistics(attentions)
    assert [quiz.head_pattern(stats, T, 0, h) for h in range(3)] == ["previous", "first", "spread"]

    class Fake:  # a trace with these weights
        tokens = [f"t{i}" for i in range(T)]

    Fake.attentions = attentions
    kinds, places = set(), set()
    for seed in range(20):
        q = quiz.head_kind(Fake, seed=seed)
        check_shape(q, quiz.head_kind, Fake)
        h = q.prompt.values["head"]
        assert q.options[q.answer].key == f"quiz.option.head.{['previous', 'first', 'spread'][h]}"
        places.add(q.answer)
        kinds.add(h)
    assert kinds == {0, 1, 2} and places == {0, 1, 2}  # every kind there is, its option at every place


def test_head_kind_reads_the_models_own_weights(lm):
    """Every head's kind from statistics recomputed here on the model's own weights equals
    the page's; an asked head is of the kind the question says."""
    trace = run_trace(lm, TEXT)
    own = torch.stack(own_forward(lm, TEXT).attentions)[:, 0].double().numpy()  # [L, H, T, T]
    T = own.shape[-1]
    page_stats = head_statistics(trace.attentions)
    kinds = {}
    for layer in range(own.shape[0]):
        for head in range(own.shape[1]):
            a = own[layer, head]
            stats = {
                "previous": np.array([[np.mean([a[i, i - 1] for i in range(1, T)])]]),
                "first": np.array([[a[:, 0].mean()]]),
                "entropy": np.array([[np.mean([-(r[r > 0] * np.log2(r[r > 0])).sum() for r in a])]]),
            }
            kinds[layer, head] = quiz.head_pattern(stats, T, 0, 0)
            assert kinds[layer, head] == quiz.head_pattern(page_stats, T, layer, head)
    q = quiz.head_kind(trace, seed=1)
    if len({k for k in kinds.values() if k}) >= 2:  # one kind only: "always that kind" would win
        check_shape(q, quiz.head_kind, trace)
        assert q.options[q.answer].key == f"quiz.option.head.{kinds[q.prompt.values['layer'], q.prompt.values['head']]}"
    else:
        assert isinstance(q, quiz.Unbuildable)


def test_short_prompts_cant_be_asked_about(tiny_gpt2):
    trace = run_trace(tiny_gpt2, "Hi")
    assert trace.n_tokens < 3
    for build in (quiz.top_key, quiz.head_kind):
        found = build(trace)
        assert isinstance(found, quiz.Unbuildable)
        assert found.reason.render("ko") and found.reason.render("en")


# --------------------------------------------------------------------------- inside one block


def test_top_writer_is_the_largest_direct_logit_attribution(lm):
    """One of the model's eight likeliest next tokens; of the four parts offered, the answer is
    the one whose direct logit attribution is largest; the seeds ask different tokens."""
    trace = run_trace(lm, TEXT)
    if not lm.arch.additive_stream:  # post-norm: the logit does not split into one share per part
        assert quiz.top_writer(lm, trace) == quiz.Unbuildable("block.top_writer", quiz.Text("quiz.cannot.post_norm"))
        return
    logits = own_forward(lm, TEXT).logits[0, -1].double()  # the model's own prediction
    probs = torch.softmax(logits, -1)
    likeliest = [int(i) for i in torch.argsort(-logits)[:8]]
    asked = set()
    for seed in range(6):
        q = quiz.top_writer(lm, trace, seed=seed)
        check_shape(q, quiz.top_writer, lm, trace)
        token = next(i for i in likeliest if lm.display_tokens([i])[0] == q.prompt.values["token"])
        asked.add(token)
        assert q.prompt.values["p"] == pytest.approx(float(probs[token]), abs=1e-4)
        parts = logit_attribution(lm, trace, token)
        labels = [
            quiz.Text("quiz.option.part.embed") if k == "embed" else quiz.Text(f"quiz.option.part.{k}", {"layer": i})
            for k, i in zip(parts.kinds, parts.layers)
        ]
        offered = [labels.index(o) for o in q.options]
        assert q.options[q.answer] == labels[max(offered, key=lambda i: parts.values[i])]
        assert parts.values.sum() + parts.bias == pytest.approx(parts.logit, abs=1e-3)
    assert len(asked) >= 2


def test_units_firing_counts_the_mlps_positive_pre_activations(lm):
    trace = run_trace(lm, TEXT)
    for layer in range(lm.arch.n_layers):
        steps = block_steps(lm, trace, layer)
        for position in (0, trace.n_tokens - 1):
            q = quiz.units_firing(lm, steps, position)
            check_shape(q, quiz.units_firing, lm, steps, position)
            n = int((steps.mlp_pre[position] > 0).sum())
            low, high = q.options[q.answer].values["lo"], q.options[q.answer].values["hi"]
            assert low <= n <= high and q.why.values["n"] == n
            bins = [(o.values["lo"], o.values["hi"]) for o in q.options]
            assert bins[0][0] >= 0 and bins[-1][1] <= lm.arch.d_mlp
            assert all(b[0] == a[1] + 1 for a, b in zip(bins, bins[1:]))  # no gap, no overlap
    places = {quiz.units_firing(lm, steps, 0, seed=seed).answer for seed in range(8)}
    assert places == {0, 1, 2, 3}  # the answer's range sits at every place across seeds


# --------------------------------------------------------------------------- sampling


def test_next_token_is_the_models_own_argmax(lm):
    trace = run_trace(lm, TEXT)
    logits = own_forward(lm, TEXT).logits[0, -1]
    top16 = lm.display_tokens(torch.topk(logits, 16).indices.tolist())  # in the model's order
    answers = set()
    for seed in range(8):
        q = quiz.next_token(lm, trace.next_token_logits, seed=seed)
        if isinstance(q, quiz.Unbuildable):  # the two likeliest offered are too close to call
            assert q.reason == quiz.Text("quiz.cannot.tie")
            continue
        check_shape(q, quiz.next_token, lm, trace.next_token_logits)
        offered = [o.values["text"] for o in q.options]
        assert set(offered) <= set(top16)  # four of the sixteen likeliest
        assert answer_text(q) == min(offered, key=top16.index)  # the likeliest of those offered
        answers.add(answer_text(q))
    assert len(answers) >= 2  # not the model's top token every time (a tie at the top: still others)


@pytest.mark.parametrize(
    "temperature, top_k, top_p", [(1.0, 50, 0.9), (0.3, 0, 0.5), (2.0, 10, 1.0), (1.0, 0, 0.99), (0.7, 3, 0.95)]
)
def test_tokens_kept_is_what_hugging_faces_warpers_keep(lm, temperature, top_k, top_p):
    from transformers import TemperatureLogitsWarper, TopKLogitsWarper, TopPLogitsWarper

    trace = run_trace(lm, TEXT)
    scores = torch.tensor(np.asarray(trace.next_token_logits))[None].float()
    for warper in (
        [TemperatureLogitsWarper(temperature)]
        + ([TopKLogitsWarper(top_k)] if top_k else [])
        + ([TopPLogitsWarper(top_p)] if top_p < 1 else [])
    ):
        scores = warper(None, scores)
    kept = int(torch.isfinite(scores).sum())
    q = quiz.tokens_kept(trace.next_token_logits, temperature, top_k, top_p)
    if kept < quiz.FEW_KEPT:  # a handful: the chart counts them, ranges would give the answer away
        assert q == quiz.Unbuildable("sampling.tokens_kept", quiz.Text("quiz.cannot.few_kept", {"n": quiz.FEW_KEPT}))
        return
    check_shape(q, quiz.tokens_kept, trace.next_token_logits, temperature, top_k, top_p)
    chosen = q.options[q.answer].values
    assert chosen.get("lo", chosen.get("n")) <= kept <= chosen.get("hi", chosen.get("n"))
    assert q.why.values["n"] == kept
    assert isinstance(quiz.tokens_kept(trace.next_token_logits, 1.0, 0, 1.0, greedy=True), quiz.Unbuildable)


# --------------------------------------------------------------------------- translators


@pytest.fixture(scope="module")
def translators():
    from core.seq2seq import MODEL_NAMES, load_pretrained

    return {name: load_pretrained(name) for name in MODEL_NAMES}


def test_right_translator_is_the_held_out_evaluations_exact_match(translators):
    """The page's held-out buttons and the question's references are one list: every button's
    sentence is asked, its answer is the evaluation's exact match against Tatoeba's references,
    and the buttons give different answers."""
    from core.seq2seq import held_out_examples
    from core.seq2seq.data import read_pairs, split_by_english

    examples = held_out_examples()
    assert len(examples) >= 5
    data = "/work/shared/data/fra-eng.tsv"
    if __import__("os").path.exists(data):  # the references are the corpus's, all of them
        _, test = split_by_english(read_pairs(data), 0.1, seed=0)
        for sentence, refs in examples:
            assert sorted(refs) == sorted(p.french for p in test if p.english == sentence)
    seen = set()
    for sentence, refs in examples:
        assert quiz.held_out_references(sentence) == refs
        results = {n: t.translate(sentence) for n, t in translators.items()}
        right = {
            n: " ".join(r.tokens) in [" ".join(tokenize_french(x)) for x in refs] for n, r in results.items()
        }  # the card's own rule
        q = quiz.right_translator(results, sentence)
        if sum(right.values()) == 2:
            assert isinstance(q, quiz.Unbuildable)
            continue
        check_shape(q, quiz.right_translator, results, sentence)
        expected = {0: "none", 3: "all"}.get(sum(right.values())) or next(n for n in right if right[n])
        assert q.options[q.answer].key == f"quiz.option.translator.{expected}"
        seen.add(expected)
    assert len(seen) >= 4, seen  # the buttons give different answers
    assert isinstance(quiz.right_translator(results, "x", []), quiz.Unbuildable)
    assert quiz.held_out_references("Not a held-out sentence at all.") == []


def test_attended_word_is_the_argmax_of_the_alignment(translators):
    for name in ("attention", "transformer"):
        translation = translators[name].translate("I love you very much.")
        for seed in range(4):
            q = quiz.attended_word(translation, seed=seed)
            check_shape(q, quiz.attended_word, translation)
            target = q.prompt.values["n"] - 1
            best = int(np.argmax(translation.attention[target]))
            assert answer_text(q) == f"{best + 1} {translation.source_tokens[best]}"
            assert q.prompt.values["word"] == translation.tokens[target]
    plain = translators["plain"].translate("I love you.")
    assert isinstance(quiz.attended_word(plain), quiz.Unbuildable)  # no attention to ask about


# --------------------------------------------------------------------------- the real offline model


@pytest.mark.slow
def test_every_model_page_question_on_the_real_offline_model():
    lm = load_lm("smollm2-135m")
    text = "The capital of France is"
    trace = run_trace(lm, text)
    logits = own_forward(lm, text).logits[0, -1]
    assert lm.display_tokens([int(logits.argmax())])[0] == "␣Paris"
    top16 = lm.display_tokens(torch.topk(logits, 16).indices.tolist())
    for seed in range(4):
        q = quiz.next_token(lm, trace.next_token_logits, seed=seed)
        assert answer_text(q) == min((o.values["text"] for o in q.options), key=top16.index)
    q = quiz.top_writer(lm, trace)
    assert isinstance(q, quiz.Question)
    token = next(
        i for i in torch.topk(logits, 8).indices.tolist() if lm.display_tokens([i])[0] == q.prompt.values["token"]
    )
    parts = logit_attribution(lm, trace, token)
    labels = [
        quiz.Text("quiz.option.part.embed") if k == "embed" else quiz.Text(f"quiz.option.part.{k}", {"layer": i})
        for k, i in zip(parts.kinds, parts.layers)
    ]
    best = max((labels.index(o) for o in q.options), key=lambda i: parts.values[i])
    assert q.options[q.answer] == labels[best]
    attentions = own_forward(lm, text).attentions
    q = quiz.top_key(trace, seed=2)
    layer, head = q.prompt.values["layer"], q.prompt.values["head"]
    best = int(attentions[layer][0, head, -1].argmax())
    assert answer_text(q) == f"{best}: {trace.tokens[best]}"
    q = quiz.head_kind(trace)
    assert isinstance(q, quiz.Question)
    index = EmbeddingIndex(lm)
    vectors = [index.word(lm, w).vector for w in WORDS]
    q = quiz.nearest_word(WORDS, vectors, seed=1)
    sims = cosine_matrix(np.stack(vectors))
    target = WORDS.index(q.prompt.values["word"])
    assert answer_text(q) == max((o.values["text"] for o in q.options), key=lambda w: sims[target, WORDS.index(w)])
    q = quiz.token_count(index, lm, "Data visualization empowers users to")
    assert q.answer == min(len(lm.encode(" " + q.prompt.values["word"])), 5) - 1
    steps = block_steps(lm, trace, 3)
    q = quiz.units_firing(lm, steps, trace.n_tokens - 1)
    n = int((steps.mlp_pre[-1] > 0).sum())
    assert q.options[q.answer].values["lo"] <= n <= q.options[q.answer].values["hi"]


@pytest.mark.slow
def test_positions_and_sampling_questions_on_the_real_offline_model():
    """SmolLM2 is rotary: its positions question reads the page's rotary matrix from the model's
    own θ; the survivors of top-k and top-p are what Hugging Face's warpers keep."""
    from transformers import TemperatureLogitsWarper, TopKLogitsWarper, TopPLogitsWarper

    lm = load_lm("smollm2-135m")
    m, inv = 48, rotary_frequencies(lm)
    matrix = rotary_similarity_by_distance(inv, m, n_pairs=lm.arch.d_head // 2)[
        np.abs(np.arange(m)[:, None] - np.arange(m)[None])
    ]
    q = quiz.nearest_position(matrix, "rotary", seed=4)
    p, options = q.prompt.values["p"], [o.values["p"] for o in q.options]

    def own(o):
        return np.cos(abs(p - o) * inv).mean()  # every pair of SmolLM2's heads turns

    assert options[q.answer] == max(options, key=own)
    trace = run_trace(lm, "Data visualization empowers users to")
    scores = torch.tensor(np.asarray(trace.next_token_logits))[None].float()
    for warper in (TemperatureLogitsWarper(0.8), TopKLogitsWarper(50), TopPLogitsWarper(0.9)):
        scores = warper(None, scores)
    q = quiz.tokens_kept(trace.next_token_logits, 0.8, 50, 0.9)
    assert q.why.values["n"] == int(torch.isfinite(scores).sum())


# --------------------------------------------------------------------------- the lessons' questions


@pytest.mark.parametrize("seed", range(6))
def test_causal_mask_hides_exactly_the_cells_whose_key_comes_after_the_query(seed):
    tokens = ["The", "␣train", "␣left", "␣the", "␣station"]
    q = quiz.causal_mask(tokens, seed=seed)
    check_shape(q, quiz.causal_mask, tokens)
    cells = [tuple(int(x.split(":")[0]) for x in o.values["text"].split(" → ")) for o in q.options]
    hidden = [k > query for query, k in cells]  # independent: the future is key > query
    assert hidden.count(True) == 1 and hidden.index(True) == q.answer
    assert q.explanation.values["hidden"] == len(tokens) * (len(tokens) - 1) // 2
    assert isinstance(quiz.causal_mask(tokens[:2]), quiz.Unbuildable)


def test_unscaled_top_compares_the_softmax_with_and_without_the_square_root(lm):
    from core.attention import attention_steps

    text = "The train left the station on time"
    trace = run_trace(lm, text)
    for layer, head in ((0, 0), (lm.arch.n_layers - 1, lm.arch.n_heads - 1)):
        steps = attention_steps(lm, text, layer, head, trace=trace)
        query = trace.n_tokens - 1
        q = quiz.unscaled_top(steps, query)
        check_shape(q, quiz.unscaled_top, steps, query)
        raw = np.asarray(steps.q[query], np.float64) @ np.asarray(steps.k[: query + 1], np.float64).T
        soft = lambda x: np.exp(x - x.max()) / np.exp(x - x.max()).sum()  # noqa: E731
        scaled, unscaled = soft(raw * steps.scaling).max(), soft(raw).max()  # independent softmaxes
        want = "same" if abs(unscaled - scaled) < quiz.MARGIN else "higher" if unscaled > scaled else "lower"
        assert q.options[q.answer].key == f"quiz.option.unscaled.{want}"
        assert q.explanation.values["scaled"] == pytest.approx(scaled, abs=1e-5)


def test_bleu_drop_is_read_off_the_shipped_cards_and_follows_them():
    import json
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "core" / "seq2seq" / "checkpoints"
    cards = {n: json.loads((folder / n / "card.json").read_text()) for n in quiz.TRANSLATORS}
    for decoding, section in (("greedy", "evaluation"), ("beam", "evaluation_beam")):
        q = quiz.bleu_drop(cards, decoding)
        check_shape(q, quiz.bleu_drop, cards, decoding)
        drop = {}
        for name, card in cards.items():  # independent: first bucket by length minus the last
            rows = card[section]["bleu_by_length"]
            shortest, longest = min(rows, key=lambda r: r["max_words"]), max(rows, key=lambda r: r["min_words"])
            drop[name] = shortest["bleu"] - longest["bleu"]
        assert q.options[q.answer].key == f"quiz.option.model.{max(drop, key=drop.get)}"
        assert q.explanation.values["hi"] == pytest.approx(max(drop.values()))
    # cards that say otherwise give the other answer: the Transformer collapses, the plain LSTM holds
    swapped = json.loads(json.dumps(cards))
    for row in swapped["transformer"]["evaluation"]["bleu_by_length"]:
        row["bleu"] = 60.0 - 10 * row["min_words"]
    for row in swapped["plain"]["evaluation"]["bleu_by_length"]:
        row["bleu"] = 40.0
    assert quiz.bleu_drop(swapped).options[quiz.bleu_drop(swapped).answer].key == "quiz.option.model.transformer"


def test_encoder_looks_names_the_heaviest_source_word_of_the_row():
    from types import SimpleNamespace

    src = ["she", "is", "five", "years", "old", "."]
    grid = np.full((2, 2, 6, 6), 0.05)
    grid[1, 0, np.arange(6), [3, 0, 4, 2, 1, 5]] = 0.75  # layer 1, head 0: word i looks at this word
    translation = SimpleNamespace(source_tokens=src, encoder_attention=grid)
    for seed in range(4):
        q = quiz.encoder_looks(translation, 1, 0, seed=seed)
        check_shape(q, quiz.encoder_looks, translation, 1, 0)
        n = q.prompt.values["n"]
        assert q.options[q.answer].values["text"] == f"{[3, 0, 4, 2, 1, 5][n - 1] + 1} {src[[3, 0, 4, 2, 1, 5][n - 1]]}"
    flat = SimpleNamespace(source_tokens=src, encoder_attention=np.full((1, 1, 6, 6), 1 / 6))
    assert isinstance(quiz.encoder_looks(flat, 0, 0), quiz.Unbuildable)  # every row a tie
    assert isinstance(
        quiz.encoder_looks(SimpleNamespace(source_tokens=src, encoder_attention=None), 0, 0), quiz.Unbuildable
    )


def test_encoder_looks_on_the_shipped_transformer():
    from core.seq2seq import load_pretrained

    result = load_pretrained("transformer").translate("She is five years younger than me.")
    q = quiz.encoder_looks(result, 0, 0)
    check_shape(q, quiz.encoder_looks, result, 0, 0)
    n = q.prompt.values["n"]
    best = int(np.argmax(result.encoder_attention[0, 0, n - 1]))
    assert q.options[q.answer].values["text"] == f"{best + 1} {result.source_tokens[best]}"


@pytest.mark.parametrize("attention, plain, want", [(0.9, 0.2, "attention"), (0.1, 0.6, "plain"), (0.5, 0.5, "same")])
def test_lab_keeps_reads_the_runs_accuracy_at_its_longest_inputs(attention, plain, want):
    from types import SimpleNamespace

    rows = [
        {"model": m, "length": n, "exact": 1.0 if n < 30 else acc, "per_token": 1.0, "sequences": 40}
        for m, acc in (("attention", attention), ("plain", plain))
        for n in (3, 10, 30)
    ]
    result = SimpleNamespace(accuracy=rows)
    q = quiz.lab_keeps(result)
    check_shape(q, quiz.lab_keeps, result)
    assert q.options[q.answer].key == f"quiz.option.lab.{want}" and q.prompt.values["n"] == 30
    assert isinstance(quiz.lab_keeps(None), quiz.Unbuildable)


@pytest.mark.parametrize(
    "lstm, transformer, want", [(30.0, 12.0, "transformer"), (8.0, 20.0, "attention"), (10.0, 10.2, "same")]
)
def test_cheaper_step_compares_the_measured_steps_at_the_longest_target(lstm, transformer, want):
    rows = [
        {"model": "attention", "T": 4, "ms": 1.0},
        {"model": "transformer", "T": 4, "ms": 99.0},
        {"model": "attention", "T": 48, "ms": lstm},
        {"model": "transformer", "T": 48, "ms": transformer},
    ]
    q = quiz.cheaper_step(rows)
    check_shape(q, quiz.cheaper_step, rows)
    assert q.options[q.answer].key == f"quiz.option.step.{want}" and q.prompt.values["T"] == 48
    assert isinstance(quiz.cheaper_step([]), quiz.Unbuildable)


def test_top_key_in_asks_about_the_given_head(lm):
    text = "The train left the station on time"
    trace = run_trace(lm, text)
    attentions = own_forward(lm, text).attentions
    for layer, head in ((0, 1), (lm.arch.n_layers - 1, 0)):
        q = quiz.top_key_in(trace, layer, head)
        check_shape(q, quiz.top_key_in, trace, layer, head)
        assert (q.prompt.values["layer"], q.prompt.values["head"]) == (layer, head)
        best = int(attentions[layer][0, head, -1].argmax())  # independent: transformers' own weights
        assert answer_text(q) == f"{best}: {trace.tokens[best]}"
