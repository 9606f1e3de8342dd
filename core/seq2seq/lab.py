"""The bottleneck lab and the cost of being sequential.

1. ``train_both``: the plain and the attention seq2seq (the very classes of ``models.py``,
   smaller) learn a synthetic task — reverse a random symbol sequence — and are scored
   by input length. A single context vector has to hold the whole input; attention reads
   it back position by position, so the gap opens as sequences grow.
2. ``sequential_vs_parallel``: forward time of one LSTM layer (T steps, one after the
   other) against one causal self-attention layer of the same width (all T positions
   at once, but a T × T score matrix).
3. ``training_step_times``: one real training step (forward, loss, backward) of the shipped
   attention LSTM and Transformer, at their sizes, against the target sentence's length.
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from core.jobs import Job

from .data import EOS_ID, N_SPECIAL
from .decoding import greedy
from .models import Seq2Seq, Seq2SeqConfig
from .train import batches, make_batch
from .transformer import causal_allowed
from .translator import model_from_card

# Hard caps: a public deployment must not be made to train or measure for minutes.
MAX_HIDDEN = 128
MAX_LENGTH = 40
MAX_STEPS = 3000
MAX_TIMING_LENGTH = 2048
MAX_STEP_LENGTH = 64  # target words in a timed training step
MAX_STEP_BATCH = 64

TASKS = ("reverse", "copy")
SYMBOLS = "ABCDEFGHIJKLMNOPQRST"  # 20 symbols, ids N_SPECIAL.. after <pad> <sos> <eos> <unk>


@dataclass(frozen=True)
class LabSettings:
    task: str = "reverse"
    min_length: int = 3
    max_length: int = 30
    hidden_size: int = 64
    steps: int = 800
    batch_size: int = 32
    test_per_length: int = 40
    seed: int = 0

    def checked(self) -> "LabSettings":
        """The same settings pulled inside the caps (never raises for numbers out of range)."""
        lo = int(min(max(1, self.min_length), MAX_LENGTH))
        hi = int(min(max(lo, self.max_length), MAX_LENGTH))
        return LabSettings(
            task=self.task if self.task in TASKS else "reverse",
            min_length=lo,
            max_length=hi,
            hidden_size=int(min(max(8, self.hidden_size), MAX_HIDDEN)),
            steps=int(min(max(1, self.steps), MAX_STEPS)),
            batch_size=int(min(max(1, self.batch_size), 128)),
            test_per_length=int(min(max(1, self.test_per_length), 200)),
            seed=int(self.seed),
        )


def target_of(seq: list[int], task: str) -> list[int]:
    return list(reversed(seq)) if task == "reverse" else list(seq)


def make_dataset(settings: LabSettings, n_train: int = 20000):
    """Seeded synthetic pairs: (train, test), test held out and bucketed by length.

    Test: ``test_per_length`` distinct sequences of every length (fewer for lengths so short
    that half of all possible sequences would not reach that number).
    Train: ``n_train`` sequences, lengths uniform in [min_length, max_length], never a test one.
    Every item is (source ids, target ids + <eos>).
    """
    s = settings
    rng = random.Random(s.seed)
    alphabet = range(N_SPECIAL, N_SPECIAL + len(SYMBOLS))

    def sample(n):
        return tuple(rng.choice(alphabet) for _ in range(n))

    test, held_out = [], set()
    for length in range(s.min_length, s.max_length + 1):
        # at most half of all sequences of a short length go to the test side
        wanted = min(s.test_per_length, len(SYMBOLS) ** length // 2)
        got = 0
        while got < wanted:
            seq = sample(length)
            if seq not in held_out:
                held_out.add(seq)
                test.append(seq)
                got += 1
    train_set: list[tuple[int, ...]] = []
    while len(train_set) < n_train:
        seq = sample(rng.randint(s.min_length, s.max_length))
        if seq not in held_out:
            train_set.append(seq)

    def as_pair(seq):
        return (list(seq), target_of(list(seq), s.task) + [EOS_ID])

    return [as_pair(x) for x in train_set], [as_pair(x) for x in test]


def make_model(settings: LabSettings, attention: bool) -> Seq2Seq:
    vocab = N_SPECIAL + len(SYMBOLS)
    torch.manual_seed(settings.seed)
    return Seq2Seq(
        Seq2SeqConfig(vocab, vocab, emb_size=32, hidden_size=settings.hidden_size, attention=attention, dropout=0.0)
    )


@torch.no_grad()
def accuracy_by_length(model: Seq2Seq, test, batch_size: int = 256) -> list[dict]:
    """Per input length: exact-sequence accuracy and per-token accuracy (greedy decoding)."""
    by_len: dict[int, list[tuple[bool, float]]] = {}
    for i in range(0, len(test), batch_size):
        chunk = test[i : i + batch_size]
        src, lens, _, tgt_out = make_batch(chunk)
        ids = greedy(model, src, lens, max_len=tgt_out.size(1))[0]
        for (s, t), row in zip(chunk, ids.tolist()):
            pred = row[: len(t)] + [0] * (len(t) - len(row))
            correct = [p == q for p, q in zip(pred, t)]
            by_len.setdefault(len(s), []).append((all(correct), sum(correct[:-1]) / max(1, len(t) - 1)))
    return [
        {
            "length": n,
            "exact": float(np.mean([e for e, _ in v])),
            "per_token": float(np.mean([p for _, p in v])),
            "sequences": len(v),
        }
        for n, v in sorted(by_len.items())
    ]


@dataclass
class LabResult:
    settings: LabSettings
    accuracy: list[dict]  # rows: model, length, exact, per_token, sequences
    losses: dict[str, list[float]]  # model → loss per step
    example_source: list[str]  # one long test input (symbols)
    example_output: list[str]  # the attention model's output for it
    example_alignment: np.ndarray  # [output_len, source_len] attention weights
    seconds: float
    machine: str = field(default="")


def train_both(settings: LabSettings = LabSettings(), progress=None) -> LabResult:
    """Train plain and attention seq2seq on the same batches, step by step, side by side.

    ``progress(step, total, losses)`` is called every few steps with the latest loss of each
    model (``{"plain": float, "attention": float}``); returns accuracy by length for both
    and the attention model's alignment for the longest test example.
    """
    s = settings.checked()
    t0 = time.time()
    train, test = make_dataset(s)
    models = {"plain": make_model(s, attention=False), "attention": make_model(s, attention=True)}
    batch_list = [make_batch(b) for _, b in zip(range(s.steps), batches(train, s.batch_size, random.Random(s.seed)))]
    losses: dict[str, list[float]] = {k: [] for k in models}
    every = max(1, s.steps // 100)
    reported = 0
    stop = threading.Event()  # set when progress raises (a cancelled job): both loops end
    with one_thread_each(), ThreadPoolExecutor(max_workers=len(models), thread_name_prefix="lab") as pool:
        jobs = [pool.submit(_train_one, m, batch_list, losses[k], stop) for k, m in models.items()]
        try:
            while not all(j.done() for j in jobs):  # progress is reported from the caller's thread
                wait(jobs, timeout=0.2)
                done = min(len(v) for v in losses.values())
                if progress is not None and done >= reported + every:
                    reported = done
                    progress(done, s.steps, {k: v[done - 1] for k, v in losses.items()})
        except BaseException:
            stop.set()
            raise
        for job in jobs:
            job.result()  # a failure in training is raised here
    if progress is not None:
        progress(s.steps, s.steps, {k: v[-1] for k, v in losses.items()})
    rows = []
    for name, model in models.items():
        model.eval()
        rows += [{"model": name, **r} for r in accuracy_by_length(model, test)]
    longest = max(test, key=lambda p: len(p[0]))
    src, lens, _, tgt_out = make_batch([longest])
    ids, alpha, _ = greedy(models["attention"], src, lens, max_len=tgt_out.size(1))
    out = ids[0].tolist()
    n = out.index(EOS_ID) if EOS_ID in out else len(out)

    def name_of(i):
        return SYMBOLS[i - N_SPECIAL] if i >= N_SPECIAL else "·"

    return LabResult(
        s,
        rows,
        losses,
        [name_of(i) for i in longest[0]],
        [name_of(i) for i in out[:n]],
        alpha[0, :n].numpy(),
        time.time() - t0,
        machine_description(threads=1),
    )


# ---------------------------------------------------------------- the lab's shared work
# Run by core.jobs.Jobs (one run at a time per server, kept per key, followed by every visitor,
# cancellable, errors kept): each function returns the work for Jobs.start.


def training_work(settings: LabSettings) -> Callable[[Job], LabResult]:
    """train_both(settings) as a job: progress = steps done, with detail step, total and the
    loss rows so far ({"model", "step", "loss"}); a cancel stops both models' training."""

    def work(job: Job) -> LabResult:
        rows: list[dict] = []

        def progress(step: int, total: int, losses: dict[str, float]) -> None:
            rows.extend({"model": m, "step": step, "loss": v} for m, v in losses.items())
            job.report(step / total, step=step, total=total, losses=list(rows))

        return train_both(settings, progress=progress)

    return work


def layer_timing_work(lengths, width: int, repeats: int) -> Callable[[Job], tuple[list[dict], str]]:
    """sequential_vs_parallel as a job: (rows, the machine it ran on)."""

    def work(job: Job) -> tuple[list[dict], str]:
        job.report(0.0)
        return sequential_vs_parallel(lengths, width, repeats), machine_description()

    return work


def step_timing_work(
    cards: dict[str, dict], lengths, batch_size: int, repeats: int
) -> Callable[[Job], tuple[list[dict], str]]:
    """training_step_times as a job: (rows, the machine it ran on)."""

    def work(job: Job) -> tuple[list[dict], str]:
        job.report(0.0)
        return (
            training_step_times(cards, lengths, batch_size=batch_size, repeats=repeats),
            machine_description(threads=1),
        )

    return work


@contextmanager
def one_thread_each():
    """Run the block's torch work with one intra-op thread per Python thread, then put the
    count back. torch.set_num_threads reaches further than the calling thread (new threads
    and MKL take it too), so it is restored for the rest of the server when the run ends.
    Two models training side by side then use the two cores, and no OpenMP pool spins
    against other work (with 2 threads each, a busy machine made the lab 9× slower)."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _train_one(model: Seq2Seq, batch_list, losses: list[float], stop: threading.Event) -> None:
    """One model's training loop (on a thread of its own, inside one_thread_each), until its
    batches are done or `stop` is set."""
    torch.set_num_threads(1)  # this thread's own OpenMP team: one thread
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    model.train()
    for src, lens, tgt_in, tgt_out in batch_list:
        if stop.is_set():
            return
        loss = model.loss(src, lens, tgt_in, tgt_out)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        losses.append(loss.item())


# ---------------------------------------------------------------- sequential vs parallel


class CausalSelfAttention(nn.Module):
    """One head of causal self-attention of width d: every position at once, a T × T matrix."""

    def __init__(self, d: int):
        super().__init__()
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)

    def forward(self, x):
        # x: [B, T, d]
        T = x.size(1)
        q, k, v = self.qkv(x).chunk(3, dim=-1)  # [B, T, d] each
        scores = q @ k.transpose(1, 2) / k.size(-1) ** 0.5  # [B, T, T]
        allowed = causal_allowed(T, x.device)  # [T, T] key j ≤ query i
        weights = F.softmax(scores.masked_fill(~allowed, float("-inf")), dim=-1)
        return self.proj(weights @ v)  # [B, T, d]


def machine_description(threads: int | None = None) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (
        f"{cpu}; {os.cpu_count()} logical CPUs; torch {torch.__version__} "
        f"using {threads or torch.get_num_threads()} thread(s)"
    )


def _median_ms(fn, repeats: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


@torch.no_grad()
def sequential_vs_parallel(
    lengths=(16, 32, 64, 128, 256, 512, 1024), width: int = 256, repeats: int = 5, seed: int = 0
) -> list[dict]:
    """Median forward time (ms) of an LSTM layer vs a causal self-attention layer, per length T.

    Rows (T ascending): T, lstm_ms, attention_ms, lstm_sequential_steps (T),
    attention_sequential_steps (1), attention_matrix_bytes (T² float32 weights per head).
    """
    torch.manual_seed(seed)
    lengths = sorted({int(t) for t in lengths if 1 <= int(t) <= MAX_TIMING_LENGTH})
    width = int(min(max(8, width), 512))
    repeats = int(min(max(1, repeats), 20))
    lstm = nn.LSTM(width, width, batch_first=True).eval()
    attn = CausalSelfAttention(width).eval()
    rows = []
    for T in lengths:
        x = torch.randn(1, T, width)
        rows.append(
            {
                "T": T,
                "lstm_ms": _median_ms(lambda: lstm(x), repeats),
                "attention_ms": _median_ms(lambda: attn(x), repeats),
                "lstm_sequential_steps": T,
                "attention_sequential_steps": 1,
                "attention_matrix_bytes": T * T * 4,
            }
        )
    return rows


# ---------------------------------------------------------------- real training steps


def training_step_times(
    cards: dict[str, dict],
    lengths=(4, 8, 16, 32, 48),
    source_length: int = 10,
    batch_size: int = 32,
    repeats: int = 3,
    seed: int = 0,
) -> list[dict]:
    """Median time (ms) of one training step — forward, loss, backward — of each card's model
    on random batches whose targets are T words long, on one CPU thread. The LSTM decoder
    runs T steps one after another; the Transformer's decoder reads all T positions in one
    pass, the causal mask hiding from each the words it must predict (teacher forcing).
    Rows: model, T, ms, sequential_decoder_steps."""
    lengths = sorted({int(t) for t in lengths if 1 <= int(t) <= MAX_STEP_LENGTH})
    batch_size = int(min(max(1, batch_size), MAX_STEP_BATCH))
    repeats = int(min(max(1, repeats), 10))

    def measure() -> list[dict]:
        torch.set_num_threads(1)  # this worker's own OpenMP team
        gen = torch.Generator().manual_seed(seed)
        rows = []
        for name, card in cards.items():
            torch.manual_seed(seed)
            model = model_from_card(card).train()  # random weights: a step costs the same
            src_v, tgt_v = card["config"]["src_vocab_size"], card["config"]["tgt_vocab_size"]
            for T in lengths:
                src = torch.randint(N_SPECIAL, src_v, (batch_size, source_length), generator=gen)
                tgt = torch.randint(N_SPECIAL, tgt_v, (batch_size, T), generator=gen)
                lens = torch.full((batch_size,), source_length)

                def step():
                    model.zero_grad(set_to_none=True)
                    model.loss(src, lens, tgt, tgt).backward()

                rows.append(
                    {
                        "model": name,
                        "T": T,
                        "ms": _median_ms(step, repeats),
                        "sequential_decoder_steps": 1 if card["model"] == "transformer" else T,
                    }
                )
        return rows

    with one_thread_each(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="step-timing") as pool:
        return pool.submit(measure).result()
