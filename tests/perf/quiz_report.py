"""How guessable is each Predict-first question? For every question kind on every page, over the
page's suggested inputs × 20 seeds: how often a fixed rule wins (always option A, always the same
answer, the shortest or longest option, the smallest or largest number, the nearest or farthest
position, the first or previous token …) and where the right option sits.

    python -m tests.perf.quiz_report                 # the offline default (SmolLM2), the translators
    python -m tests.perf.quiz_report --model PATH    # any model load_lm takes

tests/test_quiz_guessability.py holds every kind to: no rule above 60 %, no place above 40 %.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from core import i18n, quiz

SEEDS = range(20)
MAX_RULE, MAX_PLACE = 0.60, 0.40
MIN_SUPPORT = 5  # a rule "always X" counts only where X was offered at least this often


# --------------------------------------------------------------------------- the pages' suggested inputs


def page_inputs(lm=None) -> dict:
    """The inputs each page suggests (its defaults and its one-click examples), read from the
    pages' own modules and catalog."""
    from core.ui.sections.attention import EXAMPLE as ATTENTION_EXAMPLE
    from core.ui.sections.block import DEFAULT_PROMPT as BLOCK_PROMPT
    from core.ui.sections.sampling import DEFAULT_PROMPT as SAMPLING_PROMPT

    return {
        "embeddings.prompts": [i18n.t("embeddings.default", "en")],
        "embeddings.words": [[w.strip() for w in i18n.t("embeddings.words_default", "en").split(",")]],
        "posenc.sizes": [48],  # the page's slider default
        "attention.prompts": [i18n.t("attention.default", "en"), ATTENTION_EXAMPLE],
        "block.prompts": [BLOCK_PROMPT],
        "sampling.prompts": [SAMPLING_PROMPT],
        "sampling.settings": [dict(temperature=1.0, top_k=min(50, lm.arch.vocab_size) if lm else 50, top_p=0.9)],
    }


def model_questions(lm) -> dict[str, list]:
    """{kind: [Question | Unbuildable, …]} for every model page's kind, inputs × seeds."""
    from core.block import block_steps
    from core.embeddings import EmbeddingIndex
    from core.positional import learned_positions, rotary_frequencies, rotary_similarity_by_distance
    from core.trace import run_trace

    inputs, out = page_inputs(lm), defaultdict(list)
    index = EmbeddingIndex(lm)
    for text in inputs["embeddings.prompts"]:
        for seed in SEEDS:
            out["embeddings.split"].append(quiz.token_count(index, lm, text, seed=seed))
    for words in inputs["embeddings.words"]:
        vectors = [index.word(lm, w).vector for w in words]
        for seed in SEEDS:
            out["embeddings.nearest"].append(quiz.nearest_word(words, vectors, seed=seed))
    from core.embeddings import cosine_matrix

    for m in inputs["posenc.sizes"]:
        if lm.arch.positional == "learned":
            other, which = cosine_matrix(learned_positions(lm)[:m]), "learned"
        else:
            curve = rotary_similarity_by_distance(rotary_frequencies(lm), m, n_pairs=lm.arch.d_head // 2)
            other, which = curve[np.abs(np.arange(m)[:, None] - np.arange(m)[None])], "rotary"
        for seed in SEEDS:
            out[f"posenc.nearest.{which}"].append(quiz.nearest_position(other, which, seed=seed))
    for text in inputs["attention.prompts"]:
        trace = run_trace(lm, text)
        for seed in SEEDS:
            out["attention.top_key"].append(quiz.top_key(trace, seed=seed))
            out["attention.head_kind"].append(quiz.head_kind(trace, seed=seed))
    for text in inputs["block.prompts"]:
        trace = run_trace(lm, text)
        steps = block_steps(lm, trace, 0)  # the page's default layer and token
        for seed in SEEDS:
            out["block.units_firing"].append(quiz.units_firing(lm, steps, trace.n_tokens - 1, seed=seed))
            out["block.top_writer"].append(quiz.top_writer(lm, trace, seed=seed))
    for text in inputs["sampling.prompts"]:
        trace = run_trace(lm, text)
        for settings in inputs["sampling.settings"]:
            for seed in SEEDS:
                out["sampling.next_token"].append(quiz.next_token(lm, trace.next_token_logits, seed=seed))
                out["sampling.tokens_kept"].append(quiz.tokens_kept(trace.next_token_logits, **settings, seed=seed))
    return dict(out)


def translator_questions() -> dict[str, list]:
    """The translation page's kinds over its suggestion buttons × seeds (greedy, the default)."""
    from core.seq2seq import MODEL_NAMES, load_pretrained
    from core.seq2seq.pretrained import held_out_examples

    models = {name: load_pretrained(name) for name in MODEL_NAMES}
    out = defaultdict(list)
    for sentence, _ in held_out_examples():
        results = {name: models[name].translate(sentence) for name in MODEL_NAMES}
        for seed in SEEDS:
            out["rnn.right_translator"].append(quiz.right_translator(results, sentence, seed=seed))
            out["rnn.attended_word"].append(quiz.attended_word(results["attention"], seed=seed))
    return dict(out)


# --------------------------------------------------------------------------- the fixed rules


def _number(text: str) -> float | None:
    found = re.search(r"-?\d[\d,]*\.?\d*", text)
    return float(found.group().replace(",", "")) if found else None


def _numbered(q) -> list[float] | None:
    numbers = [_number(o.render("en")) for o in q.options]
    return None if any(n is None for n in numbers) else numbers


def _argmin(values) -> list[int]:
    """The smallest's indices: on a tie the rule picks one of them at random."""
    values = np.asarray(values, dtype=np.float64)
    return [int(i) for i in np.flatnonzero(values == values.min())]


def _argmax(values) -> list[int]:
    return _argmin(-np.asarray(values, dtype=np.float64))


def _near(q, sign: int):
    """The option nearest (sign 1) or farthest (−1) from the number the prompt asks about
    (position p, the last token)."""
    numbers = _numbered(q)
    values = q.prompt.values
    if numbers is None:
        return None
    if "p" in values:
        anchor = values["p"]
    elif q.kind == "attention.top_key":
        anchor = max(numbers) + 0.5  # the last token (the options are earlier tokens or itself)
    else:
        return None
    return _argmin([sign * abs(n - anchor) for n in numbers])


RULES = {
    "the shortest option": lambda q: _argmin([len(o.render("en")) for o in q.options]),
    "the longest option": lambda q: _argmax([len(o.render("en")) for o in q.options]),
    "the smallest number": lambda q: None if (n := _numbered(q)) is None else _argmin(n),
    "the largest number": lambda q: None if (n := _numbered(q)) is None else _argmax(n),
    "the nearest position": lambda q: _near(q, 1),
    "the farthest position": lambda q: _near(q, -1),
}


@dataclass
class Row:
    kind: str
    asked: int = 0
    unbuildable: int = 0
    rules: dict = field(default_factory=dict)  # rule name → share of the questions it gets right
    places: list = field(default_factory=list)  # share of answers at option A, B, …

    @property
    def worst_rule(self) -> tuple[str, float]:
        return max(self.rules.items(), key=lambda kv: kv[1]) if self.rules else ("—", 0.0)

    @property
    def worst_place(self) -> float:
        return max(self.places) if self.places else 0.0

    @property
    def fair(self) -> bool:
        return self.worst_rule[1] <= MAX_RULE and self.worst_place <= MAX_PLACE


def measure(kind: str, questions: list) -> Row:
    """The rules' hit rates and the answer's places over one kind's questions."""
    asked = [q for q in questions if isinstance(q, quiz.Question)]
    row = Row(kind, len(asked), len(questions) - len(asked))
    if not asked:
        return row
    for name, rule in RULES.items():
        picks = [(rule(q), q.answer) for q in asked]
        picks = [(p, a) for p, a in picks if p is not None]  # None: the rule doesn't apply (no numbers)
        if len(picks) >= MIN_SUPPORT:  # a tie: one of the tied options at random, so 1/len wins
            row.rules[name] = sum((a in p) / len(p) for p, a in picks) / len(picks)
    won = Counter(q.options[q.answer].render("en") for q in asked)  # "always answer X" (when X is offered)
    label, count = won.most_common(1)[0]
    share = count / len(asked)
    if True:
        row.rules[f"always “{label[:28]}”"] = share
    width = max(len(q.options) for q in asked)
    row.places = [sum(q.answer == i for q in asked) / len(asked) for i in range(width)]
    return row


def report(questions: dict[str, list]) -> list[Row]:
    return [measure(kind, qs) for kind, qs in sorted(questions.items())]


def table(rows: list[Row], title: str) -> str:
    lines = [
        f"**{title}** — {len(SEEDS)} seeds × the page's suggested inputs",
        "",
        "| question kind | asked | not askable | best fixed rule | its hit rate | answer's place (A, B, …) | fair |",
        "|---|---:|---:|---|---:|---|:-:|",
    ]
    for r in rows:
        rule, share = r.worst_rule
        places = " · ".join(f"{p:.0%}" for p in r.places)
        lines.append(
            f"| {r.kind} | {r.asked} | {r.unbuildable} | {rule} | {share:.0%} | {places} | "
            f"{'✓' if r.fair or not r.asked else '✗'} |"
        )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="smollm2-135m", help="what load_lm takes (default: the offline default)")
    parser.add_argument("--no-translators", action="store_true")
    args = parser.parse_args(argv)
    import torch

    from core.models import load_lm

    torch.set_num_threads(1)
    lm = load_lm(args.model)
    print(table(report(model_questions(lm)), f"{lm.display_name}"))
    if not args.no_translators:
        print()
        print(table(report(translator_questions()), "The shipped translators (greedy)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
