"""Reporting over the API: periods, a unit's draft filled and sent, statuses, the national export."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from theodoi.audit.models import AuditEvent
from theodoi.reporting.models import ReportingPeriod, ReportState, TaskReport, UnitReport


def _open(api, user, period, unit):
    return api(user).post(reverse("api-report-list"), {"period": period.pk, "unit": unit.pk}, format="json")


def test_periods_are_listed_with_their_state(api, users, period):
    data = api(users["binhlu_officer"]).get(reverse("api-period-list"), {"frequency": "monthly"}).json()
    found = next(p for p in data["results"] if p["id"] == period.pk)
    assert found["label"] == period.label and found["accepts_reports"] is True
    detail = api(users["binhlu_officer"]).get(reverse("api-period-detail", args=[period.pk])).json()
    assert detail["due"] == period.due.isoformat()


def test_draft_filled_submitted_and_sent(api, users, tree, period, kt_tasks):
    officer, head = users["binhlu_officer"], users["binhlu_head"]
    created = _open(api, officer, period, tree["binhlu_kt"])
    assert created.status_code == 201, created.json()
    report = created.json()
    assert report["state"] == "draft" and {t["task_id"] for t in report["tasks"]} == {t.pk for t in kt_tasks}
    assert _open(api, officer, period, tree["binhlu_kt"]).status_code == 200  # the same draft again
    url = reverse("api-report-detail", args=[report["id"]])
    task = kt_tasks[0]
    saved = api(officer).patch(url, {"summary": "Tháng này ổn.", "tasks": [{
        "task": task.pk, "status": "ongoing", "progress": 40, "done_text": "Đã khảo sát",
        "difficulties": "Thiếu kinh phí", "doc_numbers": "Số: 7/BC-UBND",
        "links": "https://binhlu.gov.vn/bc7"}]}, format="json")
    assert saved.status_code == 200, saved.json()
    item = TaskReport.objects.get(report_id=report["id"], task=task)
    assert (item.status, item.progress, item.difficulties) == ("ongoing", 40, "Thiếu kinh phí")
    # PATCH keeps what is not sent.
    api(officer).patch(url, {"tasks": [{"task": task.pk, "progress": 50}]}, format="json")
    item.refresh_from_db()
    assert (item.progress, item.difficulties) == (50, "Thiếu kinh phí")
    # The officer puts it to the head; the head sends it.
    assert api(officer).post(reverse("api-report-send", args=[report["id"]])).status_code == 403
    submitted = api(officer).post(reverse("api-report-submit", args=[report["id"]]))
    assert submitted.status_code == 200 and submitted.json()["state"] == "pending"
    sent = api(head).post(reverse("api-report-send", args=[report["id"]]))
    assert sent.status_code == 200 and sent.json()["state"] == "submitted" and sent.json()["version"] == 1
    # Sent: the unit can no longer change it, and the standing agency reads it.
    locked = api(officer).patch(url, {"summary": "sửa"}, format="json")
    assert locked.status_code == 403 and "đã gửi" in locked.json()["detail"]
    listing = api(users["standing"]).get(reverse("api-report-list"), {"period": period.pk}).json()
    assert report["id"] in {r["id"] for r in listing["results"]}
    history = api(users["standing"]).get(reverse("api-report-history", args=[report["id"]])).json()
    assert {"Duyệt và gửi báo cáo", "Cập nhật báo cáo"} <= {e["action"] for e in history["results"]}


@pytest.mark.parametrize(("item", "words"), [
    ({"progress": 150}, "100"),
    ({"status": "infeasible"}, "Ghi lý do"),
    ({"status": "done"}, "ngày hoàn thành"),
    ({"links": "ftp://x"}, "http"),
    ({"status": "finished"}, "không phải giá trị hợp lệ"),
])
def test_bad_items_are_400_and_change_nothing(api, users, tree, period, kt_tasks, item, words):
    officer = users["binhlu_officer"]
    report = _open(api, officer, period, tree["binhlu_kt"]).json()
    before = AuditEvent.objects.count()
    response = api(officer).patch(reverse("api-report-detail", args=[report["id"]]),
                                  {"tasks": [{"task": kt_tasks[0].pk, **item}]}, format="json")
    assert response.status_code == 400, response.json()
    assert words in str(response.json())
    assert not TaskReport.objects.filter(report_id=report["id"]).exists()
    assert AuditEvent.objects.count() == before


def test_another_units_task_or_report_is_refused(api, users, tree, period, kt_tasks, seeded):
    officer = users["binhlu_officer"]
    report = _open(api, officer, period, tree["binhlu_kt"]).json()
    foreign = seeded["002"].tasks.exclude(code__in=["III.5", "III.6"]).first()  # not Phòng Kinh tế's
    response = api(officer).patch(reverse("api-report-detail", args=[report["id"]]),
                                  {"tasks": [{"task": foreign.pk, "progress": 10}]}, format="json")
    assert response.status_code == 400 and "không thuộc phân công" in response.json()["detail"]
    # A draft for another unit: refused, nothing created.
    response = _open(api, users["tanuyen_officer"], period, tree["binhlu_kt"])
    assert response.status_code == 403 and "đơn vị" in response.json()["detail"]
    response = _open(api, users["standing"], period, tree["binhlu_kt"])
    assert response.status_code == 403
    assert UnitReport.objects.count() == 1
    # Another unit cannot read the draft; province-wide roles cannot read it before it is sent.
    for user in (users["tanuyen_officer"], users["standing"]):
        assert api(user).get(reverse("api-report-detail", args=[report["id"]])).status_code == 404
    # Unknown period or unit: 404.
    assert api(officer).post(reverse("api-report-list"), {"period": 987654, "unit": tree["binhlu_kt"].pk},
                             format="json").status_code == 404


def test_closed_and_upcoming_periods_take_no_report(api, users, tree, period, kt_tasks):
    officer = users["binhlu_officer"]
    today = timezone.localdate()
    old = ReportingPeriod.objects.filter(frequency="monthly", due__lt=today - dt.timedelta(days=90)).first()
    response = _open(api, officer, old, tree["binhlu_kt"])
    assert response.status_code == 400 and "đã đóng" in response.json()["detail"]
    future = ReportingPeriod.objects.create(frequency="monthly", year=today.year + 1, number=12,
                                            start=today + dt.timedelta(days=300),
                                            end=today + dt.timedelta(days=330),
                                            due=today + dt.timedelta(days=335), label="Tháng tương lai")
    response = _open(api, officer, future, tree["binhlu_kt"])
    assert response.status_code == 400 and "chưa bắt đầu" in response.json()["detail"]
    assert not UnitReport.objects.exists()


def test_malformed_report_body_is_400(api, users, tree, period, kt_tasks):
    officer = users["binhlu_officer"]
    report = _open(api, officer, period, tree["binhlu_kt"]).json()
    url = reverse("api-report-detail", args=[report["id"]])
    assert api(officer).patch(url, "{tasks: [", content_type="application/json").status_code == 400
    wrong = api(officer).patch(url, {"tasks": "tất cả"}, format="json")
    assert wrong.status_code == 400 and "tasks" in wrong.json()["errors"]


def _send(api, users, tree, period, task, **values):
    officer, head = users["binhlu_officer"], users["binhlu_head"]
    report = _open(api, officer, period, tree["binhlu_kt"]).json()
    api(officer).patch(reverse("api-report-detail", args=[report["id"]]),
                       {"tasks": [{"task": task.pk, **values}]}, format="json")
    assert api(head).post(reverse("api-report-send", args=[report["id"]])).status_code == 200
    return report


def test_task_statuses_are_computed(api, users, tree, period, kt_tasks):
    today = timezone.localdate()
    task = kt_tasks[0]
    _send(api, users, tree, period, task, status="done", completed_on=today.isoformat(),
          done_text="Xong")
    data = api(users["standing"]).get(reverse("api-task-detail", args=[task.pk])).json()
    assert data["status"] in {"done_on_time", "done_late", "done"} and data["status_label"]
    done = api(users["standing"]).get(reverse("api-task-list"),
                                      {"status": data["status"], "page_size": 500}).json()
    assert task.pk in {t["id"] for t in done["results"]}
    assert all(t["status"] == data["status"] for t in done["results"])
    units = api(users["standing"]).get(reverse("api-period-units", args=[period.pk]), {"page_size": 500}).json()
    row = next(r for r in units["results"] if r["unit_id"] == tree["binhlu_kt"].pk)
    assert row["timeliness"] in {"on_time", "late"} and row["report_state"] == "submitted"


def test_national_export_xlsx_and_csv(api, users, tree, period, kt_tasks, seeded):
    task = kt_tasks[0]
    _send(api, users, tree, period, task, status="ongoing", progress=30, difficulties="Thiếu kinh phí",
          proposals="Bổ sung vốn", doc_numbers="Số: 7/BC-UBND", done_text="Đã khảo sát")
    client = api(users["standing"])
    url = reverse("api-national-export")
    response = client.get(url, {"period": period.pk, "plans": f"{seeded['002'].pk}", "output": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    row = next(r for r in rows if r["Mã theodoi"] == f"NV-{task.pk}")
    assert row["Đơn vị chủ trì"] == "Phòng Kinh tế" and row["Khó khăn, vướng mắc"] == "Thiếu kinh phí"
    assert row["Tiến độ (%)"] == "30" and "7/BC-UBND" in row["Minh chứng"]
    assert row["Đề xuất, kiến nghị"] == "Bổ sung vốn" and row["Tình trạng"]
    assert {r["Kế hoạch"] for r in rows} == {seeded["002"].number or seeded["002"].label}
    other = next(r for r in rows if r["Mã theodoi"] == f"NV-{kt_tasks[1].pk}")
    assert other["Báo cáo của đơn vị"].startswith("Đã gửi")  # same unit, item left empty
    xlsx = client.get(url, {"period": period.pk, "plans": f"{seeded['002'].pk},{seeded['003'].pk}"})
    assert xlsx.status_code == 200 and xlsx["Content-Disposition"].endswith('.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    headers = [c.value for c in sheet[5]]
    assert headers[:4] == ["STT", "Mã theodoi", "Kế hoạch", "Loại"]
    kinds = {sheet.cell(row=r, column=4).value for r in range(6, sheet.max_row + 1)}
    assert kinds == {"Chỉ tiêu", "Nhiệm vụ"}


def test_national_export_permissions_and_bad_input(api, users, period, seeded, login):
    url = reverse("api-national-export")
    assert api(users["binhlu_head"]).get(url, {"period": period.pk}).status_code == 403
    client = api(users["standing"])
    assert client.get(url).status_code == 400
    assert client.get(url, {"period": period.pk, "plans": "1,abc"}).status_code == 400
    assert client.get(url, {"period": period.pk, "plans": "987654"}).status_code == 404
    assert client.get(url, {"period": 987654}).status_code == 404
    page = login(users["standing"]).get(reverse("national_export_page"))
    assert page.status_code == 200 and "Tải tệp số liệu" in page.content.decode()
    assert login(users["binhlu_officer"]).get(reverse("national_export_page")).status_code == 403


def test_sent_report_state_constant_used():
    assert ReportState.SUBMITTED == "submitted"
