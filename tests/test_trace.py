import pickle
import re

import numpy as np
import pytest
import torch

from core.tokens import SPACE_MARK, display_tokens, token_bytes
from core.trace import MAX_PROMPT_TOKENS, EmptyPrompt, run_trace
from tests.tiny_models import GPT2_TOKENIZER_DIR, real_gpt2_tokenizer


@pytest.mark.parametrize("which", ["tiny_gpt2", "tiny_llama"])
def test_trace_shapes_and_values_match_the_model(which, request):
    lm = request.getfixturevalue(which)
    tr = run_trace(lm, "The cat sat on the mat.")
    T, L, H, d = tr.n_tokens, lm.arch.n_layers, lm.arch.n_heads, lm.arch.d_model
    assert tr.attentions.shape == (L, H, T, T)
    assert tr.hidden_states.shape == (L + 1, T, d)
    assert tr.token_embeddings.shape == (T, d)
    assert tr.next_token_logits.shape == (lm.arch.vocab_size,)
    np.testing.assert_allclose(tr.attentions.sum(-1), 1.0, atol=1e-5)
    assert np.all(np.triu(tr.attentions, k=1) == 0)  # causal: nothing from the future
    emb = lm.arch.token_embedding().detach().numpy()
    np.testing.assert_array_equal(tr.token_embeddings, emb[tr.token_ids])
    with torch.no_grad():
        logits = lm.model(input_ids=torch.from_numpy(tr.token_ids)[None]).logits[0, -1].numpy()
    np.testing.assert_allclose(tr.next_token_logits, logits, atol=1e-5)
    pickle.loads(pickle.dumps(tr))  # st.cache_data must be able to hold it


def test_gpt2_input_is_token_plus_position(tiny_gpt2):
    tr = run_trace(tiny_gpt2, "Data visualization")
    wpe = tiny_gpt2.arch.position_embedding().detach().numpy()
    np.testing.assert_array_equal(tr.position_embeddings, wpe[: tr.n_tokens])
    np.testing.assert_allclose(tr.hidden_states[0], tr.token_embeddings + tr.position_embeddings, atol=1e-6)


def test_rotary_model_has_no_position_vectors(tiny_llama):
    assert run_trace(tiny_llama, "hello").position_embeddings is None


@pytest.mark.parametrize("text", ["", "   ", "\n\t", None])
def test_empty_prompt_is_a_clear_error(tiny_gpt2, text):
    with pytest.raises(EmptyPrompt):
        run_trace(tiny_gpt2, text)


def test_long_prompt_is_capped_with_a_notice(tiny_gpt2, tiny_llama):
    text = "word " * 1000
    tr = run_trace(tiny_gpt2, text)  # context 64 < cap
    assert tr.truncated and tr.n_tokens == tiny_gpt2.arch.context_length
    assert tr.n_tokens_requested > tr.n_tokens
    tr = run_trace(tiny_llama, text)  # context 128 == cap
    assert tr.n_tokens == min(MAX_PROMPT_TOKENS, tiny_llama.arch.context_length)
    assert not run_trace(tiny_gpt2, "short").truncated


def read_back(shown: list[str]) -> str:
    """The text a list of display tokens stands for: a leading-space mark is a space, and a
    character split across tokens ("[안 1/3]", "[안 2-3/3]") is that character once all of its
    bytes have been named, in order, each exactly once."""
    out, pending = [], None  # pending: (character, bytes named so far, its byte length)
    for piece in shown:
        for part in re.split(r"(\[[^\[\]]+ \d+(?:-\d+)?/\d+\])", piece):
            if not part:
                continue
            split = re.fullmatch(r"\[(.+) (\d+)(?:-(\d+))?/(\d+)\]", part)
            if split is None:
                assert pending is None, f"{pending[0]!r} left unfinished before {part!r}"
                out.append(part.replace(SPACE_MARK, " "))
                continue
            ch, first, last, n = split[1], int(split[2]), int(split[3] or split[2]), int(split[4])
            assert n == len(ch.encode()), (part, "the byte count is the character's")
            done = 0 if pending is None else pending[1]
            assert pending is None or pending[0] == ch, (part, pending)
            assert first == done + 1 and first <= last <= n, (part, "bytes named in order, once")
            pending = None if last == n else (ch, last, n)
            if last == n:
                out.append(ch)
    assert pending is None, f"{pending[0]!r} left unfinished"
    return "".join(out)


def test_korean_and_emoji_are_readable(tiny_gpt2):
    text = "안녕 😀 ok"
    tok = tiny_gpt2.tokenizer
    ids = tok(text)["input_ids"]
    shown = display_tokens(tok, ids)
    assert len(shown) == len(ids)
    joined = "".join(shown)
    assert "�" not in joined and "ì" not in joined  # no mojibake
    assert " " not in re.sub(r"\[[^\[\]]+\]", "", joined)  # every space of the text is a mark
    assert read_back(shown) == text  # the display says exactly what the text says
    # the tiny tokenizer never learned 안, 녕 or 😀 whole: each is split, byte by byte
    for ch in "안녕😀":
        n_bytes = len(ch.encode())
        assert [s for s in shown if ch in s] == [f"[{ch} {i}/{n_bytes}]" for i in range(1, n_bytes + 1)]
    # " ok" ends the text; its tokens are shown as their own bytes say, the space as a mark
    tail = tok(" ok")["input_ids"]
    assert ids[-len(tail) :] == tail
    assert shown[-len(tail) :] == [token_bytes(tok, i).decode().replace(" ", SPACE_MARK) for i in tail]
    assert "".join(shown[-len(tail) :]) == f"{SPACE_MARK}ok"


@pytest.mark.skipif(not GPT2_TOKENIZER_DIR.exists(), reason="GPT-2 tokenizer files not beside the project")
def test_real_gpt2_tokenizer_splits_the_seed_sentence():
    tok = real_gpt2_tokenizer()
    ids = tok("Data visualization empowers users to")["input_ids"]
    assert ids == [6601, 32704, 795, 30132, 2985, 284]  # from the lecture's seed
    assert display_tokens(tok, ids) == ["Data", "␣visualization", "␣em", "powers", "␣users", "␣to"]
    shown = display_tokens(tok, tok("한국어 😀")["input_ids"])
    assert "".join(shown).replace("[", "").count("한") >= 1 and "😀" in "".join(shown)
