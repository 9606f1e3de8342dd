"""A real PostgreSQL server for the class store's tests (and bench_class --postgres).

`.ci/run` starts Debian's PostgreSQL and creates the role and database named in CI_URL. Where
that server isn't running (a laptop), a throwaway cluster is made with the installed
PostgreSQL (`initdb` + `pg_ctl`, trust auth, a free port on 127.0.0.1, removed afterwards).
Where neither works, `postgres_server()` yields (None, why) and the tests skip saying why.

    TRANSFORMER_ANATOMY_TEST_PG   a database URL to use instead of CI_URL
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

CI_URL = "postgresql://anatomy:anatomy@127.0.0.1:5432/anatomy_test"
URL_ENV_VAR = "TRANSFORMER_ANATOMY_TEST_PG"


def reachable(url: str) -> str | None:
    """None when a connection works, else the reason it didn't."""
    import sqlalchemy as sa

    from core.classroom import engine_url

    engine = sa.create_engine(engine_url(url), connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as db:
            db.execute(sa.text("select 1"))
        return None
    except Exception as exc:  # refused, no such role, no driver …
        return f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
    finally:
        engine.dispose()


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _throwaway_cluster():
    """initdb + pg_ctl start in a temporary folder; as root, run as the `postgres` user
    (PostgreSQL refuses to run as root). Yields (url, None) or (None, why)."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not initdb or not pg_ctl:
        yield None, "PostgreSQL is not installed (no initdb / pg_ctl)"
        return
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="anatomy-pg-"))
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(folder, ignore_errors=True)
            yield None, "running as root and there is no `postgres` user to run PostgreSQL as"
            return
        os.chown(folder, user.pw_uid, user.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()

    def run(*cmd):
        return subprocess.run([*as_user, *cmd], capture_output=True, text=True, timeout=120)

    started = False
    try:
        out = run(initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
        if out.returncode:
            yield None, f"initdb failed: {out.stderr.strip()[:200]}"
            return
        out = run(
            pg_ctl,
            "-D",
            str(data),
            "-w",
            "-l",
            str(folder / "log"),
            "-o",
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )
        if out.returncode:
            yield None, f"pg_ctl start failed: {(out.stderr or out.stdout).strip()[:200]}"
            return
        started = True
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres", None
    finally:
        if started:
            run(pg_ctl, "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def postgres_server():
    """Yields (url, None) for a PostgreSQL the tests may empty, or (None, why not)."""
    url = os.environ.get(URL_ENV_VAR) or CI_URL
    why = reachable(url)
    if why is None:
        yield url, None
        return
    with _throwaway_cluster() as (throwaway, why_not):
        if throwaway:
            yield throwaway, None
        else:
            yield None, f"no PostgreSQL: {url} — {why}; and {why_not}"
