#!/usr/bin/env bash
# Run the whole test suite: lint, then pytest on SQLite, then on PostgreSQL.
# PostgreSQL: DATABASE_URL when set; otherwise a throw-away server on
# 127.0.0.1 started from Debian's packages (installed here when missing).
# Browser tests use Debian's chromium (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}
APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "== cài gói Debian: ${missing[*]}"
  if [ $APT_UPDATED = 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

apt_install chromium fonts-dejavu-core poppler-utils postgresql
bash scripts/setup.sh test

echo "== ruff"
.venv/bin/ruff check src tests tools

export THEODOI_VAR_DIR="$ROOT/var/test"
mkdir -p "$THEODOI_VAR_DIR"
export THEODOI_MEDIA_ROOT="$THEODOI_VAR_DIR/media"

echo "== pytest trên SQLite"
env -u DATABASE_URL .venv/bin/pytest -q -p no:cacheprovider "$@"

echo "== pytest trên PostgreSQL"
PG_DIR=""
cleanup() {
  if [ -n "$PG_DIR" ]; then
    as_root su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D '$PG_DIR/data' -m fast stop" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
trap cleanup EXIT
if [ -z "${DATABASE_URL:-}" ]; then
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  if [ -z "$PG_BIN" ]; then echo "Không có PostgreSQL để chạy kiểm thử." >&2; exit 1; fi
  PG_DIR="$(mktemp -d /tmp/theodoi-pg.XXXXXX)"
  PG_PORT="${THEODOI_TEST_PG_PORT:-54329}"
  chown postgres "$PG_DIR" 2>/dev/null || as_root chown postgres "$PG_DIR"
  as_root su postgres -s /bin/sh -c "$PG_BIN/initdb -D '$PG_DIR/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
  as_root su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D '$PG_DIR/data' -l '$PG_DIR/log' -w -o \"-h 127.0.0.1 -p $PG_PORT -k '$PG_DIR' -F\" start" >/dev/null
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/theodoi"
fi
.venv/bin/pytest -q -p no:cacheprovider "$@"
