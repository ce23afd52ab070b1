"""Evidence files: the type is decided by the content (magic bytes), never by the name."""

from __future__ import annotations

import io
import zipfile

from django.conf import settings
from django.http import FileResponse

KIND_LABELS = {"pdf": "PDF", "docx": "Word (DOCX)", "xlsx": "Excel (XLSX)", "png": "Ảnh PNG",
               "jpg": "Ảnh JPEG"}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "jpg": "image/jpeg",
}
ALLOWED_TEXT = "PDF, DOCX, XLSX, PNG, JPEG"


class EvidenceError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _ooxml_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    return None


def sniff(data: bytes) -> str | None:
    """'pdf', 'docx', 'xlsx', 'png', 'jpg', or None for anything else."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"PK\x03\x04"):
        return _ooxml_kind(data)
    return None


def check_upload(name: str, data: bytes) -> str:
    """The file's kind, or EvidenceError with a message the user can act on."""
    limit = settings.THEODOI_MAX_UPLOAD_BYTES
    if len(data) > limit:
        raise EvidenceError(
            f"Tệp “{name}” dung lượng {len(data) / 1048576:.1f} MB, vượt giới hạn "
            f"{limit / 1048576:.0f} MB."
        )
    if not data:
        raise EvidenceError(f"Tệp “{name}” rỗng.")
    kind = sniff(data)
    if kind is None:
        raise EvidenceError(
            f"Tệp “{name}” không phải loại được nhận làm minh chứng ({ALLOWED_TEXT}); "
            "nội dung tệp được kiểm tra, không dựa vào đuôi tên tệp."
        )
    return kind


def oversize_message(name: str, size: int) -> str | None:
    """Refusal for an upload over the limit, decided from its declared size before reading it."""
    limit = settings.THEODOI_MAX_UPLOAD_BYTES
    if size > limit:
        return f"Tệp “{name}” vượt giới hạn {limit // 1048576} MB."
    return None


def download_response(evidence) -> FileResponse:
    """The stored file as an attachment under its original name, typed by its detected kind."""
    response = FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.original_name,
                            content_type=CONTENT_TYPES.get(evidence.kind, "application/octet-stream"))
    response["X-Content-Type-Options"] = "nosniff"
    return response
