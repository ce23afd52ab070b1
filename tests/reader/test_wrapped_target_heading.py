"""A capitals heading whose year wraps onto its own line, and "Mục tiêu và chỉ tiêu" headings."""

from theodoi.reader.document import Paragraph
from theodoi.reader.interpret import interpret
from theodoi.reader.textblocks import text_to_document

DOC = "\n".join([
    "KẾ HOẠCH",
    "Thử nghiệm tiêu đề bị ngắt dòng",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Quán triệt nghị quyết.",
    "II. MỤC TIÊU VÀ CHỈ TIÊU CHỦ YẾU ĐẾN NĂM",
    "2030",
    "(1) Kinh tế số đạt tối thiểu 30% GRDP.",
    "(2) Tỷ lệ dân số sử dụng dịch vụ công trực tuyến đạt trên",
    "70%.",
    "(3) Hình thành mạng lưới đổi mới sáng tạo.",
    "III. NHIỆM VỤ",
    "1. Tuyên truyền. Cơ quan chủ trì: Ban Tuyên giáo.",
])


def test_year_tail_joins_the_heading():
    paras = [b.text for b in text_to_document(DOC).blocks if isinstance(b, Paragraph)]
    assert "II. MỤC TIÊU VÀ CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2030" in paras


def test_targets_under_muc_tieu_va_chi_tieu():
    targets = interpret(text_to_document(DOC)).plan["targets"]
    assert [t["code"] for t in targets] == ["1", "2", "3"]
    assert targets[1]["value"] == 70


def test_a_year_line_after_prose_is_not_joined_to_a_heading():
    doc = DOC.replace("II. MỤC TIÊU VÀ CHỈ TIÊU CHỦ YẾU ĐẾN NĂM", "II. MỤC TIÊU VÀ CHỈ TIÊU CHỦ YẾU")
    paras = [b.text for b in text_to_document(doc).blocks if isinstance(b, Paragraph)]
    assert "II. MỤC TIÊU VÀ CHỈ TIÊU CHỦ YẾU" in paras


TABLE = "\n".join([
    "KẾ HOẠCH",
    "Thử nghiệm hàng bị ngắt trước dấu phân cách",
    "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm |",
    "| 1 | Chuyển đổi số trong công tác Mặt trận | Ủy",
    "ban Mặt trận tỉnh | Các tổ chức chính trị - xã hội tỉnh",
    "| Thường xuyên | |",
    "| 2 | Sơ kết thực hiện Kế hoạch | Văn phòng Tỉnh ủy | Ban Tổ chức | Quý IV/2027 | Báo cáo |",
])


def test_row_wrapped_just_before_a_separator_goes_on():
    tasks = interpret(text_to_document(TABLE)).plan["tasks"]
    assert [t["code"] for t in tasks] == ["1", "2"]
    assert tasks[0]["lead"] == ["Ủy ban Mặt trận tỉnh"]
    assert tasks[0]["deadline"]["every"] == "continuous"
    assert tasks[1]["section_title"] is None
