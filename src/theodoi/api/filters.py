"""Query-string filters, declared as serializers so that they are validated (400 with a
Vietnamese message) and described in the OpenAPI document from one place."""

from __future__ import annotations

from rest_framework import serializers

from theodoi.plans.models import DeadlineKind
from theodoi.reporting.status import TASK_LABELS

from .messages import VietnameseSerializer

MAX_ID = 2**63 - 1  # BigAutoField; larger numbers cannot even be sent to the database


class _Filter(VietnameseSerializer):
    def validate(self, attrs: dict) -> dict:
        low, high = attrs.get(self.range_fields[0]), attrs.get(self.range_fields[1])
        if low and high and low > high:
            raise serializers.ValidationError("Khoảng ngày không hợp lệ: ngày bắt đầu sau ngày kết thúc.")
        return attrs

    range_fields = ("date_from", "date_to")


class PlanFilter(_Filter):
    q = serializers.CharField(required=False, help_text="Tìm theo số, trích yếu, nội dung (không dấu cũng được)")
    unit = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID,
                                    help_text="Kế hoạch có đơn vị này (và đơn vị trực thuộc) tham gia")
    issuing_unit = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID, help_text="Đơn vị ban hành")
    date_from = serializers.DateField(required=False, help_text="Ban hành từ ngày (YYYY-MM-DD)")
    date_to = serializers.DateField(required=False, help_text="Ban hành đến ngày (YYYY-MM-DD)")


class TaskFilter(_Filter):
    range_fields = ("due_from", "due_to")
    plan = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID, help_text="Mã kế hoạch")
    unit = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID,
                                    help_text="Đơn vị được phân công (kể cả đơn vị trực thuộc)")
    role = serializers.ChoiceField(required=False, choices=["lead", "partner"],
                                   help_text="Vai trò của đơn vị: lead = chủ trì, partner = phối hợp")
    due_from = serializers.DateField(required=False, help_text="Hạn hoàn thành từ ngày")
    due_to = serializers.DateField(required=False, help_text="Hạn hoàn thành đến ngày")
    deadline_kind = serializers.ChoiceField(required=False, choices=DeadlineKind.values,
                                            help_text="Loại thời hạn")
    q = serializers.CharField(required=False, help_text="Tìm trong nội dung nhiệm vụ")
    status = serializers.ChoiceField(required=False, choices=list(TASK_LABELS),
                                     help_text="Tình trạng tính được (xem trường status)")


class TargetFilter(_Filter):
    range_fields = ("year_from", "year_to")
    plan = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID, help_text="Mã kế hoạch")
    unit = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID,
                                    help_text="Đơn vị chủ trì (kể cả đơn vị trực thuộc)")
    indicator = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID, help_text="Mã chỉ số")
    year_from = serializers.IntegerField(required=False, min_value=1900, max_value=2200, help_text="Từ năm")
    year_to = serializers.IntegerField(required=False, min_value=1900, max_value=2200, help_text="Đến năm")


class UnitFilter(VietnameseSerializer):
    parent = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID, help_text="Chỉ các đơn vị con trực tiếp")
    kind = serializers.ChoiceField(required=False, choices=[
        "province", "bloc", "department", "party_body", "mass_org", "commune", "ward",
        "commune_office", "other"], help_text="Loại đơn vị")
    active = serializers.BooleanField(required=False, allow_null=True, default=None,
                                      help_text="true: chỉ đơn vị đang hoạt động")
    q = serializers.CharField(required=False, help_text="Tìm theo tên (không dấu cũng được)")


class IndicatorFilter(VietnameseSerializer):
    q = serializers.CharField(required=False, help_text="Tìm theo tên chỉ số (không dấu cũng được)")


class ImportParams(VietnameseSerializer):
    update = serializers.BooleanField(required=False, default=False,
                                      help_text="true: thay kế hoạch đã có (cùng số) bằng nội dung gửi lên")


def parse(filter_class: type[serializers.Serializer], request) -> dict:
    """Validated query parameters; raises ValidationError (400) on a bad value."""
    data = {k: v for k, v in request.query_params.items() if k in filter_class().fields}
    f = filter_class(data=data)
    f.is_valid(raise_exception=True)
    return f.validated_data
