"""Reporting calendar: periods, cut-offs, due dates, working days. Pure Python, no Django.

The provinces apply Decree 09/2019/NĐ-CP: a monthly report covers the 15th of
the previous month to the 14th; quarterly, 6-month, 9-month and yearly reports
run from 15/12 of the previous year to 14/3, 14/6, 14/9 and 14/12. The cut-off
day is a parameter (``cutoff_day=0`` means "the last day of the month").
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

MONTHLY = "monthly"
QUARTERLY = "quarterly"
HALF_YEARLY = "half_yearly"
NINE_MONTHS = "nine_months"
YEARLY = "yearly"

FREQUENCIES: dict[str, str] = {
    MONTHLY: "Hằng tháng",
    QUARTERLY: "Hằng quý",
    HALF_YEARLY: "06 tháng",
    NINE_MONTHS: "09 tháng",
    YEARLY: "Hằng năm",
}

# Last month of each period of a year, per frequency (the period ends at the
# cut-off day of that month; it starts the day after the previous one ended).
# 6-month, 9-month and yearly periods all start from the year's first cut-off.
_END_MONTHS = {
    MONTHLY: list(range(1, 13)),
    QUARTERLY: [3, 6, 9, 12],
    HALF_YEARLY: [6],
    NINE_MONTHS: [9],
    YEARLY: [12],
}

# Fixed-date public holidays (Labour Code 2019, art. 112). Lunar ones (Tết,
# Giỗ Tổ) and the extra day at Quốc khánh move every year: add them as full
# dates "YYYY-MM-DD" in settings.THEODOI_PUBLIC_HOLIDAYS.
VN_FIXED_HOLIDAYS = ("01-01", "04-30", "05-01", "09-02")
ROMAN = ("I", "II", "III", "IV")


def is_leap(year: int) -> bool:
    return _cal.isleap(year)


def month_length(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def cutoff_date(year: int, month: int, cutoff_day: int) -> dt.date:
    """The cut-off day of a month, clamped to the month's end (31 → 28/29 in February)."""
    last = month_length(year, month)
    day = last if cutoff_day <= 0 else min(cutoff_day, last)
    return dt.date(year, month, day)


@dataclass(frozen=True)
class Period:
    frequency: str
    year: int
    number: int  # month (1-12), quarter (1-4), or 1 for 6-month / 9-month / yearly
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        if self.frequency == MONTHLY:
            return f"Tháng {self.number:02d}/{self.year}"
        if self.frequency == QUARTERLY:
            return f"Quý {ROMAN[self.number - 1]}/{self.year}"
        if self.frequency == HALF_YEARLY:
            return f"06 tháng đầu năm {self.year}"
        if self.frequency == NINE_MONTHS:
            return f"09 tháng năm {self.year}"
        return f"Năm {self.year}"


def period_for(frequency: str, year: int, number: int, *, cutoff_day: int = 14) -> Period:
    """The ``number``-th period of ``year`` at ``frequency``."""
    if frequency not in _END_MONTHS:
        raise ValueError(f"tần suất báo cáo không hợp lệ: {frequency}")
    ends = _END_MONTHS[frequency]
    if not 1 <= number <= len(ends):
        raise ValueError(f"kỳ {number} không có trong năm với tần suất {frequency}")
    end_month = ends[number - 1]
    end = cutoff_date(year, end_month, cutoff_day)
    if frequency == MONTHLY:
        months_back = 1
    elif frequency == QUARTERLY:
        months_back = 3
    else:
        months_back = end_month  # from the previous December's cut-off
    py, pm = add_months(year, end_month, -months_back)
    start = cutoff_date(py, pm, cutoff_day) + dt.timedelta(days=1)
    return Period(frequency=frequency, year=year, number=number, start=start, end=end)


def period_containing(frequency: str, day: dt.date, *, cutoff_day: int = 14) -> Period:
    """The period of ``frequency`` whose data window contains ``day``."""
    for year in (day.year, day.year + 1):
        for number in range(1, len(_END_MONTHS[frequency]) + 1):
            p = period_for(frequency, year, number, cutoff_day=cutoff_day)
            if p.start <= day <= p.end:
                return p
    raise AssertionError("unreachable: every day falls in a period")  # pragma: no cover


def periods_between(frequency: str, first: dt.date, last: dt.date, *,
                    cutoff_day: int = 14) -> list[Period]:
    """Periods of ``frequency`` that end on or after ``first`` and start on or before ``last``."""
    out: list[Period] = []
    for year in range(first.year, last.year + 2):
        for number in range(1, len(_END_MONTHS[frequency]) + 1):
            p = period_for(frequency, year, number, cutoff_day=cutoff_day)
            if p.end >= first and p.start <= last:
                out.append(p)
    return out


def holiday_set(entries: Iterable[str], years: Iterable[int]) -> set[dt.date]:
    """Expand "MM-DD" (every year) and "YYYY-MM-DD" entries into dates for ``years``."""
    days: set[dt.date] = set()
    years = list(years)
    for raw in entries:
        raw = raw.strip()
        if len(raw) == 5:
            month, day = int(raw[:2]), int(raw[3:])
            for y in years:
                if day <= month_length(y, month):
                    days.add(dt.date(y, month, day))
        elif raw:
            days.add(dt.date.fromisoformat(raw))
    return days


def is_working_day(day: dt.date, holidays: set[dt.date] | frozenset[dt.date] = frozenset()) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_working_days(day: dt.date, n: int, holidays: Iterable[str] = VN_FIXED_HOLIDAYS) -> dt.date:
    """The ``n``-th working day after ``day`` (Sat, Sun and ``holidays`` off); n=0 → ``day``."""
    off = holiday_set(holidays, range(day.year, day.year + 2))
    current = day
    while n > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current, off):
            n -= 1
    return current


def due_date(end: dt.date, working_days: int, holidays: Iterable[str] = VN_FIXED_HOLIDAYS) -> dt.date:
    """When a period's report is due: ``working_days`` working days after its cut-off."""
    return add_working_days(end, working_days, holidays)
