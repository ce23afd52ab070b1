#!/usr/bin/env python3
"""Benchmark the core pages on a generated province: server time and SQL queries.

Usage (from the repository root, with the project's virtualenv)::

    .venv/bin/python tools/bench_core.py            # SQLite, in a fresh temp dir
    DATABASE_URL=postgres://postgres@127.0.0.1:54329/x .venv/bin/python tools/bench_core.py
    .venv/bin/python tools/bench_core.py --small    # quick run (smaller data, fewer requests)

It is a benchmark, not a test: it generates a province 10× smaller than the
target size in a fresh database, counts the SQL queries of each page, empties the
database, generates the full-size province, then times each page (median and
95th percentile over ``--requests`` requests, after 3 warm-up requests) and
counts its queries again. A page whose query count grows with the data has an
N+1 somewhere. Exit status 1 when a count grows or a p95 exceeds ``--max-p95``.

With PostgreSQL, ``DATABASE_URL`` names the server; the benchmark drops and
creates its own database (``--pg-database``, default ``theodoi_bench``) on it and
drops it again at the end. It never touches the database named in the URL.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchenv import drop_postgres, fresh_postgres, p95, setup_django  # tools/ is the script's dir

ROOT = Path(__file__).resolve().parent.parent
FULL_SIZE = {"units": 150, "plans": 60, "tasks": 6000, "targets": 1500}
WARMUP = 3


@dataclass
class Page:
    user: str  # key of generate_province()["users"]
    name: str
    url: str


@dataclass
class Result:
    engine: str
    page: Page
    rows_small: int = 0
    rows_big: int = 0
    queries_small: int = 0
    queries_big: int = 0
    times_ms: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95(self) -> float:
        # Nearest-rank percentile: an actual observed time, no interpolation.
        return p95(self.times_ms)


def _engine_label() -> str:
    from django.db import connection

    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("SHOW server_version")
            return f"postgresql {cur.fetchone()[0].split()[0]}"
        cur.execute("SELECT sqlite_version()")
        return f"sqlite {cur.fetchone()[0]}"


def _pages(info: dict[str, Any]) -> list[Page]:
    """The pages to measure, per user: the standing officer sees everything,
    the unit officers see their units' subtree (their own unit page, their home)."""
    big = info["big_plan_id"]
    pages = [
        Page("standing", "plan list", "/ke-hoach/"),
        Page("standing", "plan page (biggest)", f"/ke-hoach/{big}/"),
        Page("standing", "unit page (busiest)", f"/don-vi/{info['busy_unit_id']}/"),
    ]
    for user, unit in (("department_officer", info["department_id"]),
                       ("commune_officer", info["commune_id"])):
        pages += [
            Page(user, "plan list", "/ke-hoach/"),
            Page(user, "plan page (biggest)", f"/ke-hoach/{big}/"),
            Page(user, "unit page (own)", f"/don-vi/{unit}/"),
            Page(user, "home", "/"),
        ]
    return pages


def _rows(response) -> int:
    """Data rows the page shows (tasks + targets, or plans on the list page)."""
    ctx = response.context
    if ctx is None:
        return 0
    if "page" in ctx:
        return len(ctx["page"].object_list)
    if "n_tasks" in ctx:
        return ctx["n_tasks"] + ctx["n_targets"]
    return len(ctx.get("tasks", [])) + len(ctx.get("targets", []))


def _clients(info: dict[str, Any]) -> dict[str, Any]:
    from django.test import Client

    from theodoi.accounts.models import User

    clients = {}
    for key, pk in info["users"].items():
        client = Client()
        client.force_login(User.objects.get(pk=pk))
        clients[key] = client
    return clients


def _get(client, url: str):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}")
    return response


def _count_queries(client, url: str) -> tuple[int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARMUP):
        _get(client, url)
    with CaptureQueriesContext(connection) as ctx:
        response = _get(client, url)
    return len(ctx.captured_queries), _rows(response)


def _generate(scale: float, seed: int) -> tuple[dict[str, Any], float]:
    from theodoi.demo.generate import generate_province

    sizes = {k: max(1, round(v * scale)) for k, v in FULL_SIZE.items()}
    start = time.perf_counter()
    info = generate_province(**sizes, seed=seed)
    return info, time.perf_counter() - start


def _empty_database() -> None:
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)


def run(scale: float, requests: int, seed: int) -> tuple[str, list[Result], list[str]]:
    """Both provinces in the configured database; returns (engine, results, notes)."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    engine = _engine_label()
    notes = []

    info, took = _generate(scale / 10, seed)
    notes.append(f"small province: {info['rows']} rows {info['counts']} generated in {took:.1f} s")
    clients = _clients(info)
    small = {}
    for page in _pages(info):
        small[(page.user, page.name)] = _count_queries(clients[page.user], page.url)

    _empty_database()
    info, took = _generate(scale, seed)
    notes.append(f"big province:   {info['rows']} rows {info['counts']} generated in {took:.1f} s")
    clients = _clients(info)
    results = []
    for page in _pages(info):
        client = clients[page.user]
        queries, rows = _count_queries(client, page.url)  # includes the warm-up requests
        times = []
        for _ in range(requests):
            start = time.perf_counter()
            _get(client, page.url)
            times.append((time.perf_counter() - start) * 1000)
        q_small, rows_small = small[(page.user, page.name)]
        results.append(Result(engine=engine, page=page, rows_small=rows_small, rows_big=rows,
                              queries_small=q_small, queries_big=queries, times_ms=times))
    return engine, results, notes


def print_table(results: list[Result], max_p95: float) -> list[str]:
    """A plain table; returns the problems found (growing query counts, slow pages)."""
    header = ["engine", "user", "page", "rows (small/big)", "median ms", "p95 ms",
              "queries (small)", "queries (big)", "check"]
    lines, problems = [], []
    for r in results:
        check = []
        if r.queries_big > r.queries_small:
            check.append("QUERIES GROW")
            problems.append(f"{r.engine} {r.page.user} {r.page.name}: queries "
                            f"{r.queries_small} -> {r.queries_big}")
        if r.p95 > max_p95:
            check.append("SLOW")
            problems.append(f"{r.engine} {r.page.user} {r.page.name}: p95 {r.p95:.0f} ms")
        lines.append([r.engine, r.page.user, r.page.name, f"{r.rows_small}/{r.rows_big}",
                      f"{r.median:.1f}", f"{r.p95:.1f}", str(r.queries_small), str(r.queries_big),
                      " ".join(check) or "ok"])
    widths = [max(len(row[i]) for row in [header, *lines]) for i in range(len(header))]
    numeric = {3, 4, 5, 6, 7}
    for row in [header, None, *lines]:
        if row is None:
            print("  ".join("-" * w for w in widths))
            continue
        print("  ".join(c.rjust(w) if i in numeric else c.ljust(w)
                        for i, (c, w) in enumerate(zip(row, widths, strict=True))).rstrip())
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true",
                        help="quick run: a province 5× smaller and 10 requests per page")
    parser.add_argument("--requests", type=int, default=None,
                        help="timed requests per page (default 50, 10 with --small)")
    parser.add_argument("--scale", type=float, default=None,
                        help="size of the big province relative to the default (1.0)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-p95", type=float, default=300.0, help="slow page threshold (ms)")
    parser.add_argument("--pg-database", default="theodoi_bench",
                        help="PostgreSQL database to (re)create for the run")
    args = parser.parse_args(argv)
    scale = args.scale or (0.2 if args.small else 1.0)
    requests = args.requests or (10 if args.small else 50)

    var_dir = tempfile.mkdtemp(prefix="theodoi-bench-")
    pg_url = os.environ.get("DATABASE_URL", "")
    try:
        if pg_url:
            os.environ["DATABASE_URL"] = fresh_postgres(pg_url, args.pg_database)
        setup_django(var_dir)
        engine, results, notes = run(scale, requests, args.seed)
        print(f"\n== {engine}: {requests} timed requests per page after {WARMUP} warm-ups; "
              f"times are server-side (Django test client, DEBUG=0)")
        for note in notes:
            print(note)
        print()
        problems = print_table(results, args.max_p95)
    finally:
        if pg_url:
            if "django.db" in sys.modules:
                from django.db import connections

                connections.close_all()  # DROP DATABASE needs no open session
            drop_postgres(pg_url, args.pg_database)
        shutil.rmtree(var_dir, ignore_errors=True)
    if problems:
        print("\nPROBLEMS:\n  " + "\n  ".join(problems))
        return 1
    print("\nQuery counts do not grow with the data; every p95 is under "
          f"{args.max_p95:.0f} ms.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
