"""XLSX front-end: each sheet gives title Paragraphs, then a Table.

The header row is found wherever it is (the first row holding at least two
known Vietnamese column words); the rows above it are title lines. Cell
values become the strings a person sees: dates as dd/mm/yyyy, whole numbers
without ".0", percentages with "%". Sheets of theodoi's own import template
are recognised: the instructions sheet is skipped, the plan information
sheet becomes header lines written as a document prints them, and the
target sheet's "Nhóm" column becomes group rows, as in a printed table.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import openpyxl
from openpyxl.utils import column_index_from_string

from theodoi.vntext import fold

from ..document import Document, Paragraph, Table
from ..template import (
    GUIDE_MARKER,
    GUIDE_SHEET,
    INFO_FIELDS,
    INFO_SHEET,
    header_paragraphs,
)

HEADER_WORDS = {
    fold(w)
    for w in (
        "STT", "TT", "Số TT", "Nội dung", "Nội dung nhiệm vụ", "Nhiệm vụ", "Chỉ tiêu",
        "Cơ quan chủ trì", "Đơn vị chủ trì", "Chủ trì", "Cơ quan phối hợp", "Đơn vị phối hợp",
        "Phối hợp", "Sản phẩm", "Kết quả", "Kết quả dự kiến", "Thời gian", "Thời hạn",
        "Thời gian hoàn thành", "Thời gian thực hiện", "Đơn vị tính", "Đơn vị", "Ghi chú",
        "Nhóm", "Mục tiêu", "Lộ trình", "Chỉ tiêu đến năm",
    )
}
# Column titles that often run on ("Thời gian hoàn thành", "Cơ quan chủ trì theo
# dõi, đánh giá"). Words that also open data cells ("Nhiệm vụ thường xuyên")
# only count as exact matches.
_HEADER_PREFIXES = tuple(
    fold(w)
    for w in (
        "Nội dung", "Cơ quan chủ trì", "Đơn vị chủ trì", "Cơ quan phối hợp", "Đơn vị phối hợp",
        "Thời gian", "Thời hạn", "Kết quả dự kiến", "Sản phẩm", "Chỉ tiêu", "Ghi chú",
        "Đơn vị tính",
    )
)
MAX_ROWS = 50_000  # a sheet formatted down to row 1,048,576 must not hang the reader
MAX_EMPTY_RUN = 500
MAX_COLS = 60
_ROMAN = re.compile(r"^([IVXLC]+)[.\-–)]?\s+(.+)$")


def _is_header_cell(text: str) -> bool:
    key = fold(text).rstrip(":")
    if not key:
        return False
    return key in HEADER_WORDS or (len(key) < 50 and key.startswith(_HEADER_PREFIXES))


def is_header_row(row: list[str]) -> bool:
    return sum(1 for cell in row if cell and _is_header_cell(cell)) >= 2


def _number_text(value: float | int, number_format: str) -> str:
    if "%" in (number_format or ""):
        value = value * 100
        text = f"{round(value, 6):g}"
        return text + "%"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{round(value, 10):g}" if abs(value) < 1e15 else str(value)
    return str(value)


def cell_text(value, number_format: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, (int, float)):
        return _number_text(value, number_format)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.strip() for line in text.split("\n")).strip()


_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _vertical_merges(archive: zipfile.ZipFile | None, ws) -> list[tuple[int, int, int]]:
    """(column, first row, last row), 0-based, of the sheet's vertically merged ranges.

    Read-only openpyxl gives a merged value at the top-left only; the ranges are
    read from the sheet XML so a lead agency merged over several tasks can be
    repeated in each row, as the DOCX front-end does.
    """
    path = getattr(ws, "_worksheet_path", None)
    if archive is None or not path:
        return []
    try:
        xml = archive.read(path)
    except KeyError:
        return []
    out = []
    for c1, r1, _c2, r2 in _MERGE_RE.findall(xml):
        if int(r2) > int(r1):
            out.append((column_index_from_string(c1.decode()) - 1, int(r1) - 1, int(r2) - 1))
    return out


def _sheet_rows(ws, archive: zipfile.ZipFile | None = None) -> list[list[str]]:
    by_index: dict[int, list[str]] = {}
    empty_run = 0
    for index, raw in enumerate(ws.iter_rows(max_col=MAX_COLS)):
        if index >= MAX_ROWS:
            break
        row = [
            cell_text(getattr(c, "value", None), getattr(c, "number_format", "General"))
            for c in raw
        ]
        if any(row):
            empty_run = 0
            by_index[index] = row
        else:
            empty_run += 1
            if empty_run > MAX_EMPTY_RUN:
                break
    first_col = min(
        (min(i for i, c in enumerate(r) if c) for r in by_index.values()), default=0
    )
    for col, top, bottom in _vertical_merges(archive, ws):
        if col == first_col or top not in by_index or col >= len(by_index[top]):
            continue  # a repeated row number would invent rows
        value = by_index[top][col]
        for r in range(top + 1, bottom + 1):
            if r in by_index and col < len(by_index[r]) and not by_index[r][col]:
                by_index[r][col] = value
    rows = [by_index[i] for i in sorted(by_index)]
    width = max((max((i + 1 for i, c in enumerate(r) if c), default=0) for r in rows), default=0)
    return [(r + [""] * width)[:width] for r in rows]


def _group_rows(table: list[list[str]]) -> list[list[str]]:
    """Turn a "Nhóm" column into group rows (Roman numeral + heading), as printed tables do."""
    header = table[0]
    col = next(i for i, c in enumerate(header) if fold(c) == "nhom")
    out = [header[:col] + header[col + 1 :]]
    current, count = None, 0
    for row in table[1:]:
        group = row[col].strip()
        rest = row[:col] + row[col + 1 :]
        if group and group != current:
            current = group
            match = _ROMAN.match(group)
            if match:
                numeral, heading = match.groups()
            else:
                count += 1
                numeral, heading = _roman(count), group
            out.append([numeral, heading] + [""] * (len(rest) - 2))
        out.append(rest)
    return out


def _roman(n: int) -> str:
    from .numbering import to_roman

    return to_roman(n)


def _info_paragraphs(rows: list[list[str]]) -> list[str]:
    values: dict[str, str] = {}
    keys = {fold(label): key for key, label in INFO_FIELDS}
    for row in rows:
        if len(row) >= 2 and fold(row[0]).rstrip(":") in keys:
            values[keys[fold(row[0]).rstrip(":")]] = row[1]
    return header_paragraphs(values)


def _is_guide(ws_title: str, rows: list[list[str]]) -> bool:
    return fold(ws_title) == fold(GUIDE_SHEET) and bool(rows) and rows[0][0].startswith(GUIDE_MARKER)


def _sheet_blocks(title: str, rows: list[list[str]], line: int) -> list[Paragraph | Table]:
    blocks: list[Paragraph | Table] = []
    if _is_guide(title, rows):
        return blocks
    if fold(title) == fold(INFO_SHEET) and not any(is_header_row(r) for r in rows):
        return [Paragraph(text, line) for text in _info_paragraphs(rows)]
    header_at = next((i for i, r in enumerate(rows) if is_header_row(r)), None)
    if header_at is None:
        # No recognisable table: rows of one cell are lines, others a plain table.
        pending: list[list[str]] = []
        for i, row in enumerate(rows):
            cells = [c for c in row if c]
            if len(cells) == 1:
                if pending:
                    blocks.append(Table(pending, line + i - len(pending)))
                    pending = []
                blocks.append(Paragraph(cells[0], line + i))
            else:
                pending.append(row)
        if pending:
            blocks.append(Table(pending, line + len(rows) - len(pending)))
        return blocks
    for i, row in enumerate(rows[:header_at]):
        text = " ".join(c for c in row if c)
        blocks.append(Paragraph(text, line + i))
    table = rows[header_at:]
    if any(fold(c) == "nhom" for c in table[0]) and len(table[0]) >= 3:
        table = _group_rows(table)
    blocks.append(Table(table, line + header_at))
    return blocks


def read_xlsx(data: bytes) -> Document:
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    archive = zipfile.ZipFile(io.BytesIO(data))
    try:
        blocks: list[Paragraph | Table] = []
        info: list[Paragraph | Table] = []
        line = 1
        for ws in wb.worksheets:
            if not hasattr(ws, "iter_rows"):  # chart sheets
                continue
            rows = _sheet_rows(ws, archive)
            sheet_blocks = _sheet_blocks(ws.title, rows, line)
            # The template's plan information must come first, like a document header.
            if fold(ws.title) == fold(INFO_SHEET):
                info.extend(sheet_blocks)
            else:
                blocks.extend(sheet_blocks)
            line += len(rows) + 1
    finally:
        wb.close()
        archive.close()
    return Document(blocks=info + blocks, source_kind="xlsx")
