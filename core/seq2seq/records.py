"""Recorded runs shipped with the project: the bottleneck lab at the seq2seq lesson's own settings,
and one timing of the translators' training steps at the translation page's own lengths. A page
shows them (and a lesson asks its question from them) before anyone presses a button; a live run
on the server replaces them on the page.

    result = recorded_lab(settings)                     # a lab.LabResult, or None (other settings)
    rows, machine = recorded_step_times(STEP_LENGTHS, STEP_BATCH, STEP_REPEATS)   # or None
    about("lab").date, about("lab").seconds             # what the caption says of the record

    python -m core.seq2seq.records                      # re-make both files on this machine
    python -m core.seq2seq.records training_steps       # or one of them

Each file (checkpoints/records/*.json, JSON only) holds what the run was made with, its results,
the machine (lab.machine_description), the date, the torch version and the seconds it took.
Importing this module costs no torch; core.seq2seq.lab is imported when a run is rebuilt or made.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

RECORDS = Path(__file__).resolve().parent / "checkpoints" / "records"
FILES = {"lab": RECORDS / "lab.json", "training_steps": RECORDS / "training_steps.json"}

# the translation page's training-step timing (section translation.training_steps) and its record:
# target lengths T, batch size, timed repeats per length, the two models timed
STEP_LENGTHS, STEP_BATCH, STEP_REPEATS = (4, 8, 16, 32), 32, 2
STEP_MODELS = ("attention", "transformer")
DIGITS = 6  # decimals kept of a loss or an attention weight in a record


@dataclass(frozen=True)
class About:
    """How a record was made: on which machine, when (UTC date), in how many seconds, with which torch."""

    machine: str
    date: str
    seconds: float
    torch: str


@lru_cache(maxsize=4)
def _read(path: Path, stamp: float) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


STAMP = ("machine", "date", "seconds", "torch")  # how every record was made
FIELDS = {  # what each kind of record holds besides
    "lab": ("settings", "accuracy", "losses", "example_source", "example_output", "example_alignment"),
    "training_steps": ("settings", "rows"),
}


def load(kind: str) -> dict | None:
    """The record of `kind` ("lab" or "training_steps") as stored, or None when it is missing,
    unreadable or not a record of that kind (a field missing). Shared between callers: read, never
    change it."""
    path = FILES[kind]
    try:
        record = _read(path, path.stat().st_mtime)
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or any(name not in record for name in (*STAMP, *FIELDS[kind])):
        return None
    return record


def about(kind: str) -> About | None:
    """How the record of `kind` was made (None without one): what a caption says of it."""
    record = load(kind)
    if record is None:
        return None
    return About(record["machine"], record["date"], float(record["seconds"]), record["torch"])


def recorded_lab(settings):
    """The recorded lab run as a lab.LabResult when `settings` (a lab.LabSettings) are exactly the
    record's; None otherwise, or when there is no record."""
    from .lab import LabResult, LabSettings

    record = load("lab")
    if record is None or settings != LabSettings(**record["settings"]):
        return None
    import numpy as np

    return LabResult(
        settings=LabSettings(**record["settings"]),
        accuracy=[dict(row) for row in record["accuracy"]],
        losses={name: list(values) for name, values in record["losses"].items()},
        example_source=list(record["example_source"]),
        example_output=list(record["example_output"]),
        example_alignment=np.asarray(record["example_alignment"], dtype=np.float32).reshape(
            len(record["example_output"]), len(record["example_source"])
        ),
        seconds=float(record["seconds"]),
        machine=record["machine"],
    )


def recorded_step_times(lengths, batch_size: int, repeats: int) -> tuple[list[dict], str] | None:
    """The recorded training-step timing as (rows, machine), the shape the page's live timing
    returns, when it was made with these lengths, batch size and repeats; None otherwise."""
    record = load("training_steps")
    if record is None:
        return None
    made = record["settings"]
    if (list(lengths), int(batch_size), int(repeats)) != (made["lengths"], made["batch_size"], made["repeats"]):
        return None
    return [dict(row) for row in record["rows"]], record["machine"]


# --------------------------------------------------------------------------- making the records


def _stamp(seconds: float) -> dict:
    import torch

    from .lab import machine_description

    return {
        "machine": machine_description(threads=1),
        "date": datetime.now(timezone.utc).date().isoformat(),
        "seconds": round(seconds, 1),
        "torch": torch.__version__,
    }


def make_lab(settings=None) -> dict:
    """Train both lab models (lab.train_both) at `settings` (default: lab.LabSettings(), the
    seq2seq lesson's lab step) and return the record."""
    from . import lab

    settings = settings or lab.LabSettings()
    result = lab.train_both(settings)
    return {
        "kind": "lab",
        "settings": asdict(result.settings),
        "accuracy": result.accuracy,
        "losses": {name: [round(float(x), DIGITS) for x in values] for name, values in result.losses.items()},
        "example_source": result.example_source,
        "example_output": result.example_output,
        "example_alignment": [[round(float(x), DIGITS) for x in row] for row in result.example_alignment],
        **_stamp(result.seconds),
    }


def make_step_times() -> dict:
    """Time one training step of the shipped attention LSTM and Transformer (lab.training_step_times)
    at the page's STEP_LENGTHS, STEP_BATCH and STEP_REPEATS and return the record."""
    from . import lab, load_card

    cards = {name: load_card(name) for name in STEP_MODELS}
    start = time.time()
    rows = lab.training_step_times(cards, STEP_LENGTHS, batch_size=STEP_BATCH, repeats=STEP_REPEATS)
    return {
        "kind": "training_steps",
        "settings": {"lengths": list(STEP_LENGTHS), "batch_size": STEP_BATCH, "repeats": STEP_REPEATS},
        "configs": {name: card["config"] for name, card in cards.items()},  # the sizes timed (random weights)
        "rows": rows,
        **_stamp(time.time() - start),
    }


def write(kind: str, record: dict) -> Path:
    path = FILES[kind]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    import sys

    wanted = sys.argv[1:] or list(FILES)  # python -m core.seq2seq.records [lab] [training_steps]
    for kind, make in (("training_steps", make_step_times), ("lab", make_lab)):
        if kind not in wanted:
            continue
        record = make()
        print(f"{write(kind, record)}: {record['seconds']} s on {record['machine']}")
