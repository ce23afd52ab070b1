"""Render a plan (plan JSON) as the documents staff upload: text, DOCX, PDF, XLSX.

The renderings share one layout (``layout``): header lines, then a target
table and a task table with section/group rows. Tests feed them to the
front-ends and, once the interpreter exists, compare the plan JSON read
back from each format.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "gold"
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
]

TARGET_HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá"]
TASK_HEADER = [
    "TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả dự kiến",
    "Thời gian hoàn thành",
]
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def load_gold(stem: str) -> dict:
    path = next(FIXTURES.glob(f"{stem}*.json"))
    return json.loads(path.read_text(encoding="utf-8"))


def font_path() -> str | None:
    return next((p for p in FONT_CANDIDATES if Path(p).exists()), None)


# -- the shared layout -----------------------------------------------------------------


@dataclass
class TableSpec:
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)  # each cell may hold "\n"
    section_rows: set[int] = field(default_factory=set)  # indexes into rows
    title: str = ""


@dataclass
class Layout:
    header: list[str]
    tables: list[TableSpec]


def _num(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")


def target_result(target: dict) -> str:
    comparator, value = target.get("comparator"), target.get("value")
    if comparator == ">=":
        return f"≥ {_num(value)}"
    if comparator == "<=":
        return f"≤ {_num(value)}"
    if comparator == "=":
        return _num(value)
    if comparator == "range":
        return f"{_num(value)}-{_num(target.get('value_max'))}"
    if comparator == "qualitative":
        return target.get("qualitative") or ""
    return ""


def header_lines(plan: dict) -> list[str]:
    lines: list[str] = []
    if plan.get("number"):
        lines.append(f"Số: {plan['number']}")
    if plan.get("date"):
        day = dt.date.fromisoformat(plan["date"])
        words = f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
        lines.append(f"{plan['place']}, {words}" if plan.get("place") else words.capitalize())
    lines.append(plan.get("kind") or "KẾ HOẠCH")
    if plan.get("title"):
        lines.append(plan["title"])
    for number in plan.get("implements") or []:
        lines.append(f"Căn cứ văn bản số {number};")
    if plan.get("issuer"):
        lines.append(f"{plan['issuer']} ban hành Kế hoạch thực hiện như sau:")
    return lines


def layout(data: dict) -> Layout:
    tables: list[TableSpec] = []
    if data.get("targets"):
        spec = TableSpec(list(TARGET_HEADER), title="PHỤ LỤC I: CÁC CHỈ TIÊU CỤ THỂ")
        group, groups = None, 0
        for target in data["targets"]:
            if target.get("group") and target["group"] != group:
                group = target["group"]
                groups += 1
                spec.section_rows.add(len(spec.rows))
                spec.rows.append([ROMAN[groups - 1], group, "", "", ""])
            spec.rows.append([
                f"{target['code']}." if target.get("code") else "",
                target["text"],
                target.get("unit") or "",
                target_result(target),
                "\n".join(target.get("lead") or []),
            ])
        tables.append(spec)
    if data.get("tasks"):
        spec = TableSpec(list(TASK_HEADER), title="PHỤ LỤC II: CÁC NHIỆM VỤ CỤ THỂ")
        section = None
        for task in data["tasks"]:
            code = task.get("code") or ""
            numeral, _, number = code.partition(".")
            if numeral in ROMAN and number:
                if numeral != section:
                    section = numeral
                    spec.section_rows.add(len(spec.rows))
                    spec.rows.append([numeral, task.get("section_title") or "", "", "", "", ""])
            else:
                number = code
            spec.rows.append([
                number,
                task["text"],
                "\n".join(task.get("lead") or []),
                "\n".join(task.get("support") or []),
                task.get("output") or "",
                (task.get("deadline") or {}).get("raw") or "",
            ])
        tables.append(spec)
    return Layout(header=header_lines(data["plan"]), tables=tables)


def small_plan(data: dict, targets: int = 5, tasks: int = 8) -> dict:
    out = copy.deepcopy(data)
    out["targets"] = out.get("targets", [])[:targets]
    out["tasks"] = out.get("tasks", [])[:tasks]
    return out


# -- text ----------------------------------------------------------------------------------


def render_text(data: dict) -> str:
    """Like the seed extractions: one line per printed line, table cells tab-led (seed 003)."""
    out: list[str] = []
    lay = layout(data)
    out.extend(lay.header)
    for spec in lay.tables:
        out += ["", spec.title, ""]
        for index, row in enumerate([spec.header, *spec.rows]):
            if index - 1 in spec.section_rows:
                row = row[:2]  # a merged section row extracts as two cells (seed 003)
            for cell in row:
                first, *rest = cell.split("\n")
                out.append("\t" + first)
                out.extend(rest)
            out.append("")
    return "\n".join(out) + "\n"


# -- DOCX ------------------------------------------------------------------------------------


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _fill_cell(cell, text: str) -> None:
    lines = text.split("\n") if text else [""]
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def render_docx(data: dict) -> bytes:
    import docx

    document = docx.Document()
    lay = layout(data)
    for line in lay.header:
        document.add_paragraph(line)
    for spec in lay.tables:
        document.add_paragraph(spec.title)
        table = document.add_table(rows=1 + len(spec.rows), cols=len(spec.header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, spec.header, strict=True):
            _fill_cell(cell, text)
        _repeat_header(table.rows[0])
        for index, row in enumerate(spec.rows):
            cells = table.rows[index + 1].cells
            if index in spec.section_rows:
                _fill_cell(cells[0], row[0])
                merged = cells[1].merge(cells[-1])
                _fill_cell(merged, row[1])
                continue
            for cell, text in zip(cells, row, strict=True):
                _fill_cell(cell, text)
    document.add_paragraph("Nơi nhận:")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- PDF --------------------------------------------------------------------------------------


def render_pdf(data: dict, *, page_numbers: bool = True) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable

    path = font_path()
    if path is None:
        raise RuntimeError("No DejaVuSans.ttf: install Debian package fonts-dejavu-core")
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", path))
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=13)
    cell_style = ParagraphStyle("cell", fontName="DejaVuSans", fontSize=8.5, leading=11)

    def para(text: str, style=body):
        return RLParagraph(escape(text).replace("\n", "<br/>"), style)

    def footer(canvas, doc):
        if page_numbers:
            canvas.setFont("DejaVuSans", 9)
            canvas.drawCentredString(doc.pagesize[0] / 2, 1.0 * cm, str(doc.page))

    pagesize = landscape(A4)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=pagesize, leftMargin=1.5 * cm, rightMargin=1.5 * cm,
        topMargin=1.5 * cm, bottomMargin=2 * cm,
    )
    story: list = []
    lay = layout(data)
    story.extend(para(line) for line in lay.header)
    width = pagesize[0] - 3 * cm
    for spec in lay.tables:
        story += [Spacer(1, 8), para(spec.title), Spacer(1, 6)]
        if len(spec.header) == 5:
            ratios = [0.06, 0.44, 0.1, 0.12, 0.28]
        else:
            ratios = [0.05, 0.33, 0.16, 0.18, 0.16, 0.12]
        rows = [[para(c, cell_style) for c in spec.header]]
        style = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        for index, row in enumerate(spec.rows, start=1):
            if index - 1 in spec.section_rows:
                rows.append([para(row[0], cell_style), para(row[1], cell_style)]
                            + [""] * (len(row) - 2))
                style.append(("SPAN", (1, index), (-1, index)))
            else:
                rows.append([para(c, cell_style) for c in row])
        table = RLTable(rows, colWidths=[r * width for r in ratios], repeatRows=1)
        table.setStyle(style)
        story.append(table)
    story.append(para("Nơi nhận:"))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


# -- XLSX ----------------------------------------------------------------------------------------

# Column order differs from the printed table on purpose: the reader must go by header names.
TARGET_ORDER = [1, 0, 3, 2, 4]
TASK_ORDER = [1, 0, 5, 2, 4, 3]


def _excel_value(text: str):
    """Typed cells, as staff produce them: dates as dates, bare numbers as numbers."""
    try:
        day = dt.datetime.strptime(text, "%d/%m/%Y")
    except ValueError:
        day = None
    if day is not None and day.strftime("%d/%m/%Y") == text:  # "30/9/2025" stays as typed
        return day
    if text.isdigit() and not text.startswith("0"):
        return int(text)
    return text


def render_xlsx(data: dict, *, title_rows: int = 3) -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    lay = layout(data)
    for number, spec in enumerate(lay.tables):
        ws = wb.create_sheet("Chỉ tiêu" if spec.header is not None and len(spec.header) == 5
                             else "Nhiệm vụ")
        order = TARGET_ORDER if len(spec.header) == 5 else TASK_ORDER
        lines = (lay.header if number == 0 else []) + [spec.title]
        lines = lines[: max(title_rows, len(lines))]
        for line in lines:
            ws.append([line])
        ws.append([])  # a blank row between the title and the table
        ws.append([spec.header[i] for i in order])
        for index, row in enumerate(spec.rows):
            if index in spec.section_rows:
                # Heading in the content column, numeral in the number column.
                values = ["" for _ in order]
                values[order.index(0)] = row[0]
                values[order.index(1)] = row[1]
            else:
                values = [_excel_value(row[i]) if i in (0, 3, 5) else row[i] for i in order]
            ws.append([v if v != "" else None for v in values])
        for row in ws.iter_rows():
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
