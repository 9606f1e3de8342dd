"""Benchmark: the page's streamed generation (core.sampling.generate_steps) against
Hugging Face's `model.generate`, same model, same settings, same run.

    python tests/perf/bench_generation.py                      # GPT-2 small size, random weights
    python tests/perf/bench_generation.py --tokenizer /path/to/gpt2-tokenizer --tokens 50
    python tests/perf/bench_generation.py --model /path/to/saved_model   # any load_lm folder
    python tests/perf/bench_generation.py --threads 1          # torch intra-op threads

By default the model is `GPT2Config()` with random weights (GPT-2 small's exact size: 12
layers, 768 wide, 50,257 tokens) and GPT-2's real tokenizer from ../shared/gpt2-tokenizer.
Both sides generate exactly --tokens new tokens (no early stop at end-of-text) after the
same prompt; tokens/s counts new tokens over the wall time including the prompt's pass.
The streamed side does what the page does per step: one forward pass with the KV cache,
the filters, a draw, the top alternatives and the incremental decode.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core import sampling  # noqa: E402
from core.models import LM, load_lm, wrap  # noqa: E402

DEFAULT_TOKENIZER = ROOT.parent / "shared" / "gpt2-tokenizer"
PROMPT = "Data visualization empowers users to"


def gpt2_small_random(tokenizer_dir: Path) -> LM:
    from transformers import GPT2Config, GPT2LMHeadModel

    from tests.tiny_models import real_gpt2_tokenizer

    tokenizer = real_gpt2_tokenizer(tokenizer_dir)
    torch.manual_seed(0)
    model = GPT2LMHeadModel(GPT2Config(attn_implementation="eager")).eval()
    return wrap(model, tokenizer, "gpt2-random", "GPT-2 small size, random weights", "local directory")


def time_streamed(lm: LM, ids: list[int], n: int, settings: dict) -> tuple[float, list[int]]:
    started = time.perf_counter()
    out = [s.token_id for s in sampling.generate_steps(lm, ids, n, stop_at_eos=False, **settings)]
    return time.perf_counter() - started, out


def time_generate(lm: LM, ids: list[int], n: int, settings: dict) -> tuple[float, list[int]]:
    kwargs = dict(
        max_new_tokens=n,
        min_new_tokens=n,
        attention_mask=torch.ones(1, len(ids), dtype=torch.long),
        pad_token_id=min(lm.eos_ids),
    )
    if settings.get("greedy"):
        kwargs["do_sample"] = False
    else:
        torch.manual_seed(settings["seed"])
        kwargs.update(
            do_sample=True, temperature=settings["temperature"], top_k=settings["top_k"], top_p=settings["top_p"]
        )
    started = time.perf_counter()
    with torch.no_grad():
        out = lm.model.generate(torch.tensor([ids]), **kwargs)
    return time.perf_counter() - started, out[0, len(ids) :].tolist()


def weights_floor_ms(lm: LM, repeats: int = 20) -> float:
    """Per token, the least any decoder of this model can do at batch 1 in float32: one
    product of a single vector with every weight matrix (every Linear / Conv1D, the
    unembedding included), nothing else — no attention, norms, activations or sampling."""
    from transformers.pytorch_utils import Conv1D

    products = []
    for module in lm.model.modules():
        if isinstance(module, torch.nn.Linear):
            products.append((module.weight.T, module.bias))  # [in, out]
        elif isinstance(module, Conv1D):
            products.append((module.weight, module.bias))  # GPT-2 keeps [in, out]
    vectors = [torch.randn(1, w.shape[0]) for w, _ in products]

    def one_token() -> None:
        for (w, b), x in zip(products, vectors):
            x @ w if b is None else torch.addmm(b, x, w)

    with torch.no_grad():
        one_token()
        started = time.perf_counter()
        for _ in range(repeats):
            one_token()
    return (time.perf_counter() - started) / repeats * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--tokenizer", type=Path, default=DEFAULT_TOKENIZER, help="folder with GPT-2's vocab.json + merges.txt"
    )
    parser.add_argument("--model", help="a model for load_lm instead of random GPT-2 small")
    parser.add_argument("--tokens", type=int, default=50, help="new tokens per run (<= 100)")
    parser.add_argument("--repeats", type=int, default=2, help="runs per cell (best is kept)")
    parser.add_argument(
        "--threads",
        type=int,
        default=0,
        help="torch threads (0: torch's default); on a busy shared CPU, 1 can "
        "be much faster than oversubscribed threads",
    )
    args = parser.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)

    lm = load_lm(args.model) if args.model else gpt2_small_random(args.tokenizer)
    ids = lm.encode(PROMPT)
    n = min(args.tokens, sampling.MAX_NEW_TOKENS)
    print(
        f"model: {lm.display_name} ({lm.n_params:,} parameters, {lm.arch.n_layers} layers, "
        f"vocab {lm.arch.vocab_size:,}); prompt {len(ids)} tokens; {n} new tokens; "
        f"torch threads {torch.get_num_threads()}"
    )

    modes = {
        "greedy": dict(greedy=True),
        "T=0.8 top-k 50 top-p 0.9": dict(temperature=0.8, top_k=50, top_p=0.9, seed=0),
    }
    time_streamed(lm, ids, 3, modes["greedy"])  # warm-up
    time_generate(lm, ids, 3, modes["greedy"])
    rows = []
    for label, settings in modes.items():
        best_stream, best_hf = float("inf"), float("inf")
        for _ in range(args.repeats):
            t_stream, mine = time_streamed(lm, ids, n, settings)
            t_hf, ref = time_generate(lm, ids, n, settings)
            best_stream, best_hf = min(best_stream, t_stream), min(best_hf, t_hf)
        rows.append((label, n / best_stream, n / best_hf, mine == ref))

    floor = weights_floor_ms(lm)
    print()
    print(
        f"| {'settings':<26} | {'streamed tok/s':>14} | {'generate tok/s':>14} | "
        f"{'ratio':>5} | same tokens | {'ceiling':>7} |"
    )
    print(f"|{'-' * 28}|{'-' * 16}|{'-' * 16}|{'-' * 7}|{'-' * 13}|{'-' * 9}|")
    for label, stream, hf, same in rows:
        print(
            f"| {label:<26} | {stream:>14.1f} | {hf:>14.1f} | {stream / hf:>5.2f} | "
            f"{'yes' if same else 'NO':>11} | {1000 / hf / floor:>7.2f} |"
        )
    print(
        f"\nweights floor: {floor:.1f} ms per token ({1000 / floor:.1f} tok/s) — one batch-1 "
        "product with every weight matrix and nothing else. ceiling = generate's ms per "
        "token / floor: the most any float32 decoder of this model could beat generate by."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
