"""PDF text whose row numbers (and "STT") stand alone on their lines, before the row."""

from theodoi.reader.interpret import interpret
from theodoi.reader.textblocks import text_to_document

DOC = "\n".join([
    "KẾ HOẠCH",
    "Thử nghiệm số thứ tự một dòng",
    "",
    "STT",
    "    Nội dung nhiệm vụ         Đơn vị chủ      Đơn vị phối      Thời hạn",
    "                              trì             hợp              hoàn thành",
    "I",
    "    HẠ TẦNG SỐ",
    "1",
    "    Lắp đặt trạm phát sóng    Phòng Kinh tế   Công an xã       Quý III/2026",
    "    tại các bản",
    "",
    "                                         4",
    "\fSTT",
    "    Nội dung nhiệm vụ         Đơn vị chủ      Đơn vị phối      Thời hạn",
    "                              trì             hợp              hoàn thành",
    "2",
    "    Số hóa hồ sơ              Văn phòng       Phòng Tư pháp    Năm 2026",
])


def test_number_lines_join_their_rows():
    tasks = interpret(text_to_document(DOC)).plan["tasks"]
    assert [t["code"] for t in tasks] == ["I.1", "I.2"]
    assert tasks[0]["text"] == "Lắp đặt trạm phát sóng tại các bản"
    assert tasks[0]["lead"] == ["Phòng Kinh tế"]
    assert tasks[0]["support"] == ["Công an xã"]
    assert tasks[1]["deadline"]["raw"] == "Năm 2026"


def test_header_on_one_line_numbers_alone():
    doc = "\n".join([
        "KẾ HOẠCH",
        "Thử nghiệm",
        "",
        "STT   Nội dung nhiệm vụ         Đơn vị chủ trì  Đơn vị phối hợp  Thời hạn",
        "1",
        "      Lắp đặt trạm phát sóng    Phòng Kinh tế   Công an xã       Quý III/2026",
        "2",
        "      Số hóa hồ sơ              Văn phòng       Phòng Tư pháp    Năm 2026",
    ])
    tasks = interpret(text_to_document(doc)).plan["tasks"]
    assert [t["code"] for t in tasks] == ["1", "2"]
    assert tasks[1]["lead"] == ["Văn phòng"]
    assert tasks[0]["deadline"]["raw"] == "Quý III/2026"
