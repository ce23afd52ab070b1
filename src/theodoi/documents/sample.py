"""A realistic sample report, for tests, the benchmark and previews of the layouts.

"Báo cáo kết quả thực hiện Kế hoạch số 11-KH/TU tháng 11 năm 2026" by the standing
agency (state layout) or by the province party committee (party layout), with a
task appendix of any size and a targets table. Content is generated, not real.
"""

from __future__ import annotations

import datetime as dt
import itertools

from .model import (
    Appendix,
    BulletList,
    Column,
    FreeText,
    GroupRow,
    Layout,
    Paragraph,
    Report,
    Row,
    Section,
    Sheet,
    Signature,
    Span,
    Table,
    roman,
)

GROUPS = [
    "Hoàn thiện thể chế, chính sách về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    "Phát triển hạ tầng số, hạ tầng dữ liệu và bảo đảm an toàn thông tin mạng",
    "Chuyển đổi số trong hoạt động của cơ quan Đảng, Nhà nước",
    "Phát triển nguồn nhân lực, nâng cao nhận thức về chuyển đổi số",
    "Phát triển kinh tế số, xã hội số và đổi mới sáng tạo",
]
CONTENTS = [
    "Rà soát, sửa đổi, bổ sung các quy định của tỉnh về quản lý nhiệm vụ khoa học và công nghệ",
    "Triển khai phủ sóng 5G tại các khu vực trung tâm xã, phường và khu công nghiệp",
    "Xây dựng, vận hành Trung tâm giám sát an toàn thông tin mạng cấp tỉnh (SOC)",
    "Cung cấp 100% dịch vụ công trực tuyến toàn trình đủ điều kiện trên Cổng Dịch vụ công quốc gia",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực",
    "Tập huấn kỹ năng số cho cán bộ, công chức, viên chức cấp xã",
    "Hỗ trợ doanh nghiệp nhỏ và vừa ứng dụng nền tảng số trong sản xuất, kinh doanh",
    "Kết nối, chia sẻ dữ liệu dân cư phục vụ Đề án 06 với các cơ sở dữ liệu chuyên ngành",
]
LEADS = [
    "Sở Khoa học và Công nghệ", "Sở Nội vụ", "Văn phòng UBND tỉnh", "Công an tỉnh",
    "Sở Tài chính", "Sở Giáo dục và Đào tạo", "UBND xã Bình Lư", "UBND phường Tân Phong",
]
STATUSES = [
    ("Hoàn thành đúng hạn", "Đã ban hành Quyết định số 1520/QĐ-UBND ngày 10/11/2026"),
    ("Hoàn thành quá hạn", "Đã hoàn thành, chậm 12 ngày so với kế hoạch"),
    ("Đang thực hiện", "Đạt khoảng 60% khối lượng; dự kiến hoàn thành trong tháng 12/2026"),
    ("Chậm tiến độ", "Chưa bố trí được kinh phí; đã đề xuất điều chỉnh thời hạn"),
    ("Nhiệm vụ thường xuyên", "Thực hiện hằng tháng theo kế hoạch"),
]
TASK_COLUMNS = [
    Column("TT", 0.45, "center"),
    Column("Nội dung nhiệm vụ", 3.2, xlsx_width=48),
    Column("Cơ quan chủ trì", 1.5, xlsx_width=22),
    Column("Thời gian hoàn thành", 1.1, "center", xlsx_width=14),
    Column("Tình trạng", 1.2, "center", xlsx_width=18),
    Column("Kết quả thực hiện", 2.4, xlsx_width=40),
    Column("Minh chứng", 1.6, xlsx_width=28),
]
TARGET_COLUMNS = [
    Column("TT", 0.45, "center"),
    Column("Chỉ tiêu", 3.0, xlsx_width=48),
    Column("Đơn vị tính", 0.9, "center", xlsx_width=12),
    Column("Chỉ tiêu năm 2026", 1.0, "center", xlsx_width=14),
    Column("Kết quả đạt được", 1.0, "right", kind="decimal", xlsx_width=14),
    Column("Tỷ lệ so với chỉ tiêu", 1.0, "right", kind="percent", xlsx_width=14),
    Column("Cơ quan theo dõi", 1.6, xlsx_width=26),
]
INDICATORS = [
    ("Tỷ lệ phủ sóng 5G trên địa bàn tỉnh", "%", "≥ 70", 70, 64.5),
    ("Chỉ số chuyển đổi số cấp tỉnh (DTI)", "Điểm", "≥ 0,73", 0.73, 0.7),
    ("Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến", "%", "≥ 80", 80, 83.25),
    ("Số doanh nghiệp công nghệ số được thành lập mới", "Doanh nghiệp", "≥ 30", 30, 12),
    ("Tỷ lệ người dân trưởng thành có chữ ký số cá nhân", "%", "≥ 50", 50, 51.2),
]


def task_rows(count: int, per_group: int | None = None) -> list[Row]:
    """``count`` task rows under Roman-numbered groups (about 6 groups for any size)."""
    per_group = per_group or max(1, -(-count // 6))
    rows: list[Row] = []
    cycle = itertools.cycle(range(10_000_000))
    for i in range(count):
        if i % per_group == 0:
            g = i // per_group
            rows.append(GroupRow(GROUPS[g % len(GROUPS)], roman(g + 1)))
        k = next(cycle)
        status, result = STATUSES[k % len(STATUSES)]
        rows.append([
            i + 1,
            f"{CONTENTS[k % len(CONTENTS)]} (nhiệm vụ {i + 1})",
            LEADS[k % len(LEADS)],
            "Nhiệm vụ thường xuyên" if status == "Nhiệm vụ thường xuyên"
            else f"{(k % 28) + 1:02d}/{(k % 12) + 1:02d}/2026",
            status,
            result,
            f"Văn bản số {100 + k}/BC-SKHCN" if k % 3 else "",
        ])
    return rows


def target_rows(count: int) -> list[Row]:
    rows: list[Row] = []
    for i in range(count):
        name, unit, text, goal, reached = INDICATORS[i % len(INDICATORS)]
        suffix = "" if i < len(INDICATORS) else f" (địa bàn {i // len(INDICATORS) + 1})"
        rows.append([i + 1, name + suffix, unit, text, reached, reached / goal,
                     LEADS[i % len(LEADS)]])
    return rows


def sample_report(layout: Layout = "state", *, tasks: int = 30, targets: int = 5) -> Report:
    party = layout == "party"
    tasks_table = Table(TASK_COLUMNS, task_rows(tasks),
                        title="Kết quả thực hiện các nhiệm vụ",
                        note="(Số liệu tính đến ngày 14/11/2026)")
    targets_table = Table(TARGET_COLUMNS, target_rows(targets),
                          title="Kết quả thực hiện các chỉ tiêu")
    return Report(
        layout=layout,
        superior_body="" if party else "UBND TỈNH LAI CHÂU",
        issuing_body="TỈNH ỦY LAI CHÂU" if party else "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        number="351" if party else "12",
        symbol="BC/TU" if party else "BC-SKHCN",
        date=dt.date(2026, 11, 24),
        title="kết quả thực hiện Kế hoạch số 11-KH/TU\ntháng 11 năm 2026",
        addressees=[] if party else ["Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ, "
                                     "đổi mới sáng tạo và chuyển đổi số"],
        blocks=[
            Paragraph([
                "Thực hiện Kế hoạch số 11-KH/TU ngày 17/10/2025 của Ban Thường vụ Tỉnh ủy "
                "về thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị, ",
                Span("Sở Khoa học và Công nghệ", bold=not party),
                " (Cơ quan Thường trực Ban Chỉ đạo tỉnh) báo cáo kết quả thực hiện "
                "tháng 11 năm 2026 như sau:",
            ]),
            Section("TÌNH HÌNH, KẾT QUẢ TRIỂN KHAI THỰC HIỆN", [
                Section("Kết quả đạt được", [
                    Paragraph("Các sở, ban, ngành, địa phương đã chủ động triển khai các nhiệm "
                              "vụ được giao, bảo đảm rõ người, rõ việc, rõ tiến độ, rõ kết quả, "
                              "rõ trách nhiệm."),
                    BulletList([
                        f"Tổng số nhiệm vụ theo dõi: {tasks}; hoàn thành đúng hạn "
                        f"{tasks // 5} nhiệm vụ, hoàn thành quá hạn {tasks // 5} nhiệm vụ.",
                        "Tỷ lệ phủ sóng 5G đạt 64,5%, tăng 4,2% so với tháng trước.",
                    ]),
                    FreeText("Ý kiến của chuyên viên theo dõi:\n\n- Hệ thống giám sát, đánh "
                             "giá đã cập nhật đầy đủ số liệu đến ngày 14/11/2026;\n- Các đơn "
                             "vị cấp xã gửi báo cáo đúng hạn đạt 92%."),
                ]),
                Section("Tồn tại, hạn chế", [
                    Paragraph("Một số nhiệm vụ chậm tiến độ; việc cập nhật minh chứng của "
                              "một số đơn vị chưa đầy đủ, kịp thời."),
                ]),
                Section("Nguyên nhân", [
                    Paragraph("Nguồn lực tài chính, hạ tầng số tại các xã vùng sâu, vùng xa "
                              "còn hạn chế; đội ngũ cán bộ chuyên trách còn thiếu."),
                ]),
            ]),
            Section("NHIỆM VỤ TRỌNG TÂM THÁNG 12 NĂM 2026", [
                BulletList(["Đôn đốc các đơn vị hoàn thành các nhiệm vụ chậm tiến độ.",
                            "Tổng hợp, báo cáo sơ kết năm 2026."]),
            ]),
            Section("ĐỀ XUẤT, KIẾN NGHỊ", [
                Paragraph("Đề nghị Ban Chỉ đạo tỉnh phê bình, chấn chỉnh các đơn vị chậm "
                          "tiến độ, không báo cáo đúng hạn."),
            ]),
        ],
        signature=Signature(["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"] if party
                            else ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
                            name="Nguyễn Văn An" if party else "Trần Thị Bình"),
        recipients=(["Ban Chỉ đạo Trung ương (b/c)", "Thường trực Tỉnh ủy",
                     "Các đảng ủy trực thuộc", "Lưu VPTU."] if party else
                    ["Ban Chỉ đạo tỉnh (b/c);", "UBND tỉnh (b/c);", "Giám đốc Sở;",
                     "Lưu: VT, QLKH."]),
        appendices=[Appendix(
            "Phụ lục", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ, CHỈ TIÊU",
            note=("(Kèm theo Báo cáo số 351-BC/TU ngày 24/11/2026 của Ban Thường vụ Tỉnh ủy)"
                  if party else
                  "(Kèm theo Báo cáo số 12/BC-SKHCN ngày 24/11/2026 của Sở Khoa học và Công nghệ)"),
            tables=[tasks_table, targets_table],
        )],
        author="Sở Khoa học và Công nghệ tỉnh Lai Châu",
    )


def sample_sheets(report: Report) -> list[Sheet]:
    """The XLSX appendix of a sample report: tasks and targets sheets."""
    tables = [t for a in report.appendices for t in a.tables]
    return [
        Sheet.from_table("Nhiệm vụ", tables[0], ["PHỤ LỤC: KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
                                                tables[0].note]),
        Sheet.from_table("Chỉ tiêu", tables[1], ["PHỤ LỤC: KẾT QUẢ THỰC HIỆN CHỈ TIÊU"]),
    ]
