"""The consolidated report form: period, plan, layout, header and the officer's own words."""

from __future__ import annotations

from django import forms

from theodoi.plans.models import Plan
from theodoi.reporting.models import ReportingPeriod

from .consolidated import Options


def _lines(text: str) -> list[str]:
    return [x.strip() for x in (text or "").splitlines() if x.strip()]


class ConsolidatedForm(forms.Form):
    ky = forms.ModelChoiceField(ReportingPeriod.objects.none(), label="Kỳ báo cáo")
    ke_hoach = forms.ModelChoiceField(Plan.objects.none(), label="Kế hoạch", required=False,
                                      empty_label="Mọi kế hoạch báo cáo theo kỳ này")
    the_thuc = forms.ChoiceField(label="Thể thức", choices=[
        ("state", "Văn bản hành chính (Nghị định 30/2020/NĐ-CP)"),
        ("party", "Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)")])
    co_quan_chu_quan = forms.CharField(label="Cơ quan chủ quản", required=False, max_length=200)
    co_quan_ban_hanh = forms.CharField(label="Cơ quan ban hành", max_length=200)
    ky_hieu = forms.CharField(label="Ký hiệu", max_length=40)
    so = forms.CharField(label="Số (để trống khi còn là dự thảo)", required=False, max_length=20)
    ngay = forms.DateField(label="Ngày ban hành (để trống khi còn là dự thảo)", required=False,
                           widget=forms.DateInput(attrs={"type": "date"}))
    dia_danh = forms.CharField(label="Địa danh", max_length=80)
    kinh_gui = forms.CharField(label="Kính gửi (mỗi dòng một nơi)", required=False,
                               widget=forms.Textarea(attrs={"rows": 2}))
    chuc_vu_ky = forms.CharField(label="Quyền hạn, chức vụ người ký (mỗi dòng một dòng)",
                                 widget=forms.Textarea(attrs={"rows": 2}))
    nguoi_ky = forms.CharField(label="Họ tên người ký", required=False, max_length=120)
    noi_nhan = forms.CharField(label="Nơi nhận (mỗi dòng một nơi)", required=False,
                               widget=forms.Textarea(attrs={"rows": 4}))
    ket_qua = forms.CharField(label="Kết quả đạt được: nhận định của cơ quan thường trực",
                              required=False, widget=forms.Textarea(attrs={"rows": 4}))
    han_che = forms.CharField(label="Tồn tại, hạn chế", required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
    nguyen_nhan = forms.CharField(label="Nguyên nhân", required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    nhiem_vu_toi = forms.CharField(label="Nhiệm vụ trọng tâm kỳ tới", required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    de_xuat = forms.CharField(label="Đề xuất, kiến nghị", required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, periods=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ky"].queryset = periods if periods is not None else ReportingPeriod.objects.all()
        self.fields["ke_hoach"].queryset = Plan.objects.order_by("-date", "-id")

    @classmethod
    def initial_from(cls, options: Options, period: ReportingPeriod | None) -> dict:
        return {
            "ky": period.pk if period else None, "the_thuc": options.layout,
            "co_quan_chu_quan": options.superior_body, "co_quan_ban_hanh": options.issuing_body,
            "ky_hieu": options.symbol, "dia_danh": options.place,
            "kinh_gui": "\n".join(options.addressees),
            "chuc_vu_ky": "\n".join(options.signature_lines),
            "noi_nhan": "\n".join(options.recipients),
        }

    def options(self) -> Options:
        d = self.cleaned_data
        return Options(
            layout=d["the_thuc"], issuing_body=d["co_quan_ban_hanh"].strip(),
            superior_body=d["co_quan_chu_quan"].strip(), symbol=d["ky_hieu"].strip(),
            number=d["so"].strip(), date=d["ngay"], place=d["dia_danh"].strip(),
            signature_lines=_lines(d["chuc_vu_ky"]), signer=d["nguoi_ky"].strip(),
            addressees=_lines(d["kinh_gui"]), recipients=_lines(d["noi_nhan"]),
            results=d["ket_qua"], shortcomings=d["han_che"], causes=d["nguyen_nhan"],
            next_tasks=d["nhiem_vu_toi"], proposals=d["de_xuat"],
        )
