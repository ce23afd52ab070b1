"""Labelled fields of body tasks; the issuer in the header."""

from __future__ import annotations

from theodoi.reader.body import split_labels


def test_result_label_after_another_field_is_the_output():
    head, fields = split_labels(
        "Tập huấn kỹ năng số cho cán bộ. Đơn vị chủ trì: Văn phòng Đảng ủy; phối hợp: Hội Phụ nữ xã; "
        "kết quả: 50 cán bộ được tập huấn; thời gian: Quý III/2026.")
    assert head == "Tập huấn kỹ năng số cho cán bộ."
    assert ("support", "Hội Phụ nữ xã") in fields
    assert ("output", "50 cán bộ được tập huấn") in fields


def test_result_word_inside_the_task_sentence_is_no_label():
    head, fields = split_labels("Báo cáo kết quả: tổng hợp số liệu hằng quý. Đơn vị chủ trì: Văn phòng")
    assert head.startswith("Báo cáo kết quả: tổng hợp")
    assert fields == [("lead", "Văn phòng")]


def test_issuer_is_the_body_printed_under_its_superior():
    from theodoi.reader import read_text

    text = ("UBND HUYỆN MINH AN\nTRUNG TÂM Y TẾ HUYỆN MINH AN\nSố: 12/KH-TTYT\n"
            "Minh An, ngày 05 tháng 01 năm 2026\nKẾ HOẠCH\nChuyển đổi số năm 2026\nI. MỤC ĐÍCH\n")
    assert read_text(text).plan["plan"]["issuer"] == "TRUNG TÂM Y TẾ HUYỆN MINH AN"


def test_one_authority_wrapped_over_two_lines_stays_whole():
    from theodoi.reader import read_text

    text = ("ỦY BAN NHÂN DÂN\nTỈNH MINH AN\nSố: 12/KH-UBND\n"
            "Minh An, ngày 05 tháng 01 năm 2026\nKẾ HOẠCH\nChuyển đổi số năm 2026\nI. MỤC ĐÍCH\n")
    assert read_text(text).plan["plan"]["issuer"] == "ỦY BAN NHÂN DÂN TỈNH MINH AN"


def test_short_unpunctuated_period_headings_group_body_targets():
    from theodoi.reader.body import find_body_targets
    from theodoi.reader.document import Paragraph

    paras = [Paragraph(t) for t in [
        "II. MỤC TIÊU CỤ THỂ",
        "1. Đến cuối năm 2026",
        "(1) 100% xã có điểm truy cập Internet công cộng.",
        "(2) Tỷ lệ hồ sơ trực tuyến đạt trên 80%.",
        "2. Tầm nhìn đến năm 2030",
        "(3) Kinh tế số chiếm 20% GRDP.",
        "III. NHIỆM VỤ",
    ]]
    targets = find_body_targets(paras, 0)
    assert [(t["code"], t["group"]) for t in targets] == [
        ("1", "Đến cuối năm 2026"), ("2", "Đến cuối năm 2026"), ("3", "Tầm nhìn đến năm 2030")]


def test_party_star_before_the_date_line():
    from theodoi.reader.interpret import interpret
    from theodoi.reader.textblocks import text_to_document

    doc = "\n".join([
        "ĐẢNG BỘ TỈNH ĐỒNG THÁP                    ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG ỦY CƠ QUAN",
        "          *                        Đồng Tháp, ngày 05 tháng 3 năm 2026",
        "   Số 21-KH/ĐU",
        "",
        "KẾ HOẠCH",
        "thực hiện chuyển đổi số năm 2026",
    ])
    plan = interpret(text_to_document(doc)).plan["plan"]
    assert (plan["place"], plan["date"], plan["number"]) == ("Đồng Tháp", "2026-03-05", "21-KH/ĐU")
