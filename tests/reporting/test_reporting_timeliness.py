"""Expected reports by assignment; on time, late, missing; overdue tasks; reminders and urging."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from theodoi.notifications.models import Notification
from theodoi.reporting import selectors, services
from theodoi.reporting import status as st
from theodoi.reporting.models import PlanReportingSchedule, ReportingPeriod, UnitReport
from theodoi.reporting.scope import expected_unit_ids

pytestmark = pytest.mark.django_db


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def test_periods_open_by_themselves_and_are_idempotent(db, settings):
    settings.THEODOI_REPORTING_START = "2025-01-01"
    n = services.ensure_periods(today=dt.date(2025, 7, 20))
    assert services.ensure_periods(today=dt.date(2025, 7, 20)) == 0
    monthly = ReportingPeriod.objects.filter(frequency="monthly").order_by("end")
    # 01/2025 … 08/2025 (the period 15/07–14/08 has started on 20/07)
    assert [p.label for p in monthly][0] == "Tháng 01/2025" and monthly.last().label == "Tháng 08/2025"
    assert n == ReportingPeriod.objects.count()
    jan = monthly.first()
    assert (jan.start, jan.end, jan.due) == (dt.date(2024, 12, 15), dt.date(2025, 1, 14), dt.date(2025, 1, 17))
    assert jan.state(dt.date(2025, 1, 17)) == "open" and jan.state(dt.date(2025, 1, 18)) == "closed"
    assert ReportingPeriod.objects.filter(frequency="half_yearly").count() == 1  # 06 tháng đầu năm 2025


def test_expected_units_follow_lead_assignments_and_plan_schedule(seeded, tree, period):
    expected = set(expected_unit_ids(period))
    assert {tree["binhlu_vhxh"].pk, tree["binhlu_kt"].pk, tree["binhlu"].pk} <= expected
    assert tree["tanuyen"].pk not in expected  # no assignment
    # Bình Lư's plan reports quarterly only: its units drop out of the monthly expectations.
    plans = {seeded["002"].pk}
    PlanReportingSchedule.objects.bulk_create(
        [PlanReportingSchedule(plan_id=p, frequency="quarterly") for p in plans])
    assert tree["binhlu_vhxh"].pk not in set(expected_unit_ids(period))
    quarter = ReportingPeriod.objects.filter(frequency="quarterly").order_by("-end").first()
    assert tree["binhlu_vhxh"].pk in set(expected_unit_ids(quarter))


def test_timeliness_counts(users, tree, period):
    head = users["binhlu_head"]
    expected = set(expected_unit_ids(period))
    on_time = services.open_report(actor=head, period=period, unit=tree["binhlu_vhxh"])
    late = services.open_report(actor=head, period=period, unit=tree["binhlu_kt"])
    UnitReport.objects.filter(pk=on_time.pk).update(state="submitted", version=1,
                                                    first_sent_at=at(period.due, 23))
    UnitReport.objects.filter(pk=late.pk).update(state="accepted", version=1,
                                                 first_sent_at=at(period.due + dt.timedelta(days=1), 0))
    data = selectors.submission_status(period, today=period.due + dt.timedelta(days=2))
    c = data.counts
    assert (c.expected, c.on_time, c.late, c.missing, c.pending) == (len(expected), 1, 1, len(expected) - 2, 0)
    assert data.rows[0].timeliness == st.MISSING  # lagging units first
    by_unit = {r.unit.pk: r.timeliness for r in data.rows}
    assert by_unit[tree["binhlu_vhxh"].pk] == st.ON_TIME and by_unit[tree["binhlu_kt"].pk] == st.LATE
    # On the due day nothing is missing yet.
    early = selectors.submission_status(period, today=period.due)
    assert early.counts.missing == 0 and early.counts.pending == len(expected) - 2


def test_overdue_tasks_exclude_recurring_and_done(users, tree, period, vhxh_tasks):
    today = dt.date(2026, 1, 10)
    data = selectors.submission_status(period, today=today)
    row = next(r for r in data.rows if r.unit.pk == tree["binhlu_vhxh"].pk)
    overdue = {t.pk for t in row.overdue_tasks}
    dated = [t for t in vhxh_tasks if t.due_date and t.due_date < today]
    assert overdue == {t.pk for t in dated}
    assert all(not t.is_recurring for t in row.overdue_tasks)
    # Reported done → no longer overdue (done late or on time, not "chậm tiến độ").
    head = users["binhlu_head"]
    report = services.open_report(actor=head, period=period, unit=tree["binhlu_vhxh"])
    services.save_report(actor=head, report=report, targets={}, tasks={
        dated[0].pk: {"status": "done", "progress": 100, "completed_on": dated[0].due_date}})
    services.approve_and_send(actor=head, report=report)
    row = next(r for r in selectors.submission_status(period, today=today).rows
               if r.unit.pk == tree["binhlu_vhxh"].pk)
    assert dated[0].pk not in {t.pk for t in row.overdue_tasks}
    statuses = selectors.task_statuses(dated[:2], today=today)
    assert statuses[dated[0].pk] == st.DONE_ON_TIME
    assert statuses[dated[1].pk] == st.OVERDUE


def test_status_page_and_urging(client, users, tree, period, django_capture_on_commit_callbacks):
    users["binhlu_officer"].email = "cv@binhlu.gov.vn"
    users["binhlu_officer"].save()
    client.force_login(users["binhlu_officer"])
    assert client.get(reverse("report_status")).status_code == 403
    client.force_login(users["standing"])
    response = client.get(reverse("report_status"), {"ky": period.pk})
    html = response.content.decode()
    assert response.status_code == 200 and "Phòng Kinh tế" in html and "Đôn đốc" in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("report_urge"), {"unit": tree["binhlu_kt"].pk, "period": period.pk,
                                             "message": "Đề nghị gửi báo cáo trước 17h"})
    note = Notification.objects.get(user=users["binhlu_officer"], kind="urge")
    assert "Đề nghị gửi báo cáo" in note.body and "đôn đốc" in note.title
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["cv@binhlu.gov.vn"]
    client.force_login(users["leader"])  # leaders follow, but do not urge
    assert client.post(reverse("report_urge"), {"unit": tree["binhlu_kt"].pk}).status_code == 403


def test_remind_before_and_after_due_once_a_day(users, tree, period, django_capture_on_commit_callbacks,
                                                 settings):
    users["binhlu_head"].email = "ld@binhlu.gov.vn"
    users["binhlu_head"].save()
    settings.THEODOI_REMIND_BEFORE_DAYS = [3]
    settings.THEODOI_REMIND_AFTER_DAYS = [1]
    with django_capture_on_commit_callbacks(execute=True):
        result = services.remind(today=period.due - dt.timedelta(days=3))
    assert result.units >= 3 and result.notifications >= 2
    notes = Notification.objects.filter(user=users["binhlu_officer"], kind="remind")
    assert notes.count() == 3  # Bình Lư and its two offices, each one reminder
    assert "Còn 3 ngày" in notes.first().title
    assert any(m.to == ["ld@binhlu.gov.vn"] for m in mail.outbox)
    again = services.remind(today=period.due - dt.timedelta(days=3))
    assert again.notifications == 0  # once a day
    # After the due date, a unit that has sent is not reminded.
    head = users["binhlu_head"]
    report = services.open_report(actor=head, period=period, unit=tree["binhlu_kt"])
    services.save_report(actor=head, report=report, tasks={}, targets={}, nothing_to_report=True)
    services.approve_and_send(actor=head, report=report)
    services.remind(today=period.due + dt.timedelta(days=1))
    late = Notification.objects.filter(user=users["binhlu_officer"], kind="remind", title__contains="quá hạn")
    assert late.count() == 2 and not late.filter(title__contains="Phòng Kinh tế").exists()


def test_remind_command(users, period, capsys):
    from theodoi.cli import main

    assert main(["remind", "--date", (period.due - dt.timedelta(days=1)).isoformat()]) == 0
    assert "nhắc" in capsys.readouterr().out
