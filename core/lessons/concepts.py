"""The concepts the four lecture notes teach, each with the note it comes from.

    from core.lessons.concepts import CONCEPTS, NOTES
    CONCEPTS["causal_mask"].note        # "000": the note that teaches it (a key of NOTES)
    t(CONCEPTS["causal_mask"].key, "ko") # its one line, EN and KO (core/strings/lessons.py)

The list is ours, from reading the notes in shared/lecture-notes/; tests/test_lessons.py fails
when a concept has no lesson step that teaches it. A concept two notes teach names the first.
"""

from dataclasses import dataclass

# the lecture notes, by the number their file names start with (shared/lecture-notes/NNN_*.txt)
NOTES = {
    "000": "000_9ba8ca3b23e457eb.txt",  # Transformer Explainer: a walk through GPT-2 small
    "001": "001_3de3bccd9e07e40b.txt",  # Transformer notes (RNN limits → the paper's architecture)
    "002": "002_515d7be7da0e1308.txt",  # How Transformers work, part 1
    "003": "003_72185c5eee1c1248.txt",  # Seq2Seq and Bahdanau attention
}


@dataclass(frozen=True)
class Concept:
    id: str
    note: str  # a key of NOTES

    @property
    def key(self) -> str:
        """Its one line in the catalog."""
        return f"lessons.concept.{self.id}"


_BY_NOTE = {
    "000": (
        "next_token",  # a text-generating Transformer predicts the next token
        "three_parts",  # embedding → blocks → output probabilities
        "subword_tokens",  # words and pieces of words; one id each
        "vocabulary",  # a fixed vocabulary chosen before training
        "embedding_matrix",  # one learned row per token: vocabulary × width
        "learned_positions",  # GPT-2 learns its position vectors
        "final_embedding",  # token vector + position vector
        "qkv_search",  # query, key, value as a search
        "multi_head",  # the width split among heads, run in parallel
        "causal_mask",  # future cells set to −∞ before the softmax
        "softmax_rows",  # each row of weights sums to 1
        "concat_project",  # heads concatenated, then W_O
        "mlp_expand",  # d → 4d → d with GELU, per token
        "logits",  # one score per vocabulary entry
        "temperature",  # logits ÷ T: sharper below 1, flatter above
        "top_k_top_p",  # keep the k best / the smallest set reaching p
        "layer_norm",  # normalise each token's vector (twice per block)
        "dropout",  # on in training, off at inference
        "residual",  # add the sub-layer's input to its output
    ),
    "001": (
        "rnn_sequential",  # h_t = f(h_{t−1}, x_t): one step after another
        "rnn_forgetting",  # early tokens fade; gradients vanish over long inputs
        "tokenization_tradeoff",  # unit size: vocabulary and OOV against sequence length
        "embedding_training",  # rows start random, training gives them meaning
        "order_lost",  # all tokens at once: order must be added
        "absolute_relative",  # absolute (formula or learned) vs relative positions
        "dot_similarity",  # a dot product measures how well two vectors match
        "weighted_values",  # the output is Σ weight · value
        "why_projections",  # W_Q, W_K: raw embeddings would match themselves
        "scaling",  # ÷ √d_k keeps the softmax from saturating
        "head_width",  # each head works in d_model / h dimensions
        "cross_attention",  # the decoder reads the encoder's output
        "encoder_decoder",  # the paper's two stacks of identical layers
        "ffn_relu",  # the paper's position-wise FFN: max(0, xW₁+b₁)W₂+b₂
        "masked_training",  # the whole target at once, under a causal mask
    ),
    "002": (
        "context_bottleneck",  # one context vector for the whole source sentence
        "word_in_context",  # "bank" by "account" and by "river"
        "token_ids",  # a sentence becomes vocabulary indices
        "cosine_similarity",  # play, game, orange: nearness as cosine
        "sinusoidal",  # sine and cosine waves of many frequencies
        "linear_qkv",  # Q, K, V from linear layers without activation
    ),
    "003": (
        "seq2seq",  # an encoder reads, a decoder writes
        "fixed_context",  # the context vector's size does not grow with the input
        "soft_alignment",  # each output word attends to its own source words
        "bidirectional",  # the encoder reads both ways
        "additive_score",  # e_ij = a(s_{i−1}, h_j), a small feed-forward net
        "context_per_step",  # c_i = Σ_j α_ij h_j, recomputed for every output word
        "bleu_by_length",  # where attention pays: longer sentences
        "parallel_training",  # recurrence forbids parallel steps; attention allows them
    ),
}

CONCEPTS: dict[str, Concept] = {c: Concept(c, note) for note, ids in _BY_NOTE.items() for c in ids}
