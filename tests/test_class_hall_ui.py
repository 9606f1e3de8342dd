"""The hall through AppTest (issue 28): a reloaded phone is the same student and shows its
answer; the lecturer's browser re-attaches to its class after a reload and the other session
says it was taken over; the key is never drawn until asked for; a take-back link moves the
class; the open question and Reveal are on any page; a passcode guards Start; the results at
the end name nobody; the Class page has its own language switch and the join link no language."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from core import i18n
from core.ui import classbase
from tests import test_classmode as base
from tests.test_classmode import ROOT, buttons, no_exception, page_app, question, rendered

class_db = base.class_db  # the fixture: a fresh SQLite store the pages share

LAPTOP, PHONE = "1a" * 16, "2b" * 16  # browser ids as their cookies hold them


def from_browser(monkeypatch, browser: str) -> None:
    monkeypatch.setattr(classbase, "_cookies", lambda: {classbase.COOKIE: browser})


@pytest.fixture(scope="module")
def sharp_model(sharp_gpt2_dir):
    return sharp_gpt2_dir


def phone(code: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/7_Class.py"), default_timeout=60)
    at.query_params.update({"class": code, "lang": lang})
    at.run()
    no_exception(at)
    return at


def test_a_reloaded_phone_is_the_same_student_and_shows_its_answer(class_db, monkeypatch):
    from_browser(monkeypatch, PHONE)
    lecturer = class_db.create_class()
    class_db.ask(lecturer.code, lecturer.secret, question(1, "x"))
    at = phone(lecturer.code)
    buttons(at, "answer_")[3].click().run()
    for _ in range(3):  # reloads: new sessions, the same cookie
        again = phone(lecturer.code)
        assert not buttons(again, "answer_")
        assert "D · delta" in again.success[0].value
        assert "unsafe_allow_javascript" not in rendered(again)  # it has its cookie: nothing to set
    tally = class_db.tally(lecturer.code, lecturer.secret)
    assert (tally.joined, tally.answered) == (1, 1)


def test_a_new_phone_is_asked_to_keep_its_id(class_db, monkeypatch):
    monkeypatch.setattr(classbase, "_cookies", lambda: {})
    lecturer = class_db.create_class()
    at = phone(lecturer.code)
    mine = at.session_state["browser_id"]
    scripts = [str(h.proto) for h in at.get("html") if classbase.COOKIE in str(h.proto)]
    assert len(scripts) == 1 and mine in scripts[0] and "document.cookie" in scripts[0]


def test_the_class_page_has_its_own_language_switch(class_db, monkeypatch):
    from_browser(monkeypatch, PHONE)
    lecturer = class_db.create_class()
    at = AppTest.from_file(str(ROOT / "pages/7_Class.py"), default_timeout=60)
    at.query_params["class"] = lecturer.code
    at.run()
    switch = at.main.radio(key="lang")
    switch.set_value("ko").run()
    no_exception(at)
    assert any(i18n.t("class.waiting", "ko") in m.value for m in at.info)


def test_the_lecturers_browser_reattaches_and_the_other_session_is_taken_over(sharp_model, class_db, monkeypatch):
    from_browser(monkeypatch, LAPTOP)
    first = page_app("pages/6_Sampling.py", sharp_model, monkeypatch, lang="en")
    first.run()
    first.sidebar.button(key="class_start").click().run()
    started = first.session_state["class_lecturer"]
    assert started.secret not in rendered(first)  # the key is never drawn ...
    buttons(first, "ask_")[0].click().run()

    second = page_app("Home.py", sharp_model, monkeypatch, lang="en")  # a reload (or a restart)
    second.run()
    no_exception(second)
    now = second.session_state["class_lecturer"]
    assert now.code == started.code and now.secret != started.secret
    assert any(i18n.t("class.reattached", code=started.code)[:20] in m.value for m in second.sidebar.info)
    assert second.sidebar.button(key="class_reveal_sidebar")  # the open question and Reveal, on Home

    first.run()
    no_exception(first)
    assert "class_lecturer" not in first.session_state
    assert any(i18n.t("class.taken_over", code=started.code)[:20] in m.value for m in first.sidebar.info)
    assert not buttons(first, "ask_")
    assert first.sidebar.button(key="class_take_back_here")
    second.sidebar.button(key="class_reveal_sidebar").click().run()
    assert class_db.tally(now.code, now.secret).revealed

    second.sidebar.button(key="class_link").click().run()  # ... until asked for, with a warning
    assert now.secret in rendered(second)
    assert any(i18n.t("class.link_warning")[:20] in w.value for w in second.sidebar.warning)


def test_a_take_back_link_moves_the_class_to_another_device(sharp_model, class_db, monkeypatch):
    lecturer = class_db.create_class(owner=LAPTOP)
    from_browser(monkeypatch, "3c" * 16)
    tablet = page_app("Home.py", sharp_model, monkeypatch, lang="en", take=f"{lecturer.code}.{lecturer.secret}")
    tablet.run()
    no_exception(tablet)
    assert tablet.session_state["class_lecturer"].code == lecturer.code
    assert "take" not in tablet.query_params  # the key leaves the address bar at once
    assert class_db.reattach(LAPTOP) is None  # the class follows the tablet now


def test_a_passcode_guards_start(sharp_model, class_db, monkeypatch):
    monkeypatch.setenv(classbase.PASSCODE_VAR, "hall-42")
    from_browser(monkeypatch, LAPTOP)
    at = page_app("Home.py", sharp_model, monkeypatch, lang="ko")
    at.run()
    at.sidebar.button(key="class_start").click().run()
    assert "class_lecturer" not in at.session_state
    assert any(i18n.t("classroom.error.bad_passcode", "ko") in m.value for m in at.sidebar.info)
    at.sidebar.text_input(key="class_passcode").input("hall-42")
    at.sidebar.button(key="class_start").click().run()
    no_exception(at)
    assert at.session_state["class_lecturer"]


def test_the_lecturer_closes_and_reopens_joining_from_the_sidebar(sharp_model, class_db, monkeypatch):
    from core.classroom import ClassroomError

    from_browser(monkeypatch, LAPTOP)
    at = page_app("Home.py", sharp_model, monkeypatch, lang="en")
    at.run()
    at.sidebar.button(key="class_start").click().run()
    lecturer = at.session_state["class_lecturer"]
    assert not [b for b in at.sidebar.button if b.key == "class_open_joining"]
    at.sidebar.button(key="class_close_joining").click().run()
    no_exception(at)
    with pytest.raises(ClassroomError) as refused:
        class_db.join(lecturer.code, PHONE)
    assert refused.value.reason == "joining_closed"
    assert i18n.t("class.joining_closed_note", "en") in [c.value for c in at.sidebar.caption]
    assert not [b for b in at.sidebar.button if b.key == "class_close_joining"]
    at.sidebar.button(key="class_open_joining").click().run()
    no_exception(at)
    class_db.join(lecturer.code, PHONE)  # open again: the phone gets in
    assert i18n.t("class.joining_closed_note", "en") not in [c.value for c in at.sidebar.caption]


def test_ending_the_class_shows_a_summary_that_names_nobody(sharp_model, class_db, monkeypatch):
    from_browser(monkeypatch, LAPTOP)
    at = page_app("pages/6_Sampling.py", sharp_model, monkeypatch, lang="en")
    at.run()
    at.sidebar.button(key="class_start").click().run()
    lecturer = at.session_state["class_lecturer"]
    buttons(at, "ask_")[0].click().run()
    qid = class_db.tally(lecturer.code, lecturer.secret).question_id
    class_db.join(lecturer.code, PHONE)
    class_db.answer(lecturer.code, PHONE, qid, 0)
    at.sidebar.button(key="class_end").click().run()
    no_exception(at)
    assert "class_lecturer" not in at.session_state
    table = at.main.dataframe[0].value
    assert list(table.columns)[:2] == [i18n.t("class.col.question"), i18n.t("class.col.options")]
    assert len(table) == 1 and table.iloc[0][i18n.t("class.col.answered")] == 1
    assert PHONE not in rendered(at)


def test_the_pages_pass_the_client_address_to_the_limits(sharp_model, tmp_path, monkeypatch):
    """With the limits turned down, scripted phones and Start presses from one address are
    refused with a message; a student and a lecturer from other addresses still get in."""
    from core.classroom import ClassStore

    url = f"sqlite:///{tmp_path / 'limited.db'}"
    monkeypatch.setenv("TRANSFORMER_ANATOMY_DB", url)
    monkeypatch.setenv("TRANSFORMER_ANATOMY_JOINS_PER_ADDRESS", "2")
    monkeypatch.setenv("TRANSFORMER_ANATOMY_STARTS_PER_ADDRESS", "1")
    store = ClassStore(url)
    try:
        lecturer = store.create_class()
        monkeypatch.setattr(classbase, "client_address", lambda: "203.0.113.9")
        shown = []
        for i in range(4):
            from_browser(monkeypatch, f"{i:02d}" * 16)
            shown.append([m.value for m in phone(lecturer.code).error])
        limited = i18n.t("classroom.error.rate_limited")
        assert [limited in " ".join(s) for s in shown] == [False, False, True, True], shown
        monkeypatch.setattr(classbase, "client_address", lambda: "198.51.100.7")
        from_browser(monkeypatch, "ff" * 16)
        assert not phone(lecturer.code).error
        assert store.tally(lecturer.code, lecturer.secret).joined == 3

        monkeypatch.setattr(classbase, "client_address", lambda: "203.0.113.9")
        for i, expected in enumerate((True, False)):
            from_browser(monkeypatch, f"a{i}" * 16)
            at = page_app("Home.py", sharp_model, monkeypatch, lang="en")
            at.run()
            at.sidebar.button(key="class_start").click().run()
            assert ("class_lecturer" in at.session_state) is expected
        assert any(limited in m.value for m in at.sidebar.info)
        monkeypatch.setattr(classbase, "client_address", lambda: "192.0.2.44")
        from_browser(monkeypatch, "b0" * 16)
        at = page_app("Home.py", sharp_model, monkeypatch, lang="en")
        at.run()
        at.sidebar.button(key="class_start").click().run()
        assert at.session_state["class_lecturer"]
    finally:
        store.dispose()


@pytest.mark.parametrize("raw", ["<img src=x onerror=alert(1)>", "ABCDEF.", ".", "**b**", "x" * 300])
def test_a_tampered_take_back_link_gets_a_message(sharp_model, class_db, monkeypatch, raw):
    from_browser(monkeypatch, LAPTOP)
    at = page_app("Home.py", sharp_model, monkeypatch, lang="ko", take=raw)
    at.run()
    no_exception(at)
    assert "class_lecturer" not in at.session_state and "take" not in at.query_params
    assert any(i18n.t("classroom.error.malformed", "ko")[:15] in m.value for m in at.sidebar.info)


def test_the_client_address_behind_a_trusted_proxy_is_the_hop_it_saw(monkeypatch):
    """Without TRANSFORMER_ANATOMY_TRUST_PROXY the websocket's peer counts (a client can't forge
    it); with it, the last X-Forwarded-For entry — the one nginx appended — not the first,
    which the client wrote itself."""
    from types import SimpleNamespace

    context = SimpleNamespace(ip_address="10.0.0.2", headers={"X-Forwarded-For": "6.6.6.6, 203.0.113.9"})
    monkeypatch.setattr(classbase, "st", SimpleNamespace(context=context))
    monkeypatch.delenv(classbase.TRUST_PROXY_VAR, raising=False)
    assert classbase.client_address() == "10.0.0.2"
    monkeypatch.setenv(classbase.TRUST_PROXY_VAR, "1")
    assert classbase.client_address() == "203.0.113.9"
    context.headers = {}
    assert classbase.client_address() == "10.0.0.2"
