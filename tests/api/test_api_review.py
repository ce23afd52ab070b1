"""The standing agency's decision over the API (accept, return with a reason) and a report's
evidence files (list, upload, delete): same services, rules and messages as the web pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from theodoi.audit.models import AuditEvent
from theodoi.notifications.models import Notification
from theodoi.reporting import services
from theodoi.reporting.models import (
    Evidence,
    ReportingPeriod,
    ReportState,
    ReportVersion,
    UnitReport,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _draft(api, users, tree, period) -> int:
    response = api(users["binhlu_officer"]).post(
        reverse("api-report-list"), {"period": period.pk, "unit": tree["binhlu_kt"].pk}, format="json")
    assert response.status_code in (200, 201), response.json()  # 200: the draft was already open
    return response.json()["id"]


def _sent(api, users, tree, period, kt_tasks) -> int:
    """Phòng Kinh tế's report, filled by the officer and sent by the head (version 1)."""
    pk = _draft(api, users, tree, period)
    saved = api(users["binhlu_officer"]).patch(
        reverse("api-report-detail", args=[pk]),
        {"tasks": [{"task": kt_tasks[0].pk, "status": "ongoing", "progress": 40}]}, format="json")
    assert saved.status_code == 200, saved.json()
    assert api(users["binhlu_head"]).post(reverse("api-report-send", args=[pk])).status_code == 200
    return pk


def _accept(api, user, pk):
    return api(user).post(reverse("api-report-accept", args=[pk]))


def _return(api, user, pk, body=None):
    return api(user).post(reverse("api-report-return", args=[pk]),
                          {"reason": "Thiếu số liệu chỉ tiêu"} if body is None else body, format="json")


def _upload(api, user, pk, name="bien-ban.pdf", data=PDF, **fields):
    return api(user).post(reverse("api-report-evidence", args=[pk]),
                          {"file": SimpleUploadedFile(name, data), **fields}, format="multipart")


def _events(pk, action):
    return AuditEvent.objects.filter(object_type="reporting.unitreport", object_id=str(pk), action=action)


# ---------------------------------------------------------------- accept, return

def test_standing_accepts_a_sent_report(api, users, tree, period, kt_tasks):
    pk = _sent(api, users, tree, period, kt_tasks)
    response = _accept(api, users["standing"], pk)
    assert response.status_code == 200, response.json()
    assert response.json()["state"] == "accepted" and response.json()["id"] == pk
    report = UnitReport.objects.get(pk=pk)
    assert report.state == ReportState.ACCEPTED and report.accepted_at is not None
    assert ReportVersion.objects.get(report=report, number=1).decision == "accepted"
    event = _events(pk, "Tiếp nhận báo cáo").get()
    assert event.actor == users["standing"]
    assert Notification.objects.filter(user=users["binhlu_officer"], kind="report_accepted").exists()
    # Accepted is final: the unit cannot change it, and it cannot be accepted or returned again.
    locked = api(users["binhlu_head"]).patch(reverse("api-report-detail", args=[pk]), {"summary": "x"},
                                             format="json")
    assert locked.status_code == 403 and "tiếp nhận" in locked.json()["detail"]
    for again in (_accept(api, users["standing"], pk), _return(api, users["standing"], pk)):
        assert again.status_code == 409 and again.json()["code"] == "conflict"
        assert "Đã tiếp nhận" in again.json()["detail"]
    assert _events(pk, "Tiếp nhận báo cáo").count() == 1
    assert not _events(pk, "Trả lại báo cáo").exists()


def test_returned_report_is_corrected_and_sent_again(api, users, tree, period, kt_tasks):
    pk = _sent(api, users, tree, period, kt_tasks)
    response = _return(api, users["standing"], pk, {"reason": "  Thiếu số liệu chỉ tiêu  "})
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["state"] == "returned" and data["return_reason"] == "Thiếu số liệu chỉ tiêu"
    version = ReportVersion.objects.get(report_id=pk, number=1)
    assert (version.decision, version.decision_reason) == ("returned", "Thiếu số liệu chỉ tiêu")
    event = _events(pk, "Trả lại báo cáo").get()
    assert event.message == "Thiếu số liệu chỉ tiêu" and event.actor == users["standing"]
    note = Notification.objects.get(user=users["binhlu_officer"], kind="report_returned")
    assert "Thiếu số liệu chỉ tiêu" in note.body
    # Returned: the unit edits again and re-sends; the standing agency cannot accept it meanwhile.
    officer = api(users["binhlu_officer"])
    assert officer.get(reverse("api-report-detail", args=[pk])).json()["can_edit"] is True
    assert officer.patch(reverse("api-report-detail", args=[pk]), {"summary": "Đã bổ sung"},
                         format="json").status_code == 200
    assert _accept(api, users["standing"], pk).status_code == 409
    resent = api(users["binhlu_head"]).post(reverse("api-report-send", args=[pk]))
    assert resent.status_code == 200 and resent.json()["version"] == 2
    assert resent.json()["return_reason"] == ""
    assert _accept(api, users["standing"], pk).json()["state"] == "accepted"


@pytest.mark.parametrize(("body", "words"), [
    ({"reason": ""}, "Phải ghi lý do trả lại"),
    ({"reason": "   \n "}, "Phải ghi lý do trả lại"),
    ({}, "bắt buộc"),
    ({"reason": None}, "không được để trống"),
])
def test_return_without_a_reason_is_400_and_changes_nothing(api, users, tree, period, kt_tasks, body, words):
    pk = _sent(api, users, tree, period, kt_tasks)
    before = AuditEvent.objects.count()
    response = _return(api, users["standing"], pk, body)
    assert response.status_code == 400, response.json()
    assert words in response.json()["detail"]
    assert UnitReport.objects.get(pk=pk).state == ReportState.SUBMITTED
    assert ReportVersion.objects.get(report_id=pk, number=1).decision == ""
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize("role", ["binhlu_officer", "binhlu_head", "leader", "inspector", "admin"])
def test_only_the_standing_agency_decides(api, users, tree, period, kt_tasks, role):
    pk = _sent(api, users, tree, period, kt_tasks)
    accept = _accept(api, users[role], pk)
    assert accept.status_code == 403 and "cơ quan thường trực" in accept.json()["detail"]
    returned = _return(api, users[role], pk)
    assert returned.status_code == 403 and "cơ quan thường trực" in returned.json()["detail"]
    assert UnitReport.objects.get(pk=pk).state == ReportState.SUBMITTED
    assert not _events(pk, "Tiếp nhận báo cáo").exists() and not _events(pk, "Trả lại báo cáo").exists()


def test_reports_out_of_sight_are_404(api, users, tree, period, kt_tasks):
    draft = _draft(api, users, tree, period)
    # A draft belongs to its unit: the standing agency does not see it yet.
    assert _accept(api, users["standing"], draft).status_code == 404
    assert _return(api, users["standing"], draft).status_code == 404
    assert UnitReport.objects.get(pk=draft).state == ReportState.DRAFT
    pk = _sent(api, users, tree, period, kt_tasks)  # the same report, now sent
    assert pk == draft
    # Another commune's officer never sees Bình Lư's report (404, not 403).
    for response in (_accept(api, users["tanuyen_officer"], pk), _return(api, users["tanuyen_officer"], pk)):
        assert response.status_code == 404 and response.json()["code"] == "not_found"
    for missing in (987654, 2**63):
        assert _accept(api, users["standing"], missing).status_code == 404
    assert UnitReport.objects.get(pk=pk).state == ReportState.SUBMITTED


def test_pending_report_is_not_decided(api, users, tree, period, kt_tasks):
    """Sent once, returned, then put to the head again: visible, but not sent, so 409."""
    pk = _sent(api, users, tree, period, kt_tasks)
    assert _return(api, users["standing"], pk).status_code == 200
    assert api(users["binhlu_officer"]).post(reverse("api-report-submit", args=[pk])).status_code == 200
    for response in (_accept(api, users["standing"], pk), _return(api, users["standing"], pk)):
        assert response.status_code == 409 and "Chờ lãnh đạo duyệt" in response.json()["detail"]
    assert UnitReport.objects.get(pk=pk).state == ReportState.PENDING


# ---------------------------------------------------------------- evidence

def test_unit_uploads_lists_and_deletes_evidence(api, users, tree, period, kt_tasks, login,
                                                  django_capture_on_commit_callbacks):
    pk = _draft(api, users, tree, period)
    officer = users["binhlu_officer"]
    response = _upload(api, officer, pk, "Biên bản nghiệm thu.pdf", task=kt_tasks[0].pk)
    assert response.status_code == 201, response.json()
    data = response.json()
    ev = Evidence.objects.get()
    assert (data["id"], data["name"], data["kind"], data["size"]) == (ev.pk, "Biên bản nghiệm thu.pdf", "pdf",
                                                                      len(PDF))
    assert data["task_id"] == kt_tasks[0].pk == ev.task_id and data["task_code"] == kt_tasks[0].full_code
    assert data["uploaded_by"] == officer.full_name and ev.uploaded_by == officer
    assert ev.file.read() == PDF
    event = _events(pk, "Cập nhật báo cáo").get()
    assert event.changes["minh chứng thêm"] == [None, ["Biên bản nghiệm thu.pdf"]]
    # A second file for the whole report; the list shows both, oldest first.
    assert _upload(api, users["binhlu_head"], pk, "ke-hoach.pdf").json()["task_id"] is None
    listing = api(officer).get(reverse("api-report-evidence", args=[pk])).json()
    assert listing["count"] == 2
    assert [e["name"] for e in listing["results"]] == ["Biên bản nghiệm thu.pdf", "ke-hoach.pdf"]
    url = listing["results"][0]["download_url"]
    assert url.endswith(reverse("api-report-evidence-detail", args=[pk, ev.pk])) and url.startswith("http")
    by_token = api(officer).get(url)
    assert by_token.status_code == 200 and by_token["Content-Type"] == "application/pdf"
    assert b"".join(by_token.streaming_content) == PDF
    assert api(users["tanuyen_officer"]).get(url).status_code == 404  # another commune
    # The same report's detail lists the file under its task.
    detail = api(officer).get(reverse("api-report-detail", args=[pk])).json()
    task_row = next(t for t in detail["tasks"] if t["task_id"] == kt_tasks[0].pk)
    assert [e["id"] for e in task_row["evidence"]] == [ev.pk]
    download = login(officer).get(reverse("evidence_download", args=[pk, ev.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    # Deleting removes the row, then the stored file, and is audited.
    stored = ev.file.name
    with django_capture_on_commit_callbacks(execute=True):
        deleted = api(officer).delete(reverse("api-report-evidence-detail", args=[pk, ev.pk]))
    assert deleted.status_code == 204
    assert not Evidence.objects.filter(pk=ev.pk).exists()
    assert not Evidence.file.field.storage.exists(stored)
    assert _events(pk, "Xóa minh chứng").get().changes == {"minh chứng": ["Biên bản nghiệm thu.pdf", None]}
    assert api(officer).delete(reverse("api-report-evidence-detail", args=[pk, ev.pk])).status_code == 404


def _nothing_stored(tmp_path) -> bool:
    return not Evidence.objects.exists() and not [p for p in tmp_path.rglob("*") if p.is_file()]


@pytest.mark.parametrize(("name", "data", "words"), [
    ("bao-cao.pdf", b"MZ\x90\x00 not a pdf", "không phải loại được nhận"),
    ("bang.xlsx", b"PK\x03\x04 not a zip", "không phải loại được nhận"),
    ("rong.pdf", b"", "rỗng"),
])
def test_evidence_type_is_checked_by_content(api, users, tree, period, tmp_path, name, data, words):
    pk = _draft(api, users, tree, period)
    before = AuditEvent.objects.count()
    response = _upload(api, users["binhlu_officer"], pk, name, data)
    assert response.status_code == 400, response.json()
    assert words in response.json()["detail"] and name in response.json()["detail"]
    assert _nothing_stored(tmp_path) and AuditEvent.objects.count() == before


def test_evidence_is_stored_under_its_detected_kind_whatever_its_name(api, users, tree, period):
    """A valid file with a long or misleading extension is kept; the name shown is the uploaded one."""
    pk = _draft(api, users, tree, period)
    name = "bien-ban." + "x" * 120
    response = _upload(api, users["binhlu_officer"], pk, name)
    assert response.status_code == 201, response.json()
    evidence = Evidence.objects.get(report_id=pk)
    assert evidence.file.name.endswith(".pdf") and evidence.original_name == name


def test_evidence_size_is_limited(api, users, tree, period, tmp_path, settings, docx_bytes):
    pk = _draft(api, users, tree, period)
    settings.THEODOI_MAX_UPLOAD_BYTES = len(docx_bytes) - 1
    before = AuditEvent.objects.count()
    response = _upload(api, users["binhlu_officer"], pk, "lon.docx", docx_bytes)
    assert response.status_code == 400 and "vượt giới hạn" in response.json()["detail"]
    assert _nothing_stored(tmp_path) and AuditEvent.objects.count() == before
    settings.THEODOI_MAX_UPLOAD_BYTES = len(docx_bytes)  # exactly the limit is accepted
    response = _upload(api, users["binhlu_officer"], pk, "vua.docx", docx_bytes)
    assert response.status_code == 201 and response.json()["kind"] == "docx"


def test_evidence_upload_needs_a_file_of_this_report(api, users, tree, period, seeded, tmp_path):
    pk = _draft(api, users, tree, period)
    officer = users["binhlu_officer"]
    foreign = seeded["002"].tasks.exclude(code__in=["III.5", "III.6"]).first()  # not Phòng Kinh tế's
    response = _upload(api, officer, pk, task=foreign.pk)
    assert response.status_code == 400 and "không thuộc đơn vị" in response.json()["detail"]
    url = reverse("api-report-evidence", args=[pk])
    missing = api(officer).post(url, {"task": ""}, format="multipart")
    assert missing.status_code == 400 and "file" in missing.json()["errors"]
    assert "tệp" in missing.json()["detail"]
    not_a_file = api(officer).post(url, {"file": "chuỗi"}, format="multipart")
    assert not_a_file.status_code == 400 and not_a_file.json()["detail"].startswith("file:")
    as_json = api(officer).post(url, {"file": "x"}, format="json")
    assert as_json.status_code == 415 and "multipart/form-data" in as_json.json()["detail"]
    assert _nothing_stored(tmp_path)


def test_evidence_is_changed_only_by_its_unit_while_editable(api, users, tree, period, kt_tasks, tmp_path):
    pk = _draft(api, users, tree, period)
    ev_id = _upload(api, users["binhlu_officer"], pk).json()["id"]
    delete_url = reverse("api-report-evidence-detail", args=[pk, ev_id])
    # Another unit, and the province before the report is sent: the report does not exist for them.
    for user in (users["tanuyen_officer"], users["standing"]):
        assert api(user).get(reverse("api-report-evidence", args=[pk])).status_code == 404
        assert _upload(api, user, pk).status_code == 404
        assert api(user).delete(delete_url).status_code == 404
    # Pending: the officer may no longer change it, the head may.
    assert api(users["binhlu_officer"]).post(reverse("api-report-submit", args=[pk])).status_code == 200
    refused = _upload(api, users["binhlu_officer"], pk)
    assert refused.status_code == 403 and "chờ lãnh đạo" in refused.json()["detail"]
    assert api(users["binhlu_officer"]).delete(delete_url).status_code == 403
    assert _upload(api, users["binhlu_head"], pk, "cua-lanh-dao.pdf").status_code == 201
    # Sent: the standing agency reads the list but changes nothing; the unit is locked out too.
    assert api(users["binhlu_head"]).patch(reverse("api-report-detail", args=[pk]), {"tasks": [
        {"task": kt_tasks[0].pk, "progress": 10}]}, format="json").status_code == 200
    assert api(users["binhlu_head"]).post(reverse("api-report-send", args=[pk])).status_code == 200
    listing = api(users["standing"]).get(reverse("api-report-evidence", args=[pk]))
    assert listing.status_code == 200 and listing.json()["count"] == 2
    standing = _upload(api, users["standing"], pk)
    assert standing.status_code == 403 and "của đơn vị" in standing.json()["detail"]
    assert api(users["standing"]).delete(delete_url).status_code == 403
    head = api(users["binhlu_head"]).delete(delete_url)
    assert head.status_code == 403 and "đã gửi" in head.json()["detail"]
    assert Evidence.objects.filter(report_id=pk).count() == 2
    assert not _events(pk, "Xóa minh chứng").exists()
    # An evidence id of another report is not found through this one.
    other = services.open_report(actor=users["binhlu_officer"], period=period, unit=tree["binhlu_vhxh"])
    assert api(users["binhlu_officer"]).delete(
        reverse("api-report-evidence-detail", args=[other.pk, ev_id])).status_code == 404
    assert api(users["binhlu_officer"]).delete(
        reverse("api-report-evidence-detail", args=[other.pk, 2**63])).status_code == 404


def test_evidence_of_a_closed_period_is_not_changed(api, users, tree, period, kt_tasks, tmp_path):
    today = timezone.localdate()
    old = ReportingPeriod.objects.filter(frequency="monthly", due__lt=today - dt.timedelta(days=90)).first()
    report = services.open_report(actor=users["binhlu_officer"], period=old, unit=tree["binhlu_kt"])
    response = _upload(api, users["binhlu_officer"], report.pk)
    assert response.status_code == 400 and "đã đóng" in response.json()["detail"]
    assert _nothing_stored(tmp_path)


def test_openapi_documents_review_and_evidence(api):
    doc = api().get(reverse("api-schema")).json()
    paths = doc["paths"]
    assert set(paths["/api/reports/{id}/accept"]["post"]["responses"]) >= {"200", "403", "404", "409"}
    returned = paths["/api/reports/{id}/return"]["post"]
    assert "409" in returned["responses"]
    body = returned["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert doc["components"]["schemas"][body]["required"] == ["reason"]
    upload = paths["/api/reports/{id}/evidence/"]["post"]
    assert list(upload["requestBody"]["content"]) == ["multipart/form-data"]
    assert set(upload["responses"]) >= {"201", "400", "403", "404"}
    assert "get" in paths["/api/reports/{id}/evidence/"]
    one = paths["/api/reports/{id}/evidence/{evidence_id}"]
    assert set(one) == {"get", "delete"}
    assert {"application/pdf", "image/jpeg"} <= set(one["get"]["responses"]["200"]["content"])


def test_a_returned_report_of_a_closed_period_can_be_corrected_and_resent(api, users, tree, period,
                                                                         kt_tasks):
    """Returning a report after its period closed still lets the unit correct and resend it."""
    today = timezone.localdate()
    old = ReportingPeriod.objects.filter(frequency="monthly", due__lt=today - dt.timedelta(days=90)).first()
    head = users["binhlu_head"]
    report = services.open_report(actor=head, period=old, unit=tree["binhlu_kt"])
    services.save_report(actor=head, report=report, targets={},
                         tasks={kt_tasks[0].pk: {"status": "ongoing", "progress": 20, "is_lead": True}})
    services.approve_and_send(actor=head, report=report)
    assert _return(api, users["standing"], report.pk).status_code == 200
    url = reverse("api-report-detail", args=[report.pk])
    patched = api(users["binhlu_officer"]).patch(
        url, {"tasks": [{"task": kt_tasks[0].pk, "status": "ongoing", "progress": 50}]}, format="json")
    assert patched.status_code == 200, patched.json()
    assert _upload(api, users["binhlu_officer"], report.pk).status_code == 201
    sent = api(head).post(reverse("api-report-send", args=[report.pk]))
    assert sent.status_code == 200 and sent.json()["version"] == 2
    # Once sent again, the closed period refuses further changes.
    assert _upload(api, users["binhlu_officer"], report.pk).status_code in (400, 403)
