"""PDF front-end: ruled tables across pages, text lines, page numbers, scans, passwords."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest

from theodoi.reader.document import Table
from theodoi.reader.errors import CorruptFile, NeedsOCR
from theodoi.reader.formats import read_binary

from .helpers import paragraphs, tables
from .pdfmake import scanned_pdf, text_pdf, unruled_table_pdf
from .render import layout, load_gold, render_pdf


def read(data: bytes):
    return read_binary(data, ".pdf", filename="kehoach.pdf")


@pytest.fixture(scope="module")
def pdf002() -> bytes:
    return render_pdf(load_gold("002"))


@pytest.fixture(scope="module")
def pdf003() -> bytes:
    return render_pdf(load_gold("003"))


def test_fixture_spans_pages_with_repeated_headers(pdf002):
    with pdfplumber.open(io.BytesIO(pdf002)) as pdf:
        assert len(pdf.pages) >= 4
        header_pages = sum("Nội dung nhiệm vụ" in (p.extract_text() or "") for p in pdf.pages)
    assert header_pages >= 3  # the task table's header is printed on every page it spans


@pytest.mark.parametrize("stem", ["002", "003"])
def test_tables_match_layout_across_pages(stem, request):
    data = request.getfixturevalue(f"pdf{stem}")
    got = tables(read(data))
    expected = layout(load_gold(stem)).tables
    assert len(got) == len(expected)
    for spec, table in zip(expected, got, strict=True):
        assert table.rows == [spec.header, *spec.rows]  # header kept once, rows in order


def test_group_rows_of_target_table(pdf003):
    table = tables(read(pdf003))[0]
    groups = [row for row in table.rows if row[0] in ("I", "II", "III", "IV", "V", "VI")]
    assert [g[1] for g in groups][:2] == ["PHÁT TRIỂN HẠ TẦNG", "PHÁT TRIỂN NGUỒN LỰC"]
    assert all(g[2:] == ["", "", ""] for g in groups)
    assert len(table.rows) == 1 + 74 + 6


def test_wrapped_cell_lines_are_joined_and_hard_breaks_kept(pdf002):
    rows = tables(read(pdf002))[1].rows
    first_task = rows[2]
    assert "\n" not in first_task[1]  # a long sentence wrapped over 3 lines
    assert first_task[1].startswith("Phát huy vai trò người đứng đầu tại cơ quan, đơn vị, lãnh")
    assert first_task[3] == "Các Phòng chuyên môn UBND xã\nCác cơ quan, đơn vị"


def test_page_numbers_dropped_and_order_kept(pdf002):
    document = read(pdf002)
    texts = paragraphs(document)
    assert not any(re.fullmatch(r"\d+", t.strip()) for t in texts)
    assert texts[0] == "KẾ HOẠCH"
    assert texts[-1] == "Nơi nhận:"
    kinds = [type(b) for b in document.blocks]
    assert kinds.count(Table) == 2
    assert document.blocks[kinds.index(Table) - 1].text.startswith("PHỤ LỤC I")
    assert [b.line_no for b in document.blocks] == sorted(b.line_no for b in document.blocks)


def test_scanned_pdf_needs_ocr():
    with pytest.raises(NeedsOCR) as info:
        read(scanned_pdf())
    assert "OCR" in info.value.message


def test_scanned_page_among_text_pages_gives_a_warning():
    document = read(text_pdf(["KẾ HOẠCH", "Số: 12/KH-UBND"], with_scan_page=True))
    assert paragraphs(document) == ["KẾ HOẠCH", "Số: 12/KH-UBND"]
    assert "Trang 2" in document.warnings[0]["message"]


def test_password_protected_pdf_is_reported():
    with pytest.raises(CorruptFile) as info:
        read(text_pdf(["KẾ HOẠCH"], password="matkhau"))
    assert "mật khẩu" in info.value.message


def test_unruled_table_found_by_header_words():
    rows = [
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Phối hợp", "Thời gian"],
        ["I", "NHÓM MỘT", "", "", ""],
        ["1", "Xây dựng kế hoạch\nchuyển đổi số", "Sở KH&CN", "Sở Nội vụ\nSở Tài chính",
         "Quý IV/2025"],
        ["2", "Tập huấn kỹ năng số", "Sở Nội vụ", "", "Hằng năm"],
    ]
    document = read(unruled_table_pdf(rows, intro=["KẾ HOẠCH", "Thực hiện Nghị quyết"]))
    assert paragraphs(document) == ["KẾ HOẠCH", "Thực hiện Nghị quyết"]
    assert tables(document)[0].rows == rows


def test_text_only_pdf_gives_one_paragraph_per_line():
    document = read(text_pdf(["KẾ HOẠCH", "Thực hiện Nghị quyết số 57-NQ/TW", "7"]))
    # A lone number in the body is text; only a running page number is dropped.
    assert paragraphs(document) == ["KẾ HOẠCH", "Thực hiện Nghị quyết số 57-NQ/TW", "7"]
    assert document.source_kind == "pdf"


@pytest.mark.parametrize("footer", ["3", "- 3 -", "Trang 3", "3/12"])
def test_running_page_number_forms_dropped(footer):
    document = read(text_pdf(["KẾ HOẠCH"], footer=footer))
    assert paragraphs(document) == ["KẾ HOẠCH"]


def test_page_number_in_header_margin_dropped():
    document = read(text_pdf(["2", "KẾ HOẠCH"], top=815))
    assert paragraphs(document) == ["KẾ HOẠCH"]


def test_spanned_cells_horizontal_once_vertical_repeated():
    from .pdfmake import spanned_table_pdf

    assert tables(read(spanned_table_pdf()))[0].rows == [
        ["TT", "Nội dung", "Chủ trì", "Thời gian"],
        ["I", "NHÓM MỘT", "", ""],
        ["1", "Việc một", "Sở A", "Quý III/2025"],
        ["2", "Việc hai", "Sở A", "Năm 2026"],
    ]


def test_side_by_side_header_blocks_are_separate_lines():
    from reportlab.pdfgen import canvas as rl_canvas

    from .pdfmake import _font

    out = io.BytesIO()
    canvas = rl_canvas.Canvas(out)
    _font(canvas)
    canvas.drawString(60, 760, "ỦY BAN NHÂN DÂN")
    canvas.drawString(300, 760, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    canvas.drawString(60, 740, "Số: 12/KH-UBND")
    canvas.drawString(300, 740, "Bình Lư, ngày 17 tháng 10 năm 2025")
    canvas.drawString(60, 700, "Thực hiện Nghị quyết số 57-NQ/TW, các cơ quan   triển khai.")
    canvas.showPage()
    canvas.save()
    assert paragraphs(read(out.getvalue())) == [
        "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/KH-UBND",
        "Bình Lư, ngày 17 tháng 10 năm 2025",
        "Thực hiện Nghị quyết số 57-NQ/TW, các cơ quan triển khai.",
    ]
