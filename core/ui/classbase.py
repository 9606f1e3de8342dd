"""What the class modules share: the store, the browser's id, the client's address, the
lecturer this session holds, option labels and the result bars.

    found = store(page)             # core.classroom.ClassStore, or None with a message
    me = browser_id()               # this browser's random id (its cookie), the same after a reload
    ip = client_address()           # for the per-address limits (None on localhost)

One student = one browser: the id lives in a cookie (`ta_browser`) that the browser keeps a
year. Streamlit reads cookies when the session opens (`st.context.cookies`); a browser that
has none gets a fresh id, and a one-line script (`st.html(..., unsafe_allow_javascript=True)`)
asks it to keep that id, so its next session — a reload, a second tab, a restarted server — is
the same student (or the same lecturer). The store keeps only the id's SHA-256.

The four class modules build on this one and never on each other's callers:
predict (ui.ask) → lecturer → join → classbase; student → classbase.
"""

from __future__ import annotations

import os
import re
import secrets
from typing import Callable, TypeVar

import streamlit as st

from core import classroom, i18n, quiz
from core.classroom import ClassroomError
from core.ui.pagetype import Page

T = TypeVar("T")

COOKIE = "ta_browser"
COOKIE_DAYS = 365
PASSCODE_VAR = "TRANSFORMER_ANATOMY_LECTURER_PASSCODE"
TRUST_PROXY_VAR = "TRANSFORMER_ANATOMY_TRUST_PROXY"  # "1" behind nginx: the address it forwards
LETTERS = "ABCDE"
_ID = re.compile(r"^[0-9a-f]{32}$")
escape = i18n.escape  # a model's token or a typed word, shown as itself in Markdown (one helper)


# --------------------------------------------------------------------------- settings


def _setting(name: str) -> str | None:
    """From the environment, else st.secrets, else None."""
    if os.environ.get(name):
        return os.environ[name]
    try:
        value = st.secrets.get(name)
    except Exception:  # no secrets file: fine
        value = None
    return str(value) if value else None


def database_url() -> str:
    """TRANSFORMER_ANATOMY_DB from the environment, else from st.secrets, else SQLite in the
    app's cache directory."""
    return _setting(classroom.DB_ENV_VAR) or classroom.default_url()


def lecturer_passcode() -> str | None:
    """TRANSFORMER_ANATOMY_LECTURER_PASSCODE (environment or st.secrets): where set, "Start a
    class" asks for it."""
    return _setting(PASSCODE_VAR)


@st.cache_resource(show_spinner=False)
def _store(url: str, passcode: str | None) -> classroom.ClassStore:
    return classroom.ClassStore(url, passcode=passcode)


def store(page: Page) -> classroom.ClassStore | None:
    """The class store, or None (with a message) when it can't be reached."""
    try:
        return _store(database_url(), lecturer_passcode())
    except Exception:
        st.warning(page.t("classroom.error.unavailable"))
        return None


def store_or_none() -> classroom.ClassStore | None:
    """The class store, or None without a message (a fragment's quiet refresh)."""
    try:
        return _store(database_url(), lecturer_passcode())
    except Exception:
        return None


def error(page: Page, exc: ClassroomError) -> str:
    return page.t(f"classroom.error.{exc.reason}", **exc.values)


def in_store(page: Page, call: Callable[[classroom.ClassStore], T]) -> tuple[bool, T | None]:
    """`call` on the class store: (True, what it returns); (False, None) when the store can't be
    reached (a warning) or refuses (its reason, in the reader's language, as the class message)."""
    found = store(page)
    if found is None:
        return False, None
    try:
        return True, call(found)
    except ClassroomError as exc:
        st.session_state["class_message"] = error(page, exc)
        return False, None


# --------------------------------------------------------------------------- who is asking


def _cookies() -> dict:
    try:
        return dict(st.context.cookies)
    except Exception:  # no request behind this run (a bare script)
        return {}


def browser_id() -> str:
    """This browser's random id: its cookie's, else a new one (kept by `keep_browser_id`)."""
    known = st.session_state.get("browser_id")
    if known:
        return known
    raw = str(_cookies().get(COOKIE, ""))
    fresh = not _ID.match(raw)
    st.session_state["browser_id"] = value = secrets.token_hex(16) if fresh else raw
    st.session_state["browser_id_fresh"] = fresh
    return value


def keep_browser_id() -> None:
    """Ask a browser that came without the cookie to keep its id (a script of one line; the id
    is this browser's own, never anyone else's). Nothing is drawn for a browser that has it."""
    value = browser_id()
    if not st.session_state.get("browser_id_fresh"):
        return
    st.html(
        f"""<script>(function () {{
      var secure = window.location.protocol === "https:" ? "; Secure" : "";
      if (document.cookie.indexOf("{COOKIE}=") === -1) {{
        document.cookie = "{COOKIE}={value}; path=/; max-age={COOKIE_DAYS * 86400}; SameSite=Lax" + secure;
      }}
    }})();</script>""",
        unsafe_allow_javascript=True,
    )


def client_address() -> str | None:
    """The client's network address, for the per-address limits: the websocket's peer, or —
    with TRANSFORMER_ANATOMY_TRUST_PROXY=1 behind a proxy that sets it — the last address in
    X-Forwarded-For (the one the proxy itself saw; earlier ones the client could forge).
    None on localhost (nothing to limit)."""
    try:
        if os.environ.get(TRUST_PROXY_VAR) == "1":
            hops = [h.strip() for h in str(st.context.headers.get("X-Forwarded-For") or "").split(",")]
            hops = [h for h in hops if h]
            if hops:
                return hops[-1]
        return st.context.ip_address
    except Exception:
        return None


# --------------------------------------------------------------------------- the lecturer this session holds


def current_lecturer() -> classroom.Lecturer | None:
    return st.session_state.get("class_lecturer")


def class_tally(page: Page, lecturer: classroom.Lecturer) -> classroom.Tally | None:
    """The class's current question and counts, or None (and the class dropped, with a message)
    when the class is over or another session took it over (its key was rotated)."""
    found = store(page)
    if found is None:
        return None
    try:
        return found.tally(lecturer.code, lecturer.secret)
    except ClassroomError as exc:
        st.session_state.pop("class_lecturer", None)
        if exc.reason == "not_lecturer":
            st.session_state["class_taken_over"] = lecturer.code
            st.session_state["class_message"] = page.t("class.taken_over", code=lecturer.code)
        else:
            st.session_state["class_message"] = error(page, exc)
        return None


# --------------------------------------------------------------------------- options and results


def _option(question: quiz.Question | dict, i: int) -> quiz.Text:
    return question.options[i] if isinstance(question, quiz.Question) else quiz.Text.from_dict(question["options"][i])


def option_label(lang: str, question: quiz.Question | dict, i: int) -> i18n.Markdown:
    """ "B · word" as Markdown: option i of a question, or of its public part as the store holds it
    (the catalog leaves it as it is when it fills it into a sentence: escaped once)."""
    return i18n.Markdown(f"{LETTERS[i]} · {_option(question, i).render(lang)}")


def option_text(lang: str, question: quiz.Question | dict, i: int) -> str:
    """ "B · word" as text, for a place that does not render Markdown (a table's cell)."""
    return f"{LETTERS[i]} · {_option(question, i).plain(lang)}"


def show_result(
    page: Page, public: dict, answer: int, explanation: dict, counts: list[int], mine: int | None = None
) -> None:
    """The tally as bars, the model's answer marked, the explanation (and the student's pick)."""
    t, total = page.t, max(sum(counts), 1)
    for i, n in enumerate(counts):
        label = i18n.Markdown(option_label(page.lang, public, i) + (" ✅" if i == answer else ""))
        st.progress(n / total, text=t("class.option_count", option=label, n=n, share=n / total))
    answer_label = option_label(page.lang, public, answer)
    if mine is None:
        st.success(t("class.model_answer", answer=answer_label))
    elif mine == answer:
        st.success(t("class.result_right", choice=answer_label))
    else:
        st.error(t("class.result_wrong", choice=option_label(page.lang, public, mine), answer=answer_label))
    st.caption(escape(quiz.Text.from_dict(explanation).render(page.lang)))
    st.caption(t("class.answered_count", answered=sum(counts)))
