"""Train one translator on an English→French pair file and write a checkpoint.

    python -m core.seq2seq.train --data ../shared/data/fra-eng.tsv --model attention \
        --out core/seq2seq/checkpoints/attention
    python -m core.seq2seq.train --data ../shared/data/fra-eng.tsv --model transformer \
        --out core/seq2seq/checkpoints/transformer --steps 12000 \
        --snapshot 7500:core/seq2seq/checkpoints/transformer-7500

Writes into --out: ``model.pt`` (a state_dict, fp16 to stay small), ``vocab.json``
(source and target vocabularies) and ``card.json`` (data, sizes, steps, wall time, loss
against time, held-out BLEU overall and by length, greedy and beam, exact match). All three
models train on the same split and word vocabularies with the same batch size; the LSTMs
for 7,500 steps. ``--snapshot N:DIR`` also keeps the weights after N steps (the LSTMs'
budget of sentence pairs seen), scored and carded like the final ones.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import time
from pathlib import Path

import torch

from .data import PAD_ID, SOS_ID, Vocab, read_pairs, split_by_english, tokenize_english, tokenize_french
from .evaluate import longest_sentence, score_both
from .models import Seq2Seq, Seq2SeqConfig
from .transformer import TransformerConfig, TransformerSeq2Seq

CORPUS_CREDIT = (
    "Sentence pairs from the Tatoeba Project (tatoeba.org), CC-BY 2.0 FR, as packaged by manythings.org/anki (fra-eng)."
)
DESCRIPTIONS = {
    "plain": "LSTM encoder–decoder; the decoder sees only the final context vector",
    "attention": "LSTM encoder–decoder with Bahdanau (additive) attention",
    "transformer": "Transformer encoder–decoder: self-attention, masked self-attention, cross-attention",
}
KINDS = tuple(DESCRIPTIONS)


def encode_pairs(pairs, src_vocab: Vocab, tgt_vocab: Vocab):
    """[(source ids, target ids + <eos>)] for every pair."""
    return [
        (
            src_vocab.encode(tokenize_english(p.english)) or [src_vocab.unk_id],
            tgt_vocab.encode(tokenize_french(p.french)) + [tgt_vocab.eos_id],
        )
        for p in pairs
    ]


def make_batch(examples, pad_id: int = PAD_ID, sos_id: int = SOS_ID):
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
            yield [examples[j] for j in order[i : i + batch_size]]


def train_steps(
    model,
    examples,
    steps: int,
    batch_size: int = 64,
    lr: float = 2e-3,
    seed: int = 0,
    clip: float = 1.0,
    warmup: int = 0,
    betas=(0.9, 0.999),
    on_step=None,
    stop_after: int | None = None,
) -> list[float]:
    """Adam, a linear warm-up over ``warmup`` steps (none for the LSTMs), then a linear decay
    to 10 % of ``lr`` at ``steps``; returns the loss of every step. ``on_step(step, loss)``
    is called after each one; ``stop_after`` ends the run early on the same schedule."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    opt = torch.optim.Adam(model.parameters(), lr=lr, betas=betas)

    def factor(s: int) -> float:
        return min(1.0, (s + 1) / warmup if warmup else 1.0) * (1.0 - 0.9 * min(1.0, s / max(1, steps)))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, factor)
    model.train()
    losses = []
    for step, batch in zip(range(min(steps, stop_after or steps)), batches(examples, batch_size, rng)):
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


def build_model(kind: str, src_size: int, tgt_size: int, args) -> Seq2Seq | TransformerSeq2Seq:
    if kind == "transformer":
        return TransformerSeq2Seq(
            TransformerConfig(
                src_size,
                tgt_size,
                d_model=args.d_model,
                n_heads=args.heads,
                n_encoder_layers=args.layers,
                n_decoder_layers=args.layers,
                d_ff=4 * args.d_model,
                dropout=args.dropout,
                label_smoothing=args.label_smoothing,
            )
        )
    return Seq2Seq(
        Seq2SeqConfig(src_size, tgt_size, args.emb, args.hidden, attention=kind == "attention", dropout=args.dropout)
    )


def save_checkpoint(model: Seq2Seq | TransformerSeq2Seq, src_vocab: Vocab, tgt_vocab: Vocab, card: dict, out) -> Path:
    """Write model.pt (fp16 state_dict), vocab.json and card.json into directory ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    state = {k: (v.half() if v.is_floating_point() else v) for k, v in model.state_dict().items()}
    torch.save(state, out / "model.pt")
    (out / "vocab.json").write_text(
        json.dumps({"source": src_vocab.itos, "target": tgt_vocab.itos}, ensure_ascii=False), encoding="utf-8"
    )
    card = {**card, "config": model.cfg.to_dict()}
    (out / "card.json").write_text(json.dumps(card, ensure_ascii=False, indent=1), encoding="utf-8")
    return out


def curve(values: list[float], every: int) -> list[float]:
    """Means of consecutive windows of ``every`` values."""
    return [round(sum(values[i : i + every]) / len(values[i : i + every]), 4) for i in range(0, len(values), every)]


def make_card(
    args, kind: str, model, data: dict, vocab: dict, losses: list[float], seconds: list[float], scores: dict
) -> dict:
    """Everything a page says about one checkpoint, measured: data, sizes, training, scores.
    ``seconds[i]`` is the wall time when step i finished."""
    every = max(1, len(losses) // 200)
    return {
        "model": kind,
        "description": DESCRIPTIONS[kind],
        "data": data,
        "config": model.cfg.to_dict(),
        "parameters": sum(p.numel() for p in model.parameters()),
        "vocab": vocab,
        "training": {
            "steps": len(losses),
            "schedule_steps": args.steps,
            "batch_size": args.batch_size,
            "lr": args.lr,
            "warmup": args.warmup,
            "seed": args.seed,
            "threads": args.threads,
            "wall_seconds": round(seconds[-1], 1),
            "steps_per_second": round(len(losses) / seconds[-1], 3),
            "final_loss": round(sum(losses[-100:]) / len(losses[-100:]), 4),
            "loss_curve": curve(losses, every),
            "loss_curve_every": every,
            "loss_curve_seconds": [
                round(seconds[min(i + every, len(seconds)) - 1], 1) for i in range(0, len(losses), every)
            ],
        },
        **scores,
        "checkpoint_dtype": "float16 (cast to float32 on load)",
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="english<TAB>french[<TAB>attribution] file")
    ap.add_argument("--model", choices=KINDS, required=True)
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--steps", type=int, default=7500)
    ap.add_argument(
        "--stop-after",
        type=int,
        default=None,
        metavar="N",
        help="stop after N steps of the --steps schedule (ablations)",
    )
    ap.add_argument(
        "--snapshot", default=None, metavar="N:DIR", help="also keep (and score) the weights after N steps, in DIR"
    )
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument(
        "--lr",
        type=float,
        default=None,
        help="peak learning rate (default 2e-3 for the LSTMs, 1e-3 for the Transformer)",
    )
    ap.add_argument(
        "--warmup",
        type=int,
        default=None,
        help="linear warm-up steps (default 0 for the LSTMs, 500 for the Transformer)",
    )
    ap.add_argument("--emb", type=int, default=128, help="LSTM: embedding size")
    ap.add_argument("--hidden", type=int, default=256, help="LSTM: hidden size")
    ap.add_argument("--d-model", type=int, default=192, help="Transformer: width (FFN is 4×)")
    ap.add_argument("--heads", type=int, default=4, help="Transformer: attention heads")
    ap.add_argument("--layers", type=int, default=3, help="Transformer: encoder and decoder layers each")
    ap.add_argument("--label-smoothing", type=float, default=0.1, help="Transformer")
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--min-freq", type=int, default=3, help="vocabulary: words seen at least this often")
    ap.add_argument("--test-fraction", type=float, default=0.1)
    ap.add_argument("--limit", type=int, default=None, help="read only the first N pairs (smoke runs)")
    ap.add_argument("--eval-limit", type=int, default=None, help="evaluate on the first N test sentences")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=1, help="torch CPU threads")
    args = ap.parse_args(argv)
    transformer = args.model == "transformer"
    args.lr = args.lr if args.lr is not None else (1e-3 if transformer else 2e-3)
    args.warmup = args.warmup if args.warmup is not None else (500 if transformer else 0)
    snapshot_at, snapshot_dir = None, None
    if args.snapshot:
        at, _, snapshot_dir = args.snapshot.partition(":")
        snapshot_at = int(at)
        if not snapshot_dir or not 0 < snapshot_at < args.steps:
            ap.error("--snapshot takes N:DIR with 0 < N < --steps")

    from tqdm import tqdm

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    pairs = read_pairs(args.data, limit=args.limit)
    train, test = split_by_english(pairs, args.test_fraction, seed=args.seed)
    src_vocab = Vocab.build([tokenize_english(p.english) for p in train], min_freq=args.min_freq)
    tgt_vocab = Vocab.build([tokenize_french(p.french) for p in train], min_freq=args.min_freq)
    model = build_model(args.model, len(src_vocab), len(tgt_vocab), args)
    examples = encode_pairs(train, src_vocab, tgt_vocab)
    print(
        f"{args.model}: {sum(p.numel() for p in model.parameters()):,} parameters, "
        f"{len(train):,} training pairs, {args.threads} thread(s)",
        flush=True,
    )

    bar = tqdm(total=args.steps, desc=f"{args.model}", mininterval=5.0)
    seconds: list[float] = []
    kept: dict = {}
    t0 = time.time()

    def on_step(step, loss):
        seconds.append(time.time() - t0)
        bar.update(1)
        if step % 100 == 0:
            bar.set_postfix(loss=f"{loss:.3f}")
        if step + 1 == snapshot_at:
            kept["state"] = copy.deepcopy(model.state_dict())

    losses = train_steps(
        model,
        examples,
        args.steps,
        args.batch_size,
        args.lr,
        args.seed,
        warmup=args.warmup,
        betas=(0.9, 0.98) if transformer else (0.9, 0.999),
        on_step=on_step,
        stop_after=args.stop_after,
    )
    bar.close()

    data = {
        "file": Path(args.data).name,
        "pairs": len(pairs),
        "train_pairs": len(train),
        "test_pairs": len(test),
        "split": "by English sentence, seeded",
        "test_fraction": args.test_fraction,
        "longest_train_english": longest_sentence(train),
        "credit": CORPUS_CREDIT,
    }
    vocab = {"source": len(src_vocab), "target": len(tgt_vocab), "min_freq": args.min_freq}
    outputs = [(args.out, copy.deepcopy(model.state_dict()), len(losses))]
    if "state" in kept:
        assert snapshot_dir and snapshot_at is not None  # kept only at --snapshot N:DIR
        outputs.append((snapshot_dir, kept["state"], snapshot_at))
    for out, state, n in reversed(outputs):  # the snapshot first: the final weights stay loaded last
        model.load_state_dict(state)
        model.eval()
        scores = score_both(model, src_vocab, tgt_vocab, test, args.eval_limit)
        card = make_card(args, args.model, model, data, vocab, losses[:n], seconds[:n], scores)
        save_checkpoint(model, src_vocab, tgt_vocab, card, out)
        print(
            out,
            json.dumps(
                {
                    "steps": n,
                    "greedy": card["evaluation"]["bleu"],
                    "beam": card["evaluation_beam"]["bleu"],
                    "by_length": [r["bleu"] for r in card["evaluation"]["bleu_by_length"]],
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
