"""The three shipped translators: translating a 10-word sentence (warm, greedy and beam 5),
and one training step of each at the shipped sizes — all measured in one run.

    python -m tests.perf.bench_translators [--repeats 7] [--threads 1]

Targets (issue): all three models greedy ≤ 300 ms warm, beam 5 ≤ 1 s. A translation here is
what the page asks for: decoding, then the chosen words fed back once to keep each step's
distribution and attention (and, for the Transformer, every attention map).
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch

SENTENCE = "She is five years younger than me and my brother."  # 10 English words
LENGTHS = (4, 8, 16, 32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)

    from core.seq2seq import MODEL_NAMES, lab, load_card, load_pretrained
    from core.seq2seq.evaluate import english_word_count
    from tests.perf.harness import table

    translators = {name: load_pretrained(name) for name in MODEL_NAMES}
    assert english_word_count(SENTENCE) == 10
    rows = []
    for beam in (None, 5):
        times = {name: [] for name in MODEL_NAMES}
        for _ in range(args.repeats + 1):  # the first round warms up
            for name, t in translators.items():
                started = time.perf_counter()
                t.translate(SENTENCE, beam=beam)
                times[name].append((time.perf_counter() - started) * 1000)
        per_model = {name: statistics.median(v[1:]) for name, v in times.items()}
        rows.append({"decoding": "greedy" if beam is None else f"beam {beam}",
                     **{f"{n} ms": per_model[n] for n in MODEL_NAMES},
                     "all three ms": sum(per_model.values()),
                     "target ms": 300 if beam is None else 1000})
    table(rows, f"Translating “{SENTENCE}” (median of {args.repeats}, warm, torch threads={torch.get_num_threads()})")

    cards = {n: load_card(n) for n in ("attention", "transformer")}
    steps = lab.training_step_times(cards, LENGTHS, batch_size=32, repeats=3)
    by_length = [{"target words T": T,
                  **{f"{n} step ms": next(r["ms"] for r in steps if r["model"] == n and r["T"] == T) for n in cards},
                  "LSTM ÷ Transformer": next(r["ms"] for r in steps if r["model"] == "attention" and r["T"] == T)
                  / next(r["ms"] for r in steps if r["model"] == "transformer" and r["T"] == T)}
                 for T in LENGTHS]
    table(by_length, "One training step (forward, loss, backward), batch 32, source 10 words, 1 thread, "
                     f"median of 3; {lab.machine_description()}")


if __name__ == "__main__":
    main()
