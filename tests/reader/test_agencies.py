"""Agency lists: split between complete names only."""

from __future__ import annotations

import pytest

from theodoi.reader.agencies import looks_like_agency, split_agencies

CASES = [
    ("Sở Khoa học và Công nghệ Sở Công Thương", ["Sở Khoa học và Công nghệ", "Sở Công Thương"]),
    ("Bộ Văn hóa, Thể thao và Du lịch", ["Bộ Văn hóa, Thể thao và Du lịch"]),
    ("Các cơ quan, đơn vị", ["Các cơ quan, đơn vị"]),
    ("các bộ, ngành, địa phương", ["các bộ, ngành, địa phương"]),
    ("UBND các xã, phường", ["UBND các xã, phường"]),
    ("Các cơ quan, đơn vị thuộc 4 khối (Đảng, UBND, HĐND, MTTQ) trong hệ thống chính trị",
     ["Các cơ quan, đơn vị thuộc 4 khối (Đảng, UBND, HĐND, MTTQ) trong hệ thống chính trị"]),
    ("Các cơ quan thuộc 4 khối Đảng, UBND, HĐND, MTTQ", ["Các cơ quan thuộc 4 khối Đảng, UBND, HĐND, MTTQ"]),
    ("Đảng ủy UBND tỉnh, \n\nBan Tổ chức Tỉnh ủy", ["Đảng ủy UBND tỉnh", "Ban Tổ chức Tỉnh ủy"]),
    ("Đảng ủy Công an tỉnh; Văn phòng Tỉnh ủy", ["Đảng ủy Công an tỉnh", "Văn phòng Tỉnh ủy"]),
    ("- Các Phòng chuyên môn\nUBND xã\n- Các cơ quan, đơn vị",
     ["Các Phòng chuyên môn UBND xã", "Các cơ quan, đơn vị"]),
    ("- Trung tâm văn hóa, thể\nthao và truyền thông", ["Trung tâm văn hóa, thể thao và truyền thông"]),
    ("Trung tâm Phục vụ hành\nchính công", ["Trung tâm Phục vụ hành chính công"]),
    ("Sở Tài chính và Sở Kế hoạch và Đầu tư", ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]),
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"]),
    ("Văn phòng HĐND và UBND xã", ["Văn phòng HĐND và UBND xã"]),
    ("Sở Nội vụ, các sở, ban, ngành", ["Sở Nội vụ", "các sở, ban, ngành"]),
    ("Vụ Pháp chế, Thanh tra Bộ", ["Vụ Pháp chế", "Thanh tra Bộ"]),
    ("Hội Nông dân xã Đoàn Thanh niên xã", ["Hội Nông dân xã", "Đoàn Thanh niên xã"]),
    ("Công an tỉnh, Viễn thông Lai Châu, các doanh nghiệp viễn thông",
     ["Công an tỉnh", "Viễn thông Lai Châu", "các doanh nghiệp viễn thông"]),
    ("Sở Thông tin và Truyền thông;", ["Sở Thông tin và Truyền thông"]),
    ("Văn phòng Sở Y tế", ["Văn phòng Sở Y tế"]),
    ("UBND tỉnh và Ủy ban MTTQ Việt Nam tỉnh", ["UBND tỉnh", "Ủy ban MTTQ Việt Nam tỉnh"]),
    # A generic head word with no name after it belongs to the name before the comma.
    ("Phòng Bưu chính, Viễn thông", ["Phòng Bưu chính, Viễn thông"]),
    ("Phòng Bưu chính, Viễn thông và Công nghệ thông tin, Công an tỉnh",
     ["Phòng Bưu chính, Viễn thông và Công nghệ thông tin", "Công an tỉnh"]),
    ("Sở Tư pháp, Viễn thông Nghệ An", ["Sở Tư pháp", "Viễn thông Nghệ An"]),
    # Capitalised second words of self-standing bodies, capitalised collectives.
    ("Thành Đoàn, Hội Liên hiệp Phụ nữ thành phố, Trường Đại học Hàng hải",
     ["Thành Đoàn", "Hội Liên hiệp Phụ nữ thành phố", "Trường Đại học Hàng hải"]),
    ("Văn phòng HĐND và UBND xã, Các thôn, tổ dân phố", ["Văn phòng HĐND và UBND xã", "Các thôn, tổ dân phố"]),
    # A wrapped collective keeps its comma.
    ("- UBND các xã, phường,\nđặc khu\n- Sở Tài chính", ["UBND các xã, phường, đặc khu", "Sở Tài chính"]),
    # A name, then a collective joined by "và" or a comma.
    ("Kho bạc Nhà nước khu vực và các tổ chức tín dụng trên địa bàn",
     ["Kho bạc Nhà nước khu vực", "các tổ chức tín dụng trên địa bàn"]),
    ("Cục Văn hóa cơ sở, các Cục, Vụ liên quan", ["Cục Văn hóa cơ sở", "các Cục, Vụ liên quan"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split(text, expected):
    assert split_agencies(text) == expected


def test_lines_list_and_empty():
    assert split_agencies(["Sở Tài chính", "", "- Kho bạc Nhà nước tỉnh"]) == [
        "Sở Tài chính", "Kho bạc Nhà nước tỉnh"]
    assert split_agencies("") == []
    assert split_agencies(None) == []


@pytest.mark.parametrize("text", ["Phòng Văn hóa – Xã hội", "UBND xã", "Doanh nghiệp Viễn thông",
                                  "Bộ Chỉ huy Quân sự tỉnh", "Kho bạc Nhà nước", "Báo Lai Châu",
                                  "Các sở, ban, ngành", "VP HĐND-UBND xã", "Tỉnh đoàn"])
def test_looks_like_agency(text):
    assert looks_like_agency(text)


@pytest.mark.parametrize("text", ["Báo cáo định kỳ, thường", "Các chuyên đề, chuyên", "Hội nghị",
                                  "Chương trình đào tạo", "Văn bản rà soát.", "Kết quả rà soát",
                                  "các cấp chính quyền để đáp ứng yêu cầu chuyển đổi số khi", ""])
def test_not_agency(text):
    assert not looks_like_agency(text)


@pytest.mark.parametrize(("cell", "expected"), [
    ("Phòng Quản lý khoa học và Sở hữu trí tuệ", ["Phòng Quản lý khoa học và Sở hữu trí tuệ"]),
    ("Ban Thanh niên Huyện đoàn\n\nĐoàn các xã", ["Ban Thanh niên Huyện đoàn", "Đoàn các xã"]),
    ("Văn phòng HĐND và UBND xã Công an xã", ["Văn phòng HĐND và UBND xã", "Công an xã"]),
    ("Bảo hiểm xã hội tỉnh Công an tỉnh", ["Bảo hiểm xã hội tỉnh", "Công an tỉnh"]),
    ("Phòng Cảnh sát hình sự Công an tỉnh", ["Phòng Cảnh sát hình sự Công an tỉnh"]),
    ("Bảo tàng Hồ Chí Minh Bảo tàng Phụ nữ", ["Bảo tàng Hồ Chí Minh", "Bảo tàng Phụ nữ"]),
    ("Khoa Dược; Khoa Hồi sức\ntích cực", ["Khoa Dược", "Khoa Hồi sức tích cực"]),
    ("Các khoa, phòng", ["Các khoa, phòng"]),
    ("Ban Dân vận\nThành ủy", ["Ban Dân vận Thành ủy"]),
])
def test_new_heads_and_glued_names(cell: str, expected: list[str]):
    assert split_agencies(cell) == expected


def test_front_party_committee_keeps_its_mass_organisations():
    assert split_agencies("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh; Đảng ủy các xã") == [
        "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", "Đảng ủy các xã"]
    assert split_agencies("Ủy ban MTTQ tỉnh, các đoàn thể tỉnh") == ["Ủy ban MTTQ tỉnh", "các đoàn thể tỉnh"]


def test_news_agency_and_cooperative_open_names():
    from theodoi.reader.agencies import split_agencies

    assert split_agencies("Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam") == [
        "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"]
    assert split_agencies("Bưu điện xã và Hợp tác xã Nông nghiệp Tân Lập") == [
        "Bưu điện xã", "Hợp tác xã Nông nghiệp Tân Lập"]


def test_department_and_level_committee_keep_their_owner():
    from theodoi.reader.agencies import split_agencies

    assert split_agencies("Cục Hành chính Văn phòng Chính phủ") == ["Cục Hành chính Văn phòng Chính phủ"]
    assert split_agencies("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam") == [
        "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]
    assert split_agencies("Sở Nội vụ Văn phòng UBND tỉnh") == ["Sở Nội vụ", "Văn phòng UBND tỉnh"]


def test_collective_closed_by_a_comma_is_split_from_the_next_name():
    from theodoi.reader.agencies import split_agencies

    assert split_agencies("Các khoa chuyên môn, Ban Quản lý Khu kinh tế tỉnh") == [
        "Các khoa chuyên môn", "Ban Quản lý Khu kinh tế tỉnh"]
    assert split_agencies("Các phòng chuyên môn, đơn vị thuộc UBND xã") == [
        "Các phòng chuyên môn, đơn vị thuộc UBND xã"]


def test_statistics_office_glued_after_a_department_is_split():
    from theodoi.reader.agencies import split_agencies

    assert split_agencies("Sở Tài chính Thống kê tỉnh") == ["Sở Tài chính", "Thống kê tỉnh"]
    assert split_agencies("Chi cục Thống kê tỉnh") == ["Chi cục Thống kê tỉnh"]


def test_trade_union_opens_a_name_and_keeps_its_owner():
    from theodoi.reader.agencies import split_agencies

    assert split_agencies("Công đoàn Công ty và Đoàn Thanh niên Công ty") == [
        "Công đoàn Công ty", "Đoàn Thanh niên Công ty"]
    assert split_agencies("Công đoàn cơ sở Sở Y tế") == ["Công đoàn cơ sở Sở Y tế"]
    assert split_agencies("Viện Công nghệ sinh học, Các Khoa") == ["Viện Công nghệ sinh học", "Các Khoa"]


def test_cooperative_board_and_journal_open_names():
    assert split_agencies("Hội Nông dân xã, Hợp tác xã chè Shan tuyết") == ["Hội Nông dân xã", "Hợp tác xã chè Shan tuyết"]
    assert split_agencies("Phòng Kinh tế, Hạ tầng và Đô thị, Ban điều hành các tổ dân phố") == [
        "Phòng Kinh tế, Hạ tầng và Đô thị", "Ban điều hành các tổ dân phố"]
    assert split_agencies("Tạp chí Công Thương, Văn phòng Bộ") == ["Tạp chí Công Thương", "Văn phòng Bộ"]


def test_phong_chong_is_not_a_department_after_va():
    assert split_agencies("Chi cục Thủy lợi và Phòng, chống thiên tai và Đài Khí tượng tỉnh") == [
        "Chi cục Thủy lợi và Phòng, chống thiên tai", "Đài Khí tượng tỉnh"]
    assert split_agencies("Công an tỉnh và Phòng Kinh tế") == ["Công an tỉnh", "Phòng Kinh tế"]
