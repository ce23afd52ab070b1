"""Small invented documents for structures met in crawled pages, PDFs and appendices."""

from __future__ import annotations

from theodoi.reader import read_bytes
from theodoi.reader.columns import resolve_roles


def _read_text(text: str) -> dict:
    return read_bytes(text.encode("utf-8"), "plan.txt").plan


def test_result_to_reach_beside_a_unit_column_is_the_value():
    roles = resolve_roles(["no", "text", "unit", "output", "lead"])
    assert roles == ["no", "text", "unit", "value", "lead"]
    # In a task table (with a deadline) it stays the product.
    assert resolve_roles(["no", "text", "lead", "output", "deadline"])[3] == "output"


def test_pipe_rows_without_outer_pipes_result_column_read_as_values():
    plan = _read_text(
        "KẾ HOẠCH\nỨng dụng công nghệ năm 2026\n\n"
        "TT | Chỉ tiêu | Đơn vị tính | Kết quả cần đạt | Đơn vị thực hiện\n"
        "I | NHÓM MỘT | | |\n"
        "1 | Tỷ lệ hồ sơ điện tử | % | ≥ 90 | Phòng A\n"
        "2 | Số nền tảng dùng chung | Nền tảng | 2 - 3 | Phòng B\n")
    t = plan["targets"]
    assert [(x["comparator"], x["value"], x["value_max"]) for x in t] == [(">=", 90, None), ("range", 2, 3)]


def test_basis_paragraph_wrapped_over_lines_names_every_document():
    plan = _read_text(
        "KẾ HOẠCH\nChuyển đổi số năm 2026\n\n"
        "Thực hiện Kế hoạch số 12-KH/TU ngày 10/02/2025 của Ban Thường vụ về việc thực\n"
        "hiện Nghị quyết số 57-NQ/TW;\n"
        "Chương trình số 20-CTr/TU ngày 25/3/2025 của Ban Chấp hành, Ban Thường vụ\n"
        "ban hành Kế hoạch như sau:\n"
        "I. MỤC ĐÍCH\nNội dung.\n")
    assert plan["plan"]["implements"] == ["12-KH/TU", "20-CTr/TU"]


def test_prose_target_with_a_state_verb_and_no_figure_is_qualitative():
    from theodoi.reader.values import read_prose_value
    got = read_prose_value("Giải thưởng sáng tạo trẻ của huyện được duy trì tổ chức hằng năm.")
    assert (got["comparator"], got["qualitative"]) == ("qualitative", "Duy trì")
    got = read_prose_value("Kết nối hệ thống camera của xã với Trung tâm điều hành.")
    assert (got["comparator"], got["qualitative"]) == ("qualitative", "Kết nối")
    # No state verb, no figure: nothing measurable.
    assert read_prose_value("Xây dựng môi trường số lành mạnh.")["comparator"] is None
    # A figure wins over the verb.
    assert read_prose_value("Duy trì 100% xã có điểm phục vụ.")["comparator"] == "="


def test_prose_count_keeps_a_compound_unit():
    from theodoi.reader.values import read_prose_value
    got = read_prose_value("Mỗi năm thành lập mới tối thiểu 03 câu lạc bộ sáng tạo trẻ.")
    assert (got["comparator"], got["value"], got["unit"]) == (">=", 3, "câu lạc bộ")


def test_agency_wrapped_before_a_lower_case_cac_continues_it():
    from theodoi.reader.agencies import split_agencies
    assert split_agencies("Sở Tư pháp; Liên hiệp\ncác Hội Văn học nghệ thuật tỉnh") == [
        "Sở Tư pháp", "Liên hiệp các Hội Văn học nghệ thuật tỉnh"]
    # After a complete name, a lower-case "các ..." line is still its own agency.
    assert split_agencies("Sở Tư pháp\ncác phòng chuyên môn") == ["Sở Tư pháp", "các phòng chuyên môn"]


def test_agency_glued_after_a_closing_quote_on_a_wrapped_line():
    from theodoi.reader.flatrows import split_glued
    got = split_glued(['3 Quản lý hội viên trên ứng dụng "Sổ tay', 'Hội viên" Văn phòng Hội Nông dân tỉnh'])
    assert got[1] == 'Hội viên"'
    assert " ".join(got[2:]) == "Văn phòng Hội Nông dân tỉnh"


def test_flat_target_row_with_wrapped_unit_and_bound_word():
    from theodoi.reader.flatrows import split_glued
    got = split_glued(["3 Số sáng kiến được công nhận trên địa bàn", "xã Đơn Tối thiểu", "10 Phòng Kinh tế"],
                      targets=True)
    assert got[1:] == ["xã", "Đơn", "Tối thiểu 10", "Phòng Kinh tế"]
    got = split_glued(["4 Số doanh nghiệp được hỗ trợ", "Doanh", "nghiệp ≥ 5 Phòng Kinh tế"], targets=True)
    assert got[1:] == ["Doanh nghiệp", "≥ 5", "Phòng Kinh tế"]


def test_flat_task_row_cuts_glued_association_and_telecom_names():
    from theodoi.reader.flatrows import split_glued
    assert split_glued(["1 Hỗ trợ doanh nghiệp chuyển đổi số Phòng Kinh tế Hiệp hội Doanh nghiệp"])[1:] == [
        "Phòng Kinh tế", "Hiệp hội Doanh nghiệp"]
    assert split_glued(["2 Phủ sóng 5G tại các khu công nghiệp Viettel Bắc Ninh"])[1:] == ["Viettel Bắc Ninh"]
