"""Target values: bounds written after the number, approximate figures, closing bounds."""

from __future__ import annotations

import pytest

from theodoi.reader.values import read_prose_value, read_value_cell


@pytest.mark.parametrize(("cell", "comparator", "value", "value_max", "unit"), [
    ("Từ 10 đến 20", "range", 10, 20, None),
    ("Khoảng 45", "=", 45, None, None),
    ("80% trở lên", ">=", 80, None, "%"),
    ("5 ngày trở xuống", "<=", 5, None, None),
])
def test_value_cells(cell: str, comparator: str, value: float, value_max: float | None, unit: str | None):
    got = read_value_cell(cell)
    assert (got["comparator"], got["value"], got["value_max"], got["unit"]) == (comparator, value, value_max, unit)


@pytest.mark.parametrize(("text", "comparator", "value", "unit"), [
    ("Chỉ số cải cách hành chính của xã đạt từ 0,9 trở lên.", ">=", 0.9, None),
    ("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 95% trở lên.", ">=", 95, "%"),
    ("Thời gian xử lý hồ sơ trung bình dưới 3 ngày.", "<=", 3, "ngày"),
    ("Triển khai phần mềm tại ít nhất 05 chuyên khoa.", ">=", 5, "chuyên khoa"),
    ("Mật độ thuê bao trên 01 vạn dân.", None, None, None),
    ("Hỗ trợ trẻ em dưới 6 tuổi.", None, None, None),
])
def test_prose_values(text: str, comparator: str | None, value: float | None, unit: str | None):
    got = read_prose_value(text)
    assert (got["comparator"], got["value"], got["unit"]) == (comparator, value, unit)


def test_approximate_figure_opening_a_target_item():
    got = read_prose_value("Khoảng 120 hộ kinh doanh được hỗ trợ mở gian hàng trực tuyến.")
    assert (got["comparator"], got["value"], got["unit"]) == ("=", 120, "hộ")


def test_longest_compound_unit_wins():
    from theodoi.reader.values import read_prose_value

    got = read_prose_value("Xây dựng ít nhất 04 cơ sở dữ liệu chuyên ngành.")
    assert (got["comparator"], got["value"], got["unit"]) == (">=", 4, "cơ sở dữ liệu")
    assert read_prose_value("Có ít nhất 20 cơ sở sản xuất ứng dụng công nghệ.")["unit"] == "cơ sở"


def test_civil_servants_are_a_two_word_unit():
    from theodoi.reader.values import read_prose_value

    assert read_prose_value("Ít nhất 95% công chức hoàn thành bồi dưỡng.")["unit"] == "%"
    assert read_prose_value("Mỗi phòng bố trí từ 01 đến 02 công chức đầu mối.")["unit"] == "công chức"


def test_symbol_bound_takes_the_noun_unit():
    from theodoi.reader.values import read_prose_value

    got = read_prose_value("Thời gian thẩm định hồ sơ ≤ 20 ngày.")
    assert (got["comparator"], got["value"], got["unit"]) == ("<=", 20, "ngày")
    got = read_prose_value("Số hóa ≥ 1.500 hồ sơ, bản vẽ hoàn công.")
    assert (got["comparator"], got["value"], got["unit"]) == (">=", 1500, "hồ sơ")
    assert read_prose_value("Tỷ lệ đạt ≥ 90%.")["unit"] == "%"
    assert read_prose_value("Có tối thiểu 05 tiêu chuẩn quốc gia được công bố.")["unit"] == "tiêu chuẩn"


def test_state_over_all_of_them_is_qualitative():
    from theodoi.reader.values import read_prose_value

    got = read_prose_value("Duy trì hoạt động của tổ hỗ trợ tại 12/12 tổ dân phố.")
    assert (got["comparator"], got["qualitative"], got["value"]) == ("qualitative", "Duy trì", None)
    got = read_prose_value("Phủ sóng đến 09/33 bản lõm sóng.")
    assert (got["comparator"], got["value"], got["unit"]) == ("=", 9, "bản")
