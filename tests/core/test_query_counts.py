"""Pages read a fixed number of queries, whatever the size of the province (no N+1).

Two generated provinces, one four times the other: each page must issue exactly
as many queries on both. Timing is left to tools/bench_core.py.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from theodoi.accounts.models import User
from theodoi.demo.generate import generate_province

SMALL = {"units": 15, "plans": 4, "tasks": 60, "targets": 20}
LARGE = {"units": 60, "plans": 16, "tasks": 240, "targets": 80}


def _pages(info: dict) -> list[tuple[str, str]]:
    big = info["big_plan_id"]
    return [
        ("standing", "/ke-hoach/"),
        ("standing", f"/ke-hoach/{big}/"),
        ("standing", f"/don-vi/{info['busy_unit_id']}/"),
        ("department_officer", "/ke-hoach/"),
        ("department_officer", f"/ke-hoach/{big}/"),
        ("department_officer", f"/don-vi/{info['department_id']}/"),
        ("commune_officer", "/"),
    ]


def _query_counts(client, sizes: dict) -> dict[tuple[str, int], int]:
    """Queries per (user, page position) for a fresh province of ``sizes``."""
    info = generate_province(**sizes, seed=7)
    users = {key: User.objects.get(pk=pk) for key, pk in info["users"].items()}
    counts = {}
    for i, (user, url) in enumerate(_pages(info)):
        client.force_login(users[user])
        client.get(url)  # warm caches (content types, session) outside the count
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[(user, i)] = len(ctx.captured_queries)
    return counts


def _empty_province() -> None:
    from theodoi.audit.models import AuditEvent
    from theodoi.plans.models import Assignment, Indicator, Plan
    from theodoi.units.models import Unit

    Assignment.objects.all().delete()
    Plan.objects.all().delete()  # cascades to targets, tasks and links
    Indicator.objects.all().delete()
    User.objects.all().delete()
    # Units point at their parents (PROTECT): delete the leaves first.
    for depth in sorted(set(Unit.objects.values_list("depth", flat=True)), reverse=True):
        Unit.objects.filter(depth=depth).delete()
    AuditEvent.objects.all().delete()


@pytest.mark.django_db
def test_page_queries_do_not_grow_with_rows(client):
    small = _query_counts(client, SMALL)
    _empty_province()
    large = _query_counts(client, LARGE)
    assert large == small
