#!/usr/bin/env python3
"""Benchmark the leaders' dashboard and the consolidated report on a generated province
with 24 monthly periods of reports.

Usage (from the repository root, with the project's virtualenv)::

    .venv/bin/python tools/bench_dashboard.py                 # SQLite, fresh temp dir
    DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres .venv/bin/python tools/bench_dashboard.py
    .venv/bin/python tools/bench_dashboard.py --scale 0.1     # quick run

The province comes from ``theodoi.demo.generate.generate_province`` and its report
history from ``generate_reports`` (24 closed monthly periods; tasks reported done
around their deadlines, some late, some never; target values rising), generated
twice: at 1/10 of ``--scale`` to count queries, then at ``--scale``. Measured with
the Django test client (server time, no network), median and p95 over
``--requests`` requests after warm-up:

- the province dashboard (leader), a plan's dashboard, a unit's dashboard,
- the drill-down list of overdue tasks,

then the time to produce the province's consolidated report for the latest closed
period (every plan) as DOCX, XLSX and PDF (best of ``--runs``). With PostgreSQL the
script creates and drops its own database on the server named by ``DATABASE_URL``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_reporting import FULL, WARMUP, setup_django_for_periods  # noqa: E402
from benchenv import drop_postgres, fresh_postgres, p95  # noqa: E402

PERIODS = 24


def measure(info: dict, requests: int) -> list[dict]:
    from django.db import connection
    from django.test import Client

    from theodoi.accounts.models import User

    leader = Client()
    leader.force_login(User.objects.get(pk=info["users"]["leader"]))
    pages = [
        ("dashboard: province", "/tong-quan/"),
        ("dashboard: biggest plan", f"/tong-quan/?ke_hoach={info['big_plan_id']}"),
        ("dashboard: a commune", f"/tong-quan/?pham_vi={info['commune_id']}"),
        ("drill-down: overdue tasks", "/tong-quan/nhiem-vu/?trang_thai=cham"),
    ]
    results = []
    for name, url in pages:
        for _ in range(WARMUP):
            assert leader.get(url).status_code == 200
        count = [0]

        def counter(execute, sql, params, many, context, count=count):
            count[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = leader.get(url)
        times = []
        for _ in range(requests):
            start = time.perf_counter()
            response = leader.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
        ctx = response.context
        rows = (f"{ctx['d'].tally.total} tasks, {len(ctx['d'].units)} units" if "d" in ctx
                else f"{ctx['page'].total} tasks")
        results.append({"page": name, "queries": count[0], "median": statistics.median(times),
                        "p95": p95(times), "rows": rows})
    return results


def documents(info: dict, runs: int) -> list[tuple[str, float, int, int]]:
    from django.conf import settings

    from theodoi.accounts.models import User
    from theodoi.dashboard import consolidated, services
    from theodoi.reporting.models import ReportingPeriod

    standing = User.objects.get(pk=info["users"]["standing"])
    period = ReportingPeriod.objects.filter(frequency="monthly", end__lt=dt.date.today()) \
        .order_by("-end").first()
    options = consolidated.default_options(standing.unit, place=settings.THEODOI_DOCUMENT_PLACE)
    out = []
    for fmt in ("docx", "xlsx", "pdf"):
        best, size = float("inf"), 0
        for _ in range(runs):
            start = time.perf_counter()
            doc = services.consolidated_document(actor=standing, period=period, plan=None,
                                                 options=options, fmt=fmt)
            best = min(best, time.perf_counter() - start)
            size = len(doc.data)
        n_tasks = len(consolidated.collect(period).tasks) if fmt == "docx" else out[0][3]
        out.append((fmt, best, size, n_tasks))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="province size (1 = 6000 tasks)")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--runs", type=int, default=2, help="runs per document format")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg-database", default="theodoi_bench_dashboard")
    args = parser.parse_args()
    today = dt.date.today()
    var_dir = tempfile.mkdtemp(prefix="theodoi-bench-dashboard-")
    pg_url = os.environ.get("DATABASE_URL", "")
    if pg_url:
        os.environ["DATABASE_URL"] = fresh_postgres(pg_url, args.pg_database)
    try:
        setup_django_for_periods(var_dir, today)
        from django.core.management import call_command
        from django.db import connection

        from theodoi.demo.generate import generate_province, generate_reports

        call_command("migrate", interactive=False, verbosity=0)
        engine = connection.vendor
        runs = {}
        for label, scale in (("small", args.scale / 10), ("big", args.scale)):
            sizes = {k: max(1, round(v * scale)) for k, v in FULL.items()}
            start = time.perf_counter()
            info = generate_province(**sizes, seed=args.seed, today=today)
            filled = generate_reports(today=today, periods=PERIODS, seed=args.seed)
            print(f"[{engine}] {label} province {sizes}: {filled} in "
                  f"{time.perf_counter() - start:.1f} s", flush=True)
            runs[label] = measure(info, args.requests if label == "big" else 1)
            if label == "small":
                call_command("flush", interactive=False, verbosity=0)
        print(f"\n{'engine':10} {'page':28} {'median ms':>10} {'p95 ms':>8} "
              f"{'queries small/big':>18}  rows (big)")
        problems = 0
        for small, big in zip(runs["small"], runs["big"], strict=True):
            # Two look-ups in older reports run only when an item is missing from a unit's
            # latest report: a page's count may differ by them, never grow with rows.
            grows = big["queries"] > small["queries"] + 2
            problems += grows
            print(f"{engine:10} {big['page']:28} {big['median']:10.1f} {big['p95']:8.1f} "
                  f"{small['queries']:>8}/{big['queries']:<9}{' GROWS' if grows else ''}  "
                  f"{big['rows']}")
        print(f"\n{'engine':10} {'consolidated report':28} {'best s':>10} {'size':>10}  tasks")
        for fmt, seconds, size, n_tasks in documents(info, args.runs):
            print(f"{engine:10} {'province, ' + fmt.upper():28} {seconds:10.2f} "
                  f"{size / 1e6:8.2f} MB  {n_tasks}")
        return 1 if problems else 0
    finally:
        from django.db import connections

        connections.close_all()
        if pg_url:
            drop_postgres(pg_url, args.pg_database)
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
