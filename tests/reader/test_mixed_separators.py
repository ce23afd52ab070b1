"""A crawled table whose rows are split by " ; " on some lines and tabs on others."""

from theodoi.reader.interpret import interpret
from theodoi.reader.textblocks import text_to_document

DOC = "\n".join([
    "KẾ HOẠCH",
    "Thử nghiệm bảng lẫn dấu phân cách",
    "",
    "II. CHỈ TIÊU",
    "STT ; Chỉ tiêu ; Đơn vị tính ; Chỉ tiêu năm 2026 ; Đơn vị chủ trì",
    "1 ; Tỷ lệ hồ sơ trực tuyến ; % ; Trên 85 ; Văn phòng",
    "2\tSố camera kết nối\tCamera\tTối thiểu 120\tCông an phường",
    "III. NHIỆM VỤ",
    "STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện",
    "1 ; Số hóa hồ sơ ; Văn phòng ; Công an phường ; Quý II/2026",
    "2\tLắp camera\tCông an phường\tPhòng Kinh tế\t30/9/2026",
])


def test_both_separators_read_as_one_table_each():
    plan = interpret(text_to_document(DOC)).plan
    assert [t["text"] for t in plan["targets"]] == ["Tỷ lệ hồ sơ trực tuyến", "Số camera kết nối"]
    assert plan["targets"][1]["lead"] == ["Công an phường"]
    assert [t["code"] for t in plan["tasks"]] == ["1", "2"]
    assert plan["tasks"][0]["support"] == ["Công an phường"]
    assert plan["tasks"][1]["deadline"]["due"] == "2026-09-30"
