"""The four lessons, one per lecture note, step by step in the order a lecturer teaches them.

Each step names one page section (core.lessons.sections.SECTION_INPUTS) and the inputs it is
shown with; its words are catalog keys derived from the lesson and step ids:

    lessons.<lesson>.<step>.title / .text / .notes      (core/strings/lessons.py, EN and KO)

its `notice` a key `lessons.notice.<what>` whose numbers core.lessons.notices computes on the
model on screen, its `question` a core.quiz kind that core.lessons.questions builds from the
step's own inputs. Where a note slips, the step teaches it right and its notes say so.

The inputs are chosen to make the point on GPT-2 (12 layers × 12 heads) and on the offline
default SmolLM2-135M (30 × 9): layers and heads below 12 and 9; a model with fewer reads the
last one it has (core.lessons.questions.clamped).
"""

from core.lessons.steps import Lesson, Step

EXPLAINER_PROMPT = "Data visualization empowers users to"  # the Transformer Explainer's own prompt
TRAIN = "The train left the station on time"  # "how Transformers work": the self-attention example
CAPITAL = "The capital of France is"
LONG = "She is five years younger than me."  # a held-out length for the translators
LOVE = "I love you."  # the Seq2Seq note's example
WORDS = "play, game, orange, apple, king, queen"  # "how Transformers work": play, game, orange


def _step(
    lesson: str,
    id: str,
    section: str,
    params: dict | None = None,
    question: str | None = None,
    notice: str | None = None,
    concepts: tuple[str, ...] = (),
) -> Step:
    base = f"lessons.{lesson}.{id}"
    return Step(
        id=id,
        title=f"{base}.title",
        text=f"{base}.text",
        page=section.split(".")[0],
        section=section,
        params=dict(params or {}),
        question=question,
        notice=f"lessons.notice.{notice}" if notice else None,
        notes=f"{base}.notes",
        concepts=tuple(concepts),
    )


def _lesson(id: str, note: str, steps: list[tuple]) -> Lesson:
    return Lesson(id=id, title=f"lessons.{id}.title", note=note, steps=tuple(_step(id, *s[:2], **s[2]) for s in steps))


# (step id, section, {params, question, notice, concepts})
EXPLAINER = _lesson(
    "explainer",
    "000_9ba8ca3b23e457eb.txt",
    [
        (
            "next_word",
            "sampling.step_by_step",
            dict(
                params={"prompt": EXPLAINER_PROMPT, "greedy": True, "seed": 42},
                question="sampling.next_token",
                notice="top_token",
                concepts=("next_token", "three_parts"),
            ),
        ),
        (
            "tokens",
            "embeddings.tokens",
            dict(
                params={"prompt": EXPLAINER_PROMPT},
                question="embeddings.split",
                notice="tokens",
                concepts=("subword_tokens", "vocabulary"),
            ),
        ),
        (
            "matrix",
            "embeddings.matrix",
            dict(params={"prompt": EXPLAINER_PROMPT, "dims": 32}, notice="matrix", concepts=("embedding_matrix",)),
        ),
        (
            "positions",
            "positional.side_by_side",
            dict(
                params={"m": 48}, question="posenc.nearest.model", notice="positions", concepts=("learned_positions",)
            ),
        ),
        (
            "sum",
            "positional.word_order",
            dict(
                params={"a": "the dog bit the man", "b": "the man bit the dog"},
                notice="word_order",
                concepts=("final_embedding",),
            ),
        ),
        (
            "qkv",
            "attention.search",
            dict(
                params={"prompt": EXPLAINER_PROMPT, "layer": 5, "head": 1},
                question="attention.top_key",
                notice="search",
                concepts=("qkv_search",),
            ),
        ),
        (
            "mask",
            "attention.steps",
            dict(
                params={"prompt": EXPLAINER_PROMPT, "layer": 5, "head": 1},
                question="attention.causal_mask",
                notice="mask",
                concepts=("causal_mask", "softmax_rows"),
            ),
        ),
        (
            "heads",
            "attention.all_heads",
            dict(
                params={"prompt": EXPLAINER_PROMPT},
                question="attention.head_kind",
                notice="heads",
                concepts=("multi_head",),
            ),
        ),
        (
            "concat",
            "attention.multi_head",
            dict(params={"prompt": EXPLAINER_PROMPT, "layer": 5}, notice="concat", concepts=("concat_project",)),
        ),
        (
            "mlp",
            "block.mlp",
            dict(
                params={"prompt": EXPLAINER_PROMPT, "layer": 5},
                question="block.units_firing",
                notice="mlp",
                concepts=("mlp_expand",),
            ),
        ),
        (
            "logits",
            "sampling.distribution",
            dict(
                params={"prompt": EXPLAINER_PROMPT, "greedy": False, "temp": 1.0, "topk": 0, "topp": 1.0, "bars": 20},
                question="sampling.next_token",
                notice="top_token",
                concepts=("logits",),
            ),
        ),
        (
            "temperature",
            "sampling.distribution",
            dict(
                params={"prompt": EXPLAINER_PROMPT, "greedy": False, "temp": 0.5, "topk": 0, "topp": 0.9, "bars": 20},
                question="sampling.tokens_kept",
                notice="temperature",
                concepts=("temperature",),
            ),
        ),
        (
            "top_k_p",
            "sampling.generation",
            dict(
                params={
                    "prompt": EXPLAINER_PROMPT,
                    "temp": 1.0,
                    "topk": 20,
                    "topp": 0.9,
                    "seed": 42,
                    "n": 12,
                    "samples": 4,
                },
                question="sampling.tokens_kept",
                notice="kept",
                concepts=("top_k_top_p",),
            ),
        ),
        (
            "norm",
            "block.norm",
            dict(params={"prompt": EXPLAINER_PROMPT, "layer": 0}, notice="norm", concepts=("layer_norm",)),
        ),
        (
            "residual",
            "block.residual_stream",
            dict(params={"prompt": CAPITAL}, question="block.top_writer", notice="residual", concepts=("residual",)),
        ),
        ("dropout", "block.dropout", dict(params={"prompt": CAPITAL}, notice="dropout", concepts=("dropout",))),
    ],
)

TRANSFORMER = _lesson(
    "transformer",
    "001_3de3bccd9e07e40b.txt",
    [
        ("rnn", "translation.synthetic_timing", dict(notice="sequential", concepts=("rnn_sequential",))),
        (
            "forgetting",
            "translation.gradients",
            dict(
                params={"sentence": LONG}, question="rnn.bleu_drop", notice="bottleneck", concepts=("rnn_forgetting",)
            ),
        ),
        (
            "tradeoff",
            "embeddings.tradeoff",
            dict(
                params={"prompt": EXPLAINER_PROMPT},
                question="embeddings.split",
                notice="tradeoff",
                concepts=("tokenization_tradeoff", "subword_tokens"),
            ),
        ),
        (
            "trained",
            "embeddings.cosine",
            dict(
                params={"words": WORDS},
                question="embeddings.nearest",
                notice="cosine",
                concepts=("embedding_training",),
            ),
        ),
        (
            "order",
            "positional.positions_removed",
            dict(
                params={"order_a": "The dog bites the man .", "order_b": "The man bites the dog ."},
                notice="positions_removed",
                concepts=("order_lost",),
            ),
        ),
        (
            "absolute",
            "positional.side_by_side",
            dict(
                params={"m": 48}, question="posenc.nearest.model", notice="positions", concepts=("absolute_relative",)
            ),
        ),
        (
            "dot",
            "attention.steps",
            dict(
                params={"prompt": TRAIN, "layer": 5, "head": 1},
                question="attention.top_key",
                notice="steps",
                concepts=("dot_similarity", "weighted_values"),
            ),
        ),
        (
            "projections",
            "attention.search",
            dict(params={"prompt": TRAIN, "layer": 5, "head": 1}, notice="search", concepts=("why_projections",)),
        ),
        (
            "scale",
            "attention.why_scale",
            dict(
                params={"prompt": TRAIN, "layer": 5, "head": 1},
                question="attention.unscaled_top",
                notice="scale",
                concepts=("scaling",),
            ),
        ),
        (
            "multi",
            "attention.multi_head",
            dict(
                params={"prompt": TRAIN, "layer": 5},
                question="attention.head_kind",
                notice="concat",
                concepts=("head_width",),
            ),
        ),
        ("residual", "block.equations", dict(notice="equations", concepts=("residual",))),
        (
            "ffn",
            "block.mlp",
            dict(
                params={"prompt": CAPITAL, "layer": 3},
                question="block.units_firing",
                notice="mlp",
                concepts=("ffn_relu",),
            ),
        ),
        (
            "cross",
            "translation.alignment",
            dict(
                params={"sentence": LONG, "decoding": "greedy", "cross_layer": 2, "cross_head": "mean"},
                question="rnn.attended_word",
                notice="cross",
                concepts=("cross_attention", "encoder_decoder"),
            ),
        ),
        ("masked", "translation.training_steps", dict(notice="training_mask", concepts=("masked_training",))),
    ],
)

HOW = _lesson(
    "how",
    "002_515d7be7da0e1308.txt",
    [
        (
            "bottleneck",
            "translation.bottleneck",
            dict(
                params={"sentence": LONG},
                question="rnn.bleu_drop",
                notice="bottleneck",
                concepts=("context_bottleneck",),
            ),
        ),
        (
            "bank",
            "embeddings.context",
            dict(
                params={"word": "bank", "sentences": "I deposited money at the bank\nWe sat on the river bank"},
                notice="bank",
                concepts=("word_in_context",),
            ),
        ),
        (
            "station",
            "attention.head_map",
            dict(
                params={"prompt": TRAIN, "layer": 5, "head": 1},
                question="attention.top_key",
                notice="head_map",
                concepts=("word_in_context",),
            ),
        ),
        ("indices", "embeddings.tokens", dict(params={"prompt": TRAIN}, notice="tokens", concepts=("token_ids",))),
        (
            "similar",
            "embeddings.cosine",
            dict(
                params={"words": WORDS}, question="embeddings.nearest", notice="cosine", concepts=("cosine_similarity",)
            ),
        ),
        (
            "map",
            "embeddings.projection",
            dict(params={"words": WORDS}, notice="cosine", concepts=("cosine_similarity",)),
        ),
        (
            "waves",
            "positional.sinusoidal",
            dict(params={"n": 48, "d": 64}, question="posenc.nearest.model", notice="waves", concepts=("sinusoidal",)),
        ),
        (
            "offsets",
            "positional.offsets",
            dict(params={"k": 4, "n": 48, "d": 64}, notice="waves", concepts=("sinusoidal",)),
        ),
        (
            "linear",
            "attention.steps",
            dict(
                params={"prompt": TRAIN, "layer": 5, "head": 1},
                question="attention.top_key",
                notice="steps",
                concepts=("linear_qkv",),
            ),
        ),
        (
            "heads",
            "attention.multi_head",
            dict(params={"prompt": TRAIN, "layer": 5}, notice="concat", concepts=("linear_qkv",)),
        ),
        (
            "translate",
            "translation.translate",
            dict(
                params={"sentence": "Call me.", "decoding": "greedy"},
                question="rnn.right_translator",
                notice="translate",
                concepts=("encoder_decoder",),
            ),
        ),
    ],
)

SEQ2SEQ = _lesson(
    "seq2seq",
    "003_72185c5eee1c1248.txt",
    [
        (
            "sequences",
            "translation.translate",
            dict(
                params={"sentence": "Call me.", "decoding": "greedy"},
                question="rnn.right_translator",
                notice="translate",
                concepts=("seq2seq",),
            ),
        ),
        (
            "decoder",
            "translation.step_by_step",
            dict(params={"sentence": LOVE, "decoding": "greedy"}, notice="translate", concepts=("seq2seq",)),
        ),
        (
            "context",
            "translation.bottleneck",
            dict(params={"sentence": LONG}, question="rnn.bleu_drop", notice="bottleneck", concepts=("fixed_context",)),
        ),
        (
            "limits",
            "translation.gradients",
            dict(params={"sentence": LONG}, notice="bottleneck", concepts=("rnn_forgetting",)),
        ),
        (
            "align",
            "translation.alignment",
            dict(
                params={"sentence": LOVE, "decoding": "greedy", "cross_layer": 2, "cross_head": "mean"},
                question="rnn.attended_word",
                notice="je_taime",
                concepts=("soft_alignment",),
            ),
        ),
        (
            "bidirectional",
            "translation.encoder",
            dict(params={"sentence": LONG}, notice="encoder", concepts=("bidirectional",)),
        ),
        (
            "score",
            "translation.bahdanau_qkv",
            dict(
                params={"sentence": LONG, "score_head": 0},
                question="rnn.attended_word",
                notice="alignment",
                concepts=("additive_score",),
            ),
        ),
        (
            "context_i",
            "translation.alignment",
            dict(
                params={"sentence": LONG, "decoding": "greedy", "cross_layer": 2, "cross_head": "mean"},
                notice="alignment",
                concepts=("context_per_step",),
            ),
        ),
        ("bleu", "translation.scores", dict(question="rnn.bleu_drop", notice="bleu", concepts=("bleu_by_length",))),
        (
            "lab",
            "translation.lab",
            dict(
                params={"lab_hidden": 64, "lab_length": 30, "lab_steps": 800, "lab_task": "reverse"},
                question="rnn.lab_keeps",
                notice="lab",
                concepts=("fixed_context", "bleu_by_length"),
            ),
        ),
        (
            "self",
            "translation.self_attention",
            dict(
                params={"sentence": LONG, "self_layer": 0, "self_head": 0},
                question="rnn.encoder_looks",
                notice="encoder_self",
                concepts=("cross_attention",),
            ),
        ),
        ("timing", "translation.synthetic_timing", dict(notice="sequential", concepts=("parallel_training",))),
        (
            "cross",
            "translation.alignment",
            dict(
                params={"sentence": LONG, "decoding": "greedy", "cross_layer": 2, "cross_head": "mean"},
                question="rnn.attended_word",
                notice="cross",
                concepts=("cross_attention",),
            ),
        ),
        (
            "parallel",
            "translation.training_steps",
            dict(
                question="rnn.cheaper_step",
                notice="training_mask",
                concepts=("parallel_training", "masked_training"),
            ),
        ),
    ],
)

LESSONS_IN_ORDER = (EXPLAINER, TRANSFORMER, HOW, SEQ2SEQ)
