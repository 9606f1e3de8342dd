"""What the Home page computes: the model's facts, its block diagram, the next-token demo."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from core.charts import data
from core.models import LM
from core.trace import Trace

# the stages of the map, in the order of the forward pass (catalog keys home.stage.*)
STAGES = ("text", "tokens", "embed", "position", "block", "attention", "mlp", "norm", "unembed", "softmax", "next")
# the page that takes each node of the map apart
NODE_PAGES = {
    "tokens": "pages/1_Embeddings.py",
    "embed": "pages/1_Embeddings.py",
    "position": "pages/2_Positional_Encoding.py",
    "block": "pages/4_Transformer_Block.py",
    "unembed": "pages/6_Sampling.py",
    "softmax": "pages/6_Sampling.py",
    "next": "pages/6_Sampling.py",
}


def model_facts(lm: LM) -> dict[str, object]:
    """The facts table, every value read off the loaded model (keys are catalog suffixes;
    the values of "positional", "norm", "wiring" and "qkv_bias" are catalog suffixes too, the
    page translates them)."""
    emb = lm.arch.token_embedding()
    return {
        "params": f"{lm.n_params:,}",
        "layers": lm.arch.n_layers,
        "heads": lm.arch.n_heads if lm.arch.n_kv_heads == lm.arch.n_heads else (lm.arch.n_heads, lm.arch.n_kv_heads),
        "width": lm.arch.d_model,
        "head_width": lm.arch.d_head,
        "mlp": lm.arch.d_mlp,
        "vocab": f"{lm.arch.vocab_size:,}",
        "context": f"{lm.arch.context_length:,}",
        "embedding": f"{emb.shape[0]:,} × {emb.shape[1]:,}",
        "positional": lm.arch.positional,
        "norm": lm.arch.norm_placement,
        "wiring": ("parallel_shared" if lm.arch.shared_norm else "parallel")
        if lm.arch.parallel_residual
        else "sequential",
        "qkv_bias": "yes" if lm.arch.qkv_bias else "no",
        **({"projection": f"{lm.arch.d_embed:,} ↔ {lm.arch.d_model:,}"} if lm.arch.d_embed != lm.arch.d_model else {}),
    }


# Published reference figures, quoted as such (never computed here, never shown unlabelled):
# Vaswani et al. 2017, "Attention Is All You Need", Table 3 (the base model), and
# Radford et al. 2019 with OpenAI's released GPT-2 small (openai-community/gpt2's config).
PAPER_2017_BASE = {
    "stacks": "both",
    "layers": "6 + 6",
    "width": 512,
    "heads": 8,
    "mlp": 2048,
    "norm": "post",
    "positional": "sinusoidal",
    "cross": "yes",
}
GPT2_SMALL_PUBLISHED = {
    "params": "124 M",
    "layers": 12,
    "heads": 12,
    "width": 768,
    "head_width": 64,
    "mlp": 3072,
    "vocab": "50,257",
    "context": "1,024",
    "positional": "learned",
    "norm": "pre",
    "norm_kind": "LayerNorm",
    "activation": "GELU",
}
# words in these tables that the page translates (catalog keys arch.term.*); the rest are numbers
TERMS = ("both", "decoder", "post", "pre", "sinusoidal", "learned", "rotary", "yes", "no")


def lecture_gpt2_rows(lm: LM) -> list[tuple[str, object, object]]:
    """(fact key, GPT-2 small as published, the loaded model's own) for the facts the lecture
    quotes. The loaded model's side is computed from it."""
    a = lm.arch
    mine = {
        "params": f"{lm.n_params / 1e6:,.0f} M",
        "layers": a.n_layers,
        "heads": a.n_heads,
        "width": a.d_model,
        "head_width": a.d_head,
        "mlp": a.d_mlp,
        "vocab": f"{a.vocab_size:,}",
        "context": f"{a.context_length:,}",
        "positional": a.positional,
        "norm": a.norm_placement,
        "norm_kind": a.norm_kind,
        "activation": a.activation,
    }
    return [(key, GPT2_SMALL_PUBLISHED[key], mine[key]) for key in GPT2_SMALL_PUBLISHED]


def architecture_rows(lm: LM, translator: dict) -> list[tuple[str, object, object, object]]:
    """(fact key, the 2017 paper's base model, this app's Transformer translator, the loaded
    model): the original encoder–decoder beside its two descendants on screen. The
    translator's side comes from its card, the loaded model's from the model (its adapter
    says where the norm sits: before each sublayer or after it, see core.block)."""
    a, c = lm.arch, translator["config"]
    ours = {
        "stacks": "both",
        "layers": f"{c['n_encoder_layers']} + {c['n_decoder_layers']}",
        "width": c["d_model"],
        "heads": c["n_heads"],
        "mlp": c["d_ff"],
        "norm": "post",
        "positional": "sinusoidal",
        "cross": "yes",
    }
    loaded = {
        "stacks": "decoder",
        "layers": a.n_layers,
        "width": a.d_model,
        "heads": a.n_heads,
        "mlp": a.d_mlp,
        "norm": a.norm_placement,
        "positional": a.positional,
        "cross": "no",
    }
    return [(key, PAPER_2017_BASE[key], ours[key], loaded[key]) for key in PAPER_2017_BASE]


def family_tree_dot(labels: dict[str, str]) -> str:
    """The 2017 encoder–decoder as a labelled diagram, and which half each family kept:
    the encoder stack → BERT (encoder-only), the decoder stack without cross-attention →
    GPT-2, Llama, Pythia (decoder-only). `labels`: the translated box texts."""
    box = 'node [shape=box, style="rounded,filled", fontname="sans-serif", fontsize=11];'
    lines = [
        "digraph G {",
        "rankdir=TB;",
        "compound=true;",
        box,
        "subgraph cluster_enc {",
        f'label="{labels["encoder"]}"; style=rounded; color="#3b6fd8";',
        f'enc_att [label="{labels["self_attention"]}", fillcolor="#eef3fb"];',
        f'enc_n1 [label="{labels["add_norm"]}", fillcolor="#f6f6f6"];',
        f'enc_ff [label="{labels["ffn"]}", fillcolor="#eef3fb"];',
        f'enc_n2 [label="{labels["add_norm"]}", fillcolor="#f6f6f6"];',
        "enc_att -> enc_n1 -> enc_ff -> enc_n2; }",
        "subgraph cluster_dec {",
        f'label="{labels["decoder"]}"; style=rounded; color="#d83b6f";',
        f'dec_att [label="{labels["masked_self_attention"]}", fillcolor="#fbeef3"];',
        f'dec_n1 [label="{labels["add_norm"]}", fillcolor="#f6f6f6"];',
        f'dec_x [label="{labels["cross_attention"]}", fillcolor="#fbeef3"];',
        f'dec_n2 [label="{labels["add_norm"]}", fillcolor="#f6f6f6"];',
        f'dec_ff [label="{labels["ffn"]}", fillcolor="#fbeef3"];',
        f'dec_n3 [label="{labels["add_norm"]}", fillcolor="#f6f6f6"];',
        "dec_att -> dec_n1 -> dec_x -> dec_n2 -> dec_ff -> dec_n3; }",
        "enc_n2 -> dec_x [style=dashed];",
        f'bert [label="{labels["bert"]}", fillcolor="#e8f5e9"];',
        f'gpt [label="{labels["gpt"]}", fillcolor="#e8f5e9"];',
        "enc_n2 -> bert [ltail=cluster_enc, style=bold];",
        "dec_n3 -> gpt [ltail=cluster_dec, style=bold];",
        "}",
    ]
    return "\n".join(lines)


def next_token_table(lm: LM, trace: Trace, k: int = 10) -> pd.DataFrame:
    """The k most likely next tokens: softmax over the full vocabulary of the last logits."""
    logits = trace.next_token_logits.astype(np.float64)
    probs = np.exp(logits - logits.max())
    probs /= probs.sum()
    top = np.argsort(-probs)[:k]
    return pd.DataFrame(
        {
            "rank": np.arange(1, len(top) + 1),
            "token": lm.display_tokens(top),
            "token_id": top.astype(int),
            "probability": probs[top],
        }
    )


def next_token_chart(page):
    """Bars: the next-token probabilities, most likely on top (a data-free chart)."""
    t = page.t
    return (
        alt.Chart(data())
        .mark_bar()
        .encode(
            x=alt.X("probability:Q", title=t("home.col.probability"), axis=alt.Axis(format="%")),
            y=alt.Y("token:N", sort=None, title=t("home.col.token")),
            tooltip=[
                alt.Tooltip("rank:Q", title=t("home.col.rank")),
                alt.Tooltip("token:N", title=t("home.col.token")),
                alt.Tooltip("token_id:Q", title=t("home.col.token_id")),
                alt.Tooltip("probability:Q", title=t("home.col.probability"), format=".4f"),
            ],
        )
    )


def architecture_dot(lm: LM, labels: dict[str, str], links: dict[str, str] | None = None) -> str:
    """A Graphviz diagram of the forward pass, with this model's sizes and its own norm.

    `labels` holds the translated stage names (keys: STAGES); the norm's label takes the
    model's norm ({norm}: LayerNorm or RMSNorm). `links`: stage -> the URL its node opens.
    """
    d, n, h, v = lm.arch.d_model, lm.arch.n_layers, lm.arch.n_heads, lm.arch.vocab_size
    e = lm.arch.d_embed  # the token vectors' width (projected to d and back where they differ)
    position = (
        f"{labels['position']}\\n[{lm.arch.context_length} × {d}]"
        if lm.arch.positional == "learned"
        else f"{labels['position']}\\n(RoPE: q, k)"
    )
    norm = labels["norm"].format(norm=lm.arch.norm_kind)
    nodes = [
        ("text", labels["text"]),
        ("tokens", f"{labels['tokens']}\\n(BPE, {v:,})"),
        ("embed", f"{labels['embed']}\\n[{v:,} × {e}]" + (f"\\n→ {d}" if e != d else "")),
        ("position", position),
        (
            "block",
            f"{n} × {labels['block']}\\n{labels['attention']} ({h} × {lm.arch.d_head})\\n"
            f"+ {labels['mlp']} ({d} → {lm.arch.d_mlp} → {d})\\n{norm}",
        ),
        ("unembed", f"{labels['unembed']}\\n[{d} → " + (f"{e} → " if e != d else "") + f"{v:,}]"),
        ("softmax", labels["softmax"]),
        ("next", labels["next"]),
    ]
    lines = [
        "digraph G {",
        "rankdir=LR;",
        'node [shape=box, style="rounded,filled", fillcolor="#eef3fb", fontname="sans-serif", fontsize=11];',
    ]
    links = links or {}
    lines += [
        f'{key} [label="{text}"' + (f', URL="{links[key]}", target="_self"' if key in links else "") + "];"
        for key, text in nodes
    ]
    lines += [
        "text -> tokens -> embed -> block -> unembed -> softmax -> next;",
        "position -> block [style=dashed];" if lm.arch.positional == "rotary" else 'position -> embed [label="+"];',
        "}",
    ]
    return "\n".join(lines)
