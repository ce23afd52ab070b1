"""Flattened table rows: cells glued on one line and names wrapped over lines."""

from __future__ import annotations

from theodoi.reader.agencies import split_agencies
from theodoi.reader.flatrows import segment, split_glued

ROLES = ["text", "lead", "support", "deadline"]


def test_agency_after_a_full_stop_is_its_own_cell():
    assert split_glued(["xây dựng mô hình mẫu. Đảng ủy UBND huyện"]) == [
        "xây dựng mô hình mẫu.", "Đảng ủy UBND huyện"]


def test_abbreviated_place_is_not_a_sentence_end():
    assert split_glued(["Hỗ trợ TP. Hà Tĩnh"]) == ["Hỗ trợ TP. Hà Tĩnh"]


def test_department_glued_after_its_ministry():
    assert split_glued(["cho các hệ thống của Bộ Vụ Kế hoạch"]) == [
        "cho các hệ thống của Bộ", "Vụ Kế hoạch"]


def test_reporting_verb_keeps_its_addressee_in_the_text():
    lines = ["Tổng kết kế hoạch, báo cáo", "Ban Chỉ đạo của tỉnh", "Sở Nội vụ", "Các phòng thuộc Sở",
             "Quý IV/2026"]
    cells = segment(lines, ROLES)
    assert cells[0] == lines[:2]
    assert cells[1] == ["Sở Nội vụ"]


def test_bracketed_lines_continue_the_agency_above():
    lines = ["Cập nhật dữ liệu lên hệ thống.", "Sở Tư pháp", "(cơ quan thường trực Tổ", "công tác)",
             "- Các cơ quan thuộc 3 khối (Đảng,", "UBND, MTTQ) huyện", "Hằng quý"]
    cells = segment(lines, ROLES)
    assert cells[1] == ["Sở Tư pháp", "(cơ quan thường trực Tổ", "công tác)"]
    assert cells[2] == ["- Các cơ quan thuộc 3 khối (Đảng,", "UBND, MTTQ) huyện"]


def test_party_committee_alone_on_a_line_owns_the_board_above():
    lines = ["Tuyên truyền kế hoạch.", "Ban Tổ chức", "Huyện ủy", "- Các chi bộ trực thuộc", "Quý I/2026"]
    cells = segment(lines, ROLES)
    assert cells[1] == ["Ban Tổ chức", "Huyện ủy"]
    assert split_agencies(cells[1]) == ["Ban Tổ chức Huyện ủy"]


PAGED = """KẾ HOẠCH
Chuyển đổi số tại Trung tâm Y tế năm 2026
PHỤ LỤC
STT Nội dung công việc Khoa/phòng chủ
trì
Khoa/phòng phối
hợp Thời hạn
I HẠ TẦNG SỐ
1
Nâng cấp mạng nội bộ
Phòng Hành chính
Khoa Dược
Quý I/2026
2
Mua sắm máy chủ
Phòng Tài chính
Phòng Hành chính
Quý II/2026

4

STT Nội dung công việc Khoa/phòng chủ
trì
Khoa/phòng phối
hợp Thời hạn
3
Sao lưu dữ liệu
Phòng Hành chính
Khoa Dược
Quý III/2026
"""


def test_page_number_before_a_wrapped_repeated_header_is_no_row():
    from theodoi.reader import read_text

    tasks = read_text(PAGED).plan["tasks"]
    assert [t["code"] for t in tasks] == ["I.1", "I.2", "I.3"]
    assert tasks[2]["lead"] == ["Phòng Hành chính"]


def test_deadline_glued_between_two_cells_is_cut_out():
    from theodoi.reader.flatrows import split_glued

    assert split_glued(["Các sở, ban, ngành Quý II/2026 Quyết định công bố"]) == [
        "Các sở, ban, ngành", "Quý II/2026", "Quyết định công bố"]
    assert split_glued(["Tháng 7/2026 Nghị quyết của"]) == ["Tháng 7/2026", "Nghị quyết của"]
    # A year inside the task's own sentence stays there.
    assert split_glued(["Tổng kết giai đoạn 2021 - 2025 Kế hoạch"]) == ["Tổng kết giai đoạn 2021 - 2025 Kế hoạch"]
