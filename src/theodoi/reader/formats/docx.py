"""DOCX front-end: body paragraphs and tables in document order.

Choices, for the interpreter's sake:
- A paragraph with soft line breaks (w:br) becomes one Paragraph per line,
  as a plain-text extraction would give; empty paragraphs are skipped.
- Automatic list numbers are rendered (see ``numbering.py``).
- Table cells: the cell's paragraphs joined with "\\n", empty lines dropped.
- A horizontally merged cell (gridSpan) gives its text once, in its first
  grid column, and "" for the other columns it covers, so every row keeps
  the table's column positions and a section row reads ["I", "Heading", "", ...].
- A vertically merged cell (vMerge) repeats its text in each row it covers
  (a lead agency merged over several tasks applies to each of them), except
  in the first column, where a repeated row number would invent rows.
- A nested table is flattened into its host cell, one line per non-empty cell.
- A small table holding the document header (authority | motto, number |
  date, recognised by "CỘNG HÒA XÃ HỘI", "Số:", ", ngày" ...) is layout, not
  data: its cell lines become Paragraphs, row by row.
- Text boxes are read as paragraphs after the paragraph that anchors them.
- Tracked deletions are ignored; tracked insertions are read.
"""

from __future__ import annotations

import io
import re

import docx
from docx.oxml.ns import qn

from ..document import Document, Paragraph, Table
from .numbering import Numbering

W_P, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_SDT, W_SDTCONTENT, W_CUSTOMXML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
W_T, W_TAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_NBH, W_DEL, W_PPR, W_RPR = qn("w:noBreakHyphen"), qn("w:del"), qn("w:pPr"), qn("w:rPr")
W_TXBX = qn("w:txbxContent")
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
W_VAL = qn("w:val")
# Sub-trees whose text is not part of the paragraph's own line.
_SKIP = {W_DEL, W_PPR, W_RPR, W_TXBX, MC_FALLBACK, qn("w:instrText"), qn("w:delText")}


def _containers(parent):
    """Children of a block container, looking through content controls."""
    for child in parent.iterchildren():
        if child.tag in (W_SDT, W_CUSTOMXML):
            content = child.find(W_SDTCONTENT) if child.tag == W_SDT else child
            if content is not None:
                yield from _containers(content)
        else:
            yield child


class _Reader:
    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.blocks: list[Paragraph | Table] = []
        self.para_no = 0

    # -- paragraphs -------------------------------------------------------
    def _runs_text(self, el, out: list[str], boxes: list) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if tag == W_T:
                out.append(child.text or "")
            elif tag == W_TAB:
                out.append("\t")
            elif tag in (W_BR, W_CR):
                out.append("\n")
            elif tag == W_NBH:
                out.append("-")
            elif tag == W_TXBX:
                boxes.append(child)
            elif tag in _SKIP or not isinstance(tag, str):
                continue
            else:
                self._runs_text(child, out, boxes)

    def paragraph_text(self, p, boxes: list) -> str:
        out: list[str] = [self.numbering.label(p)]
        self._runs_text(p, out, boxes)
        return "".join(out)

    def add_paragraph(self, p) -> None:
        self.para_no += 1
        boxes: list = []
        text = self.paragraph_text(p, boxes)
        for line in text.split("\n"):
            if line.strip():
                self.blocks.append(Paragraph(line.rstrip(), self.para_no))
        for box in boxes:
            self.walk(box)

    # -- tables -----------------------------------------------------------
    def cell_text(self, tc) -> str:
        lines: list[str] = []
        for child in _containers(tc):
            if child.tag == W_P:
                boxes: list = []
                lines.extend(self.paragraph_text(child, boxes).split("\n"))
                for box in boxes:
                    lines.extend(self.cell_text(box).split("\n"))
            elif child.tag == W_TBL:
                for row in self.table_rows(child):
                    lines.extend(cell for cell in row if cell)
        return "\n".join(line.strip() for line in lines if line.strip())

    def table_rows(self, tbl) -> list[list[str]]:
        rows: list[list[str]] = []
        above: dict[int, str] = {}  # grid column -> text of an open vertical merge
        for tr in _containers(tbl):
            if tr.tag != W_TR:
                continue
            trpr = tr.find(qn("w:trPr"))
            row: list[str] = [""] * _grid(trpr, "w:gridBefore")
            for tc in _containers(tr):
                if tc.tag != W_TC:
                    continue
                tcpr = tc.find(qn("w:tcPr"))
                span = max(_grid(tcpr, "w:gridSpan"), 1)
                vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
                col = len(row)
                if vmerge is not None and vmerge.get(W_VAL, "continue") == "continue":
                    text = above.get(col, "") if col > 0 else ""
                else:
                    text = self.cell_text(tc)
                    if vmerge is not None:
                        above[col] = text
                    else:
                        above.pop(col, None)
                row.append(text)
                row.extend([""] * (span - 1))
            row.extend([""] * _grid(trpr, "w:gridAfter"))
            rows.append(row)
        width = max((len(r) for r in rows), default=0)
        return [r + [""] * (width - len(r)) for r in rows]

    def add_table(self, tbl) -> None:
        self.para_no += 1
        rows = self.table_rows(tbl)
        if not any(cell for row in rows for cell in row):
            return
        if is_layout_header(rows):
            # The borderless two-column header (authority | motto, number | date)
            # is page layout, not data: read it as lines, row by row.
            for row in rows:
                for cell in row:
                    for line in cell.split("\n"):
                        if line.strip():
                            self.blocks.append(Paragraph(line, self.para_no))
            return
        self.blocks.append(Table(rows, self.para_no))

    def walk(self, container) -> None:
        for child in _containers(container):
            if child.tag == W_P:
                self.add_paragraph(child)
            elif child.tag == W_TBL:
                self.add_table(child)


_LAYOUT_MARKS = re.compile(
    r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|ĐẢNG CỘNG SẢN|Độc lập\s*-\s*Tự do|^Số\s*:?\s|, ngày\b",
    re.MULTILINE,
)


def is_layout_header(rows: list[list[str]]) -> bool:
    """A small table holding the document's header block rather than data."""
    if len(rows) > 4 or max(len(r) for r in rows) > 3:
        return False
    text = "\n".join(cell for row in rows for cell in row)
    return len(_LAYOUT_MARKS.findall(text)) >= 2


def _grid(pr, tag: str) -> int:
    el = pr.find(qn(tag)) if pr is not None else None
    if el is None:
        return 0
    try:
        return int(el.get(W_VAL, "0"))
    except ValueError:
        return 0


def read_docx(data: bytes) -> Document:
    document = docx.Document(io.BytesIO(data))
    reader = _Reader(Numbering.from_document(document))
    reader.walk(document.element.body)
    return Document(blocks=reader.blocks, source_kind="docx")
