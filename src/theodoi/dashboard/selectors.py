"""Reads for the dashboard pages: scope from the request, drill-down lists, the public page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone

from theodoi.accounts.scoping import visible_unit_ids
from theodoi.plans.models import Assignment, Plan, Task
from theodoi.reporting import status as st
from theodoi.reporting.models import ReportState, UnitReport
from theodoi.units.models import Unit

from . import metrics

PAGE_SIZE = 100


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def resolve_scope(user, params) -> metrics.Scope:
    """The scope asked for (``ke_hoach``, ``pham_vi``), limited to what the user may see.

    Province-wide roles see everything; a unit user sees the subtree of their own
    unit (asking for a unit outside it is a 404); a user with no unit and no
    province-wide role has no dashboard (403).
    """
    ids = visible_unit_ids(user)
    if ids is not None and getattr(user, "unit", None) is None:
        raise PermissionDenied("Tài khoản chưa gắn với đơn vị nào.")
    plan_id = _int(params.get("ke_hoach"))
    unit_id = _int(params.get("pham_vi"))
    unit = None
    if unit_id is not None:
        unit = Unit.objects.filter(pk=unit_id).first()
        if unit is None or (ids is not None and unit.pk not in ids):
            raise Http404("Không tìm thấy đơn vị, hoặc bạn không có quyền xem.")
    elif ids is not None:
        unit = user.unit
    plan_ids = None
    if plan_id is not None:
        if not Plan.objects.filter(pk=plan_id).exists():
            raise Http404("Không tìm thấy kế hoạch.")
        plan_ids = (plan_id,)
    return metrics.Scope(plan_ids=plan_ids, unit=unit)


@dataclass
class TaskPage:
    rows: list[Task]
    total: int
    page: int
    pages: int
    title: str


def _date_param(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def drill_tasks(scope: metrics.Scope, params, *, today: dt.date | None = None) -> TaskPage:
    """The tasks behind a figure: by status (or group), lead unit, section, or a trend point.

    ``trang_thai``: a status slug (``cham``, ``dung-han`` …) or group (``da-xong``);
    ``don_vi``: lead unit (exactly); ``muc``: section code with ``ke_hoach``;
    ``moc``: a period's cut-off date, with ``trang_thai`` ``da-xong`` (done by then)
    or ``cham`` (overdue then), as the trend chart counts them.
    """
    today = today or timezone.localdate()
    facts = metrics.load_task_facts(scope, as_of=today)
    slug = params.get("trang_thai", "")
    moc = _date_param(params.get("moc"))
    titles = []
    if moc is not None and slug in ("da-xong", "cham"):
        facts = [f for f in facts if (f.done_by(moc) if slug == "da-xong" else f.overdue_at(moc))]
        titles.append(("Đã hoàn thành" if slug == "da-xong" else "Chậm tiến độ")
                      + f" tính đến {moc:%d/%m/%Y}")
    else:
        wanted = metrics.statuses_for_slug(slug)
        if wanted is not None:
            facts = [f for f in facts if f.status in wanted]
            titles.append({"da-xong": "Đã hoàn thành", "thuong-xuyen": "Thường xuyên, định kỳ",
                           "den-han": "Đã đến hạn"}.get(slug) or st.task_label(
                               metrics.STATUS_SLUGS[slug])[0])
    lead = _int(params.get("don_vi"))
    if lead is not None:
        facts = [f for f in facts if lead in f.lead_ids]
        name = Unit.objects.filter(pk=lead).values_list("name", flat=True).first()
        titles.append(f"chủ trì: {name or lead}")
    section = params.get("muc")
    if section is not None and scope.plan_ids:
        facts = [f for f in facts if f.section_code == section]
        titles.append(f"mục {section or '(không ghi)'}")
    if slug == "cham":
        facts.sort(key=lambda f: (-f.days_overdue, f.plan_id, f.position))
    total = len(facts)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, _int(params.get("trang")) or 1), pages)
    shown = facts[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    by_id = {f.id: f for f in shown}
    rows = list(Task.objects.filter(pk__in=list(by_id)).select_related("plan").prefetch_related(
        Prefetch("assignments", queryset=Assignment.objects.filter(ended_at__isnull=True)
                 .select_related("unit").order_by("position", "id"), to_attr="open_assignments")))
    order = {f.id: i for i, f in enumerate(shown)}
    rows.sort(key=lambda t: order[t.pk])
    for t in rows:
        fact = by_id[t.pk]
        t.computed_status = fact.status
        t.days_overdue = fact.days_overdue
        t.done_on = fact.done_on
        t.leads = [a for a in t.open_assignments if a.role == "lead"]
    return TaskPage(rows=rows, total=total, page=page, pages=pages,
                    title=", ".join(titles) or "Tất cả nhiệm vụ")


def drill_targets(scope: metrics.Scope, slug: str, *,
                  today: dt.date | None = None) -> tuple[list[metrics.TargetRow], str]:
    today = today or timezone.localdate()
    summary = metrics.target_summary(scope, today=today, plans=metrics.plan_rows(scope))
    if slug == metrics.AT_RISK_SLUG:
        return summary.at_risk, "Có nguy cơ không đạt"
    code = metrics.TARGET_SLUGS.get(slug)
    if code is None:
        return summary.rows, "Tất cả chỉ tiêu"
    return [r for r in summary.rows if r.status == code], st.TARGET_LABELS[code][0]


def unit_reports(user, *, limit: int = 12) -> list[UnitReport]:
    """The unit user's own units' recent reports, for the export links."""
    ids = visible_unit_ids(user)
    if ids is None:
        return []  # province-wide roles produce the consolidated report instead
    return list(UnitReport.objects.select_related("period", "unit").filter(unit_id__in=ids)
                .order_by("-period__end", "unit__path")[:limit])


# ---------------------------------------------------------------- public page

def public_overview(*, plan_id: int | None = None,
                    today: dt.date | None = None) -> metrics.Dashboard | None:
    """Figures over published plans only, from accepted reports only (never drafts)."""
    today = today or timezone.localdate()
    scope = metrics.Scope(plan_ids=(plan_id,) if plan_id else None, public_only=True)
    plans = metrics.plan_rows(scope)
    if not plans:
        return None
    reports = metrics.ReportIndex.load()
    facts = metrics.load_task_facts(scope, as_of=today, states=[ReportState.ACCEPTED],
                                    reports=reports)
    tally = metrics.Tally()
    rows = {pid: metrics.PlanRow(id=pid, label=metrics.plan_label(p), title=p["title"],
                                 is_public=True) for pid, p in plans.items()}
    for f in facts:
        tally.add(f.status)
        rows[f.plan_id].tally.add(f.status)
        rows[f.plan_id].sections.setdefault(f.section_code, metrics.SectionRow(
            f.section_code, f.section_title)).tally.add(f.status)
    targets = metrics.target_summary(scope, today=today, plans=plans, reports=reports)
    return metrics.Dashboard(as_of=today, scope=scope, frequency="", tally=tally,
                             plans=list(rows.values()), units=[], overdue=[], targets=targets,
                             trends=[], scoring=metrics.scoring.current())


def public_plan(pk: int) -> Plan:
    plan = Plan.objects.filter(pk=pk, is_public=True).first()
    if plan is None:
        raise Http404("Không tìm thấy kế hoạch công khai.")
    return plan
