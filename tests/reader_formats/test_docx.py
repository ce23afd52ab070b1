"""DOCX front-end: document order, merged cells, numbering, nested tables."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from theodoi.reader.document import Paragraph, Table
from theodoi.reader.formats import read_binary

from .helpers import docx_bytes, paragraphs, tables
from .render import layout, load_gold, render_docx


def read(data: bytes):
    return read_binary(data, ".docx", filename="kehoach.docx")


@pytest.fixture(scope="module")
def plan002():
    return load_gold("002")


def test_rendered_plan_tables_match_layout(plan002):
    document = read(render_docx(plan002))
    expected = layout(plan002)
    got = tables(document)
    assert len(got) == 2
    for spec, table in zip(expected.tables, got, strict=True):
        assert table.rows == [spec.header, *spec.rows]
    assert len(got[0].rows) == 1 + 12  # header + 12 targets (no groups in 002)
    assert len(got[1].rows) == 1 + 37 + 7  # header + 37 tasks + 7 section rows


def test_section_row_is_one_merged_cell_then_empty_positions(plan002):
    task_table = tables(read(render_docx(plan002)))[1]
    section = task_table.rows[1]
    assert section[0] == "I"
    assert section[1].startswith("Công tác chỉ đạo điều hành")
    assert section[2:] == ["", "", "", ""]
    assert all(len(row) == 6 for row in task_table.rows)


def test_multi_line_cells_keep_line_breaks(plan002):
    row = tables(read(render_docx(plan002)))[1].rows[2]
    assert row[0] == "1"
    assert row[3] == "Các Phòng chuyên môn UBND xã\nCác cơ quan, đơn vị"
    assert row[5] == "Nhiệm vụ thường xuyên"


def test_blocks_in_document_order(plan002):
    document = read(render_docx(plan002))
    kinds = [type(b).__name__ for b in document.blocks]
    assert kinds[0] == "Paragraph" and document.blocks[0].text == "KẾ HOẠCH"
    first_table = kinds.index("Table")
    assert document.blocks[first_table - 1].text.startswith("PHỤ LỤC I")
    assert document.blocks[-1].text == "Nơi nhận:"
    line_nos = [b.line_no for b in document.blocks]
    assert line_nos == sorted(line_nos)
    assert document.source_kind == "docx"


def test_vertical_merge_repeats_text_except_row_number():
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, texts in enumerate([["TT", "Nội dung", "Chủ trì"], ["1", "Việc một", "Sở A"],
                               ["", "Việc hai", ""]]):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    table.cell(1, 2).merge(table.cell(2, 2))
    table.cell(1, 0).merge(table.cell(2, 0))
    rows = tables(read(docx_bytes(document)))[0].rows
    assert rows[1] == ["1", "Việc một", "Sở A"]
    assert rows[2] == ["", "Việc hai", "Sở A"]


def test_horizontal_merge_in_middle_keeps_columns():
    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    for c, text in enumerate(["TT", "Nội dung", "Chủ trì", "Phối hợp"]):
        table.cell(0, c).text = text
    merged = table.cell(1, 1).merge(table.cell(1, 2))
    merged.text = "Chung hai cột"
    table.cell(1, 3).text = "Sở B"
    rows = tables(read(docx_bytes(document)))[0].rows
    assert rows[1] == ["", "Chung hai cột", "", "Sở B"]


def test_nested_table_is_flattened_into_its_cell():
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "1"
    host = outer.cell(0, 1)
    host.text = "Nhiệm vụ có bảng con"
    inner = host.add_table(rows=2, cols=2)
    inner.cell(0, 0).text = "Sở A"
    inner.cell(1, 1).text = "Sở B"
    rows = tables(read(docx_bytes(document)))[0].rows
    assert rows == [["1", "Nhiệm vụ có bảng con\nSở A\nSở B"]]


def test_soft_line_breaks_split_paragraph_and_empty_paragraphs_skipped():
    document = docx.Document()
    p = document.add_paragraph("KẾ HOẠCH")
    p.add_run().add_break()
    p.add_run("Thực hiện Nghị quyết số 57-NQ/TW")
    document.add_paragraph("")
    document.add_paragraph("Căn cứ\tNghị quyết")
    got = read(docx_bytes(document))
    assert paragraphs(got) == ["KẾ HOẠCH", "Thực hiện Nghị quyết số 57-NQ/TW", "Căn cứ\tNghị quyết"]
    assert got.blocks[0].line_no == got.blocks[1].line_no == 1


def test_tracked_changes_content_controls_and_text_boxes():
    document = docx.Document()
    body = document.element.body
    body.insert(0, parse_xml(
        f'<w:p {nsdecls("w")}><w:r><w:t>Giữ </w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>xóa </w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>thêm</w:t></w:r></w:ins></w:p>'
    ))
    body.insert(1, parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>Trong điều khiển nội dung</w:t>'
        '</w:r></w:p></w:sdtContent></w:sdt>'
    ))
    assert paragraphs(read(docx_bytes(document))) == ["Giữ thêm", "Trong điều khiển nội dung"]


def _add_numbering(document, abstract_xml: str, abstract_id: int, num_ids: list[int],
                   restart: bool = False) -> None:
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{abstract_xml}'
        "</w:abstractNum>"
    ))
    for num_id in num_ids:
        override = (
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
            if restart else ""
        )
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f"{override}</w:num>"
        ))


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def _numbered(paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    ))


def test_automatic_numbering_multi_level_roman_letter_and_table_rows():
    document = docx.Document()
    _add_numbering(
        document,
        _lvl(0, "upperRoman", "%1.") + _lvl(1, "decimal", "%2.") + _lvl(2, "decimal", "%2.%3."),
        abstract_id=90, num_ids=[901],
    )
    _add_numbering(document, _lvl(0, "upperLetter", "%1)"), abstract_id=91, num_ids=[911])
    _add_numbering(document, _lvl(0, "decimal", "%1"), abstract_id=92, num_ids=[921, 922],
                   restart=True)
    for text, ilvl in [("MỤC TIÊU", 0), ("Mục tiêu chung", 1), ("Mục tiêu cụ thể", 1),
                       ("Chỉ tiêu một", 2), ("Chỉ tiêu hai", 2), ("NHIỆM VỤ", 0),
                       ("Nhiệm vụ chung", 1), ("Chi tiết", 2)]:
        _numbered(document.add_paragraph(text), 901, ilvl)
    for text in ("Phương án một", "Phương án hai"):
        _numbered(document.add_paragraph(text), 911, 0)
    table = document.add_table(rows=5, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "TT", "Nội dung"
    for r, num_id in ((1, 921), (2, 921), (3, 922), (4, 922)):
        _numbered(table.cell(r, 0).paragraphs[0], num_id, 0)
        table.cell(r, 1).text = f"Việc {r}"
    got = read(docx_bytes(document))
    assert paragraphs(got) == [
        "I. MỤC TIÊU", "1. Mục tiêu chung", "2. Mục tiêu cụ thể", "2.1. Chỉ tiêu một",
        "2.2. Chỉ tiêu hai", "II. NHIỆM VỤ", "1. Nhiệm vụ chung", "1.1. Chi tiết",
        "A) Phương án một", "B) Phương án hai",
    ]
    # 922 restarts at 1 (startOverride), as a second table section would.
    assert [row[0] for row in tables(got)[0].rows] == ["TT", "1", "2", "1", "2"]


def test_numbering_from_paragraph_style():
    document = docx.Document()
    document.add_paragraph("Một", style="List Number")
    document.add_paragraph("Hai", style="List Number")
    document.add_paragraph("Chấm", style="List Bullet")
    assert paragraphs(read(docx_bytes(document))) == ["1. Một", "2. Hai", "• Chấm"]


def test_table_retyped_after_page_break_is_joined_without_its_header():
    document = docx.Document()
    for rows in ([["TT", "Nội dung"], ["1", "Việc một"]], [["TT", "Nội dung"], ["2", "Việc hai"]]):
        table = document.add_table(rows=2, cols=2)
        for r, texts in enumerate(rows):
            for c, text in enumerate(texts):
                table.cell(r, c).text = text
    got = read(docx_bytes(document))
    assert [type(b) for b in got.blocks] == [Table]
    assert got.blocks[0].rows == [["TT", "Nội dung"], ["1", "Việc một"], ["2", "Việc hai"]]


def test_only_empty_paragraphs_is_not_a_plan():
    from theodoi.reader.errors import NotAPlan

    document = docx.Document()
    document.add_paragraph("   ")
    with pytest.raises(NotAPlan):
        read(docx_bytes(document))


def test_paragraph_blocks_are_paragraph_instances(plan002):
    document = read(render_docx(plan002))
    assert all(isinstance(b, Paragraph | Table) for b in document.blocks)


def test_layout_header_table_becomes_lines():
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ BÌNH LƯ"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 12/KH-UBND"
    header.cell(1, 1).text = "Bình Lư, ngày 17 tháng 10 năm 2025"
    document.add_paragraph("KẾ HOẠCH")
    got = read(docx_bytes(document))
    assert tables(got) == []
    assert paragraphs(got) == [
        "ỦY BAN NHÂN DÂN", "XÃ BÌNH LƯ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-UBND", "Bình Lư, ngày 17 tháng 10 năm 2025",
        "KẾ HOẠCH",
    ]
