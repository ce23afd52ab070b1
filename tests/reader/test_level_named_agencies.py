"""Agencies named by a weak head word and their level ("Thư viện tỉnh") and collective
support cells ("Các khu, điểm du lịch ...") are agencies in cell-per-line rows."""

from theodoi.reader.agencies import looks_like_agency, starts_like_agency


def test_weak_head_with_level_word_is_an_agency():
    assert looks_like_agency("Thư viện tỉnh")
    assert looks_like_agency("Thư viện Quốc gia Việt Nam")
    assert not starts_like_agency("Thư viện số tỉnh")
    assert not starts_like_agency("Thư viện tỉnh hoàn thành kết nối")


def test_collective_places_are_agencies():
    assert looks_like_agency("Các khu, điểm du lịch trên địa bàn tỉnh")


def test_cell_per_line_row_with_empty_support_omitted():
    from theodoi.reader.flatrows import segment
    lines = ["Phát triển thư viện số, kết nối liên thông với Thư viện Quốc gia", "Thư viện tỉnh",
             "30/9/2026", "Thư viện số"]
    cells = segment(lines, ["text", "lead", "support", "deadline", "output"])
    assert cells == [[lines[0]], ["Thư viện tỉnh"], [], ["30/9/2026"], ["Thư viện số"]]
