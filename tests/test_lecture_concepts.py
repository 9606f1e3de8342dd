"""The lecture notes' concepts, each computed demonstration against an independent computation:
why √d_k, why W_Q and W_K, the tokenization trade-off, where absolute positions end, the
bidirectional encoder, gradients through time, and the claims the pages make from the data."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from core import i18n
from core.attention import attention_steps, best_matches, dot_product_spread, entropy_bits, without_scaling
from core.overview import architecture_dot
from core.positional import sinusoidal
from core.trace import run_trace

TEXT = "The train left the station on time"


# --------------------------------------------------------------------------- attention


def test_the_spread_of_q_dot_k_grows_like_the_square_root_of_d_k():
    rows = dot_product_spread(dims=(1, 4, 16, 64, 256), samples=40000)
    for r in rows:  # Var(Σ q_i k_i) = d_k for independent unit-variance parts
        assert r["measured"] == pytest.approx(math.sqrt(r["d_k"]), rel=0.03)
        assert r["sqrt_dk"] == math.sqrt(r["d_k"])


def test_without_the_scale_the_softmax_is_sharper(tiny_gpt2):
    trace = run_trace(tiny_gpt2, TEXT)
    steps = attention_steps(tiny_gpt2, TEXT, 1, 0, trace=trace)
    q = trace.n_tokens - 1
    raw = steps.q[q] @ steps.k.T  # independent: softmax of the unscaled, unmasked-past row
    want = np.exp(raw - raw.max()) / np.exp(raw - raw.max()).sum()
    np.testing.assert_allclose(without_scaling(steps, q), want, rtol=1e-5)
    assert steps.scaling == pytest.approx(1 / math.sqrt(tiny_gpt2.arch.d_head))
    assert entropy_bits(without_scaling(steps, q)) < entropy_bits(steps.weights[q])
    assert entropy_bits(np.array([0.5, 0.5])) == pytest.approx(1.0)


def test_raw_embeddings_match_themselves_and_the_head_follows_its_own_weights(tiny_gpt2):
    trace = run_trace(tiny_gpt2, TEXT)
    m = best_matches(trace, 1, 2)
    x = np.asarray(trace.token_embeddings, dtype=np.float64)
    for i in range(trace.n_tokens):  # independent: plain loops over the keys a query may see
        dots = [x[i] @ x[j] for j in range(i + 1)]
        assert m["raw"][i] == int(np.argmax(dots))
        assert m["head"][i] == int(np.argmax(trace.attentions[1, 2, i, : i + 1]))
    ids = trace.token_ids
    np.testing.assert_array_equal(m["raw_self"], ids[m["raw"]] == ids)
    assert m["raw_self"].mean() > m["head_self"].mean()  # the projections look elsewhere


# --------------------------------------------------------------------------- tokens and positions


def test_words_characters_and_subwords_on_the_same_text(tiny_gpt2):
    """The three vocabularies come from the same model; the table's counts are the text's own."""
    from core.tokenization import compare_tokenizations, model_words

    words = model_words(tiny_gpt2)
    # independent: decode every vocabulary entry, keep those that are whole words or one mark
    import unicodedata

    decoded = {tiny_gpt2.tokenizer.decode([i]).removeprefix(" ") for i in range(len(tiny_gpt2.tokenizer))}
    want = {w for w in decoded if w and all(unicodedata.category(c)[0] in "LN" for c in w)}
    want |= {
        w
        for w in decoded
        if len(w) == 1 and unicodedata.category(w) in ("Po", "Ps", "Pe", "Pd", "Sm", "So", "Sk", "Sc", "Pi", "Pf", "Pc")
    }
    want.discard("\ufffd")  # what a piece of a multi-byte character decodes to on its own
    assert words == want and {"The", "bank", "."} <= words
    text = "I love you. The zyzzyva sat."
    rows = {r["scheme"]: r for r in compare_tokenizations(tiny_gpt2, text, words)}
    split = ["I", "love", "you", ".", "The", "zyzzyva", "sat", "."]
    assert rows["words"]["tokens"] == len(split) and rows["words"]["vocabulary"] == len(want)
    assert rows["words"]["unknown"] == pytest.approx(sum(w not in want for w in split) / len(split))
    assert rows["words"]["per_sentence"] == pytest.approx(len(split) / 2)
    assert rows["characters"]["tokens"] == len(text.encode()) and rows["characters"]["unknown"] == 0.0
    assert rows["subwords"]["tokens"] == len(tiny_gpt2.encode(text))
    assert rows["subwords"]["unknown"] == 0.0 and rows["subwords"]["vocabulary"] == tiny_gpt2.arch.vocab_size


@pytest.mark.parametrize(
    "text", ["Data visualization empowers users to", "1234567 zyzzyva", "안녕하세요", "🚀 to the moon"]
)
def test_the_tradeoff_sentence_is_true_of_its_table_for_every_suggested_input(tiny_gpt2, text):
    """The page's sentence says: words lose what is not on their list; bytes never meet an
    unknown token but make the longest sequences; subwords meet nothing unknown and are
    shorter than bytes. Checked on the default prompt and each input the page suggests."""
    from core.tokenization import compare_tokenizations, model_words

    rows = {r["scheme"]: r for r in compare_tokenizations(tiny_gpt2, text, model_words(tiny_gpt2))}
    assert rows["characters"]["unknown"] == rows["subwords"]["unknown"] == 0.0
    assert rows["characters"]["tokens"] >= rows["subwords"]["tokens"] >= 1
    assert rows["characters"]["tokens"] == len(text.encode("utf-8"))
    if any(ord(c) > 127 for c in text):  # Korean, emoji: never whole words of an English vocabulary
        assert rows["words"]["unknown"] > 0


def test_learned_positions_end_where_the_table_ends_and_sinusoids_go_on(tiny_gpt2, app):
    wpe = tiny_gpt2.arch.position_embedding()
    n = tiny_gpt2.arch.context_length
    assert wpe.shape[0] == n == tiny_gpt2.model.config.n_positions
    beyond = sinusoidal(n + 3, 8)[n:]  # the paper's formula, by hand
    pos = np.arange(n, n + 3)[:, None]
    want = np.stack([np.sin(pos[:, 0] / 10000 ** (0 / 8)), np.cos(pos[:, 0] / 10000 ** (0 / 8))], 1)
    np.testing.assert_allclose(beyond[:, :2], want)
    at = app("pages/2_Positional_Encoding.py")
    at.run()
    assert not at.exception
    table = next(d.value for d in at.dataframe if i18n.t("posenc.col.learned_norm") in d.value.columns)
    column = list(table[i18n.t("posenc.col.learned_norm")])
    assert column[:2] != ["—", "—"] and column[2:] == ["—", "—", "—"]  # positions n, n+1, n+2


# --------------------------------------------------------------------------- the pages' claims


def test_the_map_names_the_models_own_norm(tiny_gpt2, tiny_llama):
    labels = {
        s: i18n.t(f"home.stage.{s}")
        for s in (
            "text",
            "tokens",
            "embed",
            "position",
            "block",
            "attention",
            "mlp",
            "norm",
            "unembed",
            "softmax",
            "next",
        )
    }
    assert "LayerNorm" in architecture_dot(tiny_gpt2, labels) and "RMSNorm" not in architecture_dot(tiny_gpt2, labels)
    assert "RMSNorm" in architecture_dot(tiny_llama, labels) and "LayerNorm" not in architecture_dot(tiny_llama, labels)


def test_the_cosine_caption_says_what_the_numbers_show(app, tiny_gpt2):
    from core.embeddings import EmbeddingIndex, cosine_matrix

    words = ["play", "game", "orange", "king"]
    at = app("pages/1_Embeddings.py", words=", ".join(words))
    at.run()
    assert not at.exception
    index = EmbeddingIndex(tiny_gpt2)
    sims = cosine_matrix(np.stack([index.word(tiny_gpt2, w).vector for w in words]))
    np.fill_diagonal(sims, np.nan)
    hi = np.unravel_index(np.nanargmax(sims), sims.shape)
    lo = np.unravel_index(np.nanargmin(sims), sims.shape)
    want = i18n.t(
        "embeddings.cosine_caption",
        a=words[hi[0]],
        b=words[hi[1]],
        hi=sims[hi],
        c=words[lo[0]],
        d=words[lo[1]],
        lo=sims[lo],
    )
    assert want in [c.value for c in at.caption]


def test_examples_are_one_click_away(app):
    at = app("pages/3_Attention.py", text="something else")
    at.run()
    at.button(key="example").click().run()
    assert at.text_input(key="text").value == "The train left the station on time"
    at = app("pages/1_Embeddings.py", words="a, b", word="cat", sentences="x")
    at.run()
    at.button(key="words_example").click().run()
    assert at.text_input(key="words").value == "play, game, orange"
    at.button(key="bank_example").click().run()
    assert at.text_input(key="word").value == "bank" and "river bank" in at.text_area(key="sentences").value


def test_step_tables_keep_their_row_labels(app):
    """pandas 3 gives string indexes a "str" dtype: the key labels and "= Σ" must still show."""
    at = app("pages/3_Attention.py", text=TEXT)
    at.run()
    assert not at.exception
    import json

    sums = [d for d in at.dataframe if "= Σ" in list(d.value.index)]
    assert sums, "the weighted-sum table has no row labels"
    assert json.loads(sums[0].proto.columns)["_index"]["hidden"] is False  # and they are shown


# --------------------------------------------------------------------------- inside the LSTMs


def tiny_translator(attention: bool):
    from core.seq2seq.data import Vocab
    from core.seq2seq.models import Seq2Seq, Seq2SeqConfig
    from core.seq2seq.translator import Translator

    src = Vocab.build([["i", "am", "very", "tired", "."]])
    tgt = Vocab.build([["je", "suis", "très", "fatigué", "."]])
    torch.manual_seed(0)
    model = Seq2Seq(Seq2SeqConfig(len(src), len(tgt), emb_size=6, hidden_size=5, attention=attention, dropout=0.0))
    return Translator(model, src, tgt)


def test_the_encoders_halves_are_a_left_to_right_and_a_right_to_left_lstm():
    from core.seq2seq.anatomy import encoder_halves

    t = tiny_translator(True)
    halves = encoder_halves(t, "I am very tired.")
    rnn = t.model.encoder.rnn
    x = t.model.encoder.embed(torch.tensor([t.src_vocab.encode(halves.tokens)]))  # [1, S, E]
    with torch.no_grad():
        for suffix, states, flip in (("", halves.forward, False), ("_reverse", halves.backward, True)):
            one_way = torch.nn.LSTM(rnn.input_size, rnn.hidden_size, batch_first=True)
            for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
                getattr(one_way, f"{name}_l0").copy_(getattr(rnn, f"{name}_l0{suffix}"))
            out, _ = one_way(x.flip(1) if flip else x)
            np.testing.assert_allclose(states, (out.flip(1) if flip else out)[0].numpy(), atol=1e-6)
    H = rnn.hidden_size
    np.testing.assert_allclose(halves.context[:H], halves.forward[-1], atol=1e-6)  # read everything →
    np.testing.assert_allclose(halves.context[H:], halves.backward[0], atol=1e-6)  # read everything ←


@pytest.mark.parametrize("attention", [False, True])
def test_source_gradients_match_finite_differences(attention):
    from core.seq2seq.anatomy import source_gradients
    from core.seq2seq.data import SOS_ID, tokenize_english
    from core.seq2seq.decoding import greedy

    t = tiny_translator(attention)
    sentence = "I am very tired."
    norms = source_gradients(t, sentence)
    tokens = tokenize_english(sentence)
    src, lens = torch.tensor([t.src_vocab.encode(tokens)]), torch.tensor([len(tokens)])
    with torch.no_grad():
        out = greedy(t.model, src, lens, max_len=2 * len(tokens) + 10)[0]
        tgt_in = torch.cat([torch.full((1, 1), SOS_ID), out[:, :-1]], 1)
        x = t.model.encoder.embed(src).double()
        model = t.model.double()

        def loss(emb):
            logits = model(src, lens, tgt_in, embedded=emb)
            return float(torch.nn.functional.cross_entropy(logits[0], out[0], reduction="sum"))

        eps = 1e-5
        for j in range(len(tokens)):  # the largest directional derivative at word j is |∂L/∂x_j|
            grads = []
            for k in range(x.shape[-1]):
                step = torch.zeros_like(x)
                step[0, j, k] = eps
                grads.append((loss(x + step) - loss(x - step)) / (2 * eps))
            assert norms[j] == pytest.approx(float(np.linalg.norm(grads)), rel=1e-3, abs=1e-7)
        model.float()


# --------------------------------------------------------------------------- the original architecture


def test_home_sets_the_2017_transformer_beside_the_translator_and_the_loaded_model(app, tiny_gpt2):
    """The family-tree table: the translator's column is its card's config, the loaded model's
    column its own sizes; the lecture's GPT-2 table (shown because another model is on screen)
    sets GPT-2 small's published figures beside the model's computed ones."""
    import json

    from core.seq2seq.pretrained import CHECKPOINTS

    at = app("Home.py")
    at.run()
    assert not at.exception
    tables = [tb.value for tb in at.table]
    arch = next(tb for tb in tables if i18n.t("arch.col.translator") in tb.columns)
    rows = dict(zip(arch[i18n.t("home.fact")], arch[i18n.t("arch.col.translator")]))
    card = json.loads((CHECKPOINTS / "transformer" / "card.json").read_text())["config"]
    assert rows[i18n.t("arch.fact.width")] == str(card["d_model"])
    assert rows[i18n.t("arch.fact.heads")] == str(card["n_heads"])
    assert rows[i18n.t("arch.fact.layers")] == f"{card['n_encoder_layers']} + {card['n_decoder_layers']}"
    mine = dict(zip(arch[i18n.t("home.fact")], arch[tiny_gpt2.display_name]))
    cfg = tiny_gpt2.model.config
    assert mine[i18n.t("arch.fact.layers")] == str(cfg.n_layer) and mine[i18n.t("arch.fact.width")] == str(cfg.n_embd)
    assert mine[i18n.t("arch.fact.cross")] == i18n.t("arch.term.no")
    lecture = next(tb for tb in tables if i18n.t("arch.col.gpt2") in tb.columns)
    mine = dict(zip(lecture[i18n.t("home.fact")], lecture[tiny_gpt2.display_name]))
    assert mine[i18n.t("arch.fact.vocab")] == f"{len(tiny_gpt2.tokenizer):,}"
    assert mine[i18n.t("arch.fact.heads")] == str(cfg.n_head)
    published = dict(zip(lecture[i18n.t("home.fact")], lecture[i18n.t("arch.col.gpt2")]))
    assert published[i18n.t("arch.fact.vocab")] == "50,257"  # the lecture's number, labelled as published


def test_the_published_gpt2_small_figures_are_gpt2_smalls():
    """The labelled reference column quotes GPT-2 small: checked against transformers' own
    GPT2Config defaults (GPT-2 small) and a model built from them."""
    from transformers import GPT2Config, GPT2LMHeadModel

    from core.overview import GPT2_SMALL_PUBLISHED as P

    c = GPT2Config()
    assert (P["layers"], P["heads"], P["width"]) == (c.n_layer, c.n_head, c.n_embd)
    assert P["head_width"] == c.n_embd // c.n_head
    assert P["mlp"] == 4 * c.n_embd and P["vocab"] == f"{c.vocab_size:,}" and P["context"] == f"{c.n_positions:,}"
    n = sum(p.numel() for p in GPT2LMHeadModel(c).parameters())
    assert P["params"] == f"{n / 1e6:,.0f} M"


# --------------------------------------------------------------------------- Bahdanau as Query, Key, Value


def test_additive_and_dot_product_scores_are_what_each_model_softmaxes():
    """The scores shown before the softmax: Bahdanau's e_ij turn into the attention LSTM's own
    alignment, the Transformer's q·k/√d_k into its own last-layer cross-attention — both for
    the same French words (the LSTM's translation, fed to both)."""
    import torch

    from core.seq2seq import load_pretrained
    from core.seq2seq.anatomy import alignment_scores
    from core.seq2seq.data import SOS_ID

    lstm, transformer = load_pretrained("attention"), load_pretrained("transformer")
    s = alignment_scores(lstm, transformer, "I love you.")
    assert s.target == lstm.translate("I love you.").tokens and s.source == ["i", "love", "you", "."]
    alpha = torch.softmax(torch.tensor(s.additive), -1).numpy()
    np.testing.assert_allclose(alpha, lstm.translate("I love you.").attention, atol=1e-5)
    src = torch.tensor([lstm.src_vocab.encode(s.source)])
    ids = lstm.tgt_vocab.encode(s.target)
    with torch.no_grad():
        memory, _ = transformer.model.encode(src)
        _, _, crosses = transformer.model.decode(torch.tensor([[SOS_ID] + ids[:-1]]), memory, src)
    np.testing.assert_allclose(torch.softmax(torch.tensor(s.dot), -1).numpy(), crosses[-1][0].numpy(), atol=1e-5)


def test_the_alignment_of_i_love_you_crosses_and_the_caption_says_where():
    """“I love you” → “Je t'aime”: t' looks at you and aime at love, so the lines cross — read
    off the model's own alignment, not assumed."""
    from core.seq2seq import load_pretrained
    from core.seq2seq.views import crossing_pairs, strongest_links

    tr = load_pretrained("attention").translate("I love you.")
    assert tr.tokens[:3] == ["je", "t'", "aime"]
    links = dict(strongest_links(tr.tokens, tr.attention))
    assert tr.source_tokens[links[1]] == "you" and tr.source_tokens[links[2]] == "love"
    assert (1, 2) in crossing_pairs(list(links.items()), tr.tokens, tr.source_tokens)
    assert crossing_pairs([(0, 0), (1, 1), (2, 2)], ["a", "b", "c"], ["x", "y", "z"]) == []  # no cross: none


def test_alignment_scores_ignore_other_sessions_translating_meanwhile_and_follow_the_words_shown():
    """The translators are shared by every session: while one reads the scores off the
    models' modules, another translating with the same models must not leak into them; and
    the scores are for the words on screen (beam search's too)."""
    import threading

    from core.seq2seq import load_pretrained
    from core.seq2seq.anatomy import alignment_scores

    lstm, transformer = load_pretrained("attention"), load_pretrained("transformer")
    alone = alignment_scores(lstm, transformer, "She is five years younger than me.")
    stop = threading.Event()

    def other_session():
        while not stop.is_set():
            lstm.translate("The black cat is sleeping on the chair.")
            transformer.translate("The black cat is sleeping on the chair.")

    others = [threading.Thread(target=other_session) for _ in range(2)]
    for thread in others:
        thread.start()
    try:
        for _ in range(5):
            busy = alignment_scores(lstm, transformer, "She is five years younger than me.")
            np.testing.assert_array_equal(busy.additive, alone.additive)
            np.testing.assert_array_equal(busy.dot, alone.dot)
    finally:
        stop.set()
        for thread in others:
            thread.join()
    beam = lstm.translate("She is five years younger than me.", beam=5)
    shown = alignment_scores(lstm, transformer, "She is five years younger than me.", beam.tokens)
    assert shown.target == beam.tokens
    alpha = np.exp(shown.additive - shown.additive.max(1, keepdims=True))
    np.testing.assert_allclose(alpha / alpha.sum(1, keepdims=True), beam.attention, atol=1e-5)
