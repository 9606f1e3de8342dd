"""What the Home page computes: the model's facts, its block diagram, the next-token demo."""

from __future__ import annotations

import numpy as np
import pandas as pd

from core.models import LM
from core.trace import Trace

# the stages of the map, in the order of the forward pass (catalog keys home.stage.*)
STAGES = ("text", "tokens", "embed", "position", "block", "attention", "mlp", "norm",
          "unembed", "softmax", "next")
# the page that takes each node of the map apart
NODE_PAGES = {"tokens": "pages/1_Embeddings.py", "embed": "pages/1_Embeddings.py",
              "position": "pages/2_Positional_Encoding.py", "block": "pages/4_Transformer_Block.py",
              "unembed": "pages/6_Sampling.py", "softmax": "pages/6_Sampling.py",
              "next": "pages/6_Sampling.py"}


def model_facts(lm: LM) -> dict[str, object]:
    """The facts table, every value read off the loaded model (keys are catalog suffixes;
    "positional" and "wiring" are catalog suffixes too, the page translates them)."""
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
        "wiring": "parallel" if lm.arch.parallel_residual else "sequential",
    }


def next_token_table(lm: LM, trace: Trace, k: int = 10) -> pd.DataFrame:
    """The k most likely next tokens: softmax over the full vocabulary of the last logits."""
    logits = trace.next_token_logits.astype(np.float64)
    probs = np.exp(logits - logits.max())
    probs /= probs.sum()
    top = np.argsort(-probs)[:k]
    return pd.DataFrame({
        "rank": np.arange(1, len(top) + 1),
        "token": lm.display_tokens(top),
        "token_id": top.astype(int),
        "probability": probs[top],
    })


def next_token_chart(page):
    """Bars: the next-token probabilities, most likely on top (a data-free chart)."""
    import altair as alt

    from core import ui

    t = page.t
    return alt.Chart(ui.data()).mark_bar().encode(
        x=alt.X("probability:Q", title=t("home.col.probability"), axis=alt.Axis(format="%")),
        y=alt.Y("token:N", sort=None, title=t("home.col.token")),
        tooltip=["rank:Q", "token:N", "token_id:Q", alt.Tooltip("probability:Q", format=".4f")])


def architecture_dot(lm: LM, labels: dict[str, str], links: dict[str, str] | None = None) -> str:
    """A Graphviz diagram of the forward pass, with this model's sizes and its own norm.

    `labels` holds the translated stage names (keys: STAGES); the norm's label takes the
    model's norm ({norm}: LayerNorm or RMSNorm). `links`: stage -> the URL its node opens.
    """
    d, n, h, v = lm.arch.d_model, lm.arch.n_layers, lm.arch.n_heads, lm.arch.vocab_size
    position = (f"{labels['position']}\\n[{lm.arch.context_length} × {d}]" if lm.arch.positional == "learned"
                else f"{labels['position']}\\n(RoPE: q, k)")
    norm = labels["norm"].format(norm=lm.arch.norm_kind)
    nodes = [
        ("text", labels["text"]),
        ("tokens", f"{labels['tokens']}\\n(BPE, {v:,})"),
        ("embed", f"{labels['embed']}\\n[{v:,} × {d}]"),
        ("position", position),
        ("block", f"{n} × {labels['block']}\\n{labels['attention']} ({h} × {lm.arch.d_head})\\n"
                  f"+ {labels['mlp']} ({d} → {lm.arch.d_mlp} → {d})\\n{norm}"),
        ("unembed", f"{labels['unembed']}\\n[{d} → {v:,}]"),
        ("softmax", labels["softmax"]),
        ("next", labels["next"]),
    ]
    lines = ["digraph G {", "rankdir=LR;", 'node [shape=box, style="rounded,filled", '
             'fillcolor="#eef3fb", fontname="sans-serif", fontsize=11];']
    links = links or {}
    lines += [f'{key} [label="{text}"' + (f', URL="{links[key]}", target="_self"' if key in links else "")
              + "];" for key, text in nodes]
    lines += ["text -> tokens -> embed -> block -> unembed -> softmax -> next;",
              'position -> block [style=dashed];' if lm.arch.positional == "rotary"
              else 'position -> embed [label="+"];', "}"]
    return "\n".join(lines)
