"""Benchmark of the API on a generated province: server time and queries per request.

    .venv/bin/python tools/bench_api.py [--repeat 30] [--sizes small,big]
    DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres .venv/bin/python tools/bench_api.py

Each size runs in its own process on its own empty database (SQLite under a
temporary directory; with DATABASE_URL, a throw-away PostgreSQL database created
next to the given one and dropped afterwards), filled by
``theodoi.demo.generate.generate_province``. Requests go through Django's test
client in-process (no network): the time is the server's, from the request to
the rendered response. Queries are counted per request; the point of the "small"
size is to show that they do not grow with the rows.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchenv import drop_postgres, fresh_postgres  # tools/ is the script's dir

ROOT = Path(__file__).resolve().parent.parent
SIZES = {
    "small": {"units": 40, "plans": 8, "tasks": 300, "targets": 80},
    "big": {"units": 150, "plans": 60, "tasks": 6000, "targets": 1500},
}


def endpoints(info: dict) -> list[tuple[str, str, str]]:
    """(label, role, path). Detail endpoints use the biggest plan and the busiest unit."""
    plan, unit = info["big_plan_id"], info["busy_unit_id"]
    from theodoi.plans.models import Target, Task

    task = Task.objects.filter(plan_id=plan).order_by("id").first().pk
    target = Target.objects.order_by("id").first()
    out = []
    for role in ("standing", "commune_officer"):
        out += [
            ("plans list", role, "/api/plans/"),
            ("tasks list (50)", role, "/api/tasks/"),
            ("tasks list (500)", role, "/api/tasks/?page_size=500"),
            ("tasks by unit+due range", role,
             f"/api/tasks/?unit={info['commune_id']}&due_from=2025-01-01&due_to=2027-12-31"),
            ("tasks by status", role, "/api/tasks/?status=overdue"),
            ("targets list", role, "/api/targets/"),
            ("indicators list", role, "/api/indicators/"),
            ("units list", role, "/api/units/?page_size=500"),
            ("periods list", role, "/api/periods/"),
            ("reports list", role, "/api/reports/"),
        ]
    from theodoi.reporting.models import UnitReport

    def latest(unit_id: int) -> UnitReport:
        return UnitReport.objects.filter(unit_id=unit_id).order_by("-period__end").first()

    busy_report, commune_report = latest(unit), latest(info["commune_id"])
    out += [
        ("report detail (busiest unit)", "standing", f"/api/reports/{busy_report.pk}/"),
        ("report history", "standing", f"/api/reports/{busy_report.pk}/history/"),
        ("report evidence list", "standing", f"/api/reports/{busy_report.pk}/evidence/"),
        ("who has sent (period units)", "standing", f"/api/periods/{busy_report.period_id}/units/"),
        ("report detail (own commune)", "commune_officer", f"/api/reports/{commune_report.pk}/"),
        ("plan detail (biggest)", "standing", f"/api/plans/{plan}/"),
        ("plan JSON (biggest)", "standing", f"/api/plans/{plan}/plan-json"),
        ("task detail", "standing", f"/api/tasks/{task}/"),
        ("target detail", "standing", f"/api/targets/{target.pk}/"),
        ("indicator detail", "standing", f"/api/indicators/{target.indicator_id}/"),
        ("unit detail", "standing", f"/api/units/{unit}/"),
        ("unit detail", "commune_officer", f"/api/units/{info['commune_id']}/"),
    ]
    return out


def worker(size: str, repeat: int) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "theodoi.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from rest_framework.authtoken.models import Token

    from theodoi.accounts.models import User
    from theodoi.demo.generate import generate_province, generate_reports
    from theodoi.reporting.services import ensure_periods

    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    info = generate_province(**SIZES[size], seed=1)
    ensure_periods()
    info["reports"] = generate_reports(periods=24, seed=1)
    generated = time.perf_counter() - t0
    clients = {}
    for role in ("standing", "commune_officer"):
        user = User.objects.get(pk=info["users"][role])
        token = Token.objects.get_or_create(user=user)[0].key
        clients[role] = Client(HTTP_AUTHORIZATION=f"Token {token}")
    results = []
    for label, role, path in endpoints(info):
        client = clients[role]
        response = client.get(path)  # warm caches (templates, prepared statements)
        assert response.status_code == 200, (path, response.status_code, response.content[:300])
        times, queries = [], []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - start) * 1000)
            queries.append(len(ctx.captured_queries))
        times.sort()
        body = response.json()
        rows = body.get("count") if isinstance(body, dict) and "count" in body else None
        results.append({
            "label": label, "role": role, "path": path, "rows": rows,
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1),
            "queries": max(queries),
        })
    return {"size": size, "counts": {**info["counts"], **info["reports"]}, "generated_s": round(generated, 1),
            "vendor": connection.vendor, "results": results}


def run_size(size: str, repeat: int) -> dict:
    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="theodoi-bench-") as tmp:
        env["THEODOI_VAR_DIR"] = tmp
        pg = env.get("DATABASE_URL")
        name = f"theodoi_bench_{size}"
        if pg:
            env["DATABASE_URL"] = fresh_postgres(pg, name)
        try:
            out = subprocess.run(
                [sys.executable, __file__, "--worker", size, "--repeat", str(repeat)],
                env=env, cwd=ROOT, check=True, capture_output=True, text=True)
        except subprocess.CalledProcessError as exc:
            sys.stderr.write(exc.stderr)
            raise
        finally:
            if pg:
                drop_postgres(pg, name)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--sizes", default="small,big")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print raw JSON")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.repeat), ensure_ascii=False))
        return 0
    runs = [run_size(s, args.repeat) for s in args.sizes.split(",")]
    if args.json:
        print(json.dumps(runs, ensure_ascii=False, indent=2))
        return 0
    vendor = runs[0]["vendor"]
    for run in runs:
        c = run["counts"]
        print(f"{run['size']}: {c.get('units')} units, {c.get('plans')} plans, {c.get('tasks')} tasks, "
              f"{c.get('targets')} targets, {c.get('assignments')} assignments "
              f"(generated in {run['generated_s']} s)")
    print(f"\nDatabase: {vendor}; {args.repeat} requests each; time in ms (server, in-process)\n")
    head = "| endpoint | role |"
    sep = "|---|---|"
    for run in runs:
        head += f" {run['size']} rows | {run['size']} median | {run['size']} p95 | {run['size']} queries |"
        sep += "---:|---:|---:|---:|"
    print(head)
    print(sep)
    for i, r in enumerate(runs[0]["results"]):
        line = f"| {r['label']} | {r['role']} |"
        for run in runs:
            x = run["results"][i]
            line += f" {x['rows'] if x['rows'] is not None else '—'} | {x['median_ms']} | {x['p95_ms']} | {x['queries']} |"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
