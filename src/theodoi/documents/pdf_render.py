"""Render a :class:`~theodoi.documents.model.Report` as PDF with reportlab.

The font is the bundled Liberation Serif (SIL OFL; metric-compatible with Times New
Roman and complete for Vietnamese), so the output does not depend on system fonts
and no letter falls back to a box.

Why reportlab and not WeasyPrint: WeasyPrint took 19 s for a 2,000-row appendix
(and grows faster than linearly), reportlab's own LongTable 3 s for 2,000 rows for
the same reason (each page split re-measures all remaining rows). Province reports
carry 6,000+ rows, so appendix tables use :class:`FastTable`, which measures every
row once and splits pages by a binary search on cumulative heights.
"""

from __future__ import annotations

import bisect
import functools
import io
from collections.abc import Iterable, Sequence
from itertools import accumulate
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus.flowables import HRFlowable

from .layout import APPENDIX_TABLE_PT, LANDSCAPE, PORTRAIT, SPECS, Spec
from .model import (
    Appendix,
    Block,
    BulletList,
    Column,
    FreeText,
    GroupRow,
    Inline,
    Paragraph,
    Report,
    Section,
    Table,
    clean,
    format_value,
    free_text_blocks,
    section_label,
    spans,
)

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "TheodoiSerif"
_FACES = {
    FONT: "LiberationSerif-Regular.ttf",
    f"{FONT}-Bold": "LiberationSerif-Bold.ttf",
    f"{FONT}-Italic": "LiberationSerif-Italic.ttf",
    f"{FONT}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}
BOLD = f"{FONT}-Bold"
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


@functools.cache
def register_fonts() -> None:
    """Register the bundled faces once per process under a private family name."""
    for name, file in _FACES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=f"{FONT}-Italic",
                                  boldItalic=f"{FONT}-BoldItalic")


# --------------------------------------------------------------------------- text
def _m(text: str) -> str:
    """Paragraph markup of plain text."""
    return escape(clean(text)).replace("\n", "<br/>")


def _markup(content: Inline, *, bold: bool = False, italic: bool = False,
            underline: bool = False) -> str:
    out = []
    for s in spans(content):
        html = _m(s.text)
        if s.bold or bold:
            html = f"<b>{html}</b>"
        if s.italic or italic:
            html = f"<i>{html}</i>"
        if s.underline or underline:
            html = f"<u>{html}</u>"
        out.append(html)
    return "".join(out)


@functools.cache
def _style(size: float, align: str = "center", *, indent_mm: float = 0, before: float = 0,
           leading: float = 1.2, keep: bool = False) -> ParagraphStyle:
    return ParagraphStyle(
        f"s{size}{align}{indent_mm}{before}{leading}{keep}", fontName=FONT, fontSize=size,
        leading=size * leading, alignment=_ALIGN[align], firstLineIndent=indent_mm * mm,
        spaceBefore=before, keepWithNext=int(keep),
    )


def _p(content: Inline, size: float, align: str = "center", *, bold: bool = False,
       italic: bool = False, underline: bool = False, **kw) -> RLParagraph:
    return RLParagraph(_markup(content, bold=bold, italic=italic, underline=underline),
                       _style(size, align, **kw))


# --------------------------------------------------------------------------- fast table
class _Widths:
    """Greedy word wrapping with cached word widths: Vietnamese is written in short
    syllables that repeat all over a report, so the cache answers nearly every call."""

    def __init__(self, font: str, size: float) -> None:
        self.font, self.size = font, size
        self.cache: dict[str, float] = {}
        self.space = pdfmetrics.stringWidth(" ", font, size)

    def width(self, word: str) -> float:
        w = self.cache.get(word)
        if w is None:
            w = self.cache[word] = pdfmetrics.stringWidth(word, self.font, self.size)
        return w

    def wrap(self, text: str, max_width: float) -> list[str]:
        lines: list[str] = []
        for para in text.split("\n"):
            words = para.split()
            if not words:
                lines.append("")
                continue
            line: list[str] = []
            used = 0.0
            for word in words:
                w = self.width(word)
                if w > max_width:  # a word wider than the column: cut it by characters
                    if line:
                        lines.append(" ".join(line))
                        line, used = [], 0.0
                    chunk = ""
                    for ch in word:
                        if chunk and self.width(chunk + ch) > max_width:
                            lines.append(chunk)
                            chunk = ""
                        chunk += ch
                    line, used = [chunk], self.width(chunk)
                    continue
                extra = w + (self.space if line else 0.0)
                if line and used + extra > max_width:
                    lines.append(" ".join(line))
                    line, used = [word], w
                else:
                    line.append(word)
                    used += extra
            lines.append(" ".join(line))
        return lines


class _Row:
    __slots__ = ("cells", "group", "height")

    def __init__(self, cells: list[tuple[int, int, str, list[str]]], group: bool,
                 height: float) -> None:
        self.cells = cells  # (first column, span, align, lines)
        self.group = group
        self.height = height


class FastTable(Flowable):
    """A ruled table whose header row repeats on every page, measured once."""

    PAD_X = 1.0 * mm
    PAD_Y = 1.5

    def __init__(self, table: Table, width: float, size: float, *,
                 rows: list[_Row] | None = None, header: _Row | None = None,
                 span: tuple[int, int] | None = None) -> None:
        super().__init__()
        self.size = size
        self.leading = size * 1.18
        total = sum(c.width for c in table.columns) or len(table.columns)
        self.col_widths = [width * c.width / total for c in table.columns]
        self.col_x = [0.0, *accumulate(self.col_widths)]
        self.table = table
        if rows is None:
            self.header, self.rows = self._prepare(table)
            self.tops = [0.0, *accumulate(r.height for r in self.rows)]
            self.start, self.end = 0, len(self.rows)
        else:
            assert header is not None and span is not None
            self.header, self.rows = header, rows
            self.start, self.end = span
        self.hAlign = "CENTER"

    # -- measuring ---------------------------------------------------------------------
    def _row(self, cells: list[tuple[int, int, str, str]], wrapper: _Widths, group: bool) -> _Row:
        out, most = [], 1
        for col, span, align, text in cells:
            width = sum(self.col_widths[col:col + span]) - 2 * self.PAD_X
            lines = wrapper.wrap(text, width) if text else []
            most = max(most, len(lines))
            out.append((col, span, align, lines))
        return _Row(out, group, most * self.leading + 2 * self.PAD_Y)

    def _prepare(self, table: Table) -> tuple[_Row, list[_Row]]:
        regular, bold = _Widths(FONT, self.size), _Widths(BOLD, self.size)
        cols: Sequence[Column] = table.columns
        n = len(cols)
        header = self._row([(j, 1, "center", clean(c.header)) for j, c in enumerate(cols)],
                           bold, True)
        rows: list[_Row] = []
        for row in table.rows:
            if isinstance(row, GroupRow):
                if row.number and n > 1:
                    cells = [(0, 1, "center", clean(row.number)),
                             (1, n - 1, "left", clean(row.label))]
                else:
                    cells = [(0, n, "left", clean(row.label))]
                rows.append(self._row(cells, bold, True))
                continue
            values = list(row)[:n]
            values += [None] * (n - len(values))
            cells = [(j, 1, c.align, format_value(v, c.kind, c.decimals))
                     for j, (v, c) in enumerate(zip(values, cols, strict=True))]
            rows.extend(self._split_tall(self._row(cells, regular, False)))
        return header, rows

    MAX_ROW_HEIGHT = 120 * mm  # below a landscape frame less a wrapped header

    def _split_tall(self, row: _Row) -> list[_Row]:
        """A row taller than a page (an officer's very long text) continues in
        further rows, so that every row fits on a page."""
        if row.height <= self.MAX_ROW_HEIGHT:
            return [row]
        per = max(1, int((self.MAX_ROW_HEIGHT - 2 * self.PAD_Y) / self.leading))
        most = max(len(lines) for *_, lines in row.cells)
        out = []
        for k in range(0, most, per):
            cells = [(col, span, align, lines[k:k + per]) for col, span, align, lines in row.cells]
            count = max(1, max(len(lines) for *_, lines in cells))
            out.append(_Row(cells, row.group, count * self.leading + 2 * self.PAD_Y))
        return out

    # -- platypus protocol -------------------------------------------------------------
    def _height(self, start: int, end: int) -> float:
        return self.header.height + self.tops[end] - self.tops[start]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.col_x[-1]
        self.height = self._height(self.start, self.end)
        return self.width, self.height

    def _piece(self, start: int, end: int) -> FastTable:
        piece = FastTable.__new__(FastTable)
        piece.__dict__.update(self.__dict__)
        # platypus marks a flowable that did not fit once; a fresh piece must not
        # inherit the mark or it is declared too large on the next page
        piece.__dict__.pop("_postponed", None)
        piece.start, piece.end = start, end
        return piece

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self.header.height
        # the last row whose bottom still fits
        limit = self.tops[self.start] + room
        end = bisect.bisect_right(self.tops, limit, self.start, self.end + 1) - 1
        if end <= self.start:
            return []  # nothing fits here: platypus moves us to the next page
        if end >= self.end:
            return [self]
        return [self._piece(self.start, end), self._piece(end, self.end)]

    def draw(self) -> None:
        c = self.canv
        y = self.height
        c.setLineWidth(0.5)
        y = self._draw_row(self.header, y, BOLD)
        for i in range(self.start, self.end):
            row = self.rows[i]
            y = self._draw_row(row, y, BOLD if row.group else FONT)

    def _draw_row(self, row: _Row, top: float, font: str) -> float:
        c = self.canv
        bottom = top - row.height
        c.setFont(font, self.size)
        for col, span, align, lines in row.cells:
            x0, x1 = self.col_x[col], self.col_x[col + span]
            c.rect(x0, bottom, x1 - x0, row.height, stroke=1, fill=0)
            baseline = top - self.PAD_Y - self.size * 0.93
            if row.group and len(row.cells) > 1 and col == 0 or row is self.header:
                # header cells and group numbers are centred vertically
                baseline -= (row.height - 2 * self.PAD_Y - len(lines) * self.leading) / 2
            for line in lines:
                if align == "center":
                    c.drawCentredString((x0 + x1) / 2, baseline, line)
                elif align == "right":
                    c.drawRightString(x1 - self.PAD_X, baseline, line)
                else:
                    c.drawString(x0 + self.PAD_X, baseline, line)
                baseline -= self.leading
        return bottom


# --------------------------------------------------------------------------- layout parts
def _frame_table(rows: list[list], widths_mm: Sequence[float], indent_mm: float = 0) -> RLTable:
    t = RLTable(rows, colWidths=[w * mm for w in widths_mm], hAlign="CENTER")
    t.setStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),  # places the short rules (HRFlowable)
        ("FONT", (0, 0), (-1, -1), FONT),  # else the canvas selects (unembedded) Helvetica
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ])
    return t


def _header(report: Report, spec: Spec) -> list[Flowable]:
    left: list[Flowable] = []
    if report.superior_body:
        left.append(_p(report.superior_body, spec.authority_pt))
    left.append(_p(report.issuing_body, spec.authority_pt, bold=True))
    if report.layout == "party":
        left.append(_p("*", spec.authority_pt))
    else:
        left.append(HRFlowable(width=min(30.0, spec.head_left_mm / 2.5) * mm, thickness=0.75,
                               color="black", spaceBefore=4, spaceAfter=0, hAlign="CENTER"))
    if report.layout == "party":
        right = [_p(report.heading_right[0], spec.right_head_pt, bold=True, underline=True)]
    else:
        national, motto = report.heading_right
        right = [_p(national, spec.right_head_pt, bold=True),
                 _p(motto, spec.motto_pt, bold=True, underline=True)]
    number = _p(report.number_line, spec.number_pt, before=6)
    date = _p(report.date_line, spec.date_pt, italic=True, before=6)
    table = _frame_table([[left, right], [number, date]], [spec.head_left_mm, spec.head_right_mm])
    table.setStyle([("TOPPADDING", (0, 1), (-1, 1), 6)])  # cells ignore spaceBefore
    return [table]


def _title(report: Report, spec: Spec) -> list[Flowable]:
    out: list[Flowable] = [
        _p(report.kind, spec.kind_pt, bold=True, before=18, keep=True),
        _p(report.title, spec.title_pt, bold=True, keep=True),
    ]
    if report.layout == "party":
        out.append(_p("-----", spec.title_pt))
    else:
        out.append(HRFlowable(width=40 * mm, thickness=0.75, color="black", spaceBefore=2,
                              hAlign="CENTER"))
    if len(report.addressees) == 1:
        out.append(_p(["Kính gửi: ", report.addressees[0]], spec.body_pt, before=12))
    elif report.addressees:
        out.append(Spacer(1, 12))
        out.append(RLParagraph("Kính gửi:", ParagraphStyle(
            "kg", fontName=FONT, fontSize=spec.body_pt, leading=spec.body_pt * 1.25,
            leftIndent=30 * mm)))
        for a in report.addressees:
            out.append(RLParagraph(f"- {_m(a)}", ParagraphStyle(
                "kgi", fontName=FONT, fontSize=spec.body_pt, leading=spec.body_pt * 1.25,
                leftIndent=55 * mm)))
    return out


def _body(content: Inline, spec: Spec, *, align: str = "justify", indent: bool = True,
          bold: bool = False, italic: bool = False, keep: bool = False) -> RLParagraph:
    return _p(content, spec.body_pt, align, bold=bold, italic=italic,
              indent_mm=spec.first_line_indent_mm if indent else 0,
              before=spec.paragraph_before_pt, leading=1.32, keep=keep)


def _blocks(blocks: Iterable[Block], spec: Spec, width: float, level: int = 1) -> list[Flowable]:
    out: list[Flowable] = []
    counters: dict[int, int] = {}
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(_body(block.content, spec, align=block.align, indent=block.indent,
                             bold=block.bold, italic=block.italic))
        elif isinstance(block, BulletList):
            out.extend(_body([f"{block.marker} ", *spans(item)], spec) for item in block.items)
        elif isinstance(block, FreeText):
            out.extend(_blocks(free_text_blocks(block.text), spec, width, level))
        elif isinstance(block, Table):
            out.extend(_table(block, spec, width, spec.table_pt))
        elif isinstance(block, Section):
            lvl = block.level or level
            counters[lvl] = counters.get(lvl, 0) + 1
            label = section_label(lvl, counters[lvl], block.number)
            out.append(_body(f"{label} {block.heading}", spec, bold=lvl <= 2, italic=lvl >= 3,
                             keep=True))
            out.extend(_blocks(block.blocks, spec, width, lvl + 1))
        else:  # pragma: no cover
            raise TypeError(f"unknown block {type(block).__name__}")
    return out


def _table(table: Table, spec: Spec, width: float, size: float) -> list[Flowable]:
    out: list[Flowable] = []
    if table.title:
        out.append(_p(table.title, spec.body_pt, bold=True, before=12, keep=True))
    if table.note:
        out.append(_p(table.note, spec.body_pt - 1, italic=True, keep=True))
    out.append(Spacer(1, 4))
    out.append(FastTable(table, width, table.font_size or size))
    return out


def _signature(report: Report, spec: Spec) -> list[Flowable]:
    if not report.signature and not report.recipients:
        return []
    left: list[Flowable] = []
    if report.recipients:
        party = report.layout == "party"
        left.append(_p("Nơi nhận:", spec.recipients_label_pt, "left", bold=not party,
                       italic=not party, underline=party))
        for item in report.recipients:
            text = clean(item).strip()
            left.append(_p(text if text.startswith("-") else f"- {text}", spec.recipients_pt,
                           "left", leading=1.15))
    right: list[Flowable] = []
    sig = report.signature
    if sig:
        right.extend(_p(line, spec.signer_pt, bold=True) for line in sig.lines)
        space = max(sig.space_lines, 0) * spec.signer_pt * 1.25
        if sig.note:
            right.append(Spacer(1, space / 2 - spec.signer_pt))
            right.append(_p(sig.note, spec.signer_pt, italic=True))
            right.append(Spacer(1, space / 2))
        else:
            right.append(Spacer(1, space))
        if sig.name:
            right.append(_p(sig.name, spec.signer_pt, bold=True))
    return [Spacer(1, 12), _frame_table([[left, right]], [spec.sign_left_mm, spec.sign_right_mm])]


class _RestartPages(Flowable):
    """Zero-size marker: page numbers count from 1 again on the page it lands on
    (Decree 30 numbers an appendix's pages separately)."""

    def __init__(self, state: dict) -> None:
        super().__init__()
        self.state = state

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.state["first"] = self.canv.getPageNumber()


def _appendix(appendix: Appendix, spec: Spec, state: dict) -> list[Flowable]:
    wide = appendix.is_landscape
    page = landscape(A4) if wide else A4
    m = LANDSCAPE if wide else PORTRAIT
    width = page[0] - (m.left + m.right) * mm
    out: list[Flowable] = [
        NextPageTemplate("landscape" if wide else "portrait"), PageBreak(), _RestartPages(state),
        _p(appendix.title, spec.body_pt, bold=True, keep=True),
    ]
    if appendix.subtitle:
        out.append(_p(appendix.subtitle, spec.body_pt, bold=True, keep=True))
    if appendix.note:
        out.append(_p(appendix.note, spec.body_pt, italic=True, keep=True))
    out.append(HRFlowable(width=40 * mm, thickness=0.75, color="black", spaceBefore=2,
                          hAlign="CENTER"))
    size = APPENDIX_TABLE_PT if wide else spec.table_pt
    for t in appendix.tables:
        out.extend(_table(t, spec, width, size))
    return out


def render_pdf(report: Report) -> bytes:
    """PDF bytes of ``report``: A4, bundled Times-compatible font, page numbers at the
    top centre from the second page on, appendices on their own (landscape when wide)
    pages."""
    register_fonts()
    spec = SPECS[report.layout]
    state = {"first": 1}

    def page_number(canv, doc) -> None:
        n = canv.getPageNumber() - state["first"] + 1
        if n > 1:  # no number on a first page (Decree 30)
            canv.setFont(FONT, spec.body_pt)
            w, h = canv._pagesize
            canv.drawCentredString(w / 2, h - 12 * mm, str(n))

    def template(name: str, size: tuple[float, float], m) -> PageTemplate:
        frame = Frame(m.left * mm, m.bottom * mm, size[0] - (m.left + m.right) * mm,
                      size[1] - (m.top + m.bottom) * mm, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0, id=name)
        return PageTemplate(id=name, frames=[frame], pagesize=size, onPageEnd=page_number)

    out = io.BytesIO()
    title = clean(f"{report.kind} {report.title}".replace("\n", " "))
    doc = BaseDocTemplate(
        out, pagesize=A4, title=title, initialFontName=FONT, author=clean(report.author or report.issuing_body),
        lang="vi", creator="theodoi", pageTemplates=[
            template("portrait", A4, PORTRAIT),
            template("landscape", landscape(A4), LANDSCAPE),
        ],
    )
    width = A4[0] - (PORTRAIT.left + PORTRAIT.right) * mm
    story: list[Flowable] = [
        *_header(report, spec), *_title(report, spec), *_blocks(report.blocks, spec, width),
        *_signature(report, spec),
    ]
    for appendix in report.appendices:
        story.extend(_appendix(appendix, spec, state))
    doc.build(story)
    return out.getvalue()
