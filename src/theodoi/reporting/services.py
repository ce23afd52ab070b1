"""Writes of the reporting cycle: periods, saving a report, sending, accepting, returning,
evidence, reminders and urging.

Every public function takes keyword-only arguments, runs in one transaction,
writes its audit event(s) in that transaction (scoped to the report's unit so
unit-scoped history works) and leaves notifications to ``transaction.on_commit``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from theodoi.accounts.models import UNIT_ROLES, Role, User
from theodoi.audit.models import AuditEvent
from theodoi.audit.services import _plain, record, scope_for
from theodoi.notifications.services import notify
from theodoi.plans.models import Target, Task
from theodoi.units.models import Unit

from . import calendar as cal
from . import permissions as perm
from .evidence import EvidenceError, check_upload
from .models import (
    Evidence,
    ReportingPeriod,
    ReportState,
    ReportVersion,
    TargetReport,
    TaskReport,
    UnitReport,
)
from .scope import expected_unit_ids, unit_has_work


class ReportError(Exception):
    """A refused action, with a Vietnamese message for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


TASK_FIELDS = ("status", "progress", "done_text", "completed_on", "reason", "difficulties",
               "proposals", "doc_numbers", "links")
TARGET_FIELDS = ("value", "numerator", "denominator", "qualitative_met", "source", "as_of", "note")
FIELD_LABELS = {
    "status": "tình trạng", "progress": "tiến độ", "done_text": "kết quả", "completed_on":
    "ngày hoàn thành", "reason": "lý do", "difficulties": "khó khăn", "proposals": "đề xuất",
    "doc_numbers": "số văn bản", "links": "đường dẫn", "value": "giá trị", "numerator": "tử số",
    "denominator": "mẫu số", "qualitative_met": "đạt", "source": "nguồn", "as_of": "tính đến ngày",
    "note": "ghi chú",
}


# ---------------------------------------------------------------- periods

def _holidays() -> list[str]:
    return list(settings.THEODOI_PUBLIC_HOLIDAYS)


def ensure_periods(*, today: dt.date | None = None) -> int:
    """Create every period (all frequencies) that has started by ``today``. Idempotent.

    Called by ``theodoi remind`` and by the reporting pages, so periods open
    and close by themselves: no one has to create them.
    """
    today = today or timezone.localdate()
    first = dt.date.fromisoformat(settings.THEODOI_REPORTING_START)
    cutoff = settings.THEODOI_REPORT_CUTOFF_DAY
    existing = set(ReportingPeriod.objects.values_list("frequency", "year", "number"))
    new = []
    for freq in cal.FREQUENCIES:
        for p in cal.periods_between(freq, first, today, cutoff_day=cutoff):
            if (freq, p.year, p.number) in existing:
                continue
            new.append(ReportingPeriod(
                frequency=freq, year=p.year, number=p.number, start=p.start, end=p.end,
                due=cal.due_date(p.end, settings.THEODOI_REPORT_DUE_WORKING_DAYS, _holidays()),
                label=p.label,
            ))
    if new:
        ReportingPeriod.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


# ---------------------------------------------------------------- opening a report

def open_report(*, actor, period: ReportingPeriod, unit: Unit) -> UnitReport:
    """The unit's report for the period, created as a draft on first opening."""
    if not perm.is_unit_member(actor, unit.pk):
        raise ReportError("Bạn không thuộc đơn vị này nên không soạn được báo cáo của đơn vị.")
    existing = UnitReport.objects.filter(period=period, unit=unit).first()
    if existing:
        return existing
    if not unit_has_work(unit.pk, period.frequency):
        raise ReportError(f"{unit.name} không có nhiệm vụ, chỉ tiêu nào phải báo cáo {period.label}.")
    with transaction.atomic():
        report, created = UnitReport.objects.get_or_create(period=period, unit=unit)
        if created:
            record(actor=actor, action="Tạo báo cáo", obj=report, unit_ids=[unit.pk])
    return report


# ---------------------------------------------------------------- saving

@dataclass
class Upload:
    name: str
    data: bytes
    task_id: int | None = None


@dataclass
class SaveResult:
    report: UnitReport
    changed: int = 0
    evidence: list[Evidence] = field(default_factory=list)


def _check_uploads(uploads: Iterable[Upload]) -> list[tuple[Upload, str]]:
    checked = []
    for up in uploads:
        try:
            checked.append((up, check_upload(up.name, up.data)))
        except EvidenceError as exc:
            raise ReportError(exc.message) from None
    return checked


def save_report(*, actor, report: UnitReport, tasks: dict[int, dict], targets: dict[int, dict],
                nothing_to_report: bool = False, summary: str = "",
                uploads: Iterable[Upload] = (), allowed_task_ids: set[int] | None = None,
                allowed_target_ids: set[int] | None = None) -> SaveResult:
    """Store what the unit typed: task items, target items, evidence files. Audited as old → new.

    ``tasks`` maps task id → cleaned fields (see TASK_FIELDS; "is_lead" too);
    ``targets`` maps target id → cleaned fields. Ids outside ``allowed_*``
    (the unit's assignments) are refused, so a form cannot write elsewhere.
    """
    checked = _check_uploads(uploads)  # refuse bad files before touching anything
    if allowed_task_ids is not None and not set(tasks) <= allowed_task_ids:
        raise ReportError("Có nhiệm vụ không thuộc phân công của đơn vị.")
    if allowed_target_ids is not None and not set(targets) <= allowed_target_ids:
        raise ReportError("Có chỉ tiêu không thuộc phân công của đơn vị.")
    for _up, _kind in checked:
        if _up.task_id is not None and _up.task_id not in tasks and allowed_task_ids is not None \
                and _up.task_id not in allowed_task_ids:
            raise ReportError("Minh chứng gắn với nhiệm vụ không thuộc đơn vị.")
    stored: list[str] = []
    try:
        with transaction.atomic():
            report = UnitReport.objects.select_for_update().select_related("period", "unit").get(
                pk=report.pk)
            if not perm.can_edit(actor, report):
                raise ReportError(_locked_message(report))
            changes: dict[str, list] = {}
            per_task_changes: dict[int, dict] = {}
            header_before = {"nothing_to_report": report.nothing_to_report, "summary": report.summary}
            report.nothing_to_report = nothing_to_report
            report.summary = summary
            for key, old in header_before.items():
                new = getattr(report, key)
                if old != new:
                    changes[{"nothing_to_report": "không phát sinh", "summary": "tóm tắt"}[key]] = [
                        _plain(old), _plain(new)]
            report.save(update_fields=["nothing_to_report", "summary", "updated_at"])

            existing = {i.task_id: i for i in TaskReport.objects.filter(report=report)}
            labels = dict(Task.objects.filter(pk__in=list(tasks)).values_list("pk", "code"))
            to_create, to_update = [], []
            for task_id, values in tasks.items():
                item = existing.get(task_id)
                if item is None:
                    item = TaskReport(report=report, task_id=task_id,
                                      is_lead=values.get("is_lead", True))
                    before = {f: _plain(getattr(item, f)) for f in TASK_FIELDS}
                    to_create.append(item)
                else:
                    before = {f: _plain(getattr(item, f)) for f in TASK_FIELDS}
                for f in TASK_FIELDS:
                    if f in values:
                        setattr(item, f, values[f])
                diff = {FIELD_LABELS[f]: [before[f], _plain(getattr(item, f))] for f in TASK_FIELDS
                        if before[f] != _plain(getattr(item, f)) and (before[f] or getattr(item, f))}
                if diff:
                    per_task_changes[task_id] = diff
                    code = labels.get(task_id) or f"#{task_id}"
                    for k, v in diff.items():
                        changes[f"Nhiệm vụ {code}: {k}"] = v
                    if item.pk:
                        to_update.append(item)
            TaskReport.objects.bulk_create(to_create)
            if to_update:
                TaskReport.objects.bulk_update(to_update, TASK_FIELDS)

            t_existing = {i.target_id: i for i in TargetReport.objects.filter(report=report)}
            t_labels = dict(Target.objects.filter(pk__in=list(targets)).values_list("pk", "code"))
            t_create, t_update = [], []
            for target_id, values in targets.items():
                item = t_existing.get(target_id) or TargetReport(report=report, target_id=target_id)
                before = {f: _plain(getattr(item, f)) for f in TARGET_FIELDS}
                for f in TARGET_FIELDS:
                    if f in values:
                        setattr(item, f, values[f])
                diff = {FIELD_LABELS[f]: [before[f], _plain(getattr(item, f))] for f in TARGET_FIELDS
                        if before[f] != _plain(getattr(item, f))}
                if item.pk is None:
                    if any(getattr(item, f) not in (None, "") for f in TARGET_FIELDS):
                        t_create.append(item)
                elif diff:
                    t_update.append(item)
                code = t_labels.get(target_id) or f"#{target_id}"
                for k, v in diff.items():
                    changes[f"Chỉ tiêu {code}: {k}"] = v
            TargetReport.objects.bulk_create(t_create)
            if t_update:
                TargetReport.objects.bulk_update(t_update, TARGET_FIELDS)

            result = SaveResult(report=report, changed=len(changes))
            for up, kind in checked:
                ev = Evidence(report=report, task_id=up.task_id, original_name=up.name[:255],
                              kind=kind, size=len(up.data),
                              uploaded_by=actor if actor.is_authenticated else None)
                ev.file.save(up.name, ContentFile(up.data), save=False)
                stored.append(ev.file.name)
                ev.save()
                result.evidence.append(ev)
                changes.setdefault("minh chứng thêm", [None, []])[1].append(up.name)
            if changes:
                record(actor=actor, action="Cập nhật báo cáo", obj=report, changes=changes,
                       unit_ids=[report.unit_id])
                _record_task_history(actor, report, per_task_changes)
            return result
    except BaseException:
        for name in stored:  # the rows rolled back: do not leave their files behind
            Evidence.file.field.storage.delete(name)
        raise


def _record_task_history(actor, report: UnitReport, per_task: dict[int, dict]) -> None:
    """One event per changed task, so a task's "Lịch sử" shows what each unit reported.

    Written in one INSERT (same fields as ``audit.services.record``) so saving
    costs the same number of queries whatever the number of tasks.
    """
    if not per_task:
        return
    label = _actor_label(actor)
    scope = scope_for([report.unit_id])
    AuditEvent.objects.bulk_create([
        AuditEvent(actor=actor if actor.is_authenticated else None, actor_label=label,
                   action="Báo cáo tiến độ", object_type="plans.task", object_id=str(task_id),
                   object_repr=f"{report.unit.name}, {report.period.label}"[:300],
                   unit_scope=scope, changes=diff)
        for task_id, diff in per_task.items()
    ])


def _actor_label(actor) -> str:
    if getattr(actor, "is_authenticated", False):
        return f"{actor.get_full_name() or actor.full_name or actor.username} ({actor.username})"
    return str(actor) if isinstance(actor, str) else "hệ thống"


def _locked_message(report: UnitReport) -> str:
    if report.state == ReportState.ACCEPTED:
        return "Báo cáo đã được tiếp nhận và khóa; không sửa được nữa."
    if report.state == ReportState.SUBMITTED:
        return "Báo cáo đã gửi; đơn vị không sửa được nữa trừ khi cơ quan thường trực trả lại."
    if report.state == ReportState.PENDING:
        return "Báo cáo đang chờ lãnh đạo đơn vị duyệt; chỉ lãnh đạo đơn vị sửa được."
    return "Bạn không có quyền sửa báo cáo này."


def delete_evidence(*, actor, evidence: Evidence) -> None:
    with transaction.atomic():
        report = UnitReport.objects.select_for_update().get(pk=evidence.report_id)
        if not perm.can_edit(actor, report):
            raise ReportError(_locked_message(report))
        name = evidence.original_name
        stored = evidence.file.name
        evidence.delete()
        record(actor=actor, action="Xóa minh chứng", obj=report,
               changes={"minh chứng": [name, None]}, unit_ids=[report.unit_id])
        transaction.on_commit(lambda: Evidence.file.field.storage.delete(stored))


# ---------------------------------------------------------------- the approval cycle

def snapshot(report: UnitReport) -> dict:
    """The whole report as plain JSON: what a version keeps forever."""
    tasks = TaskReport.objects.filter(report=report).select_related("task").order_by(
        "task__plan_id", "task__position")
    targets = TargetReport.objects.filter(report=report).select_related("target").order_by(
        "target__plan_id", "target__position")
    evidence = Evidence.objects.filter(report=report)
    return {
        "period": report.period.label,
        "unit": report.unit.name,
        "nothing_to_report": report.nothing_to_report,
        "summary": report.summary,
        "tasks": [
            {"task_id": i.task_id, "code": i.task.full_code, "text": i.task.text[:500],
             "is_lead": i.is_lead, "status_label": i.get_status_display() if i.status else "",
             **{f: _plain(getattr(i, f)) for f in TASK_FIELDS}}
            for i in tasks
        ],
        "targets": [
            {"target_id": i.target_id, "code": i.target.code, "text": i.target.text[:500],
             "unit": i.target.unit, **{f: _plain(getattr(i, f)) for f in TARGET_FIELDS}}
            for i in targets
        ],
        "evidence": [{"id": e.pk, "name": e.original_name, "kind": e.kind, "size": e.size,
                      "task_id": e.task_id} for e in evidence],
    }


def _unit_users(unit: Unit, roles: Iterable[str] = UNIT_ROLES) -> list[User]:
    """Users of the unit or of a unit above it that reads its data (a commune for its offices)."""
    ancestor_ids = [int(p) for p in unit.path.strip("/").split("/") if p]
    return list(User.objects.filter(unit_id__in=ancestor_ids, role__in=list(roles), is_active=True))


def _standing_users() -> list[User]:
    return list(User.objects.filter(role=Role.STANDING, is_active=True))


def _locked_get(report: UnitReport) -> UnitReport:
    return UnitReport.objects.select_for_update().select_related("period", "unit").get(pk=report.pk)


def submit_for_approval(*, actor, report: UnitReport) -> UnitReport:
    """Officer → unit head: the draft waits for the head's approval."""
    with transaction.atomic():
        report = _locked_get(report)
        if not perm.can_submit_for_approval(actor, report):
            raise ReportError("Chỉ chuyên viên của đơn vị trình được báo cáo đang soạn hoặc bị trả lại.")
        old = report.state
        report.state = ReportState.PENDING
        report.save(update_fields=["state", "updated_at"])
        record(actor=actor, action="Trình lãnh đạo duyệt", obj=report,
               changes={"trạng thái": [ReportState(old).label, report.get_state_display()]},
               unit_ids=[report.unit_id])
        notify(users=_unit_users(report.unit, [Role.UNIT_HEAD]), kind="report_pending",
               title=f"Báo cáo {report.period.label} của {report.unit.name} chờ anh/chị duyệt",
               url=report.get_absolute_url())
    return report


def approve_and_send(*, actor, report: UnitReport) -> UnitReport:
    """Unit head approves and sends: a new immutable version; the unit can no longer edit."""
    with transaction.atomic():
        report = _locked_get(report)
        if not perm.can_send(actor, report):
            raise ReportError("Chỉ lãnh đạo đơn vị duyệt và gửi được báo cáo chưa gửi hoặc bị trả lại.")
        if not report.nothing_to_report and not report.task_items.exists() \
                and not report.target_items.exists():
            raise ReportError("Báo cáo chưa có nội dung. Nhập tiến độ nhiệm vụ, số liệu chỉ tiêu, "
                              "hoặc đánh dấu “không phát sinh”.")
        now = timezone.now()
        old = report.state
        report.state = ReportState.SUBMITTED
        report.version += 1
        report.sent_at = now
        report.first_sent_at = report.first_sent_at or now
        report.return_reason = ""
        report.save(update_fields=["state", "version", "sent_at", "first_sent_at", "return_reason",
                                   "updated_at"])
        ReportVersion.objects.create(report=report, number=report.version, snapshot=snapshot(report),
                                     sent_by=actor, sent_by_label=_actor_label(actor))
        record(actor=actor, action="Duyệt và gửi báo cáo", obj=report,
               changes={"trạng thái": [ReportState(old).label, report.get_state_display()],
                        "lần gửi": [report.version - 1 or None, report.version]},
               unit_ids=[report.unit_id])
        late = timezone.localdate(now) > report.period.due
        notify(users=_standing_users(), kind="report_sent",
               title=f"{report.unit.name} đã gửi báo cáo {report.period.label}"
               + (" (lần " + str(report.version) + ")" if report.version > 1 else "")
               + (" — muộn hạn" if late else ""),
               url=report.get_absolute_url(), email=False)
    return report


def accept_report(*, actor, report: UnitReport) -> UnitReport:
    """The standing agency accepts: the report is locked for good."""
    with transaction.atomic():
        report = _locked_get(report)
        if not perm.can_decide(actor, report):
            raise ReportError("Chỉ cơ quan thường trực tiếp nhận được báo cáo đã gửi.")
        now = timezone.now()
        report.state = ReportState.ACCEPTED
        report.accepted_at = now
        report.save(update_fields=["state", "accepted_at", "updated_at"])
        ReportVersion.objects.filter(report=report, number=report.version).update(
            decision="accepted", decided_at=now)
        record(actor=actor, action="Tiếp nhận báo cáo", obj=report,
               changes={"trạng thái": [ReportState.SUBMITTED.label, report.get_state_display()]},
               unit_ids=[report.unit_id])
        notify(users=_unit_users(report.unit), kind="report_accepted",
               title=f"Báo cáo {report.period.label} của {report.unit.name} đã được tiếp nhận",
               url=report.get_absolute_url())
    return report


def return_report(*, actor, report: UnitReport, reason: str) -> UnitReport:
    """The standing agency returns the report with a required reason; the unit corrects it."""
    reason = (reason or "").strip()
    if not reason:
        raise ReportError("Phải ghi lý do trả lại để đơn vị biết cần sửa gì.")
    with transaction.atomic():
        report = _locked_get(report)
        if not perm.can_decide(actor, report):
            raise ReportError("Chỉ cơ quan thường trực trả lại được báo cáo đã gửi, chưa tiếp nhận.")
        now = timezone.now()
        report.state = ReportState.RETURNED
        report.return_reason = reason
        report.save(update_fields=["state", "return_reason", "updated_at"])
        ReportVersion.objects.filter(report=report, number=report.version).update(
            decision="returned", decision_reason=reason, decided_at=now)
        record(actor=actor, action="Trả lại báo cáo", obj=report,
               changes={"trạng thái": [ReportState.SUBMITTED.label, report.get_state_display()]},
               unit_ids=[report.unit_id], message=reason)
        notify(users=_unit_users(report.unit), kind="report_returned",
               title=f"Báo cáo {report.period.label} của {report.unit.name} bị trả lại",
               body=f"Lý do: {reason}", url=report.get_absolute_url())
    return report


# ---------------------------------------------------------------- reminders and urging

@dataclass
class RemindResult:
    periods: int = 0
    units: int = 0
    notifications: int = 0


def remind(*, today: dt.date | None = None) -> RemindResult:
    """Notify units whose report is due in N days or overdue by N days (settings), once a day."""
    today = today or timezone.localdate()
    ensure_periods(today=today)
    before = [today + dt.timedelta(days=d) for d in settings.THEODOI_REMIND_BEFORE_DAYS]
    after = [today - dt.timedelta(days=d) for d in settings.THEODOI_REMIND_AFTER_DAYS]
    result = RemindResult()
    periods = ReportingPeriod.objects.filter(due__in=before + after)
    for period in periods:
        expected = set(expected_unit_ids(period))
        sent = set(UnitReport.objects.filter(period=period, version__gt=0)
                   .values_list("unit_id", flat=True))
        lagging = Unit.objects.filter(pk__in=expected - sent)
        result.periods += 1
        for unit in lagging:
            with transaction.atomic():
                days = (period.due - today).days
                if days > 0:
                    title = f"Còn {days} ngày đến hạn gửi báo cáo {period.label} ({period.due:%d/%m/%Y})"
                else:
                    title = (f"Báo cáo {period.label} của {unit.name} đã quá hạn {-days} ngày "
                             f"(hạn {period.due:%d/%m/%Y})")
                rows = notify(users=_unit_users(unit), kind="remind", title=title,
                              body=f"Đơn vị: {unit.name}.",
                              url=reverse("report_open", args=[period.pk, unit.pk]),
                              dedupe_key=f"remind:{period.pk}:{unit.pk}:{today.isoformat()}")
            result.units += 1
            result.notifications += len(rows)
    return result


def urge(*, actor, unit: Unit, period: ReportingPeriod | None, message: str = "") -> int:
    """Đôn đốc: the standing agency urges a lagging unit (in-app and e-mail)."""
    if not actor.has_perm("theodoi.urge_units"):
        raise ReportError("Chỉ cơ quan thường trực gửi được văn bản đôn đốc.")
    message = (message or "").strip()
    what = f"báo cáo {period.label}" if period else "việc thực hiện nhiệm vụ"
    title = f"Cơ quan thường trực đôn đốc {unit.name}: {what}"
    with transaction.atomic():
        record(actor=actor, action="Đôn đốc", obj=unit, unit_ids=[unit.pk],
               message=f"{what}. {message}".strip())
        url = reverse("report_open", args=[period.pk, unit.pk]) if period else reverse("report_home")
        rows = notify(users=_unit_users(unit), kind="urge", title=title, body=message, url=url)
    return len(rows)


# ---------------------------------------------------------------- schedules

def set_plan_frequencies(*, actor, plan, frequencies: Iterable[str]) -> list[str]:
    """Choose at which frequencies a plan reports. Audited on the plan."""
    from .models import PlanReportingSchedule

    new = [f for f in cal.FREQUENCIES if f in set(frequencies)]
    with transaction.atomic():
        old = sorted(PlanReportingSchedule.objects.filter(plan=plan).values_list("frequency", flat=True))
        PlanReportingSchedule.objects.filter(plan=plan).exclude(frequency__in=new).delete()
        PlanReportingSchedule.objects.bulk_create(
            [PlanReportingSchedule(plan=plan, frequency=f) for f in new], ignore_conflicts=True)
        if sorted(new) != old:
            label = ", ".join
            record(actor=actor, action="Đặt kỳ báo cáo", obj=plan, object_repr=plan.label,
                   changes={"kỳ báo cáo": [label(cal.FREQUENCIES[f] for f in old) or "mặc định",
                                           label(cal.FREQUENCIES[f] for f in new) or "mặc định"]})
    return new


def to_decimal(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


__all__ = [
    "ReportError", "Upload", "ensure_periods", "open_report", "save_report", "submit_for_approval",
    "approve_and_send", "accept_report", "return_report", "remind", "urge", "set_plan_frequencies",
    "delete_evidence", "snapshot",
]
