"""XLSX front-end and the import template round trip."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from theodoi.reader.document import Paragraph, Table
from theodoi.reader.formats import read_binary
from theodoi.reader.formats.xlsx import cell_text, is_header_row
from theodoi.reader.template import build_template_xlsx, header_paragraphs

from .helpers import paragraphs, tables
from .render import TASK_ORDER, layout, load_gold, render_xlsx


def read(data: bytes):
    return read_binary(data, ".xlsx", filename="kehoach.xlsx")


def workbook_bytes(wb) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_rendered_plan_header_not_on_first_row_and_columns_reordered():
    data = load_gold("002")
    document = read(render_xlsx(data))
    spec = layout(data).tables[1]
    task_table = tables(document)[1]
    assert task_table.rows[0] == [spec.header[i] for i in TASK_ORDER]
    # Section rows keep the numeral and heading in their own columns.
    section = task_table.rows[1]
    assert section[TASK_ORDER.index(0)] == "I"
    assert section[TASK_ORDER.index(1)].startswith("Công tác chỉ đạo")
    assert task_table.rows[1:] == [[row[i] for i in TASK_ORDER] for row in spec.rows]
    # Title lines above the header are paragraphs, in order, before the table.
    texts = paragraphs(document)
    assert texts[0] == "KẾ HOẠCH"
    assert "PHỤ LỤC II: CÁC NHIỆM VỤ CỤ THỂ" in texts
    assert isinstance(document.blocks[-1], Table)


def test_typed_cells_become_printed_text():
    row = tables(read(render_xlsx(load_gold("002"))))[1].rows[8]  # task I.7, deadline a date cell
    assert row[TASK_ORDER.index(5)] == "31/12/2025"
    assert row[TASK_ORDER.index(0)] == "7"  # an int cell, no ".0"


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (dt.datetime(2025, 12, 31), "General", "31/12/2025"),
        (dt.date(2025, 6, 30), "General", "30/06/2025"),
        (12.0, "General", "12"),
        (1.5, "General", "1.5"),
        (0.45, "0%", "45%"),
        (0.065, "0.0%", "6.5%"),
        (None, "General", ""),
        ("  Sở A \r\n Sở B ", "General", "Sở A\nSở B"),
    ],
)
def test_cell_text(value, fmt, text):
    assert cell_text(value, fmt) == text


def test_header_row_detection():
    assert is_header_row(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì"])
    assert is_header_row(["TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả"])
    assert is_header_row(["", "Thời gian hoàn thành", "Cơ quan phối hợp"])
    assert not is_header_row(["1", "Nhiệm vụ thường xuyên", "Sở Nội vụ"])
    assert not is_header_row(["KẾ HOẠCH thực hiện Nghị quyết", "", ""])


def test_sheet_without_header_gives_lines_and_plain_table():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["KẾ HOẠCH"])
    ws.append(["a", "b"])
    ws.append(["c", "d"])
    document = read(workbook_bytes(wb))
    assert document.blocks == [Paragraph("KẾ HOẠCH", 1), Table([["a", "b"], ["c", "d"]], 2)]


def test_every_sheet_is_read_in_order():
    wb = openpyxl.Workbook()
    wb.active.append(["STT", "Chỉ tiêu", "Kết quả"])
    wb.active.append([1, "Tỷ lệ", "≥ 70"])
    ws = wb.create_sheet("Nhiệm vụ")
    ws.append(["Danh mục nhiệm vụ"])
    ws.append(["TT", "Nội dung", "Chủ trì"])
    ws.append([1, "Việc một", "Sở A"])
    document = read(workbook_bytes(wb))
    assert [type(b).__name__ for b in document.blocks] == ["Table", "Paragraph", "Table"]
    assert document.blocks[2].rows[1] == ["1", "Việc một", "Sở A"]


# -- template -------------------------------------------------------------------------------

UNITS = ["Sở Khoa học và Công nghệ", "Sở Nội vụ", "UBND xã Bình Lư"]


def fill_template() -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(build_template_xlsx(UNITS)))
    info = wb["Thông tin kế hoạch"]
    values = {
        "Loại văn bản": "Kế hoạch",
        "Số ký hiệu": "12/KH-UBND",
        "Ngày ban hành": dt.datetime(2025, 10, 17),
        "Nơi ban hành": "Lai Châu",
        "Cơ quan ban hành": "UBND tỉnh Lai Châu",
        "Trích yếu/Tiêu đề": "thực hiện Nghị quyết số 57-NQ/TW năm 2026",
        "Thực hiện văn bản": "Nghị quyết số 57-NQ/TW; 07-TB/CQTTBCĐ",
    }
    for row in info.iter_rows(min_row=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]
    targets = wb["Chỉ tiêu"]
    targets.append(["1", "PHÁT TRIỂN HẠ TẦNG", "Tỷ lệ phủ sóng 5G", "%", "≥ 70", "Sở Nội vụ"])
    targets.append(["2", "PHÁT TRIỂN HẠ TẦNG", "Trung tâm dữ liệu", "Trung tâm", "Duy trì", ""])
    targets.append(["3", "DỮ LIỆU SỐ", "Cơ sở dữ liệu", "%", 100, "UBND xã Bình Lư"])
    tasks = wb["Nhiệm vụ"]
    tasks.append(["I", "CÔNG TÁC CHỈ ĐẠO"])
    tasks.append(["1", "Xây dựng kế hoạch", "Sở Nội vụ", "Sở Khoa học và Công nghệ\nSở Tài chính",
                  "Kế hoạch", "Quý III/2025"])
    tasks.append(["2", "Tập huấn", "UBND xã Bình Lư", None, None, "Hằng quý"])
    return workbook_bytes(wb)


def test_template_sheets_and_validation():
    wb = openpyxl.load_workbook(io.BytesIO(build_template_xlsx(UNITS)))
    assert wb.sheetnames == ["Hướng dẫn", "Thông tin kế hoạch", "Chỉ tiêu", "Nhiệm vụ"]
    assert [c.value for c in wb["Nhiệm vụ"][1]] == [
        "STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả dự kiến",
        "Thời gian hoàn thành",
    ]
    assert [c.value for c in wb["Chỉ tiêu"][1]] == [
        "STT", "Nhóm", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá",
    ]
    guide = "\n".join(str(c.value) for row in wb["Hướng dẫn"].iter_rows() for c in row if c.value)
    for form in ("31/12/2025", "Tháng 6/2025", "Quý III/2025", "Năm 2026", "2026-2030",
                 "Nhiệm vụ thường xuyên", "Hàng tháng", "Hằng quý", *UNITS):
        assert form in guide
    lead_rules = [dv for dv in wb["Nhiệm vụ"].data_validations.dataValidation if dv.type == "list"]
    assert lead_rules and lead_rules[0].formula1 == "DanhSachDonVi"
    assert str(lead_rules[0].sqref) == "C2:C501"


def test_empty_template_reads_as_header_only():
    document = read(build_template_xlsx(UNITS))
    assert paragraphs(document) == ["KẾ HOẠCH"]
    assert [t.rows[0][0] for t in tables(document)] == ["STT", "STT"]


def test_template_round_trip():
    document = read(fill_template())
    assert paragraphs(document) == [
        "UBND tỉnh Lai Châu",
        "Số: 12/KH-UBND",
        "Lai Châu, ngày 17 tháng 10 năm 2025",
        "KẾ HOẠCH",
        "thực hiện Nghị quyết số 57-NQ/TW năm 2026",
        "Thực hiện Nghị quyết số 57-NQ/TW",
        "Thực hiện văn bản số 07-TB/CQTTBCĐ",
    ]
    target_table, task_table = tables(document)
    assert target_table.rows == [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá"],
        ["I", "PHÁT TRIỂN HẠ TẦNG", "", "", ""],
        ["1", "Tỷ lệ phủ sóng 5G", "%", "≥ 70", "Sở Nội vụ"],
        ["2", "Trung tâm dữ liệu", "Trung tâm", "Duy trì", ""],
        ["II", "DỮ LIỆU SỐ", "", "", ""],
        ["3", "Cơ sở dữ liệu", "%", "100", "UBND xã Bình Lư"],
    ]
    assert task_table.rows[1:] == [
        ["I", "CÔNG TÁC CHỈ ĐẠO", "", "", "", ""],
        ["1", "Xây dựng kế hoạch", "Sở Nội vụ", "Sở Khoa học và Công nghệ\nSở Tài chính",
         "Kế hoạch", "Quý III/2025"],
        ["2", "Tập huấn", "UBND xã Bình Lư", "", "", "Hằng quý"],
    ]
    # The plan information comes first, like a document header.
    assert isinstance(document.blocks[0], Paragraph)


def test_header_paragraphs_variants():
    assert header_paragraphs({"kind": "chương trình hành động", "date": "2025-06-30"}) == [
        "Ngày 30 tháng 06 năm 2025", "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    ]
    assert header_paragraphs({"implements": "Căn cứ Kế hoạch số 351-KH/TU\n"})[-1] == (
        "Căn cứ Kế hoạch số 351-KH/TU"
    )


def test_merged_cells_vertical_repeat_horizontal_once():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Bảng nhiệm vụ"])
    ws.append(["TT", "Nội dung", "Chủ trì", "Thời gian"])
    ws.append(["I", "NHÓM MỘT"])
    ws.append([1, "Việc một", "Sở A", "Quý III/2025"])
    ws.append([None, "Việc hai", None, "Năm 2026"])
    ws.merge_cells("B3:D3")  # a section heading across columns
    ws.merge_cells("C4:C5")  # one lead for two tasks
    ws.merge_cells("A4:A5")  # a row number spanning two rows stays once
    table = tables(read(workbook_bytes(wb)))[0]
    assert table.rows[1:] == [
        ["I", "NHÓM MỘT", "", ""],
        ["1", "Việc một", "Sở A", "Quý III/2025"],
        ["", "Việc hai", "Sở A", "Năm 2026"],
    ]
