"""Tab tables whose first column (here the deadline) is often left blank."""

from theodoi.reader.agencies import split_agencies
from theodoi.reader.interpret import interpret
from theodoi.reader.textblocks import text_to_document

DOC = "\n".join([
    "KẾ HOẠCH",
    "Thử nghiệm",
    "",
    "Thời hạn\tTT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp",
    "\tI\tNHÓM MỘT\t\t",
    "Quý II/2026\t1\tBan hành quy chế mới\tPhòng Tổ chức\tPhòng Pháp chế",
    "\t2\tTriển khai phòng học thông minh\tPhòng Quản trị\tTrung tâm Thông tin",
])


def test_blank_first_cell_keeps_columns_in_place():
    tasks = interpret(text_to_document(DOC)).plan["tasks"]
    assert [t["code"] for t in tasks] == ["I.1", "I.2"]
    assert tasks[0]["section_title"] == "NHÓM MỘT"
    assert tasks[1]["text"] == "Triển khai phòng học thông minh"
    assert tasks[1]["lead"] == ["Phòng Quản trị"]
    assert tasks[1]["deadline"]["raw"] is None


def test_council_is_an_agency():
    assert split_agencies("Phòng Kế hoạch - Tài chính, Hội đồng trường") == [
        "Phòng Kế hoạch - Tài chính", "Hội đồng trường"]
