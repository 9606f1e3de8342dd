"""The translation page's held-out examples: ONE list that gives both its one-click buttons and
the references its "which translator gets this right?" question checks against
(checkpoints/held_out.json, read by pretrained.held_out_examples).

    python -m core.seq2seq.suggest --data ../shared/data/fra-eng.tsv

Drawn from the same held-out side of the same split the cards were scored on (every word in
the vocabulary, at most 80 characters), balanced over who gets the sentence exactly right
(only one translator, all three, none) with greedy decoding, so the question's answer varies
from button to button; two right is left out (the question can't say it).
"""

from __future__ import annotations

import argparse
import json
import random

from .data import english_word_count, group_references, read_pairs, split_by_english, tokenize_english, tokenize_french
from .pretrained import CHECKPOINTS, MODEL_NAMES, load_card, load_pretrained

HELD_OUT_FILE = CHECKPOINTS / "held_out.json"
OUTCOMES = (*MODEL_NAMES, "all", "none")


def outcome(right: dict[str, bool]) -> str | None:
    """Who got it right, as the question's options say it; None for exactly two."""
    winners = [n for n in MODEL_NAMES if right[n]]
    return {0: "none", 3: "all"}.get(len(winners)) or (winners[0] if len(winners) == 1 else None)


def choose(
    groups: list[tuple[str, list[str]]], translators: dict, per_outcome: int = 2, pool: int = 1500, seed: int = 0
) -> list[dict]:
    """Up to `per_outcome` sentences for each outcome, from a seeded sample of `pool` candidates;
    within an outcome the longer sentences first (length is what the page is about)."""
    src_vocab = translators["attention"].src_vocab
    fits = [
        (e, refs)
        for e, refs in groups
        if len(e) <= 80 and english_word_count(e) >= 3 and all(t in src_vocab for t in tokenize_english(e))
    ]
    rng = random.Random(seed)
    found: dict[str, list[dict]] = {o: [] for o in OUTCOMES}
    for english, refs in rng.sample(fits, min(pool, len(fits))):
        joined = [" ".join(tokenize_french(r)) for r in refs]
        right = {n: " ".join(translators[n].translate(english).tokens) in joined for n in MODEL_NAMES}
        kind = outcome(right)
        if kind is not None and len(found[kind]) < 4 * per_outcome:
            found[kind].append({"english": english, "references": refs, "right": right})
    chosen = []
    for kind in OUTCOMES:
        ranked = sorted(found[kind], key=lambda x: -english_word_count(x["english"]))
        chosen += ranked[:per_outcome]
    random.Random(seed).shuffle(chosen)
    return chosen


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="fra-eng.tsv (manythings.org/anki)")
    args = parser.parse_args(argv)
    card = load_card("attention")["data"]
    _, test = split_by_english(read_pairs(args.data), card["test_fraction"], seed=0)
    translators = {name: load_pretrained(name) for name in MODEL_NAMES}
    examples = choose(group_references(test), translators)
    HELD_OUT_FILE.write_text(
        json.dumps({"decoding": "greedy", "examples": examples}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{len(examples)} examples → {HELD_OUT_FILE}")


if __name__ == "__main__":
    main()
