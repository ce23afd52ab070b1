"""The whole cycle through the web views: draft → submit → send → return → send again → accept."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from theodoi.audit.models import AuditEvent
from theodoi.notifications.models import Notification
from theodoi.reporting.models import Evidence, ReportState, ReportVersion, TaskReport, UnitReport

pytestmark = pytest.mark.django_db


def open_report(client, period, unit) -> UnitReport:
    response = client.get(reverse("report_open", args=[period.pk, unit.pk]))
    assert response.status_code == 302
    return UnitReport.objects.get(period=period, unit=unit)


def test_full_cycle(client, users, tree, period, vhxh_tasks, pdf_bytes):
    task = vhxh_tasks[0]
    unit = tree["binhlu_vhxh"]
    # The officer finds the period's report laid out with the unit's tasks.
    client.force_login(users["binhlu_officer"])
    home = client.get(reverse("report_home"))
    assert period.label in home.content.decode()
    report = open_report(client, period, unit)
    url = reverse("report_detail", args=[report.pk])
    page = client.get(url)
    assert page.status_code == 200 and task.text[:40] in page.content.decode()
    # Fill one task with an evidence file and put it to the head.
    p = f"t{task.pk}"
    response = client.post(url, {
        f"{p}-status": "ongoing", f"{p}-progress": "60", f"{p}-done_text": "Đã ban hành kế hoạch",
        f"{p}-doc_numbers": "Số: 12/KH-UBND", f"{p}-links": "https://binhlu.gov.vn/kh12",
        f"{p}-files": SimpleUploadedFile("ke-hoach-12.pdf", pdf_bytes, "application/pdf"),
        "action": "submit",
    })
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.PENDING
    item = TaskReport.objects.get(report=report, task=task)
    assert (item.status, item.progress, item.doc_numbers) == ("ongoing", 60, "Số: 12/KH-UBND")
    ev = Evidence.objects.get(report=report)
    assert ev.kind == "pdf" and ev.task_id == task.pk
    # The officer cannot send; the head approves and sends.
    response = client.post(url, {f"{p}-status": "ongoing", "action": "send"})
    assert response.status_code == 403
    client.force_login(users["binhlu_head"])
    response = client.post(url, {
        f"{p}-status": "ongoing", f"{p}-progress": "60", f"{p}-done_text": "Đã ban hành kế hoạch",
        f"{p}-doc_numbers": "Số: 12/KH-UBND", f"{p}-links": "https://binhlu.gov.vn/kh12",
        "action": "send"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.state, report.version) == (ReportState.SUBMITTED, 1)
    assert report.first_sent_at is not None
    # A sent report can no longer be edited by the unit.
    assert client.post(url, {f"{p}-progress": "10", "action": "save"}).status_code == 403
    assert "Duyệt và gửi" not in client.get(url).content.decode()
    # Only the standing agency decides; a return needs a reason.
    assert client.post(reverse("report_accept", args=[report.pk])).status_code == 403
    client.force_login(users["standing"])
    assert "Tiếp nhận báo cáo" in client.get(url).content.decode()
    client.post(reverse("report_return", args=[report.pk]), {"reason": "  "})
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED
    client.post(reverse("report_return", args=[report.pk]),
                {"reason": "Thiếu số liệu tiến độ nhiệm vụ I.7"})
    report.refresh_from_db()
    assert report.state == ReportState.RETURNED
    # The unit sees the reason at once: on the page and in its notifications.
    client.force_login(users["binhlu_officer"])
    assert "Thiếu số liệu tiến độ nhiệm vụ I.7" in client.get(url).content.decode()
    note = Notification.objects.get(user=users["binhlu_officer"], kind="report_returned")
    assert "Thiếu số liệu" in note.body
    assert client.get(reverse("home")).context["nav_unread"] >= 1
    # Correct and send again.
    client.post(url, {f"{p}-status": "done", f"{p}-progress": "100", f"{p}-completed_on": "2025-07-01",
                      f"{p}-done_text": "Hoàn thành", "action": "submit"})
    client.force_login(users["binhlu_head"])
    client.post(url, {f"{p}-status": "done", f"{p}-progress": "100",
                      f"{p}-completed_on": "01/07/2025", f"{p}-done_text": "Hoàn thành",
                      "action": "send"})
    report.refresh_from_db()
    assert (report.state, report.version) == (ReportState.SUBMITTED, 2)
    # Accept: locked for everyone.
    client.force_login(users["standing"])
    assert client.post(reverse("report_accept", args=[report.pk])).status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED
    client.post(reverse("report_return", args=[report.pk]), {"reason": "muộn"})
    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED
    client.force_login(users["binhlu_head"])
    assert client.post(url, {f"{p}-progress": "1", "action": "save"}).status_code == 403
    assert TaskReport.objects.get(report=report, task=task).progress == 100
    # Every version is kept and viewable.
    versions = list(ReportVersion.objects.filter(report=report).order_by("number"))
    assert [(v.number, v.decision) for v in versions] == [(1, "returned"), (2, "accepted")]
    assert versions[0].snapshot["tasks"][0]["progress"] == 60
    assert versions[1].snapshot["tasks"][0]["status"] == "done"
    page = client.get(reverse("report_version", args=[report.pk, 1])).content.decode()
    assert "Thiếu số liệu tiến độ" in page and "ke-hoach-12.pdf" in page
    assert client.get(reverse("report_versions", args=[report.pk])).status_code == 200
    # History: who, when, old → new.
    history = client.get(reverse("report_history", args=[report.pk])).content.decode()
    for action in ("Tạo báo cáo", "Cập nhật báo cáo", "Trình lãnh đạo duyệt", "Duyệt và gửi báo cáo",
                   "Trả lại báo cáo", "Tiếp nhận báo cáo"):
        assert action in history
    assert "60 → 100" in history.replace("&gt;", ">").replace("→", "→")
    assert AuditEvent.objects.filter(object_type="plans.task", object_id=str(task.pk)).exists()
    task_history = client.get(reverse("task_history", args=[task.pk])).content.decode()
    assert "Báo cáo tiến độ" in task_history
    # The computed status shows on the plan page task table.
    plan_page = client.get(reverse("plan_detail", args=[task.plan_id])).content.decode()
    assert "Hoàn thành" in plan_page


def test_failed_save_keeps_what_was_typed(client, users, tree, period, vhxh_tasks):
    client.force_login(users["binhlu_officer"])
    report = open_report(client, period, tree["binhlu_vhxh"])
    task = vhxh_tasks[0]
    p = f"t{task.pk}"
    response = client.post(reverse("report_detail", args=[report.pk]), {
        f"{p}-progress": "150", f"{p}-done_text": "Nội dung dài đã gõ",
        f"{p}-status": "infeasible", f"{p}-links": "binhlu.gov.vn", "action": "save"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Nội dung dài đã gõ" in html and 'value="150"' in html
    assert "Tiến độ từ 0 đến 100%" in html
    assert "Ghi lý do khi nhiệm vụ không thực hiện được" in html
    assert "phải bắt đầu bằng http" in html
    assert not TaskReport.objects.filter(report=report).exists()


def test_evidence_type_is_checked_by_content(client, users, tree, period, vhxh_tasks, docx_bytes,
                                             settings):
    client.force_login(users["binhlu_officer"])
    report = open_report(client, period, tree["binhlu_vhxh"])
    url = reverse("report_detail", args=[report.pk])
    p = f"t{vhxh_tasks[0].pk}"
    fake = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(url, {f"{p}-done_text": "Giữ lại", f"{p}-files": fake, "action": "save"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "không phải loại được nhận" in html and "Giữ lại" in html
    assert not Evidence.objects.exists()
    response = client.post(url, {"files": SimpleUploadedFile("bien-ban.docx", docx_bytes)})
    assert response.status_code == 302
    ev = Evidence.objects.get()
    assert ev.kind == "docx" and ev.task_id is None
    download = client.get(reverse("evidence_download", args=[report.pk, ev.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == docx_bytes
    assert "attachment" in download["Content-Disposition"]
    settings.THEODOI_MAX_UPLOAD_BYTES = 10
    response = client.post(url, {"files": SimpleUploadedFile("lon.docx", docx_bytes)})
    assert response.status_code == 400 and "vượt giới hạn" in response.content.decode()
    # Deleting evidence is allowed while the draft is editable, and audited.
    client.post(reverse("evidence_delete", args=[report.pk, ev.pk]))
    assert not Evidence.objects.exists()
    assert AuditEvent.objects.filter(action="Xóa minh chứng").exists()


def test_nothing_to_report_and_previous_answers(client, users, tree, period, vhxh_tasks):
    from theodoi.reporting.models import ReportingPeriod

    unit = tree["binhlu_vhxh"]
    earlier = ReportingPeriod.objects.filter(frequency="monthly", end__lt=period.start).order_by("-end").first()
    client.force_login(users["binhlu_head"])
    old = open_report(client, earlier, unit)
    p = f"t{vhxh_tasks[1].pk}"
    client.post(reverse("report_detail", args=[old.pk]), {
        f"{p}-status": "ongoing", f"{p}-progress": "40", f"{p}-difficulties": "Thiếu kinh phí",
        "action": "send"})
    assert UnitReport.objects.get(pk=old.pk).state == ReportState.SUBMITTED
    # This period's form starts from last period's answers.
    report = open_report(client, period, unit)
    html = client.get(reverse("report_detail", args=[report.pk])).content.decode()
    assert "Thiếu kinh phí" in html and 'value="40"' in html and "Kỳ trước" in html
    # An empty report cannot be sent; "không phát sinh" can.
    empty = open_report(client, period, tree["binhlu_kt"])
    response = client.post(reverse("report_detail", args=[empty.pk]), {"action": "send"})
    assert response.status_code == 400 and "chưa có nội dung" in response.content.decode()
    client.post(reverse("report_detail", args=[empty.pk]), {"r-nothing_to_report": "on", "action": "send"})
    empty.refresh_from_db()
    assert empty.state == ReportState.SUBMITTED and empty.nothing_to_report


def test_targets_rate_and_partner_contribution(client, users, tree, period):
    from theodoi.plans.models import Assignment, AssignmentRole, Target, Task
    from theodoi.reporting.models import TargetReport

    client.force_login(users["binhlu_officer"])
    report = open_report(client, period, tree["binhlu"])
    target = Target.objects.filter(assignments__unit=tree["binhlu"]).order_by("position").first()
    c = f"c{target.pk}"
    response = client.post(reverse("report_detail", args=[report.pk]), {
        f"{c}-numerator": "45", f"{c}-denominator": "60", f"{c}-value": "",
        f"{c}-source": "Phòng Văn hóa – Xã hội", f"{c}-as_of": "14/10/2026",
        f"{c}-qualitative_met": "unknown", "action": "save"})
    if response.status_code == 400:  # a qualitative target: fill the yes/no instead
        client.post(reverse("report_detail", args=[report.pk]), {
            f"{c}-qualitative_met": "true", f"{c}-source": "x", "action": "save"})
        assert TargetReport.objects.get(report=report).qualitative_met is True
    else:
        item = TargetReport.objects.get(report=report, target=target)
        assert item.numerator == 45 and item.denominator == 60
    # A partner adds its contribution to a task it partners on.
    task = Task.objects.filter(assignments__unit=tree["binhlu_vhxh"]).first()
    Assignment.objects.create(task=task, unit=tree["binhlu_kt"], role=AssignmentRole.PARTNER)
    kt = open_report(client, period, tree["binhlu_kt"])
    html = client.get(reverse("report_detail", args=[kt.pk])).content.decode()
    assert "Nhiệm vụ đơn vị phối hợp" in html
    client.post(reverse("report_detail", args=[kt.pk]), {
        f"t{task.pk}-done_text": "Phối hợp rà soát hạ tầng", "action": "save"})
    item = TaskReport.objects.get(report=kt, task=task)
    assert not item.is_lead and item.done_text == "Phối hợp rà soát hạ tầng"


def test_plan_schedule(client, users, seeded):
    plan = seeded["002"]
    url = reverse("plan_schedule", args=[plan.pk])
    client.force_login(users["binhlu_officer"])
    assert client.post(url, {"frequency": ["quarterly"]}).status_code == 403
    client.force_login(users["standing"])
    client.post(url, {"frequency": ["quarterly", "yearly", "bogus"]})
    from theodoi.reporting.models import PlanReportingSchedule
    assert set(PlanReportingSchedule.objects.filter(plan=plan).values_list("frequency", flat=True)) == {
        "quarterly", "yearly"}
    assert AuditEvent.objects.filter(action="Đặt kỳ báo cáo", object_id=str(plan.pk)).exists()
