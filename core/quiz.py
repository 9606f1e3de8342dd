"""Predict, then reveal: questions built from the model on screen — never typed in.

    q = nearest_word(names, vectors, seed=3)     # a Question, or Unbuildable when it can't be asked
    q.prompt.render("ko"), [o.render("ko") for o in q.options], q.answer, q.explanation
    q.public()                                   # what a student's phone may be sent: no answer

Every builder takes what its page has just computed (or the page's own core function computes
it here), picks what to ask with `seed` (same seed, same question), and returns either a
`Question` — a prompt, 3–5 unique options, the index of the model's answer and an
explanation, each a catalog key with its values (core/strings/quiz.py, EN and KO) — or an
`Unbuildable` that says why this input can't be asked about (a one-token prompt, a tie,
greedy decoding …). Distractors are near misses from the same computation: the runners-up.

No streamlit here, and no torch at import time: pages import this module before the model loads.
"""

from __future__ import annotations

import hashlib
import json
import random
import string
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

import numpy as np

from core import i18n

if TYPE_CHECKING:
    from core.models import LM
    from core.trace import Trace

MARGIN = 1e-3  # the answer must beat the best distractor by this much, or the question is not asked
N_OPTIONS = 4


# --------------------------------------------------------------------------- questions


@dataclass(frozen=True)
class Text:
    """A catalog key and its values: rendered in whichever language the reader has."""

    key: str
    values: dict = field(default_factory=dict)

    def render(self, lang: str) -> str:
        """The text in `lang`; a value that is itself a Text (or its dict) is rendered too."""
        values = {
            k: Text.from_dict(v).render(lang) if isinstance(v, dict) else v.render(lang) if isinstance(v, Text) else v
            for k, v in self.values.items()
        }
        return i18n.t(self.key, lang, **values)

    def plain(self, lang: str) -> str:
        """The text in `lang` for a place that does not render Markdown (values as they are)."""
        values = {
            k: Text.from_dict(v).plain(lang) if isinstance(v, dict) else v.plain(lang) if isinstance(v, Text) else v
            for k, v in self.values.items()
        }
        return i18n.plain(self.key, lang, **values)

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "values": {k: v.as_dict() if isinstance(v, Text) else v for k, v in self.values.items()},
        }

    @classmethod
    def from_dict(cls, data: dict) -> Text:
        return cls(str(data["key"]), dict(data.get("values") or {}))

    def with_myth(self, myth: Text) -> Text:
        """This explanation followed by what it shows of a common wrong intuition (a misconception
        the question is there to meet, each stated with the model's own numbers)."""
        return Text("quiz.why_and_myth", {"why": self, "myth": myth})

    def __hash__(self) -> int:
        return hash(json.dumps(self.as_dict(), sort_keys=True))


def literal(text: str) -> Text:
    """An option that is the model's own string (a token, a word): the same in every language."""
    return Text("quiz.literal", {"text": str(text)})


@dataclass(frozen=True)
class Question:
    kind: str  # "<page>.<what>", e.g. "attention.top_key"
    prompt: Text
    options: tuple[Text, ...]
    answer: int  # index into options
    explanation: Text
    seed: int = 0

    @property
    def why(self) -> Text:
        """The explanation's own numbers, without the misconception sentence that may follow it."""
        if self.explanation.key != "quiz.why_and_myth":
            return self.explanation
        why = self.explanation.values["why"]
        return why if isinstance(why, Text) else Text.from_dict(why)

    def public(self) -> dict:
        """The part a student may see before the reveal: kind, prompt, options."""
        return {"kind": self.kind, "prompt": self.prompt.as_dict(), "options": [o.as_dict() for o in self.options]}

    @property
    def fingerprint(self) -> str:
        """Names the question without giving its answer away (a hash of the public part)."""
        text = json.dumps(self.public(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class Unbuildable:
    """This input can't be asked about; `reason` says why (in the reader's language)."""

    kind: str
    reason: Text


def _rng(kind: str, seed: int) -> random.Random:
    return random.Random(f"{kind}:{int(seed)}")


def _place(kind: str, seed: int, k: int) -> int:
    """Where the answer goes among k options: every k consecutive seeds put it once at each
    place, in an order drawn per block of seeds — the place is even across seeds and can't be
    read off the seed."""
    order = list(range(k))
    random.Random(f"{kind}:place:{int(seed) // k}").shuffle(order)
    return order[int(seed) % k]


def _pick(
    kind: str, seed: int, scores: np.ndarray, labels: list[Text], prompt: Text, explain, n: int = N_OPTIONS
) -> Question | None:
    """The best-scoring candidate and the n−1 next best (the near misses), shuffled by the
    seed; None when fewer than 3 candidates or the best doesn't clear the runner-up by MARGIN."""
    order = [int(i) for i in np.argsort(-np.asarray(scores, dtype=np.float64), kind="stable")]
    seen, chosen = set(), []
    for i in order:  # options must read differently
        if labels[i] not in seen:
            seen.add(labels[i])
            chosen.append(i)
        if len(chosen) == n:
            break
    if len(chosen) < 3 or scores[chosen[0]] - scores[chosen[1]] < MARGIN:
        return None
    shown = list(chosen[1:])
    _rng(kind, seed).shuffle(shown)
    place = _place(kind, seed, len(chosen))
    shown.insert(place, chosen[0])
    return Question(kind, prompt, tuple(labels[i] for i in shown), place, explain(chosen[0], chosen[1]), seed)


def _first_buildable(kind: str, seed: int, candidates: list, build, reason: str):
    """Try the candidates in the seed's order; the first that makes a fair question wins."""
    order = list(candidates)
    _rng(kind, seed).shuffle(order)
    for candidate in order:
        question = build(candidate)
        if question is not None:
            return question
    return Unbuildable(kind, Text(reason))


def _varied(kind: str, seed: int, candidates: list, build, reason: str):
    """Every candidate's question, grouped by its answer; the seed draws an answer first, then a
    candidate that gives it. So no answer comes up more often than another across seeds, and
    "always pick X" can't win on a page's default input (tests/perf/quiz_report.py measures it)."""
    by_answer: dict[str, list[Question]] = {}
    for candidate in candidates:
        question = build(candidate)
        if question is not None:
            key = json.dumps(question.options[question.answer].as_dict(), sort_keys=True)
            by_answer.setdefault(key, []).append(question)
    if not by_answer:
        return Unbuildable(kind, Text(reason))
    answers = sorted(by_answer)
    return _rng(kind, seed).choice(by_answer[answers[_place(kind + ".answer", seed, len(answers))]])


def _sample_pool(kind: str, seed: int, scores, labels: list[Text], pool: int) -> np.ndarray:
    """Scores with all but N_OPTIONS of the `pool` best (distinct labels) set to −inf, the
    N_OPTIONS drawn by the seed: the model's top answer is offered in only some questions."""
    order = [int(i) for i in np.argsort(-np.asarray(scores, dtype=np.float64), kind="stable")]
    seen, best = set(), []
    for i in order:
        if labels[i] not in seen:
            seen.add(labels[i])
            best.append(i)
        if len(best) == pool:
            break
    kept = _rng(kind + ".pool", seed).sample(best, min(N_OPTIONS, len(best)))
    out = np.full(len(scores), -np.inf)
    out[kept] = np.asarray(scores, dtype=np.float64)[kept]
    return out


NICE_STEPS = [m * 10**e for e in range(7) for m in (1, 2, 5)]


def _ranges(
    kind: str,
    seed: int,
    value: int,
    lowest: int,
    highest: int,
    k: int = N_OPTIONS,
    geometric: bool = False,
    min_width: int = 1,
) -> list[int]:
    """k + 1 integer edges of k ranges [e_i, e_i+1) around `value`, its range at a place that is
    even across seeds (_place) and `value` at a random spot inside it. Equal ranges of a round
    width that leaves room on both sides, or (geometric: for counts from 1 to the vocabulary)
    each about 1.6 times the one before."""
    u = _rng(kind + ".ranges", seed).random()
    if geometric:
        place = _place(kind, seed, k)
        start = max(float(value), 1.0) / 1.6 ** (place + u)
        edges = [int(np.floor(start * 1.6**i)) for i in range(k + 1)]
    else:
        room = min(value - lowest + 1, highest + 1 - value) / (k + 0.5)
        w = max([min_width] + [step for step in NICE_STEPS if step <= room])
        offset = int(u * w)  # where in its range the value sits
        places = min(k, (value - offset - lowest) // w + 1)  # the places that leave room below
        place = _place(kind, seed, max(places, 1))
        start = value - place * w - offset
        edges = [start + i * w for i in range(k + 1)]
    for i in range(1, k + 1):  # at least one value per range
        edges[i] = max(edges[i], edges[i - 1] + 1)
    shift = max(0, lowest - edges[0]) - max(0, edges[-1] - (highest + 1))
    edges = [e + shift for e in edges]
    if not (edges[0] >= lowest and edges[-1] <= highest + 1 and edges[0] <= value < edges[-1]):
        first = max(lowest, min(value - place, highest + 1 - k))  # squeezed: ranges of one value
        edges = [first + i for i in range(k + 1)]
    return edges


def _bin_question(
    kind: str, seed: int, value: float, edges: Sequence[float], labels: list[Text], prompt: Text, explanation: Text
) -> Question:
    """Options are ranges in their natural order: `value` falls in [edges[i], edges[i+1])."""
    answer = int(np.searchsorted(np.asarray(edges[1:-1], dtype=np.float64), value, side="right"))
    return Question(kind, prompt, tuple(labels), answer, explanation, seed)


# --------------------------------------------------------------------------- 1. embeddings


def nearest_word(names: list[str], vectors, seed: int = 0) -> Question | Unbuildable:
    """Which of four typed words is nearest to X — cosine of the model's own rows
    (core.embeddings.cosine_matrix, as the page's heatmap)."""
    from core.embeddings import cosine_matrix

    kind = "embeddings.nearest"
    if len(names) < 4:
        return Unbuildable(kind, Text("quiz.cannot.four_words"))
    sims = cosine_matrix(np.stack([np.asarray(v) for v in vectors]))  # [n, n]
    labels = [literal(n) for n in names]

    def build(target: int):
        scores = sims[target].copy()
        scores[target] = -np.inf  # not itself
        return _pick(
            kind,
            seed,
            scores,
            labels,
            Text("quiz.embeddings.nearest", {"word": names[target]}),
            lambda best, second: Text(
                "quiz.embeddings.nearest.why",
                {
                    "word": names[target],
                    "best": names[best],
                    "hi": float(sims[target, best]),
                    "second": names[second],
                    "lo": float(sims[target, second]),
                },
            ),
        )

    return _varied(kind, seed, list(range(len(names))), build, "quiz.cannot.tie")


def prompt_words(text: str) -> list[str]:
    """The words of a prompt after its first (each read after a space), punctuation trimmed."""
    words = [w.strip(string.punctuation + "“”‘’«»") for w in text.split()[1:]]
    return list(dict.fromkeys(w for w in words if w))


# Words the page's hint suggests trying (a rare word, a number, Korean, an emoji) and a few common
# ones: asked beside the prompt's own words, so the answer is not "1" on every prompt.
SPLIT_PROBES = (
    "the",
    "and",
    "model",
    "visualization",
    "tokenization",
    "unbelievably",
    "1234567",
    "2026",
    "안녕하세요",
    "🚀",
    "Transformer",
)


def token_count(index, lm: LM, text: str, seed: int = 0) -> Question | Unbuildable:
    """How many tokens a word splits into, written after a space (core.embeddings.EmbeddingIndex.word:
    the page's split). The word is the prompt's or one the page suggests trying (SPLIT_PROBES);
    the seed draws a count first, then a word with that count, so every count comes up alike."""
    kind = "embeddings.split"
    words = list(dict.fromkeys([*prompt_words(text), *SPLIT_PROBES]))
    labels = [Text("quiz.option.tokens", {"n": k}) for k in range(1, 5)] + [Text("quiz.option.tokens_more", {"n": 5})]
    by_count: dict[int, list[tuple[str, list[str]]]] = {}
    for word in words:
        pieces = index.word(lm, word).pieces
        by_count.setdefault(min(len(pieces), 5), []).append((word, pieces))
    counts = sorted(by_count)  # each count present comes up alike across seeds
    word, pieces = _rng(kind, seed).choice(by_count[counts[_place(kind, seed, len(counts))]])
    n = len(pieces)
    myth = Text(
        "quiz.embeddings.split.myth", {"multi": sum(len(v) for k, v in by_count.items() if k > 1), "all": len(words)}
    )
    return _bin_question(
        kind,
        seed,
        n,
        [1, 2, 3, 4, 5, np.inf],
        labels,
        Text("quiz.embeddings.split_word", {"word": word}),
        Text("quiz.embeddings.split_word.why", {"word": word, "pieces": " | ".join(pieces), "n": n}).with_myth(myth),
    )


# --------------------------------------------------------------------------- 2. positional encoding


def nearest_position(similarity, which: str, seed: int = 0) -> Question | Unbuildable:
    """Which of four positions is most similar to position p, read off a position-to-position
    cosine matrix the page draws: `which` is "sinusoidal", "learned" (the model's own rows)
    or "rotary" (the model's rotation, same vector at both positions). The options sit at
    four different distances from p, so a symmetric encoding can't tie them. Where some sets
    of options make the nearest position lose (a table that isn't most similar nearby), the
    seed asks those half the time: "the nearest is the most similar" must not win every time."""
    kind = f"posenc.nearest.{which}"
    sims = np.asarray(similarity, dtype=np.float64)  # [m, m]
    m = len(sims)
    if m < 5:
        return Unbuildable(kind, Text("quiz.cannot.positions"))
    labels = [Text("quiz.option.position", {"p": q}) for q in range(m)]

    def build(candidate: tuple[int, int]):
        p, j = candidate
        rng = _rng(kind, j * 1000 + p)
        by_distance: dict[int, int] = {}  # distance from p → one position at that distance
        for q in rng.sample(range(m), m):  # one position per distance, the side drawn by the seed
            if q != p:
                by_distance.setdefault(abs(q - p), q)
        pool = rng.sample(sorted(by_distance.values()), min(N_OPTIONS, len(by_distance)))
        scores = np.full(m, -np.inf)
        scores[pool] = sims[p, pool]
        nearest = min(pool, key=lambda q: abs(q - p))
        return _pick(
            kind,
            seed,
            scores,
            labels,
            Text(f"quiz.posenc.nearest.{which}", {"p": p, "m": m}),
            lambda best, second: Text(
                "quiz.posenc.nearest.why",
                {"p": p, "best": best, "hi": float(sims[p, best]), "second": second, "lo": float(sims[p, second])},
            ).with_myth(
                Text("quiz.posenc.myth." + ("holds" if best == nearest else "fails"), {"near": nearest, "best": best})
            ),
        )

    by_myth: dict[str, list[Question]] = {}
    for candidate in [(p, j) for p in range(m) for j in range(3)]:
        question = build(candidate)
        if question is not None:
            by_myth.setdefault(question.explanation.values["myth"].key, []).append(question)
    if not by_myth:
        return Unbuildable(kind, Text("quiz.cannot.tie"))
    myths = sorted(by_myth)
    return _rng(kind, seed).choice(by_myth[myths[_place(kind + ".myth", seed, len(myths))]])


# --------------------------------------------------------------------------- 3. attention


def top_key(trace: Trace, seed: int = 0) -> Question | Unbuildable:
    """Layer L, head H (chosen by the seed): which token does the last token attend to most?
    Read off the model's own attention weights (the heatmap's data)."""
    kind = "attention.top_key"
    L, H, T = trace.attentions.shape[:3]
    if T < 3:
        return Unbuildable(kind, Text("quiz.cannot.three_tokens"))
    labels = [literal(f"{i}: {tok}") for i, tok in enumerate(trace.tokens)]
    last = trace.tokens[-1]
    on_first = int((np.asarray(trace.attentions)[:, :, -1].argmax(-1) == 0).sum())  # heads parked on token 0
    myth = Text("quiz.attention.top_key.myth", {"first": on_first, "all": L * H})

    def build(head: tuple[int, int]):
        layer, h = head
        weights = np.asarray(trace.attentions[layer, h, -1], dtype=np.float64)  # [T]
        return _pick(
            kind,
            seed,
            weights,
            labels,
            Text("quiz.attention.top_key", {"layer": layer, "head": h, "token": last}),
            lambda best, second: Text(
                "quiz.attention.top_key.why",
                {
                    "layer": layer,
                    "head": h,
                    "token": last,
                    "best": labels[best].values["text"],
                    "hi": float(weights[best]),
                    "second": labels[second].values["text"],
                    "lo": float(weights[second]),
                },
            ).with_myth(myth),
        )

    return _varied(kind, seed, [(layer, h) for layer in range(L) for h in range(H)], build, "quiz.cannot.tie")


HEAD_KINDS = ("previous", "first", "spread")


def head_pattern(stats: dict[str, np.ndarray], n_tokens: int, layer: int, head: int) -> str | None:
    """What a head does, from the page's statistics (core.attention.head_statistics):
    "previous" (≥ half its weight on the token just before, and focused), "first" (≥ 60 % on
    the first token, little on the previous one, focused), "spread" (its entropy ≥ 75 % of
    the most a causal row can have), or None when it is none of these clearly."""
    most = np.log2(np.arange(1, n_tokens + 1)).mean()  # the mean entropy of uniform causal rows
    spread = float(stats["entropy"][layer, head]) / most if most > 0 else 0.0
    previous, first = float(stats["previous"][layer, head]), float(stats["first"][layer, head])
    if spread >= 0.75:
        return "spread"
    if spread < 0.6 and previous >= 0.5 and first < 0.3:
        return "previous"
    if spread < 0.6 and first >= 0.6 and previous < 0.3:
        return "first"
    return None


def head_kind(trace: Trace, seed: int = 0) -> Question | Unbuildable:
    """Is layer L, head H a previous-token head, a first-token head or spread out? The seed
    draws a kind among those this prompt has, then a head of that kind."""
    from core.attention import head_statistics

    kind = "attention.head_kind"
    L, H, T = trace.attentions.shape[:3]
    if T < 3:
        return Unbuildable(kind, Text("quiz.cannot.three_tokens"))
    stats = head_statistics(trace.attentions)
    found: dict[str, list[tuple[int, int]]] = {}
    for layer in range(L):
        for h in range(H):
            pattern = head_pattern(stats, T, layer, h)
            if pattern:
                found.setdefault(pattern, []).append((layer, h))
    if len(found) < 2:  # one kind of head only: "always that kind" would win every time
        return Unbuildable(kind, Text("quiz.cannot.no_clear_head"))
    rng = _rng(kind, seed)
    pattern = sorted(found)[_place(kind + ".answer", seed, len(found))]
    layer, h = rng.choice(found[pattern])
    most = float(np.log2(np.arange(1, T + 1)).mean())
    shown = [k for k in HEAD_KINDS if k != pattern]
    rng.shuffle(shown)
    shown.insert(_place(kind, seed, len(HEAD_KINDS)), pattern)
    return Question(
        kind,
        Text("quiz.attention.head_kind", {"layer": layer, "head": h}),
        tuple(Text(f"quiz.option.head.{k}") for k in shown),
        shown.index(pattern),
        Text(
            "quiz.attention.head_kind.why",
            {
                "layer": layer,
                "head": h,
                "previous": float(stats["previous"][layer, h]),
                "first": float(stats["first"][layer, h]),
                "entropy": float(stats["entropy"][layer, h]),
                "most": most,
            },
        ),
        seed,
    )


# --------------------------------------------------------------------------- 4. inside one block


def top_writer(lm: LM, trace: Trace, seed: int = 0) -> Question | Unbuildable:
    """Take one of the model's likeliest next tokens: which part of the network wrote most of its
    logit — the page's direct logit attribution (core.block.logit_attribution)? The options are
    four of the ten largest writers; the seed draws the token and the four so that the answer
    varies (not always the last MLP)."""
    from core.block import logit_attribution
    from core.sampling import next_token_distribution

    kind = "block.top_writer"
    if not lm.arch.additive_stream:  # post-norm: the logit does not split into shares
        return Unbuildable(kind, Text("quiz.cannot.post_norm"))
    probs = next_token_distribution(trace.next_token_logits).original
    tokens = [int(i) for i in np.argsort(-probs, kind="stable")[:8]]

    def build(top: int):
        token = lm.display_tokens([top])[0]
        parts = logit_attribution(lm, trace, top)
        labels = [
            Text("quiz.option.part.embed") if k == "embed" else Text(f"quiz.option.part.{k}", {"layer": i})
            for k, i in zip(parts.kinds, parts.layers)
        ]
        last = float(sum(v for v, i in zip(parts.values, parts.layers) if i == lm.arch.n_layers - 1))
        myth = Text("quiz.block.top_writer.myth", {"last": last, "logit": float(parts.logit)})
        offered = _sample_pool(kind, seed + 7919 * top, parts.values, labels, pool=10)
        return _pick(
            kind,
            seed,
            offered,
            labels,
            Text("quiz.block.top_writer_of", {"token": token, "p": float(probs[top])}),
            lambda best, second: Text(
                "quiz.block.top_writer.why",
                {
                    "token": token,
                    "best": labels[best],
                    "hi": float(parts.values[best]),
                    "second": labels[second],
                    "lo": float(parts.values[second]),
                    "logit": float(parts.logit),
                },
            ).with_myth(myth),
        )

    return _varied(kind, seed, tokens, build, "quiz.cannot.tie")


def units_firing(lm: LM, steps, position: int, seed: int = 0) -> Question | Unbuildable:
    """How many of one MLP's units fire (pre-activation > 0) for the chosen token — the
    page's count from core.block.block_steps — in four ranges, the answer's placed by the seed."""
    kind = "block.units_firing"
    pre = np.asarray(steps.mlp_pre[position])  # [d_mlp]
    m, n = len(pre), int((pre > 0).sum())
    bounds = _ranges(kind, seed, n, 0, m)  # the answer's place drawn by the seed
    labels = [
        Text("quiz.option.units", {"lo": bounds[i], "hi": bounds[i + 1] - 1, "m": m}) for i in range(len(bounds) - 1)
    ]
    return _bin_question(
        kind,
        seed,
        n,
        bounds,
        labels,
        Text("quiz.block.units_firing", {"layer": steps.layer, "position": position, "m": m}),
        Text("quiz.block.units_firing.why", {"n": n, "m": m, "share": n / m}),
    )


# --------------------------------------------------------------------------- 5. RNN → attention → Transformer


def exact_matches(translations: dict, references: list[str]) -> dict[str, bool]:
    """Per translator: is its output one of the references — the held-out evaluation's own
    exact match (core.seq2seq.evaluate), tokens joined by spaces on both sides."""
    from core.seq2seq.data import tokenize_french
    from core.seq2seq.evaluate import exact_match_rate

    refs = [" ".join(tokenize_french(r)) for r in references]
    return {name: exact_match_rate([" ".join(t.tokens)], [refs]) == 1.0 for name, t in translations.items()}


TRANSLATORS = ("plain", "attention", "transformer")


def right_translator(
    translations: dict, sentence: str, references: list[str] | None = None, seed: int = 0
) -> Question | Unbuildable:
    """Which translator gets this held-out sentence exactly right: one of the three, all three,
    or none. (Two right can't be asked with these options: it says so.) The references are the
    held-out set's own (held_out_references) unless given."""
    kind = "rnn.right_translator"
    references = held_out_references(sentence) if references is None else references
    if not references:
        return Unbuildable(kind, Text("quiz.cannot.no_reference"))
    right = exact_matches({n: translations[n] for n in TRANSLATORS}, references)
    winners = [n for n in TRANSLATORS if right[n]]
    outcomes = [*TRANSLATORS, "all", "none"]
    if len(winners) == 2:
        return Unbuildable(kind, Text("quiz.cannot.two_right"))
    answer = {0: "none", 3: "all"}.get(len(winners)) or winners[0]
    outcomes.remove(answer)
    _rng(kind, seed).shuffle(outcomes)
    outcomes.insert(_place(kind, seed, len(outcomes) + 1), answer)  # the answer's place: even across seeds
    return Question(
        kind,
        Text("quiz.rnn.right_translator", {"sentence": sentence}),
        tuple(Text(f"quiz.option.translator.{o}") for o in outcomes),
        outcomes.index(answer),
        Text(
            "quiz.rnn.right_translator.why",
            {
                "plain": translations["plain"].french,
                "attention": translations["attention"].french,
                "transformer": translations["transformer"].french,
                "reference": " / ".join(references),
            },
        ).with_myth(_translator_myth()),
        seed,
    )


def _translator_myth() -> Text:
    """What the intuition "the Transformer gets right whatever an LSTM gets right" meets: each
    translator's exact-match rate over the whole held-out set (the shipped cards)."""
    from core.seq2seq import load_card

    return Text(
        "quiz.rnn.right_translator.myth", {n: float(load_card(n)["evaluation"]["exact_match"]) for n in TRANSLATORS}
    )


def attended_word(translation, seed: int = 0) -> Question | Unbuildable:
    """Which source word the attention decoder looks at most while writing word w — its
    alignment row (Bahdanau's weights, or the Transformer's averaged cross-attention). Labels
    are the chart's: "2 cat"."""
    kind = "rnn.attended_word"
    weights = translation.attention
    if weights is None or not translation.tokens or len(translation.source_tokens) < 3:
        return Unbuildable(kind, Text("quiz.cannot.short_sentence"))
    labels = [literal(f"{i + 1} {w}") for i, w in enumerate(translation.source_tokens)]

    def build(target: int):
        row = np.asarray(weights[target], dtype=np.float64)  # [S]
        word = translation.tokens[target]
        return _pick(
            kind,
            seed,
            row,
            labels,
            Text("quiz.rnn.attended_word", {"word": word, "n": target + 1}),
            lambda best, second: Text(
                "quiz.rnn.attended_word.why",
                {
                    "word": word,
                    "best": labels[best].values["text"],
                    "hi": float(row[best]),
                    "second": labels[second].values["text"],
                    "lo": float(row[second]),
                },
            ),
        )

    return _varied(kind, seed, list(range(len(translation.tokens))), build, "quiz.cannot.tie")


def held_out_references(sentence: str) -> list[str]:
    """The reference translations of one of the page's held-out examples (the same list its
    buttons come from: core.seq2seq.held_out_examples), or []."""
    from core.seq2seq import held_out_examples
    from core.seq2seq.data import normalize

    for english, references in held_out_examples():
        if normalize(english) == normalize(sentence):
            return references
    return []


# --------------------------------------------------------------------------- 6. sampling


def next_token(lm: LM, logits, seed: int = 0) -> Question | Unbuildable:
    """The next token: four of the model's most likely, shuffled (core.sampling's softmax)."""
    from core.sampling import next_token_distribution

    kind = "sampling.next_token"
    probs = next_token_distribution(logits).original  # [V]
    top = np.argsort(-probs, kind="stable")[:16]
    names = lm.display_tokens([int(i) for i in top])
    scores = probs[top]
    labels = [literal(n) for n in names]
    offered = _sample_pool(kind, seed, scores, labels, pool=16)  # four of the 16 likeliest
    hot = next_token_distribution(logits, temperature=1.5)
    myth = Text(
        "quiz.sampling.temperature_myth", {"t": 1.5, "hot": float(hot.tempered.max()), "one": float(probs.max())}
    )
    question = _pick(
        kind,
        seed,
        offered,
        labels,
        Text("quiz.sampling.next_token"),
        lambda best, second: Text(
            "quiz.sampling.next_token.why",
            {"best": names[best], "hi": float(scores[best]), "second": names[second], "lo": float(scores[second])},
        ).with_myth(myth),
    )
    return question or Unbuildable(kind, Text("quiz.cannot.tie"))


FEW_KEPT = 10  # fewer survivors than this: no question (the chart shows them one by one)


def tokens_kept(
    logits, temperature: float, top_k: int, top_p: float, greedy: bool = False, seed: int = 0
) -> Question | Unbuildable:
    """How many tokens survive the page's temperature, top-k and top-p (binned) —
    core.sampling.next_token_distribution(...).n_kept, the page's own count."""
    from core.sampling import next_token_distribution

    kind = "sampling.tokens_kept"
    if greedy:
        return Unbuildable(kind, Text("quiz.cannot.greedy"))
    dist = next_token_distribution(logits, temperature=temperature, top_k=top_k, top_p=top_p)
    V = len(dist.final)
    if dist.n_kept < FEW_KEPT:  # a handful: the chart below counts them; ranges of such few would give it away
        return Unbuildable(kind, Text("quiz.cannot.few_kept", {"n": FEW_KEPT}))
    edges = _ranges(kind, seed, dist.n_kept, 1, V, geometric=True)  # the answer's place drawn by the seed
    labels = [
        Text("quiz.option.kept", {"lo": lo, "hi": hi - 1}) if hi - 1 > lo else Text("quiz.option.kept_one", {"n": lo})
        for lo, hi in zip(edges, edges[1:])
    ]
    plain = next_token_distribution(logits)  # temperature 1, no cuts
    hot = next_token_distribution(logits, temperature=max(float(temperature), 1.5) if temperature <= 1 else temperature)
    myth = Text(
        "quiz.sampling.temperature_myth",
        {"t": hot.temperature, "hot": float(hot.tempered.max()), "one": float(plain.original.max())},
    )
    return _bin_question(
        kind,
        seed,
        dist.n_kept,
        edges,
        labels,
        Text("quiz.sampling.tokens_kept", {"t": float(temperature), "k": int(top_k), "p": float(top_p)}),
        Text("quiz.sampling.tokens_kept.why", {"n": dist.n_kept, "v": V, "mass": dist.mass_kept}).with_myth(myth),
    )


# --------------------------------------------------------------------------- 7. asked by the lessons


def causal_mask(tokens: list[str], seed: int = 0) -> Question | Unbuildable:
    """Which of four (query, key) cells does the causal mask hide? One hidden cell (key after
    query: core.attention.additive_causal_mask's −∞) among three the query may read. Labels
    are "query → key" with the tokens' positions."""
    from core.attention import additive_causal_mask

    kind = "attention.causal_mask"
    T = len(tokens)
    if T < 3:
        return Unbuildable(kind, Text("quiz.cannot.three_tokens"))
    hidden = ~np.isfinite(additive_causal_mask(T).numpy())  # [T, T] True where the mask is −∞
    rng = _rng(kind, seed)
    cells = [(q, k) for q in range(T) for k in range(T)]
    masked = [c for c in cells if hidden[c]]
    visible = [c for c in cells if not hidden[c]]
    shown = [rng.choice(masked), *rng.sample(visible, min(N_OPTIONS - 1, len(visible)))]
    answer_cell = shown[0]
    rng.shuffle(shown)
    label = lambda c: literal(f"{c[0]}:{tokens[c[0]]} → {c[1]}:{tokens[c[1]]}")  # noqa: E731
    q, k = answer_cell
    return Question(
        kind,
        Text("quiz.attention.causal_mask", {"n": T}),
        tuple(label(c) for c in shown),
        shown.index(answer_cell),
        Text("quiz.attention.causal_mask.why", {"q": q, "k": k, "hidden": int(hidden.sum()), "cells": T * T}),
        seed,
    )


UNSCALED = ("higher", "same", "lower")


def unscaled_top(steps, query: int, seed: int = 0) -> Question | Unbuildable:
    """Without ÷√d_k, would this query row's largest attention weight be higher, the same
    (within MARGIN) or lower? The page's own comparison (core.attention.without_scaling
    against steps.weights)."""
    from core.attention import without_scaling

    kind = "attention.unscaled_top"
    if query < 1:
        return Unbuildable(kind, Text("quiz.cannot.three_tokens"))
    scaled = float(np.max(steps.weights[query]))
    unscaled = float(np.max(without_scaling(steps, query)))
    answer = 1 if abs(unscaled - scaled) < MARGIN else 0 if unscaled > scaled else 2
    dk = int(np.asarray(steps.q).shape[-1])
    return Question(
        kind,
        Text("quiz.attention.unscaled_top", {"dk": dk}),
        tuple(Text(f"quiz.option.unscaled.{o}", {"margin": MARGIN} if o == "same" else {}) for o in UNSCALED),
        answer,
        Text("quiz.attention.unscaled_top.why", {"dk": dk, "scaled": scaled, "unscaled": unscaled}),
        seed,
    )


def bleu_drops(cards: dict[str, dict], decoding: str = "greedy") -> dict[str, float]:
    """Per translator: its BLEU on the shortest sentences minus its BLEU on the longest, from the
    held-out evaluation on its shipped card (greedy: "evaluation", beam: "evaluation_beam")."""
    section = {"greedy": "evaluation", "beam": "evaluation_beam"}[decoding]
    drops = {}
    for name, card in cards.items():
        rows = sorted(card[section]["bleu_by_length"], key=lambda r: r["min_words"])
        drops[name] = float(rows[0]["bleu"] - rows[-1]["bleu"])
    return drops


def bleu_drop(cards: dict[str, dict], decoding: str = "greedy", seed: int = 0) -> Question | Unbuildable:
    """Whose BLEU falls furthest from the shortest sentences to the longest — read off the
    three shipped cards (core.seq2seq.load_card), the same numbers the BLEU-by-length chart draws."""
    kind = "rnn.bleu_drop"
    names = [n for n in TRANSLATORS if n in cards]
    if len(names) < 3:
        return Unbuildable(kind, Text("quiz.cannot.no_reference"))
    drops = bleu_drops({n: cards[n] for n in names}, decoding)
    section = {"greedy": "evaluation", "beam": "evaluation_beam"}[decoding]
    rows = sorted(cards[names[0]][section]["bleu_by_length"], key=lambda r: r["min_words"])
    scores = np.array([drops[n] for n in names])
    labels = [Text(f"quiz.option.model.{n}") for n in names]
    question = _pick(
        kind,
        seed,
        scores,
        labels,
        Text("quiz.rnn.bleu_drop", {"short": rows[0]["bucket"], "long": rows[-1]["bucket"]}),
        lambda best, second: Text(
            "quiz.rnn.bleu_drop.why",
            {
                "best": labels[best],
                "hi": float(scores[best]),
                "second": labels[second],
                "lo": float(scores[second]),
                "short": rows[0]["bucket"],
                "long": rows[-1]["bucket"],
            },
        ),
        n=3,
    )
    return question or Unbuildable(kind, Text("quiz.cannot.tie"))


def encoder_looks(translation, layer: int, head: int, seed: int = 0) -> Question | Unbuildable:
    """The Transformer translator's encoder self-attention (layer, head): which source word does
    word w look at most? Every word may look both ways (no mask), itself included. Labels are
    the chart's: "2 cat"."""
    kind = "rnn.encoder_looks"
    weights = getattr(translation, "encoder_attention", None)
    if weights is None or len(translation.source_tokens) < 3:
        return Unbuildable(kind, Text("quiz.cannot.short_sentence"))
    grid = np.asarray(weights[layer, head], dtype=np.float64)  # [S, S]
    src = translation.source_tokens
    labels = [literal(f"{i + 1} {w}") for i, w in enumerate(src)]

    def build(query: int):
        row = grid[query]
        return _pick(
            kind,
            seed,
            row,
            labels,
            Text("quiz.rnn.encoder_looks", {"word": src[query], "n": query + 1, "layer": layer, "head": head}),
            lambda best, second: Text(
                "quiz.rnn.encoder_looks.why",
                {
                    "word": src[query],
                    "best": labels[best].values["text"],
                    "hi": float(row[best]),
                    "second": labels[second].values["text"],
                    "lo": float(row[second]),
                },
            ),
        )

    return _first_buildable(kind, seed, list(range(len(src))), build, "quiz.cannot.tie")


LAB_OUTCOMES = ("attention", "plain", "same")


def lab_keeps(result, seed: int = 0, machine: str | None = None) -> Question | Unbuildable:
    """After a bottleneck-lab run (core.seq2seq.lab.LabResult, as the page shows it): which LSTM
    keeps more of its exact-sequence accuracy on the longest test inputs — or both the same
    (within MARGIN)? Read off the run's own accuracy rows (views.exact_at_longest). `machine`: the
    run is a recorded one (core.seq2seq.records), made there; the explanation says so."""
    from core.seq2seq.views import exact_at_longest

    kind = "rnn.lab_keeps"
    if result is None or not result.accuracy:
        return Unbuildable(kind, Text("quiz.cannot.no_lab_run"))
    exact = exact_at_longest(result)
    if not {"plain", "attention"} <= exact.keys():
        return Unbuildable(kind, Text("quiz.cannot.no_lab_run"))
    longest = max(row["length"] for row in result.accuracy)
    gap = exact["attention"] - exact["plain"]
    answer = "same" if abs(gap) < MARGIN else "attention" if gap > 0 else "plain"
    return Question(
        kind,
        Text("quiz.rnn.lab_keeps", {"n": longest}),
        tuple(Text(f"quiz.option.lab.{o}", {"margin": MARGIN} if o == "same" else {}) for o in LAB_OUTCOMES),
        LAB_OUTCOMES.index(answer),
        Text(
            "quiz.rnn.lab_keeps.why" + ("_recorded" if machine else ""),
            {"n": longest, "attention": exact["attention"], "plain": exact["plain"]}
            | ({"machine": machine} if machine else {}),
        ),
        seed,
    )


SAME_TIME = 0.05  # two step times within 5 % of each other read as "about the same"
STEP_OUTCOMES = ("attention", "transformer", "same")


def cheaper_step(rows: list[dict], seed: int = 0, machine: str | None = None) -> Question | Unbuildable:
    """From the page's measured training steps (core.seq2seq.lab.training_step_times: rows of
    model, T, ms): at the longest target measured, which is cheaper per training step — the
    LSTM with attention or the Transformer — or about the same (within SAME_TIME)? `machine`:
    the rows are a recorded timing (core.seq2seq.records), made there; the explanation says so."""
    kind = "rnn.cheaper_step"
    if not rows:
        return Unbuildable(kind, Text("quiz.cannot.no_timing"))
    longest = max(row["T"] for row in rows)
    ms = {row["model"]: float(row["ms"]) for row in rows if row["T"] == longest}
    if not {"attention", "transformer"} <= ms.keys():
        return Unbuildable(kind, Text("quiz.cannot.no_timing"))
    a, t = ms["attention"], ms["transformer"]
    answer = "same" if abs(a - t) <= SAME_TIME * max(a, t) else "attention" if a < t else "transformer"
    return Question(
        kind,
        Text("quiz.rnn.cheaper_step", {"T": longest}),
        tuple(Text(f"quiz.option.step.{o}", {"share": SAME_TIME} if o == "same" else {}) for o in STEP_OUTCOMES),
        STEP_OUTCOMES.index(answer),
        Text(
            "quiz.rnn.cheaper_step.why" + ("_recorded" if machine else ""),
            {"T": longest, "lstm": a, "transformer": t} | ({"machine": machine} if machine else {}),
        ),
        seed,
    )


def top_key_in(trace: Trace, layer: int, head: int, seed: int = 0) -> Question | Unbuildable:
    """attention.top_key for one given head (a lesson step shows that head): which token does
    the last token attend to most in layer `layer`, head `head`? The model's own weights."""
    kind = "attention.top_key"
    T = trace.attentions.shape[2]
    if T < 3:
        return Unbuildable(kind, Text("quiz.cannot.three_tokens"))
    labels = [literal(f"{i}: {tok}") for i, tok in enumerate(trace.tokens)]
    weights = np.asarray(trace.attentions[layer, head, -1], dtype=np.float64)  # [T]
    last = trace.tokens[-1]
    question = _pick(
        kind,
        seed,
        weights,
        labels,
        Text("quiz.attention.top_key", {"layer": layer, "head": head, "token": last}),
        lambda best, second: Text(
            "quiz.attention.top_key.why",
            {
                "layer": layer,
                "head": head,
                "token": last,
                "best": labels[best].values["text"],
                "hi": float(weights[best]),
                "second": labels[second].values["text"],
                "lo": float(weights[second]),
            },
        ),
    )
    return question or Unbuildable(kind, Text("quiz.cannot.tie"))
