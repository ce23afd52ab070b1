"""Dispatch a file to its format front-end, then interpret it."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import FileTooLarge, NotAPlan, UnsupportedFormat
from .planjson import loads_plan
from .result import ReadResult

DEFAULT_MAX_BYTES = int(os.environ.get("THEODOI_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}


def _decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NotAPlan("Tệp văn bản không ở mã UTF-8: hãy lưu lại tệp với mã UTF-8 rồi thử lại.")


def read_text(text: str) -> ReadResult:
    """Interpret text extracted from a PDF or DOCX, or pasted by a user."""
    from .interpret import interpret
    from .textblocks import text_to_document

    return interpret(text_to_document(text))


def read_bytes(data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read a document held in memory; ``filename`` tells its format."""
    if len(data) > max_bytes:
        raise FileTooLarge(
            f"Tệp “{filename}” lớn {len(data) / 1048576:.1f} MB, vượt giới hạn "
            f"{max_bytes / 1048576:.0f} MB."
        )
    if not data.strip():
        raise NotAPlan(f"Tệp “{filename}” trống.")
    suffix = Path(filename).suffix.lower()
    if suffix == ".json":
        return ReadResult(plan=loads_plan(_decode_text(data)), source_kind="json")
    if suffix in (".docx", ".pdf", ".xlsx"):
        from .formats import read_binary

        document = read_binary(data, suffix, filename=filename, max_bytes=max_bytes)
        from .interpret import interpret

        return interpret(document)
    if suffix in TEXT_SUFFIXES:
        return read_text(_decode_text(data))
    raise UnsupportedFormat(
        f"Không đọc được tệp “{filename}”: chỉ nhận DOCX, PDF, XLSX, TXT, MD hoặc JSON."
    )


def read_file(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read a document from disk."""
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise FileTooLarge(
            f"Tệp “{path.name}” lớn {size / 1048576:.1f} MB, vượt giới hạn "
            f"{max_bytes / 1048576:.0f} MB."
        )
    return read_bytes(path.read_bytes(), path.name, max_bytes=max_bytes)
