"""The leaders' figures, aggregated in a fixed number of queries whatever the number of rows.

One query per kind of data (tasks, lead assignments, report items grouped per task
and unit, plans, units, targets, latest target values, periods, expected units,
unit reports); everything else is counted in Python over those rows. Nothing here
issues a query per task, per unit or per period.

Task statuses follow ``reporting.selectors.task_statuses`` (the Government
Office's classification): the report items are grouped in SQL per (task, lead
unit) into "last period reported", "last period reported done", "last period
reported started", so the 24 periods × 6,000 tasks of a province's history come
back as one row per task and unit instead of one per item.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Exists, Min, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from theodoi.plans.models import Assignment, AssignmentRole, Plan, Target, Task
from theodoi.reporting import calendar as cal
from theodoi.reporting import status as st
from theodoi.reporting.models import (
    SENT_STATES,
    ReportingPeriod,
    ReportState,
    TargetReport,
    TaskReport,
    UnitReport,
    WorkStatus,
)
from theodoi.reporting.scope import plans_reporting
from theodoi.units.models import Unit

from . import scoring

# Display order of task statuses, and the Vietnamese URL slugs of the drill-downs.
STATUS_ORDER = [st.OVERDUE, st.IN_PROGRESS, st.NOT_DUE, st.DONE_ON_TIME, st.DONE_LATE, st.DONE,
                st.REPORTED, st.NOT_REPORTED]
DONE_CODES = frozenset({st.DONE_ON_TIME, st.DONE_LATE, st.DONE})
RECURRING_CODES = frozenset({st.REPORTED, st.NOT_REPORTED})
STATUS_SLUGS = {
    "cham": st.OVERDUE, "dang-thuc-hien": st.IN_PROGRESS, "chua-den-han": st.NOT_DUE,
    "dung-han": st.DONE_ON_TIME, "qua-han": st.DONE_LATE, "hoan-thanh": st.DONE,
    "da-bao-cao": st.REPORTED, "chua-bao-cao": st.NOT_REPORTED,
}
SLUG_OF = {code: slug for slug, code in STATUS_SLUGS.items()}
# Groups of statuses a figure may stand for.
GROUP_SLUGS: dict[str, frozenset[str]] = {
    "da-xong": DONE_CODES,
    "thuong-xuyen": RECURRING_CODES,
    "den-han": frozenset({st.DONE_ON_TIME, st.DONE_LATE, st.OVERDUE}),
}
TARGET_SLUGS = {"dat": st.REACHED, "chua-dat": st.NOT_REACHED, "chua-co-so-lieu": st.NO_DATA}
TARGET_SLUG_OF = {code: slug for slug, code in TARGET_SLUGS.items()}
AT_RISK_SLUG = "nguy-co"


def statuses_for_slug(slug: str) -> frozenset[str] | None:
    """The status codes a drill-down slug selects; None for "every status"."""
    if slug in STATUS_SLUGS:
        return frozenset({STATUS_SLUGS[slug]})
    return GROUP_SLUGS.get(slug)


# ---------------------------------------------------------------- scope

@dataclass(frozen=True)
class Scope:
    """What the figures cover: some plans (None: all), a unit's subtree (None: the province)."""

    plan_ids: tuple[int, ...] | None = None
    unit: Unit | None = None
    public_only: bool = False

    @property
    def filtered(self) -> bool:
        return self.plan_ids is not None or self.unit is not None or self.public_only

    def in_unit(self, path: str) -> bool:
        return self.unit is None or path.startswith(self.unit.path)


def _lead_in_subtree(scope: Scope, field_name: str) -> Exists:
    return Exists(Assignment.objects.filter(
        **{field_name: OuterRef("pk")}, ended_at__isnull=True, role=AssignmentRole.LEAD,
        unit__path__startswith=scope.unit.path))


def task_queryset(scope: Scope) -> QuerySet[Task]:
    qs = Task.objects.all()
    if scope.plan_ids is not None:
        qs = qs.filter(plan_id__in=scope.plan_ids)
    if scope.public_only:
        qs = qs.filter(plan__is_public=True)
    if scope.unit is not None:
        qs = qs.filter(_lead_in_subtree(scope, "task"))
    return qs


def target_queryset(scope: Scope) -> QuerySet[Target]:
    qs = Target.objects.all()
    if scope.plan_ids is not None:
        qs = qs.filter(plan_id__in=scope.plan_ids)
    if scope.public_only:
        qs = qs.filter(plan__is_public=True)
    if scope.unit is not None:
        qs = qs.filter(_lead_in_subtree(scope, "target"))
    return qs


# ---------------------------------------------------------------- task facts

@dataclass
class TaskFact:
    """One task's computed status and what the figures need of it (no model instance)."""

    id: int
    plan_id: int
    section_code: str
    section_title: str
    position: int
    due: dt.date | None
    recurring: bool
    lead_ids: list[int]
    status: str = ""
    days_overdue: int = 0
    done_on: dt.date | None = None

    def done_by(self, day: dt.date) -> bool:
        """Reported done with a completion date on or before ``day`` (for the trend)."""
        return self.done_on is not None and self.done_on <= day and not self.recurring

    def overdue_at(self, day: dt.date) -> bool:
        return (not self.recurring and self.due is not None and self.due < day
                and not self.done_by(day))


@dataclass
class ReportIndex:
    """Every unit report's id, unit, period, state and send date: one query, a few thousand rows.

    Finding each unit's latest report here lets the item queries read only the
    items of those reports (one per unit) instead of a province's whole history.
    """

    rows: list[dict]

    @classmethod
    def load(cls, *, until: dt.date | None = None) -> ReportIndex:
        qs = UnitReport.objects.all()
        if until is not None:
            qs = qs.filter(period__end__lte=until)
        return cls(list(qs.values("id", "unit_id", "period_id", "state", "first_sent_at",
                                  "period__end").order_by()))

    def end_of(self) -> dict[int, dt.date]:
        return {r["id"]: r["period__end"] for r in self.rows}

    def latest_ids(self, states: Iterable[str], *, first: bool = False) -> list[int]:
        """Per unit, the id of its latest (or ``first``) report in ``states``."""
        states = set(states)
        best: dict[int, tuple] = {}
        for r in self.rows:
            if r["state"] not in states:
                continue
            key = (r["period__end"], r["id"])
            old = best.get(r["unit_id"])
            if old is None or (key < old if first else key > old):
                best[r["unit_id"]] = key
        return [key[1] for key in best.values()]


def load_task_facts(scope: Scope, *, as_of: dt.date, until: dt.date | None = None,
                    states: Iterable[str] = SENT_STATES,
                    reports: ReportIndex | None = None) -> list[TaskFact]:
    """Every task of the scope with its status on ``as_of``; four queries (three with ``reports``).

    Same rules as ``reporting.selectors.task_statuses``: the latest lead item of
    each lead unit decides. Those items are nearly all in each unit's latest
    report, so that report's items are read first; only tasks a lead unit left
    out of its latest report are looked up in the older ones (a fifth query).
    ``until`` keeps the reports of periods ending by that date (a report "as at"
    a cut-off); ``states`` which reports count (sent; only accepted for the public).
    """
    states = list(states)
    reports = reports or ReportIndex.load(until=until)
    tasks = task_queryset(scope)
    facts = {
        row["id"]: TaskFact(
            id=row["id"], plan_id=row["plan_id"], section_code=row["section_code"],
            section_title=row["section_title"], position=row["position"], due=row["due_date"],
            recurring=row["deadline_kind"] == "recurring", lead_ids=[])
        for row in tasks.values("id", "plan_id", "section_code", "section_title", "position",
                                "due_date", "deadline_kind").order_by("plan_id", "position", "id")
    }
    leads = Assignment.objects.filter(ended_at__isnull=True, role=AssignmentRole.LEAD,
                                      task__isnull=False)
    if scope.filtered:
        leads = leads.filter(task__in=tasks.values("pk"))
    for task_id, unit_id in leads.values_list("task_id", "unit_id").order_by("position", "id"):
        fact = facts.get(task_id)
        if fact is not None and unit_id not in fact.lead_ids:
            fact.lead_ids.append(unit_id)

    end_of = reports.end_of()
    unit_of = {r["id"]: r["unit_id"] for r in reports.rows}
    latest_ids = reports.latest_ids(states)
    fields = ("task_id", "report_id", "status", "progress", "completed_on", "id")
    by_task: dict[int, dict[int, dict]] = defaultdict(dict)

    def keep(row: dict) -> None:
        row["end"] = end_of[row["report_id"]]
        slot = by_task[row["task_id"]]
        unit = unit_of[row["report_id"]]
        old = slot.get(unit)
        if old is None or (row["end"], row["id"]) > (old["end"], old["id"]):
            slot[unit] = row

    items = TaskReport.objects.filter(is_lead=True)
    if scope.filtered:
        items = items.filter(task__in=tasks.values("pk"))
    for row in items.filter(report_id__in=latest_ids).values(*fields).order_by():
        keep(row)
    missing = [f.id for f in facts.values()
               if not f.lead_ids or any(u not in by_task.get(f.id, {}) for u in f.lead_ids)]
    if missing:
        older = TaskReport.objects.filter(is_lead=True, report__state__in=states).exclude(
            report_id__in=latest_ids)
        if until is not None:
            older = older.filter(report__period__end__lte=until)
        # A long id list is slower than the scope's own subquery; both are one query.
        older = older.filter(task_id__in=missing) if len(missing) <= 2000 else older.filter(
            task__in=tasks.values("pk"))
        for row in older.values(*fields).order_by():
            if row["report_id"] in end_of:
                keep(row)

    # As reporting.selectors.load_sent_task_items: a recurring task counts as reported
    # when an item covers the current or the last monthly period.
    recent_cutoff = cal.period_containing(cal.MONTHLY, as_of).start - dt.timedelta(days=1)
    for fact in facts.values():
        _classify(fact, by_task.get(fact.id, {}), as_of, recent_cutoff)
    return list(facts.values())


def _classify(fact: TaskFact, by_unit: dict[int, dict], today: dt.date,
              recent_cutoff: dt.date) -> None:
    lead_ids = set(fact.lead_ids) or set(by_unit)
    rows = [by_unit[u] for u in lead_ids if u in by_unit]
    all_done = bool(rows) and len(rows) == len(lead_ids) and all(
        r["status"] == WorkStatus.DONE for r in rows)
    done_on = max((r["completed_on"] or r["end"]) for r in rows) if all_done else None
    started = any(r["status"] in (WorkStatus.ONGOING, WorkStatus.DONE) or (r["progress"] or 0) > 0
                  for r in rows)
    recent = any(r["end"] >= recent_cutoff for r in by_unit.values())
    fact.status = st.task_status(due=fact.due, recurring=fact.recurring, today=today,
                                 done_on=done_on, started=started, reported_this_period=recent)
    fact.done_on = done_on
    if fact.status == st.OVERDUE and fact.due is not None:
        fact.days_overdue = (today - fact.due).days


# ---------------------------------------------------------------- tallies

@dataclass
class Tally:
    """Tasks counted by computed status."""

    counts: Counter = field(default_factory=Counter)

    def add(self, code: str) -> None:
        self.counts[code] += 1

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def overdue(self) -> int:
        return self.counts[st.OVERDUE]

    @property
    def in_progress(self) -> int:
        return self.counts[st.IN_PROGRESS]

    @property
    def not_due(self) -> int:
        return self.counts[st.NOT_DUE]

    @property
    def done_on_time(self) -> int:
        return self.counts[st.DONE_ON_TIME]

    @property
    def done_late(self) -> int:
        return self.counts[st.DONE_LATE]

    @property
    def done(self) -> int:
        return sum(self.counts[c] for c in DONE_CODES)

    @property
    def recurring(self) -> int:
        return sum(self.counts[c] for c in RECURRING_CODES)

    @property
    def due(self) -> int:
        """Tasks whose deadline has come: done (on time or late) or overdue."""
        return self.done_on_time + self.done_late + self.overdue

    @property
    def on_time_rate(self) -> float | None:
        """Done on time among tasks due (None when nothing is due yet)."""
        return self.done_on_time / self.due if self.due else None

    @property
    def done_percent(self) -> int:
        countable = self.total - self.recurring
        return round(100 * self.done / countable) if countable else 0

    def rows(self) -> list[tuple[str, str, str, str, int]]:
        """(code, label, css, slug, count) in display order, every status present."""
        return [(c, *st.task_label(c), SLUG_OF[c], self.counts[c]) for c in STATUS_ORDER
                if self.counts[c]]


# ---------------------------------------------------------------- the dashboard

@dataclass
class SectionRow:
    code: str
    title: str
    tally: Tally = field(default_factory=Tally)


@dataclass
class PlanRow:
    id: int
    label: str
    title: str
    is_public: bool
    tally: Tally = field(default_factory=Tally)
    sections: dict[str, SectionRow] = field(default_factory=dict)

    @property
    def section_rows(self) -> list[SectionRow]:
        return list(self.sections.values())


@dataclass
class UnitRow:
    id: int
    name: str
    path: str
    tally: Tally = field(default_factory=Tally)
    expected: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    score: float | None = None
    band: str = ""
    rank: int | None = None

    @property
    def reporting_rate(self) -> float | None:
        return self.on_time / self.expected if self.expected else None

    @property
    def band_css(self) -> str:
        return scoring.BAND_CSS.get(self.band, "")


@dataclass
class OverdueRow:
    task_id: int
    plan_id: int
    plan_label: str
    code: str
    text: str
    due: dt.date
    days: int
    leads: list[tuple[int, str]]


@dataclass
class TargetRow:
    id: int
    plan_id: int
    plan_label: str
    code: str
    text: str
    unit: str
    goal: str
    status: str
    value: Decimal | None = None
    qualitative_met: bool | None = None
    as_of: dt.date | None = None
    deadline: dt.date | None = None
    projected: Decimal | None = None
    at_risk: bool = False


@dataclass
class TargetSummary:
    counts: Counter = field(default_factory=Counter)
    rows: list[TargetRow] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def reached(self) -> int:
        return self.counts[st.REACHED]

    @property
    def not_reached(self) -> int:
        return self.counts[st.NOT_REACHED]

    @property
    def no_data(self) -> int:
        return self.counts[st.NO_DATA]

    @property
    def at_risk(self) -> list[TargetRow]:
        return [r for r in self.rows if r.at_risk]


@dataclass
class TrendPoint:
    period_id: int
    label: str
    end: dt.date
    expected: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    done: int = 0
    overdue: int = 0

    @property
    def on_time_percent(self) -> float | None:
        return round(100 * self.on_time / self.expected, 1) if self.expected else None


@dataclass
class Dashboard:
    as_of: dt.date
    scope: Scope
    frequency: str
    tally: Tally
    plans: list[PlanRow]
    units: list[UnitRow]  # every unit with lead tasks or owing reports, ranked
    overdue: list[OverdueRow]
    targets: TargetSummary
    trends: list[TrendPoint]
    scoring: scoring.Scoring

    @property
    def latest(self) -> TrendPoint | None:
        return self.trends[-1] if self.trends else None

    @property
    def reporting_totals(self) -> tuple[int, int]:
        """(on time, expected) over the ranking window, every unit together."""
        return (sum(u.on_time for u in self.units), sum(u.expected for u in self.units))

    @property
    def reporting_rate(self) -> float | None:
        on_time, expected = self.reporting_totals
        return on_time / expected if expected else None

    @property
    def band_counts(self) -> list[tuple[str, str, int]]:
        counts = Counter(u.band for u in self.units if u.band)
        return [(name, scoring.BAND_CSS.get(name, ""), counts[name])
                for _low, name in self.scoring.bands]


def plan_label(row: dict) -> str:
    if row.get("number"):
        return f"{row['kind'].capitalize()} số {row['number']}"
    title = row.get("title") or ""
    return f"{row['kind'].capitalize()} {title[:60]}{'…' if len(title) > 60 else ''}"


def plan_rows(scope: Scope) -> dict[int, dict]:
    plans = Plan.objects.all()
    if scope.plan_ids is not None:
        plans = plans.filter(pk__in=scope.plan_ids)
    if scope.public_only:
        plans = plans.filter(is_public=True)
    return {r["id"]: r for r in plans.values("id", "number", "kind", "title", "is_public", "date")
            .order_by("-date", "-id")}


def build(scope: Scope, *, today: dt.date | None = None,
          frequency: str | None = None) -> Dashboard:
    """The whole dashboard for ``scope`` as of ``today``: a dozen queries whatever the size."""
    today = today or timezone.localdate()
    frequency = frequency or settings.THEODOI_DEFAULT_FREQUENCIES[0]
    conf = scoring.current()
    reports = ReportIndex.load()
    facts = load_task_facts(scope, as_of=today, reports=reports)
    plans = plan_rows(scope)

    tally = Tally()
    plan_out: dict[int, PlanRow] = {}
    for pid, row in plans.items():
        plan_out[pid] = PlanRow(id=pid, label=plan_label(row), title=row["title"],
                                is_public=row["is_public"])
    by_unit: dict[int, Tally] = defaultdict(Tally)
    for f in facts:
        tally.add(f.status)
        prow = plan_out.get(f.plan_id)
        if prow is not None:
            prow.tally.add(f.status)
            prow.sections.setdefault(f.section_code, SectionRow(
                f.section_code, f.section_title)).tally.add(f.status)
        for uid in f.lead_ids:
            by_unit[uid].add(f.status)

    # Reporting timeliness: closed periods (past their due date), latest last.
    window = max(conf.reporting_periods, settings.THEODOI_DASHBOARD_TREND_PERIODS)
    periods = list(ReportingPeriod.objects.filter(frequency=frequency, due__lt=today)
                   .order_by("-end")[:window])[::-1]
    expected_since = _expected_units(scope, frequency)
    unit_ids = set(by_unit) | set(expected_since)
    units = {u["id"]: u for u in Unit.objects.filter(pk__in=unit_ids).values(
        "id", "name", "short_name", "path")}
    unit_out = {uid: UnitRow(id=uid, name=u["name"], path=u["path"], tally=by_unit.get(uid, Tally()))
                for uid, u in units.items() if scope.in_unit(u["path"])}
    window_ids = {p.pk for p in periods}
    sent = {(r["unit_id"], r["period_id"]): timezone.localdate(r["first_sent_at"])
            for r in reports.rows if r["period_id"] in window_ids and r["first_sent_at"]}
    ranking_periods = {p.pk for p in periods[-conf.reporting_periods:]}
    trends = [TrendPoint(period_id=p.pk, label=p.label, end=p.end)
              for p in periods[-settings.THEODOI_DASHBOARD_TREND_PERIODS:]]
    trend_of = {t.period_id: t for t in trends}
    for uid, since in expected_since.items():
        urow = unit_out.get(uid)
        if urow is None:
            continue
        for p in periods:
            if since is not None and since > p.end:
                continue  # no plan of the unit existed yet in that period
            code = st.timeliness(due=p.due, sent_on=sent.get((uid, p.pk)), today=today)
            for target in ((urow,) if p.pk in ranking_periods else ()) + (
                    (trend_of[p.pk],) if p.pk in trend_of else ()):
                target.expected += 1
                target.on_time += code == st.ON_TIME
                target.late += code == st.LATE
                target.missing += code == st.MISSING
    for point in trends:
        for f in facts:
            point.done += f.done_by(point.end)
            point.overdue += f.overdue_at(point.end)

    ranked = _rank(list(unit_out.values()), conf)
    overdue = _overdue_rows(facts, plans, units)
    targets = target_summary(scope, today=today, plans=plans, reports=reports)
    return Dashboard(as_of=today, scope=scope, frequency=frequency, tally=tally,
                     plans=[p for p in plan_out.values() if p.tally.total or not scope.unit],
                     units=ranked, overdue=overdue, targets=targets, trends=trends, scoring=conf)


def _expected_units(scope: Scope, frequency: str) -> dict[int, dt.date | None]:
    """Units owing a report at ``frequency``, with the date of their earliest plan. One query."""
    rows = Assignment.objects.filter(
        Q(task__plan__in=plans_reporting(frequency).values("pk"))
        | Q(target__plan__in=plans_reporting(frequency).values("pk")),
        ended_at__isnull=True, role=AssignmentRole.LEAD, unit__pending=False, unit__is_active=True)
    if scope.plan_ids is not None:
        rows = rows.filter(Q(task__plan_id__in=scope.plan_ids) | Q(target__plan_id__in=scope.plan_ids))
    if scope.unit is not None:
        rows = rows.filter(unit__path__startswith=scope.unit.path)
    return {r["unit_id"]: r["since"] for r in rows.values("unit_id").order_by().annotate(
        since=Min(Coalesce("task__plan__date", "target__plan__date")))}


def _rank(rows: list[UnitRow], conf: scoring.Scoring) -> list[UnitRow]:
    for r in rows:
        r.score = scoring.score(completion_rate=r.tally.on_time_rate,
                                reporting_rate=r.reporting_rate, overdue=r.tally.overdue,
                                scoring=conf)
        r.band = scoring.band(r.score, conf.bands)
    rows.sort(key=lambda r: (r.score is None, -(r.score or 0), -r.tally.done_on_time, r.path))
    rank = 0
    for r in rows:
        if r.score is not None:
            rank += 1
            r.rank = rank
    return rows


def _overdue_rows(facts: list[TaskFact], plans: dict[int, dict],
                  units: dict[int, dict]) -> list[OverdueRow]:
    late = [f for f in facts if f.status == st.OVERDUE]
    late.sort(key=lambda f: (-f.days_overdue, f.plan_id, f.position))
    if not late:
        return []
    shown = {pk: (code, text) for pk, code, text in Task.objects.filter(
        pk__in=[f.id for f in late[:OVERDUE_LIST]]).values_list("pk", "code", "text")}
    out = []
    for f in late[:OVERDUE_LIST]:
        p = plans.get(f.plan_id, {})
        out.append(OverdueRow(
            task_id=f.id, plan_id=f.plan_id, plan_label=plan_label(p) if p else "",
            code=shown.get(f.id, ("", ""))[0], text=shown.get(f.id, ("", ""))[1], due=f.due,
            days=f.days_overdue,
            leads=[(u, units[u]["short_name"] or units[u]["name"]) for u in f.lead_ids
                   if u in units]))
    return out


# The dashboard shows the longest-overdue tasks; the drill-down lists them all.
OVERDUE_LIST = 50


# ---------------------------------------------------------------- targets

def goal_text(t: dict) -> str:
    """How a target's goal is written: "≥ 70 %", "0,73 – 0,8 Điểm", or its qualitative text."""
    from theodoi.documents import format_number

    if t["comparator"] == "qualitative" or (t["value"] is None and t["comparator"] != "range"):
        return t["qualitative"] or "Định tính"
    if t["comparator"] == "range":
        text = f"{format_number(t['value'] or 0)} – {format_number(t['value_max'] or 0)}"
    else:
        sign = {">=": "≥ ", "<=": "≤ ", "=": ""}.get(t["comparator"], "")
        text = f"{sign}{format_number(t['value'])}"
    return f"{text} {t['unit']}".strip()


def target_summary(scope: Scope, *, today: dt.date, plans: dict[int, dict],
                   until: dt.date | None = None,
                   reports: ReportIndex | None = None) -> TargetSummary:
    """Targets with their latest accepted value, status and projection. Four queries or five."""
    reports = reports or ReportIndex.load(until=until)
    targets = target_queryset(scope)
    rows = list(targets.values("id", "plan_id", "code", "text", "unit", "comparator", "value",
                               "value_max", "qualitative", "year", "deadline", "position")
                .order_by("plan_id", "position", "id"))
    latest, first = target_values(targets if scope.filtered else None, reports)
    summary = TargetSummary()
    for t in rows:
        v = latest.get(t["id"], {})
        code = st.target_status(comparator=t["comparator"], value=t["value"],
                                value_max=t["value_max"], reached=v.get("value"),
                                qualitative_met=v.get("qualitative_met"))
        summary.counts[code] += 1
        deadline = t["deadline"] or (dt.date(t["year"], 12, 31) if t["year"] else None)
        p = plans.get(t["plan_id"], {})
        row = TargetRow(id=t["id"], plan_id=t["plan_id"], plan_label=plan_label(p) if p else "",
                        code=t["code"], text=t["text"], unit=t["unit"], goal=goal_text(t),
                        status=code, value=v.get("value"), qualitative_met=v.get("qualitative_met"),
                        as_of=v.get("end"), deadline=deadline)
        if code == st.NOT_REACHED and deadline is not None and deadline > today:
            row.projected = _project(first.get(t["id"]), v, deadline)
            row.at_risk = row.projected is None or st.target_status(
                comparator=t["comparator"], value=t["value"], value_max=t["value_max"],
                reached=row.projected) != st.REACHED
        summary.rows.append(row)
    return summary


def target_values(targets: QuerySet[Target] | None,
                  reports: ReportIndex) -> tuple[dict[int, dict], dict[int, dict]]:
    """Latest and first accepted item per target (as ``reporting.selectors.target_statuses``).

    Read from each unit's latest and first accepted report (two queries); targets
    one of whose lead units left them out of its latest report are looked up in
    the older reports (two more queries, only then).
    """
    end_of = reports.end_of()
    accepted = [ReportState.ACCEPTED]
    latest_ids = reports.latest_ids(accepted)
    first_ids = reports.latest_ids(accepted, first=True)
    fields = ("target_id", "report_id", "value", "qualitative_met", "id")
    items = TargetReport.objects.all()
    if targets is not None:
        items = items.filter(target__in=targets.values("pk"))

    def pick(rows, *, last: bool) -> dict[int, dict]:
        out: dict[int, dict] = {}
        for row in rows:
            row["end"] = end_of[row["report_id"]]
            old = out.get(row["target_id"])
            key, old_key = (row["end"], row["id"]), old and (old["end"], old["id"])
            if old is None or (key > old_key if last else key < old_key):
                out[row["target_id"]] = row
        return out

    latest_rows = list(items.filter(report_id__in=latest_ids).values(*fields).order_by())
    latest = pick(latest_rows, last=True)
    first = pick(items.filter(report_id__in=first_ids).values(*fields).order_by(), last=False)
    # A lead unit whose latest accepted report lacks the target may hold a later value
    # in an older report than another unit's: look those targets up in full.
    seen = {(r["target_id"], r["report_id"]) for r in latest_rows}
    latest_of_unit = {reports_unit: rid for rid, reports_unit in (
        (r["id"], r["unit_id"]) for r in reports.rows) if rid in set(latest_ids)}
    leads = Assignment.objects.filter(ended_at__isnull=True, role=AssignmentRole.LEAD,
                                      target__isnull=False, unit_id__in=list(latest_of_unit))
    if targets is not None:
        leads = leads.filter(target__in=targets.values("pk"))
    missing = {t for t, u in leads.values_list("target_id", "unit_id")
               if (t, latest_of_unit[u]) not in seen}
    if missing:
        older = items.filter(target_id__in=list(missing), report_id__in=[
            r["id"] for r in reports.rows if r["state"] == ReportState.ACCEPTED])
        for tid, row in pick(older.values(*fields).order_by(), last=True).items():
            old = latest.get(tid)
            if old is None or (row["end"], row["id"]) > (old["end"], old["id"]):
                latest[tid] = row
    return latest, first


def _project(f: dict | None, v: dict, deadline: dt.date) -> Decimal | None:
    """Straight line through the first and latest accepted values, read at the deadline."""
    f = f or {}
    last, first = v.get("value"), f.get("value")
    last_end, first_end = v.get("end"), f.get("end")
    if last is None or first is None or not last_end or not first_end or last_end <= first_end:
        return None
    slope = (Decimal(last) - Decimal(first)) / Decimal((last_end - first_end).days)
    return (Decimal(last) + slope * Decimal((deadline - last_end).days)).quantize(Decimal("0.01"))
