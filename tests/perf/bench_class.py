"""A lecturer and a lecture hall of phones against one running server, as real websocket sessions.

Every session speaks Streamlit's own protocol to `streamlit run Home.py` (as bench_sessions
does), including what a browser does on its own: a fragment with run_every is rerun by the
client on a timer, so each phone polls the Class page's live fragment every 2 s and the
lecturer's live count every 1 s, exactly as the pages ask.

One round with N students:
  1. the lecturer (GPT-2-small-sized model) changes views on the Attention page: the baseline;
  2. the lecturer presses **Start a class**; N phones open …/Class?class=CODE, arriving evenly
     over --arrive-over seconds, while the lecturer goes on changing views (the class runs);
  3. the lecturer opens Sampling and presses **Ask the class**; each phone sees the question at
     its next poll, thinks 0.5–4 s and presses an answer;
  4. the lecturer's live count reaches N / N; **Reveal**; the phones see the result.

Reported: errors (exception boxes, refusals, timeouts, dropped connections), answers lost
(the store's rows against the phones that pressed), join time (p95, the last one), click →
stored (a phone's press to the page saying its answer is in; the answer is written before
that reply), when the lecturer's count was complete after the last stored answer, the
lecturer's view p50/p95 before the class, while the phones join, and once all of them are in
and polling, the reveal seen on the phones.
Targets: all join ≤ 30 s and answer ≤ 10 s after the question opens, 0 errors, 0 lost,
click → stored p95 ≤ 300 ms, count complete ≤ 3 s, lecturer's view p95 unchanged.
Then N rises (--ramp) until click → stored p95 passes 1 s: that N is the capacity per process.

--nginx: the same rounds first against one process, then through the deploy/ recipe —
`deploy/run.sh` with --processes app processes (default 2) behind Debian's nginx and one
PostgreSQL — and the capacity of both side by side. Each phone is one websocket through the
proxy (a websocket is one request: nginx's hash keeps it on one process); the phones per
process are read off nginx's access log.

    python -m tests.perf.bench_class [--sessions 100] [--ramp 200,300,400] [--postgres]
                                     [--nginx [--processes 2]] [--arrive-over 20] [--tokenizer DIR]
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import websockets
from streamlit.proto.WidgetStates_pb2 import WidgetState

from core import i18n
from tests.perf.bench_sessions import TIMEOUT_S, Session
from tests.perf.harness import ROOT, arguments, free_port, gpt2_small_folder, percentile, server, table

LANG = "en"
VIEWS = 12  # lecturer view changes before and while the class runs
STUDENT_POLL_S = 2.0  # what core.ui.student asks of the phones' browsers
LECTURER_POLL_S = 1.0


@dataclass
class Seen:
    """One run's elements, the ones this bench reads."""

    seconds: float
    exceptions: list = field(default_factory=list)
    buttons: list = field(default_factory=list)  # (id, label, fragment id, in sidebar)
    markdown: list = field(default_factory=list)
    metrics: list = field(default_factory=list)  # (label, body, fragment id)
    alerts: list = field(default_factory=list)  # (format, body)
    progress: int = 0
    fragment_ids: set = field(default_factory=set)
    selectboxes: list = field(default_factory=list)  # (id, options, fragment id)


class Phone(Session):
    """A Session that reads buttons, metrics, alerts and fragments, and never repeats a press."""

    async def press(self, change: WidgetState | None = None, fragment_id: str = "") -> Seen:
        self.seen = Seen(0.0)
        run = await self.run(change, fragment_id)
        if change is not None and change.HasField("trigger_value"):
            self.states.pop(change.id, None)  # a press is sent once
        self.seen.seconds, self.seen.exceptions = run.seconds, run.exceptions
        return self.seen

    def _read_element(self, fwd, result) -> None:
        super()._read_element(fwd, result)
        seen, element = self.seen, fwd.delta.new_element
        fragment = fwd.delta.fragment_id
        if fragment:
            seen.fragment_ids.add(fragment)
        kind = element.WhichOneof("type")
        sidebar = fwd.metadata.delta_path[:1] == [1]
        if kind == "button":
            seen.buttons.append((element.button.id, element.button.label, fragment, sidebar))
        elif kind == "markdown":
            seen.markdown.append(element.markdown.body)
        elif kind == "metric":
            seen.metrics.append((element.metric.label, element.metric.body, fragment))
        elif kind == "alert":
            seen.alerts.append((element.alert.format, element.alert.body))
        elif kind == "progress":
            seen.progress += 1
        elif kind == "selectbox" and not sidebar:
            seen.selectboxes.append((element.selectbox.id, list(element.selectbox.options), fragment))


def trigger(widget_id: str) -> WidgetState:
    return WidgetState(id=widget_id, trigger_value=True)


def button(seen: Seen, label: str, sidebar: bool | None = None):
    for widget_id, text, fragment, in_sidebar in seen.buttons:
        if text == label and (sidebar is None or in_sidebar == sidebar):
            return widget_id, fragment
    raise RuntimeError(f"no button {label!r} (buttons: {[b[1] for b in seen.buttons][:12]})")


async def connect(base: str):
    return await websockets.connect(
        base.replace("http://", "ws://") + "/_stcore/stream",
        subprotocols=["streamlit"],
        origin=base,
        max_size=None,
        open_timeout=TIMEOUT_S,
    )


async def lecturer_views(phone: Phone, first: Seen, n: int) -> list[float]:
    """n view changes on the Attention page: the layer box, back and forth."""
    box_id, options, fragment = first.selectboxes[0]
    times = []
    for i in range(n):
        state = WidgetState(id=box_id, string_value=options[(i + 1) % 2])
        seen = await phone.press(state, fragment)
        if seen.exceptions:
            raise RuntimeError(seen.exceptions[0])
        times.append(seen.seconds)
        await asyncio.sleep(0.5)
    return times


@dataclass
class Round:
    n: int
    joins: list = field(default_factory=list)  # seconds to load the Class page
    joined_at: list = field(default_factory=list)  # since the class started
    clicks: list = field(default_factory=list)  # click → answer stored and confirmed
    answered_at: list = field(default_factory=list)  # since the question opened
    reveal_seen: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    pressed: int = 0


async def student(base: str, i: int, code: str, arrive: float, state: dict, rnd: Round, t0: float) -> None:
    await asyncio.sleep(arrive)
    rng = random.Random(i)
    try:
        async with await connect(base) as ws:
            phone = Phone(ws, "Class", urlencode({"class": code, "lang": "ko" if i % 3 == 0 else "en"}))
            seen = await phone.press()
            rnd.joins.append(seen.seconds)
            rnd.joined_at.append(time.monotonic() - t0)
            state["joined"] += 1
            errors = list(seen.exceptions) + [b for f, b in seen.alerts if f == 1]
            fragment = next(iter(seen.fragment_ids), "")
            answered = False
            while not state.get("done") and not errors:
                await asyncio.sleep(STUDENT_POLL_S)
                seen = await phone.press(None, fragment)
                fragment = next(iter(seen.fragment_ids), fragment)
                if seen.progress and answered:  # the reveal reached this phone (a wrong pick shows in red)
                    rnd.reveal_seen.append(time.monotonic() - state["revealed_at"])
                    errors += seen.exceptions
                    break
                errors += seen.exceptions + [b for f, b in seen.alerts if f == 1]
                answers = [b for b in seen.buttons if re.match(r"^[A-E] · ", b[1])]
                if answers and not answered:
                    await asyncio.sleep(rng.uniform(0.5, 4.0))
                    widget_id, _, frag, _ = answers[rng.randrange(len(answers))]
                    rnd.pressed += 1
                    clicked = time.monotonic()
                    seen = await phone.press(trigger(widget_id), frag or fragment)
                    rnd.clicks.append(time.monotonic() - clicked)
                    rnd.answered_at.append(time.monotonic() - state["opened_at"])
                    errors += seen.exceptions + [b for f, b in seen.alerts if f in (1, 2)]
                    answered = True
            rnd.errors += [f"student {i}: {e}"[:200] for e in errors]
    except Exception as exc:  # a timeout or a dropped connection is an error, not a crash
        rnd.errors.append(f"student {i}: {type(exc).__name__}: {exc}"[:200])


def stored_answers(db_url: str) -> tuple[int, float]:
    """How many answers the store holds for the open question, and when the last was written."""
    import sqlalchemy as sa

    from core.classroom import answers, engine_url, questions

    engine = sa.create_engine(engine_url(db_url))
    with engine.connect() as db:
        qid = db.scalar(sa.select(sa.func.max(questions.c.id)))
        n, last = db.execute(
            sa.select(sa.func.count(), sa.func.max(answers.c.answered_at)).where(answers.c.question_id == qid)
        ).one()
    engine.dispose()
    return int(n), float(last or 0.0)


async def one_round(base: str, db_url: str, n: int, arrive_over: float, baseline: bool) -> tuple[Round, dict]:
    def t(key):
        return i18n.t(key, LANG)

    rnd, figures = Round(n), {}
    async with await connect(base) as ws:
        lecturer = Phone(ws, "Attention", urlencode({"lang": LANG}))
        first = await lecturer.press()
        if baseline:
            figures["views_before"] = await lecturer_views(lecturer, first, VIEWS)
        start, _ = button(first, t("class.start"), sidebar=True)
        seen = await lecturer.press(trigger(start))
        code = next(m for body in seen.markdown for m in re.findall(r"\*\*([A-Z0-9]{6})\*\*", body))
        state = {"joined": 0, "opened_at": float("inf"), "revealed_at": float("inf")}
        t0 = time.monotonic()
        tasks = [
            asyncio.create_task(student(base, i, code, arrive_over * i / max(n - 1, 1), state, rnd, t0))
            for i in range(n)
        ]
        figures["views_during"] = await lecturer_views(lecturer, seen, VIEWS)  # while they join
        while state["joined"] + len(rnd.errors) < n and time.monotonic() - t0 < arrive_over + 60:
            await asyncio.sleep(0.25)
        seen = await lecturer.press()  # every phone in and polling: the class running as it will
        figures["views_steady"] = await lecturer_views(lecturer, seen, VIEWS)
        lecturer.page_name = "Sampling"
        seen = await lecturer.press()
        ask, _ = button(seen, t("class.ask"))
        state["opened_at"] = time.monotonic()
        seen = await lecturer.press(trigger(ask))
        # the page's own live count (the sidebar repeats it every 2 s, drawn first)
        live = [f for label, _, f in seen.metrics if label == t("class.answered")][-1]
        complete_at, answered = None, ""
        while time.monotonic() - state["opened_at"] < 60:
            await asyncio.sleep(LECTURER_POLL_S)
            seen = await lecturer.press(None, live)
            answered = next((body for label, body, _ in seen.metrics if label == t("class.answered")), answered)
            if (
                answered == f"{rnd.pressed} / {state['joined']}"
                and rnd.pressed == state["joined"]
                and len(rnd.clicks) == rnd.pressed
            ):
                complete_at = time.time()
                break
        n_stored, last_stored = stored_answers(db_url)
        figures["stored"] = n_stored
        figures["count_complete_s"] = (complete_at - last_stored) if complete_at else float("nan")
        figures["lecturer_count"] = answered
        reveal, frag = button(seen, t("class.reveal"), sidebar=False)
        state["revealed_at"] = time.monotonic()
        await lecturer.press(trigger(reveal), frag)
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=60)
        state["done"] = True
        lecturer.page_name = "Attention"
        seen = await lecturer.press()
        end, _ = button(seen, t("class.end"), sidebar=True)
        await lecturer.press(trigger(end))
    return rnd, figures


def report(rnd: Round, figures: dict, store: str, threads: int, where: str = "one server") -> float:
    clicks95 = percentile(rnd.clicks, 0.95)
    rows = [
        {
            "students": rnd.n,
            "store": store,
            "errors": len(rnd.errors),
            "lost": rnd.pressed - figures["stored"],
            "last join (s)": max(rnd.joined_at, default=float("nan")),
            "join p95 (s)": percentile(rnd.joins, 0.95),
            "last answer (s after ask)": max(rnd.answered_at, default=float("nan")),
            "click→stored p50 (s)": percentile(rnd.clicks, 0.5),
            "p95 (s)": clicks95,
            "count complete (s)": figures["count_complete_s"],
            "reveal seen p95 (s)": percentile(rnd.reveal_seen, 0.95),
            "lecturer view p50/p95 during (s)": f"{percentile(figures['views_during'], 0.5):.3f} / "
            f"{percentile(figures['views_during'], 0.95):.3f}",
            "… all joined, polling (s)": f"{percentile(figures['views_steady'], 0.5):.3f} / "
            f"{percentile(figures['views_steady'], 0.95):.3f}",
        }
    ]
    table(rows, f"{rnd.n} phones and one lecturer, {where}, {store} store (torch threads {threads})")
    if "views_before" in figures:
        print(
            f"lecturer's view before the class: p50 {percentile(figures['views_before'], 0.5):.3f} s, "
            f"p95 {percentile(figures['views_before'], 0.95):.3f} s ({VIEWS} views, Attention page)"
        )
    print(f"lecturer's count at the end: {figures['lecturer_count']}; store holds {figures['stored']} answers")
    for e in rnd.errors[:10]:
        print("  ", e)
    return clicks95


def ramp(
    base: str, db_url: str, counts: list[int], arrive_over: float, store: str, threads: int, where: str
) -> list[dict]:
    """Rounds of rising N until click → stored p95 passes 1 s (or errors): one summary row each."""
    rows = []
    for k, n in enumerate(counts):
        rnd, figures = asyncio.run(one_round(base, db_url, n, arrive_over, baseline=k == 0))
        p95 = report(rnd, figures, store, threads, where)
        rows.append(
            {
                "where": where,
                "phones": n,
                "errors": len(rnd.errors),
                "lost": rnd.pressed - figures["stored"],
                "click→stored p50 (s)": percentile(rnd.clicks, 0.5),
                "p95 (s)": p95,
                "count complete (s)": figures["count_complete_s"],
            }
        )
        if p95 > 1.0 or rnd.errors:
            print(f"click → stored p95 {p95:.3f} s at {n} phones: past 1 s (or errors)")
            break
    return rows


def capacity(rows: list[dict]) -> str:
    ok = [r["phones"] for r in rows if r["p95 (s)"] <= 1.0 and not r["errors"]]
    if not ok:
        return f"below {rows[0]['phones']}"
    return ("at least " if len(ok) == len(rows) else "") + str(max(ok))


def main() -> None:
    postgres = "--postgres" in sys.argv
    nginx = "--nginx" in sys.argv
    for flag in ("--postgres", "--nginx"):
        if flag in sys.argv:
            sys.argv.remove(flag)
    options = {"--sessions": "100", "--ramp": "", "--arrive-over": "20", "--processes": "2"}
    for flag in list(options):
        if flag in sys.argv:
            i = sys.argv.index(flag)
            options[flag] = sys.argv[i + 1]
            del sys.argv[i : i + 2]
    args = arguments(__doc__)
    model = str(gpt2_small_folder(args))
    counts = [int(options["--sessions"])] + [int(n) for n in options["--ramp"].split(",") if n]
    arrive_over, processes = float(options["--arrive-over"]), int(options["--processes"])
    postgres = postgres or nginx  # several processes share one PostgreSQL (the deploy/ recipe)
    store = "PostgreSQL" if postgres else "SQLite"
    import torch

    threads = torch.get_num_threads()
    with tempfile.TemporaryDirectory() as folder, _database(postgres, folder) as db_url:
        env = {
            "TRANSFORMER_ANATOMY_DB": db_url,
            "TRANSFORMER_ANATOMY_MAX_STUDENTS": "100000",
            "TRANSFORMER_ANATOMY_MAX_ANSWERS_PER_MINUTE": "1000000",
            "HF_HUB_OFFLINE": "1",
        }
        with server(model, env) as (base, proc, _):
            rows = ramp(base, db_url, counts, arrive_over, store, threads, "one process")
        print(f"capacity per server process (click → stored p95 ≤ 1 s, no errors): {capacity(rows)} phones")
        if not nginx:
            return
        with hall(model, env, processes, folder) as (base, run_dir):
            hall_rows = ramp(base, db_url, counts, arrive_over, store, threads, f"nginx, {processes} processes")
            spread = phones_per_process(run_dir)
        table(rows + hall_rows, f"one process beside nginx on {processes} processes ({store}, torch threads {threads})")
        print(f"websocket sessions per process through nginx: {dict(sorted(spread.items()))}")
        print(
            f"capacity: one process {capacity(rows)} phones; nginx on {processes} processes "
            f"{capacity(hall_rows)} phones (click → stored p95 ≤ 1 s, no errors)"
        )


@contextmanager
def hall(model: str, env: dict, processes: int, folder: str):
    """deploy/run.sh: `processes` app processes behind nginx on free ports; yields (proxy URL, run dir)."""
    run_dir = Path(folder) / "deploy-run"
    listen, first = free_port(), free_port()
    proc = subprocess.Popen(
        ["bash", str(ROOT / "deploy" / "run.sh"), str(processes)],
        cwd=ROOT,
        text=True,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={
            **os.environ,
            **env,
            "TRANSFORMER_ANATOMY_MODEL": model,
            "PYTHON": sys.executable,
            "ANATOMY_LISTEN": f"127.0.0.1:{listen}",
            "ANATOMY_FIRST_PORT": str(first),
            "ANATOMY_RUN_DIR": str(run_dir),
        },
    )
    out = []
    for line in proc.stdout:
        out.append(line)
        if line.startswith("ready: "):
            break
    else:
        raise RuntimeError("deploy/run.sh did not start:\n" + "".join(out)[-2000:])
    try:
        yield f"http://127.0.0.1:{listen}", run_dir
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)


def phones_per_process(run_dir: Path) -> Counter:
    """Websocket sessions each app process held, from nginx's access log (written as each closes)."""
    log = (run_dir / "access.log").read_text().splitlines()
    return Counter(line.rsplit(" ", 1)[-1] for line in log if "/_stcore/stream" in line)


class _database:
    """SQLite in a temporary folder, or PostgreSQL (tests/postgres.py) with its tables dropped."""

    def __init__(self, postgres: bool, folder: str):
        self.postgres, self.folder, self._context = postgres, folder, None

    def __enter__(self) -> str:
        if not self.postgres:
            return f"sqlite:///{os.path.join(self.folder, 'classroom.db')}"
        import sqlalchemy as sa

        from core.classroom import engine_url, metadata
        from tests.postgres import postgres_server

        self._context = postgres_server()
        url, why = self._context.__enter__()
        if url is None:
            raise SystemExit(f"--postgres: {why}")
        engine = sa.create_engine(engine_url(url))
        metadata.drop_all(engine)
        engine.dispose()
        return url

    def __exit__(self, *exc):
        if self._context is not None:
            self._context.__exit__(*exc)


if __name__ == "__main__":
    main()
