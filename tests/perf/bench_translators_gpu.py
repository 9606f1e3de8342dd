"""The translators' training steps on wide parallel hardware (a GPU), where the cost of being
sequential shows: the LSTM decoder runs its T steps one after another whatever the hardware,
while the Transformer's decoder reads all T positions in one pass (teacher forcing under a
causal mask).

    python -m tests.perf.bench_translators_gpu --data ../shared/data/fra-eng.tsv [--device cuda]

Two tables, measured in one run on the chosen device (float32, every step synchronised):
  1. the training budget: one step (forward, loss, backward, Adam) of each shipped translator's
     size on the same real Tatoeba batches of 64 pairs, and what each card's step count would
     cost at that rate;
  2. one step (forward, loss, backward) of the attention LSTM and the Transformer on random
     batches whose targets are T words long, at batch 64 and 512.
The app never needs a GPU; this is a measurement for the README, run where one is lent.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

import torch

LENGTHS = (4, 8, 16, 32, 64, 128)


def timed(device: str, fn, repeats: int, warmup: int = 3) -> float:
    """Median seconds of fn() on `device`, synchronised before and after each call."""
    sync = torch.cuda.synchronize if device.startswith("cuda") else (lambda: None)
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        sync()
        started = time.perf_counter()
        fn()
        sync()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def budget(data: str, device: str, batches: int) -> list[dict]:
    from core.seq2seq import load_card, load_pretrained
    from core.seq2seq.data import read_pairs, split_by_english
    from core.seq2seq.lab import model_from_card
    from core.seq2seq.train import batches as endless
    from core.seq2seq.train import encode_pairs, make_batch

    names = ("plain", "attention", "transformer")
    cards = {n: load_card(n) for n in names}
    translator = load_pretrained("attention")  # the vocabularies all three share
    train, _ = split_by_english(read_pairs(data), 0.1, seed=0)
    examples = encode_pairs(train, translator.src_vocab, translator.tgt_vocab)
    sample = [
        tuple(x.to(device) for x in make_batch(b))
        for _, b in zip(range(batches), endless(examples, 64, random.Random(1)))
    ]
    rows = []
    for name in names:
        torch.manual_seed(0)
        model = model_from_card(cards[name]).to(device).train()
        opt = torch.optim.Adam(model.parameters(), lr=1e-4)
        it = iter(sample * 1000)

        def step():
            src, lens, tgt_in, tgt_out = next(it)
            loss = model.loss(src, lens, tgt_in, tgt_out)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()

        per_step = timed(device, step, repeats=batches)
        steps = cards[name]["training"]["steps"]
        rows.append(
            {
                "model": name,
                "ms / step": per_step * 1000,
                "card's steps": steps,
                "minutes at this rate": per_step * steps / 60,
            }
        )
    lstm = next(r for r in rows if r["model"] == "attention")["minutes at this rate"]
    for r in rows:
        r["÷ attention LSTM's run"] = r["minutes at this rate"] / lstm
    return rows


def by_length(device: str, batch: int, repeats: int, source_length: int = 10) -> list[dict]:
    from core.seq2seq import load_card
    from core.seq2seq.data import N_SPECIAL
    from core.seq2seq.lab import model_from_card

    cards = {n: load_card(n) for n in ("attention", "transformer")}
    gen = torch.Generator().manual_seed(0)
    rows = []
    models = {}
    for name, card in cards.items():
        torch.manual_seed(0)
        models[name] = model_from_card(card).to(device).train()
    for T in LENGTHS:
        row = {"batch": batch, "target words T": T}
        for name, card in cards.items():
            model = models[name]
            src_v, tgt_v = card["config"]["src_vocab_size"], card["config"]["tgt_vocab_size"]
            src = torch.randint(N_SPECIAL, src_v, (batch, source_length), generator=gen).to(device)
            tgt = torch.randint(N_SPECIAL, tgt_v, (batch, T), generator=gen).to(device)
            lens = torch.full((batch,), source_length)

            def step(model=model, src=src, tgt=tgt, lens=lens):
                model.zero_grad(set_to_none=True)
                model.loss(src, lens, tgt, tgt).backward()

            row[f"{name} ms"] = timed(device, step, repeats) * 1000
        row["LSTM ÷ Transformer"] = row["attention ms"] / row["transformer ms"]
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="the English→French pair file")
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--batches", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args()
    from tests.perf.harness import table

    where = (
        torch.cuda.get_device_name(0) if args.device.startswith("cuda") else f"CPU, {torch.get_num_threads()} threads"
    )
    print(f"torch {torch.__version__} on {where}", flush=True)
    table(
        budget(args.data, args.device, args.batches),
        f"Training budget on {args.batches} real batches of 64 pairs, Adam step included, {where}",
    )
    for batch in (64, 512):
        table(
            by_length(args.device, batch, args.repeats),
            f"One training step (forward, loss, backward), batch {batch}, source 10 words, {where}",
        )


if __name__ == "__main__":
    main()
