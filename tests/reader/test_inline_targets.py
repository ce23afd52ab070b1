"""Targets listed inline in one sentence: "(1) ...; (2) ...; (3) ..."."""

from theodoi.reader.interpret import interpret
from theodoi.reader.textblocks import text_to_document

DOC = "\n".join([
    "KẾ HOẠCH",
    "Thử nghiệm chỉ tiêu trong một câu",
    "",
    "II. CHỈ TIÊU",
    "Phấn đấu đến năm 2026: (1) 100% chi bộ dùng sổ tay điện tử; (2) tối thiểu 95% văn bản (trừ văn bản mật) "
    "được ký số; (3) không để xảy ra sự cố mất an toàn thông tin.",
    "",
    "III. NHIỆM VỤ",
    "1. Tuyên truyền. Cơ quan chủ trì: Ban Tuyên giáo.",
])


def test_inline_items_are_targets():
    targets = interpret(text_to_document(DOC)).plan["targets"]
    assert [t["code"] for t in targets] == ["1", "2", "3"]
    assert targets[0]["text"] == "100% chi bộ dùng sổ tay điện tử"
    assert targets[1]["comparator"] == ">=" and targets[1]["value"] == 95
    assert targets[2]["text"].endswith("thông tin.")


def test_inline_items_with_closing_bracket_only():
    doc = DOC.replace("(1) ", "1) ").replace("(2) ", "2) ").replace("(3) ", "3) ")
    targets = interpret(text_to_document(doc)).plan["targets"]
    assert [t["code"] for t in targets] == ["1", "2", "3"]
