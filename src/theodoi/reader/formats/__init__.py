"""Binary front-ends: DOCX, PDF and XLSX bytes in, a neutral ``Document`` out.

``read_binary`` checks the bytes first (size, real kind by magic bytes, zip
bombs, encryption, legacy Office), then runs the matching front-end. No
library exception leaves this package: anything unexpected becomes a
``CorruptFile`` with a Vietnamese message, the original kept in ``detail``.
"""

from __future__ import annotations

from ..document import Document, Paragraph, Table
from ..errors import CorruptFile, NotAPlan, ReaderError
from . import safety
from .safety import DEFAULT_MAX_BYTES

__all__ = ["read_binary", "merge_continued_tables", "DEFAULT_MAX_BYTES"]


def _norm_row(row: list[str]) -> tuple[str, ...]:
    return tuple(" ".join(cell.split()).lower() for cell in row)


def merge_continued_tables(blocks: list[Paragraph | Table]) -> list[Paragraph | Table]:
    """Join a table with the next block when that is a table repeating its header.

    A table split over pages (PDF) or retyped after a page break (DOCX) comes as
    two tables with the same column count whose first row(s) repeat the first
    table's header: the repeated rows are dropped, the first kept.
    """
    out: list[Paragraph | Table] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            isinstance(block, Table)
            and isinstance(prev, Table)
            and block.rows
            and prev.rows
            and len(block.rows[0]) == len(prev.rows[0])
        ):
            skip = 0
            while (
                skip < min(3, len(block.rows), len(prev.rows) - 1)
                and _norm_row(block.rows[skip]) == _norm_row(prev.rows[skip])
            ):
                skip += 1
            if skip:
                prev.rows.extend(block.rows[skip:])
                continue
        out.append(block)
    return out


def _has_text(document: Document) -> bool:
    for block in document.blocks:
        if isinstance(block, Paragraph) and block.text.strip():
            return True
        if isinstance(block, Table) and any(c.strip() for row in block.rows for c in row):
            return True
    return False


def read_binary(
    data: bytes, suffix: str, *, filename: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Read DOCX/PDF/XLSX bytes into a ``Document``; the content decides the format."""
    safety.check_size(data, filename, max_bytes)
    if not data.strip():
        raise NotAPlan(f"Tệp “{filename}” trống.")
    kind = safety.sniff(data, suffix, filename)
    label = safety.KIND_LABEL[kind]
    try:
        if kind == "pdf":
            from .pdf import read_pdf

            document = read_pdf(data, filename)
        else:
            safety.check_zip(data, filename, max_bytes)
            if kind == "docx":
                from .docx import read_docx

                document = read_docx(data)
            else:
                from .xlsx import read_xlsx

                document = read_xlsx(data)
    except ReaderError:
        raise
    except MemoryError:
        raise CorruptFile(
            f"Tệp {label} “{filename}” quá phức tạp, không đủ bộ nhớ để đọc."
        ) from None
    except Exception as exc:  # any parser failure is a damaged file to the user
        raise CorruptFile(
            f"Tệp {label} “{filename}” bị hỏng hoặc không đúng định dạng: không đọc được nội dung.",
            detail=f"{type(exc).__name__}: {exc}",
        ) from exc
    document.blocks = merge_continued_tables(document.blocks)
    if not _has_text(document):
        raise NotAPlan(f"Tệp “{filename}” không có nội dung chữ nào: không phải một kế hoạch.")
    return document
