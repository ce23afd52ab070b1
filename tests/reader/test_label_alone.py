"""A task's label alone on its line ("Thời hạn:") takes the next line as its value."""

from theodoi.reader.interpret import interpret
from theodoi.reader.textblocks import text_to_document

DOC = "\n".join([
    "KẾ HOẠCH",
    "Thử nghiệm nhãn đứng riêng",
    "",
    "II. NHIỆM VỤ",
    "1. Lắp đặt trạm phát sóng ở các thôn.",
    "Đơn vị chủ trì:",
    "Phòng Kinh tế",
    "Đơn vị phối hợp:",
    "Công an xã, Đoàn Thanh niên xã",
    "Sản phẩm:",
    "Trạm phát sóng",
    "Thời hạn:",
    "Quý III/2026",
    "2. Số hóa hồ sơ lưu trữ của xã.",
    "Đơn vị chủ trì: Văn phòng",
    "Thời hạn: Thường xuyên",
    "III. TỔ CHỨC THỰC HIỆN",
    "Các đơn vị triển khai.",
])


def test_label_alone_takes_next_line():
    tasks = interpret(text_to_document(DOC)).plan["tasks"]
    assert len(tasks) == 2
    first = tasks[0]
    assert first["lead"] == ["Phòng Kinh tế"]
    assert first["support"] == ["Công an xã", "Đoàn Thanh niên xã"]
    assert first["output"] == "Trạm phát sóng"
    assert first["deadline"]["due"] == "2026-09-30"
    assert tasks[1]["lead"] == ["Văn phòng"]
    assert tasks[1]["deadline"]["every"] == "continuous"
