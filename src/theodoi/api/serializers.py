"""Read serializers of the API. Field help texts are the OpenAPI descriptions (Vietnamese).

They read only what the views prefetch (``open_assignments``, annotations), so a
page costs a fixed number of queries whatever its length.
"""

from __future__ import annotations

from django.contrib.auth import authenticate
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from theodoi.accounts.models import Role
from theodoi.plans.models import AssignmentRole, Comparator, DeadlineKind, Recurrence
from theodoi.reporting.status import TASK_LABELS, task_label
from theodoi.units.models import UnitKind, UnitLevel

from .messages import VietnameseSerializer  # noqa: E402

TASK_STATUS_HELP = "Tình trạng tính được: " + ", ".join(f"{k} = {v[0]}" for k, v in TASK_LABELS.items())

NUMBER = {"max_digits": 20, "decimal_places": 4, "coerce_to_string": False}


class TokenRequestSerializer(VietnameseSerializer):
    username = serializers.CharField(help_text="Tên đăng nhập")
    password = serializers.CharField(help_text="Mật khẩu", style={"input_type": "password"},
                                     trim_whitespace=False)

    def validate(self, attrs: dict) -> dict:
        user = authenticate(request=self.context.get("request"), username=attrs["username"],
                            password=attrs["password"])
        if user is None or not user.is_active:
            raise serializers.ValidationError(
                "Tên đăng nhập hoặc mật khẩu không đúng.", code="authorization")
        attrs["user"] = user
        return attrs


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Mã gửi kèm mỗi yêu cầu: “Authorization: Token <mã>”")


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField(help_text="Tên đăng nhập")
    full_name = serializers.CharField(help_text="Họ và tên")
    role = serializers.ChoiceField(choices=Role.choices, help_text="Vai trò")
    unit_id = serializers.IntegerField(allow_null=True, help_text="Đơn vị của tài khoản")
    sees_all = serializers.BooleanField(help_text="Xem được dữ liệu của mọi đơn vị")
    manages_plans = serializers.BooleanField(help_text="Được nhập, cập nhật kế hoạch")


class UnitRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(help_text="Tên chính thức")


class AssignmentSerializer(serializers.Serializer):
    unit_id = serializers.IntegerField(help_text="Mã đơn vị")
    unit_name = serializers.CharField(source="unit.name", help_text="Tên đơn vị")
    role = serializers.ChoiceField(choices=AssignmentRole.choices,
                                   help_text="lead = chủ trì, partner = phối hợp")
    raw_name = serializers.CharField(help_text="Tên cơ quan như văn bản ghi")


class AssignmentHistorySerializer(AssignmentSerializer):
    started_at = serializers.DateTimeField(help_text="Bắt đầu phụ trách")
    ended_at = serializers.DateTimeField(allow_null=True, help_text="Kết thúc (khi sáp nhập, điều chuyển)")
    end_reason = serializers.CharField(help_text="Lý do kết thúc")
    transferred_from_unit_id = serializers.IntegerField(
        source="transferred_from.unit_id", allow_null=True, default=None,
        help_text="Đơn vị phụ trách trước (khi chuyển do sáp nhập)")


class DeadlineSerializer(serializers.Serializer):
    raw = serializers.CharField(source="deadline_raw", help_text="Thời hạn như văn bản ghi")
    kind = serializers.ChoiceField(source="deadline_kind", choices=DeadlineKind.choices,
                                   help_text="Loại thời hạn")
    due = serializers.DateField(source="due_date", allow_null=True, help_text="Hạn hoàn thành")
    every = serializers.ChoiceField(source="recurrence", choices=[*Recurrence.choices, ("", "")],
                                    help_text="Chu kỳ của nhiệm vụ định kỳ, thường xuyên")


def _role_list(role: str):
    @extend_schema_field(AssignmentSerializer(many=True))
    def get(self, obj) -> list[dict]:
        rows = [a for a in getattr(obj, "open_assignments", []) if a.role == role]
        return AssignmentSerializer(rows, many=True).data
    return get


class TaskSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    plan_id = serializers.IntegerField(help_text="Mã kế hoạch")
    plan_number = serializers.CharField(source="plan.number", help_text="Số ký hiệu kế hoạch")
    code = serializers.CharField(source="full_code", help_text="Số thứ tự (I.1, III.4 …)")
    section_code = serializers.CharField(help_text="Mục (số La Mã)")
    section_title = serializers.CharField(help_text="Tên mục")
    text = serializers.CharField(help_text="Nội dung nhiệm vụ")
    output = serializers.CharField(help_text="Kết quả dự kiến, sản phẩm")
    deadline = DeadlineSerializer(source="*", help_text="Thời hạn")
    leads = serializers.SerializerMethodField(help_text="Cơ quan chủ trì")
    partners = serializers.SerializerMethodField(help_text="Cơ quan phối hợp")
    status = serializers.CharField(source="computed_status", default="",
                                   help_text=TASK_STATUS_HELP)
    status_label = serializers.SerializerMethodField(help_text="Tình trạng (tiếng Việt)")

    get_leads = _role_list("lead")
    get_partners = _role_list("partner")

    def get_status_label(self, obj) -> str:
        return task_label(getattr(obj, "computed_status", ""))[0] if getattr(obj, "computed_status", "") else ""


class TaskInPlanSerializer(TaskSerializer):
    plan_id = None
    plan_number = None


class TaskDetailSerializer(TaskSerializer):
    assignments = AssignmentHistorySerializer(
        many=True, source="all_assignments",
        help_text="Mọi phân công, kể cả đã kết thúc (lịch sử sáp nhập)")


class TargetSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    plan_id = serializers.IntegerField(help_text="Mã kế hoạch")
    indicator_id = serializers.IntegerField(allow_null=True, help_text="Mã chỉ số")
    group = serializers.CharField(help_text="Nhóm chỉ tiêu")
    code = serializers.CharField(help_text="Số thứ tự")
    text = serializers.CharField(help_text="Chỉ tiêu")
    unit = serializers.CharField(help_text="Đơn vị tính")
    comparator = serializers.ChoiceField(choices=[*Comparator.choices, ("", "")],
                                         help_text="So sánh: >=, <=, =, range, qualitative")
    value = serializers.DecimalField(**NUMBER, allow_null=True, help_text="Giá trị")
    value_max = serializers.DecimalField(**NUMBER, allow_null=True,
                                         help_text="Giá trị tối đa (khoảng)")
    qualitative = serializers.CharField(help_text="Kết quả định tính")
    year = serializers.IntegerField(allow_null=True, help_text="Năm")
    deadline = serializers.DateField(allow_null=True, help_text="Thời hạn")
    leads = serializers.SerializerMethodField(help_text="Cơ quan chủ trì theo dõi")
    status = serializers.CharField(source="computed_status", default="",
                                   help_text="Tình trạng tính được: reached, not_reached, no_data")

    get_leads = _role_list("lead")


class TargetInPlanSerializer(TargetSerializer):
    plan_id = None


class PlanLinkSerializer(serializers.Serializer):
    number = serializers.CharField(help_text="Số ký hiệu văn bản được thực hiện")
    plan_id = serializers.IntegerField(source="parent_id", allow_null=True,
                                       help_text="Mã kế hoạch nếu văn bản đó có trong hệ thống")


class PlanSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField(help_text="Loại văn bản (KẾ HOẠCH, CHƯƠNG TRÌNH HÀNH ĐỘNG …)")
    number = serializers.CharField(help_text="Số ký hiệu; rỗng khi văn bản không ghi")
    date = serializers.DateField(allow_null=True, help_text="Ngày ban hành")
    place = serializers.CharField(help_text="Địa danh")
    issuer = serializers.CharField(help_text="Cơ quan ban hành như văn bản ghi")
    issuing_unit_id = serializers.IntegerField(allow_null=True, help_text="Mã đơn vị ban hành")
    title = serializers.CharField(help_text="Trích yếu")
    is_public = serializers.BooleanField(help_text="Công khai")
    n_targets = serializers.IntegerField(help_text="Số chỉ tiêu")
    n_tasks = serializers.IntegerField(help_text="Số nhiệm vụ")
    implements = PlanLinkSerializer(many=True, source="parent_links_list",
                                    help_text="Văn bản mà kế hoạch này thực hiện")
    created_at = serializers.DateTimeField(help_text="Thời điểm nhập")
    updated_at = serializers.DateTimeField(help_text="Thời điểm cập nhật")


class PlanDetailSerializer(PlanSerializer):
    references = serializers.ListField(child=serializers.CharField(),
                                       help_text="Văn bản được dẫn")
    targets = TargetInPlanSerializer(many=True, source="targets_list", help_text="Chỉ tiêu")
    tasks = TaskInPlanSerializer(many=True, source="tasks_list", help_text="Nhiệm vụ")


class UnitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(help_text="Tên chính thức")
    short_name = serializers.CharField(help_text="Tên viết tắt")
    kind = serializers.ChoiceField(choices=UnitKind.choices, help_text="Loại đơn vị")
    level = serializers.ChoiceField(choices=UnitLevel.choices, help_text="Cấp")
    parent_id = serializers.IntegerField(allow_null=True, help_text="Đơn vị cấp trên")
    depth = serializers.IntegerField(help_text="Độ sâu trong cây (0 = gốc)")
    path_ids = serializers.SerializerMethodField(help_text="Mã các đơn vị từ gốc đến đơn vị này")
    is_active = serializers.BooleanField(help_text="Đang hoạt động")
    pending = serializers.BooleanField(help_text="Tên đọc từ văn bản, chờ xác nhận")
    successor_id = serializers.IntegerField(allow_null=True, help_text="Đơn vị kế thừa (sáp nhập)")

    def get_path_ids(self, obj) -> list[int]:
        return [int(p) for p in obj.path.strip("/").split("/") if p]


class IndicatorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(help_text="Tên chỉ số")
    unit_of_measure = serializers.CharField(help_text="Đơn vị tính")
    is_cumulative = serializers.BooleanField(help_text="Lũy kế")
    n_targets = serializers.IntegerField(help_text="Số chỉ tiêu (trong các kế hoạch xem được)")


class IndicatorTargetSerializer(TargetSerializer):
    plan_number = serializers.CharField(source="plan.number", help_text="Số ký hiệu kế hoạch")
    plan_title = serializers.CharField(source="plan.title", help_text="Trích yếu kế hoạch")


class IndicatorDetailSerializer(IndicatorSerializer):
    targets = IndicatorTargetSerializer(many=True, source="targets_list",
                                        help_text="Chỉ tiêu đặt cho chỉ số này qua các kế hoạch, các năm")


class AuditEventSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    at = serializers.DateTimeField(help_text="Thời điểm")
    actor = serializers.CharField(source="actor_label", help_text="Người thực hiện")
    action = serializers.CharField(help_text="Thao tác (import, update, merge, send …)")
    object_type = serializers.CharField(help_text="Loại đối tượng")
    object_id = serializers.CharField(help_text="Mã đối tượng")
    object_repr = serializers.CharField(help_text="Đối tượng")
    changes = serializers.DictField(help_text="Thay đổi: {trường: [trước, sau]}")
    message = serializers.CharField(help_text="Ghi chú")


class ImportResultSerializer(serializers.Serializer):
    plan_id = serializers.IntegerField(source="plan.pk", help_text="Mã kế hoạch đã lưu")
    created = serializers.BooleanField(help_text="true: tạo mới; false: cập nhật")
    targets = serializers.IntegerField(help_text="Số chỉ tiêu")
    tasks = serializers.IntegerField(help_text="Số nhiệm vụ")
    pending_units = UnitRefSerializer(many=True, help_text="Tên cơ quan chưa khớp đơn vị nào")
    summary = serializers.CharField(help_text="Tóm tắt")


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="Thông báo lỗi")
    code = serializers.CharField(help_text="Mã lỗi")
    errors = serializers.DictField(required=False, help_text="Lỗi theo từng trường")
    existing_id = serializers.IntegerField(required=False, help_text="Kế hoạch đã có (khi trùng)")
