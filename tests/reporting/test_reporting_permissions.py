"""Another unit gets 403 or 404 on every report, evidence and history URL; drafts stay private."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from theodoi.reporting import services
from theodoi.reporting.models import ReportState

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_report(users, tree, period, vhxh_tasks, pdf_bytes):
    """Bình Lư's office report, with evidence, sent once and returned (so it has history, a version)."""
    head = users["binhlu_head"]
    report = services.open_report(actor=head, period=period, unit=tree["binhlu_vhxh"])
    services.save_report(actor=head, report=report,
                         tasks={vhxh_tasks[0].pk: {"status": "ongoing", "progress": 30}}, targets={},
                         uploads=[services.Upload(name="qd.pdf", data=pdf_bytes, task_id=vhxh_tasks[0].pk)])
    services.approve_and_send(actor=head, report=report)
    services.return_report(actor=users["standing"], report=report, reason="Bổ sung minh chứng")
    report.refresh_from_db()
    return report


def urls(report, task):
    ev = report.evidence.get()
    return {
        "get": [
            reverse("report_detail", args=[report.pk]),
            reverse("report_versions", args=[report.pk]),
            reverse("report_version", args=[report.pk, 1]),
            reverse("report_history", args=[report.pk]),
            reverse("evidence_download", args=[report.pk, ev.pk]),
            reverse("report_open", args=[report.period_id, report.unit_id]),
            reverse("task_history", args=[task.pk]),
        ],
        "post": [
            reverse("report_detail", args=[report.pk]),
            reverse("report_accept", args=[report.pk]),
            reverse("report_return", args=[report.pk]),
            reverse("evidence_delete", args=[report.pk, ev.pk]),
        ],
    }


@pytest.mark.parametrize("who", ["tanuyen_officer", "congthuong_officer"])
def test_other_unit_gets_403_or_404_everywhere(client, users, sent_report, vhxh_tasks, who):
    client.force_login(users[who])
    all_urls = urls(sent_report, vhxh_tasks[0])
    for url in all_urls["get"]:
        assert client.get(url).status_code in (403, 404), url
    for url in all_urls["post"]:
        response = client.post(url, {"reason": "x", "action": "send"})
        assert response.status_code in (403, 404), url
    sent_report.refresh_from_db()
    assert sent_report.state == ReportState.RETURNED and sent_report.evidence.count() == 1


def test_other_unit_cannot_open_a_report_for_a_unit_it_does_not_belong_to(client, users, tree, period):
    client.force_login(users["tanuyen_officer"])
    response = client.get(reverse("report_open", args=[period.pk, tree["binhlu_vhxh"].pk]))
    assert response.status_code == 404


def test_unit_history_hides_other_units_events(client, users, sent_report, vhxh_tasks, tree):
    # Tân Uyên cannot see Bình Lư's task (404); Bình Lư sees its own report events on the task.
    client.force_login(users["binhlu_officer"])
    html = client.get(reverse("task_history", args=[vhxh_tasks[0].pk])).content.decode()
    assert "Báo cáo tiến độ" in html


def test_drafts_are_private_to_the_unit(client, users, tree, period):
    draft = services.open_report(actor=users["binhlu_officer"], period=period, unit=tree["binhlu_kt"])
    for who in ("standing", "leader", "inspector", "tanuyen_officer"):
        client.force_login(users[who])
        assert client.get(reverse("report_detail", args=[draft.pk])).status_code == 404, who
        assert client.get(reverse("report_history", args=[draft.pk])).status_code == 404, who


def test_only_standing_agency_decides(client, users, tree, period, vhxh_tasks):
    head = users["binhlu_head"]
    report = services.open_report(actor=head, period=period, unit=tree["binhlu_vhxh"])
    services.save_report(actor=head, report=report, tasks={vhxh_tasks[0].pk: {"status": "ongoing"}},
                         targets={})
    services.approve_and_send(actor=head, report=report)
    for who in ("leader", "inspector", "admin", "binhlu_head"):
        client.force_login(users[who])
        assert client.post(reverse("report_accept", args=[report.pk])).status_code in (403, 404), who
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED
    # The leader reads it once sent, without decision buttons.
    client.force_login(users["leader"])
    html = client.get(reverse("report_detail", args=[report.pk])).content.decode()
    assert "Tiếp nhận báo cáo" not in html and "Duyệt và gửi" not in html


def test_uploads_cannot_target_another_units_task(users, tree, period, pdf_bytes, seeded):
    from theodoi.plans.models import Task

    head = users["binhlu_head"]
    report = services.open_report(actor=head, period=period, unit=tree["binhlu_kt"])
    foreign = Task.objects.exclude(assignments__unit=tree["binhlu_kt"]).first()
    with pytest.raises(services.ReportError):
        services.save_report(actor=head, report=report, tasks={foreign.pk: {"status": "done"}},
                             targets={}, allowed_task_ids=set(), allowed_target_ids=set())
    assert SimpleUploadedFile  # imported for parity with the view tests
