"""What the benchmark scripts share: a throw-away PostgreSQL database, Django set up
as in production (DEBUG=0) on a fresh var dir, and the nearest-rank 95th percentile."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent


def _admin_url(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/postgres", scheme="postgresql"))


def fresh_postgres(url: str, name: str) -> str:
    """Drop and create database ``name`` on the server of ``url``; return its URL."""
    import psycopg

    parts = urlsplit(url)
    if parts.path.lstrip("/") == name:
        raise SystemExit(f"DATABASE_URL already names {name!r}; point it at another database.")
    with psycopg.connect(_admin_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
    return urlunsplit(parts._replace(path=f"/{name}"))


def drop_postgres(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_admin_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup_django(var_dir: str, *, reporting_start: dt.date | None = None) -> None:
    """Settings for a benchmark: fresh var dir, production-like DEBUG=0."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "theodoi.settings"
    # Before django.setup(): settings read these once. A fresh var dir gives a fresh SQLite file.
    os.environ["THEODOI_VAR_DIR"] = var_dir
    os.environ["THEODOI_MEDIA_ROOT"] = os.path.join(var_dir, "media")
    os.makedirs(os.path.join(var_dir, "static"), exist_ok=True)  # STATIC_ROOT, for WhiteNoise
    # DEBUG=0 as in production (DEBUG=1 keeps every query in memory and slows pages down).
    os.environ["THEODOI_DEBUG"] = "0"
    os.environ.setdefault("THEODOI_SECRET_KEY", "bench-only-secret-key-not-for-production")
    os.environ["THEODOI_INSECURE_COOKIES"] = "1"  # the test client speaks plain HTTP
    if reporting_start is not None:
        os.environ["THEODOI_REPORTING_START"] = reporting_start.isoformat()
    sys.path.insert(0, str(ROOT / "src"))
    import django
    from django.test.utils import setup_test_environment

    django.setup()
    # Makes response.context available (rows per page); the cost is a signal per template.
    setup_test_environment()


def p95(values: list[float]) -> float:
    """Nearest-rank percentile: an actual observed time, no interpolation."""
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]
