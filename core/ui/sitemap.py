"""The app's pages in the lecture's order: file, title key, icon; and each page's name in its URL.

Read by the sidebar (core.ui.page) and by the class join link (core.ui.classmode); it imports
nothing of core.ui, so neither has to import the other.
"""

from __future__ import annotations

from pathlib import Path

# the lecture's order; a page shows in the sidebar once its file exists
PAGES = (
    ("Home.py", "nav.home", "🗺️"),
    ("pages/1_Embeddings.py", "nav.embeddings", "🔤"),
    ("pages/2_Positional_Encoding.py", "nav.positional", "〰️"),
    ("pages/3_Attention.py", "nav.attention", "👀"),
    ("pages/4_Transformer_Block.py", "nav.block", "🧱"),
    ("pages/5_RNN_Attention_Transformer.py", "nav.rnn", "🔁"),
    ("pages/6_Sampling.py", "nav.sampling", "🎲"),
    ("pages/7_Class.py", "nav.class", "🙋"),
)


def url_name(path: str) -> str:
    """A page's name in its URL, as Streamlit names it: the file's name after its number."""
    return Path(path).stem.split("_", 1)[1] if path != "Home.py" else ""
