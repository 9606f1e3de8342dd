"""The three shipped translators: translating a 10-word sentence (warm, greedy and beam 5),
and one training step of each at the shipped sizes — all measured in one run.

    python -m tests.perf.bench_translators [--repeats 7] [--threads 1] [--data ../shared/data/fra-eng.tsv]

With --data, also the training budget: one step of each model on the same real Tatoeba
batches (batch 64, one thread, as the training CLI runs), and what its cards' step counts
cost at that rate — the Transformer's run against twice the attention LSTM's.

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
    parser.add_argument("--data", default=None, help="the English→French pair file, for the training budget")
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
        rows.append(
            {
                "decoding": "greedy" if beam is None else f"beam {beam}",
                **{f"{n} ms": per_model[n] for n in MODEL_NAMES},
                "all three ms": sum(per_model.values()),
                "target ms": 300 if beam is None else 1000,
            }
        )
    table(rows, f"Translating “{SENTENCE}” (median of {args.repeats}, warm, torch threads={torch.get_num_threads()})")

    cards = {n: load_card(n) for n in ("attention", "transformer")}
    steps = lab.training_step_times(cards, LENGTHS, batch_size=32, repeats=3)
    by_length = [
        {
            "target words T": T,
            **{f"{n} step ms": next(r["ms"] for r in steps if r["model"] == n and r["T"] == T) for n in cards},
            "LSTM ÷ Transformer": next(r["ms"] for r in steps if r["model"] == "attention" and r["T"] == T)
            / next(r["ms"] for r in steps if r["model"] == "transformer" and r["T"] == T),
        }
        for T in LENGTHS
    ]
    table(
        by_length,
        "One training step (forward, loss, backward), batch 32, source 10 words, 1 thread, "
        f"median of 3; {lab.machine_description(threads=1)}",
    )
    if args.data:
        budget(args.data, table)


def budget(data: str, table, batches: int = 40) -> None:
    """Seconds per training step of each model on the same real batches (1 thread), and the
    wall time each card's steps would take at that rate."""
    import random

    from core.seq2seq import load_card, load_pretrained
    from core.seq2seq.data import read_pairs, split_by_english
    from core.seq2seq.lab import model_from_card, one_thread_each
    from core.seq2seq.train import batches as endless
    from core.seq2seq.train import encode_pairs, make_batch

    names = ("plain", "attention", "transformer")
    cards = {n: load_card(n) for n in names}
    translator = load_pretrained("attention")  # the vocabularies all three share
    train, _ = split_by_english(read_pairs(data), 0.1, seed=0)
    examples = encode_pairs(train, translator.src_vocab, translator.tgt_vocab)
    sample = [make_batch(b) for _, b in zip(range(batches), endless(examples, 64, random.Random(1)))]
    rows = []
    with one_thread_each():
        for name in names:
            torch.manual_seed(0)
            model = model_from_card(cards[name]).train()
            opt = torch.optim.Adam(model.parameters(), lr=1e-4)
            times = []
            for src, lens, tgt_in, tgt_out in sample:
                started = time.perf_counter()
                loss = model.loss(src, lens, tgt_in, tgt_out)
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
                times.append(time.perf_counter() - started)
            per_step = statistics.median(times[5:])
            steps = cards[name]["training"]["steps"]
            rows.append(
                {
                    "model": name,
                    "s / step": per_step,
                    "card's steps": steps,
                    "minutes at this rate": per_step * steps / 60,
                }
            )
    lstm = next(r for r in rows if r["model"] == "attention")["minutes at this rate"]
    for r in rows:
        r["÷ attention LSTM's run"] = r["minutes at this rate"] / lstm
    table(
        rows,
        f"Training budget on {batches} real batches of 64 pairs, 1 thread, Adam step included "
        "(target: the Transformer's run ≤ 2 × the attention LSTM's)",
    )


if __name__ == "__main__":
    main()
