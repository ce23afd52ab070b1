"""Small PDFs built with reportlab's canvas for edge cases (scan, password, unruled table)."""

from __future__ import annotations

import io

from .render import font_path


def _font(canvas) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", font_path()))
    canvas.setFont("DejaVuSans", 10)
    return "DejaVuSans"


def scanned_pdf(pages: int = 2) -> bytes:
    """Pages holding only a picture, as a scanner produces."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas as rl_canvas

    image = Image.new("RGB", (400, 560), "white")
    ImageDraw.Draw(image).rectangle((40, 40, 360, 80), fill="black")
    out = io.BytesIO()
    canvas = rl_canvas.Canvas(out)
    for _ in range(pages):
        canvas.drawImage(ImageReader(image), 50, 200, width=400, height=560)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def text_pdf(
    lines: list[str], *, password: str | None = None, with_scan_page: bool = False,
    top: float = 760, footer: str | None = None,
) -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas as rl_canvas

    out = io.BytesIO()
    encrypt = StandardEncryption(password, canModify=0) if password else None
    canvas = rl_canvas.Canvas(out, encrypt=encrypt)
    _font(canvas)
    y = top
    for line in lines:
        canvas.drawString(60, y, line)
        y -= 16
    if footer:
        canvas.drawCentredString(300, 30, footer)
    canvas.showPage()
    if with_scan_page:
        canvas.rect(50, 50, 400, 600, fill=1)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


UNRULED_COLUMNS = [50, 80, 300, 420, 520]


def unruled_table_pdf(rows: list[list[str]], *, intro: list[str]) -> bytes:
    """A table drawn without any rule: columns only by x position, multi-line cells."""
    from reportlab.pdfgen import canvas as rl_canvas

    out = io.BytesIO()
    canvas = rl_canvas.Canvas(out)
    _font(canvas)
    y = 800
    for line in intro:
        canvas.drawString(50, y, line)
        y -= 16
    y -= 10
    for row in rows:
        height = 1
        for x, cell in zip(UNRULED_COLUMNS, row, strict=False):
            for k, part in enumerate(cell.split("\n")):
                canvas.drawString(x, y - 14 * k, part)
            height = max(height, len(cell.split("\n")))
        y -= 14 * height + 6
    canvas.drawCentredString(300, 30, "1")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def spanned_table_pdf() -> bytes:
    """A ruled table with a section row spanning columns and a lead spanning two rows."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4)
    rows = [
        ["TT", "Nội dung", "Chủ trì", "Thời gian"],
        ["I", "NHÓM MỘT", "", ""],
        ["1", "Việc một", "Sở A", "Quý III/2025"],
        ["2", "Việc hai", "", "Năm 2026"],
    ]
    from reportlab.pdfgen import canvas as rl_canvas

    _font(rl_canvas.Canvas(io.BytesIO()))  # only to register DejaVuSans
    table = Table(rows, colWidths=[40, 200, 120, 100])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("SPAN", (1, 1), (3, 1)),
        ("SPAN", (2, 2), (2, 3)),
    ]))
    doc.build([table])
    return out.getvalue()
