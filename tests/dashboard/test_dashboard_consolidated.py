"""The consolidated report: DOCX, XLSX and PDF opened again and read; who may produce it."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 10, 20)  # as in conftest.world


def _data(world, plans=None):
    from theodoi.dashboard import consolidated

    period = world["periods"][10]
    return consolidated.collect(period, plans if plans is not None else [world["P"]], today=TODAY)


def _options(world, layout="state"):
    from django.conf import settings

    from theodoi.dashboard import consolidated

    opts = consolidated.default_options(world["tree"]["khcn"], place=settings.THEODOI_DOCUMENT_PLACE)
    opts.layout = layout
    opts.results = "Nhận định của cơ quan thường trực: các đơn vị tích cực triển khai."
    opts.date = dt.date(2025, 10, 20)
    opts.number = "125"
    opts.signer = "Trần Thị Bình"
    return opts


def _docx_text(data: bytes) -> tuple[str, list[list[str]]]:
    import docx

    doc = docx.Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    rows = []
    for table in doc.tables:
        texts += [c.text for row in table.rows for c in row.cells]
        rows += [[c.text for c in row.cells] for row in table.rows]
    return "\n".join(texts), rows


def test_collect_counts_at_the_cut_off(world):
    data = _data(world)
    # As at 14/10: T3 overdue (due 31/08), T7 overdue, T1 on time, T2 late.
    assert data.tally.overdue == 2 and data.tally.done_on_time == 1 and data.tally.done_late == 1
    assert [ln.code for ln in data.overdue] == ["I.4", "I.3"]
    assert ("Sở Công Thương", "Thiếu kinh phí xây dựng sàn") in data.difficulties
    assert ("Sở Công Thương", "Đề nghị Sở Tài chính bố trí kinh phí") in data.proposals
    assert data.on_time == ["Sở Khoa học và Công nghệ", "Sở Công Thương"]
    assert data.missing == ["Xã Bình Lư"]


def test_docx_state_layout_holds_rows_and_values(world):
    from theodoi.dashboard import consolidated
    from theodoi.documents import render_docx

    data = _data(world)
    text, rows = _docx_text(render_docx(consolidated.build_report(data, _options(world))))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Số: 125/BC-SKHCN" in text
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in text and "Lai Châu, ngày 20 tháng 10 năm 2025" in text
    for heading in ("Kết quả đạt được", "Tồn tại, hạn chế", "Nguyên nhân", "ĐỀ XUẤT, KIẾN NGHỊ"):
        assert heading in text
    assert "Nhận định của cơ quan thường trực" in text  # the officer's words
    assert "Sở Công Thương: Thiếu kinh phí xây dựng sàn" in text
    assert "Xã Bình Lư" in text  # named among lagging units
    by_code = {r[0]: r for r in rows if r and r[0] in ("I.1", "I.2", "I.3", "II.1", "II.3")}
    assert by_code["I.1"][4] == "Hoàn thành đúng hạn"
    assert "Quyết định số 15/QĐ-UBND" in by_code["I.1"][5] and "15/QĐ-UBND" in by_code["I.1"][6]
    assert by_code["I.2"][4] == "Hoàn thành quá hạn" and by_code["I.3"][4] == "Chậm tiến độ"
    assert by_code["II.3"][4] == "Thường xuyên"
    target = next(r for r in rows if "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình" in r[1])
    assert target[2] == "≥ 50 %" and target[3] == "30" and target[5] == "Chưa đạt"
    assert "Nhiệm vụ của kế hoạch nội bộ" not in text  # plan Q not asked for


def test_docx_party_layout(world):
    from theodoi.dashboard import consolidated
    from theodoi.documents import render_docx

    opts = _options(world, "party")
    opts.symbol = "BC/ĐU"
    text, _rows = _docx_text(render_docx(consolidated.build_report(_data(world), opts)))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Số 125-BC/ĐU" in text
    assert "CỘNG HÒA XÃ HỘI" not in text


def test_all_plans_group_rows_per_plan(world):
    from theodoi.dashboard import consolidated

    data = _data(world, plans=[world["P"], world["Q"]])
    rows = consolidated.task_rows(data)
    labels = [r.label for r in rows if hasattr(r, "label")]
    assert "KẾ HOẠCH SỐ 12/KH-UBND" in labels and "KẾ HOẠCH SỐ 99/KH-UBND" in labels


def test_xlsx_appendix_tasks_and_targets(world):
    import openpyxl

    from theodoi.dashboard import consolidated
    from theodoi.documents import render_xlsx

    data = render_xlsx(consolidated.build_sheets(_data(world)))
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        assert wb.sheetnames == ["Nhiệm vụ", "Chỉ tiêu"]
        tasks = [list(r) for r in wb["Nhiệm vụ"].iter_rows(values_only=True)]
        header = next(r for r in tasks if r[0] == "TT")
        assert header[6:] == ["Tình trạng", "Tiến độ (%)", "Kết quả thực hiện", "Minh chứng"]
        i3 = next(r for r in tasks if r[0] == "I.3")
        assert i3[2] == "Sở Công Thương" and i3[6] == "Chậm tiến độ" and i3[7] == 40
        i1 = next(r for r in tasks if r[0] == "I.1")
        assert i1[6] == "Hoàn thành đúng hạn" and i1[9] == "15/QĐ-UBND"
        ii1 = next(r for r in tasks if r[0] == "II.1")
        assert ii1[3] == "Sở Công Thương"  # partner column
        targets = [list(r) for r in wb["Chỉ tiêu"].iter_rows(values_only=True)]
        g1 = next(r for r in targets if r[1] and "trực tuyến toàn trình" in r[1])
        assert g1[3] == "30" and g1[5] == "Chưa đạt"
        g2 = next(r for r in targets if r[1] and "Trung tâm giám sát" in r[1])
        assert g2[3] == "Đạt" and g2[5] == "Đạt"
    finally:
        wb.close()


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils missing")
def test_pdf_renders_vietnamese(world, tmp_path):
    from theodoi.dashboard import consolidated
    from theodoi.documents import render_pdf

    pdf = tmp_path / "bao-cao.pdf"
    pdf.write_bytes(render_pdf(consolidated.build_report(_data(world), _options(world))))
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "trang")], check=True)
    png = next(tmp_path.glob("trang*.png"))
    assert png.stat().st_size > 2000  # a page with text, not a blank one
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Chậm tiến độ" in text and "Tồn tại, hạn chế" in text


def test_only_the_standing_agency_generates(world, login):
    period = world["periods"][10]
    for key in ("leader", "inspector", "binhlu_officer"):
        assert login(world["users"][key]).get("/tong-quan/bao-cao-tong-hop/").status_code == 403
    client = login(world["users"]["standing"])
    page = client.get("/tong-quan/bao-cao-tong-hop/")
    assert page.status_code == 200
    assert page.context["form"].initial["co_quan_ban_hanh"] == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    form = {k: v for k, v in page.context["form"].initial.items() if v is not None}
    form.update(ky=period.pk, ke_hoach=world["P"].pk, dinh_dang="docx", so="7")
    response = client.post("/tong-quan/bao-cao-tong-hop/", form)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Disposition"].endswith('.docx"')
    text, _ = _docx_text(response.content)
    assert "Số: 7/BC-SKHCN" in text and "Ban hành quy chế quản lý dữ liệu số" in text
    form["dinh_dang"] = "xlsx"
    assert client.post("/tong-quan/bao-cao-tong-hop/", form)["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml")
    from theodoi.audit.models import AuditEvent

    assert AuditEvent.objects.filter(action="Xuất báo cáo tổng hợp").count() == 2


def test_unit_exports_its_own_period_report(world, login):
    import openpyxl

    bl_report = world["reports"][("bl", 9)]
    client = login(world["users"]["binhlu_head"])
    response = client.get(f"/tong-quan/bao-cao-don-vi/{bl_report.pk}/docx/")
    assert response.status_code == 200
    text, rows = _docx_text(response.content)
    assert "XÃ BÌNH LƯ" in text and "Phủ sóng 5G trung tâm xã" in text
    assert any(r[0] == "II.1" and r[5] == "30" for r in rows)
    xlsx = client.get(f"/tong-quan/bao-cao-don-vi/{bl_report.pk}/xlsx/")
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.content), read_only=True)
    assert any(r[0] == "II.1" for r in wb["Nhiệm vụ"].iter_rows(values_only=True))
    wb.close()
    assert client.get(f"/tong-quan/bao-cao-don-vi/{bl_report.pk}/pdf/")["Content-Type"] == \
        "application/pdf"
    other = world["reports"][("khcn", 10)]
    assert client.get(f"/tong-quan/bao-cao-don-vi/{other.pk}/docx/").status_code == 404
    assert client.get(f"/tong-quan/bao-cao-don-vi/{bl_report.pk}/exe/").status_code == 404
