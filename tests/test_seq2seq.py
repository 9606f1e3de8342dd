"""core.seq2seq: data split, models, training, BLEU, shipped checkpoints."""

import math
from pathlib import Path

import numpy as np
import pytest
import torch

from core.seq2seq import MAX_INPUT_WORDS, load_pretrained, load_translator
from core.seq2seq.data import (
    Pair,
    Vocab,
    detokenize_french,
    group_references,
    normalize,
    read_pairs,
    split_by_english,
    tokenize_english,
    tokenize_french,
)
from core.seq2seq.decoding import greedy
from core.seq2seq.evaluate import bleu_by_length, corpus_bleu, english_word_count, exact_match_rate, reference_streams
from core.seq2seq.models import BahdanauAttention, Seq2Seq, Seq2SeqConfig
from core.seq2seq.pretrained import CHECKPOINTS
from core.seq2seq.train import encode_pairs, make_batch, save_checkpoint, train_steps

# A small corpus in the Tatoeba shape: English sentences repeated with several translations.
TOY = [
    ("I am tired.", "Je suis fatigué."),
    ("I am tired.", "Je suis fatiguée."),
    ("I'm happy.", "Je suis heureux."),
    ("I'm happy.", "Je suis heureuse."),
    ("He is tall.", "Il est grand."),
    ("She is tall.", "Elle est grande."),
    ("We are late.", "Nous sommes en retard."),
    ("They are here.", "Ils sont ici."),
    ("They are here.", "Elles sont ici."),
    ("The cat is black.", "Le chat est noir."),
    ("The dog is small.", "Le chien est petit."),
    ("I love you.", "Je t'aime."),
    ("I love you.", "Je vous aime."),
    ("Go!", "Va !"),
    ("Go!", "Allez !"),
    ("go!", "Vas-y !"),
    ("Run.", "Cours."),
    ("Thank you.", "Merci."),
    ("You are kind.", "Tu es gentil."),
    ("You are kind.", "Vous êtes gentil."),
    ("It is cold.", "Il fait froid."),
    ("The house is big.", "La maison est grande."),
    ("I see the cat.", "Je vois le chat."),
    ("I see the dog.", "Je vois le chien."),
]
TOY_PAIRS = [Pair(e, f) for e, f in TOY]


# ----------------------------------------------------------------------------- data


def test_read_pairs_with_and_without_attribution_column(tmp_path):
    two = tmp_path / "two.tsv"
    two.write_text("Go.\tVa !\nHi.\tSalut !\n\nbroken line\n", encoding="utf-8")
    three = tmp_path / "three.tsv"
    three.write_text("Go.\tVa !\tCC-BY 2.0 (France) Attribution: tatoeba.org #2877272\n", encoding="utf-8")
    assert read_pairs(two) == [Pair("Go.", "Va !"), Pair("Hi.", "Salut !")]
    assert read_pairs(three) == [Pair("Go.", "Va !")]


def test_normalisation_and_tokenisation():
    assert normalize("  L’homme\u202f!  ") == "l'homme !"
    assert tokenize_english("Don't run, Tom!") == ["don't", "run", ",", "tom", "!"]
    assert tokenize_french("J'ai vu l’homme. Est-ce vrai ?") == [
        "j'",
        "ai",
        "vu",
        "l'",
        "homme",
        ".",
        "est-ce",
        "vrai",
        "?",
    ]
    assert detokenize_french(["j'", "ai", "faim", "."]) == "j'ai faim ."


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_split_keeps_every_english_sentence_on_one_side(seed):
    train, test = split_by_english(TOY_PAIRS, test_fraction=0.3, seed=seed)
    assert train and test
    assert sorted(train + test, key=repr) == sorted(TOY_PAIRS, key=repr)
    # "Go!" and "go!" are the same sentence after normalisation
    assert not {normalize(p.english) for p in train} & {normalize(p.english) for p in test}


def test_split_is_seeded():
    assert split_by_english(TOY_PAIRS, 0.3, seed=5) == split_by_english(TOY_PAIRS, 0.3, seed=5)
    splits = {tuple(p.english for p in split_by_english(TOY_PAIRS, 0.3, seed=s)[1]) for s in range(6)}
    assert len(splits) > 1


def test_vocabulary_comes_from_training_words_only():
    train, test = split_by_english(TOY_PAIRS, 0.3, seed=0)
    vocab = Vocab.build([tokenize_english(p.english) for p in train])
    assert vocab.itos[:4] == ["<pad>", "<sos>", "<eos>", "<unk>"]
    train_words = {t for p in train for t in tokenize_english(p.english)}
    assert set(vocab.itos[4:]) == train_words
    assert vocab.encode(["zyzzyva"]) == [vocab.unk_id]
    words = sorted(train_words)[:2]
    assert vocab.decode(vocab.encode(words) + [vocab.eos_id, 7]) == words


def test_vocabulary_min_frequency():
    vocab = Vocab.build([["a", "a", "b"], ["a", "c", "c"]], min_freq=2)
    assert vocab.itos[4:] == ["a", "c"]


def test_group_references_collects_every_translation():
    groups = dict(group_references(TOY_PAIRS))
    assert sorted(groups["I love you."]) == ["Je t'aime.", "Je vous aime."]
    assert len(groups["Go!"]) == 3  # "go!" joins "Go!"


# --------------------------------------------------------------------------- models


def tiny_model(attention: bool, src_vocab=20, tgt_vocab=22):
    torch.manual_seed(0)
    return Seq2Seq(Seq2SeqConfig(src_vocab, tgt_vocab, emb_size=12, hidden_size=16, attention=attention, dropout=0.0))


def test_bahdanau_attention_is_the_additive_formula():
    torch.manual_seed(0)
    attn = BahdanauAttention(query_size=5, key_size=6, attn_size=4)
    s = torch.randn(2, 5)
    h = torch.randn(2, 3, 6)
    mask = torch.ones(2, 3, dtype=torch.bool)
    ctx, alpha = attn(s, attn.project_keys(h), h, mask)
    W, U, b, v = attn.W_a.weight, attn.U_a.weight, attn.U_a.bias, attn.v_a.weight[0]
    for bi in range(2):
        e = torch.stack([v @ torch.tanh(W @ s[bi] + U @ h[bi, j] + b) for j in range(3)])
        a = torch.softmax(e, 0)
        torch.testing.assert_close(alpha[bi], a)
        torch.testing.assert_close(ctx[bi], (a[:, None] * h[bi]).sum(0))


def test_attention_weights_are_a_distribution_over_real_source_positions():
    model = tiny_model(attention=True).eval()
    src = torch.tensor([[5, 6, 7, 8, 9], [5, 6, 0, 0, 0]])  # second sentence padded
    lens = torch.tensor([5, 2])
    ids, alpha, _ = greedy(model, src, lens, max_len=6)
    assert alpha.shape == (2, ids.size(1), 5)
    assert (alpha >= 0).all()
    torch.testing.assert_close(alpha.sum(-1), torch.ones(2, ids.size(1)))
    assert (alpha[1, :, 2:] == 0).all()  # padding never receives weight
    assert (alpha[1, :, :2] > 0).all()


def test_padding_does_not_change_the_translation():
    for attention in (False, True):
        model = tiny_model(attention).eval()
        alone, padded = (torch.tensor([[5, 6]]), torch.tensor([2])), (torch.tensor([[5, 6, 0, 0]]), torch.tensor([2]))
        assert torch.equal(greedy(model, *alone, max_len=5)[0], greedy(model, *padded, max_len=5)[0])
        with torch.no_grad():
            torch.testing.assert_close(model.start(*alone)["context"], model.start(*padded)["context"])


def test_plain_model_has_no_attention_and_a_fixed_size_context():
    model = tiny_model(attention=False).eval()
    short = torch.tensor([[5, 6, 7]]), torch.tensor([3])
    long = torch.tensor([[5, 6, 7, 8, 9, 10, 11, 12, 13]]), torch.tensor([9])
    with torch.no_grad():
        sizes = {model.start(*x)["context"].shape for x in (short, long)}
    assert sizes == {(1, 2 * model.cfg.hidden_size)}
    assert greedy(model, *short, max_len=4)[1] is None


@pytest.mark.parametrize("attention", [False, True])
def test_tiny_model_loss_goes_down(attention):
    train, _ = split_by_english(TOY_PAIRS, 0.2, seed=0)
    sv = Vocab.build([tokenize_english(p.english) for p in train])
    tv = Vocab.build([tokenize_french(p.french) for p in train])
    model = tiny_model(attention, len(sv), len(tv))
    examples = encode_pairs(train, sv, tv)
    batch = make_batch(examples)
    before = model.loss(*batch).item()
    computed, reported = [], []
    real_loss = model.loss

    def loss_of_batch(*args):  # every loss the loop computes, as it computes it
        loss = real_loss(*args)
        computed.append(loss.item())
        return loss

    model.loss = loss_of_batch  # shadows the method on this instance only
    losses = train_steps(
        model, examples, steps=40, batch_size=8, lr=1e-2, on_step=lambda step, loss: reported.append((step, loss))
    )
    del model.loss
    after = model.loss(*batch).item()
    # one loss per step, the one of the batch that step trained on, reported as it happened
    assert losses == computed
    assert reported == list(enumerate(losses))
    assert all(math.isfinite(x) for x in losses)
    # and training lowers it: the last steps' batches against the first ones', the full set
    assert np.mean(losses[-5:]) < 0.7 * np.mean(losses[:5])
    assert after < 0.7 * before


# ------------------------------------------------------------------------------ BLEU


def test_bleu_identical_is_100():
    score, signature = corpus_bleu(["le chat est noir ."], [["le chat est noir ."]])
    assert score.score == pytest.approx(100.0)
    assert "tok:none" in signature


def test_bleu_hand_computed_brevity_penalty():
    # all n-grams of the 4-word hypothesis match, but the reference has 5 words:
    # BLEU = BP = exp(1 - 5/4)
    score, _ = corpus_bleu(["a b c d"], [["a b c d e"]])
    assert score.score == pytest.approx(100 * math.exp(1 - 5 / 4), abs=0.01)


def test_bleu_uses_every_reference_and_a_variable_number_of_them():
    hyps = ["je vous aime .", "merci ."]
    refs = [["je t' aime .", "je vous aime ."], ["merci ."]]
    assert reference_streams(refs) == [["je t' aime .", "merci ."], ["je vous aime .", None]]
    assert corpus_bleu(hyps, refs)[0].score == pytest.approx(100.0)
    # with only the first reference the first hypothesis no longer matches exactly
    assert corpus_bleu(hyps, [r[:1] for r in refs])[0].score < 100.0


def test_bleu_by_length_puts_sentences_in_their_bucket():
    hyps = ["a b c d", "x y z w", "p q r s"]
    refs = [["a b c d"], ["x y z w"], ["nothing here at all"]]
    rows = bleu_by_length(hyps, refs, lengths=[2, 3, 7], buckets=((1, 3), (4, 6), (7, 1000)))
    # labelled by what each bucket holds: 2–3 words, and 7 (not the open-ended 7–1000)
    assert [(r["bucket"], r["sentences"]) for r in rows] == [("2–3", 2), ("7", 1)]
    assert (rows[1]["min_words"], rows[1]["max_words"]) == (7, 7)
    assert rows[0]["bleu"] == pytest.approx(100.0)
    assert rows[1]["bleu"] == pytest.approx(0.0)


def test_exact_match_and_word_count():
    assert exact_match_rate(["a", "b", "c", "d"], [["a"], ["x", "b"], ["y"], ["z"]]) == 0.5
    assert english_word_count("Don't run, Tom!") == 3


# --------------------------------------------------------------- checkpoints, translate


def test_checkpoint_round_trip(tmp_path):
    train, _ = split_by_english(TOY_PAIRS, 0.2, seed=0)
    sv = Vocab.build([tokenize_english(p.english) for p in train])
    tv = Vocab.build([tokenize_french(p.french) for p in train])
    model = tiny_model(True, len(sv), len(tv))
    train_steps(model, encode_pairs(train, sv, tv), steps=5, batch_size=8)
    save_checkpoint(model, sv, tv, {"model": "attention"}, tmp_path)
    loaded = load_translator(tmp_path)
    assert loaded.src_vocab.itos == sv.itos and loaded.tgt_vocab.itos == tv.itos
    original = model.state_dict()
    assert loaded.model.state_dict().keys() == original.keys()
    # the weights are stored as fp16 and read back as float32: exactly the fp16 round trip
    for k, v in original.items():
        want = v.half().float() if v.is_floating_point() else v
        got = loaded.model.state_dict()[k]
        assert got.dtype == want.dtype, k
        torch.testing.assert_close(got, want, rtol=0, atol=0, msg=k)


@pytest.fixture(scope="module")
def shipped():
    if not (CHECKPOINTS / "attention" / "model.pt").exists():
        pytest.skip("checkpoints not trained yet")
    return {name: load_pretrained(name) for name in ("plain", "attention")}


def test_translate_through_shipped_checkpoints(shipped):
    att = shipped["attention"].translate("I am very tired.")
    assert att.tokens and all(isinstance(t, str) and t for t in att.tokens)
    assert att.attention.shape == (len(att.tokens), len(att.source_tokens))
    np.testing.assert_allclose(att.attention.sum(1), 1.0, rtol=1e-5)
    plain = shipped["plain"].translate("I am very tired.")
    assert plain.tokens and plain.attention is None
    assert not any(att.oov)
    assert "<unk>" not in att.tokens and "<eos>" not in att.tokens


def test_translate_flags_unknown_words_and_never_crashes(shipped):
    t = shipped["attention"]
    r = t.translate("I like zyzzyvas.")
    assert r.oov == [w == "zyzzyvas" for w in r.source_tokens] and r.oov_words == ["zyzzyvas"]
    assert t.translate("").empty and t.translate("   ").tokens == []
    korean = t.translate("안녕하세요 😀")
    assert korean.all_unknown
    long = t.translate("the cat " * 2500)
    assert long.truncated and len(long.source_tokens) == MAX_INPUT_WORDS
    assert not t.translate("the black cat").truncated


def test_context_vector_has_the_same_size_for_short_and_long_sentences(shipped):
    p = shipped["plain"]
    a = p.translate("I am tired.").context
    b = p.translate("She is five years younger than me and my brother.").context
    assert a.shape == b.shape and not np.allclose(a, b)


def test_cards_report_measured_scores(shipped):
    for translator in shipped.values():
        ev = translator.card["evaluation"]
        assert 0 <= ev["bleu"] <= 100 and ev["bleu_by_length"]
        assert sum(r["sentences"] for r in ev["bleu_by_length"]) == ev["test_sentences"]
        assert "Tatoeba" in translator.card["data"]["credit"]


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "fra-eng.tsv"


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.exists(), reason="the Tatoeba corpus is not beside the project")
def test_shipped_scores_are_reproduced_and_meet_the_targets(shipped):
    """Re-split the corpus as the card says, re-translate the held-out half, re-score with
    sacrebleu: the cards' numbers must come back, and attention must beat plain by ≥ 5 BLEU."""
    from core.seq2seq.data import read_pairs, split_by_english
    from core.seq2seq.evaluate import evaluate

    scores = {}
    for name, translator in shipped.items():
        card = translator.card
        train, test = split_by_english(read_pairs(CORPUS), card["data"]["test_fraction"], seed=card["training"]["seed"])
        train_english = {p.english for p in train}
        assert not any(p.english in train_english for p in test)
        again = evaluate(translator.model, translator.src_vocab, translator.tgt_vocab, test)
        assert again["bleu"] == pytest.approx(card["evaluation"]["bleu"], abs=0.05)
        assert again["test_sentences"] == card["evaluation"]["test_sentences"]
        scores[name] = again["bleu"]
    assert scores["attention"] >= 30 and scores["attention"] >= scores["plain"] + 5


def test_the_package_and_its_page_modules_import_no_torch():
    """The translation page draws its title before torch loads: core.seq2seq's public names
    and its charts import none; torch comes with the first model."""
    import subprocess
    import sys

    code = (
        "import sys, streamlit\n"
        "import core.seq2seq, core.seq2seq.charts\n"
        "from core.seq2seq import BEAM, MODEL_NAMES, load_card\n"
        "load_card(MODEL_NAMES[0])\n"
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_source_tokens_cap_words_and_characters():
    from core.seq2seq.data import MAX_INPUT_CHARS, source_tokens

    assert source_tokens("I am tired.") == (["i", "am", "tired", "."], False)
    tokens, cut = source_tokens("word " * (MAX_INPUT_WORDS + 5))
    assert len(tokens) == MAX_INPUT_WORDS and cut
    assert source_tokens("a" * (MAX_INPUT_CHARS + 1))[1]
    assert source_tokens(None) == ([], False)


def test_views_label_codes_and_reshape_timings():
    from core.seq2seq import views

    t = lambda key: f"<{key}>"  # noqa: E731
    frame = views.labelled(
        [{"model": "plain", "metric": "exact"}, {"model": "attention", "metric": "exact"}], t, metric="rnn.lab.metric"
    )
    assert list(frame["model_label"]) == ["<rnn.model.plain>", "<rnn.model.attention>"]
    assert list(frame["metric_label"]) == ["<rnn.lab.metric.exact>"] * 2
    rows = [
        {
            "T": 16,
            "lstm_ms": 1.0,
            "attention_ms": 0.5,
            "lstm_sequential_steps": 16,
            "attention_sequential_steps": 1,
            "attention_matrix_bytes": 1024,
        }
    ]
    lines, table = views.layer_timing_frames(rows)
    assert sorted(zip(lines["model"], lines["ms"])) == [("attention", 0.5), ("lstm", 1.0)]
    assert list(table.columns)[-1] == "attention_matrix_kb" and table["attention_matrix_kb"][0] == 1.0
    mask = views.causal_mask_frame(4)
    assert list(mask["masked"]) == [j > i for i in range(4) for j in range(4)]
