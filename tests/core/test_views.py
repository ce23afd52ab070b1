"""Screens and their permissions, through the web views."""

from __future__ import annotations

import pytest
from django.urls import reverse

from theodoi.plans.models import Task


def test_login_required(client, seeded):
    response = client.get(reverse("plan_list"))
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_login_page_is_vietnamese(client, db):
    response = client.get(reverse("login"))
    assert "Tên đăng nhập" in response.content.decode()


def test_plan_list_search_ignores_diacritics(login, users, seeded):
    client = login(users["standing"])
    response = client.get(reverse("plan_list"), {"q": "phu song 5g"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "11-KH/TU" in html and "29-KH/TU" in html
    response = client.get(reverse("plan_list"), {"q": "khong co tu nay zzz"})
    assert "Không có kế hoạch nào" in response.content.decode()


def test_plan_list_htmx_returns_rows_only(login, users, seeded):
    client = login(users["standing"])
    response = client.get(reverse("plan_list"), {"q": "11-KH"}, HTTP_HX_REQUEST="true")
    assert "<html" not in response.content.decode()
    assert "HX-Request" in response["Vary"]


def test_plan_page_groups_targets_and_sections(login, users, seeded):
    client = login(users["leader"])
    response = client.get(reverse("plan_detail", args=[seeded["003"].pk]))
    html = response.content.decode()
    assert "PHÁT TRIỂN HẠ TẦNG" in html and "DỮ LIỆU SỐ" in html
    assert "≥ 70 %" in html
    response = client.get(reverse("plan_detail", args=[seeded["002"].pk]))
    html = response.content.decode()
    assert "Hoàn thiện thể chế, chính sách" in html
    assert "Phòng Văn hóa – Xã hội" in html and "Nhiệm vụ thường xuyên" in html


def test_plan_page_filters_by_unit_and_deadline(login, users, seeded, tree):
    client = login(users["standing"])
    url = reverse("plan_detail", args=[seeded["002"].pk])
    response = client.get(url, {"don_vi": tree["binhlu_kt"].pk})
    assert response.context["n_tasks"] == 2  # III.5 and III.6 are led by Phòng Kinh tế
    response = client.get(url, {"han": "recurring"})
    assert response.context["n_tasks"] == Task.objects.filter(plan=seeded["002"], deadline_kind="recurring").count()


def test_unit_page_and_home_show_my_tasks(login, users, seeded, tree):
    client = login(users["binhlu_officer"])
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert len(response.context["tasks"]) == 37
    response = client.get(reverse("unit_detail", args=[tree["binhlu_kt"].pk]))
    assert len(response.context["tasks"]) == 2


def test_indicator_page_shows_targets_across_plans(login, users, seeded):
    client = login(users["leader"])
    target = seeded["004"].targets.get(text__startswith="Tỷ lệ phủ sóng 5G")
    response = client.get(reverse("indicator_detail", args=[target.indicator_id]))
    html = response.content.decode()
    assert "11-KH/TU" in html and "29-KH/TU" in html


def test_cascade_view(login, users, seeded):
    client = login(users["standing"])
    response = client.get(reverse("plan_cascade", args=[seeded["004"].pk]))
    html = response.content.decode()
    assert "07-TB/CQTTBCĐ" in html and "chưa có trong hệ thống" in html


@pytest.mark.parametrize("name", ["plan_detail", "plan_cascade", "plan_history", "plan_source"])
def test_another_units_plan_answers_404(login, users, seeded, name):
    # Tân Uyên takes no part in Bình Lư's plan.
    client = login(users["tanuyen_officer"])
    response = client.get(reverse(name, args=[seeded["002"].pk]))
    assert response.status_code == 404


def test_another_units_task_and_unit_answer_404(login, users, seeded, tree):
    client = login(users["tanuyen_officer"])
    task = seeded["002"].tasks.first()
    assert client.get(reverse("task_detail", args=[task.pk])).status_code == 404
    assert client.get(reverse("unit_detail", args=[tree["binhlu"].pk])).status_code == 404
    indicator_id = seeded["003"].targets.first().indicator_id
    assert client.get(reverse("indicator_detail", args=[indicator_id])).status_code == 404
    # ...while its own commune is visible, and the plan list hides Bình Lư's plan.
    assert client.get(reverse("unit_detail", args=[tree["tanuyen"].pk])).status_code == 200
    html = client.get(reverse("plan_list")).content.decode()
    assert "UBND xã Bình Lư" not in html


def test_unit_user_sees_plans_where_it_takes_part(login, users, seeded):
    client = login(users["binhlu_officer"])
    response = client.get(reverse("plan_detail", args=[seeded["002"].pk]))
    assert response.status_code == 200
    assert client.get(reverse("plan_detail", args=[seeded["003"].pk])).status_code == 404


@pytest.mark.parametrize("role", ["leader", "inspector", "standing", "binhlu_officer"])
def test_only_admin_manages_units(login, users, seeded, role, tree):
    client = login(users[role])
    assert client.get(reverse("pending_units")).status_code == 403
    response = client.post(reverse("unit_merge", args=[tree["binhlu_kt"].pk]), {"target": tree["binhlu"].pk})
    assert response.status_code == 403
    assert client.get("/quan-tri/").status_code == 302  # not staff: sent to admin login


def test_admin_merges_pending_unit_through_the_page(login, users, seeded, tree):
    from theodoi.units.models import Unit

    client = login(users["admin"])
    pending = Unit.objects.get(name="Các cơ quan, đơn vị")
    html = client.get(reverse("pending_units")).content.decode()
    assert "Các cơ quan, đơn vị" in html
    response = client.post(reverse("unit_merge", args=[pending.pk]), {"target": tree["binhlu"].pk, "reason": "gộp"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.successor == tree["binhlu"]


def test_merge_form_error_is_vietnamese(login, users, tree):
    client = login(users["admin"])
    response = client.post(reverse("unit_merge", args=[tree["binhlu"].pk]), {"target": ""})
    assert "Hãy chọn đơn vị nhận." in response.content.decode()


def test_audit_trail_cannot_be_edited_in_admin(login, users, seeded):
    from theodoi.audit.models import AuditEvent

    client = login(users["admin"])
    event = AuditEvent.objects.first()
    assert client.get(reverse("admin:audit_auditevent_changelist")).status_code == 200
    response = client.post(reverse("admin:audit_auditevent_delete", args=[event.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()
