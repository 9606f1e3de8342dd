"""Tables the RNN-vs-attention page draws: plain pandas, no streamlit (tested without a browser)."""
from __future__ import annotations

import numpy as np
import pandas as pd

# Bahdanau, Cho & Bengio (2015), "Neural Machine Translation by Jointly Learning to Align and
# Translate", Table 1: BLEU on the WMT'14 English→French test set, all sentences.
PAPER_BLEU = (("RNNencdec-50", "plain", 17.82), ("RNNsearch-50", "attention", 26.75))


def _unique_labels(tokens: list[str]) -> list[str]:
    """Chart axes need distinct labels: "1 le", "2 chat", … keeps order and repeats apart."""
    return [f"{i + 1} {t}" for i, t in enumerate(tokens)]


def alignment_frame(source_tokens: list[str], target_tokens: list[str], weights) -> pd.DataFrame:
    """Long table of an alignment matrix [target, source]: one row per (target word, source word)."""
    w = np.asarray(weights, dtype=float)
    src, tgt = _unique_labels(source_tokens), _unique_labels(target_tokens)
    return pd.DataFrame([{"source": src[j], "target": tgt[i], "source_word": source_tokens[j],
                          "target_word": target_tokens[i], "source_pos": j, "target_pos": i,
                          "weight": float(w[i, j])}
                         for i in range(w.shape[0]) for j in range(w.shape[1])])


def context_frame(vectors: dict[str, np.ndarray]) -> pd.DataFrame:
    """{sentence label: context vector} → rows (sentence, dimension, value)."""
    return pd.DataFrame([{"sentence": label, "dimension": d, "value": float(v)}
                         for label, vec in vectors.items() for d, v in enumerate(np.asarray(vec))])


def bleu_by_length_frame(cards: dict[str, dict]) -> pd.DataFrame:
    """{model: card} → rows (model, bucket, min_words, sentences, bleu) from the cards."""
    return pd.DataFrame([{"model": name, **row} for name, card in cards.items()
                         for row in card["evaluation"]["bleu_by_length"]])


def overall_frame(cards: dict[str, dict]) -> pd.DataFrame:
    rows = []
    for name, card in cards.items():
        ev, tr = card["evaluation"], card["training"]
        rows.append({"model": name, "bleu": ev["bleu"], "exact_match": ev["exact_match"],
                     "test_sentences": ev["test_sentences"], "parameters": card["parameters"],
                     "steps": tr["steps"], "minutes": round(tr["wall_seconds"] / 60, 1)})
    return pd.DataFrame(rows)


def paper_frame() -> pd.DataFrame:
    return pd.DataFrame([{"paper_model": m, "model": kind, "bleu": b} for m, kind, b in PAPER_BLEU])


def steps_frame(translation) -> pd.DataFrame:
    """One row per decoding step: the word chosen, its probability, and the runners-up."""
    return pd.DataFrame([{"step": i + 1, "word": s.word, "probability": s.probability,
                          "candidates": ", ".join(f"{w} {p:.0%}" for w, p in s.candidates[1:])}
                         for i, s in enumerate(translation.steps)])


def lab_accuracy_frame(result) -> pd.DataFrame:
    """Lab accuracy rows in long form: (model, length, metric, accuracy)."""
    df = pd.DataFrame(result.accuracy)
    return df.melt(id_vars=["model", "length", "sequences"], value_vars=["exact", "per_token"],
                   var_name="metric", value_name="accuracy")


def loss_frame(losses: dict[str, list[float]], every: int = 1) -> pd.DataFrame:
    """Loss curves (model, step, loss), averaged over windows of ``every`` steps."""
    rows = []
    for name, values in losses.items():
        for start in range(0, len(values), max(1, every)):
            window = values[start:start + every]
            rows.append({"model": name, "step": start + len(window), "loss": float(np.mean(window))})
    return pd.DataFrame(rows)
