"""DOCX rendering: re-open the file with python-docx and check what an officer sees."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from theodoi.documents import (
    Column,
    FreeText,
    GroupRow,
    Paragraph,
    Report,
    Section,
    Signature,
    Table,
    render_docx,
)
from theodoi.documents.model import NATIONAL_MOTTO, NATIONAL_NAME, PARTY_NAME
from theodoi.documents.sample import sample_report

TNR = "Times New Roman"


def open_docx(report: Report):
    return Document(io.BytesIO(render_docx(report)))


@pytest.fixture(scope="module", params=["state", "party"])
def rendered(request):
    report = sample_report(request.param, tasks=30, targets=5)
    return request.param, report, open_docx(report)


def cell_lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text]


def runs_with(doc_or_cell, text):
    return [r for p in doc_or_cell.paragraphs for r in p.runs if text in r.text]


def test_page_is_a4_with_decree_30_margins(rendered):
    _, _, doc = rendered
    s = doc.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert 20 <= round(s.top_margin.mm) <= 25 and 20 <= round(s.bottom_margin.mm) <= 25
    assert 30 <= round(s.left_margin.mm) <= 35 and 15 <= round(s.right_margin.mm) <= 20
    assert s.different_first_page_header_footer  # no page number on page 1
    assert "PAGE" in s.header._element.xml


def test_header_per_layout(rendered):
    layout, _, doc = rendered
    head = doc.tables[0]
    left, right = head.cell(0, 0), head.cell(0, 1)
    number, date = head.cell(1, 0), head.cell(1, 1)
    assert 'w:val="nil"' in head._tbl.tblPr.xml  # no borders
    if layout == "state":
        assert cell_lines(left) == ["UBND TỈNH LAI CHÂU", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
        assert all(r.bold for r in runs_with(left, "SỞ KHOA HỌC"))
        assert cell_lines(right) == [NATIONAL_NAME, NATIONAL_MOTTO]
        motto = runs_with(right, NATIONAL_MOTTO)[0]
        assert motto.bold and motto.underline
        # the short line under the issuing body is a bordered empty paragraph
        assert any(p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None
                   for p in left.paragraphs)
        assert number.text == "Số: 12/BC-SKHCN"
    else:
        assert cell_lines(left) == ["TỈNH ỦY LAI CHÂU", "*"]
        assert cell_lines(right) == [PARTY_NAME]
        party = runs_with(right, PARTY_NAME)[0]
        assert party.bold and party.underline
        assert number.text == "Số 351-BC/TU"
        assert NATIONAL_NAME not in "\n".join(p.text for p in doc.paragraphs)
    assert date.text == "Lai Châu, ngày 24 tháng 11 năm 2026"
    assert all(r.italic for r in date.paragraphs[0].runs)


def test_kind_title_and_sections(rendered):
    layout, _, doc = rendered
    texts = [p.text for p in doc.paragraphs]
    kind = next(p for p in doc.paragraphs if p.text == "BÁO CÁO")
    assert kind.alignment == WD_ALIGN_PARAGRAPH.CENTER and kind.runs[0].bold
    title = doc.paragraphs[texts.index("BÁO CÁO") + 1]
    assert title.text == "kết quả thực hiện Kế hoạch số 11-KH/TU\ntháng 11 năm 2026"
    assert all(r.bold for r in title.runs if r.text)
    for heading in ["I. TÌNH HÌNH, KẾT QUẢ TRIỂN KHAI THỰC HIỆN", "1. Kết quả đạt được",
                    "2. Tồn tại, hạn chế", "3. Nguyên nhân",
                    "II. NHIỆM VỤ TRỌNG TÂM THÁNG 12 NĂM 2026", "III. ĐỀ XUẤT, KIẾN NGHỊ"]:
        assert heading in texts
        p = doc.paragraphs[texts.index(heading)]
        assert p.runs[0].bold and p.paragraph_format.keep_with_next
    body = next(p for p in doc.paragraphs if p.text.startswith("Các sở, ban, ngành"))
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert round(body.paragraph_format.first_line_indent.mm) == 10
    # free text of the officer: its "- " lines kept as list paragraphs
    assert "- Các đơn vị cấp xã gửi báo cáo đúng hạn đạt 92%." in texts
    if layout == "state":
        assert any(t.startswith("Kính gửi: Ban Chỉ đạo tỉnh") for t in texts)


def test_fonts_are_times_new_roman_for_every_script(rendered):
    _, _, doc = rendered
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert fonts.get(qn(f"w:{attr}")) == TNR
    # theme fonts would override the explicit names in Word
    assert not any("Theme" in k or "theme" in k for k in fonts.attrib)
    normal = doc.styles["Normal"]
    assert normal.font.name == TNR and normal.font.size.pt == 14
    rfonts = normal.element.rPr.find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == TNR and rfonts.get(qn("w:cs")) == TNR


def test_appendix_tables(rendered):
    _, report, doc = rendered
    tasks = next(t for t in doc.tables if t.cell(0, 1).text == "Nội dung nhiệm vụ")
    assert [c.text for c in tasks.rows[0].cells] == [
        "TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "Tình trạng",
        "Kết quả thực hiện", "Minh chứng"]
    header_pr = tasks.rows[0]._tr.trPr
    assert header_pr.find(qn("w:tblHeader")) is not None  # repeated on each page
    assert len(tasks.rows) == 1 + 30 + 6  # header, tasks, group rows
    group = tasks.rows[1]
    assert group.cells[0].text == "I"
    assert group.cells[1].text.startswith("Hoàn thiện thể chế")
    assert 'w:gridSpan w:val="6"' in group._tr.xml
    first = [c.text for c in tasks.rows[2].cells]
    assert first[:5] == ["1", first[1], "Sở Khoa học và Công nghệ", "01/01/2026",
                         "Hoàn thành đúng hạn"]
    assert first[1].endswith("(nhiệm vụ 1)")
    last = [c.text for c in tasks.rows[-1].cells]
    assert last[0] == "30"
    targets = next(t for t in doc.tables if t.cell(0, 1).text == "Chỉ tiêu")
    assert [c.text for c in targets.rows[1].cells][3:6] == ["≥ 70", "64,5", "92,1%"]
    assert len(targets.rows) == 6
    # the wide appendix is a landscape section of its own
    appendix = doc.sections[1]
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert round(appendix.page_width.mm) == 297
    assert 'w:start="1"' in appendix._sectPr.xml  # pages of an appendix numbered from 1
    texts = [p.text for p in doc.paragraphs]
    assert "KẾT QUẢ THỰC HIỆN NHIỆM VỤ, CHỈ TIÊU" in texts


def test_signature_block(rendered):
    layout, _, doc = rendered
    sign = doc.tables[1]
    left, right = sign.cell(0, 0), sign.cell(0, 1)
    assert cell_lines(left)[0] == "Nơi nhận:"
    label = left.paragraphs[0].runs[0]
    if layout == "state":
        assert label.bold and label.italic
        assert cell_lines(right) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị Bình"]
        assert "- Lưu: VT, QLKH." in cell_lines(left)
    else:
        assert label.underline
        assert cell_lines(right) == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn An"]
        assert "- Lưu VPTU." in cell_lines(left)
    assert all(r.bold for p in right.paragraphs for r in p.runs if r.text)


def test_hostile_text_and_body_tables():
    """Officers paste anything: markup characters, control characters, NFD text."""
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Tồn tại")
    table = Table([Column("TT", 1, "center"), Column("Nội dung", 4)],
                  [GroupRow("Nhóm không số"), [1, "<b>&amp;</b>\x0b"], [2, None]])
    report = Report(
        layout="state", issuing_body="SỞ KHOA HỌC VÀ CÔNG NGHỆ", symbol="BC-SKHCN",
        title="thử", blocks=[
            Section("MỘT", [Section("Con", [Section("Cháu", [Paragraph("x")])])]),
            FreeText(f"{nfd} <script>\x00 & \"x\"\n\n+ chi tiết"),
            table, table,
        ],
        signature=Signature(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Lê Văn C", note="(Đã ký)"),
    )
    doc = open_docx(report)
    texts = [p.text for p in doc.paragraphs]
    assert "I. MỘT" in texts and "1. Con" in texts and "a) Cháu" in texts
    assert 'Tồn tại <script> & "x"' in texts
    assert "+ chi tiết" in texts
    assert "Số:       /BC-SKHCN" in doc.tables[0].cell(1, 0).text
    body_tables = [t for t in doc.tables if t.cell(0, 0).text == "TT"]
    assert len(body_tables) == 2  # consecutive tables are kept apart
    t = body_tables[0]
    assert t.rows[1].cells[0].text == "Nhóm không số"
    assert [c.text for c in t.rows[2].cells] == ["1", "<b>&amp;</b>"]
    assert [c.text for c in t.rows[3].cells] == ["2", ""]
    assert "(Đã ký)" in [p.text for p in doc.tables[-1].cell(0, 1).paragraphs]
    assert round(doc.sections[0].page_width.mm) == 210


def test_province_sized_appendix_is_complete():
    doc = open_docx(sample_report("state", tasks=2000, targets=300))
    tasks = next(t for t in doc.tables if t.cell(0, 1).text == "Nội dung nhiệm vụ")
    assert len(tasks._tbl.tr_lst) == 1 + 2000 + 6
    assert tasks._tbl.tr_lst[-1].xpath("string(w:tc[1])") == "2000"
