"""A target table without a number column: the text column is not the code."""

from theodoi.reader.interpret import interpret
from theodoi.reader.textblocks import text_to_document

DOC = "\n".join([
    "KẾ HOẠCH",
    "Thử nghiệm bảng không có cột số thứ tự",
    "",
    "II. CHỈ TIÊU",
    "Chỉ tiêu\tĐơn vị tính\tChỉ tiêu năm 2026\tCơ quan chủ trì theo dõi",
    "Tỷ lệ hồ sơ trực tuyến\t%\t≥ 90\tPhòng Tham mưu",
    "Số hồ sơ được số hóa\tHồ sơ\tTối thiểu 50.000\tPhòng Hồ sơ",
])


def test_codes_are_null_without_a_number_column():
    targets = interpret(text_to_document(DOC)).plan["targets"]
    assert [t["code"] for t in targets] == [None, None]
    assert targets[0]["text"] == "Tỷ lệ hồ sơ trực tuyến"
    assert targets[1]["lead"] == ["Phòng Hồ sơ"]
