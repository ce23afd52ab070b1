"""Deadline arithmetic: cut-offs, month ends, leap years, working days, holidays (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from theodoi.reporting import calendar as cal

D = dt.date


@pytest.mark.parametrize(("freq", "year", "number", "start", "end"), [
    (cal.MONTHLY, 2025, 1, D(2024, 12, 15), D(2025, 1, 14)),
    (cal.MONTHLY, 2025, 3, D(2025, 2, 15), D(2025, 3, 14)),
    (cal.MONTHLY, 2025, 12, D(2025, 11, 15), D(2025, 12, 14)),
    (cal.QUARTERLY, 2025, 1, D(2024, 12, 15), D(2025, 3, 14)),
    (cal.QUARTERLY, 2025, 4, D(2025, 9, 15), D(2025, 12, 14)),
    (cal.HALF_YEARLY, 2025, 1, D(2024, 12, 15), D(2025, 6, 14)),
    (cal.NINE_MONTHS, 2025, 1, D(2024, 12, 15), D(2025, 9, 14)),
    (cal.YEARLY, 2025, 1, D(2024, 12, 15), D(2025, 12, 14)),
])
def test_decree_09_cutoffs(freq, year, number, start, end):
    p = cal.period_for(freq, year, number)
    assert (p.start, p.end) == (start, end)


def test_month_end_cutoff_handles_february_and_leap_years():
    # cut-off on the 31st clamps to the month's end: 29/02 in 2024, 28/02 in 2025
    assert cal.period_for(cal.MONTHLY, 2024, 2, cutoff_day=31).end == D(2024, 2, 29)
    assert cal.period_for(cal.MONTHLY, 2025, 2, cutoff_day=31).end == D(2025, 2, 28)
    assert cal.period_for(cal.MONTHLY, 2024, 3, cutoff_day=31).start == D(2024, 3, 1)
    assert cal.period_for(cal.MONTHLY, 2024, 4, cutoff_day=31) == cal.Period(
        cal.MONTHLY, 2024, 4, D(2024, 4, 1), D(2024, 4, 30))
    # cutoff_day=0 means "last day of the month": calendar months
    p = cal.period_for(cal.QUARTERLY, 2024, 1, cutoff_day=0)
    assert (p.start, p.end) == (D(2024, 1, 1), D(2024, 3, 31))
    assert cal.period_for(cal.MONTHLY, 2100, 2, cutoff_day=0).end == D(2100, 2, 28)  # not leap
    assert cal.period_for(cal.MONTHLY, 2000, 2, cutoff_day=0).end == D(2000, 2, 29)  # leap
    assert cal.is_leap(2024) and cal.is_leap(2000) and not cal.is_leap(1900)


def test_periods_are_contiguous_across_a_year_boundary():
    periods = cal.periods_between(cal.MONTHLY, D(2024, 11, 1), D(2025, 3, 1))
    for a, b in zip(periods, periods[1:], strict=False):
        assert b.start == a.end + dt.timedelta(days=1)
    assert periods[0].label == "Tháng 11/2024" and periods[-1].label == "Tháng 03/2025"


def test_period_containing():
    assert cal.period_containing(cal.MONTHLY, D(2025, 1, 15)).label == "Tháng 02/2025"
    assert cal.period_containing(cal.MONTHLY, D(2025, 1, 14)).label == "Tháng 01/2025"
    assert cal.period_containing(cal.MONTHLY, D(2025, 12, 20)).label == "Tháng 01/2026"
    assert cal.period_containing(cal.QUARTERLY, D(2025, 12, 20)).label == "Quý I/2026"


@pytest.mark.parametrize(("end", "n", "due"), [
    (D(2025, 3, 14), 3, D(2025, 3, 19)),   # Fri → Wed (weekend skipped)
    (D(2025, 4, 14), 3, D(2025, 4, 17)),   # Mon → Thu
    (D(2025, 4, 28), 3, D(2025, 5, 5)),    # 30/4 and 1/5 are holidays
    (D(2024, 12, 31), 1, D(2025, 1, 2)),   # 1/1 is a holiday, across the year end
    (D(2025, 8, 29), 2, D(2025, 9, 3)),    # 2/9 National Day
    (D(2025, 6, 14), 0, D(2025, 6, 14)),   # zero days: the cut-off itself
])
def test_due_date_counts_working_days(end, n, due):
    assert cal.due_date(end, n) == due


def test_configured_holidays_by_full_date():
    # Tết 2026 (lunar) entered as full dates moves the due date past it
    tet = ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]
    assert cal.due_date(D(2026, 2, 14), 3) == D(2026, 2, 18)
    assert cal.due_date(D(2026, 2, 14), 3, holidays=[*cal.VN_FIXED_HOLIDAYS, *tet]) == D(2026, 2, 25)


def test_bad_frequency_is_refused():
    with pytest.raises(ValueError):
        cal.period_for("weekly", 2025, 1)
    with pytest.raises(ValueError):
        cal.period_for(cal.QUARTERLY, 2025, 5)
