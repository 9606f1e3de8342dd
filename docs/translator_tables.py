"""The README's tables of the shipped translators, printed from their cards.

    python docs/translator_tables.py

Every number comes from `core/seq2seq/checkpoints/*/card.json`, which the training and
evaluation CLIs write (`python -m core.seq2seq.evaluate --data fra-eng.tsv --checkpoint DIR`
re-scores a checkpoint and rewrites its card).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.seq2seq import EQUAL_DATA, MODEL_NAMES, load_card  # noqa: E402

LABELS = {
    "plain": "LSTM, one context vector",
    "attention": "LSTM + Bahdanau attention",
    EQUAL_DATA: "Transformer at 7,500 steps (equal data)",
    "transformer": "Transformer, final",
}


def main() -> None:
    cards = {name: load_card(name) for name in (*MODEL_NAMES[:2], EQUAL_DATA, MODEL_NAMES[2])}
    buckets = [r["bucket"] for r in cards["attention"]["evaluation"]["bleu_by_length"]]
    print("| model | decoding | " + " | ".join(buckets) + " | all | exact match |")
    print("| --- | --- | " + " | ".join("---" for _ in buckets) + " | --- | --- |")
    for name, card in cards.items():
        for decoding, section in (("greedy", "evaluation"), ("beam 5", "evaluation_beam")):
            ev = card[section]
            by = {r["bucket"]: r["bleu"] for r in ev["bleu_by_length"]}
            print(
                f"| {LABELS[name]} | {decoding} | "
                + " | ".join(f"{by[b]:.1f}" for b in buckets)
                + f" | **{ev['bleu']:.1f}** | {ev['exact_match']:.1%} |"
            )
    print()
    print("| model | parameters | steps × batch | wall time (1 thread) | s / step | final loss |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, card in cards.items():
        tr = card["training"]
        print(
            f"| {LABELS[name]} | {card['parameters'] / 1e6:.2f} M | {tr['steps']:,} × {tr['batch_size']} | "
            f"{tr['wall_seconds'] / 60:.1f} min | {tr['wall_seconds'] / tr['steps']:.3f} | {tr['final_loss']:.3f} |"
        )


if __name__ == "__main__":
    main()
