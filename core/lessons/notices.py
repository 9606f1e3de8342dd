"""What to notice after a step's section: a sentence whose numbers are computed here, on the
model on screen (or the shipped translators and their cards), never typed in.

    values = notice_values(step, lm)                  # {"layer": 5, "share": 0.62, …}
    notice_text(step, lm).render("ko")                # the step's `notice` key filled in

Each notice key `lessons.notice.<what>` (core/strings/lessons.py) has one function below that
computes its values from the core functions the section itself calls. Render it through
`notice_text` (every value here is a plain number or string, so `t(step.notice, **values)`
works as well). No streamlit here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from core import quiz
from core.lessons.questions import (
    _head,
    _layer,
    _query,
    _words,
    clamped,
    lab_settings,
    shipped_cards,
    trace_of,
    translation,
)

if TYPE_CHECKING:
    from core.lessons.steps import Step
    from core.models import LM


def _cos(a, b) -> float:
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return float(a @ b / max(np.linalg.norm(a) * np.linalg.norm(b), 1e-12))


def _tok(text: str) -> str:
    return text.replace(" ", "␣")


# --------------------------------------------------------------------------- text and vectors


def top_token(step: Step, lm: LM) -> dict:
    """The model's most likely next token and its probability, of its whole vocabulary."""
    from core.sampling import next_token_distribution

    probs = next_token_distribution(trace_of(lm, step).next_token_logits).original  # [V]
    order = np.argsort(-probs, kind="stable")
    first, second = lm.display_tokens([int(order[0]), int(order[1])])
    return {
        "model": lm.display_name,
        "top": first,
        "p": float(probs[order[0]]),
        "second": second,
        "q": float(probs[order[1]]),
        "v": len(probs),
    }


def tokens(step: Step, lm: LM) -> dict:
    """How many tokens the prompt is, and their ids."""
    trace = trace_of(lm, step)
    pieces = " | ".join(f"{t} ({int(i)})" for t, i in zip(trace.tokens, trace.token_ids))
    return {
        "model": lm.display_name,
        "n": trace.n_tokens,
        "words": len(step.params["prompt"].split()),
        "pieces": pieces,
        "v": lm.arch.vocab_size,
    }


def tradeoff(step: Step, lm: LM) -> dict:
    """The prompt as characters, as the model's subword tokens, and its vocabulary's size."""
    trace = trace_of(lm, step)
    prompt = step.params["prompt"]
    return {"chars": len(prompt), "words": len(prompt.split()), "n": trace.n_tokens, "v": lm.arch.vocab_size}


def matrix(step: Step, lm: LM) -> dict:
    from core.embeddings import matrix_facts

    facts = matrix_facts(lm)
    return {
        "model": lm.display_name,
        "v": facts.vocab_size,
        "d": facts.d_model,
        "params": facts.n_params,
        "share": facts.share,
    }


def cosine(step: Step, lm: LM) -> dict:
    """The first word's nearest and farthest among the others (rows of the embedding matrix)."""
    from core.embeddings import EmbeddingIndex, cosine_matrix

    words = _words(step)
    index = EmbeddingIndex(lm)
    sims = cosine_matrix(np.stack([index.word(lm, w).vector for w in words]))  # [n, n]
    row = sims[0].copy()
    row[0] = np.nan
    near, far = int(np.nanargmax(row)), int(np.nanargmin(row))
    return {"word": words[0], "near": words[near], "hi": float(row[near]), "far": words[far], "lo": float(row[far])}


def bank(step: Step, lm: LM) -> dict:
    """The word in its first two sentences: cosine of its vectors before the first block and
    after the last."""
    from core.embeddings import find_word
    from core.trace import run_trace

    word = step.params["word"]
    states = []
    for sentence in [s for s in step.params["sentences"].splitlines() if s.strip()][:2]:
        trace = run_trace(lm, sentence)
        where = find_word(lm, trace.token_ids, word)
        if where is None:
            raise ValueError(f"{word!r} is not in {sentence!r}")
        states.append(
            (np.asarray(trace.token_embeddings)[where].mean(0), np.asarray(trace.hidden_states)[-1, where].mean(0))
        )
    return {
        "word": word,
        "first": _cos(states[0][0], states[1][0]),
        "last": _cos(states[0][1], states[1][1]),
        "layers": lm.arch.n_layers,
    }


# --------------------------------------------------------------------------- positions


def positions(step: Step, lm: LM) -> dict:
    """How alike positions 10 and 11, and 10 and 40, are in this model's own scheme (its learned
    rows, or its rotary turn of one vector, as the side-by-side section draws them) and in the
    sinusoidal encoding at the model's width."""
    from core.positional import learned_positions, rotary_frequencies, rotary_similarity_by_distance, sinusoidal

    near, far = (10, 11), (10, 40)
    wpe = learned_positions(lm)
    if wpe is not None:
        wpe = np.asarray(wpe, dtype=np.float64)
        own = _cos(wpe[near[0]], wpe[near[1]]), _cos(wpe[far[0]], wpe[far[1]])
    else:
        inv = np.asarray(rotary_frequencies(lm), dtype=np.float64)
        curve = rotary_similarity_by_distance(inv, far[1] - far[0], n_pairs=lm.arch.d_head // 2)  # by distance
        own = float(curve[near[1] - near[0]]), float(curve[far[1] - far[0]])
    pe = np.asarray(sinusoidal(far[1] + 1, lm.arch.d_model), dtype=np.float64)
    return {
        "model": lm.display_name,
        "near": own[0],
        "far": own[1],
        "snear": _cos(pe[near[0]], pe[near[1]]),
        "sfar": _cos(pe[far[0]], pe[far[1]]),
    }


def waves(step: Step, lm: LM) -> dict:
    """Which dimensions are sines and which cosines, and how fast the first and last pair turn."""
    from core.positional import frequencies, sinusoidal

    n, d = int(step.params.get("n", 48)), int(step.params.get("d", 64))
    pe = np.asarray(sinusoidal(n, d), dtype=np.float64)
    w = np.asarray(frequencies(d), dtype=np.float64)  # [d/2] one frequency per pair (2i, 2i+1)
    return {
        "d": d,
        "sin0": pe[0, 0],
        "cos0": pe[0, 1],
        "fast": 2 * np.pi / w[0],
        "slow": 2 * np.pi / w[-1],
        "last": d - 2,
        "last1": d - 1,
    }


def word_order(step: Step, lm: LM) -> dict:
    """Two orders of the same words: the same bag of token vectors, different final states."""
    from core.trace import run_trace

    p = step.params
    a, b = (p["a"], p["b"]) if "a" in p else (p["order_a"], p["order_b"])
    ta, tb = run_trace(lm, a), run_trace(lm, b)
    bag = float(
        np.abs(
            np.asarray(ta.token_embeddings, dtype=np.float64).sum(0)
            - np.asarray(tb.token_embeddings, dtype=np.float64).sum(0)
        ).max()
    )
    same = sorted(ta.token_ids.tolist()) == sorted(tb.token_ids.tolist())
    return {
        "n": ta.n_tokens,
        "bag": bag if same else float("nan"),
        "cos": _cos(np.asarray(ta.hidden_states)[-1, -1], np.asarray(tb.hidden_states)[-1, -1]),
    }


def positions_removed(step: Step, lm: LM) -> dict:
    """The two orders with the positions knocked out and with them on: how far apart the last
    token is after the first block and after the last (core.interventions, as the section)."""
    from core.interventions import ablated_trace, last_token_difference
    from core.trace import run_trace

    a, b = step.params["order_a"], step.params["order_b"]
    off = last_token_difference(*(ablated_trace(lm, t, [("positions",)], "zero").resid for t in (a, b)))
    on = last_token_difference(*(run_trace(lm, t).resid for t in (a, b)))
    return {"off1": float(off[0]), "on1": float(on[0]), "offL": float(off[-1]), "layers": len(off)}


# --------------------------------------------------------------------------- attention


def head_map(step: Step, lm: LM) -> dict:
    """Where the step's query token looks most, in the step's layer and head."""
    trace = trace_of(lm, step)
    layer, head, q = _layer(step, lm), _head(step, lm), _query(step, trace)
    row = np.asarray(trace.attentions[layer, head, q], dtype=np.float64)  # [T]
    best = int(np.argmax(row))
    return {
        "layer": layer,
        "head": head,
        "token": trace.tokens[q],
        "best": trace.tokens[best],
        "i": best,
        "w": float(row[best]),
    }


def steps(step: Step, lm: LM) -> dict:
    """The query row step by step: dot products, scaled, softmaxed, and where the weight goes."""
    from core.attention import attention_steps

    trace = trace_of(lm, step)
    layer, head, q = _layer(step, lm), _head(step, lm), _query(step, trace)
    s = attention_steps(lm, trace.text, layer, head, trace=trace)
    best = int(np.argmax(s.weights[q]))
    return {
        "layer": layer,
        "head": head,
        "token": trace.tokens[q],
        "best": trace.tokens[best],
        "w": float(s.weights[q, best]),
        "sum": float(s.weights[q].sum()),
        "lo": float(s.scores[q, : q + 1].min()),
        "hi": float(s.scores[q, : q + 1].max()),
    }


def mask(step: Step, lm: LM) -> dict:
    from core.attention import additive_causal_mask

    T = trace_of(lm, step).n_tokens
    hidden = int((~np.isfinite(additive_causal_mask(T).numpy())).sum())
    return {"t": T, "hidden": hidden, "cells": T * T}


def search(step: Step, lm: LM) -> dict:
    from core.attention import best_matches

    trace = trace_of(lm, step)
    layer, head = _layer(step, lm), _head(step, lm)
    match = best_matches(trace, layer, head)
    return {
        "layer": layer,
        "head": head,
        "raw": float(match["raw_self"].mean()),
        "own": float(match["head_self"].mean()),
    }


def scale(step: Step, lm: LM) -> dict:
    from core.attention import attention_steps, without_scaling

    trace = trace_of(lm, step)
    q = _query(step, trace)
    s = attention_steps(lm, trace.text, _layer(step, lm), _head(step, lm), trace=trace)
    return {"dk": lm.arch.d_head, "scaled": float(s.weights[q].max()), "unscaled": float(without_scaling(s, q).max())}


def heads(step: Step, lm: LM) -> dict:
    """How many heads park over half their weight on the first token, on this prompt."""
    from core.attention import head_statistics

    stats = head_statistics(trace_of(lm, step).attentions)
    return {
        "total": lm.arch.n_layers * lm.arch.n_heads,
        "first": int((stats["first"] > 0.5).sum()),
        "previous": int((stats["previous"] > 0.5).sum()),
    }


def concat(step: Step, lm: LM) -> dict:
    a = lm.arch
    return {"h": a.n_heads, "dh": a.d_head, "hd": a.n_heads * a.d_head, "d": a.d_model, "kv": a.n_kv_heads}


# --------------------------------------------------------------------------- the block


def mlp(step: Step, lm: LM) -> dict:
    from core.block import block_steps

    trace = trace_of(lm, step)
    layer = _layer(step, lm)
    pre = np.asarray(
        block_steps(lm, trace, layer).mlp_pre[clamped(step.params.get("token", trace.n_tokens - 1), trace.n_tokens)]
    )
    return {
        "layer": layer,
        "d": lm.arch.d_model,
        "m": lm.arch.d_mlp,
        "act": lm.arch.activation,
        "firing": int((pre > 0).sum()),
    }


def norm(step: Step, lm: LM) -> dict:
    from core.block import block_steps

    trace = trace_of(lm, step)
    layer = _layer(step, lm)
    s = block_steps(lm, trace, layer)
    x = np.asarray(s.resid_pre[-1], dtype=np.float64)
    z = np.asarray(s.norm_1.normalized[-1], dtype=np.float64)
    return {
        "kind": s.norm_1.kind,
        "layer": layer,
        "mean": float(x.mean()),
        "std": float(x.std()),
        "zmean": float(z.mean()),
        "zrms": float(np.sqrt((z**2).mean())),
    }


def residual(step: Step, lm: LM) -> dict:
    """The last token's residual stream: its size after the embedding and after the last block."""
    trace = trace_of(lm, step)
    h = np.asarray(trace.hidden_states, dtype=np.float64)[:, -1]  # [L+1, d]
    return {
        "token": trace.tokens[-1],
        "first": float(np.linalg.norm(h[0])),
        "last": float(np.linalg.norm(h[-1])),
        "layers": len(h) - 1,
    }


def dropout(step: Step, lm: LM) -> dict:
    from core.block import dropout_runs

    runs = dropout_runs(lm, trace_of(lm, step))
    p = max(runs.probabilities.values()) if runs.probabilities else 0.0
    return {
        "p": float(p),
        "eval": float(np.abs(runs.eval_logits[0] - runs.eval_logits[1]).max()),
        "train": float(np.abs(runs.train_logits[0] - runs.train_logits[1]).max()),
    }


def equations(step: Step, lm: LM) -> dict:
    from core.block import parameter_split

    split = parameter_split(lm, 0)
    return {
        "model": lm.display_name,
        "layers": lm.arch.n_layers,
        "norm": lm.arch.norm_kind,
        "params": int(sum(split.values())),
    }


# --------------------------------------------------------------------------- sampling


def temperature(step: Step, lm: LM) -> dict:
    from core.sampling import next_token_distribution

    p = step.params
    dist = next_token_distribution(trace_of(lm, step).next_token_logits, temperature=float(p.get("temp", 1.0)))
    top = int(np.argmax(dist.original))
    return {
        "t": float(p.get("temp", 1.0)),
        "top": lm.display_tokens([top])[0],
        "p1": float(dist.original[top]),
        "pt": float(dist.final[top]),
    }


def kept(step: Step, lm: LM) -> dict:
    from core.sampling import next_token_distribution

    p = step.params
    dist = next_token_distribution(
        trace_of(lm, step).next_token_logits,
        temperature=float(p.get("temp", 1.0)),
        top_k=int(p.get("topk", 0)),
        top_p=float(p.get("topp", 1.0)),
    )
    return {
        "k": int(p.get("topk", 0)),
        "topp": float(p.get("topp", 1.0)),
        "n": dist.n_kept,
        "mass": dist.mass_kept,
        "v": len(dist.final),
    }


# --------------------------------------------------------------------------- translators


def translate(step: Step, lm: LM) -> dict:
    p = step.params
    out = {
        n: translation(n, p["sentence"], p.get("decoding", "greedy")).french
        for n in ("plain", "attention", "transformer")
    }
    return {"sentence": p["sentence"], **out}


def _links(result, weights) -> str:
    w = np.asarray(weights, dtype=np.float64)  # [T, S]
    return ", ".join(
        f"{word} ← {result.source_tokens[int(np.argmax(row))]} ({row.max():.0%})" for word, row in zip(result.tokens, w)
    )


def alignment(step: Step, lm: LM) -> dict:
    """Bahdanau's alignment: each French word with the English word it weighs most."""
    result = translation("attention", step.params["sentence"], step.params.get("decoding", "greedy"))
    return {"links": _links(result, result.attention)}


def je_taime(step: Step, lm: LM) -> dict:
    """The same alignment, for the step that corrects the Seq2Seq note's "Je t'aime" pairing
    (tests/test_lessons.py checks the shipped model pairs t' with "you" and aime with "love")."""
    return alignment(step, lm)


def cross(step: Step, lm: LM) -> dict:
    """The Transformer's cross-attention (the step's layer, its heads averaged)."""
    result = translation("transformer", step.params["sentence"], step.params.get("decoding", "greedy"))
    L = result.cross_attention.shape[0]
    layer = clamped(step.params.get("cross_layer", L - 1), L)
    grid = result.cross_attention[layer].mean(0)[: len(result.tokens)]  # [T, S]
    return {"layer": layer, "links": _links(result, grid)}


def encoder_self(step: Step, lm: LM) -> dict:
    """The Transformer's encoder self-attention: how many words look most at themselves."""
    result = translation("transformer", step.params["sentence"])
    L, H = result.encoder_attention.shape[:2]
    layer, head = clamped(step.params.get("self_layer", 0), L), clamped(step.params.get("self_head", 0), H)
    grid = np.asarray(result.encoder_attention[layer, head])  # [S, S]
    best = grid.argmax(1)
    return {
        "layer": layer,
        "head": head,
        "self": int((best == np.arange(len(best))).sum()),
        "n": len(best),
        "ahead": int((best > np.arange(len(best))).sum()),
    }


def bottleneck(step: Step, lm: LM) -> dict:
    result = translation("plain", step.params["sentence"])
    return {"d": int(np.asarray(result.context).shape[0]), "n": len(result.source_tokens)}


def encoder(step: Step, lm: LM) -> dict:
    result = translation("attention", step.params["sentence"])
    d = int(np.asarray(result.context).shape[0])
    return {"h": d // 2, "d": d, "n": len(result.source_tokens)}


def bleu(step: Step, lm: LM) -> dict:
    """BLEU on the shortest and the longest held-out sentences, per translator (greedy)."""
    cards = shipped_cards()
    values = {}
    for name, card in cards.items():
        rows = sorted(card["evaluation"]["bleu_by_length"], key=lambda r: r["min_words"])
        values[f"{name}_short"], values[f"{name}_long"] = rows[0]["bleu"], rows[-1]["bleu"]
        values["short"], values["long"] = rows[0]["bucket"], rows[-1]["bucket"]
    return values


def sequential(step: Step, lm: LM) -> dict:
    """The longest sequence the lab's timing allows (core.seq2seq.lab): steps one after another for an LSTM
    layer, and the size of one head's attention matrix for self-attention (float32)."""
    from core.seq2seq.lab import MAX_TIMING_LENGTH

    T = MAX_TIMING_LENGTH
    return {"T": T, "mib": T * T * 4 / 2**20}


def training_mask(step: Step, lm: LM) -> dict:
    """The longest target the lab's training-step timing allows: the LSTM decoder's steps in a row, and
    the cells the Transformer's causal mask hides in its one pass."""
    from core.attention import additive_causal_mask
    from core.seq2seq.lab import MAX_STEP_LENGTH

    T = MAX_STEP_LENGTH
    return {"T": T, "hidden": int((~np.isfinite(additive_causal_mask(T).numpy())).sum()), "cells": T * T}


def lab(step: Step, lm: LM) -> dict:
    settings = lab_settings(step)
    return {
        "lo": settings.min_length,
        "hi": settings.max_length,
        "h": settings.hidden_size,
        "ratio": settings.max_length / settings.hidden_size,
    }


NOTICES = {
    f"lessons.notice.{f.__name__}": f
    for f in (
        top_token,
        tokens,
        tradeoff,
        matrix,
        cosine,
        bank,
        positions,
        waves,
        word_order,
        positions_removed,
        head_map,
        steps,
        mask,
        search,
        scale,
        heads,
        concat,
        mlp,
        norm,
        residual,
        dropout,
        equations,
        temperature,
        kept,
        translate,
        alignment,
        je_taime,
        cross,
        encoder_self,
        bottleneck,
        encoder,
        bleu,
        sequential,
        training_mask,
        lab,
    )
}


def notice_values(step: Step, lm: LM) -> dict:
    """The numbers the step's notice says, computed now (an empty dict for a step without one)."""
    if step.notice is None:
        return {}
    return NOTICES[step.notice](step, lm)


def notice_text(step: Step, lm: LM) -> quiz.Text | None:
    """The step's notice as a catalog text with its values (nested texts rendered too)."""
    if step.notice is None:
        return None
    return quiz.Text(step.notice, notice_values(step, lm))
