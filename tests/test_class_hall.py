"""A class that holds in a lecture hall (issue 28), on SQLite and on a real PostgreSQL: one
student per browser id, caps that count ACTIVE students, per-address limits that stop a script
and still let a real student and a real lecturer from another address in, a passcode, closing
joining, one lecturer in control (the key rotates; the lecturer's browser re-attaches after a
restart), and results as CSV that name nobody."""

from __future__ import annotations

import csv
import io

import sqlalchemy as sa

from core.classroom import RESULT_COLUMNS, ClassStore, Limits, RateLimiter, answers, classes, results_csv, students
from tests import test_classroom as base

make_store, postgres = base.make_store, base.postgres  # the store tests' fixtures: SQLite and PostgreSQL
question, reason = base.question, base.reason

SCRIPT, STUDENT, LECTURER = "203.0.113.9", "198.51.100.7", "192.0.2.44"  # documentation addresses


class Clock:
    def __init__(self, t: float = 1_000_000.0):
        self.t = t

    def __call__(self) -> float:
        return self.t


def rows(store: ClassStore, table) -> int:
    with store.engine.connect() as db:
        return db.scalar(sa.select(sa.func.count()).select_from(table))


# --------------------------------------------------------------------------- one student per browser


def test_one_browser_is_one_student_with_one_answer(make_store):
    """The same browser id joining again (a reload, a second tab, a restarted server: a new
    store object on the same database) is the same student; its answer is found again."""
    store = make_store()
    lecturer = store.create_class()
    store.join(lecturer.code, "browser-a")
    qid = store.ask(lecturer.code, lecturer.secret, question(answer=1))
    assert store.answer_of(lecturer.code, "browser-a", qid) is None
    store.answer(lecturer.code, "browser-a", qid, 3)
    restarted = ClassStore(store.url, Limits())
    try:
        for _ in range(3):
            restarted.join(lecturer.code, "browser-a")
        assert restarted.answer_of(lecturer.code, "browser-a", qid) == 3  # the phone shows its answer
        assert reason(lambda: restarted.answer(lecturer.code, "browser-a", qid, 0)) == "already_answered"
        assert restarted.answer_of(lecturer.code, "browser-b", qid) is None
    finally:
        restarted.dispose()
    assert rows(store, students) == 1 and rows(store, answers) == 1


# --------------------------------------------------------------------------- caps and limits


def test_the_cap_counts_active_students(make_store):
    clock = Clock()
    store = make_store(Limits(students=3, active_minutes=5), clock=clock)
    lecturer = store.create_class()
    for s in ("a", "b", "c"):
        store.join(lecturer.code, s)
    assert reason(lambda: store.join(lecturer.code, "d")) == "class_full"
    clock.t += 4 * 60
    store.seen(lecturer.code, "a")  # a's phone is still polling
    clock.t += 2 * 60  # b and c went quiet 6 minutes ago: their seats are free
    tally = store.tally(lecturer.code, lecturer.secret)
    assert (tally.active, tally.joined) == (1, 3)
    store.join(lecturer.code, "d")
    store.join(lecturer.code, "e")
    assert reason(lambda: store.join(lecturer.code, "f")) == "class_full"
    store.join(lecturer.code, "b")  # someone already in always comes back
    assert store.tally(lecturer.code, lecturer.secret).active == 4


def test_hundreds_of_scripted_joins_from_one_address_leave_the_class_open(make_store):
    """500 joins in a burst from one address (a script): the address's limit stops it at 300;
    a real student from another address still joins and answers; the class is not full."""
    limits = Limits()
    store = make_store(limits)
    store.limiter = RateLimiter(clock=Clock())  # the burst takes no time at all
    lecturer = store.create_class()
    outcomes = []
    for i in range(500):
        try:
            store.join(lecturer.code, f"bot-{i}", address=SCRIPT)
            outcomes.append("joined")
        except Exception as exc:  # noqa: BLE001 (counted below)
            outcomes.append(getattr(exc, "reason", repr(exc)))
    assert outcomes.count("joined") == limits.joins_per_address
    assert set(outcomes) == {"joined", "rate_limited"}
    store.join(lecturer.code, "real-student", address=STUDENT)
    qid = store.ask(lecturer.code, lecturer.secret, question())
    store.answer(lecturer.code, "real-student", qid, 1, address=STUDENT)
    store.join(lecturer.code, "bot-0", address=SCRIPT)  # a bot already in is only seen again
    tally = store.tally(lecturer.code, lecturer.secret)
    assert tally.joined == limits.joins_per_address + 1 and tally.answered == 1


def test_a_hall_behind_one_address_gets_in_at_the_default_limits():
    """The defaults let 300 phones behind one NAT address join at once and 300 more a minute
    later, and 500 of them answer a question every 20 seconds."""
    clock = Clock(0.0)
    limiter = RateLimiter(clock=clock)
    limits = Limits()
    assert all(limiter.allow("join", SCRIPT, limits.joins_per_address, 60) for _ in range(300))
    assert not limiter.allow("join", SCRIPT, limits.joins_per_address, 60)
    clock.t += 60
    assert all(limiter.allow("join", SCRIPT, limits.joins_per_address, 60) for _ in range(300))
    for _ in range(10):  # ten questions, 20 s apart
        assert all(limiter.allow("answer", SCRIPT, limits.answers_per_address, 60) for _ in range(500))
        clock.t += 20
    assert limiter.allow("join", None, 1, 60) and limiter.allow("join", None, 1, 60)  # no address: no limit


def test_dozens_of_class_starts_in_seconds_lock_nobody_else_out(make_store):
    limits = Limits(classes=50)
    store = make_store(limits)
    store.limiter = RateLimiter(clock=Clock())
    started = 0
    for i in range(49):
        try:
            store.create_class(owner=f"script-browser-{i}", address=SCRIPT)
            started += 1
        except Exception as exc:  # noqa: BLE001
            assert exc.reason == "rate_limited"
    assert started == limits.starts_per_address
    lecturer = store.create_class(owner="real-lecturer", address=LECTURER)  # another address: in
    store.join(lecturer.code, "real-student", address=STUDENT)


def test_one_browser_runs_one_class(make_store):
    """Pressing Start again from the same browser ends the class it ran: no pile of classes."""
    store = make_store(Limits(classes=2))
    for _ in range(5):
        lecturer = store.create_class(owner="lecturer-browser")
    with store.engine.connect() as db:
        running = db.scalar(sa.select(sa.func.count()).select_from(classes).where(~classes.c.ended))
    assert running == 1
    store.tally(lecturer.code, lecturer.secret)


def test_a_passcode_guards_starting_a_class(make_store):
    store = make_store()
    store.passcode = "open sesame"
    assert reason(lambda: store.create_class()) == "bad_passcode"
    assert reason(lambda: store.create_class(passcode="open sesam")) == "bad_passcode"
    store.create_class(passcode="open sesame")


def test_the_lecturer_closes_joining(make_store):
    store = make_store()
    lecturer = store.create_class()
    store.join(lecturer.code, "in-time")
    store.set_joining(lecturer.code, lecturer.secret, False)
    assert reason(lambda: store.join(lecturer.code, "late")) == "joining_closed"
    assert not store.tally(lecturer.code, lecturer.secret).joining_open
    store.join(lecturer.code, "in-time")  # reloads: still in
    qid = store.ask(lecturer.code, lecturer.secret, question())
    store.answer(lecturer.code, "in-time", qid, 0)
    assert reason(lambda: store.set_joining(lecturer.code, "NOT-THE-KEY", True)) == "not_lecturer"
    store.set_joining(lecturer.code, lecturer.secret, True)
    store.join(lecturer.code, "late")


# --------------------------------------------------------------------------- one lecturer in control


def test_taking_back_rotates_the_key_and_the_browser_reattaches_after_a_restart(make_store):
    store = make_store()
    first = store.create_class(owner="laptop")
    assert store.reattach("someone-else") is None
    restarted = ClassStore(store.url, Limits())  # the server restarted: a new process, same database
    try:
        again = restarted.reattach("laptop")
        assert again.code == first.code and again.secret != first.secret
        assert reason(lambda: restarted.tally(first.code, first.secret)) == "not_lecturer"  # taken over
        other_device = restarted.take_back(again.code, again.secret, owner="tablet")
        assert reason(lambda: restarted.reveal(again.code, again.secret)) == "not_lecturer"
        assert restarted.reattach("laptop") is None  # the class follows the device that took it
        assert restarted.reattach("tablet").code == first.code
        with restarted.engine.connect() as db:
            stored = repr([tuple(r) for r in db.execute(sa.select(classes))])
        assert "tablet" not in stored and other_device.secret not in stored
        store.end_class(*_holder(restarted, "tablet"))
        assert restarted.reattach("tablet") is None  # an ended class is not re-attached
    finally:
        restarted.dispose()


def _holder(store: ClassStore, owner: str):
    lecturer = store.reattach(owner)
    return lecturer.code, lecturer.secret


# --------------------------------------------------------------------------- results


def test_results_as_csv_name_nobody_and_outlive_the_class(make_store):
    store = make_store()
    lecturer = store.create_class()
    for s in ("s1", "s2", "s3", "s4"):
        store.join(lecturer.code, s)
    q1 = store.ask(lecturer.code, lecturer.secret, question(answer=2, why="first"))
    for s, choice in (("s1", 2), ("s2", 2), ("s3", 0)):
        store.answer(lecturer.code, s, q1, choice)
    store.reveal(lecturer.code, lecturer.secret)
    q2 = store.ask(lecturer.code, lecturer.secret, question(answer=1, n=3, why="second"))
    store.answer(lecturer.code, "s4", q2, 0)
    store.end_class(lecturer.code, lecturer.secret)
    results = store.results(lecturer.code, lecturer.secret)  # after the end, by the lecturer's key
    assert reason(lambda: store.results(lecturer.code, "AAAA-BBBB-CCCC")) == "not_lecturer"
    text = results_csv(results, "en")
    table = list(csv.DictReader(io.StringIO(text)))
    assert tuple(table[0]) == RESULT_COLUMNS and len(table) == 2
    first, second = table
    assert first["counts"] == "A: 1 | B: 0 | C: 2 | D: 0" and first["percent_right"] == str(round(100 * 2 / 3))
    assert first["model_answer"] == "C: option 2" and first["options"].startswith("A: option 0 | B: option 1")
    assert first["revealed_at_utc"] and first["asked_at_utc"] <= first["revealed_at_utc"]
    assert second["counts"] == "A: 1 | B: 0 | C: 0" and second["percent_right"] == "0"
    assert second["revealed_at_utc"] == ""
    with store.engine.connect() as db:
        hashes = [h for (h,) in db.execute(sa.select(students.c.student_hash))]
    for secret in ("s1", "s2", "s3", "s4", *hashes, lecturer.secret):
        assert secret not in text


# --------------------------------------------------------------------------- an older store


def test_a_store_made_before_these_columns_is_upgraded(make_store):
    """The tables as the previous version made them (no owner, joining or seen columns): the
    store adds the columns on start, and everything that reads them works."""
    old = make_store()
    with old.engine.begin() as db:
        for table, column in (("classes", "owner_hash"), ("classes", "joining_closed"), ("students", "seen_at")):
            db.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN {column}")
    with old.engine.connect() as db:
        assert "seen_at" not in {c["name"] for c in sa.inspect(db).get_columns("students")}
    old.dispose()
    store = ClassStore(old.url, Limits())
    try:
        lecturer = store.create_class(owner="laptop")
        store.join(lecturer.code, "s")
        store.set_joining(lecturer.code, lecturer.secret, False)
        assert store.tally(lecturer.code, lecturer.secret).active == 1
        assert store.reattach("laptop").code == lecturer.code
    finally:
        store.dispose()
