"""Reads on plans, scoped to what the user may see. A fixed number of queries per page."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from theodoi.accounts.scoping import visible_unit_ids
from theodoi.units.models import Unit
from theodoi.vntext import fold

from .models import Assignment, Indicator, Plan, PlanLink, Target, Task

OPEN = Q(ended_at__isnull=True)


def _open_assignments() -> Prefetch:
    # Units are prefetched, not joined: a page of a thousand rows names a few dozen
    # units, and prefetching builds each Unit once instead of once per assignment.
    return Prefetch(
        "assignments",
        queryset=Assignment.objects.filter(OPEN).prefetch_related("unit").order_by("position", "id"),
        to_attr="open_assignments",
    )


def visible_plans(user) -> QuerySet[Plan]:
    """Plans the user may open: all for province-wide roles; for a unit, those it takes part in."""
    plans = Plan.objects.all()
    ids = visible_unit_ids(user)
    if ids is None:
        return plans
    # Two Exists, one per path (task, target), rather than one Exists over an OR of
    # two outer joins, which the databases can only answer by scanning assignments.
    mine = Assignment.objects.filter(OPEN, unit_id__in=ids)
    return plans.filter(
        Exists(mine.filter(task__plan=OuterRef("pk")))
        | Exists(mine.filter(target__plan=OuterRef("pk")))
        | Q(issuing_unit_id__in=ids)
    )


def search_plans(user, query: str = "") -> QuerySet[Plan]:
    """Plan list with counts; every word of ``query`` must appear, accents ignored."""
    plans = visible_plans(user)
    for word in fold(query).split():
        plans = plans.filter(search_text__contains=word)
    # Counted by correlated subqueries: joining both targets and tasks would multiply
    # them (targets × tasks rows per plan) before grouping, seconds on a big province.
    return plans.annotate(
        n_targets=_count_per_plan(Target), n_tasks=_count_per_plan(Task)
    ).select_related("issuing_unit").order_by("-date", "-id")


def _count_per_plan(model) -> Coalesce:
    rows = (model.objects.filter(plan=OuterRef("pk")).order_by().values("plan")
            .annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def get_plan(user, pk: int) -> Plan:
    try:
        return visible_plans(user).select_related("issuing_unit").get(pk=pk)
    except Plan.DoesNotExist:
        raise Http404("Không tìm thấy kế hoạch, hoặc bạn không có quyền xem.") from None


@dataclass
class Section:
    code: str
    title: str
    items: list = field(default_factory=list)


DEADLINE_FILTERS = OrderedDict([
    ("", "Mọi thời hạn"),
    ("overdue", "Đã quá hạn"),
    ("30d", "Đến hạn trong 30 ngày"),
    ("quarter", "Đến hạn trong quý này"),
    ("year", "Đến hạn trong năm nay"),
    ("recurring", "Thường xuyên, định kỳ"),
    ("none", "Không ghi thời hạn"),
])


def _deadline_q(code: str, today: dt.date) -> Q:
    if code == "overdue":
        return Q(due_date__lt=today)
    if code == "30d":
        return Q(due_date__gte=today, due_date__lte=today + dt.timedelta(days=30))
    if code == "quarter":
        q_end_month = ((today.month - 1) // 3 + 1) * 3
        end = (dt.date(today.year + (q_end_month == 12), q_end_month % 12 + 1, 1)
               - dt.timedelta(days=1))
        return Q(due_date__gte=today, due_date__lte=end)
    if code == "year":
        return Q(due_date__gte=today, due_date__lte=dt.date(today.year, 12, 31))
    if code == "recurring":
        return Q(deadline_kind="recurring")
    if code == "none":
        return Q(deadline_kind="none")
    return Q()


def _in_units(unit: Unit | None) -> Q:
    if unit is None:
        return Q()
    return Q(assignments__ended_at__isnull=True, assignments__unit__path__startswith=unit.path)


def plan_sections(plan: Plan, *, unit: Unit | None = None, deadline: str = "",
                  today: dt.date | None = None) -> tuple[list[Section], list[Section]]:
    """Targets grouped by group, tasks grouped by section, with their open assignments."""
    today = today or timezone.localdate()
    targets = (
        Target.objects.filter(plan=plan).filter(_in_units(unit)).distinct()
        .select_related("indicator").prefetch_related(_open_assignments()).order_by("position")
    )
    tasks = (
        Task.objects.filter(plan=plan).filter(_in_units(unit)).filter(_deadline_q(deadline, today))
        .distinct().prefetch_related(_open_assignments()).order_by("position")
    )
    target_groups: OrderedDict[str, Section] = OrderedDict()
    for t in targets:
        target_groups.setdefault(t.group, Section(code="", title=t.group)).items.append(t)
    task_sections: OrderedDict[tuple, Section] = OrderedDict()
    for t in tasks:
        _split_roles(t)
        task_sections.setdefault(
            (t.section_code, t.section_title), Section(code=t.section_code, title=t.section_title)
        ).items.append(t)
    for t in targets:
        _split_roles(t)
    return list(target_groups.values()), list(task_sections.values())


def _split_roles(obj) -> None:
    obj.leads = [a for a in obj.open_assignments if a.role == "lead"]
    obj.partners = [a for a in obj.open_assignments if a.role == "partner"]


def plan_units(plan: Plan) -> QuerySet[Unit]:
    """Units holding an open assignment in the plan (for the unit filter)."""
    return Unit.objects.filter(
        Q(assignments__task__plan=plan) | Q(assignments__target__plan=plan),
        assignments__ended_at__isnull=True,
    ).distinct().order_by("path")


@dataclass
class Cascade:
    plan: Plan
    parents: list[PlanLink]
    children: list[Plan]


def plan_cascade(user, plan: Plan) -> Cascade:
    """The documents a plan carries out, and the plans in the system that carry it out."""
    parents = list(plan.parent_links.select_related("parent").order_by("position"))
    children = list(
        visible_plans(user).filter(parent_links__parent=plan).distinct().order_by("-date", "id")
    )
    return Cascade(plan=plan, parents=parents, children=children)


def unit_work(user, unit: Unit, *, include_subunits: bool = True) -> tuple[list[Task], list[Target]]:
    """Open tasks and targets a unit (and its sub-units) answers for, across all plans."""
    ids = visible_unit_ids(user)
    if ids is not None and unit.pk not in ids:
        raise Http404("Không tìm thấy đơn vị, hoặc bạn không có quyền xem.")
    scope = Q(assignments__unit__path__startswith=unit.path) if include_subunits else Q(
        assignments__unit=unit
    )
    scope &= Q(assignments__ended_at__isnull=True)
    tasks = list(
        Task.objects.filter(scope).distinct().select_related("plan")
        .prefetch_related(_open_assignments()).order_by("due_date", "plan_id", "position")
    )
    targets = list(
        Target.objects.filter(scope).distinct().select_related("plan", "indicator")
        .prefetch_related(_open_assignments()).order_by("plan_id", "position")
    )
    for obj in (*tasks, *targets):
        _split_roles(obj)
    return tasks, targets


def get_unit(user, pk: int) -> Unit:
    ids = visible_unit_ids(user)
    try:
        unit = Unit.objects.select_related("parent", "successor").get(pk=pk)
    except Unit.DoesNotExist:
        raise Http404("Không tìm thấy đơn vị.") from None
    if ids is not None and unit.pk not in ids:
        raise Http404("Không tìm thấy đơn vị, hoặc bạn không có quyền xem.")
    return unit


def get_task(user, pk: int) -> Task:
    ids = visible_unit_ids(user)
    tasks = Task.objects.select_related("plan")
    if ids is not None:
        tasks = tasks.filter(assignments__unit_id__in=ids).distinct()
    try:
        task = tasks.prefetch_related(
            Prefetch("assignments", queryset=Assignment.objects.select_related(
                "unit", "transferred_from__unit").order_by("position", "started_at"))
        ).get(pk=pk)
    except Task.DoesNotExist:
        raise Http404("Không tìm thấy nhiệm vụ, hoặc bạn không có quyền xem.") from None
    return task


def get_indicator(user, pk: int) -> tuple[Indicator, list[Target]]:
    """An indicator and its targets across plans and years, limited to visible plans."""
    try:
        indicator = Indicator.objects.get(pk=pk)
    except Indicator.DoesNotExist:
        raise Http404("Không tìm thấy chỉ số.") from None
    targets = list(
        Target.objects.filter(indicator=indicator, plan__in=visible_plans(user))
        .select_related("plan").prefetch_related(_open_assignments())
        .order_by("year", "plan__date", "position")
    )
    if not targets and visible_unit_ids(user) is not None:
        raise Http404("Không tìm thấy chỉ số, hoặc bạn không có quyền xem.")
    for t in targets:
        _split_roles(t)
    return indicator, targets
