"""Scoped querysets for the API, built on ``accounts.scoping`` and ``plans.selectors``.

A unit user reads only what concerns the units of their subtree, exactly as on
the web pages: a task or target through its assignments (as ``selectors.get_task``),
a plan through ``selectors.visible_plans``, an indicator through the visible
plans' targets. Objects outside answer 404, never 403, so ids reveal nothing.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from theodoi.accounts.scoping import visible_unit_ids, visible_units
from theodoi.plans.models import Assignment, Indicator, Plan, PlanLink, Target, Task
from theodoi.plans.selectors import search_plans, visible_plans
from theodoi.units.models import Unit
from theodoi.vntext import fold

OPEN = Q(ended_at__isnull=True)


def open_assignments() -> Prefetch:
    return Prefetch(
        "assignments",
        queryset=Assignment.objects.filter(OPEN).select_related("unit").order_by("position", "id"),
        to_attr="open_assignments",
    )


def _assigned_to(ids: set[int], field: str) -> Exists:
    return Exists(Assignment.objects.filter(**{field: OuterRef("pk")}, unit_id__in=ids))


def _in_subtree(unit_id: int, field: str, role: str | None = None) -> Exists:
    unit = Unit.objects.filter(pk=unit_id).only("path").first()
    rows = Assignment.objects.filter(OPEN, **{field: OuterRef("pk")})
    rows = rows.filter(unit__path__startswith=unit.path) if unit else rows.none()
    if role:
        rows = rows.filter(role=role)
    return Exists(rows)


def plans(user, params: dict) -> QuerySet[Plan]:
    qs = search_plans(user, params.get("q", ""))
    if params.get("unit"):
        qs = qs.filter(Exists(Task.objects.filter(plan=OuterRef("pk")).filter(
            _in_subtree(params["unit"], "task"))) | Exists(Target.objects.filter(
                plan=OuterRef("pk")).filter(_in_subtree(params["unit"], "target"))))
    if params.get("issuing_unit"):
        qs = qs.filter(issuing_unit_id=params["issuing_unit"])
    if params.get("date_from"):
        qs = qs.filter(date__gte=params["date_from"])
    if params.get("date_to"):
        qs = qs.filter(date__lte=params["date_to"])
    return qs.prefetch_related(Prefetch(
        "parent_links", queryset=PlanLink.objects.order_by("position"), to_attr="parent_links_list"))


def plan_detail(user, pk: int) -> Plan:
    """A plan with its targets and tasks and their open assignments: five queries."""
    qs = visible_plans(user).filter(pk=pk).annotate(
        n_targets=Count("targets", distinct=True), n_tasks=Count("tasks", distinct=True),
    ).prefetch_related(
        Prefetch("parent_links", queryset=PlanLink.objects.order_by("position"),
                 to_attr="parent_links_list"),
        Prefetch("targets", queryset=Target.objects.order_by("position").prefetch_related(
            open_assignments()), to_attr="targets_list"),
        Prefetch("tasks", queryset=Task.objects.order_by("position").prefetch_related(
            open_assignments()), to_attr="tasks_list"),
    )
    plan = qs.first()
    if plan is None:
        raise Http404("Không tìm thấy kế hoạch, hoặc bạn không có quyền xem.")
    return plan


def plan_for_export(user, pk: int) -> Plan:
    plan = visible_plans(user).select_related("issuing_unit").filter(pk=pk).first()
    if plan is None:
        raise Http404("Không tìm thấy kế hoạch, hoặc bạn không có quyền xem.")
    return plan


def tasks(user, params: dict | None = None) -> QuerySet[Task]:
    params = params or {}
    qs = Task.objects.select_related("plan").prefetch_related(open_assignments())
    ids = visible_unit_ids(user)
    if ids is not None:
        qs = qs.filter(_assigned_to(ids, "task"))
    if params.get("plan"):
        qs = qs.filter(plan_id=params["plan"])
    if params.get("unit"):
        qs = qs.filter(_in_subtree(params["unit"], "task", params.get("role")))
    elif params.get("role"):
        qs = qs.filter(Exists(Assignment.objects.filter(OPEN, task=OuterRef("pk"), role=params["role"])))
    if params.get("due_from"):
        qs = qs.filter(due_date__gte=params["due_from"])
    if params.get("due_to"):
        qs = qs.filter(due_date__lte=params["due_to"])
    if params.get("deadline_kind"):
        qs = qs.filter(deadline_kind=params["deadline_kind"])
    if params.get("q"):
        qs = qs.filter(text__icontains=params["q"])
    return qs.order_by("plan_id", "position", "id")


def task_detail(user, pk: int) -> Task:
    task = tasks(user).filter(pk=pk).prefetch_related(Prefetch(
        "assignments", queryset=Assignment.objects.select_related("unit", "transferred_from")
        .order_by("position", "started_at", "id"), to_attr="all_assignments")).first()
    if task is None:
        raise Http404("Không tìm thấy nhiệm vụ, hoặc bạn không có quyền xem.")
    return task


def targets(user, params: dict | None = None) -> QuerySet[Target]:
    params = params or {}
    qs = Target.objects.select_related("plan").prefetch_related(open_assignments())
    ids = visible_unit_ids(user)
    if ids is not None:
        qs = qs.filter(_assigned_to(ids, "target"))
    if params.get("plan"):
        qs = qs.filter(plan_id=params["plan"])
    if params.get("unit"):
        qs = qs.filter(_in_subtree(params["unit"], "target"))
    if params.get("indicator"):
        qs = qs.filter(indicator_id=params["indicator"])
    if params.get("year_from"):
        qs = qs.filter(year__gte=params["year_from"])
    if params.get("year_to"):
        qs = qs.filter(year__lte=params["year_to"])
    return qs.order_by("plan_id", "position", "id")


def target_detail(user, pk: int) -> Target:
    target = targets(user).filter(pk=pk).first()
    if target is None:
        raise Http404("Không tìm thấy chỉ tiêu, hoặc bạn không có quyền xem.")
    return target


def units(user, params: dict | None = None) -> QuerySet[Unit]:
    params = params or {}
    qs = visible_units(user)
    if params.get("parent"):
        qs = qs.filter(parent_id=params["parent"])
    if params.get("kind"):
        qs = qs.filter(kind=params["kind"])
    if params.get("active") is not None:
        qs = qs.filter(is_active=params["active"])
    if params.get("q"):
        for word in fold(params["q"]).split():
            qs = qs.filter(key__contains=word)
    return qs.order_by("path")


def unit_detail(user, pk: int) -> Unit:
    unit = units(user).filter(pk=pk).first()
    if unit is None:
        raise Http404("Không tìm thấy đơn vị, hoặc bạn không có quyền xem.")
    return unit


def _visible_targets(user) -> QuerySet[Target]:
    ids = visible_unit_ids(user)
    if ids is None:
        return Target.objects.all()
    return Target.objects.filter(plan__in=visible_plans(user))


def indicators(user, params: dict | None = None) -> QuerySet[Indicator]:
    params = params or {}
    if visible_unit_ids(user) is None:
        qs = Indicator.objects.annotate(n_targets=Count("targets"))
    else:
        qs = Indicator.objects.annotate(n_targets=Count(
            "targets", filter=Q(targets__in=_visible_targets(user)), distinct=True,
        )).filter(n_targets__gt=0)
    if params.get("q"):
        # The key drops numbers ("5G" → "g"), so a word may also match the name as written.
        for word in params["q"].split():
            qs = qs.filter(Q(key__contains=fold(word)) | Q(name__icontains=word))
    return qs.order_by("name", "id")


def indicator_detail(user, pk: int) -> Indicator:
    """An indicator with its targets across plans and years (as ``selectors.get_indicator``)."""
    indicator = indicators(user).filter(pk=pk).prefetch_related(Prefetch(
        "targets", queryset=_visible_targets(user).select_related("plan")
        .prefetch_related(open_assignments()).order_by("year", "plan__date", "position", "id"),
        to_attr="targets_list")).first()
    if indicator is None:
        raise Http404("Không tìm thấy chỉ số, hoặc bạn không có quyền xem.")
    return indicator


# ---------------------------------------------------------------- computed statuses

def with_task_statuses(tasks: list[Task], *, today: dt.date | None = None) -> list[Task]:
    """Set ``computed_status`` on each task (``reporting.selectors.task_statuses``: one query)."""
    from theodoi.reporting.selectors import task_statuses

    for t in tasks:
        if not hasattr(t, "leads"):
            t.leads = [a for a in getattr(t, "open_assignments", []) if a.role == "lead"]
    statuses = task_statuses(tasks, today=today)
    for t in tasks:
        t.computed_status = statuses.get(t.pk, "")
    return tasks


def with_target_statuses(targets: list[Target]) -> list[Target]:
    """Set ``computed_status`` on each target (``reporting.selectors.target_statuses``)."""
    from theodoi.reporting.selectors import target_statuses

    statuses = target_statuses(targets) if targets else {}
    for t in targets:
        t.computed_status = statuses.get(t.pk, "")
    return targets


def task_ids_with_status(qs: QuerySet[Task], status: str, *, today: dt.date | None = None) -> list[int]:
    """Ids (in order) of the tasks of ``qs`` whose computed status is ``status``.

    Statuses are computed, not stored: this reads the matching tasks' deadlines and
    lead units (two queries) and the sent report items (one), whatever their number.
    """
    rows = list(qs.only("id", "plan_id", "due_date", "deadline_kind").prefetch_related(None))
    leads: dict[int, list] = {}
    for a in Assignment.objects.filter(OPEN, role="lead", task__in=qs).only("task_id", "unit_id"):
        leads.setdefault(a.task_id, []).append(a)
    for t in rows:
        t.leads = leads.get(t.pk, [])
    with_task_statuses(rows, today=today)
    return [t.pk for t in rows if t.computed_status == status]
