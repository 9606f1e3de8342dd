"""Train one seq2seq model on an English→French pair file and write a checkpoint.

    python -m core.seq2seq.train --data ../shared/data/fra-eng.tsv --model attention \
        --out core/seq2seq/checkpoints/attention

Writes into --out: ``model.pt`` (a state_dict, fp16 to stay small), ``vocab.json``
(source and target vocabularies) and ``card.json`` (data, sizes, steps, wall time,
held-out BLEU overall and by length, exact match). Both models are meant to be trained
with the same sizes and the same --steps, so the comparison is fair.
"""
from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import torch

from .data import Vocab, read_pairs, split_by_english, tokenize_english, tokenize_french
from .evaluate import evaluate
from .models import Seq2Seq, Seq2SeqConfig

CORPUS_CREDIT = ("Sentence pairs from the Tatoeba Project (tatoeba.org), CC-BY 2.0 FR, "
                 "as packaged by manythings.org/anki (fra-eng).")


def encode_pairs(pairs, src_vocab: Vocab, tgt_vocab: Vocab):
    """[(source ids, target ids + <eos>)] for every pair."""
    return [(src_vocab.encode(tokenize_english(p.english)) or [src_vocab.unk_id],
             tgt_vocab.encode(tokenize_french(p.french)) + [tgt_vocab.eos_id]) for p in pairs]


def make_batch(examples, pad_id: int = 0, sos_id: int = 1):
    """List of (src ids, tgt ids) → src [B,S], src_lens [B], tgt_in [B,T], tgt_out [B,T]."""
    B = len(examples)
    S = max(len(s) for s, _ in examples)
    T = max(len(t) for _, t in examples)
    src = torch.full((B, S), pad_id, dtype=torch.long)
    tgt_in = torch.full((B, T), pad_id, dtype=torch.long)
    tgt_out = torch.full((B, T), pad_id, dtype=torch.long)
    for i, (s, t) in enumerate(examples):
        src[i, : len(s)] = torch.tensor(s)
        tgt_out[i, : len(t)] = torch.tensor(t)
        tgt_in[i, : len(t)] = torch.tensor([sos_id] + t[:-1])
    return src, torch.tensor([len(s) for s, _ in examples]), tgt_in, tgt_out


def batches(examples, batch_size: int, rng: random.Random):
    """Endless shuffled batches (epoch after epoch)."""
    while True:
        order = list(range(len(examples)))
        rng.shuffle(order)
        for i in range(0, len(order) - batch_size + 1, batch_size):
            yield [examples[j] for j in order[i:i + batch_size]]


def train_steps(model: Seq2Seq, examples, steps: int, batch_size: int = 64, lr: float = 2e-3,
                seed: int = 0, clip: float = 1.0, on_step=None) -> list[float]:
    """Adam with a linear decay to 10 % of ``lr``; returns the loss of every step."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 1.0 - 0.9 * min(1.0, s / max(1, steps)))
    model.train()
    losses = []
    for step, batch in zip(range(steps), batches(examples, batch_size, rng)):
        src, lens, tgt_in, tgt_out = make_batch(batch)
        loss = model.loss(src, lens, tgt_in, tgt_out)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        opt.step()
        sched.step()
        losses.append(loss.item())
        if on_step is not None:
            on_step(step, loss.item())
    model.eval()
    return losses


def save_checkpoint(model: Seq2Seq, src_vocab: Vocab, tgt_vocab: Vocab, card: dict, out) -> Path:
    """Write model.pt (fp16 state_dict), vocab.json and card.json into directory ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    state = {k: (v.half() if v.is_floating_point() else v) for k, v in model.state_dict().items()}
    torch.save(state, out / "model.pt")
    (out / "vocab.json").write_text(json.dumps({"source": src_vocab.itos, "target": tgt_vocab.itos},
                                               ensure_ascii=False), encoding="utf-8")
    card = {**card, "config": model.cfg.to_dict()}
    (out / "card.json").write_text(json.dumps(card, ensure_ascii=False, indent=1), encoding="utf-8")
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="english<TAB>french[<TAB>attribution] file")
    ap.add_argument("--model", choices=["plain", "attention"], required=True)
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--steps", type=int, default=7500)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--emb", type=int, default=128)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--min-freq", type=int, default=3, help="vocabulary: words seen at least this often")
    ap.add_argument("--test-fraction", type=float, default=0.1)
    ap.add_argument("--limit", type=int, default=None, help="read only the first N pairs (smoke runs)")
    ap.add_argument("--eval-limit", type=int, default=None, help="evaluate on the first N test sentences")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=1, help="torch CPU threads")
    args = ap.parse_args(argv)

    from tqdm import tqdm

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    pairs = read_pairs(args.data, limit=args.limit)
    train, test = split_by_english(pairs, args.test_fraction, seed=args.seed)
    src_vocab = Vocab.build([tokenize_english(p.english) for p in train], min_freq=args.min_freq)
    tgt_vocab = Vocab.build([tokenize_french(p.french) for p in train], min_freq=args.min_freq)
    cfg = Seq2SeqConfig(len(src_vocab), len(tgt_vocab), args.emb, args.hidden,
                        attention=args.model == "attention", dropout=args.dropout)
    model = Seq2Seq(cfg)
    examples = encode_pairs(train, src_vocab, tgt_vocab)

    bar = tqdm(total=args.steps, desc=f"{args.model}", mininterval=5.0)
    recent: list[float] = []

    def on_step(step, loss):
        recent.append(loss)
        bar.update(1)
        if step % 100 == 0:
            bar.set_postfix(loss=f"{sum(recent[-100:]) / len(recent[-100:]):.3f}")

    t0 = time.time()
    losses = train_steps(model, examples, args.steps, args.batch_size, args.lr, args.seed, on_step=on_step)
    train_seconds = time.time() - t0
    bar.close()

    t1 = time.time()
    metrics = evaluate(model, src_vocab, tgt_vocab, test, limit=args.eval_limit)
    eval_seconds = time.time() - t1

    every = max(1, len(losses) // 200)
    card = {
        "model": args.model,
        "description": ("LSTM encoder–decoder; the decoder sees only the final context vector"
                        if args.model == "plain" else
                        "LSTM encoder–decoder with Bahdanau (additive) attention"),
        "data": {"file": Path(args.data).name, "pairs": len(pairs), "train_pairs": len(train),
                 "test_pairs": len(test), "split": "by English sentence, seeded",
                 "test_fraction": args.test_fraction, "credit": CORPUS_CREDIT},
        "config": cfg.to_dict(),
        "parameters": sum(p.numel() for p in model.parameters()),
        "vocab": {"source": len(src_vocab), "target": len(tgt_vocab), "min_freq": args.min_freq},
        "training": {"steps": args.steps, "batch_size": args.batch_size, "lr": args.lr,
                     "seed": args.seed, "threads": args.threads,
                     "wall_seconds": round(train_seconds, 1),
                     "final_loss": round(sum(losses[-100:]) / len(losses[-100:]), 4),
                     "loss_curve": [round(sum(losses[i:i + every]) / len(losses[i:i + every]), 4)
                                    for i in range(0, len(losses), every)],
                     "loss_curve_every": every},
        "evaluation": {**metrics, "decoding": "greedy", "eval_seconds": round(eval_seconds, 1)},
        "checkpoint_dtype": "float16 (cast to float32 on load)",
    }
    save_checkpoint(model, src_vocab, tgt_vocab, card, args.out)
    print(json.dumps({k: card["evaluation"][k] for k in ("bleu", "exact_match", "bleu_by_length")},
                     indent=1))


if __name__ == "__main__":
    main()
