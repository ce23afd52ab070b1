"""Official documents (reports) rendered from plain data: DOCX, XLSX and PDF.

No Django here: callers build a :class:`Report` (or :class:`Sheet` list) from
their data and get bytes back.
"""

from .model import (
    Appendix,
    BulletList,
    Column,
    FreeText,
    GroupRow,
    Paragraph,
    Report,
    Section,
    Sheet,
    Signature,
    Span,
    Table,
    format_number,
    format_value,
    place_date,
)

__all__ = [
    "Appendix", "BulletList", "Column", "FreeText", "GroupRow", "Paragraph", "Report",
    "Section", "Sheet", "Signature", "Span", "Table", "format_number", "format_value",
    "place_date", "render_docx", "render_pdf", "render_xlsx",
]


def render_docx(report: Report) -> bytes:
    """DOCX bytes of ``report`` (imported lazily: python-docx costs ~0.2 s to import)."""
    from .docx_render import render_docx as _render

    return _render(report)


def render_pdf(report: Report) -> bytes:
    """PDF bytes of ``report`` with the bundled Vietnamese-complete font."""
    from .pdf_render import render_pdf as _render

    return _render(report)


def render_xlsx(sheets: list[Sheet]) -> bytes:
    """XLSX bytes of ``sheets``."""
    from .xlsx_render import render_xlsx as _render

    return _render(sheets)
