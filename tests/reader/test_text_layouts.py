"""Text layouts of tables and wrapped lines (invented inputs)."""

from __future__ import annotations

from theodoi.reader.document import Table
from theodoi.reader.textblocks import text_to_document


def _tables(text: str) -> list[Table]:
    return [b for b in text_to_document(text).blocks if isinstance(b, Table)]


def test_pipe_rows_without_outer_pipes_keep_empty_trailing_cells():
    text = "\n".join([
        "KẾ HOẠCH",
        "",
        "TT | Nội dung | Thời hạn | Cơ quan chủ trì | Cơ quan phối hợp | Sản phẩm",
        "I | NHÓM MỘT | | | |",
        "1 | Làm việc A | Quý II/2026 | Sở Tài chính | Sở Nội vụ | Báo cáo",
        "2 | Làm việc B | 2026 | Sở Tư pháp | Công an tỉnh |",
    ])
    (table,) = _tables(text)
    assert table.rows[1] == ["I", "NHÓM MỘT", "", "", "", ""]
    assert table.rows[2][0] == "1" and table.rows[2][3] == "Sở Tài chính"
    assert table.rows[3] == ["2", "Làm việc B", "2026", "Sở Tư pháp", "Công an tỉnh", ""]


def test_pipe_row_without_outer_pipes_wrapped_onto_next_line():
    text = "\n".join([
        "STT | Nội dung | Cơ quan chủ trì | Thời hạn",
        "1 | Xây dựng cơ sở dữ liệu",
        "dùng chung | Sở Y tế | 2026",
    ])
    (table,) = _tables(text)
    assert table.rows[1] == ["1", "Xây dựng cơ sở dữ liệu\ndùng chung", "Sở Y tế", "2026"]


def test_framed_pipe_rows_hard_wrapped_at_a_fixed_width_are_joined():
    text = "\n".join([
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời",
        "hạn | Sản phẩm |",
        "| 1 | Xây dựng kho dữ liệu dùng chung của",
        "tỉnh | Văn phòng | Sở Tài chính, Sở",
        "Nội vụ | Quý I/2026 | Kho dữ liệu |",
        "| 2 | Tập huấn kỹ năng số | Sở Nội vụ |",
        "Sở Y tế | 2026 | Lớp học",
        "|",
        "II. TỔ CHỨC THỰC HIỆN",
    ])
    doc = text_to_document(text)
    table = doc.blocks[0]
    assert isinstance(table, Table)
    assert table.rows[0][4] == "Thời hạn"
    assert table.rows[1] == ["1", "Xây dựng kho dữ liệu dùng chung của tỉnh", "Văn phòng",
                             "Sở Tài chính, Sở Nội vụ", "Quý I/2026", "Kho dữ liệu"]
    assert table.rows[2] == ["2", "Tập huấn kỹ năng số", "Sở Nội vụ", "Sở Y tế", "2026", "Lớp học"]
    assert doc.blocks[1].text == "II. TỔ CHỨC THỰC HIỆN"


def test_cell_per_line_table_ends_at_a_numbered_heading_with_its_text():
    text = "\n".join([
        "STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn",
        "I", "Chính quyền số",
        "1", "Số hóa hồ sơ", "Văn phòng UBND xã", "Công an xã", "Quý II/2026",
        "2", "Tập huấn kỹ năng số", "Phòng Văn hóa - Xã hội", "Đoàn Thanh niên xã", "Năm 2026",
        "",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng UBND xã theo dõi, đôn đốc việc thực hiện Kế hoạch.",
    ])
    doc = text_to_document(text)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [r[0] for r in table.rows[1:]] == ["I", "1", "2"]
    assert doc.blocks[-2].text == "II. TỔ CHỨC THỰC HIỆN"


def test_state_header_glued_on_one_line_is_cut_at_its_fixed_parts():
    text = ("UBND TỈNH AN BÌNH SỞ NỘI VỤ Số: 15/KH-SNV CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
            "Độc lập - Tự do - Hạnh phúc An Bình, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\nChuyển đổi số")
    texts = [b.text for b in text_to_document(text).blocks]
    assert "Số: 15/KH-SNV" in texts
    assert "Độc lập - Tự do - Hạnh phúc" in texts
    assert "An Bình, ngày 02 tháng 3 năm 2026" in texts
