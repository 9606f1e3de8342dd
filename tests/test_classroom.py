"""The class store (core/classroom.py) on SQLite and on a real PostgreSQL server: the rules hold
in the database itself — one answer per student per question, one open question per class —
under 200 students answering at once; secrets are stored hashed; caps and expiry refuse with
a reason the UI translates."""

from __future__ import annotations

import hashlib
import threading
import time

import pytest
import sqlalchemy as sa

from core import i18n
from core.classroom import (
    ClassroomError,
    ClassStore,
    Limits,
    answers,
    classes,
    engine_url,
    metadata,
    new_code,
    normalize_code,
    questions,
    students,
)
from core.quiz import Question, Text, literal
from tests.postgres import postgres_server


def question(answer: int = 2, n: int = 4, why: str = "because") -> Question:
    return Question(
        "test.kind",
        Text("quiz.sampling.next_token"),
        tuple(literal(f"option {i}") for i in range(n)),
        answer,
        Text("quiz.literal", {"text": why}),
    )


@pytest.fixture(scope="session")
def postgres():
    with postgres_server() as found:
        url, why = found
        if why:
            print(f"\n[test_classroom] PostgreSQL tests skipped: {why}")
        yield found


@pytest.fixture(params=["sqlite", "postgresql"])
def make_store(request, tmp_path):
    """A factory of fresh, empty stores: SQLite in a temporary folder, or the PostgreSQL
    server (its tables dropped first)."""
    made = []

    def make(limits: Limits | None = None, clock=time.time) -> ClassStore:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path / 'classroom.db'}"
        else:
            url, why = request.getfixturevalue("postgres")
            if url is None:
                pytest.skip(why)
            if not made:
                engine = sa.create_engine(engine_url(url))
                metadata.drop_all(engine)
                engine.dispose()
        store = ClassStore(url, limits or Limits(), clock)
        made.append(store)
        return store

    yield make
    for store in made:
        store.dispose()


def reason(call) -> str:
    with pytest.raises(ClassroomError) as info:
        call()
    return info.value.reason


# --------------------------------------------------------------------------- codes


def test_codes_have_no_look_alikes_and_a_check_character():
    for _ in range(200):
        code = new_code()
        assert len(code) == 6 and not set(code) & set("0O1IL")
        assert normalize_code(code.lower()[:3] + " - " + code[3:]) == code
    good = new_code()
    flipped = good[:-1] + next(c for c in "ABCDEFGH" if c != good[-1])  # a typo / a tampered link
    for bad in [flipped, good[:-1], good + "A", "", None, "ABC0EF", "<script>", "😀" * 6]:
        assert reason(lambda: normalize_code(bad)) == "malformed", bad


def test_every_refusal_has_a_message_in_both_languages():
    import ast
    import inspect

    import core.classroom as module

    raised = {
        node.args[0].value
        for node in ast.walk(ast.parse(inspect.getsource(module)))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ClassroomError"
    }
    assert raised >= {
        "malformed",
        "unknown",
        "expired",
        "class_full",
        "too_many_classes",
        "not_lecturer",
        "closed",
        "bad_choice",
        "not_joined",
        "already_answered",
        "too_many_answers",
        "joining_closed",
        "rate_limited",
        "bad_passcode",
    }
    for key in raised | {"unavailable"}:
        for lang in i18n.LANGUAGES:
            assert i18n.t(f"classroom.error.{key}", lang, code="X", n=1)


# --------------------------------------------------------------------------- a class, start to end


def test_a_class_from_start_to_reveal(make_store):
    store = make_store()
    lecturer = store.create_class()
    for student in ("s1", "s2", "s3"):
        store.join(lecturer.code.lower(), student)  # the code as a phone might type it
    store.join(lecturer.code, "s1")  # the same session again: still three
    assert store.student_view(lecturer.code).question_id is None
    qid = store.ask(lecturer.code, lecturer.secret, question(answer=2))
    view = store.student_view(lecturer.code)
    assert view.question_id == qid and view.result is None
    assert set(view.public) == {"kind", "prompt", "options"}  # no answer, no explanation
    store.answer(lecturer.code, "s1", qid, 2)
    store.answer(lecturer.code, "s2", qid, 0)
    tally = store.tally(lecturer.code, lecturer.secret)
    assert (tally.answered, tally.joined, tally.counts, tally.revealed) == (2, 3, [1, 0, 1, 0], False)
    assert store.student_view(lecturer.code).result is None  # still hidden from the phones
    assert reason(lambda: store.reveal(lecturer.code, "WRONG-KEYX-XXXX")) == "not_lecturer"
    store.reveal(lecturer.code, lecturer.secret)
    result = store.student_view(lecturer.code).result
    assert result.answer == 2 and result.counts == [1, 0, 1, 0] and result.explanation["values"]["text"] == "because"
    assert reason(lambda: store.answer(lecturer.code, "s3", qid, 1)) == "closed"  # revealed: no more answers
    store.end_class(lecturer.code, lecturer.secret)
    assert reason(lambda: store.student_view(lecturer.code)) == "expired"


def test_bad_input_is_refused_with_a_reason(make_store):
    store = make_store()
    lecturer = store.create_class()
    other = new_code()
    assert reason(lambda: store.join(other, "s")) == "unknown"
    assert (
        reason(
            lambda: store.join(lecturer.code[:-1] + "Z" if lecturer.code[-1] != "Z" else lecturer.code[:-1] + "Y", "s")
        )
        == "malformed"
    )
    qid = store.ask(lecturer.code, lecturer.secret, question())
    assert reason(lambda: store.answer(lecturer.code, "stranger", qid, 0)) == "not_joined"
    store.join(lecturer.code, "s")
    assert reason(lambda: store.answer(lecturer.code, "s", qid, 9)) == "bad_choice"
    assert reason(lambda: store.answer(lecturer.code, "s", qid + 1, 0)) == "closed"
    store.answer(lecturer.code, "s", qid, 1)
    assert reason(lambda: store.answer(lecturer.code, "s", qid, 3)) == "already_answered"
    assert reason(lambda: store.take_back(lecturer.code, "AAAA-BBBB-CCCC")) == "not_lecturer"
    again = store.take_back(lecturer.code.lower(), lecturer.secret.replace("-", " ").lower())
    assert again.code == lecturer.code  # a lecturer on another laptop, typing the key loosely ...
    assert again.secret != lecturer.secret  # ... gets a new key: the old one controls nothing now
    assert reason(lambda: store.tally(lecturer.code, lecturer.secret)) == "not_lecturer"
    store.tally(again.code, again.secret)


def refused_by_the_database(store, table, row: dict) -> None:
    """Inserting `row` straight into `table` breaks one of the database's own constraints."""
    with pytest.raises(sa.exc.IntegrityError):
        with store.engine.begin() as db:
            db.execute(table.insert().values(**row))


def test_one_open_question_per_class(make_store):
    store = make_store()
    lecturer = store.create_class()
    store.join(lecturer.code, "s")
    first = store.ask(lecturer.code, lecturer.secret, question(answer=0))
    second = store.ask(lecturer.code, lecturer.secret, question(answer=1, why="second"))
    assert store.student_view(lecturer.code).question_id == second
    assert reason(lambda: store.answer(lecturer.code, "s", first, 0)) == "closed"
    with store.engine.connect() as db:
        class_id = db.scalar(sa.select(classes.c.id).where(classes.c.code == lecturer.code))
    refused_by_the_database(
        store,
        questions,
        dict(class_id=class_id, fingerprint="x", public="{}", answer=0, explanation="{}", asked_at=0.0, open=True),
    )


def test_one_answer_per_student_is_a_unique_constraint(make_store):
    store = make_store()
    lecturer = store.create_class()
    store.join(lecturer.code, "s")
    qid = store.ask(lecturer.code, lecturer.secret, question())
    store.answer(lecturer.code, "s", qid, 1)
    with store.engine.connect() as db:
        row = db.execute(sa.select(answers)).first()._asdict()
    row.pop("id")
    refused_by_the_database(store, answers, row)  # the same answer again, past every check in Python


def test_secrets_are_stored_hashed(make_store):
    store = make_store()
    lecturer = store.create_class()
    store.join(lecturer.code, "student-secret-id")
    with store.engine.connect() as db:
        stored = [tuple(r) for table in (classes, students) for r in db.execute(sa.select(table))]
    text = repr(stored)
    assert lecturer.secret not in text and "student-secret-id" not in text
    assert hashlib.sha256(lecturer.secret.encode()).hexdigest() in text
    assert hashlib.sha256(b"student-secret-id").hexdigest() in text


# --------------------------------------------------------------------------- caps and expiry


def test_caps_on_classes_students_and_answers(make_store):
    store = make_store(Limits(classes=2, students=3, answers_per_minute=2))
    first = store.create_class()
    store.create_class()
    assert reason(store.create_class) == "too_many_classes"
    for s in ("a", "b", "c"):
        store.join(first.code, s)
    assert reason(lambda: store.join(first.code, "d")) == "class_full"
    store.join(first.code, "a")  # someone already in may come back
    qid = store.ask(first.code, first.secret, question())
    store.answer(first.code, "a", qid, 0)
    store.answer(first.code, "b", qid, 0)
    assert reason(lambda: store.answer(first.code, "c", qid, 0)) == "too_many_answers"
    store.end_class(first.code, first.secret)
    store.create_class()  # an ended class frees its place


def test_a_class_expires_and_is_forgotten_a_day_later(make_store):
    now = [1_000_000.0]
    store = make_store(Limits(hours=2), clock=lambda: now[0])
    lecturer = store.create_class()
    store.join(lecturer.code, "s")
    store.ask(lecturer.code, lecturer.secret, question())
    now[0] += 2 * 3600 + 1
    assert reason(lambda: store.student_view(lecturer.code)) == "expired"
    assert reason(lambda: store.join(lecturer.code, "t")) == "expired"
    assert reason(lambda: store.tally(lecturer.code, lecturer.secret)) == "expired"
    now[0] += 24 * 3600
    store.create_class()  # starting a class clears out the long-expired ones
    with store.engine.connect() as db:
        assert db.scalar(sa.select(sa.func.count()).select_from(questions)) == 0
        assert db.scalar(sa.select(sa.func.count()).select_from(students)) == 0
    assert reason(lambda: store.student_view(lecturer.code)) == "unknown"


# --------------------------------------------------------------------------- a lecture hall at once


def test_200_students_answer_one_question_from_200_threads_at_once(make_store):
    """Each student answers once and then tries again, all 200 released together: 200 rows,
    no duplicate, none lost, every second try refused, the tally exact."""
    store = make_store(Limits(students=500, answers_per_minute=10_000))
    lecturer = store.create_class()
    n = 200
    for i in range(n):
        store.join(lecturer.code, f"student-{i}")
    qid = store.ask(lecturer.code, lecturer.secret, question(n=4))
    start, outcomes, lock = threading.Barrier(n), {}, threading.Lock()

    def student(i: int) -> None:
        start.wait()
        got = []
        for choice in (i % 4, (i + 1) % 4):
            try:
                store.answer(lecturer.code, f"student-{i}", qid, choice)
                got.append("stored")
            except ClassroomError as exc:
                got.append(exc.reason)
            except Exception as exc:  # anything else is a lost answer
                got.append(f"{type(exc).__name__}: {exc}")
        with lock:
            outcomes[i] = got

    threads = [threading.Thread(target=student, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert len(outcomes) == n
    assert all(got == ["stored", "already_answered"] for got in outcomes.values()), {
        i: got for i, got in outcomes.items() if got != ["stored", "already_answered"]
    }
    with store.engine.connect() as db:
        rows = db.execute(sa.select(answers.c.student_hash, answers.c.choice).where(answers.c.question_id == qid)).all()
    assert len(rows) == n and len({who for who, _ in rows}) == n
    tally = store.tally(lecturer.code, lecturer.secret)
    assert tally.answered == n and tally.counts == [n // 4] * 4 and tally.joined == n


def test_postgres_urls_use_psycopg_3():
    assert engine_url("postgres://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert engine_url("postgresql://u@h:5/db") == "postgresql+psycopg://u@h:5/db"
    assert engine_url("sqlite:///x.db") == "sqlite:///x.db"
