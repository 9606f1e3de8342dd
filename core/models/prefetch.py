"""Prepare a lecture while online: download (and for the offline default, convert) models.

python -m core.models prefetch gpt2 smollm2-135m
"""

from __future__ import annotations

import argparse
import time

from core.models.loading import load_lm
from core.models.registry import BUILTIN_MODELS, DEFAULT_MODEL, OFFLINE_DEFAULT, ModelUnavailable


def prefetch(names: list[str], out=print) -> int:
    """Load each model once so class needs no network; 1 if any failed."""
    failures = 0
    for name in names:
        out(f"[{name}] preparing ...")
        started = time.monotonic()

        def show(frac: float, what: str, _name=name) -> None:
            out(f"[{_name}] {frac:4.0%} {what}")

        try:
            lm = load_lm(name, progress=show)
        except ModelUnavailable as exc:
            failures += 1
            out(f"[{name}] FAILED: {exc.reason}")
            continue
        out(
            f"[{name}] ready: {lm.display_name}, {lm.n_params:,} parameters, "
            f"from {lm.source} ({time.monotonic() - started:.1f} s)"
        )
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core.models")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prefetch", help="cache models before class")
    p.add_argument(
        "names",
        nargs="*",
        default=[DEFAULT_MODEL, OFFLINE_DEFAULT],
        help=f"built-in names ({', '.join(BUILTIN_MODELS)}) or hub ids",
    )
    args = parser.parse_args(argv)
    return prefetch(args.names)
