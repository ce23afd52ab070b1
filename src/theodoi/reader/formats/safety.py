"""Checks run on the raw bytes before any parser sees them.

The upload is untrusted: it may be too large, a zip bomb, an encrypted or
legacy Office file, or something else wearing a wrong extension. Each case
gets a Vietnamese message the user can act on, instead of a library
traceback. The real kind is decided by magic bytes, not by the extension.
"""

from __future__ import annotations

import io
import zipfile

from ..errors import CorruptFile, FileTooLarge, UnsupportedFormat

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# A real DOCX/XLSX unpacks to a few times its size; more than this is a bomb.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
UNPACK_FACTOR = 10
# Deflate reaches ~1000:1 on zeros; real XML parts stay far below 100:1.
MAX_RATIO = 100
RATIO_MIN_MEMBER = 10 * 1024 * 1024
MAX_MEMBERS = 10_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")

KIND_LABEL = {"docx": "DOCX", "xlsx": "XLSX", "pdf": "PDF"}


def _mb(n: int) -> str:
    return f"{n / 1048576:.1f}".replace(".", ",") + " MB"


def check_size(data: bytes, filename: str, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise FileTooLarge(
            f"Tệp “{filename}” lớn {_mb(len(data))}, vượt giới hạn {_mb(max_bytes)}."
        )


def _ole_has_stream(data: bytes, name: str) -> bool:
    # Directory entries of a compound file store names in UTF-16LE; a byte
    # search is enough to tell an encrypted OOXML from a legacy .doc/.xls.
    return name.encode("utf-16-le") in data


def sniff(data: bytes, suffix: str, filename: str) -> str:
    """Return the real kind of ``data``: "docx", "xlsx" or "pdf", or raise."""
    label = KIND_LABEL.get(suffix.lstrip(".").lower(), suffix.upper().lstrip("."))
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(OLE_MAGIC):
        if _ole_has_stream(data, "EncryptionInfo") or _ole_has_stream(data, "EncryptedPackage"):
            raise CorruptFile(
                f"Tệp “{filename}” được đặt mật khẩu (mã hóa): hãy gỡ mật khẩu trong Word/Excel "
                "(Tệp > Thông tin > Bảo vệ > Mã hóa bằng mật khẩu, xóa mật khẩu) rồi tải lên lại."
            )
        if _ole_has_stream(data, "Workbook") or _ole_has_stream(data, "Book"):
            old, new = "XLS (Excel 97-2003)", "XLSX"
        elif _ole_has_stream(data, "WordDocument"):
            old, new = "DOC (Word 97-2003)", "DOCX"
        else:
            old, new = "Office cũ (97-2003)", "DOCX hoặc XLSX"
        raise UnsupportedFormat(
            f"Tệp “{filename}” ở định dạng {old}, không đọc được: hãy mở tệp và "
            f"“Lưu thành” (Save As) định dạng {new} rồi tải lên lại."
        )
    if data.startswith(ZIP_MAGICS):
        return _zip_kind(data, filename, label)
    stripped = head.lstrip()
    if stripped.startswith(b"{\\rtf"):
        raise UnsupportedFormat(
            f"Tệp “{filename}” là định dạng RTF: hãy lưu lại thành DOCX rồi tải lên lại."
        )
    if stripped[:15].lower().startswith((b"<!doctype html", b"<html")):
        raise UnsupportedFormat(
            f"Tệp “{filename}” là trang web (HTML), không phải tệp {label}: hãy tải tệp gốc."
        )
    raise CorruptFile(
        f"Tệp {label} “{filename}” bị hỏng hoặc không đúng định dạng: không đọc được nội dung."
    )


def _zip_kind(data: bytes, filename: str, label: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise CorruptFile(
            f"Tệp {label} “{filename}” bị hỏng hoặc không đúng định dạng (tệp nén bị lỗi)."
        ) from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        raise UnsupportedFormat(
            f"Tệp “{filename}” là bản trình chiếu (PowerPoint), không phải kế hoạch DOCX/PDF/XLSX."
        )
    if "content.xml" in names and "mimetype" in names:
        raise UnsupportedFormat(
            f"Tệp “{filename}” ở định dạng OpenDocument (ODT/ODS): hãy lưu lại thành DOCX "
            "hoặc XLSX rồi tải lên lại."
        )
    raise CorruptFile(
        f"Tệp {label} “{filename}” bị hỏng hoặc không đúng định dạng: tệp nén không chứa "
        "văn bản Word hay bảng tính Excel."
    )


def check_zip(data: bytes, filename: str, max_bytes: int) -> None:
    """Reject zip bombs by reading the central directory, before unpacking anything."""
    label = "DOCX/XLSX"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise CorruptFile(f"Tệp {label} “{filename}” bị hỏng hoặc không đúng định dạng.") from None
    if len(infos) > MAX_MEMBERS:
        raise CorruptFile(
            f"Tệp “{filename}” chứa {len(infos)} thành phần, nhiều bất thường: không đọc."
        )
    limit = min(UNPACK_FACTOR * max_bytes, MAX_UNPACKED_BYTES)
    total = sum(info.file_size for info in infos)
    bomb_msg = (
        f"Tệp “{filename}” giải nén ra dung lượng bất thường ({_mb(total)}), "
        "có thể là tệp độc hại: không đọc."
    )
    if total > limit:
        raise FileTooLarge(bomb_msg)
    for info in infos:
        if info.file_size >= RATIO_MIN_MEMBER and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise FileTooLarge(bomb_msg)
