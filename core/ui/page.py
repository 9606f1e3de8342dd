"""Page setup and the shared sidebar: language, model box, lecture mode, links to the pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from core import i18n
from core.ui import model, widgets

if TYPE_CHECKING:
    from core.models import LM

ROOT = Path(__file__).resolve().parents[2]

# the lecture's order; a page shows in the sidebar once its file exists
PAGES = (
    ("Home.py", "nav.home", "🗺️"),
    ("pages/1_Embeddings.py", "nav.embeddings", "🔤"),
    ("pages/2_Positional_Encoding.py", "nav.positional", "〰️"),
    ("pages/3_Attention.py", "nav.attention", "👀"),
    ("pages/4_Transformer_Block.py", "nav.block", "🧱"),
    ("pages/5_RNN_Attention_Transformer.py", "nav.rnn", "🔁"),
    ("pages/6_Sampling.py", "nav.sampling", "🎲"),
)


@dataclass
class Page:
    """What a page needs: the UI language, the model chosen in the sidebar, and (after
    load_model) the loaded model."""

    lang: str
    lm: LM | None = None
    model_name: str = field(default="")

    def t(self, key: str, /, **values) -> str:
        return i18n.t(key, self.lang, **values)


def setup_page(title_key: str, icon: str) -> Page:
    """Page config and the shared sidebar. Call first on a page; it needs no model."""
    lang = _language_param()
    st.set_page_config(page_title=f"{i18n.t(title_key, lang)} · {i18n.t('app.name', lang)}",
                       page_icon=icon, layout="wide")
    page = Page(lang=lang)
    with st.sidebar:
        widgets.radio(page, "lang", page.t("sidebar.language"), list(i18n.LANGUAGES),
                      _default_language(), format_func=i18n.LANGUAGES.get, horizontal=True)
        page.model_name = model.picker(page)
        lecture = st.toggle(page.t("sidebar.lecture"), key="lecture",
                            bind="query-params", persist_state="session")
        _page_links(page)
    if lecture:
        _lecture_style()
    return page


def _default_language() -> str:
    return i18n.language_from_locale(st.context.locale)


def _language_param() -> str:
    """The language before the sidebar draws (page title, messages): state, URL, browser."""
    lang = st.session_state.get("lang") or st.query_params.get("lang") or _default_language()
    return lang if lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def _page_links(page: Page) -> None:
    st.caption(page.t("sidebar.pages"))
    for path, key, icon in PAGES:
        page_link(page, path, page.t(key), icon)


def page_link(page: Page, path: str, label: str, icon: str | None = None) -> None:
    """A link to another page (keeping the reader's language and model), or the label as
    plain text where there is no app around the page (a page run on its own, as in AppTest)."""
    if not (ROOT / path).exists():
        st.markdown(f"{icon or ''} {label}")
        return
    try:
        st.page_link(path, label=label, icon=icon,
                     query_params={"lang": page.lang, "model": page.model_name})
    except StreamlitPageNotFoundError:
        st.markdown(f"{icon or ''} {label}")


def page_url(page: Page, path: str) -> str:
    """The relative URL of a page (as Streamlit names it: the file's name after its number),
    keeping the reader's language and model."""
    from urllib.parse import urlencode

    name = Path(path).stem.split("_", 1)[1] if path != "Home.py" else ""
    return f"{name}?{urlencode({'lang': page.lang, 'model': page.model_name})}"


def _lecture_style() -> None:
    st.html("""<style>
      html, body, [data-testid="stAppViewContainer"] { font-size: 20px; }
      [data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.25rem; }
      [data-testid="stMetricValue"] { font-size: 2.6rem; }
      h1 { font-size: 3rem !important; } h2 { font-size: 2.2rem !important; }
    </style>""")
