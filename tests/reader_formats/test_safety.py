"""Untrusted bytes: size, zip bombs, corrupt/encrypted/legacy files, wrong extensions."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from theodoi.reader.errors import (
    CorruptFile,
    FileTooLarge,
    NotAPlan,
    ReaderError,
    UnsupportedFormat,
)
from theodoi.reader.formats import read_binary
from theodoi.reader.formats.safety import OLE_MAGIC

from .helpers import docx_bytes, paragraphs
from .pdfmake import text_pdf
from .render import load_gold, render_xlsx, small_plan


def read(data: bytes, suffix: str = ".docx", **kw):
    return read_binary(data, suffix, filename=f"tep{suffix}", **kw)


def simple_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    return docx_bytes(document)


def test_empty_file():
    with pytest.raises(NotAPlan):
        read(b"")
    with pytest.raises(NotAPlan):
        read(b"  \n ")


def test_oversize_file():
    with pytest.raises(FileTooLarge) as info:
        read(simple_docx(), max_bytes=1000)
    assert "vượt giới hạn" in info.value.message


def test_zip_bomb_rejected_before_unpacking():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        zf.writestr("word/media/big.bin", b"\0" * (60 * 1024 * 1024))
    data = out.getvalue()
    assert len(data) < 200_000
    with pytest.raises(FileTooLarge) as info:
        read(data, max_bytes=5 * 1024 * 1024)
    assert "giải nén ra dung lượng bất thường" in info.value.message


def test_high_ratio_member_rejected_even_under_total_limit():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b" " * (12 * 1024 * 1024))
    with pytest.raises(FileTooLarge):
        read(out.getvalue(), ".xlsx")  # 12 MB < 200 MB total, but a 1000:1 member


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".pdf"])
def test_garbage_is_corrupt(suffix):
    with pytest.raises(CorruptFile) as info:
        read(b"this is not a document at all" * 10, suffix)
    assert "bị hỏng hoặc không đúng định dạng" in info.value.message


def test_truncated_zip_is_corrupt():
    with pytest.raises(CorruptFile):
        read(simple_docx()[:2000])


def test_zip_without_office_parts_is_corrupt():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(CorruptFile):
        read(out.getvalue())


def test_broken_document_xml_is_wrapped_not_leaked():
    data = simple_docx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                body = body[: len(body) // 2]  # cut in the middle of the XML
            dst.writestr(item, body)
    with pytest.raises(CorruptFile) as info:
        read(out.getvalue())
    assert info.value.detail  # the library's own error is kept for the logs


def test_broken_pdf_is_wrapped():
    data = text_pdf(["KẾ HOẠCH"])
    with pytest.raises(ReaderError):
        read(data[: len(data) // 3], ".pdf")


def _ole(*streams: str) -> bytes:
    body = b"".join(name.encode("utf-16-le") + b"\0" * 16 for name in streams)
    return OLE_MAGIC + b"\0" * 504 + body + b"\0" * 1024


def test_encrypted_ooxml_is_reported_as_password_protected():
    with pytest.raises(CorruptFile) as info:
        read(_ole("EncryptionInfo", "EncryptedPackage"), ".xlsx")
    assert "mật khẩu" in info.value.message


@pytest.mark.parametrize(
    ("stream", "suffix", "advice"),
    [("WordDocument", ".docx", "DOCX"), ("Workbook", ".xlsx", "XLSX"), ("Book", ".xls", "XLSX")],
)
def test_legacy_office_files_ask_for_save_as(stream, suffix, advice):
    with pytest.raises(UnsupportedFormat) as info:
        read(_ole(stream), suffix)
    assert advice in info.value.message and "Lưu thành" in info.value.message


def test_content_decides_the_format_not_the_extension():
    pdf_named_docx = read(text_pdf(["KẾ HOẠCH", "Số: 12/KH-UBND"]), ".docx")
    assert pdf_named_docx.source_kind == "pdf"
    assert paragraphs(pdf_named_docx) == ["KẾ HOẠCH", "Số: 12/KH-UBND"]
    xlsx_named_docx = read(render_xlsx(small_plan(load_gold("002"))), ".docx")
    assert xlsx_named_docx.source_kind == "xlsx"
    assert read(simple_docx(), ".pdf").source_kind == "docx"


@pytest.mark.parametrize(
    "data",
    [b"{\\rtf1\\ansi Ke hoach}", b"<!DOCTYPE html><html><body>x</body></html>"],
)
def test_other_formats_are_unsupported(data):
    with pytest.raises(UnsupportedFormat):
        read(data)


def test_messages_are_vietnamese_and_name_the_file():
    with pytest.raises(CorruptFile) as info:
        read(b"xx" * 50)
    assert "“tep.docx”" in info.value.message
