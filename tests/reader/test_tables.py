"""Table blocks as the DOCX/XLSX/PDF front-ends hand them over."""

from __future__ import annotations

from theodoi.reader.document import Document, Paragraph, Table
from theodoi.reader.interpret import interpret


def _read(*blocks):
    return interpret(Document(blocks=list(blocks), source_kind="docx")).plan


def _title():
    return [Paragraph("KẾ HOẠCH"), Paragraph("Chuyển đổi số năm 2026")]


def test_task_table_with_two_header_rows_merged_sections_and_page_repeats():
    rows = [
        ["TT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "Cơ quan thực hiện", "Thời hạn", "Sản phẩm"],
        ["", "", "Chủ trì", "Phối hợp", "", ""],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["I. PHÁT TRIỂN HẠ TẦNG SỐ"] * 6,
        ["1", "Nâng cấp mạng truyền số liệu\nchuyên dùng", "Sở Khoa học và Công nghệ",
         "Công an tỉnh\nViễn thông tỉnh", "Quý III/2026", "Mạng được nâng cấp"],
        ["TT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "Cơ quan thực hiện", "Thời hạn", "Sản phẩm"],
        ["2", "Phủ sóng 5G khu công nghiệp", "Viễn thông tỉnh", "", "Tháng 12/2026", ""],
        ["II", "HOÀN THIỆN THỂ CHẾ", "HOÀN THIỆN THỂ CHẾ", "", "", ""],
        ["1", "Ban hành quy chế chia sẻ dữ liệu", "", "Các sở, ban, ngành", "Hằng năm", "Quy chế"],
    ]
    plan = _read(*_title(), Table(rows=rows, line_no=10))
    tasks = plan["tasks"]
    assert [t["code"] for t in tasks] == ["I.1", "I.2", "II.1"]
    assert tasks[0]["section_title"] == "PHÁT TRIỂN HẠ TẦNG SỐ"
    assert tasks[0]["text"] == "Nâng cấp mạng truyền số liệu chuyên dùng"
    assert tasks[0]["lead"] == ["Sở Khoa học và Công nghệ"]
    assert tasks[0]["support"] == ["Công an tỉnh", "Viễn thông tỉnh"]
    assert tasks[0]["deadline"]["due"] == "2026-09-30"
    assert tasks[1]["output"] is None and tasks[1]["deadline"]["kind"] == "month"
    assert tasks[2]["section_title"] == "HOÀN THIỆN THỂ CHẾ"
    assert tasks[2]["lead"] == [] and tasks[2]["deadline"]["every"] == "yearly"


def test_missing_lead_and_unknown_deadline_warn():
    rows = [
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện"],
        ["1", "Tổ chức hội thảo", "", "Theo tiến độ dự án"],
    ]
    result = interpret(Document(blocks=[*_title(), Table(rows=rows, line_no=42)]))
    messages = [w.message for w in result.warnings]
    assert any("chủ trì" in m for m in messages)
    assert any("Theo tiến độ dự án" in m for m in messages)
    assert all(w.line_no == 42 for w in result.warnings)


def test_target_table_any_column_order_and_period_groups():
    rows = [
        ["Chỉ tiêu", "STT", "Giá trị", "Đơn vị tính", "Cơ quan chủ trì"],
        ["Đến năm 2026", "", "", "", ""],
        ["Tỷ lệ hộ dùng cáp quang", "1", "≥ 80%", "", "Sở Khoa học và Công nghệ"],
        ["Giai đoạn 2027-2030", "Giai đoạn 2027-2030", "Giai đoạn 2027-2030", "", ""],
        ["Số doanh nghiệp số", "2", "từ 50 đến 70", "Doanh nghiệp", "Sở Công Thương; Sở Tài chính"],
        ["Mức độ hài lòng", "3", "Đạt mức tiên tiến trong khu vực", "", "Văn phòng UBND tỉnh"],
    ]
    plan = _read(*_title(), Table(rows=rows))
    t = plan["targets"]
    assert [x["code"] for x in t] == ["1", "2", "3"]
    assert [x["group"] for x in t] == ["Đến năm 2026", "Giai đoạn 2027-2030", "Giai đoạn 2027-2030"]
    assert (t[0]["comparator"], t[0]["value"], t[0]["unit"]) == (">=", 80, "%")
    assert (t[1]["comparator"], t[1]["value"], t[1]["value_max"]) == ("range", 50, 70)
    assert t[1]["lead"] == ["Sở Công Thương", "Sở Tài chính"]
    assert t[2]["comparator"] == "qualitative"
    assert t[2]["qualitative"] == "Đạt mức tiên tiến trong khu vực"


def test_hierarchical_rows_keep_their_numbers():
    rows = [
        ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn"],
        ["I", "Thể chế", "", "", ""],
        ["1", "Về dữ liệu", "", "", ""],
        ["1.1", "Xây dựng kho dữ liệu dùng chung", "Sở Khoa học và Công nghệ", "", "2026"],
        ["1.2", "Chuẩn hóa dữ liệu ngành", "Các sở, ngành", "", "2026 - 2027"],
        ["2", "Ban hành danh mục dữ liệu mở", "Văn phòng UBND tỉnh", "", "Quý I/2026"],
    ]
    tasks = _read(*_title(), Table(rows=rows))["tasks"]
    assert [t["code"] for t in tasks] == ["1.1", "1.2", "I.2"]
    assert tasks[0]["section_title"] == "Về dữ liệu"
    assert tasks[1]["deadline"]["due"] == "2027-12-31"
    assert tasks[2]["section_title"] == "Thể chế"


def test_table_continued_on_next_page_without_header():
    first = Table(rows=[
        ["STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"],
        ["1", "Số hóa hồ sơ lưu trữ", "Sở Nội vụ", "2026"],
    ])
    second = Table(rows=[["2", "Kết nối dữ liệu dân cư", "Công an tỉnh", "Quý II/2026"]])
    tasks = _read(*_title(), first, Paragraph("7"), second)["tasks"]
    assert [t["lead"] for t in tasks] == [["Sở Nội vụ"], ["Công an tỉnh"]]


def test_table_continued_after_a_page_break_keeps_the_open_section():
    from theodoi.reader.document import Table
    from theodoi.reader.tables import read_table

    header = ["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"]
    first = read_table(Table(rows=[header, ["I", "HẠ TẦNG SỐ", "", "", ""],
                                   ["1", "Nâng cấp mạng", "Văn phòng", "Viễn thông", "Quý II/2026"],
                                   ["II", "KINH TẾ SỐ", "", "", ""],
                                   ["2", "Đưa sản phẩm lên sàn", "Ban Kinh tế", "Bưu điện", "2026"]]))
    second = read_table(Table(rows=[header, ["3", "Tập huấn nông dân", "Ban Kinh tế", "", "Quý III/2026"]]),
                        first.roles, first)
    assert [(t["code"], t["section_title"]) for t in second.tasks] == [("II.3", "KINH TẾ SỐ")]
    fresh = read_table(Table(rows=[header, ["1", "Việc khác", "Văn phòng", "", "2026"]]), first.roles, first)
    assert fresh.tasks[0]["section_title"] is None
