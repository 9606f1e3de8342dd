"""Interventions on a GPT-2-small-sized model at 16 tokens, each against a bare forward pass of
the same prompt measured in the same run (`model(input_ids)` as Hugging Face runs it, logits at
every position; and, stricter, with logits_to_keep=1):

  * one ablation (one head knocked out)                    target ≤ 1.5 × a bare forward
  * a full head sweep (L × H heads, batched)               target ≤ 20 ×
  * a layer × position patching grid                        target ≤ 30 ×

Also printed: the work each one does, in forward passes' worth of blocks (rows × blocks ÷ L: a
sweep cannot do less than recompute every block after the knocked-out head, for every head),
so a ratio can be read against the arithmetic it needs; how far memory rises while it runs;
with --profile, where the sweep's time goes (torch's profiler, on the model thread).

    python -m tests.perf.bench_interventions [--tokenizer DIR] [--repeats 5] [--threads N] [--profile]
"""

from __future__ import annotations

import sys
import time

import torch

from tests.perf.harness import arguments, gpt2_small_folder, median, pop_option, table

PROMPT = "Data visualization empowers users to explore their data and share what they find with others"
CLEAN = "The Eiffel Tower, which my family visited, is in the city of"
CORRUPT = "The Colosseum, which my family visited, is in the city of"


def interleaved(fns: list, repeats: int) -> list[float]:
    """Median wall time in ms of each fn, after one warm-up call each, the fns taking turns in
    every repeat (so a machine that slows down or speeds up meanwhile shifts them all alike)."""
    times: list[list[float]] = [[] for _ in fns]
    for fn in fns:
        fn()
    for _ in range(repeats):
        for fn, kept in zip(fns, times):
            started = time.perf_counter()
            fn()
            kept.append((time.perf_counter() - started) * 1000)
    return [median(kept) for kept in times]


def peak_extra_mb(fn) -> float:
    """How far the process's resident memory rises above where it was while fn() runs (MB):
    the kernel's peak (VmHWM) reset first through /proc/self/clear_refs."""
    from pathlib import Path

    def status(field: str) -> float:
        line = next(x for x in Path("/proc/self/status").read_text().splitlines() if x.startswith(field))
        return int(line.split()[1]) / 1024

    Path("/proc/self/clear_refs").write_text("5")
    before = status("VmRSS:")
    fn()
    return status("VmHWM:") - before


def forward_equivalents(items, n_tokens: int, n_layers: int) -> float:
    """Rows × blocks the growing passes compute, ÷ the L blocks of one forward pass."""
    from core.interventions import _passes

    passes = _passes(items, n_tokens, n_layers)
    return sum(n_layers + sum(n_layers - layer for layer, _ in p) for p in passes) / n_layers


def main() -> None:
    repeats = pop_option("--repeats", 5)
    threads = pop_option("--threads", None)
    profile = "--profile" in sys.argv
    if profile:
        sys.argv.remove("--profile")
    args = arguments(__doc__)
    if threads:
        torch.set_num_threads(threads)
    from core import interventions as I
    from core.models import load_lm, on_model_thread

    lm = load_lm(str(gpt2_small_folder(args)))
    L, H = lm.arch.n_layers, lm.arch.n_heads
    ids = lm.encode(PROMPT)
    a, b = lm.encode(CLEAN), lm.encode(CORRUPT)
    assert len(ids) == len(a) == len(b) == 16, (len(ids), len(a), len(b))

    def bare(tokens, **options):
        return on_model_thread(lambda: lm.model(input_ids=torch.tensor([tokens]), use_cache=False, **options))

    bare(ids)  # the model thread's first forward pass, before any memory is measured
    patched = []  # the grid's patches that run: known once it has (filled below)

    rows = []
    for name, run, work, target, tokens in (
        ("one ablation (head 5.1)", lambda: I.ablate(lm, PROMPT, [("head", 5, 1)]), 1.0, 1.5, ids),
        (
            f"head sweep ({L * H} heads)",
            lambda: I.sweep(lm, PROMPT),
            forward_equivalents([(layer, h) for layer in range(L) for h in range(H)], 16, L),
            20,
            ids,
        ),
        (f"patching grid ({L} × 16)", lambda: patched.append(I.patch_grid(lm, CLEAN, CORRUPT).run), None, 30, b),
    ):
        peak = peak_extra_mb(run)  # its first run (what it leaves allocated, later ones reuse)
        full, last, took = interleaved([lambda: bare(tokens), lambda: bare(tokens, logits_to_keep=1), run], repeats)
        if work is None:  # the grid: two plain passes, then the patches that differ
            ran = [(layer, t) for layer in range(L) for t in range(16) if patched[-1][layer, t]]
            name, work = f"{name}, {len(ran)} run", 2 + forward_equivalents(ran, 16, L)
        rows.append(
            {
                "what": name,
                "ms": took,
                "bare forward ms": full,
                "÷ bare": took / full,
                "bare, last logits only ms": last,
                "÷ that": took / last,
                "work (forwards' worth of blocks)": work,
                "target": f"≤ {target}×",
                "memory rise, first run (MB)": peak,
            }
        )
    table(
        rows,
        f"Interventions at 16 tokens, GPT-2-small-sized model, torch threads={torch.get_num_threads()}, "
        f"medians of {repeats}, each taking turns with its bare forward passes",
    )

    if profile:
        from torch.profiler import ProfilerActivity
        from torch.profiler import profile as torch_profile

        def profiled():
            with torch_profile(activities=[ProfilerActivity.CPU]) as prof:
                for p in I._passes([(layer, h) for layer in range(L) for h in range(H)], 16, L):
                    joining: dict = {}
                    for layer, h in p:
                        joining.setdefault(layer, []).append(h)
                    I._grown_pass(
                        lm,
                        ids,
                        joining,
                        I._copies,
                        lambda where, hooks: [
                            hooks.append(
                                lm.arch.attention_output_projection(layer).register_forward_pre_hook(
                                    I._heads_hook(lm, {row: {h} for row, h in rs}, "zero")
                                )
                            )
                            for layer, rs in where.items()
                        ],
                        lambda z: z,
                        lambda rows: None,
                        None,
                    )
            return prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=12)

        print("\nWhere the head sweep's time goes (torch profiler, model thread):")
        print(on_model_thread(profiled))


if __name__ == "__main__":
    main()
