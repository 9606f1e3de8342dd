"""The deploy/ recipe for real: `deploy/run.sh 2` starts two `streamlit run Home.py` processes,
Debian's nginx in front of them (sticky by cookie, websocket upgrade) and shares one PostgreSQL
(a throwaway cluster here). A lecturer and phones, each a Chromium context of its own, go
through the proxy only:

- every browser is pinned to one process (nginx's access log: each browser's cookie → one
  upstream), and the phones are spread over both;
- the tally is exact: one row per phone in the store, the lecturer's live count and the counts
  per option equal to the presses;
- one app process killed mid-class (not the lecturer's): its phones come back through nginx on
  the other process, the stored answers stay (none lost, none added), the reveal reaches every
  phone, and each phone that came back shows its own single answer.

A phone that comes back is still the student who answered (the browser's `ta_browser` cookie):
after the reveal it reads "You picked …", its own answer. The reveal is the check: it reaches a
phone only through a live session, while a page left over from the dead process would still show
the old "your answer is in"."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.browser.classflow import PHONE, settle, start_class
from tests.browser.test_pages_in_chromium import CHROMIUM, SHOTS, browser  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PHONES, MAX_PHONES = 6, 12  # more phones join until both processes hold one

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium missing"),
    pytest.mark.skipif(not Path(NGINX).exists(), reason="Debian nginx missing (.ci/run installs it)"),
]


def free_ports(n: int) -> int:
    """The first of n consecutive free ports on 127.0.0.1."""
    for first in range(23000, 60000, 37):
        try:
            for port in range(first, first + n):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
    raise RuntimeError("no free ports")


@pytest.fixture(scope="module")
def database():
    """A PostgreSQL of its own (a throwaway cluster), else the tests' shared one."""
    from tests.postgres import _throwaway_cluster, postgres_server

    with _throwaway_cluster() as (url, why):
        if url:
            yield url
            return
    with postgres_server() as (url, why_not):
        if url is None:
            pytest.skip(f"no PostgreSQL: {why}; {why_not}")
        yield url


@pytest.fixture(scope="module")
def hall(database, sharp_gpt2_dir, tmp_path_factory):
    """deploy/run.sh 2 on free ports; yields (proxy base URL, run dir, app ports)."""
    run_dir = tmp_path_factory.mktemp("deploy-run")
    listen = free_ports(3)  # nginx, then the two app processes
    first = listen + 1
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "PYTHON": sys.executable,
        "NGINX": NGINX,
        "ANATOMY_LISTEN": f"127.0.0.1:{listen}",
        "ANATOMY_FIRST_PORT": str(first),
        "ANATOMY_RUN_DIR": str(run_dir),
        "TRANSFORMER_ANATOMY_DB": database,
        "TRANSFORMER_ANATOMY_MODEL": sharp_gpt2_dir,
        "OMP_NUM_THREADS": "1",
    }
    proc = subprocess.Popen(
        ["bash", str(ROOT / "deploy" / "run.sh"), "2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines, deadline = [], time.monotonic() + 240
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
        lines.append(line)
        if line.startswith("ready: "):
            break
    else:
        line = ""
    if not line.startswith("ready: "):
        os.killpg(proc.pid, signal.SIGTERM)
        pytest.fail("deploy/run.sh did not start:\n" + "".join(lines)[-3000:])
    try:
        yield f"http://127.0.0.1:{listen}", run_dir, (first, first + 1)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def upstreams(run_dir: Path) -> dict[str, list[str]]:
    """nginx's access log: each browser's affinity cookie → the processes (ports) its requests
    reached, in order (a request passed on from a dead process names both)."""
    seen: dict[str, list[str]] = {}
    for line in (run_dir / "access.log").read_text().splitlines():
        m = re.search(r" ([0-9a-f]{32}) (\S.*)$", line)
        if m:
            seen.setdefault(m.group(1), []).extend(a.rsplit(":", 1)[-1] for a in m.group(2).split(", "))
    return seen


def node(context) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == "anatomy_node")


def answers_in_store(db: str, code: str) -> Counter:
    """The open question's stored answers by option, for the class `code`."""
    import sqlalchemy as sa

    from core.classroom import answers, classes, engine_url, questions

    engine = sa.create_engine(engine_url(db))
    with engine.connect() as conn:
        cid = conn.scalar(sa.select(classes.c.id).where(classes.c.code == code))
        qid = conn.scalar(sa.select(sa.func.max(questions.c.id)).where(questions.c.class_id == cid))
        rows = conn.execute(sa.select(answers.c.choice).where(answers.c.question_id == qid)).scalars().all()
    engine.dispose()
    return Counter(rows)


def test_a_class_through_nginx_on_two_processes_survives_one_killed(hall, database, browser):  # noqa: F811
    from core import i18n

    def t(key: str, **values) -> str:
        return i18n.t(key, "en", **values)

    base, run_dir, ports = hall
    your_answer = t("class.your_answer", choice="X").split("**")[0].strip()  # "Your answer:" before the choice
    contexts = []

    def context(**kwargs):
        contexts.append(browser.new_context(locale="en-US", **kwargs))
        return contexts[-1]

    try:
        teacher_ctx = context(viewport={"width": 1400, "height": 2000})
        teacher = teacher_ctx.new_page()
        _, link = start_class(teacher, f"{base}/Sampling?lang=en", t)
        assert link.startswith(base), (link, "the join link is the proxy's address")
        code = re.search(r"class=(\w+)", link).group(1)

        phones = []  # (context, page)
        while len(phones) < MAX_PHONES:
            ctx = context(**PHONE)
            page = ctx.new_page()
            page.goto(link)
            page.get_by_text(t("class.waiting")).wait_for(timeout=60_000)
            phones.append((ctx, page))
            where = upstreams(run_dir)
            teacher_port = where[node(teacher_ctx)][0]
            others = [p for p in phones if where[node(p[0])][0] != teacher_port]
            if len(phones) >= PHONES and others:
                break
        where = upstreams(run_dir)
        for ctx in [teacher_ctx] + [c for c, _ in phones]:  # every browser pinned to one process
            assert len(set(where[node(ctx)])) == 1, where[node(ctx)]
        on = Counter(where[node(c)][0] for c, _ in phones)
        assert set(on) == {str(p) for p in ports}, ("the phones are spread over both processes", on)

        teacher.get_by_role("button", name=t("class.ask")).first.click()
        teacher.get_by_text(t("class.asked")).wait_for(timeout=60_000)
        pressed = Counter()
        for i, (_, page) in enumerate(phones):
            buttons = page.locator('[data-testid="stMain"] [data-testid="stButton"] button')
            buttons.first.wait_for(timeout=60_000)
            choice = i % buttons.count()
            buttons.nth(choice).click()
            page.get_by_text(your_answer).wait_for(timeout=30_000)
            pressed[choice] += 1
        n = len(phones)
        main = teacher.locator('[data-testid="stMain"]')
        main.get_by_text(f"{n} / {n}").wait_for(timeout=30_000)  # the lecturer's live count
        assert answers_in_store(database, code) == pressed  # the tally exact, per option

        # one process killed mid-class: the one the lecturer is not on
        victim = next(p for p in ports if str(p) != teacher_port)
        moved = [(c, p) for c, p in phones if where[node(c)][0] == str(victim)]
        before = upstreams(run_dir)
        os.kill(int((run_dir / f"app-{victim}.pid").read_text()), signal.SIGKILL)
        for ctx, page in moved:  # Streamlit's client reconnects by itself; nginx sends it on
            settle(page)
            assert page.locator('[data-testid="stException"]').count() == 0
        assert answers_in_store(database, code) == pressed  # nothing lost, nothing added

        main.get_by_role("button", name=t("class.reveal")).click()
        for _, page in phones:  # the reveal reaches every phone, on either process: a phone whose
            page.locator('[data-testid="stProgress"]').first.wait_for(timeout=90_000)  # process died
            assert page.locator('[data-testid="stException"]').count() == 0  # is live on the other
        picked = t("class.result_right", choice="X").split("**")[0].strip("✅ ")  # "You picked"
        came_back = [picked in page.locator('[data-testid="stMain"]').inner_text() for _, page in moved]
        SHOTS.mkdir(parents=True, exist_ok=True)
        moved[0][1].screenshot(path=SHOTS / "deploy-phone-after-failover.png", full_page=True)
        assert answers_in_store(database, code) == pressed
        moved_nodes = [node(ctx) for ctx, _ in moved]
        for ctx, _ in moved:  # a websocket is logged when it closes: close the phones that moved
            ctx.close()
        time.sleep(1)
        after = upstreams(run_dir)
        for key in moved_nodes:  # after the kill, its session was on the process that is left
            later = after[key][len(before[key]) :]
            assert teacher_port in later and set(later) <= {teacher_port, str(victim)}, later
        assert all(came_back), "a phone that came back on the other process is the same student, its answer kept"
    finally:
        for ctx in contexts:
            try:
                ctx.close()
            except Exception:  # closed already
                pass
