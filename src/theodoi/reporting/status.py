"""Computed statuses (never typed by anyone). Pure Python: callable without the database.

Classification follows the Government Office: a task with a deadline is not due
yet, in progress within the deadline, behind schedule (past the deadline, not
done), done on time, or done late. Ongoing and recurring tasks have no single
deadline: they are judged per period (reported or not) and never counted as
overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

# Task statuses: (code, Vietnamese label, badge class)
NOT_DUE = "not_due"
IN_PROGRESS = "in_progress"
OVERDUE = "overdue"
DONE_ON_TIME = "done_on_time"
DONE_LATE = "done_late"
DONE = "done"  # done, no deadline to compare with
REPORTED = "reported"  # recurring task reported for the period
NOT_REPORTED = "not_reported"  # recurring task not reported (yet) for the period

TASK_LABELS = {
    NOT_DUE: ("Chưa đến hạn", ""),
    IN_PROGRESS: ("Đang thực hiện (trong hạn)", "info"),
    OVERDUE: ("Chậm tiến độ", "bad"),
    DONE_ON_TIME: ("Hoàn thành đúng hạn", "ok"),
    DONE_LATE: ("Hoàn thành quá hạn", "warn"),
    DONE: ("Hoàn thành", "ok"),
    REPORTED: ("Thường xuyên: đã báo cáo kỳ này", "ok"),
    NOT_REPORTED: ("Thường xuyên: chưa báo cáo kỳ này", ""),
}

# Progress states a unit reports for a task (typed by the unit, unlike the above).
WORK_NOT_STARTED = "not_started"
WORK_ONGOING = "ongoing"
WORK_DONE = "done"
WORK_INFEASIBLE = "infeasible"


def task_status(*, due: dt.date | None, recurring: bool, today: dt.date,
                done_on: dt.date | None = None, started: bool = False,
                reported_this_period: bool = False) -> str:
    """Status of one task for one date.

    ``done_on`` is the completion date the lead unit(s) reported (None if not
    done); ``started`` whether work was reported as under way.
    """
    if recurring:
        return REPORTED if reported_this_period else NOT_REPORTED
    if done_on is not None:
        if due is None:
            return DONE
        return DONE_ON_TIME if done_on <= due else DONE_LATE
    if due is not None and today > due:
        return OVERDUE
    return IN_PROGRESS if started else NOT_DUE


def task_label(code: str) -> tuple[str, str]:
    return TASK_LABELS.get(code, (code, ""))


# Target statuses
REACHED = "reached"
NOT_REACHED = "not_reached"
NO_DATA = "no_data"
TARGET_LABELS = {
    REACHED: ("Đạt", "ok"),
    NOT_REACHED: ("Chưa đạt", "bad"),
    NO_DATA: ("Chưa có số liệu", ""),
}


def target_status(*, comparator: str, value: Decimal | None, value_max: Decimal | None,
                  reached: Decimal | None, qualitative_met: bool | None = None) -> str:
    """Đạt / Chưa đạt / Chưa có số liệu, from the target's comparator and the latest accepted value.

    A qualitative target ("Duy trì", "Có Trung tâm ...") is met when the unit
    says so (``qualitative_met``).
    """
    if comparator == "qualitative" or (value is None and comparator != "range"):
        if qualitative_met is None:
            return NO_DATA
        return REACHED if qualitative_met else NOT_REACHED
    if reached is None:
        return NO_DATA
    if comparator == ">=":
        ok = reached >= value
    elif comparator == "<=":
        ok = reached <= value
    elif comparator == "range":
        low = value if value is not None else reached
        high = value_max if value_max is not None else reached
        ok = low <= reached <= high
    elif comparator == "=":
        ok = reached == value
    else:  # no comparator printed: reading it as a floor is what the plans mean
        ok = reached >= value
    return REACHED if ok else NOT_REACHED


def rate(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    """A percentage from numerator and denominator, rounded to 2 places; None if undefined."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.01"))


# Report timeliness per unit and period
EXPECTED = "expected"
ON_TIME = "on_time"
LATE = "late"
MISSING = "missing"
TIMELINESS_LABELS = {
    EXPECTED: ("Chưa đến hạn gửi", ""),
    ON_TIME: ("Gửi đúng hạn", "ok"),
    LATE: ("Gửi muộn", "warn"),
    MISSING: ("Chưa gửi (quá hạn)", "bad"),
}


def timeliness(*, due: dt.date, sent_on: dt.date | None, today: dt.date) -> str:
    """Report expected (not yet due), sent on time, sent late, or missing (past due, unsent)."""
    if sent_on is not None:
        return ON_TIME if sent_on <= due else LATE
    return MISSING if today > due else EXPECTED


@dataclass
class Counts:
    expected: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    pending: int = 0  # not sent, not yet due

    @property
    def sent(self) -> int:
        return self.on_time + self.late


def count_timeliness(codes: list[str]) -> Counts:
    c = Counts(expected=len(codes))
    for code in codes:
        if code == ON_TIME:
            c.on_time += 1
        elif code == LATE:
            c.late += 1
        elif code == MISSING:
            c.missing += 1
        else:
            c.pending += 1
    return c
