"""The page sections a lesson step may show, and the inputs each one reads.

A section id is "page.name": `page` is a key of core.ui.PAGES' page names below, `name` a section
function of `core.ui.sections.<page>` (without its `show_` prefix). The inputs are the names a
step's `params` may set: "prompt" is the page's main text box (the `text` URL parameter), every
other name is the URL key of the widget the section draws (so a step's parameters, a deep link
and the full page's own widgets agree). No streamlit here: the lessons are checked without it.
"""

SECTION_INPUTS: dict[str, frozenset[str]] = {
    k: frozenset(v)
    for k, v in {
        # Embeddings
        "embeddings.tokens": {"prompt"},
        "embeddings.tradeoff": {"prompt"},
        "embeddings.korean_tokens": {"ko", "en", "fr"},
        "embeddings.matrix": {"prompt", "dims"},
        "embeddings.cosine": {"words"},
        "embeddings.neighbours": {"probe", "k"},
        "embeddings.projection": {"words"},
        "embeddings.context": {"word", "sentences"},
        # Positional encoding
        "positional.word_order": {"a", "b"},
        "positional.positions_removed": {"order_a", "order_b"},
        "positional.sinusoidal": {"n", "d"},
        "positional.learned": {"rows", "cols"},
        "positional.rotary": {"rows"},
        "positional.end": set(),
        "positional.side_by_side": {"m"},
        "positional.offsets": {"k", "n", "d"},
        # Attention
        "attention.all_heads": {"prompt"},
        "attention.head_statistics": {"prompt", "stat"},
        "attention.head_map": {"prompt", "layer", "head", "query"},
        "attention.search": {"prompt", "layer", "head"},
        "attention.steps": {"prompt", "layer", "head", "query"},
        "attention.why_scale": {"prompt", "layer", "head", "query"},
        "attention.multi_head": {"prompt", "layer", "query"},
        "attention.knockout": {"prompt", "layer", "head", "knockout", "how"},
        "attention.not_explanation": {"prompt", "source", "target"},
        # Inside one block
        "block.equations": set(),
        "block.residual_stream": {"prompt", "token"},
        "block.why_residual": {"prompt"},
        "block.why_norm": {"prompt", "token"},
        "block.norm": {"prompt", "layer", "token"},
        "block.mlp": {"prompt", "layer", "token"},
        "block.units": {"prompt", "layer", "token", "unit"},
        "block.attribution": {"prompt"},
        "block.dropout": {"prompt"},
        "block.knockout": {"prompt", "knock", "part", "how"},
        "block.sublayer_sweep": {"prompt"},
        "block.patching": {"clean", "corrupt"},
        # RNN → attention → Transformer (the translation page)
        "translation.translate": {"sentence", "decoding"},
        "translation.alignment": {"sentence", "decoding", "cross_layer", "cross_head"},
        "translation.bahdanau_qkv": {"sentence", "score_head"},
        "translation.self_attention": {"sentence", "self_layer", "self_head"},
        "translation.bottleneck": {"sentence"},
        "translation.encoder": {"sentence"},
        "translation.gradients": {"sentence"},
        "translation.step_by_step": {"sentence", "decoding"},
        "translation.scores": set(),
        "translation.training": set(),
        "translation.lab": {"lab_hidden", "lab_length", "lab_steps", "lab_task"},
        "translation.training_steps": set(),
        "translation.synthetic_timing": set(),
        # Sampling
        "sampling.distribution": {"prompt", "greedy", "temp", "topk", "topp", "bars"},
        "sampling.step_by_step": {"prompt", "greedy", "temp", "topk", "topp", "seed"},
        "sampling.generation": {"prompt", "temp", "topk", "topp", "seed", "n", "samples"},
        "sampling.logit_lens": {"prompt", "lensk"},
    }.items()
}
