"""Deadline phrases of plan-format.md."""

from __future__ import annotations

import pytest

from theodoi.reader.deadlines import is_deadline, parse_deadline

CASES = [
    ("31/12/2025", "date", "2025-12-31", None),
    ("30/9/2025", "date", "2025-09-30", None),
    ("30/09/2025", "date", "2025-09-30", None),
    ("Tháng 6/2025", "month", "2025-06-30", None),
    ("tháng 11/2025", "month", "2025-11-30", None),
    ("6/2025", "month", "2025-06-30", None),
    ("01/2026", "month", "2026-01-31", None),
    ("Quý III/2025", "quarter", "2025-09-30", None),
    ("quý IV năm 2025", "quarter", "2025-12-31", None),
    ("Quí 4/2025", "quarter", "2025-12-31", None),
    ("Quý IV-2025", "quarter", "2025-12-31", None),
    ("quý III năm 2026", "quarter", "2026-09-30", None),
    ("Năm 2026", "year", "2026-12-31", None),
    ("2026", "year", "2026-12-31", None),
    ("2026-2030", "year", "2030-12-31", None),
    ("2026 - 2030", "year", "2030-12-31", None),
    ("Năm 2025 - 2026", "year", "2026-12-31", None),
    ("Quý IV/2025 - Quý II/2026", "quarter", "2026-06-30", None),
    ("Trước 30/6/2025", "date", "2025-06-30", None),
    ("trước ngày 01 tháng 01 năm 2026", "date", "2026-01-01", None),
    ("chậm nhất ngày 15/11/2025", "date", "2025-11-15", None),
    ("Hoàn thành trong năm 2025", "year", "2025-12-31", None),
    ("Nhiệm vụ thường xuyên", "recurring", None, "continuous"),
    ("Thường xuyên", "recurring", None, "continuous"),
    ("Hàng tháng", "recurring", None, "monthly"),
    ("Hằng tháng", "recurring", None, "monthly"),
    ("Hằng quý", "recurring", None, "quarterly"),
    ("Hàng quý", "recurring", None, "quarterly"),
    ("6 tháng một lần", "recurring", None, "half-yearly"),
    ("Hằng năm", "recurring", None, "yearly"),
    ("Định kỳ hằng năm (trước 15/12)", "recurring", None, "yearly"),
]


@pytest.mark.parametrize(("raw", "kind", "due", "every"), CASES)
def test_forms(raw, kind, due, every):
    got = parse_deadline(raw)
    assert got == {"raw": raw, "kind": kind, "due": due, "every": every}


@pytest.mark.parametrize("raw", ["", "   ", None])
def test_blank(raw):
    assert parse_deadline(raw) == {"raw": None, "kind": "none", "due": None, "every": None}


def test_raw_collapsed_and_unknown_kept():
    assert parse_deadline("Nhiệm vụ thường\n xuyên")["raw"] == "Nhiệm vụ thường xuyên"
    assert parse_deadline("Theo tiến độ dự án") == {
        "raw": "Theo tiến độ dự án", "kind": "none", "due": None, "every": None}


def test_impossible_date_is_not_a_date():
    assert parse_deadline("31/02/2025")["kind"] != "date"


def test_is_deadline_only_for_short_time_phrases():
    assert is_deadline("Tháng 6/2025")
    assert is_deadline("Nhiệm vụ thường xuyên")
    assert not is_deadline("Hoàn thành các nhiệm vụ được giao theo Nghị quyết trong năm 2025 của tỉnh")
    assert not is_deadline("100% dữ liệu đã số hóa 30/09/2025")
    # A time word must be whole: "Quyết định" does not open with "Quý", "Năng lực" not "Năm".
    assert not is_deadline("Quyết định giao dự toán 01/2026")
    assert not is_deadline("Thẩm định 6/2026")
    assert is_deadline("Quý 2/2026")


def test_year_and_the_following_years_is_yearly():
    from theodoi.reader.deadlines import parse_deadline

    got = parse_deadline("Năm 2027 và các năm tiếp theo")
    assert (got["kind"], got["every"], got["due"]) == ("recurring", "yearly", None)
