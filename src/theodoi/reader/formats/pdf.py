"""PDF front-end (text layer only): ruled tables, and lines of text around them.

Per page: tables found by their ruling lines become Table blocks; the words
outside them become one Paragraph per visual line, ordered with the tables
by vertical position (as a text extraction reads, so the interpreter sees
the same shape as for the seed texts). Inside a cell, a line break is kept
("\\n") only when the next line's first word would have fitted on the line
before (a hard break, e.g. one agency per line); otherwise the lines are a
wrapped sentence and joined with a space.

A page without ruled tables whose line carries at least two column words
("Nội dung", "Chủ trì", "Phối hợp", "Thời gian", ...) is read as an unruled
table: columns from the header words, a new row wherever the first column
has text. Words separated by a gap wider than COLUMN_GAP are separate lines
(a side-by-side header: authority | motto). Lone page numbers are dropped; a table continued on the next
page is joined by ``merge_continued_tables`` (repeated header dropped).
"""

from __future__ import annotations

import io
import re
import statistics

import pdfplumber

from theodoi.vntext import fold

from ..document import Document, Paragraph, Table
from ..errors import CorruptFile, NeedsOCR

PAGE_NUMBER = re.compile(r"^(?:trang\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*/\s*\d{1,4})?$", re.I)
MARGIN = 0.1  # fraction of the page height where running headers/footers live
LINE_TOL = 3.0
COLUMN_GAP = 40.0  # points; justified body text never leaves a gap this wide
UNRULED_WORDS = [
    fold(w)
    for w in (
        "Nội dung", "Chủ trì", "Phối hợp", "Thời gian", "Thời hạn", "STT", "TT",
        "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Sản phẩm", "Ghi chú", "Nhiệm vụ",
    )
]


def _password_error(exc: BaseException | None) -> bool:
    """True when a pdfminer error (possibly wrapped by pdfplumber) is about a password."""
    seen: list[BaseException] = []
    while exc is not None and exc not in seen:
        seen.append(exc)
        if "Password" in type(exc).__name__ or "Encrypt" in type(exc).__name__:
            return True
        wrapped = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        exc = exc.__cause__ or exc.__context__ or wrapped
    return False


# -- words and lines -----------------------------------------------------------


def _lines(words: list[dict]) -> list[list[dict]]:
    """Group words into visual lines (top within LINE_TOL), each sorted left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= LINE_TOL:
            lines[-1].append(word)
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def _split_columns(lines: list[list[dict]], gap: float = COLUMN_GAP) -> list[list[dict]]:
    """Split a line at wide gaps: side-by-side header blocks are separate lines."""
    out: list[list[dict]] = []
    for line in lines:
        start = 0
        for k in range(1, len(line)):
            if line[k]["x0"] - line[k - 1]["x1"] > gap:
                out.append(line[start:k])
                start = k
        out.append(line[start:])
    return out


def _line_text(line: list[dict]) -> str:
    return " ".join(w["text"] for w in line)


def _reflow(lines: list[list[dict]], x0: float, x1: float) -> str:
    """Join a cell's lines: space for a wrapped line, "\\n" for a hard break."""
    if not lines:
        return ""
    left = min(line[0]["x0"] for line in lines) - x0
    right = x1 - max(line[-1]["x1"] for line in lines)
    usable = (x1 - x0) - 2 * max(min(left, right), 0.0)
    out = _line_text(lines[0])
    for prev, line in zip(lines, lines[1:], strict=False):
        first = line[0]
        space = (first["x1"] - first["x0"]) / max(len(first["text"]), 1) * 0.6
        prev_width = prev[-1]["x1"] - prev[0]["x0"]
        fits = prev_width + space + (first["x1"] - first["x0"]) <= usable - 1.0
        out += ("\n" if fits else " ") + _line_text(line)
    return out


def _inside(word: dict, bbox: tuple[float, float, float, float]) -> bool:
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


# -- ruled tables -----------------------------------------------------------------


def _ruled_table_rows(table, words: list[dict]) -> list[list[str]]:
    grid = [row.cells for row in table.rows]
    width = max(len(r) for r in grid)
    col_x: list[tuple[float, float] | None] = [None] * width
    for r in grid:
        for c, bbox in enumerate(r):
            if bbox is not None and col_x[c] is None:
                col_x[c] = (bbox[0], bbox[2])
    rows: list[list[str]] = []
    for r_index, r in enumerate(grid):
        row: list[str] = []
        for c in range(width):
            bbox = r[c] if c < len(r) else None
            if bbox is not None:
                cell_words = [w for w in words if _inside(w, bbox)]
                row.append(_reflow(_lines(cell_words), bbox[0], bbox[2]))
                continue
            # A covered grid position: a horizontal span leaves "", a vertical
            # span repeats the text above (as the DOCX front-end does), except
            # in the first column where it would invent a row number.
            left = next((r[k] for k in range(c - 1, -1, -1) if k < len(r) and r[k]), None)
            centre = (col_x[c][0] + col_x[c][1]) / 2 if col_x[c] else None
            horizontal = left is not None and centre is not None and left[2] > centre
            if horizontal or c == 0 or r_index == 0:
                row.append("")
            else:
                row.append(rows[-1][c])
        rows.append(row)
    return rows


# -- unruled tables ------------------------------------------------------------------


def _header_line(lines: list[list[dict]]) -> int | None:
    for i, line in enumerate(lines):
        text = " " + fold(_line_text(line)) + " "
        hits = sum(1 for w in UNRULED_WORDS if f" {w} " in text)
        if hits >= 2 and len(line) <= 30:
            return i
    return None


def _header_columns(line: list[dict]) -> list[float]:
    """Column boundaries: midpoints of the wide gaps between the header's word groups."""
    gaps = [b["x0"] - a["x1"] for a, b in zip(line, line[1:], strict=False)]
    if not gaps:
        return []
    typical = statistics.median(gaps)
    cut = max(typical * 2.5, 8.0)
    return [
        (a["x1"] + b["x0"]) / 2
        for a, b, gap in zip(line, line[1:], gaps, strict=False)
        if gap > cut
    ]


def _unruled_rows(lines: list[list[dict]], bounds: list[float]) -> list[list[str]]:
    rows: list[list[str]] = []
    for line in lines:
        cells: list[list[str]] = [[] for _ in range(len(bounds) + 1)]
        for word in line:
            centre = (word["x0"] + word["x1"]) / 2
            col = sum(1 for b in bounds if centre > b)
            cells[col].append(word["text"])
        texts = [" ".join(c) for c in cells]
        if rows and not texts[0]:
            # No row number: the line continues the row above.
            rows[-1] = [
                (a + "\n" + b) if a and b else (a or b) for a, b in zip(rows[-1], texts, strict=False)
            ]
        else:
            rows.append(texts)
    if rows:
        rows[0] = [" ".join(c.split()) for c in rows[0]]  # a wrapped header is one label
    return rows


# -- pages ------------------------------------------------------------------------


def _is_page_number(line: list[dict], height: float) -> bool:
    text = _line_text(line).strip()
    if not PAGE_NUMBER.match(text):
        return False
    top = line[0]["top"]
    return top < height * MARGIN or top > height * (1 - MARGIN)


class _PdfReader:
    def __init__(self) -> None:
        self.blocks: list[Paragraph | Table] = []
        self.line_no = 0
        self.warnings: list[dict] = []
        self.text_pages = 0

    def page(self, page, number: int) -> None:
        words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
        if not words:
            if page.images or page.curves or page.rects:
                self.warnings.append({
                    "message": f"Trang {number} không có lớp chữ (có thể là trang quét): "
                    "nội dung trang này không được đọc.",
                    "line_no": None,
                })
            return
        self.text_pages += 1
        tables = [t for t in page.find_tables() if t.rows and max(len(r.cells) for r in t.rows) >= 2]
        items: list[tuple[float, Paragraph | Table]] = []
        for table in tables:
            rows = _ruled_table_rows(table, words)
            items.append((table.bbox[1], Table(rows)))
        free = [w for w in words if not any(_inside(w, t.bbox) for t in tables)]
        lines = _lines(free)
        # A running page number is the first or last line, in the top/bottom margin.
        if lines and _is_page_number(lines[-1], page.height):
            lines.pop()
        if lines and _is_page_number(lines[0], page.height):
            lines.pop(0)
        if not tables:
            at = _header_line(lines)
            bounds = _header_columns(lines[at]) if at is not None else []
            if len(bounds) >= 2:
                rows = _unruled_rows(lines[at:], bounds)
                items.append((lines[at][0]["top"], Table(rows)))
                lines = lines[:at]
        items.extend(
            (line[0]["top"], Paragraph(_line_text(line))) for line in _split_columns(lines)
        )
        items.sort(key=lambda item: item[0])
        for _top, block in items:
            self.line_no += 1
            block.line_no = self.line_no
            self.blocks.append(block)


def read_pdf(data: bytes, filename: str) -> Document:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        if _password_error(exc):
            raise CorruptFile(
                f"Tệp PDF “{filename}” được đặt mật khẩu: hãy gỡ mật khẩu (hoặc in lại ra PDF "
                "không mật khẩu) rồi tải lên lại."
            ) from None
        raise
    reader = _PdfReader()
    try:
        for number, page in enumerate(pdf.pages, start=1):
            reader.page(page, number)
            page.close()
    except Exception as exc:
        if _password_error(exc):
            raise CorruptFile(
                f"Tệp PDF “{filename}” được đặt mật khẩu: hãy gỡ mật khẩu rồi tải lên lại."
            ) from None
        raise
    finally:
        pdf.close()
    if reader.text_pages == 0:
        raise NeedsOCR(
            f"Tệp PDF “{filename}” là bản quét (không có lớp chữ): cần nhận dạng chữ (OCR) "
            "trước khi đọc, hoặc tải lên bản DOCX/PDF gốc."
        )
    return Document(blocks=reader.blocks, source_kind="pdf", warnings=reader.warnings)
