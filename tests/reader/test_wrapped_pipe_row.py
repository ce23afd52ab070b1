"""A framed "| a | b |" row whose wrap fell just before a separator on its first line."""

from theodoi.reader.interpret import interpret
from theodoi.reader.textblocks import text_to_document

DOC = "\n".join([
    "KẾ HOẠCH",
    "Thử nghiệm dòng bảng bị ngắt",
    "",
    "| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm |",
    "| 1 | Số hóa hồ sơ lưu trữ | Văn phòng",
    "| Phòng Nội vụ | 31/10/2026 | |",
    "| 2 | Lắp đặt trạm phát sóng | Phòng Kinh tế | Công an xã | Quý III/2026 | Trạm |",
])


def test_row_wrapped_before_a_separator_is_one_row():
    tasks = interpret(text_to_document(DOC)).plan["tasks"]
    assert [t["code"] for t in tasks] == ["1", "2"]
    assert tasks[0]["lead"] == ["Văn phòng"]
    assert tasks[0]["support"] == ["Phòng Nội vụ"]
    assert tasks[0]["deadline"]["due"] == "2026-10-31"
