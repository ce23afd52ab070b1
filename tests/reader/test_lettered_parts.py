"""Plans whose body is lettered in capitals (A., B., C.), with "1)" targets and tasks whose
fields are given in a closing parenthesis or in labelled sentences."""

from __future__ import annotations

from theodoi.reader import read_text

_HEAD = ("BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN KINH TẾ\n*\nSố 12-KH/BKT\nHà Nội, ngày 05 tháng 01 năm 2026\n"
         "KẾ HOẠCH\nchuyển đổi số năm 2026\n\n")


def test_body_starts_at_a_capital_letter_part_so_its_targets_are_read():
    text = _HEAD + ("A. MỤC ĐÍCH, YÊU CẦU\n1. Đổi mới phương thức làm việc.\n\nChỉ tiêu năm 2026:\n"
                    "1) 100% văn bản được xử lý trên môi trường mạng.\n"
                    "2) Tỷ lệ cán bộ dùng chữ ký số đạt tối thiểu 95%.\n\n"
                    "B. NHIỆM VỤ, GIẢI PHÁP\nI. Hạ tầng số\n"
                    "1. Nâng cấp mạng nội bộ (chủ trì: Văn phòng Ban; thời gian: quý II/2026).\n")
    plan = read_text(text).plan
    assert [t["code"] for t in plan["targets"]] == ["1", "2"]
    assert plan["targets"][1]["value"] == 95
    assert plan["plan"]["title"] == "chuyển đổi số năm 2026"


def test_lettered_tasks_are_coded_within_their_numbered_heading():
    from theodoi.reader.body import find_body_tasks
    from theodoi.reader.document import Paragraph

    paras = [Paragraph(t) for t in [
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "1. Nâng cao nhận thức",
        "a) Tuyên truyền về chuyển đổi số. Đơn vị chủ trì: Phòng Văn hóa. Thời gian: Thường xuyên.",
        "2. Chính quyền số",
        "a) Số hóa sổ hộ tịch. Đơn vị chủ trì: Văn phòng xã. Đơn vị phối hợp: Công an xã. Thời gian: Quý III/2026.",
    ]]
    tasks, _ = find_body_tasks(paras, 0)
    assert [(t["code"], t["section_title"]) for t in tasks] == [
        ("1.a", "Nâng cao nhận thức"), ("2.a", "Chính quyền số")]
    assert tasks[1]["support"] == ["Công an xã"]


def test_done_label_after_another_field_is_the_deadline():
    from theodoi.reader.body import split_labels

    head, fields = split_labels("Vận hành nền tảng số (chủ trì: Vụ A; sản phẩm: nền tảng vận hành; "
                                "hoàn thành: quý III/2026).")
    assert head == "Vận hành nền tảng số"
    assert fields[-2:] == [("output", "nền tảng vận hành"), ("deadline", "quý III/2026")]
    head, fields = split_labels("Báo cáo hoàn thành: tổng hợp số liệu. Chủ trì: Văn phòng")
    assert head.startswith("Báo cáo hoàn thành: tổng hợp")


def test_capitals_heading_wrapped_onto_a_short_line_is_joined():
    from theodoi.reader.textblocks import text_to_document

    doc = text_to_document("KẾ HOẠCH\nChuyển đổi số\nIII. NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG\nTÂM\n"
                           "1. Xây dựng hạ tầng. Đơn vị chủ trì: Sở A.\nBÁO CÁO\nUBND\n")
    texts = [b.text for b in doc.blocks]
    assert "III. NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM" in texts
    assert "UBND" in texts


def test_body_task_product_drops_the_sentence_full_stop():
    from theodoi.reader.body import find_body_tasks
    from theodoi.reader.document import Paragraph

    tasks, _ = find_body_tasks([Paragraph(
        "1. Số hóa sổ hộ tịch. Đơn vị chủ trì: Văn phòng xã. Thời gian: 30/9/2026. Sản phẩm: Dữ liệu số.")], 0)
    assert tasks[0]["output"] == "Dữ liệu số"


def test_second_basis_object_of_the_same_kind_after_a_description():
    from theodoi.reader.header import _direct_objects

    clause = ("Kế hoạch số 19-KH/ĐU ngày 10/01/2026 của Đảng ủy xã về thực hiện Nghị quyết số 57-NQ/TW "
              "năm 2026 và Kế hoạch số 305/KH-UBND ngày 30/12/2025 của UBND tỉnh")
    assert _direct_objects(clause) == ["19-KH/ĐU", "305/KH-UBND"]
    clause = "Kế hoạch số 19-KH/ĐU về thực hiện Nghị quyết số 57-NQ/TW và Nghị quyết số 71/NQ-CP"
    assert _direct_objects(clause) == ["19-KH/ĐU"]


def test_date_after_a_dash_on_the_number_line():
    text = ("**ỦY BAN NHÂN DÂN TỈNH MINH AN**\n\nSố: 21/KH-UBND — *Minh An, ngày 12 tháng 3 năm 2026*\n\n"
            "# KẾ HOẠCH\n\nChuyển đổi số năm 2026\n\n### I. MỤC ĐÍCH\n")
    plan = read_text(text).plan["plan"]
    assert (plan["number"], plan["date"], plan["place"]) == ("21/KH-UBND", "2026-03-12", "Minh An")


def test_issuer_after_a_basis_that_mentions_building_a_plan():
    text = ("UBND TỈNH MINH AN\nSỞ Y TẾ\nSố: 12/KH-SYT\nMinh An, ngày 05 tháng 01 năm 2026\nKẾ HOẠCH\n"
            "Chuyển đổi số năm 2026\nThực hiện Công văn số 320/UBND-KGVX ngày 20/01/2026 của UBND tỉnh về việc "
            "xây dựng kế hoạch chuyển đổi số năm 2026, Sở Y tế ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert read_text(text).plan["plan"]["issuer"] == "Sở Y tế"
