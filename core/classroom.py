"""Classes, questions and answers: the store behind "Ask the class".

    store = ClassStore()                          # SQLite in the app's cache dir (WAL)
    store = ClassStore("postgresql://u:p@host/db")  # several app processes, one database
    lecturer = store.create_class(owner=browser_id, address=ip)  # .code "K7QM4X", .secret
    store.join(lecturer.code, student_id, address=ip)  # a phone opens …/Class?class=K7QM4X
    store.ask(lecturer.code, lecturer.secret, question)   # a core.quiz.Question: its id
    store.answer(lecturer.code, student_id, question_id, choice, address=ip)
    store.student_view(lecturer.code)             # what a phone may see: no answer before the reveal
    store.answer_of(lecturer.code, student_id, question_id)  # this phone's own answer, or None
    store.tally(lecturer.code, lecturer.secret)   # the current question, answered / active / joined
    store.reveal(lecturer.code, lecturer.secret)
    store.share(lecturer.code, lecturer.secret, question_id, fit_shown(charts, notice))  # on the phones too
    store.set_step(lecturer.code, lecturer.secret, step)  # the lecturer's lesson step, on every phone
    store.results(lecturer.code, lecturer.secret) # every question asked, for the CSV (ended too)

The class API another page drives (the Lessons page asks step by step): `ask` opens a question
(the one before closes), `reveal` shows the open one's answer and tally, `tally(...).question_id`
/ `.fingerprint` / `.public` / `.revealed` say which question is current and where it stands;
`set_step` puts the lesson step (its title in every language) on the phones, and `share` the
revealed step's charts (data-free Vega-Lite specs + their rows) and notice — a phone's
`student_view` carries them only once the question is revealed, within MAX_SHOWN_BYTES.

A student is one browser: `student_id` is the random id its cookie keeps (core/ui/classbase.py),
so a reload, a second tab or a server restart is the same student with the same single answer.
A lecturer is one browser too: the class remembers its owner's browser id (hashed), and
`reattach(owner)` gives that browser its running class back after a reload or a restart.
Exactly one session controls a class: `take_back` and `reattach` rotate the key, so the
session that held the old one is refused from then on (`not_lecturer`: it was taken over).

SQLAlchemy Core, four tables. The database enforces the rules that must hold under any number
of app processes: one answer per student per question (UNIQUE (question, student)), one
student row per browser (UNIQUE (class, student)), at most one open question per class (a
partial unique index), unique class codes. The lecturer's key, the owner's and the students'
browser ids are stored as SHA-256 digests. Caps: open classes, ACTIVE students per class (seen
in the last `Limits.active_minutes`), answers per minute per class; joins, answers and class
starts per client address (an in-process token bucket, `RateLimiter`); an optional passcode
for starting a class; the lecturer may close joining. A class expires after `Limits.hours`.

No streamlit here: core/ui/lecturer.py, join.py, student.py and predict.py draw it.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import os
import secrets
import threading
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa

from core.quiz import Text

DB_ENV_VAR = "TRANSFORMER_ANATOMY_DB"
# Class codes and lecturer keys: no look-alikes (no 0/O, 1/I/L), easy to read off a projector.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6  # five random characters and one check character
KEY_GROUPS = 3  # the lecturer's key: three groups of four characters (about 59 bits)
MAX_SHOWN_BYTES = 200_000  # a revealed step's charts and notice, as stored (JSON): what every phone is sent
MAX_STEP_BYTES = 4_000  # a lesson step's title (in every language), as stored
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
    if len(text) != CODE_LENGTH or any(c not in ALPHABET for c in text) or _check_character(text[:-1]) != text[-1]:
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
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


# --------------------------------------------------------------------------- limits


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


@dataclass(frozen=True)
class Limits:
    """Caps for one store (one deployment). From the environment: TRANSFORMER_ANATOMY_ + the
    upper-cased field name (MAX_CLASSES, MAX_STUDENTS, MAX_ANSWERS_PER_MINUTE, CLASS_HOURS,
    ACTIVE_MINUTES, JOINS_PER_ADDRESS, ANSWERS_PER_ADDRESS, STARTS_PER_ADDRESS).

    The per-address limits are per minute (starts: per hour), with a burst of the same size.
    A whole lecture hall often reaches the server from ONE address (the campus network's NAT),
    so the join and answer limits are sized for a hall: 300 phones may join in the first
    minute and 300 more each minute after; 500 phones may answer a question every 20 s. Class
    starts: 10 an hour lets a building of lecturers behind one address start their classes,
    while a script holds at most 10 of the server's `classes` (a public server sets the
    lecturer passcode). A script on one address can
    still fill a class's seats within minutes at that rate, which is why the lecturer can close
    joining once everyone is in, and why seats count only ACTIVE students (seen in the last
    `active_minutes`): a script must keep every fake phone polling to hold its seat."""

    classes: int = 50  # classes running at once
    students: int = 500  # active students per class
    answers_per_minute: int = 3000  # per class
    hours: float = 4.0  # a class expires this long after it started
    active_minutes: float = 5.0  # a student not seen for this long frees a seat
    joins_per_address: int = 300  # per minute, per client address
    answers_per_address: int = 1500  # per minute, per client address
    starts_per_address: int = 10  # classes started per hour, per client address

    @classmethod
    def from_env(cls) -> Limits:
        def read(field_name: str, env: str, kind=int):
            return kind(_env_number(f"TRANSFORMER_ANATOMY_{env}", getattr(cls, field_name)))

        return cls(
            classes=read("classes", "MAX_CLASSES"),
            students=read("students", "MAX_STUDENTS"),
            answers_per_minute=read("answers_per_minute", "MAX_ANSWERS_PER_MINUTE"),
            hours=read("hours", "CLASS_HOURS", float),
            active_minutes=read("active_minutes", "ACTIVE_MINUTES", float),
            joins_per_address=read("joins_per_address", "JOINS_PER_ADDRESS"),
            answers_per_address=read("answers_per_address", "ANSWERS_PER_ADDRESS"),
            starts_per_address=read("starts_per_address", "STARTS_PER_ADDRESS"),
        )


class RateLimiter:
    """Token buckets per (kind, client address), in this process: `allow` spends one token.
    A bucket holds `capacity` tokens and refills at capacity per `period_s`. An unknown address
    (None: no request behind the call, as in a test of the store alone) is not limited.
    At most `max_addresses` buckets are kept; the fullest are forgotten first (a full bucket
    is what a new one would be anyway)."""

    def __init__(self, clock=time.monotonic, max_addresses: int = 20_000):
        self.clock, self.max_addresses = clock, max_addresses
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}  # → (tokens, at)
        self._lock = threading.Lock()

    def allow(self, kind: str, address: str | None, capacity: int, period_s: float) -> bool:
        if not address:
            return True
        now, key = self.clock(), (kind, address)
        with self._lock:
            tokens, at = self._buckets.get(key, (float(capacity), now))
            tokens = min(float(capacity), tokens + (now - at) * capacity / period_s)
            allowed = tokens >= 1.0
            self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
            if len(self._buckets) > self.max_addresses:
                self._forget_full(now, capacity, period_s)
            return allowed

    def _forget_full(self, now: float, capacity: int, period_s: float) -> None:
        for key, (tokens, at) in list(self._buckets.items()):
            if tokens + (now - at) * capacity / period_s >= capacity:
                del self._buckets[key]
        while len(self._buckets) > self.max_addresses:  # still too many: the oldest go
            del self._buckets[min(self._buckets, key=lambda k: self._buckets[k][1])]


# --------------------------------------------------------------------------- tables

metadata = sa.MetaData()

classes = sa.Table(
    "classes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(CODE_LENGTH), nullable=False, unique=True),
    sa.Column("secret_hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Double, nullable=False),
    sa.Column("expires_at", sa.Double, nullable=False),
    sa.Column("ended", sa.Boolean, nullable=False, default=False),
    sa.Column("owner_hash", sa.String(64), nullable=True),  # the lecturer's browser id, hashed
    sa.Column("joining_closed", sa.Boolean, nullable=True),  # NULL/False: new students may join
    sa.Column("step", sa.Text, nullable=True),  # the lecturer's lesson step (JSON: lesson, number, titles)
)

students = sa.Table(
    "students",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("class_id", sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
    sa.Column("student_hash", sa.String(64), nullable=False),
    sa.Column("joined_at", sa.Double, nullable=False),
    sa.Column("seen_at", sa.Double, nullable=True),  # last seen polling (NULL: joined_at)
    sa.UniqueConstraint("class_id", "student_hash", name="one_row_per_student"),
)

questions = sa.Table(
    "questions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("class_id", sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("public", sa.Text, nullable=False),  # kind, prompt, options: what a phone may read
    sa.Column("answer", sa.Integer, nullable=False),  # read by student_view only once revealed
    sa.Column("explanation", sa.Text, nullable=False),
    sa.Column("asked_at", sa.Double, nullable=False),
    sa.Column("revealed_at", sa.Double, nullable=True),
    sa.Column("open", sa.Boolean, nullable=False, default=True),
    sa.Column("shown", sa.Text, nullable=True),  # the step's charts and notice (JSON), read only once revealed
    sa.Index(
        "one_open_question_per_class",
        "class_id",
        unique=True,
        sqlite_where=sa.text("open"),
        postgresql_where=sa.text("open"),
    ),
)

answers = sa.Table(
    "answers",
    metadata,
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
    step: dict | None = None  # the lecturer's lesson step: {"lesson", "number", "title": {lang: text}}
    shown: dict | None = None  # only once revealed: {"charts", "notice", "left_out"} (see fit_shown)


@dataclass(frozen=True)
class Tally:
    """The lecturer's live view of the current question."""

    question_id: int | None
    fingerprint: str | None
    answered: int
    joined: int
    counts: list[int] = field(default_factory=list)
    revealed: bool = False
    active: int = 0  # students seen in the last Limits.active_minutes
    joining_open: bool = True
    public: dict | None = None  # the current question's public part (prompt, options)


@dataclass(frozen=True)
class QuestionResult:
    """One question the class was asked, for the lecturer's results: never a student's id."""

    public: dict  # {"kind", "prompt", "options"}
    answer: int  # the model's answer
    counts: list[int]  # answers per option
    asked_at: float
    revealed_at: float | None

    @property
    def answered(self) -> int:
        return sum(self.counts)

    @property
    def share_right(self) -> float | None:
        return self.counts[self.answer] / self.answered if self.answered else None


RESULT_COLUMNS = (
    "question",
    "options",
    "counts",
    "model_answer",
    "percent_right",
    "answered",
    "asked_at_utc",
    "revealed_at_utc",
)


def results_rows(results: list[QuestionResult], lang: str) -> list[dict]:
    """The results as rows (RESULT_COLUMNS), the text in `lang`, the times in UTC (ISO 8601):
    the CSV the lecturer downloads and the summary on screen. Nothing identifies a student."""

    def when(t: float | None) -> str:
        return "" if t is None else datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%d %H:%M:%S")

    rows = []
    for r in results:
        options = [Text.from_dict(o).render(lang) for o in r.public["options"]]
        share = r.share_right
        rows.append(
            {
                "question": Text.from_dict(r.public["prompt"]).render(lang),
                "options": " | ".join(f"{'ABCDE'[i]}: {o}" for i, o in enumerate(options)),
                "counts": " | ".join(f"{'ABCDE'[i]}: {n}" for i, n in enumerate(r.counts)),
                "model_answer": f"{'ABCDE'[r.answer]}: {options[r.answer]}",
                "percent_right": "" if share is None else f"{100 * share:.0f}",
                "answered": r.answered,
                "asked_at_utc": when(r.asked_at),
                "revealed_at_utc": when(r.revealed_at),
            }
        )
    return rows


def results_csv(results: list[QuestionResult], lang: str) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=RESULT_COLUMNS)
    writer.writeheader()
    writer.writerows(results_rows(results, lang))
    return out.getvalue()


def fit_shown(charts: list[dict], notice: dict | None, limit: int = MAX_SHOWN_BYTES) -> str:
    """A revealed step as stored for the phones (JSON of at most `limit` bytes): `charts`, each
    {"specs": {lang: data-free Vega-Lite spec}, "data": [rows]}, in the order drawn; `notice`
    {lang: text}; `left_out`, how many charts did not fit (the last ones go first)."""
    kept = list(charts)
    while True:
        text = json.dumps(
            {"charts": kept, "notice": notice, "left_out": len(charts) - len(kept)}, ensure_ascii=False, allow_nan=False
        )
        if len(text.encode()) <= limit:
            return text
        if not kept:  # a notice alone too long (never, from the catalog): the phones get none
            return json.dumps({"charts": [], "notice": None, "left_out": len(charts)})
        kept.pop()


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
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> sa.Engine:
    url = engine_url(url)
    if url.startswith("sqlite"):
        engine = sa.create_engine(
            url,
            connect_args={"timeout": 30, "check_same_thread": False},
            pool_size=10,
            max_overflow=40,
            pool_timeout=60,
        )

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


def _add_missing_columns(engine: sa.Engine) -> None:
    """A store made by an older version of the app gets the columns added since (all nullable):
    `create_all` makes missing tables, never missing columns."""
    inspector = sa.inspect(engine)
    with engine.begin() as db:
        for table in metadata.sorted_tables:
            have = {c["name"] for c in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in have and column.nullable:
                    kind = column.type.compile(dialect=engine.dialect)
                    # two processes starting at once: PostgreSQL lets the second one pass
                    guard = " IF NOT EXISTS" if engine.dialect.name == "postgresql" else ""
                    db.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN{guard} {column.name} {kind}")


class ClassStore:
    def __init__(
        self,
        url: str | None = None,
        limits: Limits | None = None,
        clock=time.time,
        passcode: str | None = None,
        limiter: RateLimiter | None = None,
    ):
        """`passcode`: where set, starting a class needs it (TRANSFORMER_ANATOMY_LECTURER_PASSCODE)."""
        self.url = url or default_url()
        self.limits = limits or Limits.from_env()
        self.clock = clock
        self.passcode = passcode or None
        self.limiter = limiter or RateLimiter()
        self.engine = make_engine(self.url)
        self.writer = self.engine.execution_options(write=True)
        # SQLite takes one writer at a time; its busy handler makes the others sleep and retry
        # (up to 100 ms a try), so this process queues its own writers instead. Other processes
        # on the same file still wait through busy_timeout; PostgreSQL needs neither.
        self._one_writer = threading.Lock() if self.dialect == "sqlite" else nullcontext()
        metadata.create_all(self.engine)
        _add_missing_columns(self.engine)
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

    def _limit(self, kind: str, address: str | None, per_period: int, period_s: float = 60.0) -> None:
        if not self.limiter.allow(kind, address, per_period, period_s):
            raise ClassroomError("rate_limited")

    # ------------------------------------------------------------ classes

    def create_class(
        self, owner: str | None = None, address: str | None = None, passcode: str | None = None
    ) -> Lecturer:
        """A new class with a fresh code and key, controlled by the browser `owner` (its id; the
        class this browser ran before ends). Raises ClassroomError: rate_limited (too many starts
        from `address`), bad_passcode (the store has a passcode and `passcode` is not it),
        too_many_classes."""
        self._limit("start", address, self.limits.starts_per_address, 3600.0)
        if self.passcode is not None and not hmac.compare_digest(digest(passcode or ""), digest(self.passcode)):
            raise ClassroomError("bad_passcode")
        now = self.clock()
        owner_hash = digest(owner) if owner else None
        with self._write() as db:
            self._purge(db, now)
            if owner_hash is not None:  # one running class per browser
                db.execute(
                    questions.update()
                    .where(questions.c.class_id.in_(sa.select(classes.c.id).where(classes.c.owner_hash == owner_hash)))
                    .values(open=False)
                )
                db.execute(
                    classes.update().where(classes.c.owner_hash == owner_hash, ~classes.c.ended).values(ended=True)
                )
            running = db.scalar(
                sa.select(sa.func.count()).select_from(classes).where(classes.c.expires_at > now, ~classes.c.ended)
            )
            if running >= self.limits.classes:
                raise ClassroomError("too_many_classes", n=self.limits.classes)
        for _ in range(20):  # a code already in use (1 in millions): draw again
            lecturer = Lecturer(new_code(), new_key())
            try:
                with self._write() as db:
                    db.execute(
                        classes.insert().values(
                            code=lecturer.code,
                            secret_hash=digest(lecturer.secret),
                            created_at=now,
                            expires_at=now + self.limits.hours * 3600,
                            ended=False,
                            owner_hash=owner_hash,
                            joining_closed=False,
                        )
                    )
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

    def _lecturers_class(self, db, raw_code, secret, ended_ok: bool = False) -> sa.Row:
        if ended_ok:
            code = normalize_code(raw_code)
            row = db.execute(sa.select(classes).where(classes.c.code == code)).first()
            if row is None:
                raise ClassroomError("unknown", code=code)
        else:
            row = self._class(db, raw_code)
        if not hmac.compare_digest(row.secret_hash, digest(_normalize_key(secret))):
            raise ClassroomError("not_lecturer")
        return row

    def _new_controller(self, db, row: sa.Row, owner: str | None) -> Lecturer:
        """A fresh key for the class (the session holding the old one loses control) and, where
        given, the browser that controls it now."""
        key = new_key()
        values = {"secret_hash": digest(key)}
        if owner:
            values["owner_hash"] = digest(owner)
        db.execute(classes.update().where(classes.c.id == row.id).values(**values))
        return Lecturer(row.code, key)

    def take_back(self, raw_code, secret, owner: str | None = None) -> Lecturer:
        """The lecturer's class, for a lecturer who changed laptops (the code and key, or a
        take-back link): a NEW key, so the session that held the old one no longer controls it;
        `owner`, the browser taking it, re-attaches after a reload from now on."""
        with self._write() as db:
            row = self._lecturers_class(db, raw_code, secret)
            return self._new_controller(db, row, owner)

    def reattach(self, owner: str) -> Lecturer | None:
        """The running class this browser controls (the newest), with a new key — a lecturer
        who reloaded or whose server restarted gets it back without typing. None if none."""
        if not owner:
            return None
        running = (
            sa.select(classes)
            .where(classes.c.owner_hash == digest(owner), ~classes.c.ended, classes.c.expires_at > self.clock())
            .order_by(classes.c.created_at.desc())
        )
        with self.engine.connect() as db:  # most browsers run no class: a read, no write lock
            if db.execute(running).first() is None:
                return None
        with self._write() as db:
            row = db.execute(running).first()
            return None if row is None else self._new_controller(db, row, owner)

    def set_joining(self, raw_code, secret, open_: bool) -> None:
        """Close joining once everyone is in (students already in keep their place), or reopen it."""
        with self._write() as db:
            row = self._lecturers_class(db, raw_code, secret)
            db.execute(classes.update().where(classes.c.id == row.id).values(joining_closed=not open_))

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

    def _active_since(self, now: float) -> float:
        return now - self.limits.active_minutes * 60

    def join(self, raw_code, student_id: str, address: str | None = None) -> None:
        """A student's browser joins (again: it is only seen). Raises ClassroomError: malformed,
        unknown, expired, joining_closed, rate_limited (too many joins from `address`),
        class_full (Limits.students ACTIVE students already in)."""
        now, who = self.clock(), digest(student_id)
        with self._write() as db:
            row = self._class(db, raw_code)
            known = db.scalar(
                sa.select(students.c.id).where(students.c.class_id == row.id, students.c.student_hash == who)
            )
            if known is not None:
                db.execute(students.update().where(students.c.id == known).values(seen_at=now))
                return
            if row.joining_closed:
                raise ClassroomError("joining_closed")
            self._limit("join", address, self.limits.joins_per_address)
            active = db.scalar(
                sa.select(sa.func.count())
                .select_from(students)
                .where(
                    students.c.class_id == row.id,
                    sa.func.coalesce(students.c.seen_at, students.c.joined_at) > self._active_since(now),
                )
            )
            if active >= self.limits.students:
                raise ClassroomError("class_full", n=self.limits.students)
            try:
                with db.begin_nested():
                    db.execute(students.insert().values(class_id=row.id, student_hash=who, joined_at=now, seen_at=now))
            except sa.exc.IntegrityError:  # the same browser, twice at once
                pass

    def seen(self, raw_code, student_id: str) -> None:
        """The student's phone is still here (its seat stays taken): call every minute or so."""
        now = self.clock()
        with self._write() as db:
            row = self._class(db, raw_code)
            db.execute(
                students.update()
                .where(students.c.class_id == row.id, students.c.student_hash == digest(student_id))
                .values(seen_at=now)
            )

    # ------------------------------------------------------------ questions

    def ask(self, raw_code, secret, question) -> int:
        """Open `question` (a core.quiz.Question) to the class; the open one before it closes.
        Returns the question's id."""
        now = self.clock()
        with self._write() as db:
            row = self._lecturers_class(db, raw_code, secret)
            db.execute(questions.update().where(questions.c.class_id == row.id, questions.c.open).values(open=False))
            question_id = db.execute(
                questions.insert().values(
                    class_id=row.id,
                    fingerprint=question.fingerprint,
                    public=json.dumps(question.public(), ensure_ascii=False),
                    answer=int(question.answer),
                    explanation=json.dumps(question.explanation.as_dict(), ensure_ascii=False),
                    asked_at=now,
                    revealed_at=None,
                    open=True,
                )
            ).inserted_primary_key[0]
        self._forget_view(row.code)
        return int(question_id)

    def reveal(self, raw_code, secret) -> None:
        """Show the open question's answer and tally to everyone."""
        with self._write() as db:
            row = self._lecturers_class(db, raw_code, secret)
            db.execute(
                questions.update()
                .where(questions.c.class_id == row.id, questions.c.open, questions.c.revealed_at.is_(None))
                .values(revealed_at=self.clock())
            )
        self._forget_view(row.code)

    def share(self, raw_code, secret, question_id: int, shown: str) -> None:
        """Store what the phones show under a REVEALED question (fit_shown's JSON): the step's
        charts and notice. Refused (`closed`) for a question not revealed yet, or not this
        class's; the first share of a question stays (a second tab's is ignored)."""
        if len(shown.encode()) > MAX_SHOWN_BYTES:
            raise ClassroomError("too_large")
        with self._write() as db:
            row = self._lecturers_class(db, raw_code, secret)
            done = db.execute(
                questions.update()
                .where(
                    questions.c.id == question_id,
                    questions.c.class_id == row.id,
                    questions.c.revealed_at.is_not(None),
                    questions.c.shown.is_(None),
                )
                .values(shown=shown)
            )
            if (
                done.rowcount == 0
                and db.scalar(
                    sa.select(questions.c.id).where(
                        questions.c.id == question_id,
                        questions.c.class_id == row.id,
                        questions.c.revealed_at.is_not(None),
                    )
                )
                is None
            ):
                raise ClassroomError("closed")
        self._forget_view(row.code)

    def set_step(self, raw_code, secret, step: dict | None) -> None:
        """The lecturer's lesson step, which every phone shows: {"lesson", "number", "title":
        {lang: text}} (None: no lesson). A different step than before closes the open question
        (the step the phones showed it for is gone); the same step again keeps it."""
        text = None if step is None else json.dumps(step, ensure_ascii=False, sort_keys=True)
        if text is not None and len(text.encode()) > MAX_STEP_BYTES:
            raise ClassroomError("too_large")
        with self._write() as db:
            row = self._lecturers_class(db, raw_code, secret)
            if row.step != text:
                db.execute(
                    questions.update().where(questions.c.class_id == row.id, questions.c.open).values(open=False)
                )
                db.execute(classes.update().where(classes.c.id == row.id).values(step=text))
        self._forget_view(row.code)

    def _open_question(self, db, class_id: int) -> sa.Row | None:
        return db.execute(sa.select(questions).where(questions.c.class_id == class_id, questions.c.open)).first()

    def _counts(self, db, question_id: int, n_options: int) -> list[int]:
        counts = [0] * n_options
        for choice, n in db.execute(
            sa.select(answers.c.choice, sa.func.count())
            .where(answers.c.question_id == question_id)
            .group_by(answers.c.choice)
        ):
            if 0 <= choice < n_options:
                counts[choice] = n
        return counts

    def tally(self, raw_code, secret) -> Tally:
        """The current question and where it stands: answered / active / joined (the lecturer's
        live count), the counts per option, revealed or not, joining open or not."""
        now = self.clock()
        with self.engine.connect() as db:
            row = self._lecturers_class(db, raw_code, secret)
            joined, active = db.execute(
                sa.select(
                    sa.func.count(),
                    sa.func.count().filter(
                        sa.func.coalesce(students.c.seen_at, students.c.joined_at) > self._active_since(now)
                    ),
                ).where(students.c.class_id == row.id)
            ).one()
            joining = not row.joining_closed
            q = self._open_question(db, row.id)
            if q is None:
                return Tally(None, None, 0, joined, active=active, joining_open=joining)
            public = json.loads(q.public)
            counts = self._counts(db, q.id, len(public["options"]))
        return Tally(
            q.id,
            q.fingerprint,
            sum(counts),
            joined,
            counts,
            q.revealed_at is not None,
            active=active,
            joining_open=joining,
            public=public,
        )

    def results(self, raw_code, secret) -> list[QuestionResult]:
        """Every question this class was asked, in order, with its counts — also once the class
        has ended (the lecturer's key still opens it)."""
        with self.engine.connect() as db:
            row = self._lecturers_class(db, raw_code, secret, ended_ok=True)
            asked = db.execute(
                sa.select(questions)
                .where(questions.c.class_id == row.id)
                .order_by(questions.c.asked_at, questions.c.id)
            ).all()
            out = []
            for q in asked:
                public = json.loads(q.public)
                out.append(
                    QuestionResult(
                        public, q.answer, self._counts(db, q.id, len(public["options"])), q.asked_at, q.revealed_at
                    )
                )
        return out

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
            step = json.loads(row.step) if row.step else None
            q = self._open_question(db, row.id)
            if q is None:
                view = StudentView(step=step)
            else:
                public = json.loads(q.public)
                result = shown = None
                if q.revealed_at is not None:  # the answer, the tally, the charts: only now
                    counts = self._counts(db, q.id, len(public["options"]))
                    result = Result(q.answer, json.loads(q.explanation), counts, sum(counts))
                    shown = json.loads(q.shown) if q.shown else None
                view = StudentView(q.id, public, result, step=step, shown=shown)
        with self._views_lock:
            self._views[code] = (now, view, row.expires_at)
        return view

    def _forget_view(self, code: str) -> None:
        with self._views_lock:
            self._views.pop(code, None)

    # ------------------------------------------------------------ answers

    def answer_of(self, raw_code, student_id: str, question_id: int) -> int | None:
        """This student's own answer to the question, or None: a phone that reloads shows it."""
        with self.engine.connect() as db:
            row = self._class(db, raw_code)
            return db.scalar(
                sa.select(answers.c.choice).where(
                    answers.c.class_id == row.id,
                    answers.c.question_id == question_id,
                    answers.c.student_hash == digest(student_id),
                )
            )

    def answer(self, raw_code, student_id: str, question_id: int, choice: int, address: str | None = None) -> None:
        """Store one student's answer. Raises ClassroomError: malformed / unknown / expired
        code, rate_limited (too many answers from `address`), not_joined, closed (not the open
        question, or already revealed), bad_choice, already_answered (the UNIQUE constraint said
        so), too_many_answers (the per-minute cap of the class)."""
        now, who = self.clock(), digest(student_id)
        self._limit("answer", address, self.limits.answers_per_address)
        with self._write() as db:
            row = self._class(db, raw_code)
            q = self._open_question(db, row.id)
            if q is None or q.id != question_id or q.revealed_at is not None:
                raise ClassroomError("closed")
            if not isinstance(choice, int) or not 0 <= choice < len(json.loads(q.public)["options"]):
                raise ClassroomError("bad_choice")
            if (
                db.scalar(sa.select(students.c.id).where(students.c.class_id == row.id, students.c.student_hash == who))
                is None
            ):
                raise ClassroomError("not_joined")
            recent = db.scalar(
                sa.select(sa.func.count())
                .select_from(answers)
                .where(answers.c.class_id == row.id, answers.c.answered_at > now - 60)
            )
            if recent >= self.limits.answers_per_minute:
                raise ClassroomError("too_many_answers", n=self.limits.answers_per_minute)
            try:
                with db.begin_nested():
                    db.execute(
                        answers.insert().values(
                            question_id=q.id, class_id=row.id, student_hash=who, choice=choice, answered_at=now
                        )
                    )
            except sa.exc.IntegrityError:
                raise ClassroomError("already_answered") from None
