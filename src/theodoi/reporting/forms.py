"""Forms of the report page: one small form per task and per target (prefixed), re-shown as typed."""

from __future__ import annotations

from django import forms

from . import status
from .models import WorkStatus

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


class VNDecimalField(forms.DecimalField):
    """Accepts the Vietnamese decimal comma: "45,5" → 45.5; "1.234,5" → 1234.5."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(" ", "")
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
        return super().to_python(value)

    default_error_messages = {"invalid": "Nhập một số (dùng dấu phẩy cho phần thập phân, ví dụ 45,5)."}


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return value


def _date_field(label: str) -> forms.DateField:
    return forms.DateField(label=label, required=False, input_formats=DATE_FORMATS,
                           widget=DateInput(), error_messages={
                               "invalid": "Nhập ngày dạng ngày/tháng/năm, ví dụ 31/12/2025."})


def _text(label: str, rows: int = 2) -> forms.CharField:
    return forms.CharField(label=label, required=False,
                           widget=forms.Textarea(attrs={"rows": rows}))


class VNNullBooleanSelect(forms.NullBooleanSelect):
    def __init__(self, attrs=None) -> None:
        super().__init__(attrs)
        self.choices = [("unknown", "— chưa đánh giá —"), ("true", "Đã đạt"), ("false", "Chưa đạt")]


class TaskItemForm(forms.Form):
    status = forms.ChoiceField(label="Tình trạng", required=False,
                               choices=[("", "— chọn —"), *WorkStatus.choices])
    progress = forms.IntegerField(label="Tiến độ (%)", required=False, min_value=0, max_value=100,
                                  error_messages={
                                      "min_value": "Tiến độ từ 0 đến 100%%.",
                                      "max_value": "Tiến độ từ 0 đến 100%%.",
                                      "invalid": "Tiến độ là một số nguyên từ 0 đến 100."})
    done_text = _text("Kết quả đã thực hiện", 3)
    completed_on = _date_field("Ngày hoàn thành")
    reason = _text("Lý do không thực hiện được")
    difficulties = _text("Khó khăn, vướng mắc")
    proposals = _text("Đề xuất, kiến nghị")
    doc_numbers = forms.CharField(label="Số văn bản đã ban hành (minh chứng)", required=False,
                                  widget=forms.TextInput(attrs={"placeholder": "Số: 12/KH-UBND; 351-KH/TU"}))
    links = forms.CharField(label="Đường dẫn minh chứng", required=False,
                            widget=forms.Textarea(attrs={"rows": 1, "placeholder": "https://…"}))

    def clean_links(self) -> str:
        lines = [ln.strip() for ln in self.cleaned_data["links"].splitlines() if ln.strip()]
        for ln in lines:
            if not ln.lower().startswith(("http://", "https://")):
                raise forms.ValidationError(f"Đường dẫn phải bắt đầu bằng http:// hoặc https://: “{ln}”.")
        return "\n".join(lines)

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if status == WorkStatus.INFEASIBLE and not (data.get("reason") or "").strip():
            self.add_error("reason", "Ghi lý do khi nhiệm vụ không thực hiện được.")
        if status == WorkStatus.DONE:
            if not data.get("completed_on"):
                self.add_error("completed_on", "Ghi ngày hoàn thành.")
            if data.get("progress") is None:
                data["progress"] = 100
        if status != WorkStatus.DONE and data.get("completed_on") and "completed_on" not in self.errors:
            self.add_error("status", "Có ngày hoàn thành thì chọn tình trạng “Hoàn thành”.")
        return data


class PartnerItemForm(TaskItemForm):
    """A partner unit reports its contribution only (the lead answers for status)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("status", "progress", "completed_on", "reason"):
            del self.fields[name]
        self.fields["done_text"].label = "Phần việc đơn vị đã phối hợp thực hiện"


class TargetItemForm(forms.Form):
    value = VNDecimalField(label="Giá trị đạt được", required=False, max_digits=20, decimal_places=4)
    numerator = VNDecimalField(label="Tử số", required=False, max_digits=20, decimal_places=4)
    denominator = VNDecimalField(label="Mẫu số", required=False, max_digits=20, decimal_places=4)
    qualitative_met = forms.NullBooleanField(label="Kết quả", required=False,
                                             widget=VNNullBooleanSelect())
    source = forms.CharField(label="Nguồn số liệu", required=False, max_length=300)
    as_of = _date_field("Số liệu tính đến ngày")
    note = _text("Ghi chú", 1)

    def __init__(self, *args, is_rate: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_rate = is_rate

    def clean(self):
        data = super().clean()
        num, den = data.get("numerator"), data.get("denominator")
        if den is not None and den == 0:
            self.add_error("denominator", "Mẫu số phải khác 0.")
        elif num is not None and den is not None:
            if num > den and self.is_rate:
                self.add_error("numerator", "Tử số không lớn hơn mẫu số với chỉ tiêu tỷ lệ.")
            elif data.get("value") is None:
                data["value"] = status.rate(num, den)
        elif (num is None) != (den is None):
            self.add_error("denominator" if den is None else "numerator",
                           "Nhập đủ tử số và mẫu số (hoặc bỏ trống cả hai).")
        has_number = any(data.get(f) is not None for f in ("value", "numerator"))
        if has_number and not data.get("as_of"):
            self.add_error("as_of", "Ghi số liệu tính đến ngày nào.")
        return data


class ReportHeaderForm(forms.Form):
    nothing_to_report = forms.BooleanField(label="Không phát sinh (kỳ này không có gì để báo cáo)",
                                           required=False)
    summary = _text("Tóm tắt chung, khó khăn và kiến nghị của đơn vị", 3)


class ReturnForm(forms.Form):
    reason = forms.CharField(label="Lý do trả lại", widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": "Phải ghi lý do trả lại."})


class UrgeForm(forms.Form):
    message = forms.CharField(label="Nội dung đôn đốc", required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
