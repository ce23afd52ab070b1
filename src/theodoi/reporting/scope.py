"""Which plans report at a frequency, and which units owe a report (DHIS2-style assignment).

A unit owes a report for a period when it holds an open lead assignment (task
or target) on a plan that reports at the period's frequency. Partner units may
add their contribution but are not counted as expected.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet

from theodoi.plans.models import Assignment, AssignmentRole, Plan

from .models import PlanReportingSchedule


def plans_reporting(frequency: str) -> QuerySet[Plan]:
    """Plans reporting at ``frequency``: scheduled for it, or unscheduled when it is a default."""
    scheduled = PlanReportingSchedule.objects.filter(plan=OuterRef("pk"))
    cond = Exists(scheduled.filter(frequency=frequency))
    if frequency in settings.THEODOI_DEFAULT_FREQUENCIES:
        cond = cond | ~Exists(scheduled)
    return Plan.objects.filter(cond)


def _work(frequency: str) -> Q:
    plans = plans_reporting(frequency).values("pk")
    return Q(task__plan__in=plans) | Q(target__plan__in=plans)


def open_assignments(frequency: str, *, lead_only: bool = True) -> QuerySet[Assignment]:
    rows = Assignment.objects.filter(_work(frequency), ended_at__isnull=True,
                                     unit__pending=False, unit__is_active=True)
    if lead_only:
        rows = rows.filter(role=AssignmentRole.LEAD)
    return rows


def expected_unit_ids(period) -> QuerySet:
    """Ids of the units expected to report for ``period`` (a subquery; not evaluated here)."""
    return open_assignments(period.frequency).values_list("unit_id", flat=True).distinct()


def unit_has_work(unit_id: int, frequency: str) -> bool:
    return open_assignments(frequency, lead_only=False).filter(unit_id=unit_id).exists()
