"""Classes, questions and answers: the store behind "Ask the class".

    store = ClassStore()                          # SQLite in the app's cache dir (WAL)
    store = ClassStore("postgresql://u:p@host/db")  # several app processes, one database
    lecturer = store.create_class()               # .code "K7QM4X", .secret (shown once)
    store.join(lecturer.code, student_id)         # a phone opens …/Class?class=K7QM4X
    store.ask(lecturer.code, lecturer.secret, question)   # a core.quiz.Question
    store.answer(lecturer.code, student_id, question_id, choice)
    store.student_view(lecturer.code)             # what a phone may see: no answer before the reveal
    store.tally(lecturer.code, lecturer.secret)   # answered / joined, and the counts per option
    store.reveal(lecturer.code, lecturer.secret)

SQLAlchemy Core, four tables. The database enforces the rules that must hold under any number
of app processes: one answer per student per question (UNIQUE (question, student)), one
student row per browser session (UNIQUE (class, student)), at most one open question per
class (a partial unique index), unique class codes. The lecturer's secret and the students'
ids are stored as SHA-256 digests. Caps on open classes, students per class and answers per
minute keep one server's store small; a class expires after `Limits.hours`.

No streamlit here: core.ui.classmode draws it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

DB_ENV_VAR = "TRANSFORMER_ANATOMY_DB"
# Class codes and lecturer keys: no look-alikes (no 0/O, 1/I/L), easy to read off a projector.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6  # five random characters and one check character
KEY_GROUPS = 3  # the lecturer's key: three groups of four characters (about 59 bits)
VIEW_TTL_S = 0.5  # a phone's view of a class is read from the database at most this often per process


# --------------------------------------------------------------------------- errors


class ClassroomError(Exception):
    """Something a user did that the store refuses; `reason` names the message
    (core/strings/classroom.py: "classroom.error.<reason>")."""

    def __init__(self, reason: str, **values):
        super().__init__(reason)
        self.reason, self.values = reason, values


# --------------------------------------------------------------------------- codes and secrets


def _check_character(body: str) -> str:
    total = sum((i + 1) * ALPHABET.index(c) for i, c in enumerate(body))
    return ALPHABET[total % len(ALPHABET)]


def new_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH - 1))
    return body + _check_character(body)


def normalize_code(raw) -> str:
    """A class code as typed or linked: case, spaces and dashes don't matter. Raises
    ClassroomError("malformed") for anything that is not a code (a tampered link, a typo)."""
    text = "".join(str(raw or "").split()).replace("-", "").upper()
    if (len(text) != CODE_LENGTH or any(c not in ALPHABET for c in text)
            or _check_character(text[:-1]) != text[-1]):
        raise ClassroomError("malformed")
    return text


def new_key() -> str:
    groups = ("".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(KEY_GROUPS))
    return "-".join(groups)


def digest(secret: str) -> str:
    """What is stored of a secret: its SHA-256 (the secrets are long and random, so a
    fast hash is enough — nothing to guess from)."""
    return hashlib.sha256(str(secret).encode()).hexdigest()


def _normalize_key(raw) -> str:
    text = "".join(str(raw or "").split()).replace("-", "").upper()
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


# --------------------------------------------------------------------------- limits


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


@dataclass(frozen=True)
class Limits:
    """Caps for one store (one deployment). From the environment:
    TRANSFORMER_ANATOMY_MAX_CLASSES, _MAX_STUDENTS, _MAX_ANSWERS_PER_MINUTE, _CLASS_HOURS."""

    classes: int = 50  # classes running at once
    students: int = 500  # per class
    answers_per_minute: int = 3000  # per class
    hours: float = 4.0  # a class expires this long after it started

    @classmethod
    def from_env(cls) -> Limits:
        return cls(classes=int(_env_number("TRANSFORMER_ANATOMY_MAX_CLASSES", cls.classes)),
                   students=int(_env_number("TRANSFORMER_ANATOMY_MAX_STUDENTS", cls.students)),
                   answers_per_minute=int(_env_number("TRANSFORMER_ANATOMY_MAX_ANSWERS_PER_MINUTE",
                                                      cls.answers_per_minute)),
                   hours=_env_number("TRANSFORMER_ANATOMY_CLASS_HOURS", cls.hours))


# --------------------------------------------------------------------------- tables

metadata = sa.MetaData()

classes = sa.Table(
    "classes", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(CODE_LENGTH), nullable=False, unique=True),
    sa.Column("secret_hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Double, nullable=False),
    sa.Column("expires_at", sa.Double, nullable=False),
    sa.Column("ended", sa.Boolean, nullable=False, default=False),
)

students = sa.Table(
    "students", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("class_id", sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
    sa.Column("student_hash", sa.String(64), nullable=False),
    sa.Column("joined_at", sa.Double, nullable=False),
    sa.UniqueConstraint("class_id", "student_hash", name="one_row_per_student"),
)

questions = sa.Table(
    "questions", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("class_id", sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("public", sa.Text, nullable=False),  # kind, prompt, options: what a phone may read
    sa.Column("answer", sa.Integer, nullable=False),  # read by student_view only once revealed
    sa.Column("explanation", sa.Text, nullable=False),
    sa.Column("asked_at", sa.Double, nullable=False),
    sa.Column("revealed_at", sa.Double, nullable=True),
    sa.Column("open", sa.Boolean, nullable=False, default=True),
    sa.Index("one_open_question_per_class", "class_id", unique=True,
             sqlite_where=sa.text("open"), postgresql_where=sa.text("open")),
)

answers = sa.Table(
    "answers", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("question_id", sa.ForeignKey("questions.id", ondelete="CASCADE"), nullable=False),
    sa.Column("class_id", sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
    sa.Column("student_hash", sa.String(64), nullable=False),
    sa.Column("choice", sa.Integer, nullable=False),
    sa.Column("answered_at", sa.Double, nullable=False),
    sa.UniqueConstraint("question_id", "student_hash", name="one_answer_per_student"),
    sa.Index("answers_by_class_and_time", "class_id", "answered_at"),
)


# --------------------------------------------------------------------------- what callers get


@dataclass(frozen=True)
class Lecturer:
    code: str
    secret: str  # the key that takes the class back: held by the lecturer's session, stored hashed


@dataclass(frozen=True)
class Result:
    """A revealed question: the model's answer, the explanation and the tally."""

    answer: int
    explanation: dict
    counts: list[int]  # answers per option
    answered: int


@dataclass(frozen=True)
class StudentView:
    """Everything a student's phone may be sent: the open question's public part, and —
    only after the reveal — its result. Never the answer or the counts before."""

    question_id: int | None = None
    public: dict | None = None  # {"kind", "prompt", "options"} (core.quiz.Question.public())
    result: Result | None = None


@dataclass(frozen=True)
class Tally:
    """The lecturer's live view of the current question."""

    question_id: int | None
    fingerprint: str | None
    answered: int
    joined: int
    counts: list[int] = field(default_factory=list)
    revealed: bool = False


# --------------------------------------------------------------------------- the store


def default_url() -> str:
    """TRANSFORMER_ANATOMY_DB, else SQLite in the app's cache directory."""
    url = os.environ.get(DB_ENV_VAR, "").strip()
    if url:
        return url
    from core.models.offline import cache_dir

    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(folder) / 'classroom.db'}"


def engine_url(url: str) -> str:
    """postgres:// and postgresql:// (as hosting services write them) → the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str) -> sa.Engine:
    url = engine_url(url)
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                                  pool_size=10, max_overflow=40, pool_timeout=60)

        @sa.event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_connection, _record):
            dbapi_connection.isolation_level = None  # the transactions below are ours
            cursor = dbapi_connection.cursor()
            if url not in ("sqlite://", "sqlite:///:memory:"):
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @sa.event.listens_for(engine, "begin")
        def _sqlite_begin(connection):
            # A write takes the lock when its transaction starts (a read that turned into a
            # write part-way could only fail); busy_timeout then queues the writers.
            immediate = connection.get_execution_options().get("write", False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return sa.create_engine(url, pool_size=10, max_overflow=30, pool_timeout=60, pool_pre_ping=True)


class ClassStore:
    def __init__(self, url: str | None = None, limits: Limits | None = None, clock=time.time):
        self.url = url or default_url()
        self.limits = limits or Limits.from_env()
        self.clock = clock
        self.engine = make_engine(self.url)
        self.writer = self.engine.execution_options(write=True)
        # SQLite takes one writer at a time; its busy handler makes the others sleep and retry
        # (up to 100 ms a try), so this process queues its own writers instead. Other processes
        # on the same file still wait through busy_timeout; PostgreSQL needs neither.
        self._one_writer = threading.Lock() if self.dialect == "sqlite" else nullcontext()
        metadata.create_all(self.engine)
        self._views: dict[str, tuple[float, StudentView, int]] = {}
        self._views_lock = threading.Lock()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self):
        """A write transaction (BEGIN IMMEDIATE on SQLite)."""
        with self._one_writer, self.writer.begin() as db:
            yield db

    # ------------------------------------------------------------ classes

    def create_class(self) -> Lecturer:
        """A new class with a fresh code and secret. Raises ClassroomError("too_many_classes")."""
        now = self.clock()
        with self._write() as db:
            self._purge(db, now)
            running = db.scalar(sa.select(sa.func.count()).select_from(classes).where(
                classes.c.expires_at > now, ~classes.c.ended))
            if running >= self.limits.classes:
                raise ClassroomError("too_many_classes", n=self.limits.classes)
        for _ in range(20):  # a code already in use (1 in millions): draw again
            lecturer = Lecturer(new_code(), new_key())
            try:
                with self._write() as db:
                    db.execute(classes.insert().values(
                        code=lecturer.code, secret_hash=digest(lecturer.secret), created_at=now,
                        expires_at=now + self.limits.hours * 3600, ended=False))
                return lecturer
            except sa.exc.IntegrityError:
                continue
        raise ClassroomError("too_many_classes", n=self.limits.classes)

    def _purge(self, db, now: float) -> None:
        """Forget classes a day past their end (their questions and answers go with them)."""
        old = sa.select(classes.c.id).where(classes.c.expires_at < now - 24 * 3600)
        for table in (answers, questions, students):
            db.execute(table.delete().where(table.c.class_id.in_(old)))
        db.execute(classes.delete().where(classes.c.id.in_(old)))

    def _class(self, db, raw_code) -> sa.Row:
        """The running class with this code. Raises ClassroomError: malformed, unknown, expired."""
        code = normalize_code(raw_code)
        row = db.execute(sa.select(classes).where(classes.c.code == code)).first()
        if row is None:
            raise ClassroomError("unknown", code=code)
        if row.ended or row.expires_at <= self.clock():
            raise ClassroomError("expired", code=code)
        return row

    def _lecturers_class(self, db, raw_code, secret) -> sa.Row:
        row = self._class(db, raw_code)
        if not hmac.compare_digest(row.secret_hash, digest(_normalize_key(secret))):
            raise ClassroomError("not_lecturer")
        return row

    def take_back(self, raw_code, secret) -> Lecturer:
        """The lecturer's class, for a lecturer who reloaded or changed laptops."""
        with self.engine.connect() as db:
            row = self._lecturers_class(db, raw_code, secret)
        return Lecturer(row.code, _normalize_key(secret))

    def check(self, raw_code) -> str:
        """The normalized code of a running class (raises ClassroomError otherwise)."""
        with self.engine.connect() as db:
            return self._class(db, raw_code).code

    def end_class(self, raw_code, secret) -> None:
        with self._write() as db:
            row = self._lecturers_class(db, raw_code, secret)
            db.execute(questions.update().where(questions.c.class_id == row.id).values(open=False))
            db.execute(classes.update().where(classes.c.id == row.id).values(ended=True))
        self._forget_view(row.code)

    def expires_at(self, raw_code) -> float:
        with self.engine.connect() as db:
            return self._class(db, raw_code).expires_at

    # ------------------------------------------------------------ students

    def join(self, raw_code, student_id: str) -> None:
        """A student's browser session joins (again: nothing happens). Raises ClassroomError:
        malformed, unknown, expired, class_full."""
        now, who = self.clock(), digest(student_id)
        with self._write() as db:
            row = self._class(db, raw_code)
            known = db.scalar(sa.select(students.c.id).where(
                students.c.class_id == row.id, students.c.student_hash == who))
            if known is not None:
                return
            joined = db.scalar(sa.select(sa.func.count()).select_from(students).where(
                students.c.class_id == row.id))
            if joined >= self.limits.students:
                raise ClassroomError("class_full", n=self.limits.students)
            try:
                with db.begin_nested():
                    db.execute(students.insert().values(class_id=row.id, student_hash=who, joined_at=now))
            except sa.exc.IntegrityError:  # the same session, twice at once
                pass

    # ------------------------------------------------------------ questions

    def ask(self, raw_code, secret, question) -> int:
        """Open `question` (a core.quiz.Question) to the class; the open one before it closes.
        Returns the question's id."""
        now = self.clock()
        with self._write() as db:
            row = self._lecturers_class(db, raw_code, secret)
            db.execute(questions.update().where(questions.c.class_id == row.id, questions.c.open)
                       .values(open=False))
            question_id = db.execute(questions.insert().values(
                class_id=row.id, fingerprint=question.fingerprint,
                public=json.dumps(question.public(), ensure_ascii=False),
                answer=int(question.answer),
                explanation=json.dumps(question.explanation.as_dict(), ensure_ascii=False),
                asked_at=now, revealed_at=None, open=True)).inserted_primary_key[0]
        self._forget_view(row.code)
        return int(question_id)

    def reveal(self, raw_code, secret) -> None:
        """Show the open question's answer and tally to everyone."""
        with self._write() as db:
            row = self._lecturers_class(db, raw_code, secret)
            db.execute(questions.update().where(questions.c.class_id == row.id, questions.c.open,
                                                questions.c.revealed_at.is_(None))
                       .values(revealed_at=self.clock()))
        self._forget_view(row.code)

    def _open_question(self, db, class_id: int) -> sa.Row | None:
        return db.execute(sa.select(questions).where(questions.c.class_id == class_id,
                                                     questions.c.open)).first()

    def _counts(self, db, question_id: int, n_options: int) -> list[int]:
        counts = [0] * n_options
        for choice, n in db.execute(sa.select(answers.c.choice, sa.func.count()).where(
                answers.c.question_id == question_id).group_by(answers.c.choice)):
            if 0 <= choice < n_options:
                counts[choice] = n
        return counts

    def tally(self, raw_code, secret) -> Tally:
        """Answered / joined for the open question (the lecturer's live count), with the
        counts per option."""
        with self.engine.connect() as db:
            row = self._lecturers_class(db, raw_code, secret)
            joined = db.scalar(sa.select(sa.func.count()).select_from(students).where(
                students.c.class_id == row.id)) or 0  # COUNT(*): never NULL
            q = self._open_question(db, row.id)
            if q is None:
                return Tally(None, None, 0, joined)
            counts = self._counts(db, q.id, len(json.loads(q.public)["options"]))
        return Tally(q.id, q.fingerprint, sum(counts), joined, counts, q.revealed_at is not None)

    def student_view(self, raw_code) -> StudentView:
        """What a phone may show now: the open question without its answer, or — once revealed —
        with the answer, the explanation and the tally. Raises ClassroomError for a bad code.
        Read from the database at most every VIEW_TTL_S per class and process: a lecture hall
        of phones polling costs one query."""
        code = normalize_code(raw_code)
        now = time.monotonic()
        with self._views_lock:
            cached = self._views.get(code)
        if cached and now - cached[0] < VIEW_TTL_S and cached[2] > self.clock():
            return cached[1]
        with self.engine.connect() as db:
            row = self._class(db, code)
            q = self._open_question(db, row.id)
            if q is None:
                view = StudentView()
            else:
                public = json.loads(q.public)
                result = None
                if q.revealed_at is not None:
                    counts = self._counts(db, q.id, len(public["options"]))
                    result = Result(q.answer, json.loads(q.explanation), counts, sum(counts))
                view = StudentView(q.id, public, result)
        with self._views_lock:
            self._views[code] = (now, view, row.expires_at)
        return view

    def _forget_view(self, code: str) -> None:
        with self._views_lock:
            self._views.pop(code, None)

    # ------------------------------------------------------------ answers

    def answer(self, raw_code, student_id: str, question_id: int, choice: int) -> None:
        """Store one student's answer. Raises ClassroomError: malformed / unknown / expired
        code, not_joined, closed (not the open question, or already revealed), bad_choice,
        already_answered (the UNIQUE constraint said so), too_many_answers (the per-minute cap)."""
        now, who = self.clock(), digest(student_id)
        with self._write() as db:
            row = self._class(db, raw_code)
            q = self._open_question(db, row.id)
            if q is None or q.id != question_id or q.revealed_at is not None:
                raise ClassroomError("closed")
            if not isinstance(choice, int) or not 0 <= choice < len(json.loads(q.public)["options"]):
                raise ClassroomError("bad_choice")
            if db.scalar(sa.select(students.c.id).where(students.c.class_id == row.id,
                                                         students.c.student_hash == who)) is None:
                raise ClassroomError("not_joined")
            recent = db.scalar(sa.select(sa.func.count()).select_from(answers).where(
                answers.c.class_id == row.id, answers.c.answered_at > now - 60))
            if recent >= self.limits.answers_per_minute:
                raise ClassroomError("too_many_answers", n=self.limits.answers_per_minute)
            try:
                with db.begin_nested():
                    db.execute(answers.insert().values(question_id=q.id, class_id=row.id, student_hash=who,
                                                       choice=choice, answered_at=now))
            except sa.exc.IntegrityError:
                raise ClassroomError("already_answered") from None
