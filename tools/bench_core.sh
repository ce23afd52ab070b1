#!/usr/bin/env bash
# Benchmark the core pages (tools/bench_core.py) on SQLite, then on PostgreSQL.
# PostgreSQL: a throw-away server started as scripts/test.sh does (initdb as user
# postgres into a temp dir, trust auth, 127.0.0.1 on a free port), stopped and
# removed at exit. Arguments go to bench_core.py (e.g. --small).
# Exit status: 1 when either run reports a problem (growing queries, slow page).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

status=0
echo "== SQLite"
env -u DATABASE_URL .venv/bin/python tools/bench_core.py "$@" || status=1

echo
echo "== PostgreSQL"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
if [ -z "$PG_BIN" ]; then
  echo "PostgreSQL is not installed (Debian package postgresql); skipped." >&2
  exit 1
fi
PG_DIR="$(mktemp -d /tmp/theodoi-bench-pg.XXXXXX)"
cleanup() {
  as_root su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D '$PG_DIR/data' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
# A free port: ask the kernel for one (bind to port 0), then hand it to PostgreSQL.
PG_PORT="$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
chown postgres "$PG_DIR" 2>/dev/null || as_root chown postgres "$PG_DIR"
as_root su postgres -s /bin/sh -c "$PG_BIN/initdb -D '$PG_DIR/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_root su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D '$PG_DIR/data' -l '$PG_DIR/log' -w -o \"-h 127.0.0.1 -p $PG_PORT -k '$PG_DIR' -F\" start" >/dev/null
DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres" \
  .venv/bin/python tools/bench_core.py "$@" || status=1
exit $status
