"""Reporting screens. Thin: selectors read, services write, forms check input."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from theodoi.plans import selectors as plan_selectors
from theodoi.units.models import Unit

from . import calendar as cal
from . import permissions as perm
from . import selectors, services
from .evidence import download_response, oversize_message
from .forms import (
    PartnerItemForm,
    ReportHeaderForm,
    ReturnForm,
    TargetItemForm,
    TaskItemForm,
    UrgeForm,
)
from .models import ReportState, UnitReport
from .services import TARGET_FIELDS, TASK_FIELDS, ReportError, Upload

# ---------------------------------------------------------------- lists


def report_home(request: HttpRequest) -> HttpResponse:
    """"Báo cáo kỳ này": the user's units' reports for the open and recent periods."""
    services.ensure_periods()
    if perm.can_follow(request.user):
        return redirect("report_status")
    slots = selectors.my_reports(request.user)
    today = timezone.localdate()
    return render(request, "reporting/home.html", {"slots": slots, "today": today})


def report_open(request: HttpRequest, period_id: int, unit_id: int) -> HttpResponse:
    """Go to a unit's report for a period, creating the draft the first time a member opens it."""
    period = selectors.get_period(period_id)
    unit = Unit.objects.filter(pk=unit_id).first()
    if unit is None:
        raise Http404("Không tìm thấy đơn vị.")
    user = request.user
    if perm.is_unit_member(user, unit.pk):
        try:
            report = services.open_report(actor=user, period=period, unit=unit)
        except ReportError as exc:
            messages.error(request, exc.message)
            return redirect("report_home")
        return redirect(report)
    report = UnitReport.objects.filter(period=period, unit=unit).first()
    if report is None or not perm.can_view(user, report):
        raise Http404(selectors.NOT_FOUND)
    return redirect(report)


# ---------------------------------------------------------------- the report page


def _task_initial(row) -> dict:
    source = row.item or row.prev
    if source is None:
        return {}
    initial = {f: getattr(source, f) for f in TASK_FIELDS}
    if row.item is None and row.prev is not None and row.prev.status == "done":
        initial["status"] = "done"
    return initial


def _target_initial(row) -> dict:
    if row.item is not None:
        return {f: getattr(row.item, f) for f in TARGET_FIELDS}
    if row.prev is None:
        return {}
    # A cumulative indicator carries its value forward as the starting point;
    # a per-period one starts empty (last value is shown beside it).
    # The as-of date goes with the value: it stays true until the unit updates both.
    keep = ("value", "numerator", "denominator", "qualitative_met", "source", "as_of") \
        if row.is_cumulative else ("source",)
    return {f: getattr(row.prev, f) for f in keep}


def _bind(content, data=None) -> ReportHeaderForm:
    for row in content.tasks:
        cls = TaskItemForm if row.is_lead else PartnerItemForm
        row.form = cls(data, prefix=f"t{row.task.pk}", initial=_task_initial(row))
    for row in content.targets:
        row.form = TargetItemForm(data, prefix=f"c{row.target.pk}", initial=_target_initial(row),
                                  is_rate=row.is_rate)
    report = content.report
    return ReportHeaderForm(data, prefix="r", initial={
        "nothing_to_report": report.nothing_to_report, "summary": report.summary})


def _has_content(values: dict) -> bool:
    return any(v not in (None, "") for k, v in values.items() if k != "is_lead")


def _uploads(request: HttpRequest, content) -> tuple[list[Upload], list[str]]:
    """Uploaded evidence (per task, or for the whole report); size refused before reading."""
    uploads, errors = [], []
    keys = [(f"t{row.task.pk}-files", row.task.pk) for row in content.tasks] + [("files", None)]
    for key, task_id in keys:
        for f in request.FILES.getlist(key):
            if refusal := oversize_message(f.name, f.size):
                errors.append(refusal)
                continue
            uploads.append(Upload(name=f.name, data=f.read(), task_id=task_id))
    return uploads, errors


def _page(request, report, content, header, *, errors=(), status=200) -> HttpResponse:
    user = request.user
    editable = perm.can_edit(user, report)
    return render(request, "reporting/report.html", {
        "report": report, "content": content, "header": header, "editable": editable,
        "can_submit": perm.can_submit_for_approval(user, report),
        "can_send": perm.can_send(user, report), "can_decide": perm.can_decide(user, report),
        "return_form": ReturnForm(), "errors": errors, "today": timezone.localdate(),
        "timeliness": report.timeliness(timezone.localdate()),
        "max_mb": settings.THEODOI_MAX_UPLOAD_BYTES // 1048576,
    }, status=status)


# A unit with more tasks than this fills its report plan by plan (one form per plan).
SPLIT_FORM_OVER = 120
ALL_PLANS = "tat-ca"


def _plan_choice(request: HttpRequest) -> tuple[int | None, int | None]:
    """(plan id, split threshold) from ``?ke-hoach=``: an id, "tat-ca" for all, absent = automatic."""
    raw = request.GET.get("ke-hoach", "")
    if raw == ALL_PLANS:
        return None, None
    if raw.isdigit():
        return int(raw), None
    return None, SPLIT_FORM_OVER


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.get_report(request.user, pk)
    plan_id, split_over = _plan_choice(request)
    content = selectors.report_content(report, plan_id=plan_id, split_over=split_over)
    if request.method != "POST":
        return _page(request, report, content, _bind(content))
    if not perm.can_edit(request.user, report):
        raise PermissionDenied("Bạn không sửa được báo cáo này.")
    header = _bind(content, request.POST)
    uploads, errors = _uploads(request, content)
    forms_ok = header.is_valid() & all([r.form.is_valid() for r in (*content.tasks, *content.targets)])
    if not forms_ok:
        errors.insert(0, "Chưa lưu: có ô nhập chưa đúng (xem các dòng báo đỏ). Nội dung đã nhập vẫn giữ nguyên.")
    if errors:
        if uploads:
            errors.append("Tệp minh chứng đã chọn cần chọn lại sau khi sửa.")
        return _page(request, report, content, header, errors=errors, status=400)
    tasks = {}
    for row in content.tasks:
        values = dict(row.form.cleaned_data)
        if row.item is not None or _has_content(values):
            tasks[row.task.pk] = {**values, "is_lead": row.is_lead}
    targets = {row.target.pk: dict(row.form.cleaned_data) for row in content.targets
               if row.item is not None or _has_content(row.form.cleaned_data)}
    try:
        services.save_report(
            actor=request.user, report=report, tasks=tasks, targets=targets,
            nothing_to_report=header.cleaned_data["nothing_to_report"],
            summary=header.cleaned_data["summary"], uploads=uploads,
            allowed_task_ids={r.task.pk for r in content.tasks},
            allowed_target_ids={r.target.pk for r in content.targets},
        )
        action = request.POST.get("action", "save")
        if action == "submit":
            services.submit_for_approval(actor=request.user, report=report)
            messages.success(request, "Đã lưu và trình lãnh đạo đơn vị duyệt.")
        elif action == "send":
            services.approve_and_send(actor=request.user, report=report)
            messages.success(request, "Đã duyệt và gửi báo cáo đến cơ quan thường trực.")
        else:
            messages.success(request, "Đã lưu báo cáo.")
    except ReportError as exc:
        return _page(request, report, content, header, errors=[exc.message], status=400)
    if content.plan is not None:  # stay on the plan being filled
        return redirect(f"{report.get_absolute_url()}?ke-hoach={content.plan.pk}")
    return redirect(report)


@require_POST
def report_accept(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.get_report(request.user, pk)
    if not perm.is_standing(request.user):
        raise PermissionDenied("Chỉ cơ quan thường trực tiếp nhận báo cáo.")
    try:
        services.accept_report(actor=request.user, report=report)
        messages.success(request, f"Đã tiếp nhận báo cáo của {report.unit.name}.")
    except ReportError as exc:
        messages.error(request, exc.message)
    return redirect(report)


@require_POST
def report_return(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.get_report(request.user, pk)
    if not perm.is_standing(request.user):
        raise PermissionDenied("Chỉ cơ quan thường trực trả lại báo cáo.")
    form = ReturnForm(request.POST)
    try:
        if not form.is_valid():
            raise ReportError("Phải ghi lý do trả lại để đơn vị biết cần sửa gì.")
        services.return_report(actor=request.user, report=report, reason=form.cleaned_data["reason"])
        messages.success(request, f"Đã trả lại báo cáo cho {report.unit.name}.")
    except ReportError as exc:
        messages.error(request, exc.message)
    return redirect(report)


# ---------------------------------------------------------------- versions, history, evidence


def report_versions(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.get_report(request.user, pk)
    return render(request, "reporting/versions.html",
                  {"report": report, "versions": report.versions.all()})


def report_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    report = selectors.get_report(request.user, pk)
    version = selectors.get_version(report, number)
    return render(request, "reporting/version.html",
                  {"report": report, "version": version, "snap": version.snapshot})


def report_history(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.get_report(request.user, pk)
    return render(request, "audit/history.html",
                  {"object": report, "events": selectors.report_history(request.user, report)})


def evidence_download(request: HttpRequest, pk: int, evidence_id: int) -> FileResponse:
    report = selectors.get_report(request.user, pk)
    return download_response(selectors.get_evidence(request.user, report, evidence_id))


@require_POST
def evidence_delete(request: HttpRequest, pk: int, evidence_id: int) -> HttpResponse:
    report = selectors.get_report(request.user, pk)
    ev = selectors.get_evidence(request.user, report, evidence_id)
    try:
        services.delete_evidence(actor=request.user, evidence=ev)
        messages.success(request, f"Đã xóa minh chứng “{ev.original_name}”.")
    except ReportError as exc:
        messages.error(request, exc.message)
    return redirect(report)


def task_history(request: HttpRequest, pk: int) -> HttpResponse:
    task = plan_selectors.get_task(request.user, pk)
    return render(request, "audit/history.html",
                  {"object": task, "events": selectors.task_history(request.user, task)})


# ---------------------------------------------------------------- who has sent


def report_status(request: HttpRequest) -> HttpResponse:
    """"Tình hình gửi báo cáo": expected, on time, late, missing; overdue tasks per unit."""
    if not perm.can_follow(request.user):
        raise PermissionDenied("Trang này dành cho cơ quan thường trực và lãnh đạo.")
    today = timezone.localdate()
    services.ensure_periods(today=today)
    periods = selectors.recent_periods(today=today)
    chosen = request.GET.get("ky", "")
    period = next((p for p in periods if str(p.pk) == chosen), None) or selectors.default_period(
        periods, today)
    data = selectors.submission_status(period, today=today) if period else None
    return render(request, "reporting/status.html", {
        "periods": periods, "period": period, "data": data, "today": today,
        "can_urge": request.user.has_perm("theodoi.urge_units"), "urge_form": UrgeForm(),
    })


@require_POST
def report_urge(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("theodoi.urge_units"):
        raise PermissionDenied("Chỉ cơ quan thường trực gửi đôn đốc.")
    unit = Unit.objects.filter(pk=request.POST.get("unit", "0") or 0).first()
    period_id = request.POST.get("period", "")
    period = selectors.get_period(int(period_id)) if period_id.isdigit() else None
    if unit is None:
        raise Http404("Không tìm thấy đơn vị.")
    form = UrgeForm(request.POST)
    form.is_valid()
    try:
        n = services.urge(actor=request.user, unit=unit, period=period,
                          message=form.cleaned_data.get("message", ""))
        if n:
            messages.success(request, f"Đã gửi đôn đốc đến {unit.name} ({n} tài khoản).")
        else:
            messages.warning(request, f"Đã ghi đôn đốc, nhưng {unit.name} chưa có tài khoản nào để nhận.")
    except ReportError as exc:
        messages.error(request, exc.message)
    url = f"{_status_url()}?ky={period.pk}" if period else _status_url()
    return redirect(url)


def _status_url() -> str:
    from django.urls import reverse

    return reverse("report_status")


# ---------------------------------------------------------------- plan schedule


def plan_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_selectors.get_plan(request.user, pk)
    can_manage = request.user.has_perm("theodoi.manage_plans")
    from .models import PlanReportingSchedule

    current = list(PlanReportingSchedule.objects.filter(plan=plan).values_list("frequency", flat=True))
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied("Chỉ cơ quan thường trực đặt kỳ báo cáo của kế hoạch.")
        chosen = [f for f in request.POST.getlist("frequency") if f in cal.FREQUENCIES]
        services.set_plan_frequencies(actor=request.user, plan=plan, frequencies=chosen)
        messages.success(request, "Đã lưu kỳ báo cáo của kế hoạch.")
        return redirect("plan_schedule", pk=plan.pk)
    return render(request, "reporting/plan_schedule.html", {
        "plan": plan, "current": current, "frequencies": cal.FREQUENCIES, "can_manage": can_manage,
        "defaults": [cal.FREQUENCIES[f] for f in settings.THEODOI_DEFAULT_FREQUENCIES],
        "state": ReportState,
    })
