"""Render :class:`~theodoi.documents.model.Sheet` lists as an XLSX workbook (XlsxWriter).

Numbers stay numbers (so officers can sum and filter them); their display uses
format codes whose separators Excel/LibreOffice take from the reader's locale,
which on Vietnamese machines shows 6.000 and 0,73. Text is always written with
``write_string``: XlsxWriter's ``write`` would turn an officer's "=..." into a
formula (spreadsheet injection) and "31/12/2026"-like text is kept as typed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from decimal import Decimal

import xlsxwriter

from .model import Column, GroupRow, Sheet, clean

EXCEL_MAX_TEXT = 32_767
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_NUM_FORMATS = {
    "integer": "#,##0",
    "percent": "0.0%",
    "date": "dd/mm/yyyy",
}


def _number_format(col: Column) -> str | None:
    if col.kind == "decimal":
        return "#,##0." + "0" * col.decimals if col.decimals > 0 else "#,##0"
    return _NUM_FORMATS.get(col.kind)


def sheet_name(name: str, used: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of []:*?/\\."""
    base = _BAD_SHEET_CHARS.sub("-", clean(name)).strip("' ") or "Sheet"
    base = base[:31]
    candidate, i = base, 2
    while candidate.lower() in used:
        suffix = f" ({i})"
        candidate = base[: 31 - len(suffix)] + suffix
        i += 1
    used.add(candidate.lower())
    return candidate


def _xlsx_width(col: Column, total_weight: float, n: int) -> float:
    if col.xlsx_width:
        return col.xlsx_width
    # About 110 characters across a landscape page, shared by weight.
    return max(6.0, min(60.0, 110 * col.width / (total_weight or n)))


def render_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """XLSX bytes with one worksheet per :class:`Sheet`."""
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False,
                                   "strings_to_formulas": False, "strings_to_urls": False,
                                   "nan_inf_to_errors": True})
    font = {"font_name": "Times New Roman", "font_size": 12}
    border = {"border": 1, "border_color": "#808080"}
    title_fmt = wb.add_format({**font, "bold": True, "font_size": 13, "align": "center",
                               "valign": "vcenter", "text_wrap": True})
    sub_fmt = wb.add_format({**font, "italic": True, "align": "center", "text_wrap": True})
    header_fmt = wb.add_format({**font, **border, "bold": True, "align": "center",
                                "valign": "vcenter", "text_wrap": True, "bg_color": "#D9E1F2"})
    note_fmt = wb.add_format({**font, "italic": True})
    used: set[str] = set()

    for sheet in sheets:
        ws = wb.add_worksheet(sheet_name(sheet.name, used))
        cols = sheet.columns
        n = len(cols)
        total_weight = sum(c.width for c in cols)
        cell_fmts, group_fmts = [], []
        for c in cols:
            spec = {**font, **border, "valign": "top", "text_wrap": True,
                    "align": "center" if c.align == "center" else
                    "right" if c.align == "right" else "left"}
            num = _number_format(c)
            if num:
                spec["num_format"] = num
            cell_fmts.append(wb.add_format(spec))
            group_fmts.append(wb.add_format({**spec, "bold": True, "bg_color": "#F2F2F2"}))
        for j, c in enumerate(cols):
            ws.set_column(j, j, _xlsx_width(c, total_weight, n))
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.6, right=0.4, top=0.6, bottom=0.6)

        r = 0
        for i, line in enumerate(sheet.title_lines):
            if n > 1:
                ws.merge_range(r, 0, r, n - 1, clean(line), title_fmt if i == 0 else sub_fmt)
            else:
                ws.write_string(r, 0, clean(line), title_fmt if i == 0 else sub_fmt)
            r += 1
        if sheet.title_lines:
            r += 1  # a blank row keeps the merged titles out of the autofilter range
        header_row = r
        for j, c in enumerate(cols):
            ws.write_string(r, j, clean(c.header), header_fmt)
        ws.set_row(r, 32)
        ws.repeat_rows(header_row)  # header printed on every page
        r += 1
        for row in sheet.rows:
            if isinstance(row, GroupRow):
                values = ([row.number, row.label] if row.number and n > 1 else [row.label])
                values += [None] * (n - len(values))
                fmts = group_fmts
            else:
                values = list(row)[:n] + [None] * (n - len(row))
                fmts = cell_fmts
            for j, v in enumerate(values):
                _write(ws, r, j, v, fmts[j], cols[j].kind == "date")
            r += 1
        last = r - 1
        if sheet.freeze:
            ws.freeze_panes(header_row + 1, 0)
        if sheet.autofilter and last >= header_row:
            ws.autofilter(header_row, 0, last, n - 1)
        for line in sheet.note_lines:
            r += 1
            ws.write_string(r, 0, clean(line), note_fmt)
    wb.close()
    return out.getvalue()


def _write(ws, r: int, c: int, value: object, fmt, date_column: bool) -> None:
    if value is None or value == "":
        ws.write_blank(r, c, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(r, c, value, fmt)
    elif isinstance(value, int | float | Decimal):
        ws.write_number(r, c, float(value), fmt)
    elif isinstance(value, dt.datetime | dt.date):
        if date_column:
            ws.write_datetime(r, c, value, fmt)
        else:  # without a date format Excel would show the serial number
            ws.write_string(r, c, value.strftime("%d/%m/%Y"), fmt)
    else:
        ws.write_string(r, c, clean(value)[:EXCEL_MAX_TEXT], fmt)
