"""Body tasks that assign their lead and partners inside the sentence."""

from theodoi.reader.body import sentence_fields
from theodoi.reader.interpret import interpret
from theodoi.reader.textblocks import text_to_document

DOC = "\n".join([
    "KẾ HOẠCH",
    "Thử nghiệm giao việc trong câu",
    "",
    "II. NHIỆM VỤ",
    "1. Hạ tầng số",
    "- Giao Phòng Kinh tế chủ trì, phối hợp với Đoàn Thanh niên xã, Công an xã khảo sát vùng lõm sóng, "
    "hoàn thành trong Quý III/2026.",
    "- Cán bộ, công chức gương mẫu sử dụng chữ ký số.",
    "- Trạm Y tế xã triển khai hồ sơ sức khỏe điện tử, hoàn thành trong năm 2026.",
    "III. TỔ CHỨC THỰC HIỆN",
    "Văn phòng UBND xã chủ trì, phối hợp với các phòng theo dõi, đôn đốc thực hiện Kế hoạch.",
])


def test_sentence_assignments_are_tasks():
    tasks = interpret(text_to_document(DOC)).plan["tasks"]
    assert len(tasks) == 2
    assert tasks[0]["section_title"] == "Hạ tầng số"
    assert tasks[0]["lead"] == ["Phòng Kinh tế"]
    assert tasks[0]["support"] == ["Đoàn Thanh niên xã", "Công an xã"]
    assert tasks[0]["deadline"]["raw"] == "Quý III/2026"
    assert tasks[0]["text"].startswith("Giao Phòng Kinh tế")
    assert tasks[1]["lead"] == ["Trạm Y tế xã"]
    assert tasks[1]["deadline"]["kind"] == "year"


def test_time_at_the_end_without_comma():
    fields = sentence_fields("Giao Văn phòng chủ trì, phối hợp với các phòng tổng hợp, báo cáo trước ngày 15/12/2026.")
    assert fields == [("lead", "Văn phòng"), ("support", "các phòng"), ("deadline", "trước ngày 15/12/2026")]


def test_no_time_no_task():
    assert sentence_fields("Sở A chủ trì, phối hợp với Sở B theo dõi việc thực hiện.") == []
