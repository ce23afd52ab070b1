"""Vietnamese texts for DRF field errors that DRF's own ``vi`` catalogue leaves in English."""

from __future__ import annotations

from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinLengthValidator,
    MinValueValidator,
    ProhibitNullCharactersValidator,
)
from rest_framework import serializers
from rest_framework.validators import ProhibitSurrogateCharactersValidator

COMMON = {
    "required": "Trường này là bắt buộc.",
    "null": "Trường này không được để trống (null).",
    "blank": "Trường này không được bỏ trống.",
    "max_length": "Không được dài quá {max_length} ký tự.",
    "min_length": "Phải có ít nhất {min_length} ký tự.",
    "invalid_choice": "“{input}” không phải giá trị hợp lệ.",
    "min_value": "Phải lớn hơn hoặc bằng {min_value}.",
    "max_value": "Phải nhỏ hơn hoặc bằng {max_value}.",
    "max_string_length": "Số quá lớn.",
    "datetime": "Cần một ngày, không phải ngày giờ.",
    "not_a_list": "Cần một danh sách, nhận được “{input_type}”.",
    "empty": "Danh sách không được rỗng.",
    "not_a_dict": "Cần một đối tượng, nhận được “{input_type}”.",
    "max_digits": "Không được quá {max_digits} chữ số.",
    "max_decimal_places": "Không được quá {max_decimal_places} chữ số thập phân.",
    "max_whole_digits": "Không được quá {max_whole_digits} chữ số phần nguyên.",
}
INVALID = {
    serializers.IntegerField: "Phải là số nguyên.",
    serializers.DecimalField: "Phải là số.",
    serializers.FloatField: "Phải là số.",
    serializers.DateField: "Ngày không hợp lệ; dùng dạng YYYY-MM-DD.",
    serializers.DateTimeField: "Thời điểm không hợp lệ; dùng dạng ISO 8601.",
    serializers.BooleanField: "Phải là true hoặc false.",
    serializers.CharField: "Phải là chuỗi ký tự.",
}


def translate_field(field: serializers.Field) -> None:
    """Replace the English texts of one field (and of its children) in place."""
    for code, text in COMMON.items():
        if code in field.error_messages:
            field.error_messages[code] = text
    for klass, text in INVALID.items():
        if isinstance(field, klass) and "invalid" in field.error_messages:
            field.error_messages["invalid"] = text
            break
    # Range and length validators copied their (English) text when the field was built.
    for v in field.validators:
        if isinstance(v, MinValueValidator):
            v.message = COMMON["min_value"].format(min_value=v.limit_value)
        elif isinstance(v, MaxValueValidator):
            v.message = COMMON["max_value"].format(max_value=v.limit_value)
        elif isinstance(v, MaxLengthValidator):
            v.message = COMMON["max_length"].format(max_length=v.limit_value)
        elif isinstance(v, MinLengthValidator):
            v.message = COMMON["min_length"].format(min_length=v.limit_value)
        elif isinstance(v, ProhibitNullCharactersValidator):
            v.message = "Không được chứa ký tự NUL."
        elif isinstance(v, ProhibitSurrogateCharactersValidator):
            v.message = "Chứa ký tự Unicode không hợp lệ."
    child = getattr(field, "child", None)
    if isinstance(child, serializers.Field):
        translate_field(child)


class VietnameseSerializer(serializers.Serializer):
    """A serializer whose validation messages are all Vietnamese."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            translate_field(field)
