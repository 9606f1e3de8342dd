"""Tables the translation page draws: plain pandas, no streamlit (tested without a browser)."""

from __future__ import annotations

import numpy as np
import pandas as pd

# BLEU on the WMT'14 English→French test set, as the papers report it:
# Bahdanau, Cho & Bengio (2015), Table 1 (all sentences); Vaswani et al. (2017), Table 2.
PAPER_BLEU = (
    ("RNNencdec-50 (Bahdanau et al. 2015)", "plain", 17.82),
    ("RNNsearch-50 (Bahdanau et al. 2015)", "attention", 26.75),
    ("Transformer base (Vaswani et al. 2017)", "transformer", 38.1),
)


def labelled(rows, t, **columns) -> pd.DataFrame:
    """`rows` (a DataFrame, or a list of dicts) with translated labels beside its codes:
    `model_label` for the `model` column (the catalog's "rnn.model.<name>"), and
    `<column>_label` for every column="catalog prefix" given (the label of value v is
    t("<prefix>.<v>"); model="…" overrides the models' prefix). `t`: key → text."""
    frame = pd.DataFrame(rows)
    if "model" in frame:
        columns = {"model": "rnn.model", **columns}
    for column, prefix in columns.items():
        names = {v: t(f"{prefix}.{v}") for v in frame[column].unique()}  # map by dict: vectorised
        frame = frame.assign(**{f"{column}_label": frame[column].map(names)})
    return frame


def _unique_labels(tokens: list[str]) -> list[str]:
    """Chart axes need distinct labels: "1 le", "2 chat", … keeps order and repeats apart."""
    return [f"{i + 1} {t}" for i, t in enumerate(tokens)]


def _causal_allowed(T: int, S: int) -> np.ndarray:
    """[T, S] True where query i may read key j (j ≤ i): transformer.causal_allowed, in numpy."""
    return np.tri(T, S, dtype=bool)


def alignment_frame(source_tokens: list[str], target_tokens: list[str], weights, causal: bool = False) -> pd.DataFrame:
    """Long table of an attention matrix [target (queries), source (keys)]: one row per cell.
    `causal`: a self-attention that may not look ahead — cells with key > query are masked."""
    w = np.asarray(weights, dtype=float)
    T, S = w.shape
    i, j = np.divmod(np.arange(T * S), S)  # row-major: every source cell of target 0, then 1, …

    def words(tokens):
        return np.array(tokens, dtype=object)

    return pd.DataFrame(
        {
            "source": words(_unique_labels(source_tokens))[j],
            "target": words(_unique_labels(target_tokens))[i],
            "source_word": words(source_tokens)[j],
            "target_word": words(target_tokens)[i],
            "source_pos": j,
            "target_pos": i,
            "weight": w.ravel(),
            "masked": ~_causal_allowed(T, S).ravel() if causal else np.zeros(T * S, dtype=bool),
        }
    )


def causal_mask_frame(n: int) -> pd.DataFrame:
    """The causal mask drawn as attention over n positions y0 … y(n-1): each reads itself and
    the positions before it, with equal weight; the cells after it are masked."""
    allowed = _causal_allowed(n, n)
    words = [f"y{i}" for i in range(n)]
    return alignment_frame(words, words, allowed / allowed.sum(axis=1, keepdims=True), causal=True)


def context_frame(vectors: dict[str, np.ndarray]) -> pd.DataFrame:
    """{sentence label: context vector} → rows (sentence, dimension, value)."""
    return pd.concat(
        [
            pd.DataFrame({"sentence": label, "dimension": np.arange(len(vec)), "value": np.asarray(vec, dtype=float)})
            for label, vec in vectors.items()
        ],
        ignore_index=True,
    )


EVALUATIONS = {"greedy": "evaluation", "beam": "evaluation_beam"}  # decoding -> card section


def bleu_by_length_frame(cards: dict[str, dict]) -> pd.DataFrame:
    """{model: card} → rows (model, decoding, bucket, min_words, sentences, bleu) from the cards."""
    return pd.DataFrame(
        [
            {"model": name, "decoding": decoding, **row}
            for name, card in cards.items()
            for decoding, section in EVALUATIONS.items()
            if section in card
            for row in card[section]["bleu_by_length"]
        ]
    )


def overall_frame(cards: dict[str, dict]) -> pd.DataFrame:
    """One row per model: BLEU greedy and beam, exact match, size, training budget and time."""
    rows = []
    for name, card in cards.items():
        ev, tr = card["evaluation"], card["training"]
        rows.append(
            {
                "model": name,
                "bleu": ev["bleu"],
                "bleu_beam": card.get("evaluation_beam", {}).get("bleu", np.nan),
                "exact_match": ev["exact_match"],
                "test_sentences": ev["test_sentences"],
                "parameters": card["parameters"],
                "steps": tr["steps"],
                "pairs_seen": tr["steps"] * tr["batch_size"],
                "minutes": round(tr["wall_seconds"] / 60, 1),
                "seconds_per_step": round(tr["wall_seconds"] / tr["steps"], 3),
            }
        )
    return pd.DataFrame(rows)


def loss_time_frame(cards: dict[str, dict]) -> pd.DataFrame:
    """Training loss against wall-clock minutes, one line per model, from the cards. A card
    with `loss_curve_seconds` gives the time of every point; an older card only its total
    time, so its points are spread evenly over it (every step of a run costs about the same)."""
    rows = []
    for name, card in cards.items():
        tr = card["training"]
        curve, every = tr["loss_curve"], tr["loss_curve_every"]
        seconds = tr.get("loss_curve_seconds") or [
            min(tr["steps"], (i + 1) * every) / tr["steps"] * tr["wall_seconds"] for i in range(len(curve))
        ]
        rows += [
            {"model": name, "minutes": s / 60, "step": min(tr["steps"], (i + 1) * every), "loss": loss}
            for i, (s, loss) in enumerate(zip(seconds, curve))
        ]
    return pd.DataFrame(rows)


def paper_frame() -> pd.DataFrame:
    return pd.DataFrame([{"paper_model": m, "model": kind, "bleu": b} for m, kind, b in PAPER_BLEU])


def gradient_frame(tokens: dict[str, list[str]], norms: dict[str, np.ndarray]) -> pd.DataFrame:
    """{model: [S] gradient norms} → rows (model, position, word, norm, share): `share` is the
    norm over the sentence's largest, so sentences and models compare by shape."""
    rows = []
    for name, g in norms.items():
        g = np.asarray(g, dtype=float)
        top = g.max() if len(g) and g.max() > 0 else 1.0
        rows += [
            {"model": name, "position": j, "word": f"{j + 1} {w}", "norm": float(v), "share": float(v / top)}
            for j, (w, v) in enumerate(zip(tokens[name], g))
        ]
    return pd.DataFrame(rows)


def halves_frame(halves, dims: int) -> pd.DataFrame:
    """The encoder's two directions as cells (word, position, direction, dimension, value),
    the first `dims` numbers of each, word by word."""
    S, d = len(halves.tokens), min(dims, halves.forward.shape[1])
    j, k = np.divmod(np.arange(S * d), d)  # row-major: every dimension of word 0, then 1, …
    words = np.array(_unique_labels(halves.tokens), dtype=object)[j]
    return pd.concat(
        [
            pd.DataFrame(
                {
                    "word": words,
                    "position": j,
                    "direction": direction,
                    "dimension": k,
                    "value": np.asarray(states[:, :d], dtype=float).ravel(),
                }
            )
            for direction, states in (("forward", halves.forward), ("backward", halves.backward))
        ],
        ignore_index=True,
    )


def lab_accuracy_frame(result) -> pd.DataFrame:
    """Lab accuracy rows in long form: (model, length, metric, accuracy)."""
    df = pd.DataFrame(result.accuracy)
    return df.melt(
        id_vars=["model", "length", "sequences"],
        value_vars=["exact", "per_token"],
        var_name="metric",
        value_name="accuracy",
    )


def loss_frame(losses: dict[str, list[float]], every: int = 1) -> pd.DataFrame:
    """Loss curves (model, step, loss), averaged over windows of ``every`` steps."""
    rows = []
    for name, values in losses.items():
        for start in range(0, len(values), max(1, every)):
            window = values[start : start + every]
            rows.append({"model": name, "step": start + len(window), "loss": float(np.mean(window))})
    return pd.DataFrame(rows)


def exact_at_longest(result) -> dict[str, float]:
    """{model: exact-sequence accuracy} on the lab's longest test inputs."""
    longest = max(row["length"] for row in result.accuracy)
    return {row["model"]: row["exact"] for row in result.accuracy if row["length"] == longest}


def candidates_frame(step) -> pd.DataFrame:
    """One decoding step's runners-up: (word, probability), best first."""
    return pd.DataFrame(step.candidates, columns=["word", "probability"])


def layer_timing_frames(rows: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """sequential_vs_parallel's rows as (the lines: T, model "lstm" | "attention", ms) and
    (the table, the attention matrix in KB)."""
    table = pd.DataFrame(rows)
    lines = table.melt(id_vars=["T"], value_vars=["lstm_ms", "attention_ms"], var_name="model", value_name="ms")
    lines["model"] = lines["model"].str.removesuffix("_ms")
    table = table.assign(attention_matrix_kb=table.pop("attention_matrix_bytes") / 1024)
    return lines, table


def strongest_links(target_tokens: list[str], weights) -> list[tuple[int, int]]:
    """For every written (target) word i, the source word j it weighs most: [(i, j)]."""
    w = np.asarray(weights, dtype=float)
    return [(i, int(np.argmax(w[i]))) for i in range(min(len(target_tokens), len(w)))]


def crossing_pairs(
    links: list[tuple[int, int]], target_tokens: list[str], source_tokens: list[str]
) -> list[tuple[int, int]]:
    """Pairs of written words (i < i′, neither punctuation) whose strongest source words come in
    the other order (j > j′): where the alignment crosses because the languages order the
    words differently."""
    word = lambda tokens, k: any(c.isalnum() for c in tokens[k])  # noqa: E731
    kept = [(i, j) for i, j in links if word(target_tokens, i) and word(source_tokens, j)]
    return [(a, b) for n, (a, ja) in enumerate(kept) for b, jb in kept[n + 1 :] if ja > jb]
