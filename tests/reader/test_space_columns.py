"""Tables whose columns are aligned with runs of spaces (PDF text layer)."""

from theodoi.reader.columns import classify_header
from theodoi.reader.interpret import interpret
from theodoi.reader.spacecols import space_tables_to_pipe
from theodoi.reader.textblocks import text_to_document

DOC = """KẾ HOẠCH
Thử nghiệm

III. NHIỆM VỤ
STT   Nhiệm vụ                    Đơn vị chủ trì     Đơn vị phối hợp     Thời hạn
I     NHÓM MỘT
1     Xây dựng kho dữ liệu        Phòng Dữ           Phòng Tổng hợp      Quý II/2026
      dùng chung                  liệu
2     Rà soát quy trình           Văn phòng                              Tháng 5/2026
                                                                   Trang 2/3
STT   Nhiệm vụ                    Đơn vị chủ trì     Đơn vị phối hợp     Thời hạn
3     Đào tạo cán bộ              Phòng Nội vụ       Các phòng,          Năm 2026
                                                     đơn vị

IV. TỔ CHỨC THỰC HIỆN
Các phòng triển khai.
"""


def test_space_aligned_table_becomes_pipe_rows():
    out = space_tables_to_pipe(DOC.split("\n"))
    rows = [x for x in out if x.startswith("| ")]
    assert len(rows) == 1 + 4  # header, the section row and three tasks
    assert "Xây dựng kho dữ liệu dùng chung | Phòng Dữ liệu | Phòng Tổng hợp | Quý II/2026" in rows[2]
    assert "IV. TỔ CHỨC THỰC HIỆN" in out


def test_space_aligned_tasks_read():
    tasks = interpret(text_to_document(DOC)).plan["tasks"]
    assert [t["code"] for t in tasks] == ["I.1", "I.2", "I.3"]
    assert tasks[0]["lead"] == ["Phòng Dữ liệu"]
    assert tasks[2]["support"] == ["Các phòng, đơn vị"]
    assert tasks[1]["deadline"]["raw"] == "Tháng 5/2026"


def test_prose_with_wide_spaces_is_no_table():
    lines = ["SỞ Y TẾ        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 1/KH      Hà Nội, ngày 1 tháng 1 năm 2026"]
    assert space_tables_to_pipe(lines) == lines


def test_monitoring_column_is_lead():
    assert classify_header("Khoa/phòng theo dõi") == "lead"


WRAPPED = """KẾ HOẠCH
Thử nghiệm

STT   Nội dung nhiệm vụ             Đơn vị        Đơn vị        Thời gian
                                    chủ trì       phối hợp      hoàn thành
1     Xây dựng kho dữ liệu        Sở Tài chính  Sở Nội vụ     Quý II/2026
2     Rà soát quy trình           Văn phòng                   Tháng 5/2026
"""


def test_wrapped_header_cells_are_joined():
    out = space_tables_to_pipe(WRAPPED.split("\n"))
    assert "| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |" in out
    tasks = interpret(text_to_document(WRAPPED)).plan["tasks"]
    assert [t["lead"] for t in tasks] == [["Sở Tài chính"], ["Văn phòng"]]
    assert tasks[0]["support"] == ["Sở Nội vụ"]
    assert tasks[1]["deadline"]["raw"] == "Tháng 5/2026"


DEADLINE_FIRST = """KẾ HOẠCH
Thử nghiệm

Thời hạn      TT   Nhiệm vụ                      Đơn vị chủ trì  Đơn vị phối hợp
              I    NHÓM MỘT
Quý I/2026 -  1    Ban hành quy chế quản lý      Phòng Tổ chức   Phòng Pháp chế
Quý IV/2026        hoạt động khoa học
              2    Triển khai phòng học số       Phòng Quản trị  Trung tâm Thông tin

IV. TỔ CHỨC THỰC HIỆN
Các phòng triển khai.
"""


def test_number_column_opens_rows_wherever_it_stands():
    tasks = interpret(text_to_document(DEADLINE_FIRST)).plan["tasks"]
    assert [t["code"] for t in tasks] == ["I.1", "I.2"]
    assert tasks[0]["text"] == "Ban hành quy chế quản lý hoạt động khoa học"
    assert tasks[0]["deadline"]["raw"] == "Quý I/2026 - Quý IV/2026"
    assert tasks[1]["lead"] == ["Phòng Quản trị"]
    assert tasks[1]["deadline"]["raw"] is None


def test_cell_running_into_the_next_column_is_cut_at_its_header():
    header = "STT   Nhiệm vụ               Đơn vị chủ trì  Thời hạn"
    lead_at, due_at = header.index("Đơn vị"), header.index("Thời hạn")
    lead = "Phòng Tài chính kế toán"[: due_at - lead_at - 1]
    row = "1     Số hóa hồ sơ".ljust(lead_at) + lead + " Quý II/2026"
    assert row.index("Quý") == due_at and "  " not in row[lead_at:]
    out = space_tables_to_pipe([header, row])
    assert out[2] == f"| 1 | Số hóa hồ sơ | {lead} | Quý II/2026 |"
