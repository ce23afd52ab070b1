"""Reads of the reporting cycle, scoped to the user. A fixed number of queries per page."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.utils import timezone

from theodoi.accounts.scoping import visible_unit_ids
from theodoi.audit.models import AuditEvent
from theodoi.audit.selectors import history_for
from theodoi.plans.models import Assignment, AssignmentRole, Plan, Target, Task
from theodoi.units.models import Unit

from . import calendar as cal
from . import permissions as perm
from . import status as st
from .models import (
    SENT_STATES,
    Evidence,
    ReportingPeriod,
    ReportState,
    ReportVersion,
    TargetReport,
    TaskReport,
    UnitReport,
    WorkStatus,
)
from .scope import expected_unit_ids, open_assignments, plans_reporting

NOT_FOUND = "Không tìm thấy báo cáo, hoặc bạn không có quyền xem."


# ---------------------------------------------------------------- single objects

def get_period(pk: int) -> ReportingPeriod:
    try:
        return ReportingPeriod.objects.get(pk=pk)
    except ReportingPeriod.DoesNotExist:
        raise Http404("Không tìm thấy kỳ báo cáo.") from None


def get_report(user, pk: int) -> UnitReport:
    """The report, or 404 when it does not exist or the user may not read it."""
    qs = UnitReport.objects.select_related("period", "unit")
    ids = visible_unit_ids(user)
    if ids is not None:
        qs = qs.filter(unit_id__in=ids)
    try:
        report = qs.get(pk=pk)
    except UnitReport.DoesNotExist:
        raise Http404(NOT_FOUND) from None
    if not perm.can_view(user, report):
        raise Http404(NOT_FOUND)
    return report


def get_evidence(user, report: UnitReport, pk: int) -> Evidence:
    try:
        return Evidence.objects.get(report=report, pk=pk)
    except Evidence.DoesNotExist:
        raise Http404("Không tìm thấy minh chứng.") from None


def get_version(report: UnitReport, number: int) -> ReportVersion:
    try:
        return ReportVersion.objects.get(report=report, number=number)
    except ReportVersion.DoesNotExist:
        raise Http404("Không có phiên bản này.") from None


def report_history(user, report: UnitReport) -> QuerySet[AuditEvent]:
    return history_for(user, object_type="reporting.unitreport", object_id=report.pk,
                       unit_ids=[report.unit_id])


def task_history(user, task: Task) -> QuerySet[AuditEvent]:
    """The task's own events and what units reported on it; unit users see their units' only."""
    ids = visible_unit_ids(user)
    return history_for(user, object_type="plans.task", object_id=task.pk,
                       unit_ids=None if ids is None else sorted(ids))


# ---------------------------------------------------------------- the report form

@dataclass
class TaskRow:
    task: Task
    is_lead: bool
    item: TaskReport | None = None
    prev: TaskReport | None = None
    evidence: list[Evidence] = field(default_factory=list)
    status: str = ""
    form: object = None


@dataclass
class TargetRow:
    target: Target
    item: TargetReport | None = None
    prev: TargetReport | None = None
    status: str = ""
    form: object = None

    @property
    def is_rate(self) -> bool:
        return "%" in (self.target.unit or "") or "tỷ lệ" in self.target.text.lower()

    @property
    def is_qualitative(self) -> bool:
        return self.target.comparator == "qualitative" or (
            self.target.value is None and self.target.comparator != "range")

    @property
    def is_cumulative(self) -> bool:
        ind = self.target.indicator
        return ind.is_cumulative if ind is not None else True


@dataclass
class PlanPart:
    """One plan's share of a unit's report: the form can be filled plan by plan."""
    plan: Plan
    tasks: int = 0
    targets: int = 0
    answered: int = 0


@dataclass
class ReportContent:
    report: UnitReport
    tasks: list[TaskRow]
    targets: list[TargetRow]
    loose_evidence: list[Evidence]
    previous: UnitReport | None
    parts: list[PlanPart] = field(default_factory=list)
    plan: Plan | None = None  # the plan shown when the form is narrowed to one
    total_tasks: int = 0

    @property
    def lead_rows(self) -> list[TaskRow]:
        return [r for r in self.tasks if r.is_lead]

    @property
    def partner_rows(self) -> list[TaskRow]:
        return [r for r in self.tasks if not r.is_lead]


def report_content(report: UnitReport, *, today: dt.date | None = None, plan_id: int | None = None,
                   split_over: int | None = None) -> ReportContent:
    """Tasks (lead first), targets, this report's answers, last period's answers, evidence.

    ``plan_id`` narrows the tasks and targets to one plan; ``split_over`` narrows
    to the first plan when the unit has more tasks than that (a department with
    hundreds of tasks fills its report plan by plan). Nine queries whatever the
    number of tasks.
    """
    today = today or timezone.localdate()
    period = report.period
    plans = plans_reporting(period.frequency).values("pk")
    assignments = (
        Assignment.objects.filter(unit_id=report.unit_id, ended_at__isnull=True,
                                  task__plan__in=plans)
        .select_related("task__plan").order_by("task__plan__date", "task__plan_id", "task__position")
    )
    rows: dict[int, TaskRow] = {}
    for a in assignments:
        row = rows.get(a.task_id)
        if row is None:
            rows[a.task_id] = TaskRow(task=a.task, is_lead=a.role == AssignmentRole.LEAD)
        elif a.role == AssignmentRole.LEAD:
            row.is_lead = True
    targets = [
        TargetRow(target=a.target) for a in
        Assignment.objects.filter(unit_id=report.unit_id, ended_at__isnull=True,
                                  role=AssignmentRole.LEAD, target__plan__in=plans)
        .select_related("target__plan", "target__indicator")
        .order_by("target__plan__date", "target__plan_id", "target__position")
    ]
    targets = list({r.target.pk: r for r in targets}.values())
    previous = (UnitReport.objects.filter(unit_id=report.unit_id, period__frequency=period.frequency,
                                          period__end__lt=period.start)
                .order_by("-period__end").select_related("period").first())
    items = {i.task_id: i for i in TaskReport.objects.filter(report=report)}
    t_items = {i.target_id: i for i in TargetReport.objects.filter(report=report)}
    prev_items, prev_t_items = {}, {}
    if previous is not None:
        prev_items = {i.task_id: i for i in TaskReport.objects.filter(report=previous)}
        prev_t_items = {i.target_id: i for i in TargetReport.objects.filter(report=previous)}
    loose = []
    for ev in Evidence.objects.filter(report=report):
        if ev.task_id in rows:
            rows[ev.task_id].evidence.append(ev)
        else:
            loose.append(ev)
    parts = _plan_parts(rows, targets, items, t_items)
    total_tasks = len(rows)
    if plan_id is None and split_over is not None and total_tasks > split_over and len(parts) > 1:
        plan_id = parts[0].plan.pk
    chosen = next((p.plan for p in parts if p.plan.pk == plan_id), None)
    if chosen is not None:
        rows = {k: r for k, r in rows.items() if r.task.plan_id == chosen.pk}
        targets = [r for r in targets if r.target.plan_id == chosen.pk]
    statuses = task_statuses([r.task for r in rows.values()], today=today)
    for task_id, row in rows.items():
        row.item = items.get(task_id)
        row.prev = prev_items.get(task_id)
        row.status = statuses.get(task_id, "")
    for row in targets:
        row.item = t_items.get(row.target.pk)
        row.prev = prev_t_items.get(row.target.pk)
    ordered = sorted(rows.values(), key=lambda r: not r.is_lead)  # stable: lead tasks first
    return ReportContent(report=report, tasks=ordered, targets=targets, loose_evidence=loose,
                         previous=previous, parts=parts, plan=chosen, total_tasks=total_tasks)


def _plan_parts(rows: dict[int, TaskRow], targets: list[TargetRow], items: dict, t_items: dict
                ) -> list[PlanPart]:
    """Each plan of the report with its task and target counts and how many are answered."""
    parts: dict[int, PlanPart] = {}
    for task_id, row in rows.items():
        part = parts.setdefault(row.task.plan_id, PlanPart(plan=row.task.plan))
        part.tasks += 1
        part.answered += task_id in items
    for row in targets:
        part = parts.setdefault(row.target.plan_id, PlanPart(plan=row.target.plan))
        part.targets += 1
        part.answered += row.target.pk in t_items
    return list(parts.values())


# ---------------------------------------------------------------- computed task status in bulk

@dataclass
class SentTaskItems:
    """The latest sent lead item per task and unit, and the tasks reported in the current period."""

    latest: dict[int, dict[int, dict]]
    recent: set[int]


def load_sent_task_items(tasks: list[Task], *, today: dt.date, by_plan: bool = False) -> SentTaskItems:
    """One query. ``by_plan`` loads every task of the tasks' plans (so sections can share it)."""
    items = TaskReport.objects.filter(is_lead=True, report__state__in=SENT_STATES)
    if by_plan:
        items = items.filter(task__plan_id__in={t.plan_id for t in tasks})
    else:
        items = items.filter(task_id__in=[t.pk for t in tasks])
    latest: dict[int, dict[int, dict]] = defaultdict(dict)
    # A recurring task counts as reported when an item covers the current or the last period.
    recent_cutoff = cal.period_containing(cal.MONTHLY, today).start - dt.timedelta(days=1)
    recent: set[int] = set()
    for row in items.values("task_id", "report__unit_id", "status", "progress", "completed_on",
                            "report__period__end").order_by("report__period__end", "id"):
        latest[row["task_id"]][row["report__unit_id"]] = row
        if row["report__period__end"] >= recent_cutoff:
            recent.add(row["task_id"])
    return SentTaskItems(latest=dict(latest), recent=recent)


def task_statuses(tasks: list[Task], *, today: dt.date | None = None,
                  loaded: SentTaskItems | None = None) -> dict[int, str]:
    """Status code per task id, from the items units have sent. One query (none if ``loaded``).

    A task with several lead units is done when each of them reported it done;
    the completion date is the latest of theirs.
    """
    today = today or timezone.localdate()
    if not tasks:
        return {}
    loaded = loaded or load_sent_task_items(tasks, today=today)
    return {t.pk: _status_for(t, loaded.latest.get(t.pk, {}), today, t.pk in loaded.recent)
            for t in tasks}


def _status_for(task: Task, by_unit: dict[int, dict], today: dt.date, recent: bool) -> str:
    leads = getattr(task, "leads", None)
    lead_ids = {a.unit_id for a in leads} if leads else set(by_unit)
    rows = [by_unit[u] for u in lead_ids if u in by_unit]
    all_done = bool(rows) and len(rows) == len(lead_ids) and all(
        r["status"] == WorkStatus.DONE for r in rows)
    done_on = max((r["completed_on"] or r["report__period__end"]) for r in rows) if all_done else None
    started = any(r["status"] in (WorkStatus.ONGOING, WorkStatus.DONE) or (r["progress"] or 0) > 0
                  for r in rows)
    return st.task_status(due=task.due_date, recurring=task.is_recurring, today=today,
                          done_on=done_on, started=started, reported_this_period=recent)


def target_statuses(targets: list[Target]) -> dict[int, str]:
    """Đạt / Chưa đạt / Chưa có số liệu per target, from its latest accepted value. One query."""
    latest: dict[int, dict] = {}
    for row in (TargetReport.objects.filter(target_id__in=[t.pk for t in targets],
                                            report__state=ReportState.ACCEPTED)
                .values("target_id", "value", "qualitative_met", "report__period__end")
                .order_by("report__period__end", "id")):
        latest[row["target_id"]] = row
    out = {}
    for t in targets:
        row = latest.get(t.pk) or {}
        out[t.pk] = st.target_status(comparator=t.comparator, value=t.value, value_max=t.value_max,
                                     reached=row.get("value"),
                                     qualitative_met=row.get("qualitative_met"))
    return out


# ---------------------------------------------------------------- unit's reports

@dataclass
class ReportSlot:
    period: ReportingPeriod
    unit: Unit
    report: UnitReport | None
    timeliness: str
    expected: bool


def my_reports(user, *, today: dt.date | None = None, recent_days: int = 62) -> list[ReportSlot]:
    """Open periods and recently closed ones, for each unit of the user's subtree that has work."""
    today = today or timezone.localdate()
    ids = visible_unit_ids(user)
    periods = list(ReportingPeriod.objects.filter(
        start__lte=today, due__gte=today - dt.timedelta(days=recent_days)).order_by("-end", "frequency"))
    units_by_freq: dict[str, dict[int, bool]] = {}
    units: dict[int, Unit] = {}
    for freq in {p.frequency for p in periods}:
        rows = open_assignments(freq, lead_only=False)
        if ids is not None:
            rows = rows.filter(unit_id__in=ids)
        found: dict[int, bool] = {}
        for a in rows.select_related("unit").only("unit", "role"):
            found[a.unit_id] = found.get(a.unit_id, False) or a.role == AssignmentRole.LEAD
            units[a.unit_id] = a.unit
        units_by_freq[freq] = found
    reports = {(r.period_id, r.unit_id): r for r in UnitReport.objects.filter(
        period__in=periods, unit_id__in=list(units)).select_related("period")}
    slots = []
    for p in periods:
        for uid, expected in sorted(units_by_freq.get(p.frequency, {}).items(),
                                    key=lambda kv: units[kv[0]].path):
            r = reports.get((p.pk, uid))
            if r is not None:
                r.period = p
            sent_on = timezone.localdate(r.first_sent_at) if r and r.first_sent_at else None
            slots.append(ReportSlot(period=p, unit=units[uid], report=r, expected=expected,
                                    timeliness=st.timeliness(due=p.due, sent_on=sent_on, today=today)))
    return slots


# ---------------------------------------------------------------- who has sent

@dataclass
class UnitRow:
    unit: Unit
    report: UnitReport | None
    timeliness: str
    overdue_tasks: list[Task] = field(default_factory=list)


@dataclass
class SubmissionStatus:
    period: ReportingPeriod
    rows: list[UnitRow]
    counts: st.Counts


_ORDER = {st.MISSING: 0, st.EXPECTED: 1, st.LATE: 2, st.ON_TIME: 3}


def submission_status(period: ReportingPeriod, *, today: dt.date | None = None) -> SubmissionStatus:
    """Every expected unit with its report's state, timeliness and its overdue tasks. Three queries."""
    today = today or timezone.localdate()
    units = list(Unit.objects.filter(pk__in=expected_unit_ids(period)).order_by("path"))
    reports = {r.unit_id: r for r in UnitReport.objects.filter(period=period)}
    done_items = TaskReport.objects.filter(
        task_id=OuterRef("task_id"), report__unit_id=OuterRef("unit_id"), is_lead=True,
        status=WorkStatus.DONE, report__state__in=SENT_STATES)
    overdue: dict[int, list[Task]] = defaultdict(list)
    for a in (open_assignments(period.frequency).filter(
            task__due_date__lt=today, unit_id__in=[u.pk for u in units])
            .exclude(task__deadline_kind="recurring")
            .exclude(Exists(done_items))
            .select_related("task__plan").order_by("task__due_date", "task_id")):
        overdue[a.unit_id].append(a.task)
    rows = []
    for u in units:
        r = reports.get(u.pk)
        if r is not None:
            r.period = period
        sent_on = timezone.localdate(r.first_sent_at) if r and r.first_sent_at else None
        rows.append(UnitRow(unit=u, report=r, overdue_tasks=overdue.get(u.pk, []),
                            timeliness=st.timeliness(due=period.due, sent_on=sent_on, today=today)))
    rows.sort(key=lambda row: (_ORDER[row.timeliness], -len(row.overdue_tasks), row.unit.path))
    return SubmissionStatus(period=period, rows=rows,
                            counts=st.count_timeliness([r.timeliness for r in rows]))


def recent_periods(*, today: dt.date | None = None, limit: int = 40) -> list[ReportingPeriod]:
    today = today or timezone.localdate()
    return list(ReportingPeriod.objects.filter(start__lte=today).order_by("-end", "frequency")[:limit])


def default_period(periods: list[ReportingPeriod], today: dt.date) -> ReportingPeriod | None:
    """The monthly period whose due date is nearest in the past or now (the one to follow)."""
    monthly = [p for p in periods if p.frequency == cal.MONTHLY]
    past_due = [p for p in monthly if p.end < today]
    return (past_due or monthly or periods or [None])[0]
