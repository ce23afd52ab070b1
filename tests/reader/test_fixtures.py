"""Varied plan documents the seeds do not cover, each with its hand-checked reading.

- body_tasks_ministry.txt: a ministry plan; targets grouped by period ("a) Đến năm
  2025:") as dash bullets with tối thiểu / không quá / từ 40-50% / ít nhất 5.000;
  tasks in the body numbered 1.1, 1.2, 2.1 with labelled agencies, on their own
  dash lines or inline in the item's paragraph.
- md_pipe_appendices.md: Markdown with bold/italic header lines, a two-line "##"
  title, two appendices as pipe tables (targets with letter groups and two year
  columns; tasks with Roman sections, 1.1 rows, a row wrapped inside a cell).
- web_cells_per_line.txt: web-crawled text, one cell per line, a target table with
  period group rows, a task table whose columns come in another order.
- tab_rows_programme.txt: a CHƯƠNG TRÌNH HÀNH ĐỘNG without an issuing sentence
  (issuer from the authority line), tab-separated rows, a column-number row, a
  header repeated mid-table, numbered parent rows (1 / 1.1 / 1.2).
- flat_pdf_other_order.txt: a PDF extraction with empty lines between lines and no
  cell borders, deadline column before the agencies, cells glued on one line,
  letter sections, a page number and a repeated header at a page break.
- md_layout_header_commune.md: a commune party plan whose header is a Markdown layout
  table (number and date in separate rows), italic basis lines naming a law
  (20/2023/QH15) and a QĐ-TTg decision, "1)" targets under "2. Các chỉ tiêu" closed by
  "3. Yêu cầu", "Label: duy trì/đạt chuẩn ..." qualitative targets, "4-6% GRDP", body
  tasks "1." under Roman groups (II.1, III.1) with agency names holding a comma
  ("Phòng Bưu chính, Viễn thông và ...") and capitalised collectives ("Các chi bộ ...").
- pdf_flat_bullets_city.txt: a flat PDF task table (product before deadline) with
  bulleted partners whose place name wraps ("- Bảo hiểm xã hội thành phố" / "Hải
  Phòng"), products opening with an agency head word ("Cổng thông tin ..." / "được
  nâng cấp"), a task text "Thành lập Trung tâm ...", and a two-line header repeated
  after a page number; document numbers in brackets and inside task cells.
- web_ministry_blank_cells_footer.txt: a crawled ministry plan with a breadcrumb,
  one cell per line where empty cells are empty lines, and the page's footer
  (related news with a document number, comments, copyright) after the signature.
- md_header_families.md: pipe tables whose header cells no fixed phrase covers ("Số TT",
  "Nội dung chỉ tiêu", "Đơn vị<br>đo", "Kế hoạch<br>năm 2026", "Đơn vị<br>theo dõi",
  "Hoạt động/giải pháp", "Đơn vị chủ quản", "Đơn vị tham gia", "Kết quả đầu ra", "Mốc hoàn
  thành"): column roles come from keyword families anywhere in the header text.
- md_nested_target_list.md: pandoc Markdown (escaped "1\\.", "#" headings), targets as a
  "1)" list restarting under "**2\\. Chỉ tiêu đến cuối năm 2026**" with indented
  continuation lines, closed by the heading's sibling "3\\. Yêu cầu".
- flat_pdf_page_break_units.txt: a flat PDF target table ("Tên chỉ tiêu", a value header
  wrapped "Kế hoạch" / "năm 2026") broken by "Trang 2", a form feed and the repeated
  two-line header; a "%" glued to the indicator's last line, units wrapped ("Hợp tác" /
  "xã"), a unit that opens like an agency ("Trung tâm"), a range "20 - 25".
- md_grid_tables_district.md: pandoc grid tables ("+---+" borders, cells wrapped over
  several lines, a blank cell line between two agencies, a "+===+" header separator in
  one table and none in the other), a value column headed by a period ("Đến năm 2030"),
  letter groups for targets and Roman sections for tasks.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from theodoi.reader import read_file

FIXTURES = Path(__file__).parent / "fixtures"

DOCS = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md"))


def _expected(doc):
    return json.loads(doc.with_name(doc.stem + ".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("doc", DOCS, ids=[d.name for d in DOCS])
def test_fixture_reads_as_expected(doc):
    assert read_file(doc).plan == _expected(doc)


@pytest.mark.parametrize("doc", DOCS, ids=[d.name for d in DOCS])
def test_fixture_scores(scorer, doc):
    _p, _r, f1 = scorer.score(_expected(doc), read_file(doc).plan).f1()
    assert f1 >= 0.97
