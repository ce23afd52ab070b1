"""Reporting over the API: periods, unit reports (read; open, fill and send a draft; the
standing agency accepts or returns it), their evidence files, and the computed statuses
of units for a period.

Everything goes through ``theodoi.reporting``: its selectors read, its services
write (audit, versions, notifications), its forms hold the rules of an item
(progress 0-100, a reason when infeasible, numerator ≤ denominator ...). This
module only turns JSON into what they take and their answers into JSON.
"""

from __future__ import annotations

import datetime as dt
import inspect
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied, UnsupportedMediaType, ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from theodoi.accounts.scoping import visible_unit_ids
from theodoi.plans.models import Plan
from theodoi.reporting import calendar as cal
from theodoi.reporting import permissions as perm
from theodoi.reporting import selectors, services
from theodoi.reporting import status as st
from theodoi.reporting.evidence import CONTENT_TYPES, download_response, oversize_message
from theodoi.reporting.forms import PartnerItemForm, ReportHeaderForm, TargetItemForm, TaskItemForm
from theodoi.reporting.models import Evidence, ReportingPeriod, ReportState, UnitReport, WorkStatus
from theodoi.reporting.services import TARGET_FIELDS, TASK_FIELDS
from theodoi.units.models import Unit

from .base import ApiViewMixin, method_schema
from .exceptions import Conflict
from .filters import MAX_ID
from .messages import VietnameseSerializer
from .national import COLUMNS, build_export, to_csv, to_xlsx
from .serializers import AuditEventSerializer
from .views import errors

NUMBER = {"max_digits": 20, "decimal_places": 4, "coerce_to_string": False, "allow_null": True}

# The web offers a period for reporting until this many days after its due date
# (``reporting.selectors.my_reports``); past that the API treats it as closed too,
# so both channels accept the same reports.
GRACE_DAYS: int = inspect.signature(selectors.my_reports).parameters["recent_days"].default


def closed_reason(period: ReportingPeriod, today: dt.date) -> str | None:
    """Why a period takes no report (new or changed) today, or None when it does."""
    if today < period.start:
        return (f"Kỳ {period.label} chưa bắt đầu (từ {period.start:%d/%m/%Y}); "
                "chưa nhận báo cáo cho kỳ này.")
    if today > period.due + dt.timedelta(days=GRACE_DAYS):
        return (f"Kỳ {period.label} đã đóng (hạn gửi {period.due:%d/%m/%Y}); "
                "không nhận báo cáo mới hoặc sửa báo cáo của kỳ này.")
    return None


def edit_closed_reason(report: UnitReport, today: dt.date) -> str | None:
    """Why this report cannot change today. A report the standing agency returned can
    always be corrected and sent again, as on the web, even after its period closed."""
    if report.state == ReportState.RETURNED:
        return None
    return closed_reason(report.period, today)


# ---------------------------------------------------------------- serializers

class PeriodSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    frequency = serializers.ChoiceField(choices=list(cal.FREQUENCIES.items()), help_text="Tần suất")
    year = serializers.IntegerField(help_text="Năm")
    number = serializers.IntegerField(help_text="Số thứ tự của kỳ trong năm")
    label = serializers.CharField(help_text="Tên kỳ (Tháng 6/2025, Quý II/2025 …)")
    start = serializers.DateField(help_text="Từ ngày")
    end = serializers.DateField(help_text="Đến ngày (chốt số liệu)")
    due = serializers.DateField(help_text="Hạn gửi")
    state = serializers.ChoiceField(choices=["upcoming", "open", "closed"],
                                    help_text="upcoming: chưa bắt đầu; open: đang nhận; closed: quá hạn gửi")
    accepts_reports = serializers.BooleanField(help_text="Còn nhận báo cáo qua API (kể cả gửi muộn)")


def period_data(period: ReportingPeriod, today: dt.date) -> dict:
    return {"id": period.pk, "frequency": period.frequency, "year": period.year,
            "number": period.number, "label": period.label, "start": period.start,
            "end": period.end, "due": period.due, "state": period.state(today),
            "accepts_reports": closed_reason(period, today) is None}


class EvidenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name", help_text="Tên tệp")
    kind = serializers.CharField(help_text="Loại tệp")
    size = serializers.IntegerField(help_text="Dung lượng (byte)")
    task_id = serializers.IntegerField(allow_null=True, help_text="Nhiệm vụ gắn với minh chứng")


class TaskItemSerializer(serializers.Serializer):
    task_id = serializers.IntegerField(help_text="Mã nhiệm vụ")
    code = serializers.CharField(help_text="Số thứ tự nhiệm vụ")
    text = serializers.CharField(help_text="Nội dung nhiệm vụ")
    plan_id = serializers.IntegerField(help_text="Mã kế hoạch")
    is_lead = serializers.BooleanField(help_text="true: đơn vị chủ trì; false: phối hợp")
    computed_status = serializers.CharField(help_text="Tình trạng tính được của nhiệm vụ")
    status = serializers.ChoiceField(choices=[*WorkStatus.choices, ("", "")], allow_null=True,
                                     help_text="Tình trạng đơn vị báo cáo")
    progress = serializers.IntegerField(allow_null=True, help_text="Tiến độ (%)")
    done_text = serializers.CharField(allow_null=True, help_text="Kết quả thực hiện")
    completed_on = serializers.DateField(allow_null=True, help_text="Ngày hoàn thành")
    reason = serializers.CharField(allow_null=True, help_text="Lý do không thực hiện được")
    difficulties = serializers.CharField(allow_null=True, help_text="Khó khăn, vướng mắc")
    proposals = serializers.CharField(allow_null=True, help_text="Đề xuất, kiến nghị")
    doc_numbers = serializers.CharField(allow_null=True, help_text="Số văn bản đã ban hành (minh chứng)")
    links = serializers.CharField(allow_null=True, help_text="Đường dẫn minh chứng, mỗi dòng một đường dẫn")
    evidence = EvidenceSerializer(many=True, help_text="Tệp minh chứng")


class TargetItemSerializer(serializers.Serializer):
    target_id = serializers.IntegerField(help_text="Mã chỉ tiêu")
    code = serializers.CharField(help_text="Số thứ tự chỉ tiêu")
    text = serializers.CharField(help_text="Chỉ tiêu")
    unit = serializers.CharField(help_text="Đơn vị tính")
    value = serializers.DecimalField(**NUMBER, help_text="Giá trị đạt được")
    numerator = serializers.DecimalField(**NUMBER, help_text="Tử số")
    denominator = serializers.DecimalField(**NUMBER, help_text="Mẫu số")
    qualitative_met = serializers.BooleanField(allow_null=True, help_text="Đã đạt (chỉ tiêu định tính)")
    source = serializers.CharField(allow_null=True, help_text="Nguồn số liệu")
    as_of = serializers.DateField(allow_null=True, help_text="Số liệu tính đến ngày")
    note = serializers.CharField(allow_null=True, help_text="Ghi chú")


class ReportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    period = PeriodSerializer(help_text="Kỳ báo cáo")
    unit_id = serializers.IntegerField(help_text="Mã đơn vị")
    unit_name = serializers.CharField(help_text="Tên đơn vị")
    state = serializers.ChoiceField(choices=ReportState.choices,
                                    help_text="draft, pending (chờ lãnh đạo duyệt), submitted, returned, accepted")
    state_label = serializers.CharField(help_text="Trạng thái")
    timeliness = serializers.ChoiceField(choices=list(st.TIMELINESS_LABELS),
                                         help_text="expected, on_time, late, missing")
    nothing_to_report = serializers.BooleanField(help_text="Không phát sinh")
    summary = serializers.CharField(help_text="Tóm tắt chung")
    version = serializers.IntegerField(help_text="Số lần đã gửi")
    first_sent_at = serializers.DateTimeField(allow_null=True, help_text="Gửi lần đầu")
    sent_at = serializers.DateTimeField(allow_null=True, help_text="Gửi lần gần nhất")
    return_reason = serializers.CharField(help_text="Lý do trả lại")
    can_edit = serializers.BooleanField(help_text="Tài khoản này sửa được báo cáo")


class ReportDetailSerializer(ReportSerializer):
    tasks = TaskItemSerializer(many=True, help_text="Nhiệm vụ phải báo cáo (chủ trì trước), với nội dung đã nhập")
    targets = TargetItemSerializer(many=True, help_text="Chỉ tiêu phải báo cáo, với số liệu đã nhập")
    evidence = EvidenceSerializer(many=True, help_text="Minh chứng chung của báo cáo")


class ReportCreateSerializer(VietnameseSerializer):
    period = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="Mã kỳ báo cáo")
    unit = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="Mã đơn vị (của mình)")


class TaskItemIn(VietnameseSerializer):
    task = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="Mã nhiệm vụ")
    status = serializers.ChoiceField(choices=[*WorkStatus.values, ""], required=False, allow_null=True)
    progress = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=100)
    completed_on = serializers.DateField(required=False, allow_null=True)
    done_text = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    reason = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    difficulties = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    proposals = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    doc_numbers = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    links = serializers.CharField(required=False, allow_null=True, allow_blank=True)


class TargetItemIn(VietnameseSerializer):
    target = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="Mã chỉ tiêu")
    value = serializers.DecimalField(max_digits=20, decimal_places=4, required=False, allow_null=True)
    numerator = serializers.DecimalField(max_digits=20, decimal_places=4, required=False, allow_null=True)
    denominator = serializers.DecimalField(max_digits=20, decimal_places=4, required=False, allow_null=True)
    qualitative_met = serializers.BooleanField(required=False, allow_null=True)
    source = serializers.CharField(required=False, allow_null=True, allow_blank=True, max_length=300)
    as_of = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_null=True, allow_blank=True)


class ReportUpdateSerializer(VietnameseSerializer):
    nothing_to_report = serializers.BooleanField(required=False, help_text="Không phát sinh")
    summary = serializers.CharField(required=False, allow_blank=True, help_text="Tóm tắt chung")
    tasks = TaskItemIn(many=True, required=False,
                       help_text="Nhiệm vụ cần cập nhật; trường không gửi giữ nguyên giá trị đã lưu")
    targets = TargetItemIn(many=True, required=False,
                           help_text="Chỉ tiêu cần cập nhật; trường không gửi giữ nguyên giá trị đã lưu")


class UnitStatusSerializer(serializers.Serializer):
    unit_id = serializers.IntegerField()
    unit_name = serializers.CharField(help_text="Tên đơn vị")
    report_id = serializers.IntegerField(allow_null=True, help_text="Báo cáo của đơn vị (nếu đã mở)")
    report_state = serializers.CharField(allow_null=True, help_text="Trạng thái báo cáo")
    timeliness = serializers.ChoiceField(choices=list(st.TIMELINESS_LABELS),
                                         help_text="expected, on_time, late, missing")
    timeliness_label = serializers.CharField(help_text="Tình trạng gửi báo cáo")
    overdue_task_ids = serializers.ListField(child=serializers.IntegerField(),
                                             help_text="Nhiệm vụ chủ trì đã quá hạn, chưa hoàn thành")


class PeriodFilter(VietnameseSerializer):
    frequency = serializers.ChoiceField(required=False, choices=list(cal.FREQUENCIES), help_text="Tần suất")
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2200, help_text="Năm")
    state = serializers.ChoiceField(required=False, choices=["upcoming", "open", "closed"],
                                    help_text="Trạng thái của kỳ hôm nay")


class ReportFilter(VietnameseSerializer):
    period = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID, help_text="Mã kỳ")
    unit = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID, help_text="Mã đơn vị")
    state = serializers.ChoiceField(required=False, choices=ReportState.values, help_text="Trạng thái")


# ---------------------------------------------------------------- reads

def _report_data(report: UnitReport, user, today: dt.date) -> dict[str, Any]:
    return {
        "id": report.pk, "period": period_data(report.period, today), "unit_id": report.unit_id,
        "unit_name": report.unit.name, "state": report.state, "state_label": report.get_state_display(),
        "timeliness": report.timeliness(today), "nothing_to_report": report.nothing_to_report,
        "summary": report.summary, "version": report.version, "first_sent_at": report.first_sent_at,
        "sent_at": report.sent_at, "return_reason": report.return_reason,
        "can_edit": perm.can_edit(user, report),
    }


def _detail_data(report: UnitReport, user, today: dt.date) -> dict[str, Any]:
    content = selectors.report_content(report, today=today)
    data = _report_data(report, user, today)
    data["tasks"] = [{
        "task_id": row.task.pk, "code": row.task.full_code, "text": row.task.text,
        "plan_id": row.task.plan_id, "is_lead": row.is_lead, "computed_status": row.status,
        **{f: getattr(row.item, f) if row.item else None for f in TASK_FIELDS},
        # Model rows: serialized here, the JSON renderer cannot write them.
        "evidence": EvidenceSerializer(row.evidence, many=True).data,
    } for row in content.tasks]
    data["targets"] = [{
        "target_id": row.target.pk, "code": row.target.code, "text": row.target.text,
        "unit": row.target.unit, **{f: getattr(row.item, f) if row.item else None for f in TARGET_FIELDS},
    } for row in content.targets]
    data["evidence"] = EvidenceSerializer(content.loose_evidence, many=True).data
    return data


def visible_reports(user) -> QuerySet[UnitReport]:
    """As ``reporting.permissions.can_view``: a unit's own reports; others' only once sent."""
    qs = UnitReport.objects.select_related("period", "unit")
    ids = visible_unit_ids(user)
    if ids is not None:
        return qs.filter(unit_id__in=ids) if user.is_unit_user else qs.none()
    return qs.filter(version__gt=0)


@extend_schema(tags=["báo cáo"], summary="Danh sách kỳ báo cáo", parameters=[PeriodFilter],
               responses={200: PeriodSerializer(many=True), **errors(400, 401)})
class PeriodList(ApiViewMixin, generics.GenericAPIView):
    serializer_class = PeriodSerializer

    def get(self, request: Request) -> Response:
        f = PeriodFilter(data={k: v for k, v in request.query_params.items() if k in PeriodFilter().fields})
        f.is_valid(raise_exception=True)
        params = f.validated_data
        services.ensure_periods()  # periods open by themselves, as on the reporting pages
        today = timezone.localdate()
        qs = ReportingPeriod.objects.order_by("-end", "frequency", "id")
        if params.get("frequency"):
            qs = qs.filter(frequency=params["frequency"])
        if params.get("year"):
            qs = qs.filter(year=params["year"])
        state = params.get("state")
        if state == "upcoming":
            qs = qs.filter(start__gt=today)
        elif state == "open":
            qs = qs.filter(start__lte=today, due__gte=today)
        elif state == "closed":
            qs = qs.filter(due__lt=today)
        page = self.paginate_queryset(qs)
        return self.get_paginated_response([period_data(p, today) for p in page])


@extend_schema(tags=["báo cáo"], summary="Kỳ báo cáo", responses={200: PeriodSerializer, **errors(401, 404)})
class PeriodDetail(ApiViewMixin, APIView):
    def get(self, request: Request, pk: int) -> Response:
        return Response(period_data(selectors.get_period(pk), timezone.localdate()))


@extend_schema(tags=["báo cáo"], summary="Tình hình gửi báo cáo của các đơn vị trong kỳ",
               description="Mỗi đơn vị phải báo cáo: trạng thái báo cáo, đúng hạn/muộn/chưa gửi, "
                           "nhiệm vụ quá hạn. Chuyên viên, lãnh đạo đơn vị chỉ thấy đơn vị mình.",
               responses={200: UnitStatusSerializer(many=True), **errors(401, 404)})
class PeriodUnits(ApiViewMixin, generics.GenericAPIView):
    serializer_class = UnitStatusSerializer

    def get(self, request: Request, pk: int) -> Response:
        period = selectors.get_period(pk)
        data = selectors.submission_status(period)
        ids = visible_unit_ids(request.user)
        rows = [r for r in data.rows if ids is None or r.unit.pk in ids]
        page = self.paginate_queryset(rows)
        return self.get_paginated_response([{
            "unit_id": r.unit.pk, "unit_name": r.unit.name,
            "report_id": r.report.pk if r.report else None,
            "report_state": r.report.state if r.report else None,
            "timeliness": r.timeliness, "timeliness_label": st.TIMELINESS_LABELS[r.timeliness][0],
            "overdue_task_ids": [t.pk for t in r.overdue_tasks],
        } for r in page])


class ReportList(ApiViewMixin, generics.GenericAPIView):
    serializer_class = ReportSerializer

    @method_schema(tags=["báo cáo"], summary="Danh sách báo cáo đơn vị", parameters=[ReportFilter],
                   responses={200: ReportSerializer(many=True), **errors(400, 401)})
    def get(self, request: Request) -> Response:
        f = ReportFilter(data={k: v for k, v in request.query_params.items() if k in ReportFilter().fields})
        f.is_valid(raise_exception=True)
        qs = visible_reports(request.user)
        for key, field in (("period", "period_id"), ("unit", "unit_id"), ("state", "state")):
            if f.validated_data.get(key):
                qs = qs.filter(**{field: f.validated_data[key]})
        page = self.paginate_queryset(qs.order_by("-period__end", "unit__path", "id"))
        today = timezone.localdate()
        return self.get_paginated_response([_report_data(r, request.user, today) for r in page])

    @method_schema(tags=["báo cáo"], summary="Mở (tạo) báo cáo nháp của đơn vị mình cho một kỳ",
                   request=ReportCreateSerializer,
                   responses={201: ReportDetailSerializer, 200: ReportDetailSerializer,
                              **errors(400, 401, 403, 404)})
    def post(self, request: Request) -> Response:
        body = ReportCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        period = selectors.get_period(body.validated_data["period"])
        unit = Unit.objects.filter(pk=body.validated_data["unit"]).first()
        if unit is None:
            raise Http404("Không tìm thấy đơn vị.")
        user = request.user
        if not perm.is_unit_member(user, unit.pk):
            raise PermissionDenied("Chỉ chuyên viên, lãnh đạo của đơn vị mới mở được báo cáo của đơn vị.")
        today = timezone.localdate()
        existed = UnitReport.objects.filter(period=period, unit=unit).first()
        if existed is None and (reason := closed_reason(period, today)):
            raise ValidationError({"detail": reason})
        report = services.open_report(actor=user, period=period, unit=unit)
        report = selectors.get_report(user, report.pk)
        return Response(_detail_data(report, user, today),
                        status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED)


def _form_value(value: Any) -> Any:
    """A JSON value as an HTML form would send it (the forms hold the rules)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _merged(item, given: dict, fields: tuple[str, ...]) -> dict:
    """Stored values, overwritten by the fields the client sent (PATCH semantics)."""
    base = {f: getattr(item, f) for f in fields} if item is not None else {}
    base.update({f: given[f] for f in fields if f in given})
    return {f: _form_value(v) for f, v in base.items()}


class ReportDetail(ApiViewMixin, APIView):
    @method_schema(tags=["báo cáo"], summary="Báo cáo đơn vị, với nhiệm vụ, chỉ tiêu, minh chứng",
                   responses={200: ReportDetailSerializer, **errors(401, 404)})
    def get(self, request: Request, pk: int) -> Response:
        report = selectors.get_report(request.user, pk)
        return Response(_detail_data(report, request.user, timezone.localdate()))

    @method_schema(tags=["báo cáo"], summary="Lưu báo cáo nháp (chỉ các trường gửi lên)",
                   request=ReportUpdateSerializer,
                   responses={200: ReportDetailSerializer, **errors(400, 401, 403, 404)})
    def patch(self, request: Request, pk: int) -> Response:
        user = request.user
        report = selectors.get_report(user, pk)
        today = timezone.localdate()
        if not perm.can_edit(user, report):
            raise PermissionDenied(services._locked_message(report))
        if reason := edit_closed_reason(report, today):
            raise ValidationError({"detail": reason})
        body = ReportUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        content = selectors.report_content(report, today=today)
        rows = {row.task.pk: row for row in content.tasks}
        target_rows = {row.target.pk: row for row in content.targets}
        problems: dict[str, list[str]] = {}
        tasks: dict[int, dict] = {}
        for i, item in enumerate(data.get("tasks", [])):
            row = rows.get(item["task"])
            if row is None:
                problems[f"tasks[{i}].task"] = [
                    f"Nhiệm vụ {item['task']} không thuộc phân công của đơn vị trong kỳ này."]
                continue
            form_class = TaskItemForm if row.is_lead else PartnerItemForm
            form = form_class(_merged(row.item, item, tuple(form_class.base_fields)))
            if not form.is_valid():
                problems.update({f"tasks[{i}].{k}": v for k, v in form.errors.items()})
                continue
            tasks[row.task.pk] = {**form.cleaned_data, "is_lead": row.is_lead}
        targets: dict[int, dict] = {}
        for i, item in enumerate(data.get("targets", [])):
            row = target_rows.get(item["target"])
            if row is None:
                problems[f"targets[{i}].target"] = [
                    f"Chỉ tiêu {item['target']} không thuộc phân công của đơn vị trong kỳ này."]
                continue
            form = TargetItemForm(_merged(row.item, item, TARGET_FIELDS), is_rate=row.is_rate)
            if not form.is_valid():
                problems.update({f"targets[{i}].{k}": v for k, v in form.errors.items()})
                continue
            targets[row.target.pk] = dict(form.cleaned_data)
        header = ReportHeaderForm({
            "nothing_to_report": _form_value(data.get("nothing_to_report", report.nothing_to_report)),
            "summary": data.get("summary", report.summary),
        })
        if not header.is_valid():
            problems.update(header.errors)
        if problems:
            raise ValidationError(problems)
        services.save_report(
            actor=user, report=report, tasks=tasks, targets=targets,
            nothing_to_report=header.cleaned_data["nothing_to_report"],
            summary=header.cleaned_data["summary"],
            allowed_task_ids=set(rows), allowed_target_ids=set(target_rows),
        )
        report = selectors.get_report(user, pk)
        return Response(_detail_data(report, user, today))


def _action_view(action: str):
    """POST /reports/{id}/submit or /send: the service checks the state and writes the version."""
    summaries = {
        "submit": "Trình lãnh đạo đơn vị duyệt (chuyên viên)",
        "send": "Duyệt và gửi báo cáo đến cơ quan thường trực (lãnh đạo đơn vị)",
    }
    checks = {"submit": perm.can_submit_for_approval, "send": perm.can_send}
    refusals = {
        "submit": "Chỉ chuyên viên của đơn vị trình được báo cáo đang soạn hoặc bị trả lại.",
        "send": "Chỉ lãnh đạo đơn vị duyệt và gửi được báo cáo chưa gửi hoặc bị trả lại.",
    }
    service = {"submit": services.submit_for_approval, "send": services.approve_and_send}[action]

    @extend_schema(tags=["báo cáo"], summary=summaries[action], request=None,
                   responses={200: ReportDetailSerializer, **errors(400, 401, 403, 404)})
    class ActionView(ApiViewMixin, APIView):
        def post(self, request: Request, pk: int) -> Response:
            user = request.user
            report = selectors.get_report(user, pk)
            today = timezone.localdate()
            if not checks[action](user, report):
                raise PermissionDenied(refusals[action])
            if reason := edit_closed_reason(report, today):
                raise ValidationError({"detail": reason})
            service(actor=user, report=report)
            return Response(_detail_data(selectors.get_report(user, pk), user, today))

    ActionView.__name__ = ActionView.__qualname__ = f"Report{action.title()}View"
    return ActionView


ReportSubmitView = _action_view("submit")
ReportSendView = _action_view("send")


class ReturnSerializer(VietnameseSerializer):
    # Blank passes here: the service holds the rule (and its message) that a reason is required.
    reason = serializers.CharField(allow_blank=True, help_text="Lý do trả lại (bắt buộc), để đơn vị biết cần sửa gì")


def _decision_view(action: str):
    """POST /reports/{id}/accept or /return: the standing agency decides on a sent report.

    Another role gets 403; a report in another state 409; the service re-checks both
    under a lock and writes the decision on the version, the audit event, the notices.
    """
    summaries = {
        "accept": "Tiếp nhận báo cáo đã gửi (cơ quan thường trực)",
        "return": "Trả lại báo cáo đã gửi, kèm lý do (cơ quan thường trực)",
    }
    descriptions = {
        "accept": "Báo cáo được khóa; đơn vị nhận thông báo.",
        "return": "Lý do là bắt buộc; đơn vị nhận thông báo kèm lý do, sửa và gửi lại.",
    }
    refusals = {
        "accept": "Chỉ cơ quan thường trực tiếp nhận báo cáo.",
        "return": "Chỉ cơ quan thường trực trả lại báo cáo.",
    }
    verbs = {"accept": "tiếp nhận", "return": "trả lại"}
    body = {"accept": None, "return": ReturnSerializer}[action]

    @extend_schema(tags=["báo cáo"], summary=summaries[action], description=descriptions[action],
                   request=body, responses={200: ReportDetailSerializer, **errors(400, 401, 403, 404, 409)})
    class DecisionView(ApiViewMixin, APIView):
        def post(self, request: Request, pk: int) -> Response:
            user = request.user
            report = selectors.get_report(user, pk)
            if not perm.is_standing(user):
                raise PermissionDenied(refusals[action])
            if not perm.can_decide(user, report):
                raise Conflict(f"Báo cáo đang ở trạng thái “{report.get_state_display()}”; chỉ "
                               f"{verbs[action]} được báo cáo đã gửi, chưa tiếp nhận.")
            if action == "accept":
                services.accept_report(actor=user, report=report)
            else:
                data = ReturnSerializer(data=request.data)
                data.is_valid(raise_exception=True)
                services.return_report(actor=user, report=report, reason=data.validated_data["reason"])
            return Response(_detail_data(selectors.get_report(user, pk), user, timezone.localdate()))

    DecisionView.__name__ = DecisionView.__qualname__ = f"Report{action.title()}View"
    return DecisionView


ReportAcceptView = _decision_view("accept")
ReportReturnView = _decision_view("return")


@extend_schema(tags=["báo cáo"], summary="Lịch sử thay đổi của báo cáo",
               responses={200: AuditEventSerializer(many=True), **errors(401, 404)})
class ReportHistory(ApiViewMixin, generics.GenericAPIView):
    serializer_class = AuditEventSerializer

    def get(self, request: Request, pk: int) -> Response:
        report = selectors.get_report(request.user, pk)
        page = self.paginate_queryset(selectors.report_history(request.user, report))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


# ---------------------------------------------------------------- evidence files

class EvidenceFileSerializer(EvidenceSerializer):
    task_code = serializers.CharField(allow_null=True, help_text="Số thứ tự nhiệm vụ (nếu gắn với nhiệm vụ)")
    uploaded_by = serializers.CharField(allow_null=True, help_text="Người tải lên")
    uploaded_at = serializers.DateTimeField(help_text="Thời điểm tải lên")
    download_url = serializers.URLField(
        help_text="Địa chỉ tải tệp (GET; dùng được với mã xác thực API)")


class EvidenceUploadSerializer(VietnameseSerializer):
    # An empty file passes here: the service refuses it with its own message, as on the web.
    file = serializers.FileField(allow_empty_file=True,
                                 help_text="Tệp minh chứng: PDF, DOCX, XLSX, PNG, JPEG (kiểm tra theo nội dung)")
    task = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=MAX_ID,
                                    help_text="Mã nhiệm vụ của báo cáo mà minh chứng gắn với; bỏ trống: "
                                              "minh chứng chung của báo cáo")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].error_messages.update({
            "required": "Chưa gửi tệp minh chứng (trường file, multipart/form-data).",
            "null": "Chưa gửi tệp minh chứng (trường file, multipart/form-data).",
            "invalid": "Trường file phải là một tệp gửi dạng multipart/form-data.",
            "no_name": "Tệp gửi lên không có tên.",
            "empty": "Tệp gửi lên rỗng.",
        })


def _evidence_data(ev: Evidence, request: Request) -> dict[str, Any]:
    by = ev.uploaded_by
    return {
        "id": ev.pk, "original_name": ev.original_name, "kind": ev.kind, "size": ev.size,
        "task_id": ev.task_id, "task_code": ev.task.full_code if ev.task_id else None,
        "uploaded_by": (by.full_name or by.username) if by else None, "uploaded_at": ev.uploaded_at,
        "download_url": request.build_absolute_uri(
            reverse("api-report-evidence-detail", args=[ev.report_id, ev.pk])),
    }


def _require_editable(user, report: UnitReport, today: dt.date) -> None:
    """Evidence changes as the report's content does: its unit, while editable, in an open period."""
    if not perm.is_unit_member(user, report.unit_id):
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo của đơn vị mới thêm, xóa được minh chứng "
                               "của báo cáo.")
    if not perm.can_edit(user, report):
        raise PermissionDenied(services._locked_message(report))
    if reason := edit_closed_reason(report, today):
        raise ValidationError({"detail": reason})


class ReportEvidenceList(ApiViewMixin, generics.GenericAPIView):
    serializer_class = EvidenceFileSerializer
    parser_classes = [MultiPartParser]

    @method_schema(tags=["báo cáo"], summary="Tệp minh chứng của báo cáo",
                   responses={200: EvidenceFileSerializer(many=True), **errors(401, 404)})
    def get(self, request: Request, pk: int) -> Response:
        report = selectors.get_report(request.user, pk)
        qs = Evidence.objects.filter(report=report).select_related("task", "uploaded_by").order_by(
            "uploaded_at", "id")
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(
            self.get_serializer([_evidence_data(ev, request) for ev in page], many=True).data)

    @method_schema(tags=["báo cáo"], summary="Tải lên một tệp minh chứng (multipart/form-data)",
                   description=("Như trang báo cáo: loại tệp kiểm tra theo nội dung (PDF, DOCX, XLSX, PNG, "
                                "JPEG), dung lượng có giới hạn, ghi lịch sử. Chỉ đơn vị của báo cáo, khi "
                                "báo cáo còn sửa được."),
                   request={"multipart/form-data": EvidenceUploadSerializer},
                   responses={201: EvidenceFileSerializer, **errors(400, 401, 403, 404)})
    def post(self, request: Request, pk: int) -> Response:
        user = request.user
        report = selectors.get_report(user, pk)
        today = timezone.localdate()
        _require_editable(user, report, today)
        try:
            body = EvidenceUploadSerializer(data=request.data)
            body.is_valid(raise_exception=True)
        except UnsupportedMediaType:
            raise UnsupportedMediaType(request.content_type,
                                       "Kiểu nội dung không được hỗ trợ: hãy gửi multipart/form-data.") from None
        f = body.validated_data["file"]
        task_id = body.validated_data.get("task")
        if refusal := oversize_message(f.name, f.size):  # refused before reading, as on the web
            raise ValidationError({"detail": refusal})
        allowed: set[int] = set()
        if task_id is not None:
            allowed = {row.task.pk for row in selectors.report_content(report, today=today).tasks}
        result = services.save_report(
            actor=user, report=report, tasks={}, targets={},
            nothing_to_report=report.nothing_to_report, summary=report.summary,
            uploads=[services.Upload(name=f.name, data=f.read(), task_id=task_id)],
            allowed_task_ids=allowed, allowed_target_ids=set(),
        )
        ev = Evidence.objects.select_related("task", "uploaded_by").get(pk=result.evidence[0].pk)
        return Response(EvidenceFileSerializer(_evidence_data(ev, request)).data, status=status.HTTP_201_CREATED)


class ReportEvidenceDetail(ApiViewMixin, APIView):
    @method_schema(tags=["báo cáo"], summary="Tải một tệp minh chứng",
                   description="Ai xem được báo cáo thì tải được tệp; dùng được với mã xác thực API.",
                   responses={**{(200, ct): OpenApiTypes.BINARY for ct in CONTENT_TYPES.values()},
                              **errors(401, 404)})
    def get(self, request: Request, pk: int, evidence_id: int) -> FileResponse:
        report = selectors.get_report(request.user, pk)
        return download_response(selectors.get_evidence(request.user, report, evidence_id))

    @method_schema(tags=["báo cáo"], summary="Xóa một tệp minh chứng", request=None,
                   description="Chỉ đơn vị của báo cáo, khi báo cáo còn sửa được; ghi lịch sử.",
                   responses={204: None, **errors(400, 401, 403, 404)})
    def delete(self, request: Request, pk: int, evidence_id: int) -> Response:
        user = request.user
        report = selectors.get_report(user, pk)
        _require_editable(user, report, timezone.localdate())
        services.delete_evidence(actor=user, evidence=selectors.get_evidence(user, report, evidence_id))
        return Response(status=status.HTTP_204_NO_CONTENT)



# ---------------------------------------------------------------- national export

class NationalParams(VietnameseSerializer):
    period = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="Mã kỳ báo cáo")
    plans = serializers.RegexField(r"^\d{1,18}(,\d{1,18})*$", required=False,
                                   help_text="Mã các kế hoạch, cách nhau bởi dấu phẩy; bỏ trống: "
                                             "mọi kế hoạch báo cáo theo tần suất của kỳ",
                                   error_messages={"invalid": "Danh sách mã kế hoạch dạng 1,2,3."})
    # Not "format": DRF reads ?format= as a renderer override.
    output = serializers.ChoiceField(choices=["xlsx", "csv"], required=False, default="xlsx",
                                     help_text="xlsx (mặc định) hoặc csv (UTF-8)")


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def require_follow(user) -> None:
    if not perm.can_follow(user):
        raise PermissionDenied("Chỉ cơ quan thường trực, lãnh đạo và kiểm tra, giám sát "
                               "xuất được số liệu cho hệ thống quốc gia.")


@extend_schema(
    tags=["báo cáo"], summary="Tệp số liệu cho hệ thống giám sát quốc gia (nq57.vn)",
    description=("Theo kỳ và các kế hoạch chọn: mỗi chỉ tiêu, nhiệm vụ (mỗi đơn vị chủ trì một "
                 "dòng) với đơn vị chủ trì, tình trạng, giá trị đạt được, minh chứng, khó khăn. "
                 "Chỉ gồm báo cáo đã gửi. Các cột: xem README, mục “Xuất số liệu quốc gia”."),
    parameters=[NationalParams],
    responses={(200, XLSX_TYPE): OpenApiTypes.BINARY, (200, "text/csv"): OpenApiTypes.STR,
               **errors(400, 401, 403, 404)},
)
class NationalExportView(ApiViewMixin, APIView):
    def get(self, request: Request) -> HttpResponse:
        require_follow(request.user)
        data = {k: v for k, v in request.query_params.items() if k in NationalParams().fields}
        if "plans" in request.query_params:
            # ?plans=1,2 or ?plans=1&plans=2 (a multiple select in a web form)
            data["plans"] = ",".join(v for v in request.query_params.getlist("plans") if v)
            if not data["plans"]:
                del data["plans"]
        f = NationalParams(data=data)
        f.is_valid(raise_exception=True)
        params = f.validated_data
        period = selectors.get_period(params["period"])
        plans = None
        if params.get("plans"):
            ids = [int(x) for x in params["plans"].split(",")]
            found = Plan.objects.in_bulk([i for i in ids if i <= MAX_ID])
            missing = [i for i in ids if i not in found]
            if missing:
                raise Http404(f"Không tìm thấy kế hoạch: {', '.join(map(str, missing))}.")
            plans = [found[i] for i in dict.fromkeys(ids)]
        export = build_export(period, plans)
        if params["output"] == "csv":
            response = HttpResponse(to_csv(export), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(to_xlsx(export), content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{export.filename}.{params["output"]}"'
        return response


@login_required
def national_page(request: HttpRequest) -> HttpResponse:
    """The standing agency's page: choose a period and plans, download the file."""
    if not perm.can_follow(request.user):
        raise DjangoPermissionDenied("Chỉ cơ quan thường trực, lãnh đạo và kiểm tra, giám sát xuất được số liệu.")
    services.ensure_periods()
    today = timezone.localdate()
    periods = selectors.recent_periods(today=today)
    chosen = request.GET.get("ky", "")
    plan_id = request.GET.get("ke_hoach", "")
    return render(request, "api/national_export.html", {
        "periods": periods, "plans": Plan.objects.order_by("-date", "-id"),
        "chosen": int(chosen) if chosen.isdigit() else None,
        "default": selectors.default_period(periods, today),
        "plan_id": int(plan_id) if plan_id.isdigit() else None,
        "columns": COLUMNS,
    })
