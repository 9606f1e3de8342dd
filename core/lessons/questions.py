"""A lesson step's question, built from the step's own inputs on the model on screen.

    q = question_for(step, lm)      # core.quiz.Question, or Unbuildable (it says why)

The same builders the pages call (core.quiz), fed what the step's section computes: the trace
of its prompt, one layer's block steps, the translators' outputs for its sentence, the shipped
cards. No streamlit here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from core import quiz

if TYPE_CHECKING:
    from core.lessons.steps import Step
    from core.models import LM

SEED = 0  # a lesson asks the same question every time it is taught


def clamped(value, most: int) -> int:
    """A layer or head the step names, inside this model (a smaller model reads its last)."""
    return max(0, min(int(value), most - 1))


def trace_of(lm: LM, step: Step):
    from core.trace import run_trace

    return run_trace(lm, step.params["prompt"])


@lru_cache(maxsize=4)
def translator(name: str):
    from core.seq2seq import load_pretrained

    return load_pretrained(name)


@lru_cache(maxsize=64)
def translation(name: str, sentence: str, decoding: str = "greedy"):
    from core.seq2seq.pretrained import BEAM

    return translator(name).translate(sentence, beam=BEAM if decoding == "beam" else None)


def shipped_cards() -> dict[str, dict]:
    from core.seq2seq import MODEL_NAMES, load_card

    return {name: load_card(name) for name in MODEL_NAMES}


def references(sentence: str) -> list[str]:
    """The reference translations of a held-out sentence: from the shipped cards' held-out examples,
    else from the translation page's own list (core.quiz.held_out_references); [] if neither has it."""
    from core.seq2seq.data import normalize

    for card in shipped_cards().values():
        for example in card.get("evaluation", {}).get("examples", []):
            if normalize(example["english"]) == normalize(sentence):
                return list(example["references"])
    return quiz.held_out_references(sentence)


def _layer(step: Step, lm: LM) -> int:
    return clamped(step.params.get("layer", 0), lm.arch.n_layers)


def _head(step: Step, lm: LM) -> int:
    return clamped(step.params.get("head", 0), lm.arch.n_heads)


def _query(step: Step, trace) -> int:
    return clamped(step.params.get("query", trace.n_tokens - 1), trace.n_tokens)


def _words(step: Step) -> list[str]:
    from core.embeddings import parse_words

    return parse_words(step.params["words"])[0]


def lab_settings(step: Step):
    """The lab's settings as the section reads them from the step's inputs (core.ui.sections.translation.show_lab)."""
    from core.seq2seq.lab import LabSettings

    p = step.params
    return LabSettings(
        task=p.get("lab_task", "reverse"),
        max_length=int(p.get("lab_length", 30)),
        hidden_size=int(p.get("lab_hidden", 64)),
        steps=int(p.get("lab_steps", 800)),
    ).checked()


def _build(step: Step, lm: LM, seed: int):
    kind, p = step.question, step.params
    if kind == "sampling.next_token":
        return quiz.next_token(lm, trace_of(lm, step).next_token_logits, seed=seed)
    if kind == "sampling.tokens_kept":
        return quiz.tokens_kept(
            trace_of(lm, step).next_token_logits,
            float(p.get("temp", 1.0)),
            int(p.get("topk", 0)),
            float(p.get("topp", 1.0)),
            bool(p.get("greedy", False)),
            seed=seed,
        )
    if kind == "embeddings.split":
        from core.embeddings import EmbeddingIndex

        return quiz.token_count(EmbeddingIndex(lm), lm, p["prompt"], seed=seed)
    if kind == "embeddings.nearest":
        from core.embeddings import EmbeddingIndex

        index, words = EmbeddingIndex(lm), _words(step)
        return quiz.nearest_word(words, [index.word(lm, w).vector for w in words], seed=seed)
    if kind == "posenc.nearest.model":  # the model's own table, as the section asks (the sinusoidal one is guessable)
        from core.positional import own_position_similarity

        which, similarity = own_position_similarity(lm, int(p.get("m", 48)))
        return quiz.nearest_position(similarity, which, seed=seed)
    if kind == "attention.top_key":  # the head the step shows, where it names one
        trace = trace_of(lm, step)
        if "layer" in p and "head" in p:
            return quiz.top_key_in(trace, _layer(step, lm), _head(step, lm), seed=seed)
        return quiz.top_key(trace, seed=seed)
    if kind == "attention.head_kind":
        return quiz.head_kind(trace_of(lm, step), seed=seed)
    if kind == "attention.causal_mask":
        return quiz.causal_mask(trace_of(lm, step).tokens, seed=seed)
    if kind == "attention.unscaled_top":
        from core.attention import attention_steps

        trace = trace_of(lm, step)
        steps = attention_steps(lm, trace.text, _layer(step, lm), _head(step, lm), trace=trace)
        return quiz.unscaled_top(steps, _query(step, trace), seed=seed)
    if kind == "block.units_firing":
        from core.block import block_steps

        trace = trace_of(lm, step)
        block = block_steps(lm, trace, _layer(step, lm))
        return quiz.units_firing(lm, block, clamped(p.get("token", trace.n_tokens - 1), trace.n_tokens), seed=seed)
    if kind == "block.top_writer":
        return quiz.top_writer(lm, trace_of(lm, step), seed=seed)
    if kind == "rnn.bleu_drop":
        return quiz.bleu_drop(shipped_cards(), p.get("decoding", "greedy"), seed=seed)
    if kind == "rnn.right_translator":
        from core.seq2seq import MODEL_NAMES

        results = {n: translation(n, p["sentence"], p.get("decoding", "greedy")) for n in MODEL_NAMES}
        return quiz.right_translator(results, p["sentence"], references(p["sentence"]), seed=seed)
    if kind == "rnn.attended_word":
        name = "transformer" if "cross_attention" in step.concepts else "attention"
        return quiz.attended_word(translation(name, p["sentence"], p.get("decoding", "greedy")), seed=seed)
    if kind == "rnn.encoder_looks":
        result = translation("transformer", p["sentence"])
        L, H = result.encoder_attention.shape[:2]
        return quiz.encoder_looks(
            result, clamped(p.get("self_layer", 0), L), clamped(p.get("self_head", 0), H), seed=seed
        )
    if kind == "rnn.lab_keeps":  # the recorded run at the step's settings (None: Unbuildable, it says why)
        from core.seq2seq.records import recorded_lab

        result = recorded_lab(lab_settings(step))
        return quiz.lab_keeps(result, seed=seed, machine=result.machine if result is not None else None)
    if kind == "rnn.cheaper_step":  # the recorded timing at the page's lengths
        from core.seq2seq.records import STEP_BATCH, STEP_LENGTHS, STEP_REPEATS, recorded_step_times

        measured = recorded_step_times(STEP_LENGTHS, STEP_BATCH, STEP_REPEATS)
        rows, machine = measured if measured is not None else ([], None)
        return quiz.cheaper_step(rows, seed=seed, machine=machine)
    raise KeyError(f"no lesson builder for the question kind {kind!r}")


ASKED_AS = {"posenc.nearest.model": ("posenc.nearest.learned", "posenc.nearest.rotary")}  # by the model's positions


def asked_as(kind: str) -> tuple[str, ...]:
    """The core.quiz kinds a step's question kind is asked as (a step's kind may depend on the model)."""
    return ASKED_AS.get(kind, (kind,))


KINDS = (
    "sampling.next_token",
    "sampling.tokens_kept",
    "embeddings.split",
    "embeddings.nearest",
    "posenc.nearest.model",
    "attention.top_key",
    "attention.head_kind",
    "attention.causal_mask",
    "attention.unscaled_top",
    "block.units_firing",
    "block.top_writer",
    "rnn.bleu_drop",
    "rnn.right_translator",
    "rnn.attended_word",
    "rnn.encoder_looks",
    "rnn.lab_keeps",
    "rnn.cheaper_step",
)  # the kinds a step may ask


def question_for(step: Step, lm: LM, seed: int = SEED) -> quiz.Question | quiz.Unbuildable | None:
    """The step's question on this model (None when the step asks none); `seed` draws which
    of the question's candidates is asked (core.quiz: same seed, same question)."""
    if step.question is None:
        return None
    return _build(step, lm, int(seed))
