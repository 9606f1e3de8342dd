#!/usr/bin/env bash
# The whole class set-up on one machine: N `streamlit run Home.py` processes on 127.0.0.1,
# Debian's nginx in front of them (deploy/transformer-anatomy.nginx: sticky by cookie, websocket
# upgrade), and one PostgreSQL that every process shares as its class store.
#
#   deploy/run.sh [N]          N app processes (default 2); Ctrl-C stops everything it started
#
# Environment (all optional):
#   ANATOMY_LISTEN       where nginx listens (default 127.0.0.1:8080; 0.0.0.0:8080 for a hall)
#   ANATOMY_FIRST_PORT   the first app process's port (default 8501; then 8502, …)
#   ANATOMY_RUN_DIR      config, pids and logs (default deploy/run/)
#   TRANSFORMER_ANATOMY_DB  the class store; unset: Debian's PostgreSQL is started and a role and
#                        database `anatomy_app` are made (password generated once, kept in the run dir)
#   PYTHON               the interpreter with requirements.txt installed (default python3)
# Any other TRANSFORMER_ANATOMY_* variable (the model, the caps) reaches every process.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-${ANATOMY_PROCESSES:-2}}"
LISTEN="${ANATOMY_LISTEN:-127.0.0.1:8080}"
FIRST_PORT="${ANATOMY_FIRST_PORT:-8501}"
RUN="${ANATOMY_RUN_DIR:-$ROOT/deploy/run}"
PYTHON="${PYTHON:-python3}"
NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
[[ "$N" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [number of app processes]" >&2; exit 2; }
[ -x "$NGINX" ] || { echo "nginx is not installed (apt-get install nginx)" >&2; exit 1; }
mkdir -p "$RUN/tmp"
pids=()

stop() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 0' INT TERM

# ------------------------------------------------------------------ the class store: PostgreSQL
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
if [ -z "${TRANSFORMER_ANATOMY_DB:-}" ]; then
  echo "== PostgreSQL"
  service postgresql start >/dev/null 2>&1 || sudo service postgresql start >/dev/null
  [ -s "$RUN/db-password" ] || (umask 077; "$PYTHON" -c 'import secrets; print(secrets.token_hex(16))' > "$RUN/db-password")
  password="$(cat "$RUN/db-password")"
  as_postgres psql -v ON_ERROR_STOP=1 -q -v pw="$password" <<'SQL'
SELECT format('CREATE ROLE anatomy_app LOGIN PASSWORD %L', :'pw') WHERE NOT EXISTS
  (SELECT FROM pg_roles WHERE rolname = 'anatomy_app')\gexec
SELECT format('ALTER ROLE anatomy_app PASSWORD %L', :'pw')\gexec
SELECT 'CREATE DATABASE anatomy_app OWNER anatomy_app' WHERE NOT EXISTS
  (SELECT FROM pg_database WHERE datname = 'anatomy_app')\gexec
SQL
  export TRANSFORMER_ANATOMY_DB="postgresql://anatomy_app:$password@127.0.0.1:5432/anatomy_app"
fi
export TRANSFORMER_ANATOMY_DB
# nginx sets X-Forwarded-For to the phone's address: the per-address limits count that one
export TRANSFORMER_ANATOMY_TRUST_PROXY=1

# ------------------------------------------------------------------ N app processes
ports=()
for ((i = 0; i < N; i++)); do
  port=$((FIRST_PORT + i))
  ports+=("$port")
  (cd "$ROOT" && exec "$PYTHON" -m streamlit run Home.py --server.port "$port" --server.address 127.0.0.1 \
      --server.headless true) >"$RUN/app-$port.log" 2>&1 &
  pids+=($!)
  echo $! >"$RUN/app-$port.pid"
done

# ------------------------------------------------------------------ nginx, its config generated
servers=""
for port in "${ports[@]}"; do servers+="    server 127.0.0.1:$port max_fails=3 fail_timeout=10s;"$'\n'; done
SERVERS="$servers" LISTEN="$LISTEN" ACCESS_LOG="$RUN/access.log" "$PYTHON" - "$ROOT/deploy/transformer-anatomy.nginx" \
  >"$RUN/site.conf" <<'PY'
import os, sys
text = open(sys.argv[1]).read()
for field, value in (("@UPSTREAM_SERVERS@", os.environ["SERVERS"].rstrip("\n")), ("@LISTEN@", os.environ["LISTEN"]),
                     ("@ACCESS_LOG@", os.environ["ACCESS_LOG"])):
    text = text.replace(field, value)
sys.stdout.write(text)
PY
user_line=""
if [ "$(id -u)" = 0 ]; then user_line="user root;"; fi  # the workers write into the run dir
cat >"$RUN/nginx.conf" <<CONF
$user_line
worker_processes auto;
worker_rlimit_nofile 16384;
pid $RUN/nginx.pid;
error_log $RUN/nginx-error.log warn;
events { worker_connections 8192; }
http {
    client_body_temp_path $RUN/tmp/body;
    proxy_temp_path $RUN/tmp/proxy;
    fastcgi_temp_path $RUN/tmp/fastcgi;
    uwsgi_temp_path $RUN/tmp/uwsgi;
    scgi_temp_path $RUN/tmp/scgi;
    include $RUN/site.conf;
}
CONF
"$NGINX" -t -q -p "$RUN" -c "$RUN/nginx.conf"
"$NGINX" -p "$RUN" -c "$RUN/nginx.conf" -g "daemon off;" &
pids+=($!)
echo $! >"$RUN/nginx.pid.run"

# ------------------------------------------------------------------ ready when every process answers
health() { "$PYTHON" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$1" 2>/dev/null; }
for port in "${ports[@]}" proxy; do
  url="http://127.0.0.1:$port/_stcore/health"
  [ "$port" = proxy ] && url="http://$LISTEN/_stcore/health"
  for ((t = 0; t < 240; t++)); do health "$url" && break; sleep 0.5; done
  health "$url" || { echo "not answering: $url (logs in $RUN)" >&2; exit 1; }
done
echo "ready: http://$LISTEN  ($N app processes on ports ${ports[*]}, class store ${TRANSFORMER_ANATOMY_DB%%://*}; logs in $RUN)"
wait "${pids[-1]}"  # until nginx stops or this script is stopped
