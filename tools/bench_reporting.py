#!/usr/bin/env python3
"""Benchmark the reporting pages on a generated province with 24 monthly periods of reports.

Usage (from the repository root, with the project's virtualenv)::

    .venv/bin/python tools/bench_reporting.py                 # SQLite, fresh temp dir
    DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres .venv/bin/python tools/bench_reporting.py
    .venv/bin/python tools/bench_reporting.py --scale 0.1     # quick run

It generates the province with ``theodoi.demo.generate.generate_province``
(twice: at 1/10 of ``--scale`` to count queries, then at ``--scale``), adds 24
closed monthly periods of reports (every expected unit, an item per lead task
and target; ~85 % sent on time, ~10 % late, the rest missing), then measures
with the Django test client (server time, no network):

- opening a unit's report form (the department with most tasks, and a commune),
- saving it (every field posted back, one progress value changed),
- the standing agency's "who has sent" page for the latest period.

Median and p95 over ``--requests`` requests after warm-up, and the SQL queries
of each on the small and the big province (they must not grow with the rows).
With PostgreSQL the script creates and drops its own database
(``theodoi_bench_reporting``) on the server named by ``DATABASE_URL``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchenv import drop_postgres, fresh_postgres, p95, setup_django  # tools/ is the script's dir

ROOT = Path(__file__).resolve().parent.parent
FULL = {"units": 150, "plans": 60, "tasks": 6000, "targets": 1500}
PERIODS = 24
WARMUP = 2


def setup_django_for_periods(var_dir: str, today: dt.date) -> None:
    """Django for a benchmark, with 24 closed monthly periods before today's."""
    setup_django(var_dir, reporting_start=dt.date(today.year - 2, today.month, 1))


def fill_reports(today: dt.date, seed: int) -> dict:
    """24 monthly periods of reports for every expected unit, written in bulk."""
    from django.db import transaction
    from django.utils import timezone

    from theodoi.plans.models import Assignment
    from theodoi.reporting.models import (
        ReportingPeriod,
        TargetReport,
        TaskReport,
        UnitReport,
    )
    from theodoi.reporting.scope import open_assignments
    from theodoi.reporting.services import ensure_periods

    rng = random.Random(seed)
    ensure_periods(today=today)
    periods = list(ReportingPeriod.objects.filter(frequency="monthly", end__lt=today)
                   .order_by("-end")[:PERIODS])
    leads = list(open_assignments("monthly").values_list("unit_id", "task_id", "target_id"))
    by_unit: dict[int, tuple[list[int], list[int]]] = {}
    for unit_id, task_id, target_id in leads:
        tasks, targets = by_unit.setdefault(unit_id, ([], []))
        (tasks if task_id else targets).append(task_id or target_id)
    n_items = 0
    with transaction.atomic():
        for p in periods:
            reports = []
            for unit_id in by_unit:
                roll = rng.random()
                if roll > 0.95:
                    continue  # missing
                sent = p.due - dt.timedelta(days=rng.randint(0, 3)) if roll < 0.85 else \
                    p.due + dt.timedelta(days=rng.randint(1, 10))
                sent_at = timezone.make_aware(dt.datetime.combine(sent, dt.time(9)))
                reports.append(UnitReport(period=p, unit_id=unit_id, state="accepted", version=1,
                                          first_sent_at=sent_at, sent_at=sent_at, accepted_at=sent_at))
            UnitReport.objects.bulk_create(reports)
            t_items, c_items = [], []
            for r in reports:
                tasks, targets = by_unit[r.unit_id]
                for task_id in tasks:
                    t_items.append(TaskReport(report=r, task_id=task_id, status="ongoing",
                                              progress=rng.randint(0, 100),
                                              done_text="Đã triển khai theo kế hoạch",
                                              difficulties="", proposals=""))
                for target_id in targets:
                    c_items.append(TargetReport(report=r, target_id=target_id,
                                                value=rng.randint(0, 100), source="Báo cáo đơn vị",
                                                as_of=p.end))
            TaskReport.objects.bulk_create(t_items, batch_size=2000)
            TargetReport.objects.bulk_create(c_items, batch_size=2000)
            n_items += len(t_items) + len(c_items)
    return {"periods": len(periods), "reports": UnitReport.objects.count(), "items": n_items,
            "assignments": Assignment.objects.count()}


def _users(info: dict) -> dict:
    """The generator's standing officer, plus an officer and a head in each measured unit."""
    from theodoi.accounts.models import Role, User

    users = {"standing": User.objects.get(pk=info["users"]["standing"])}
    for key, unit_id in (("department", info["department_id"]), ("commune", info["commune_id"])):
        for role in (Role.UNIT_OFFICER, Role.UNIT_HEAD):
            users[f"{key}_{role}"] = User.objects.create(
                username=f"bench.{key}.{role}", role=role, unit_id=unit_id)
    return users


def _form_data(response) -> dict:
    """Every field of the report form as the browser would post it back."""
    content = response.context["content"]
    data = {}
    for row in (*content.tasks, *content.targets):
        for bf in row.form:
            value = bf.value()
            if value is None:
                continue
            data[bf.html_name] = value.isoformat() if hasattr(value, "isoformat") else value
    for bf in response.context["header"]:
        if bf.value():
            data[bf.html_name] = "on" if bf.name == "nothing_to_report" else bf.value()
    return data


def measure(info: dict, today: dt.date, requests: int) -> list[dict]:
    from django.db import connection
    from django.test import Client

    from theodoi.reporting.models import ReportingPeriod

    users = _users(info)
    current = ReportingPeriod.objects.filter(frequency="monthly", start__lte=today).order_by("-end").first()
    latest_closed = ReportingPeriod.objects.filter(frequency="monthly", end__lt=today).order_by("-end").first()
    results = []

    def client_for(key: str) -> Client:
        c = Client()
        c.force_login(users[key])
        return c

    def run(name: str, client: Client, do) -> None:
        for _ in range(WARMUP):
            do(0)
        count = [0]

        def counter(execute, sql, params, many, context):
            count[0] += 1
            return execute(sql, params, many, context)

        # An execute wrapper, not CaptureQueriesContext: the test client's request_started
        # signal resets the query log mid-capture.
        with connection.execute_wrapper(counter):
            response = do(1)
        times = []
        for i in range(requests):
            start = time.perf_counter()
            do(i + 2)
            times.append((time.perf_counter() - start) * 1000)
        results.append({"page": name, "queries": count[0],
                        "median": statistics.median(times),
                        "p95": p95(times),
                        "rows": getattr(response, "bench_rows", "")})

    for key in ("department", "commune"):
        client = client_for(f"{key}_unit_officer")
        unit_id = info[f"{key}_id"]
        opened = client.get(f"/bao-cao/ky/{current.pk}/don-vi/{unit_id}/")
        if opened.status_code != 302:
            raise SystemExit(f"opening the {key} report answered {opened.status_code}")
        url = opened["Location"]

        def get(_i, client=client, url=url):
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            c = response.context["content"]
            response.bench_rows = f"{len(c.tasks)} tasks, {len(c.targets)} targets"
            return response

        run(f"{key}: open report form", client, get)
        # The whole form too: a big unit's form opens on its first plan only.
        run(f"{key}: open whole form (tất cả)", client,
            lambda i, get=get, url=url: get(i, url=f"{url}?ke-hoach=tat-ca"))
        data = _form_data(get(0))
        progress_keys = [k for k in data if k.endswith("-progress")] or [
            k for k in data if k.endswith("-done_text")]

        def save(i, client=client, url=url, data=data, keys=progress_keys):
            posted = dict(data, action="save")
            if keys:  # one real change per save, so the audit trail writes too
                k = keys[0]
                posted[k] = str(i % 100) if k.endswith("progress") else f"Lần lưu {i}"
            response = client.post(url, posted)
            assert response.status_code == 302, (response.status_code, getattr(
                response, "context", None) and response.context.get("errors"))
            response.bench_rows = f"{len(data)} fields"
            return response

        run(f"{key}: save report form", client, save)

    standing = client_for("standing")

    def status_page(_i):
        response = standing.get(f"/bao-cao/tinh-hinh/?ky={latest_closed.pk}")
        assert response.status_code == 200
        response.bench_rows = f"{len(response.context['data'].rows)} units"
        return response

    run("standing: who has sent", standing, status_page)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="province size (1 = 6000 tasks)")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg-database", default="theodoi_bench_reporting")
    args = parser.parse_args()
    today = dt.date.today()
    var_dir = tempfile.mkdtemp(prefix="theodoi-bench-reporting-")
    pg_url = os.environ.get("DATABASE_URL", "")
    if pg_url:
        os.environ["DATABASE_URL"] = fresh_postgres(pg_url, args.pg_database)
    try:
        setup_django_for_periods(var_dir, today)
        from django.core.management import call_command
        from django.db import connection

        from theodoi.demo.generate import generate_province

        call_command("migrate", interactive=False, verbosity=0)
        engine = f"{connection.vendor}"
        runs = {}
        for label, scale in (("small", args.scale / 10), ("big", args.scale)):
            sizes = {k: max(1, round(v * scale)) for k, v in FULL.items()}
            start = time.perf_counter()
            info = generate_province(**sizes, seed=args.seed, today=today)
            filled = fill_reports(today, args.seed)
            print(f"[{engine}] {label} province {sizes}: {filled} in {time.perf_counter() - start:.1f} s",
                  flush=True)
            runs[label] = measure(info, today, args.requests if label == "big" else 1)
            if label == "small":
                call_command("flush", interactive=False, verbosity=0)
        print(f"\n{'engine':10} {'page':34} {'median ms':>10} {'p95 ms':>8} {'queries small/big':>18}  rows (big)")
        problems = 0
        for small, big in zip(runs["small"], runs["big"], strict=True):
            grows = big["queries"] > small["queries"]
            problems += grows
            print(f"{engine:10} {big['page']:34} {big['median']:10.1f} {big['p95']:8.1f} "
                  f"{small['queries']:>8}/{big['queries']:<9}{' GROWS' if grows else ''}  {big['rows']}")
        return 1 if problems else 0
    finally:
        from django.db import connections

        connections.close_all()
        if pg_url:
            drop_postgres(pg_url, args.pg_database)
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
