"""Held-out evaluation: corpus BLEU (sacrebleu) against every reference, by length, exact match.

BLEU here is computed on lower-cased, normalised text tokenised by ``data.tokenize_french``
(hypothesis and references alike, tokens joined by spaces), so sacrebleu is called with
``tokenize="none"``; the metric's signature is stored with every score. Each English test
sentence is translated once and scored against all of its French translations in the corpus:
sacrebleu takes references as "streams" (the k-th stream holds the k-th reference of every
sentence), and sentences with fewer references fill the missing streams with ``None``.
"""

from __future__ import annotations

import math
import time
from typing import Sequence, cast

import sacrebleu
import torch

from .data import Pair, Vocab, english_word_count, group_references, tokenize_english, tokenize_french
from .decoding import beam_search, greedy
from .pretrained import BEAM

# English sentence length (words, punctuation not counted): the buckets BLEU is reported in.
# The last one is open-ended; its label says the longest sentence it really holds.
LENGTH_BUCKETS = ((1, 3), (4, 4), (5, 5), (6, 6), (7, 1000))


def bucket_label(lo: int, hi: int) -> str:
    return str(lo) if lo == hi else f"{lo}–{hi}"


def reference_streams(references: list[list[str]]) -> list[list[str | None]]:
    """Per-sentence reference lists → sacrebleu's reference streams, padded with None."""
    if not references:
        return [[]]
    k = max(len(r) for r in references)
    return [[r[i] if i < len(r) else None for r in references] for i in range(k)]


def corpus_bleu(hypotheses: list[str], references: list[list[str]], tokenize: str = "none"):
    """sacrebleu corpus BLEU with a variable number of references per hypothesis."""
    metric = sacrebleu.BLEU(tokenize=tokenize)
    # sacrebleu reads a None in a stream as "no reference of this rank here"; its annotation leaves None out
    streams = cast("Sequence[Sequence[str]]", reference_streams(references))
    score = metric.corpus_score(hypotheses, streams)
    return score, str(metric.get_signature())


def bleu_by_length(hypotheses, references, lengths, buckets=LENGTH_BUCKETS) -> list[dict]:
    """One row per length bucket: {"bucket", "sentences", "bleu"} (empty buckets are skipped).
    A bucket is labelled by the shortest and longest sentence it holds, not the bounds it was
    asked for (the last bucket is open-ended)."""
    rows = []
    for lo, hi in buckets:
        idx = [i for i, n in enumerate(lengths) if lo <= n <= hi]
        if not idx:
            continue
        lo, hi = min(lengths[i] for i in idx), max(lengths[i] for i in idx)  # what the bucket holds
        score, _ = corpus_bleu([hypotheses[i] for i in idx], [references[i] for i in idx])
        rows.append(
            {
                "bucket": bucket_label(lo, hi),
                "min_words": lo,
                "max_words": hi,
                "sentences": len(idx),
                "bleu": round(score.score, 2),
            }
        )
    return rows


def exact_match_rate(hypotheses: list[str], references: list[list[str]]) -> float:
    """Share of hypotheses equal to one of their references."""
    if not hypotheses:
        return math.nan
    return sum(h in refs for h, refs in zip(hypotheses, references)) / len(hypotheses)


def held_out_suggestions(
    english: list[str], lengths: list[int], src_vocab: Vocab, per_bucket: int = 4, seed: int = 0
) -> list[str]:
    """A few held-out English sentences per length bucket whose words are all in the vocabulary."""
    import random

    rng = random.Random(seed)
    out = []
    for lo, hi in LENGTH_BUCKETS:
        fits = [
            e
            for e, n in zip(english, lengths)
            if lo <= n <= hi and len(e) <= 80 and all(t in src_vocab for t in tokenize_english(e))
        ]
        out += rng.sample(fits, min(per_bucket, len(fits)))
    return out


def source_batch(src_vocab: Vocab, sentences: list[str], max_words: int = 60):
    """Raw English sentences → padded ids [B, S] and lengths [B] (an empty one becomes <unk>)."""
    rows = [src_vocab.encode(tokenize_english(s))[:max_words] or [src_vocab.unk_id] for s in sentences]
    lens = torch.tensor([len(r) for r in rows])
    src = torch.full((len(rows), int(lens.max())), src_vocab.pad_id, dtype=torch.long)
    for i, r in enumerate(rows):
        src[i, : len(r)] = torch.tensor(r)
    return src, lens


@torch.no_grad()
def translate_batch(
    model,
    src_vocab: Vocab,
    tgt_vocab: Vocab,
    sentences: list[str],
    batch_size: int = 256,
    extra_len: int = 10,
    beam: int | None = None,
) -> list[list[str]]:
    """Translations (French tokens) of raw English sentences: greedy in batches, or beam
    search one sentence at a time."""
    model.eval()
    out: list[list[str]] = []
    for start in range(0, len(sentences), batch_size):
        src, lens = source_batch(src_vocab, sentences[start : start + batch_size])
        max_len = int(lens.max()) * 2 + extra_len
        if beam is None:
            ids, _, _ = greedy(model, src, lens, max_len=max_len)
            out.extend(tgt_vocab.decode(row.tolist()) for row in ids)
        else:
            for i in range(len(lens)):
                n = int(lens[i])
                found = beam_search(model, src[i : i + 1, :n], lens[i : i + 1], beam, max_len=2 * n + extra_len)
                out.append(tgt_vocab.decode(found))
    return out


def evaluate(
    model, src_vocab: Vocab, tgt_vocab: Vocab, test_pairs: list[Pair], limit: int | None = None, beam: int | None = None
) -> dict:
    """BLEU overall and by English length, exact match, on the held-out pairs (greedy, or
    beam search of width ``beam``)."""
    groups = group_references(test_pairs)[:limit]
    english = [g[0] for g in groups]
    references = [[" ".join(tokenize_french(r)) for r in g[1]] for g in groups]
    hypotheses = [" ".join(t) for t in translate_batch(model, src_vocab, tgt_vocab, english, beam=beam)]
    lengths = [english_word_count(e) for e in english]
    score, signature = corpus_bleu(hypotheses, references)
    return {
        "suggestions": held_out_suggestions(english, lengths, src_vocab),
        "bleu": round(score.score, 2),
        "bleu_signature": signature,
        "bleu_by_length": bleu_by_length(hypotheses, references, lengths),
        "exact_match": round(exact_match_rate(hypotheses, references), 4),
        "test_sentences": len(english),
        "test_pairs": sum(len(r) for r in references),
        "examples": [
            {"english": e, "output": h, "references": r} for e, h, r in list(zip(english, hypotheses, references))[:20]
        ],
    }


def score_both(model, src_vocab: Vocab, tgt_vocab: Vocab, test_pairs: list[Pair], limit: int | None = None) -> dict:
    """A card's two evaluation sections: greedy ("evaluation") and beam ("evaluation_beam")."""
    t0 = time.time()
    greedy_metrics = evaluate(model, src_vocab, tgt_vocab, test_pairs, limit=limit)
    t1 = time.time()
    beam_metrics = evaluate(model, src_vocab, tgt_vocab, test_pairs, limit=limit, beam=BEAM)
    t2 = time.time()
    return {
        "evaluation": {**greedy_metrics, "decoding": "greedy", "eval_seconds": round(t1 - t0, 1), "note": LENGTH_NOTE},
        "evaluation_beam": {
            **{
                k: beam_metrics[k]
                for k in ("bleu", "bleu_signature", "bleu_by_length", "exact_match", "test_sentences")
            },
            "decoding": f"beam search, width {BEAM}, length-normalised",
            "beam": BEAM,
            "eval_seconds": round(t2 - t1, 1),
        },
    }


def longest_sentence(pairs: list[Pair]) -> int:
    """The most English words any pair has (what the models ever saw in training)."""
    return max((english_word_count(p.english) for p in pairs), default=0)


LENGTH_NOTE = (
    "Tatoeba sentences are short (English: 1–9 words, mostly 3–6), far shorter than the "
    "WMT'14 sentences of Bahdanau et al. (up to 50+ words), so the collapse of the plain "
    "model with length can only begin to show here; the bottleneck lab shows it on long "
    "synthetic inputs."
)


def main(argv=None):
    """Re-measure a checkpoint on its held-out split and write the result into its card:

        python -m core.seq2seq.evaluate --data ../shared/data/fra-eng.tsv \\
            --checkpoint core/seq2seq/checkpoints/attention
    """
    import argparse
    import json
    from pathlib import Path

    from .data import read_pairs, split_by_english
    from .translator import load_translator

    ap = argparse.ArgumentParser(description=main.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--checkpoint", required=True, help="directory with model.pt, vocab.json, card.json")
    ap.add_argument("--no-write", action="store_true", help="print only, leave card.json as it is")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    translator = load_translator(args.checkpoint)
    card = translator.card
    split = card["data"]
    train, test = split_by_english(read_pairs(args.data), split["test_fraction"], seed=card["training"]["seed"])
    card["data"]["longest_train_english"] = longest_sentence(train)
    card.update(score_both(translator.model, translator.src_vocab, translator.tgt_vocab, test))
    if not args.no_write:
        path = Path(args.checkpoint) / "card.json"
        path.write_text(json.dumps(card, ensure_ascii=False, indent=1), encoding="utf-8")
    print(
        json.dumps(
            {
                section: {k: card[section][k] for k in ("bleu", "exact_match", "bleu_by_length")}
                for section in ("evaluation", "evaluation_beam")
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
