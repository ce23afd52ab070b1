"""Appendix tables saved from a spreadsheet as CSV."""

from theodoi.reader.csvtables import csv_tables_to_pipe
from theodoi.reader.interpret import interpret
from theodoi.reader.textblocks import text_to_document

DOC = "\n".join([
    "KẾ HOẠCH",
    "Thử nghiệm bảng CSV",
    "",
    "PHỤ LỤC,,,,",
    "DANH MỤC NHIỆM VỤ,,,,",
    ",,,,",
    "STT,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian thực hiện",
    "I,Nhóm một,,,",
    '1,"Mua máy chủ, phần mềm (""gói A"")",Phòng Tin học,"Phòng Tài vụ',
    'Phòng Tổ chức",Quý II/2026',
    "2,Đào tạo kỹ năng số,Phòng Tổ chức,,Hằng năm",
])


def test_csv_rows_become_a_task_table():
    tasks = interpret(text_to_document(DOC)).plan["tasks"]
    assert [t["code"] for t in tasks] == ["I.1", "I.2"]
    assert tasks[0]["section_title"] == "Nhóm một"
    assert tasks[0]["text"] == 'Mua máy chủ, phần mềm ("gói A")'
    assert tasks[0]["support"] == ["Phòng Tài vụ", "Phòng Tổ chức"]
    assert tasks[0]["deadline"]["raw"] == "Quý II/2026"
    assert tasks[1]["lead"] == ["Phòng Tổ chức"]


def test_prose_with_commas_is_not_csv():
    lines = [
        "Tăng cường, đẩy mạnh, mở rộng ứng dụng.",
        "Rà soát, sửa đổi, bổ sung quy chế.",
        "Kiểm tra, giám sát, sơ kết việc thực hiện.",
    ]
    assert csv_tables_to_pipe(lines) == lines


def test_tsv_quoted_cell_over_two_lines():
    from theodoi.reader.csvtables import quoted_tab_rows

    lines = ["3\tMở ứng dụng\tPhòng Tài chính\t\"Phòng Tin học", "Khoa Khám bệnh\"\tTháng 5/2026", "4\tKhác\tA\tB\tC"]
    assert quoted_tab_rows(lines) == [
        "3\tMở ứng dụng\tPhòng Tài chính\tPhòng Tin học<br>Khoa Khám bệnh\tTháng 5/2026", "4\tKhác\tA\tB\tC"]


def test_tsv_balanced_quotes_untouched():
    from theodoi.reader.csvtables import quoted_tab_rows

    lines = ['1\tDữ liệu "đúng, đủ"\t%\t100']
    assert quoted_tab_rows(lines) == lines


def test_semicolon_csv():
    lines = ["STT;Nhiệm vụ;Đơn vị chủ trì;Thời gian", "1;Mua máy;Phòng A;Quý II/2026", '2;"Đào tạo; bồi dưỡng";Phòng B;2026']
    assert csv_tables_to_pipe(lines)[:3] == [
        "| STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian |",
        "| 1 | Mua máy | Phòng A | Quý II/2026 |",
        "| 2 | Đào tạo; bồi dưỡng | Phòng B | 2026 |",
    ]
