"""XLSX rendering: re-open with openpyxl and check sheets, header, rows, formats."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from theodoi.documents import Column, GroupRow, Sheet, render_xlsx
from theodoi.documents.sample import sample_report, sample_sheets


def load(sheets):
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(sheets)))


@pytest.fixture(scope="module")
def workbook():
    return load(sample_sheets(sample_report("state", tasks=30, targets=5)))


def test_sheets_titles_and_header(workbook):
    assert workbook.sheetnames == ["Nhiệm vụ", "Chỉ tiêu"]
    ws = workbook["Nhiệm vụ"]
    assert ws["A1"].value == "PHỤ LỤC: KẾT QUẢ THỰC HIỆN NHIỆM VỤ"
    assert ws["A1"].font.b
    assert ws["A2"].value == "(Số liệu tính đến ngày 14/11/2026)"
    assert "A1:G1" in {str(r) for r in ws.merged_cells.ranges}
    header = [c.value for c in ws[4]]
    assert header == ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành",
                      "Tình trạng", "Kết quả thực hiện", "Minh chứng"]
    assert all(c.font.b and c.alignment.wrap_text for c in ws[4])
    assert ws.freeze_panes == "A5"
    assert ws.auto_filter.ref == "A4:G40"  # header + 30 tasks + 6 group rows
    assert ws.column_dimensions["B"].width == pytest.approx(48, abs=1)
    assert ws.print_title_rows == "$4:$4"


def test_rows_and_group_rows(workbook):
    ws = workbook["Nhiệm vụ"]
    group = ws[5]
    assert [group[0].value, group[1].value[:10]] == ["I", "Hoàn thiện"]
    assert group[1].font.b and group[1].fill.fgColor.rgb.endswith("F2F2F2")
    row = [c.value for c in ws[6]]
    assert row[0] == 1 and isinstance(row[0], int)
    assert row[2:5] == ["Sở Khoa học và Công nghệ", "01/01/2026", "Hoàn thành đúng hạn"]
    assert row[6] is None  # empty evidence is a blank cell, not ""
    assert ws[6][1].alignment.wrap_text
    assert ws.max_row == 40


def test_numbers_stay_numbers_with_formats(workbook):
    ws = workbook["Chỉ tiêu"]
    assert ws.auto_filter.ref == "A3:G8"
    reached, ratio = ws["E4"], ws["F4"]
    assert reached.value == 64.5 and reached.number_format == "#,##0.00"
    assert ratio.value == pytest.approx(64.5 / 70) and ratio.number_format == "0.0%"
    assert ws["D4"].value == "≥ 70"


def test_text_is_never_a_formula_and_names_are_valid():
    cols = [Column("Mã"), Column("Ngày", kind="date"), Column("Giá trị", kind="integer")]
    sheets = [
        Sheet("Nhiệm vụ: [Q4]/2026*?", cols, [
            ["=HYPERLINK(\"http://x\")", dt.date(2026, 12, 31), 6000],
            GroupRow("Nhóm"),
            ["x\x0by", dt.date(2026, 1, 2), None],
        ], autofilter=False, freeze=False),
        Sheet("Nhiệm vụ- -Q4--2026--", cols, [], title_lines=[]),
        Sheet("Một tên rất dài vượt quá ba mươi mốt ký tự của Excel", cols, [["a", None, 1]]),
    ]
    wb = load(sheets)
    assert wb.sheetnames[0] == "Nhiệm vụ- -Q4--2026--"
    assert wb.sheetnames[1] == "Nhiệm vụ- -Q4--2026-- (2)"  # unique
    assert len(wb.sheetnames[2]) <= 31
    ws = wb.worksheets[0]
    assert ws["A2"].value == "=HYPERLINK(\"http://x\")" and ws["A2"].data_type == "s"
    assert ws["B2"].value == dt.datetime(2026, 12, 31) and ws["B2"].number_format == "dd/mm/yyyy"
    assert ws["C2"].value == 6000 and ws["C2"].number_format == "#,##0"
    assert ws["A3"].value == "Nhóm" and ws["A3"].font.b
    assert ws["A4"].value == "xy"
    assert ws.freeze_panes is None and ws.auto_filter.ref is None
    assert [c.value for c in wb.worksheets[1][1]] == ["Mã", "Ngày", "Giá trị"]
