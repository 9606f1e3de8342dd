"""The join screen: the class code, the join link and its QR code, large enough for a projector,
with the live count of students (active / joined). Drawn at the top of the lecturer's page.

    join_link(code)          # …/Class?class=CODE, from the address the lecturer's browser is on
    join_screen(page)        # only while the lecturer shows it (sidebar: Show the join screen)

The link carries no language: each phone opens the Class page in its own browser's language.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import streamlit as st

from core import classroom
from core.ui import classbase
from core.ui.pagetype import Page

ROOT = Path(__file__).resolve().parents[2]
JOIN_LIVE_S = 2.0  # the join screen's count refreshes this often


def _page_names() -> set[str]:
    """The app's page names as they appear in its URLs (pages/3_Attention.py → Attention)."""
    return {p.stem.split("_", 1)[1] for p in (ROOT / "pages").glob("*.py") if "_" in p.stem}


def app_base(url: str | None = None) -> str | None:
    """The app's root address (no page name) from the address the browser is on, or None where
    there is none (a test)."""
    parts = urlsplit(url if url is not None else (st.context.url or ""))
    if not parts.scheme:
        return None
    path = parts.path.rstrip("/")
    if path.rsplit("/", 1)[-1] in _page_names():
        path = path.rsplit("/", 1)[0]
    return f"{parts.scheme}://{parts.netloc}{path}"


def join_link(code: str, url: str | None = None) -> str:
    """The Class page's address with this code, from the address the lecturer's browser is on
    (st.context.url), or a relative link where there is none (a test)."""
    query = urlencode({"class": code})
    base = app_base(url)
    return f"Class?{query}" if base is None else f"{base}/Class?{query}"


def qr_png(link: str) -> bytes:
    """The link as a QR code (segno), black on white, PNG."""
    import segno

    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=12, border=2)
    return buffer.getvalue()


def join_screen(page: Page) -> None:
    """The code, the link, its QR code and the live count (top of the page)."""
    lecturer = classbase.current_lecturer()
    if lecturer is None or not st.session_state.get("class_show_join"):
        return
    link = join_link(lecturer.code)
    with st.container(border=True, key="class_join"):
        st.subheader(page.t("class.join_title"))
        left, right = st.columns([3, 2], vertical_alignment="center")
        with left:
            st.markdown(page.t("class.join_text", link=link))
            st.html(
                f'<div style="font-size:5.5rem;font-weight:700;letter-spacing:0.4rem;'
                f'font-family:monospace">{lecturer.code}</div>'
            )
            _join_count(page, lecturer)
        with right:
            st.image(qr_png(link), width=380, output_format="PNG")


@st.fragment(run_every=JOIN_LIVE_S)
def _join_count(page: Page, lecturer: classroom.Lecturer) -> None:
    tally = classbase.class_tally(page, lecturer)
    if tally is None:
        st.rerun()
    text = page.t("class.live_count", active=tally.active, joined=tally.joined)
    st.html(f'<div class="class-live-count" style="font-size:3.2rem;font-weight:600">{html.escape(text)}</div>')
    if not tally.joining_open:
        st.caption(page.t("class.joining_closed_note"))
