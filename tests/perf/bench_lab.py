"""Benchmark: wall time of the bottleneck lab's ``train_both`` with its default settings.

    python tests/perf/bench_lab.py

The page promises the default run finishes in at most 60 s on 2 CPU cores.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.seq2seq.lab import LabSettings, machine_description, train_both  # noqa: E402


def main():
    settings = LabSettings()
    t0 = time.perf_counter()
    result = train_both(settings)
    seconds = time.perf_counter() - t0
    print(f"machine: {machine_description()}")
    print(f"settings: {settings}")
    print(f"train_both: {seconds:.1f} s (budget 60 s)")
    for name in ("plain", "attention"):
        rows = [r for r in result.accuracy if r["model"] == name]
        longest = max(rows, key=lambda r: r["length"])
        mid = min(rows, key=lambda r: abs(r["length"] - 20))
        print(
            f"  {name:9s} exact@{mid['length']}: {mid['exact']:.1%}  exact@{longest['length']}: "
            f"{longest['exact']:.1%}  per-token@{longest['length']}: {longest['per_token']:.1%}"
        )


if __name__ == "__main__":
    main()
