"""Body tasks opened by "Nhiệm vụ N:" with their fields on bold-labelled lines (Markdown)."""

from theodoi.reader.interpret import interpret
from theodoi.reader.textblocks import text_to_document

DOC = "\n".join([
    "# KẾ HOẠCH",
    "Thử nghiệm nhiệm vụ có tên",
    "",
    "# II. NHIỆM VỤ",
    "",
    "## I. HẠ TẦNG SỐ",
    "",
    "- **Nhiệm vụ 1:** Lắp đặt trạm phát sóng.  ",
    "  **Chủ trì:** Phòng Kinh tế  ",
    "  **Phối hợp:** Công an xã; Đoàn Thanh niên xã  ",
    "  **Sản phẩm:** Trạm phát sóng  ",
    "  **Thời hạn:** Quý III/2026",
    "",
    "- **Nhiệm vụ 2:** Số hóa hồ sơ.  ",
    "  **Chủ trì:** Văn phòng  ",
    "  **Thời hạn:** Thường xuyên",
])


def test_named_items_are_numbered_tasks():
    tasks = interpret(text_to_document(DOC)).plan["tasks"]
    assert [t["code"] for t in tasks] == ["I.1", "I.2"]
    assert tasks[0]["section_title"] == "HẠ TẦNG SỐ"
    assert tasks[0]["text"] == "Lắp đặt trạm phát sóng."
    assert tasks[0]["lead"] == ["Phòng Kinh tế"]
    assert tasks[0]["support"] == ["Công an xã", "Đoàn Thanh niên xã"]
    assert tasks[0]["output"] == "Trạm phát sóng"
    assert tasks[1]["deadline"]["kind"] == "recurring"
