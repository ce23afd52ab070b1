"""Computed statuses: tasks, targets, report timeliness (no database)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as Dec

from theodoi.reporting import status as st

D = dt.date
TODAY = D(2025, 10, 1)


def ts(**kw):
    kw.setdefault("recurring", False)
    kw.setdefault("today", TODAY)
    return st.task_status(**kw)


def test_task_status_with_a_deadline():
    assert ts(due=D(2025, 12, 31)) == st.NOT_DUE
    assert ts(due=D(2025, 12, 31), started=True) == st.IN_PROGRESS
    assert ts(due=D(2025, 9, 30)) == st.OVERDUE
    assert ts(due=D(2025, 9, 30), started=True) == st.OVERDUE
    assert ts(due=D(2025, 9, 30), done_on=D(2025, 9, 30)) == st.DONE_ON_TIME
    assert ts(due=D(2025, 9, 30), done_on=D(2025, 10, 1)) == st.DONE_LATE
    assert ts(due=TODAY) == st.NOT_DUE  # the due day itself is not late yet
    assert ts(due=None) == st.NOT_DUE
    assert ts(due=None, done_on=D(2025, 1, 1)) == st.DONE


def test_recurring_tasks_are_judged_per_period_never_overdue():
    assert ts(due=D(2020, 1, 1), recurring=True) == st.NOT_REPORTED
    assert ts(due=None, recurring=True, reported_this_period=True) == st.REPORTED
    assert st.task_label(st.OVERDUE) == ("Chậm tiến độ", "bad")


def test_target_status_from_comparator():
    def t(comp, value, reached, value_max=None, q=None):
        return st.target_status(comparator=comp, value=value and Dec(value),
                                value_max=value_max and Dec(value_max),
                                reached=reached if reached is None else Dec(reached),
                                qualitative_met=q)
    assert t(">=", "45", "45") == st.REACHED
    assert t(">=", "45", "44.9") == st.NOT_REACHED
    assert t("<=", "5", "4") == st.REACHED
    assert t("<=", "5", "6") == st.NOT_REACHED
    assert t("range", "3", "4", "5") == st.REACHED
    assert t("range", "3", "6", "5") == st.NOT_REACHED
    assert t("=", "100", "100") == st.REACHED
    assert t(">=", "45", None) == st.NO_DATA
    assert t("qualitative", None, None) == st.NO_DATA
    assert t("qualitative", None, None, q=True) == st.REACHED
    assert t("qualitative", None, None, q=False) == st.NOT_REACHED


def test_rate():
    assert st.rate(Dec(45), Dec(60)) == Dec("75.00")
    assert st.rate(Dec(1), Dec(3)) == Dec("33.33")
    assert st.rate(Dec(1), Dec(0)) is None


def test_timeliness_and_counts():
    due = D(2025, 3, 19)
    assert st.timeliness(due=due, sent_on=D(2025, 3, 19), today=TODAY) == st.ON_TIME
    assert st.timeliness(due=due, sent_on=D(2025, 3, 20), today=TODAY) == st.LATE
    assert st.timeliness(due=due, sent_on=None, today=D(2025, 3, 20)) == st.MISSING
    assert st.timeliness(due=due, sent_on=None, today=D(2025, 3, 19)) == st.EXPECTED
    c = st.count_timeliness([st.ON_TIME, st.ON_TIME, st.LATE, st.MISSING, st.EXPECTED])
    assert (c.expected, c.on_time, c.late, c.missing, c.pending, c.sent) == (5, 2, 1, 1, 1, 3)
