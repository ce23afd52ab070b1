"""Render a :class:`~theodoi.documents.model.Report` as a DOCX (python-docx).

The page frame (header table, title, signature) uses python-docx's API; tables are
written as one WordprocessingML string and parsed once, because python-docx's
``add_row``/``cell`` calls cost milliseconds each and a province appendix has
thousands of rows (see tools/bench_documents.py).
"""

from __future__ import annotations

import io
import re
import secrets
import zipfile
from collections.abc import Iterable
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from .layout import (
    A4_HEIGHT_MM,
    A4_WIDTH_MM,
    APPENDIX_TABLE_PT,
    FONT_NAME,
    LANDSCAPE,
    PORTRAIT,
    SPECS,
    Spec,
    content_width_mm,
)
from .model import (
    Appendix,
    Block,
    BulletList,
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

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}
TABLE_TEXT_STYLE = "TableText"


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _half_points(pt: float) -> int:
    return round(pt * 2)


# --------------------------------------------------------------------------- styles
def _fonts_element() -> str:
    # Theme attributes (asciiTheme …) win over explicit names in Word, so the
    # template's defaults are replaced, not amended; eastAsia/cs make Word and
    # LibreOffice use Times New Roman for every script class of Vietnamese text.
    return (
        f'<w:rFonts {nsdecls("w")} w:ascii="{FONT_NAME}" w:hAnsi="{FONT_NAME}" '
        f'w:eastAsia="{FONT_NAME}" w:cs="{FONT_NAME}"/>'
    )


def _set_run_fonts(rpr) -> None:
    old = rpr.find(qn("w:rFonts"))
    if old is not None:
        rpr.remove(old)
    rpr.insert(0, parse_xml(_fonts_element()))


def _setup_styles(doc: DocxDocument, spec: Spec) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    sz = _half_points(spec.body_pt)
    defaults.getparent().replace(defaults, parse_xml(
        f'<w:docDefaults {nsdecls("w")}><w:rPrDefault><w:rPr>'
        f'<w:rFonts w:ascii="{FONT_NAME}" w:hAnsi="{FONT_NAME}" w:eastAsia="{FONT_NAME}" '
        f'w:cs="{FONT_NAME}"/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
        '<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        '</w:pPr></w:pPrDefault></w:docDefaults>'
    ))
    normal = doc.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(spec.body_pt)
    _set_run_fonts(normal.element.get_or_add_rPr())

    from docx.enum.style import WD_STYLE_TYPE

    table_text = doc.styles.add_style(TABLE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = Pt(spec.table_pt)
    table_text.paragraph_format.space_before = Pt(1)
    table_text.paragraph_format.space_after = Pt(1)
    table_text.paragraph_format.line_spacing = 1.0
    _set_run_fonts(table_text.element.get_or_add_rPr())


# --------------------------------------------------------------------------- paragraphs
def _add_runs(p: DocxParagraph, content: Inline, *, size: float | None = None,
              bold: bool = False, italic: bool = False, underline: bool = False) -> None:
    for span in spans(content):
        lines = clean(span.text).split("\n")
        for i, line in enumerate(lines):
            run = p.add_run(line)
            if i < len(lines) - 1:
                run.add_break()
            run.bold = bold or span.bold or None
            run.italic = italic or span.italic or None
            run.underline = underline or span.underline or None
            if size:
                run.font.size = Pt(size)


def _fmt(p: DocxParagraph, *, align: str = "center", before: float = 0, after: float = 0,
         indent_mm: float | None = None, left_mm: float | None = None,
         line: float | None = None, keep_next: bool = False) -> DocxParagraph:
    pf = p.paragraph_format
    pf.alignment = _ALIGN[align]
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if indent_mm is not None:
        pf.first_line_indent = Mm(indent_mm)
    if left_mm is not None:
        pf.left_indent = Mm(left_mm)
    if line is not None:
        pf.line_spacing = line
    if keep_next:
        pf.keep_with_next = True
    return p


def _text(container, content: Inline, *, size: float, bold: bool = False,
          italic: bool = False, underline: bool = False, **fmt) -> DocxParagraph:
    p = container.add_paragraph()
    _fmt(p, **fmt)
    _add_runs(p, content, size=size, bold=bold, italic=italic, underline=underline)
    return p


# Word rejects (or "repairs") files whose property children are out of the schema's
# sequence, while LibreOffice does not care: keep the order when adding elements.
_PPR_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)
_SECTPR_AFTER_PGNUM = (
    "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
    "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
)
_TBLPR_ORDER = [qn(t) for t in (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
)]


def _schema_order(parent, order: list[str]) -> None:
    rank = {tag: i for i, tag in enumerate(order)}
    children = sorted(parent, key=lambda el: rank.get(el.tag, len(order)))
    for child in children:
        parent.append(child)  # lxml moves an existing child to the end


def _rule(container, line_mm: float, box_mm: float) -> DocxParagraph:
    """A short centred horizontal line: an empty 2-pt paragraph with a bottom border,
    its indents leaving ``line_mm`` of the ``box_mm`` it sits in."""
    p = container.add_paragraph()
    side = max((box_mm - line_mm) / 2, 0)
    _fmt(p, left_mm=side)
    p.paragraph_format.right_indent = Mm(side)
    ppr = p._p.get_or_add_pPr()
    ppr.insert_element_before(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" '
        'w:color="000000"/></w:pBdr>'
    ), *_PPR_AFTER_PBDR)
    ppr.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr>'))
    return p


def _no_borders_table(doc: DocxDocument, rows: int, widths_mm: list[float], indent_mm: float = 0):
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.autofit = False  # w:tblLayout fixed: Word keeps the given column widths
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}>'
        + "".join(f'<w:{b} w:val="nil"/>' for b in ("top", "left", "bottom", "right",
                                                     "insideH", "insideV"))
        + "</w:tblBorders>"
    ))
    if indent_mm:
        tbl_pr.append(parse_xml(f'<w:tblInd {nsdecls("w")} w:w="{_twips(indent_mm)}" w:type="dxa"/>'))
    _schema_order(tbl_pr, _TBLPR_ORDER)
    for col, w in zip(table.columns, widths_mm, strict=True):
        col.width = Mm(w)
        for cell in col.cells:
            cell.width = Mm(w)
    return table


def _cell_first(cell: _Cell) -> DocxParagraph:
    """The empty paragraph a new cell holds (so content does not start with a blank)."""
    return cell.paragraphs[0]


def _cell_text(cell: _Cell, content: Inline, first: list[bool], **kw) -> DocxParagraph:
    if first[0]:
        first[0] = False
        p = _cell_first(cell)
        size = kw.pop("size")
        style = {k: kw.pop(k) for k in ("bold", "italic", "underline") if k in kw}
        _fmt(p, **kw)
        _add_runs(p, content, size=size, **style)
        return p
    return _text(cell, content, **kw)


# --------------------------------------------------------------------------- header
def _header(doc: DocxDocument, report: Report, spec: Spec) -> None:
    left_w, right_w = spec.head_left_mm, spec.head_right_mm
    table = _no_borders_table(doc, 2, [left_w, right_w], spec.head_indent_mm)
    left, right = table.cell(0, 0), table.cell(0, 1)
    lf, rf = [True], [True]
    party = report.layout == "party"
    if report.superior_body:
        _cell_text(left, report.superior_body, lf, size=spec.authority_pt)
    issuer = _cell_text(left, report.issuing_body, lf, size=spec.authority_pt, bold=True)
    if party:
        # Party documents mark the issuing body with a star instead of a line.
        _text(left, "*", size=spec.authority_pt)
    else:
        issuer.paragraph_format.keep_with_next = True
        _rule(left, min(30.0, left_w / 2.5), left_w - 4)

    if party:
        _cell_text(right, report.heading_right[0], rf, size=spec.right_head_pt, bold=True,
                   underline=True)
    else:
        national, motto = report.heading_right
        _cell_text(right, national, rf, size=spec.right_head_pt, bold=True)
        # The motto is underlined over exactly its own length (Decree 30: a line as
        # long as the motto), which a run underline gives in Word and LibreOffice.
        _cell_text(right, motto, rf, size=spec.motto_pt, bold=True, underline=True)

    number_cell, date_cell = table.cell(1, 0), table.cell(1, 1)
    _cell_text(number_cell, report.number_line, [True], size=spec.number_pt, before=6)
    _cell_text(date_cell, report.date_line, [True], size=spec.date_pt, italic=True, before=6)


def _title(doc: DocxDocument, report: Report, spec: Spec) -> None:
    _text(doc, report.kind, size=spec.kind_pt, bold=True, before=18, keep_next=True)
    _text(doc, report.title, size=spec.title_pt, bold=True, keep_next=True)
    width = content_width_mm(False)
    if report.layout == "party":
        _text(doc, "-----", size=spec.title_pt)
    else:
        _rule(doc, 40, width)
    if report.addressees:
        if len(report.addressees) == 1:
            _text(doc, ["Kính gửi: ", report.addressees[0]], size=spec.body_pt, before=12)
        else:
            _text(doc, "Kính gửi:", size=spec.body_pt, before=12, align="left", left_mm=30)
            for name in report.addressees:
                _text(doc, f"- {name}", size=spec.body_pt, align="left", left_mm=55)


# --------------------------------------------------------------------------- body
def _body_paragraph(doc: DocxDocument, content: Inline, spec: Spec, *, align: str = "justify",
                    indent: bool = True, bold: bool = False, italic: bool = False,
                    keep_next: bool = False) -> DocxParagraph:
    return _text(
        doc, content, size=spec.body_pt, bold=bold, italic=italic, align=align,
        indent_mm=spec.first_line_indent_mm if indent else 0, before=spec.paragraph_before_pt,
        line=spec.line_spacing, keep_next=keep_next,
    )


def _blocks(doc: DocxDocument, blocks: Iterable[Block], spec: Spec, pending: list[str],
            level: int = 1) -> None:
    counters: dict[int, int] = {}
    for block in blocks:
        if isinstance(block, Paragraph):
            _body_paragraph(doc, block.content, spec, align=block.align, indent=block.indent,
                            bold=block.bold, italic=block.italic)
        elif isinstance(block, BulletList):
            for item in block.items:
                _body_paragraph(doc, [f"{block.marker} ", *spans(item)], spec)
        elif isinstance(block, FreeText):
            _blocks(doc, free_text_blocks(block.text), spec, pending, level)
        elif isinstance(block, Table):
            _table(doc, block, content_width_mm(False), spec.table_pt, spec, pending)
        elif isinstance(block, Section):
            lvl = block.level or level
            counters[lvl] = counters.get(lvl, 0) + 1
            label = section_label(lvl, counters[lvl], block.number)
            _body_paragraph(doc, f"{label} {clean(block.heading)}", spec, bold=lvl <= 2,
                            italic=lvl >= 3, keep_next=True)
            _blocks(doc, block.blocks, spec, pending, lvl + 1)
        else:  # pragma: no cover - the model's types are closed
            raise TypeError(f"unknown block {type(block).__name__}")


# --------------------------------------------------------------------------- tables
def _cell_open(width: int, jc: str, *, span: int = 1, vcenter: bool = False) -> str:
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vcenter:
        tcpr += '<w:vAlign w:val="center"/>'
    return (f"<w:tc><w:tcPr>{tcpr}</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"{TABLE_TEXT_STYLE}\"/>"
            f'<w:jc w:val="{jc}"/></w:pPr>')


_CELL_CLOSE = "</w:p></w:tc>"


def _runs_xml(text: str, rpr: str) -> str:
    if not text:
        return ""
    if "\n" not in text:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    runs = []
    for i, line in enumerate(text.split("\n")):
        if i:
            runs.append(f"<w:r>{rpr}<w:br/></w:r>")
        if line:
            runs.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>')
    return "".join(runs)


def _cell_xml(text: str, width: int, jc: str, *, span: int = 1, bold: bool = False,
              size: str = "", vcenter: bool = False) -> str:
    rpr = ""
    if bold or size:
        rpr = "<w:rPr>" + ("<w:b/><w:bCs/>" if bold else "") + size + "</w:rPr>"
    return _cell_open(width, jc, span=span, vcenter=vcenter) + _runs_xml(text, rpr) + _CELL_CLOSE


def table_xml(table: Table, width_mm: float, font_pt: float, default_pt: float) -> str:
    """The ``<w:tbl>`` of a model table as a string (public for the benchmark)."""
    n = len(table.columns)
    total = sum(c.width for c in table.columns) or n
    widths = [max(_twips(width_mm * c.width / total), 200) for c in table.columns]
    size = ""
    if round(font_pt * 2) != round(default_pt * 2):
        size = f'<w:sz w:val="{_half_points(font_pt)}"/><w:szCs w:val="{_half_points(font_pt)}"/>'
    jcs = [_JC[c.align] for c in table.columns]
    out = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:jc w:val="center"/><w:tblBorders>'
        + "".join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                  for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>'
        '<w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + "</w:tblGrid>",
        # The header row repeats on every page (tblHeader) and never splits.
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        + "".join(_cell_xml(clean(c.header), w, "center", bold=True, size=size, vcenter=True)
                  for c, w in zip(table.columns, widths, strict=True))
        + "</w:tr>",
    ]
    rest_width = sum(widths[1:])
    rpr = f"<w:rPr>{size}</w:rPr>" if size else ""
    openings = [_cell_open(w, jc) for w, jc in zip(widths, jcs, strict=True)]
    row_open = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
    for row in table.rows:
        if isinstance(row, GroupRow):
            label = clean(row.label)
            if row.number and n > 1:
                cells = (_cell_xml(clean(row.number), widths[0], "center", bold=True, size=size)
                         + _cell_xml(label, rest_width, "left", span=n - 1, bold=True, size=size))
            else:
                cells = _cell_xml(label, sum(widths), "left", span=n, bold=True, size=size)
            out.append(f"{row_open}{cells}</w:tr>")
            continue
        values = list(row)
        if len(values) < n:
            values += [None] * (n - len(values))
        # Hot loop (rows x columns): prebuilt cell openings, no per-cell helper call.
        out.append(row_open)
        for v, c, opening in zip(values, table.columns, openings, strict=False):
            out.append(opening)
            if v is not None:
                # format_value cleans strings; numbers and dates come out as ASCII.
                text = format_value(v, c.kind, c.decimals)
                if text:
                    out.append(_runs_xml(text, rpr))
            out.append(_CELL_CLOSE)
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _table(doc: DocxDocument, table: Table, width_mm: float, font_pt: float, spec: Spec,
           pending: list[str]) -> None:
    if table.title:
        _text(doc, table.title, size=spec.body_pt, bold=True, before=12, keep_next=True)
    if table.note:
        _text(doc, table.note, size=spec.body_pt - 1, italic=True, keep_next=True)
    spacer = doc.add_paragraph()  # keeps consecutive tables apart (Word merges them)
    _fmt(spacer, line=1.0)
    spacer.paragraph_format.keep_with_next = True
    pt = table.font_size or font_pt
    # The table goes in as a marker paragraph replaced by the table's XML text after
    # saving: parsing a 6,000-row table, moving it into the document tree and
    # serialising it again cost more than building it.
    doc.add_paragraph(f"{pending[0]}{len(pending) - 1}{pending[0]}")
    pending.append(table_xml(table, width_mm, pt, spec.table_pt))


_NS_DECL = f" {nsdecls('w')}"


def _splice_tables(docx: bytes, pending: list[str]) -> bytes:
    """Replace the marker paragraphs of ``word/document.xml`` with the tables' XML
    (``pending[0]`` is the marker, the tables follow)."""
    marker, tables = pending[0], pending[1:]
    if not tables:
        return docx
    pattern = re.compile(
        f"<w:p>(?:(?!</w:p>).)*?{marker}(\\d+){marker}(?:(?!</w:p>).)*?</w:p>", re.S
    )
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=5) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                # The tables' own namespace declaration is redundant inside the document.
                text = pattern.sub(
                    lambda m: tables[int(m.group(1))].replace(_NS_DECL, "", 1), text
                )
                data = text.encode("utf-8")
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# --------------------------------------------------------------------------- signature
def _signature(doc: DocxDocument, report: Report, spec: Spec) -> None:
    if not report.signature and not report.recipients:
        return
    spacer = doc.add_paragraph()
    _fmt(spacer, before=6)
    table = _no_borders_table(doc, 1, [spec.sign_left_mm, spec.sign_right_mm])
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
    left, right = table.cell(0, 0), table.cell(0, 1)
    if report.recipients:
        first = [True]
        party = report.layout == "party"
        # State: "Nơi nhận:" bold italic 12 pt; party: underlined.
        _cell_text(left, "Nơi nhận:", first, size=spec.recipients_label_pt, align="left",
                   bold=not party, italic=not party, underline=party)
        for item in report.recipients:
            text = clean(item).strip()
            if not text.startswith("-"):
                text = f"- {text}"
            _text(left, text, size=spec.recipients_pt, align="left")
    sig = report.signature
    if sig:
        first = [True]
        for line in sig.lines:
            _cell_text(right, line, first, size=spec.signer_pt, bold=True, keep_next=True)
        for i in range(max(sig.space_lines, 0)):
            text = sig.note if sig.note and i == sig.space_lines // 2 - 1 else ""
            _text(right, text, size=spec.signer_pt, italic=True, keep_next=True)
        if sig.name:
            _text(right, sig.name, size=spec.signer_pt, bold=True)


# --------------------------------------------------------------------------- pages
def _page(section, landscape: bool) -> None:
    m = LANDSCAPE if landscape else PORTRAIT
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if landscape:
        section.page_width, section.page_height = Mm(A4_HEIGHT_MM), Mm(A4_WIDTH_MM)
    else:
        section.page_width, section.page_height = Mm(A4_WIDTH_MM), Mm(A4_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(m.top), Mm(m.bottom)
    section.left_margin, section.right_margin = Mm(m.left), Mm(m.right)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)


def _page_numbers(doc: DocxDocument, spec: Spec) -> None:
    """Page number centred in the header, not on the first page (Decree 30)."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    _fmt(p)
    p._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr>'
        f'<w:sz w:val="{_half_points(spec.body_pt)}"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'
    ))


def _appendix(doc: DocxDocument, appendix: Appendix, spec: Spec, pending: list[str]) -> None:
    landscape = appendix.is_landscape
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(section, landscape)
    # Each appendix is numbered from 1 (Decree 30: pages of an appendix are
    # numbered separately); its own first page carries no number, like the report's.
    section.different_first_page_header_footer = True
    section._sectPr.insert_element_before(
        parse_xml(f'<w:pgNumType {nsdecls("w")} w:start="1"/>'), *_SECTPR_AFTER_PGNUM)
    width = content_width_mm(landscape)
    _text(doc, appendix.title, size=spec.body_pt, bold=True, keep_next=True)
    if appendix.subtitle:
        _text(doc, appendix.subtitle, size=spec.body_pt, bold=True, keep_next=True)
    if appendix.note:
        _text(doc, appendix.note, size=spec.body_pt, italic=True, keep_next=True)
    _rule(doc, 40, width)
    pt = APPENDIX_TABLE_PT if landscape else spec.table_pt
    for table in appendix.tables:
        _table(doc, table, width, pt, spec, pending)


def render_docx(report: Report) -> bytes:
    """The report as DOCX bytes (A4, Times New Roman, Decree 30 or party layout)."""
    spec = SPECS[report.layout]
    doc = Document()
    _setup_styles(doc, spec)
    _page(doc.sections[0], False)
    core = doc.core_properties
    core.title = clean(f"{report.kind} {report.title}".replace("\n", " "))[:255]
    core.author = clean(report.author or report.issuing_body.replace("\n", " "))[:255]
    core.language = "vi-VN"

    _header(doc, report, spec)
    _title(doc, report, spec)
    # A marker unique to this rendering, then the tables' XML spliced in after saving.
    pending: list[str] = [f"THEODOI{secrets.token_hex(8)}T"]
    _blocks(doc, report.blocks, spec, pending)
    _signature(doc, report, spec)
    _page_numbers(doc, spec)
    for appendix in report.appendices:
        _appendix(doc, appendix, spec, pending)

    out = io.BytesIO()
    doc.save(out)
    return _splice_tables(out.getvalue(), pending)
