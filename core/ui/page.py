"""Page setup and the shared sidebar: language, model box, lecture mode, links to the pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from core import i18n
from core.ui import lecturer, model, predict, widgets

if TYPE_CHECKING:
    from core.models import LM

ROOT = Path(__file__).resolve().parents[2]
LECTURE_ON = "_lecture_on"  # lecture mode as last drawn: it survives a link without ?lecture

# the lecture's order; a page shows in the sidebar once its file exists
PAGES = (
    ("Home.py", "nav.home", "🗺️"),
    ("pages/0_Lessons.py", "nav.lessons", "🎓"),
    ("pages/1_Embeddings.py", "nav.embeddings", "🔤"),
    ("pages/2_Positional_Encoding.py", "nav.positional", "〰️"),
    ("pages/3_Attention.py", "nav.attention", "👀"),
    ("pages/4_Transformer_Block.py", "nav.block", "🧱"),
    ("pages/5_RNN_Attention_Transformer.py", "nav.rnn", "🔁"),
    ("pages/6_Sampling.py", "nav.sampling", "🎲"),
    ("pages/7_Class.py", "nav.class", "🙋"),
)


@dataclass
class Page:
    """What a page needs: the UI language, the model chosen in the sidebar, (after
    load_model) the loaded model, the page's name (its title key: its quiz score's key) and
    whether the reader predicts first."""

    lang: str
    lm: LM | None = None
    model_name: str = field(default="")
    name: str = field(default="")
    predict: bool = False  # the sidebar's "Predict first" switch, as drawn on this run
    lecture: bool = False  # the sidebar's lecture mode
    phone: bool = False  # a phone's browser (its user agent says Mobile): charts fit a narrow screen
    lesson: bool = False  # drawing a lesson step's section: the step's own title heads it

    def t(self, key: str, /, **values) -> str:
        """The catalog's string as Markdown, string values escaped (core.i18n.t)."""
        return i18n.t(key, self.lang, **values)

    def plain(self, key: str, /, **values) -> str:
        """The catalog's string for a place that is not Markdown: a chart's title, a table."""
        return i18n.plain(key, self.lang, **values)

    def require_lm(self) -> LM:
        """The loaded model; asked for before ui.load_model(page) it is a bug in the page."""
        if self.lm is None:
            raise RuntimeError(f"{self.name or 'this page'} asked for the model before ui.load_model(page)")
        return self.lm


def setup_page(title_key: str, icon: str, with_model: bool = True) -> Page:
    """Page config and the shared sidebar. Call first on a page; it needs no model.
    with_model=False (the Class page): no model box and no class controls — nothing that
    would load or probe a model."""
    lang = _language_param()
    st.set_page_config(
        page_title=f"{i18n.t(title_key, lang)} · {i18n.t('app.name', lang)}", page_icon=icon, layout="wide"
    )
    page = Page(lang=lang, name=title_key, phone=_on_a_phone())
    # The Class page (a phone) has its language switch on the page itself, not behind ».
    with st.sidebar if with_model else st.container():
        widgets.radio(
            page,
            "lang",
            page.t("sidebar.language"),
            list(i18n.LANGUAGES),
            _default_language(),
            format_func=i18n.LANGUAGES.get,
            horizontal=True,
        )
    with st.sidebar:
        if with_model:
            page.model_name = model.picker(page)
        page.lecture = _lecture_switch(page)
        if with_model:
            predict.sidebar(page)
            lecturer.sidebar(page)
        _page_links(page)
    if with_model:  # the Class page (a phone) draws no formula
        _formula_style()
    if page.lecture:
        _lecture_style()
    scroll_to_section()
    if with_model:
        lecturer.top(page)
    return page


def _lecture_switch(page: Page) -> bool:
    """Lecture mode, once on (by the switch or a link's ?lecture=true), stays on across pages and
    lesson steps until the switch turns it off: a link that drops the parameter does not."""
    if (
        st.session_state.get(LECTURE_ON)
        and st.query_params.get("lecture") is None
        and st.session_state.get("lecture") is not False
    ):  # False: the reader just switched it off
        st.session_state["lecture"] = True
    on = st.toggle(page.t("sidebar.lecture"), key="lecture", bind="query-params", persist_state="session")
    st.session_state[LECTURE_ON] = on
    return on


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


def page_link(page: Page, path: str, label: str, icon: str | None = None, query: dict | None = None) -> None:
    """A link to another page (keeping the reader's language and model, plus `query`), or the
    label as plain text where there is no app around the page (a page run on its own, as in AppTest)."""
    if not (ROOT / path).exists():
        st.markdown(f"{icon or ''} {label}")
        return
    try:
        st.page_link(path, label=label, icon=icon, query_params={**_keep(page), **(query or {})})
    except StreamlitPageNotFoundError:
        st.markdown(f"{icon or ''} {label}")


def _keep(page: Page) -> dict:
    """What a link to another page keeps: the language, the model where one was chosen, and
    the reader's switches that are on (lecture mode, Predict first)."""
    return {
        "lang": page.lang,
        **({"model": model.url_name(page.model_name)} if page.model_name else {}),
        **{switch: "true" for switch in ("lecture", "predict") if getattr(page, switch)},
    }


def url_name(path: str) -> str:
    """A page's name in its URL, as Streamlit names it: the file's name after its number."""
    return Path(path).stem.split("_", 1)[1] if path != "Home.py" else ""


def page_url(page: Page, path: str) -> str:
    """The relative URL of a page, keeping the reader's language and model."""
    from urllib.parse import urlencode

    return f"{url_name(path)}?{urlencode(_keep(page))}"


def scroll_to_section() -> None:
    """?at=<section>: once the page has drawn that section's header (its anchor), scroll to it —
    a saved link or a lesson's "Open on its page" lands on the section, also in a fresh browser."""
    import re

    at = st.query_params.get("at")
    if not at or not re.fullmatch(r"[a-z_]{1,40}", at):
        return
    st.html(
        """<script>
    (function () {
      const doc = window.parent ? window.parent.document : document;
      const target = "%s";
      if (doc.__scrolledTo === target) return;
      doc.__scrolledTo = target;
      let tries = 0;
      const timer = setInterval(function () {
        const found = doc.getElementById(target);
        if (found) { found.scrollIntoView({block: "start"}); clearInterval(timer); }
        if (++tries > 120) clearInterval(timer);
      }, 250);
    })();
    </script>"""
        % at,
        unsafe_allow_javascript=True,
    )


def _on_a_phone() -> bool:
    headers = st.context.headers
    agent = str(headers.get("User-Agent") or "") if headers is not None else ""
    return "Mobi" in agent


def header(page: Page, text: str, anchor: str, intro: str | None = None) -> None:
    """A section's header, with the anchor a link scrolls to (?at=), and its opening paragraph.
    Inside a lesson step the step's title and text open the section already: the header is not
    drawn (it would say it twice) and the paragraph waits one click away, leaving the step's
    screen to the view itself."""
    if not page.lesson:
        st.header(text, anchor=anchor)
        if intro is not None:
            st.write(intro)
    elif intro is not None:
        with st.expander(page.t("lessonpage.about_view")):
            st.write(intro)


def _formula_style() -> None:
    """A formula wider than the screen scrolls inside its own box, not the page."""
    st.html("""<style>
      .katex-display { overflow-x: auto; overflow-y: hidden; padding-bottom: 2px; }
    </style>""")


def _lecture_style() -> None:
    st.html("""<style>
      html, body, [data-testid="stAppViewContainer"] { font-size: 20px; }
      [data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.25rem; }
      [data-testid="stMetricValue"] { font-size: 2.6rem; }
      h1 { font-size: 3rem !important; } h2 { font-size: 2.2rem !important; }
    </style>""")
