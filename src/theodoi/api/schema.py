"""OpenAPI pieces written by hand: plan JSON (plan-format.md plus theodoi's keys) and
the document's own settings (title, description in Vietnamese, token security)."""

from __future__ import annotations

_STR = {"type": "string", "nullable": True}
_STR_LIST = {"type": "array", "items": {"type": "string"}}
UNIT_REF = {
    "type": "object",
    "description": "Đơn vị mà tên in trong văn bản đã được gán tới, ở hệ thống xuất tệp.",
    "properties": {
        "id": {"type": "integer", "description": "Mã đơn vị ở hệ thống xuất tệp"},
        "name": {"type": "string", "description": "Tên chính thức"},
        "path_names": {**_STR_LIST, "description": "Tên các đơn vị từ gốc cây đến đơn vị này"},
    },
}
DEADLINE = {
    "type": "object",
    "properties": {
        "raw": {**_STR, "description": "Thời hạn như văn bản ghi"},
        "kind": {"type": "string", "enum": ["date", "month", "quarter", "year", "recurring", "none"]},
        "due": {**_STR, "format": "date", "description": "Hạn hoàn thành (YYYY-MM-DD)"},
        "every": {"type": "string", "nullable": True,
                  "enum": ["continuous", "monthly", "quarterly", "half-yearly", "yearly", None]},
    },
}
TARGET = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "code": _STR, "group": _STR,
        "text": {"type": "string", "minLength": 1, "description": "Nội dung chỉ tiêu"},
        "unit": {**_STR, "description": "Đơn vị tính"},
        "comparator": {"type": "string", "nullable": True,
                       "enum": [">=", "<=", "=", "range", "qualitative", None]},
        "value": {"type": "number", "nullable": True},
        "value_max": {"type": "number", "nullable": True},
        "qualitative": _STR,
        "lead": {**_STR_LIST, "description": "Cơ quan chủ trì, như văn bản ghi"},
        "lead_units": {"type": "array", "items": UNIT_REF,
                       "description": "(theodoi) đơn vị của từng tên trong lead, cùng thứ tự"},
        "indicator": {"type": "object", "nullable": True, "description": "(theodoi) chỉ số"},
        "year": {"type": "integer", "nullable": True, "description": "(theodoi) năm của chỉ tiêu"},
    },
}
TASK = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "code": _STR, "section_title": _STR,
        "text": {"type": "string", "minLength": 1, "description": "Nội dung nhiệm vụ"},
        "lead": {**_STR_LIST, "description": "Cơ quan chủ trì"},
        "support": {**_STR_LIST, "description": "Cơ quan phối hợp"},
        "output": {**_STR, "description": "Kết quả dự kiến, sản phẩm"},
        "deadline": DEADLINE,
        "lead_units": {"type": "array", "items": UNIT_REF},
        "support_units": {"type": "array", "items": UNIT_REF},
        "status": {"type": "string", "description": "(theodoi) tình trạng tính được; bỏ qua khi nhập"},
    },
}
PLAN_JSON = {
    "type": "object",
    "description": (
        "Plan JSON (định dạng trao đổi kế hoạch, xem plan-format.md) cùng các khóa theodoi "
        "thêm vào: theodoi, plan.issuer_unit, plan.is_public, lead_units, support_units, "
        "indicator, year, status. Khi nhập, các khóa thêm là tùy chọn."
    ),
    "required": ["plan"],
    "properties": {
        "theodoi": {"type": "object", "description": "Nguồn: định dạng, mã kế hoạch ở hệ thống xuất"},
        "plan": {
            "type": "object",
            "required": ["title"],
            "properties": {
                "kind": {**_STR, "description": "Loại văn bản"},
                "number": {**_STR, "description": "Số ký hiệu"},
                "date": {**_STR, "format": "date", "description": "Ngày ban hành"},
                "place": _STR,
                "issuer": {**_STR, "description": "Cơ quan ban hành như văn bản ghi"},
                "title": {"type": "string", "minLength": 1, "description": "Trích yếu"},
                "implements": {**_STR_LIST, "description": "Văn bản được thực hiện"},
                "references": {**_STR_LIST, "description": "Văn bản được dẫn"},
                "issuer_unit": {**UNIT_REF, "nullable": True},
                "is_public": {"type": "boolean", "description": "Công khai"},
            },
        },
        "targets": {"type": "array", "items": TARGET},
        "tasks": {"type": "array", "items": TASK},
    },
}

DESCRIPTION = """\
API của theodoi — theo dõi thực hiện các kế hoạch triển khai Nghị quyết 57-NQ/TW.

**Xác thực.** Lấy mã bằng `POST /api/token/` (tên đăng nhập, mật khẩu), rồi gửi kèm
mỗi yêu cầu tiêu đề `Authorization: Token <mã>`. Mỗi tài khoản chỉ thấy dữ liệu như
trên giao diện web: chuyên viên, lãnh đạo đơn vị chỉ thấy đơn vị mình và đơn vị trực
thuộc; đối tượng ngoài phạm vi trả về 404.

**Danh sách** được phân trang: `?page=1&page_size=50` (tối đa 500).

**Lỗi** luôn là JSON `{"detail": "thông báo tiếng Việt", "code": "...", "errors": {...}}`
với mã 4xx; khi có lỗi, không có gì bị thay đổi.

**Plan JSON.** `GET /api/plans/{id}/plan-json` trả kế hoạch theo định dạng trao đổi;
`POST /api/plans/import` nhận đúng định dạng đó (như lệnh `theodoi import`), để chuyển
kế hoạch giữa hai hệ thống theodoi (cấp xã và cấp tỉnh) không mất dữ liệu.
"""

SPECTACULAR = {
    "TITLE": "theodoi API",
    "DESCRIPTION": DESCRIPTION,
    "VERSION": "1.0.0",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/",
    "ENUM_NAME_OVERRIDES": {
        "AssignmentRoleEnum": "theodoi.plans.models.AssignmentRole",
        "AccountRoleEnum": "theodoi.accounts.models.Role",
    },
    "TAGS": [
        {"name": "xác thực", "description": "Mã xác thực của tài khoản"},
        {"name": "kế hoạch", "description": "Kế hoạch, chỉ tiêu, nhiệm vụ; plan JSON vào và ra"},
        {"name": "nhiệm vụ", "description": "Nhiệm vụ và phân công"},
        {"name": "chỉ tiêu", "description": "Chỉ tiêu của các kế hoạch"},
        {"name": "chỉ số", "description": "Chỉ số: một đại lượng, nhiều chỉ tiêu qua các năm"},
        {"name": "đơn vị", "description": "Cây đơn vị"},
        {"name": "báo cáo", "description": "Kỳ báo cáo, báo cáo đơn vị, tình hình gửi, xuất số liệu quốc gia"},
    ],
}
