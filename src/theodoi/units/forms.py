from django import forms

from .models import Unit


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label="Gộp vào đơn vị", queryset=Unit.objects.filter(is_active=True, pending=False),
        error_messages={"required": "Hãy chọn đơn vị nhận.", "invalid_choice": "Đơn vị nhận không hợp lệ."},
    )
    reason = forms.CharField(label="Lý do / căn cứ (ví dụ: Nghị quyết 1670/NQ-UBTVQH15)",
                             required=False, max_length=300)

    def __init__(self, *args, source: Unit, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = self.fields["target"].queryset.exclude(
            path__startswith=source.path
        )
