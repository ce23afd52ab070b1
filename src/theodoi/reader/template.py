"""The XLSX import template, and how its plan information reads back.

``build_template_xlsx`` writes the workbook staff fill in when a plan exists
only on paper or in a form the reader handles badly. The XLSX front-end
reads it back: the instructions sheet is skipped, and the plan information
sheet is turned into the header lines a printed plan would carry
(``header_paragraphs``), so the interpreter reads one kind of header only.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import xlsxwriter

GUIDE_SHEET = "Hướng dẫn"
GUIDE_MARKER = "HƯỚNG DẪN NHẬP KẾ HOẠCH (mẫu theodoi)"
INFO_SHEET = "Thông tin kế hoạch"
TARGET_SHEET = "Chỉ tiêu"
TASK_SHEET = "Nhiệm vụ"

INFO_FIELDS: list[tuple[str, str]] = [
    ("kind", "Loại văn bản"),
    ("number", "Số ký hiệu"),
    ("date", "Ngày ban hành"),
    ("place", "Nơi ban hành"),
    ("issuer", "Cơ quan ban hành"),
    ("title", "Trích yếu/Tiêu đề"),
    ("implements", "Thực hiện văn bản"),
]
INFO_HINTS = {
    "kind": "KẾ HOẠCH, CHƯƠNG TRÌNH HÀNH ĐỘNG, PHỤ LỤC, QUYẾT ĐỊNH ...",
    "number": "Ví dụ: 12/KH-UBND hoặc 351-KH/TU; để trống nếu chưa có số",
    "date": "Ngày/tháng/năm, ví dụ 17/10/2025",
    "place": "Địa danh của dòng ngày tháng, ví dụ: Lai Châu",
    "issuer": "Ví dụ: UBND xã Bình Lư; Ban Thường vụ Tỉnh ủy",
    "title": "Phần sau tên loại, ví dụ: thực hiện Nghị quyết số 57-NQ/TW ... năm 2026",
    "implements": "Văn bản cấp trên được thực hiện, mỗi văn bản một dòng hoặc cách nhau bởi dấu ;",
}
KINDS = ["KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "PHỤ LỤC", "QUYẾT ĐỊNH", "ĐỀ ÁN", "CHƯƠNG TRÌNH"]
TARGET_COLUMNS = [
    ("STT", 6), ("Nhóm", 24), ("Chỉ tiêu", 60), ("Đơn vị tính", 12), ("Kết quả", 14),
    ("Cơ quan chủ trì theo dõi, đánh giá", 36),
]
TASK_COLUMNS = [
    ("STT", 6), ("Nội dung nhiệm vụ", 60), ("Cơ quan chủ trì", 30), ("Cơ quan phối hợp", 30),
    ("Kết quả dự kiến", 30), ("Thời gian hoàn thành", 22),
]
DEADLINE_FORMS = [
    ("31/12/2025", "một ngày cụ thể"),
    ("Tháng 6/2025", "hạn là ngày cuối tháng"),
    ("Quý III/2025", "hạn là ngày cuối quý"),
    ("Năm 2026", "hạn là ngày 31/12 của năm"),
    ("2026-2030", "một giai đoạn: hạn là cuối giai đoạn"),
    ("Trước 30/6/2025", "hạn là ngày đó"),
    ("Nhiệm vụ thường xuyên", "không có hạn cụ thể"),
    ("Hàng tháng / Hằng tháng", "định kỳ mỗi tháng"),
    ("Hằng quý", "định kỳ mỗi quý"),
    ("6 tháng một lần", "định kỳ nửa năm"),
    ("Hằng năm", "định kỳ mỗi năm"),
]
MAX_ROWS = 500  # rows that get validation and formats

_BARE_NUMBER = re.compile(r"^\d+[\w.]*[-/][\w\-/.]+$")


def _date_words(value: str) -> str | None:
    """'17/10/2025' or '2025-10-17' -> 'ngày 17 tháng 10 năm 2025'."""
    value = value.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            day = dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
    return None


def header_paragraphs(values: dict[str, str]) -> list[str]:
    """Header lines of a printed plan, from the template's plan information."""
    lines: list[str] = []
    if values.get("issuer"):
        lines.append(values["issuer"].strip())
    if values.get("number"):
        lines.append(f"Số: {values['number'].strip()}")
    date = values.get("date") or ""
    place = (values.get("place") or "").strip()
    words = _date_words(date) if date else None
    if words:
        lines.append(f"{place}, {words}" if place else words[0].upper() + words[1:])
    elif date.strip():
        lines.append(f"{place}, {date.strip()}" if place else date.strip())
    lines.append((values.get("kind") or "KẾ HOẠCH").strip().upper())
    if values.get("title"):
        lines.append(" ".join(values["title"].split()))
    for item in re.split(r"[;\n]+", values.get("implements") or ""):
        item = item.strip().rstrip(".,")
        if not item:
            continue
        if item.lower().startswith(("thực hiện", "căn cứ")):
            lines.append(item)
        elif _BARE_NUMBER.match(item):
            lines.append(f"Thực hiện văn bản số {item}")
        else:
            lines.append(f"Thực hiện {item}")
    return lines


def build_template_xlsx(units: list[str]) -> bytes:
    """The import workbook: guide, plan information, targets and tasks sheets."""
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True})
    bold = wb.add_format({"bold": True})
    title = wb.add_format({"bold": True, "font_size": 13})
    head = wb.add_format(
        {"bold": True, "text_wrap": True, "valign": "vcenter", "align": "center",
         "border": 1, "bg_color": "#DDEBF7"}
    )
    wrap_text = wb.add_format({"text_wrap": True, "valign": "top", "num_format": "@"})
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy", "align": "left"})

    guide = wb.add_worksheet(GUIDE_SHEET)
    info = wb.add_worksheet(INFO_SHEET)
    targets = wb.add_worksheet(TARGET_SHEET)
    tasks = wb.add_worksheet(TASK_SHEET)

    # -- guide ------------------------------------------------------------
    guide.set_column(0, 0, 90)
    guide.set_column(2, 2, 50)
    guide.write(0, 0, GUIDE_MARKER, title)
    text = [
        "Điền thông tin chung của văn bản ở trang “Thông tin kế hoạch”.",
        "Mỗi chỉ tiêu một dòng ở trang “Chỉ tiêu”; cột “Nhóm” ghi tên nhóm chỉ tiêu (nếu có).",
        "Mỗi nhiệm vụ một dòng ở trang “Nhiệm vụ”. Dòng nhóm nhiệm vụ: ghi số La Mã (I, II...) "
        "ở cột STT và tên nhóm ở cột Nội dung, để trống các cột khác.",
        "Nhiều cơ quan trong một ô: mỗi cơ quan một dòng (Alt+Enter) hoặc cách nhau bởi dấu ;",
        "Không đổi tên các trang và các cột; không xóa trang này.",
        "",
        "Các cách ghi thời hạn được chấp nhận:",
    ]
    text += [f"    {form}: {meaning}" for form, meaning in DEADLINE_FORMS]
    for i, line in enumerate(text, start=2):
        guide.write(i, 0, line)
    guide.write(0, 2, "Danh sách đơn vị (cơ quan) hợp lệ", bold)
    for i, unit in enumerate(units, start=1):
        guide.write_string(i, 2, unit)
    if units:
        wb.define_name("DanhSachDonVi", f"='{GUIDE_SHEET}'!$C$2:$C${len(units) + 1}")

    # -- plan information -------------------------------------------------
    info.set_column(0, 0, 24)
    info.set_column(1, 1, 70)
    info.set_column(2, 2, 70)
    info.write(0, 0, "Thông tin", head)
    info.write(0, 1, "Giá trị", head)
    info.write(0, 2, "Cách ghi", head)
    for row, (key, label) in enumerate(INFO_FIELDS, start=1):
        info.write(row, 0, label, bold)
        info.write(row, 2, INFO_HINTS[key])
        if key == "date":
            info.write_blank(row, 1, None, date_fmt)
        else:
            info.write_blank(row, 1, None, wrap_text)
    info.write(1, 1, "KẾ HOẠCH", wrap_text)
    info.data_validation(
        1, 1, 1, 1,
        {"validate": "list", "source": KINDS, "error_type": "information",
         "error_message": "Loại văn bản khác danh sách: vẫn được chấp nhận."},
    )

    # -- tables -----------------------------------------------------------
    def table_sheet(ws, columns, lead_cols, deadline_col=None):
        for col, (name, width) in enumerate(columns):
            ws.set_column(col, col, width, wrap_text)
            ws.write(0, col, name, head)
        ws.freeze_panes(1, 0)
        ws.set_row(0, 32)
        for col in lead_cols:
            if units:
                ws.data_validation(
                    1, col, MAX_ROWS, col,
                    {"validate": "list", "source": "=DanhSachDonVi", "error_type": "information",
                     "input_title": "Cơ quan", "input_message": "Chọn trong danh sách hoặc gõ tên; "
                     "nhiều cơ quan: cách nhau bởi dấu ;",
                     "error_message": "Tên không có trong danh sách đơn vị: kiểm tra lại."},
                )
        if deadline_col is not None:
            ws.data_validation(
                1, deadline_col, MAX_ROWS, deadline_col,
                {"validate": "any", "input_title": "Thời hạn",
                 "input_message": "31/12/2025; Tháng 6/2025; Quý III/2025; Năm 2026; "
                 "2026-2030; Nhiệm vụ thường xuyên; Hằng quý"[:255]},
            )

    table_sheet(targets, TARGET_COLUMNS, lead_cols=[5])
    table_sheet(tasks, TASK_COLUMNS, lead_cols=[2], deadline_col=5)
    wb.close()
    return out.getvalue()
