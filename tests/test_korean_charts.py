"""No English in the Korean UI's charts and formulas: every page rendered in Korean, every
chart's titles and tooltip titles (and the field names Vega-Lite shows where a title is
missing) and every LaTeX \\text{…} read for English words.

Allowed: model and method names, Query/Key/Value (the lecture's own terms), units and math
symbols (x_j, d_k, PE, cos). Text inside “…” is a token or a word the user typed, not UI.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers import bound_tabs

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["Home.py"] + sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))

ALLOWED = {
    # names of models, methods and scores
    "GPT",
    "GELU",
    "ReLU",
    "SiLU",
    "LayerNorm",
    "RMSNorm",
    "RoPE",
    "MLP",
    "LSTM",
    "BLEU",
    "Bahdanau",
    "BERT",
    "Llama",
    "Pythia",
    "SmolLM",
    "GQA",
    "PCA",
    "BPE",
    "Transformer",
    "Add",
    "Norm",
    "Concat",
    "MultiHead",
    "softmax",
    "top",
    "ID",
    "CSV",
    # the lecture's own terms
    "Query",
    "Key",
    "Value",
    # units and math
    "ms",
    "MB",
    "KB",
    "PE",
    "pos",
    "cos",
    "sin",
    "log",
    "exp",
    "max",
    "min",
    "mean",
    "std",
    "rms",
    "d_model",
    "d_head",
    "d_ff",
    "d_mlp",
}
WORD = re.compile(r"[A-Za-z][A-Za-z_]*")
MATH_SYMBOL = re.compile(r"^[A-Za-z](?:_[A-Za-z0-9]{1,2})?$")  # x, q, d_k, x_j, W_O (p_final is a field name)
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
CHANNELS = (
    "x",
    "y",
    "x2",
    "y2",
    "color",
    "tooltip",
    "strokeDash",
    "row",
    "column",
    "size",
    "shape",
    "opacity",
    "theta",
)  # not "text": a text mark shows the data, not its field's name
NO_LEGEND = ("color", "strokeDash", "shape", "size", "opacity")


def shown_strings(spec) -> list[str]:
    """What a reader sees of a Vega-Lite spec besides its data: every title, and the field
    name wherever an encoding channel that shows one (axis, legend, tooltip, facet) has none."""
    out: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "title" and isinstance(value, (str, list)):
                    out.extend([value] if isinstance(value, str) else value)
                elif key in CHANNELS and isinstance(value, (dict, list)):
                    for channel in value if isinstance(value, list) else [value]:
                        if isinstance(channel, dict) and "field" in channel and not titled(key, channel):
                            out.append(channel["field"])
                        walk(channel)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(spec)
    return out


def titled(key: str, channel: dict) -> bool:
    """Whether a channel shows a title of its own (or nothing at all) instead of its field name."""
    guide = channel.get("legend" if key in NO_LEGEND else "axis", {})
    return "title" in channel or guide is None or (isinstance(guide, dict) and "title" in guide)


def english_words(text: str) -> list[str]:
    text = QUOTED.sub(" ", text)
    return [w for w in WORD.findall(text) if w not in ALLOWED and not MATH_SYMBOL.match(w)]


def test_the_checker_finds_english_where_it_is():
    spec = {
        "encoding": {
            "x": {"field": "position", "type": "quantitative"},
            "y": {"field": "value", "title": "값"},
            "tooltip": [{"field": "token_id"}, {"field": "p", "title": "확률 p_final"}],
        }
    }
    assert shown_strings(spec) == ["position", "값", "token_id", "확률 p_final"]
    assert english_words("position 값 token_id 확률 p_final “the” Query d_k") == ["position", "token_id", "p_final"]


@pytest.mark.parametrize("path", PAGES)
def test_every_chart_and_formula_reads_in_korean(app, path):
    at = app(path, timeout=240, lang="ko")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    found = {}
    tabs = bound_tabs(at)
    for label in tabs[1] if tabs else [None]:  # a page with lazy tabs: each tab open in turn
        if label is not None:
            at.session_state[tabs[0]] = label
            at.run()
            assert not at.exception, [e.message for e in at.exception]
        for chart in at.get("vega_lite_chart"):
            for text in shown_strings(json.loads(chart.proto.spec)):
                if english_words(text):
                    found.setdefault("chart", set()).add(text)
        for latex in at.latex:
            for text in re.findall(r"\\text\{([^}]*)\}", latex.value):
                if english_words(text):
                    found.setdefault("latex", set()).add(text)
    assert not found, found
