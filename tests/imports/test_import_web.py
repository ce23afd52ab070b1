"""Web import: upload → review (editable) → confirm saves in one go; cancel saves nothing."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from seedfiles import gold
from theodoi.plans.models import Plan, PlanImportDraft, Task
from theodoi.units.models import Unit


def upload_json(client, data, name="ke-hoach.json"):
    payload = json.dumps(data, ensure_ascii=False).encode()
    return client.post(reverse("plan_import"), {"file": SimpleUploadedFile(name, payload)})


def review_post(response) -> dict:
    """The review form as the browser would submit it, from the page's own inputs."""
    form = response.context["form"]
    data = {f"h-{k}": v for k, v in form["header"].items()}
    data["t-count"] = str(len(form["targets"]))
    for i, t in enumerate(form["targets"]):
        for key in ("code", "group", "text", "unit", "comparator", "value", "value_max", "qualitative", "lead"):
            data[f"t-{i}-{key}"] = t[key]
    data["k-count"] = str(len(form["tasks"]))
    for i, t in enumerate(form["tasks"]):
        for key in ("code", "section_title", "text", "lead", "support", "output", "deadline"):
            data[f"k-{i}-{key}"] = t[key]
    return data


def test_upload_review_edit_confirm(login, users, tree):
    client = login(users["standing"])
    response = upload_json(client, gold("002"))
    assert response.status_code == 302
    draft = PlanImportDraft.objects.get()
    assert Plan.objects.count() == 0  # nothing saved before confirmation
    response = client.get(response["Location"])
    html = response.content.decode()
    assert "Kiểm tra trước khi lưu" in html
    # Unmatched agencies are highlighted with the closest units proposed.
    assert "chưa khớp đơn vị nào" in html and "Các cơ quan, đơn vị" in response.context["unmatched"]
    data = review_post(response)
    data["k-0-text"] = "Nội dung đã sửa khi kiểm tra"
    data["k-1-drop"] = "on"
    data["k-2-deadline"] = "Quý IV/2025"
    data["action"] = "confirm"
    response = client.post(reverse("plan_import_review", args=[draft.pk]), data)
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert plan.tasks.count() == 36
    assert plan.tasks.filter(text="Nội dung đã sửa khi kiểm tra").exists()
    edited = Task.objects.get(plan=plan, code="I.3")
    assert (edited.deadline_kind, str(edited.due_date)) == ("quarter", "2025-12-31")
    assert plan.source_file and plan.source_name == "ke-hoach.json"
    assert not PlanImportDraft.objects.exists()


def test_cancel_saves_nothing(login, users, tree):
    client = login(users["standing"])
    units_before = Unit.objects.count()
    response = upload_json(client, gold("002"))
    draft = PlanImportDraft.objects.get()
    response = client.post(reverse("plan_import_review", args=[draft.pk]), {"action": "cancel"})
    assert response.status_code == 302
    assert not PlanImportDraft.objects.exists() and not Plan.objects.exists()
    assert Unit.objects.count() == units_before  # no pending unit was created either


def test_confirming_a_duplicate_keeps_the_edits_and_says_so(login, users, tree):
    client = login(users["standing"])
    upload_json(client, gold("004"))
    draft = PlanImportDraft.objects.get()
    data = review_post(client.get(reverse("plan_import_review", args=[draft.pk])))
    data["action"] = "confirm"
    client.post(reverse("plan_import_review", args=[draft.pk]), data)
    upload_json(client, gold("004"))
    draft = PlanImportDraft.objects.get()
    response = client.get(reverse("plan_import_review", args=[draft.pk]))
    assert "đã có trong hệ thống" in response.content.decode()
    data = review_post(response)
    data["h-title"] = "Tiêu đề sửa tay"
    data["action"] = "confirm"
    response = client.post(reverse("plan_import_review", args=[draft.pk]), data)
    assert response.status_code == 409
    assert "Tiêu đề sửa tay" in response.content.decode()  # the edit is not lost
    data["update"] = "on"
    response = client.post(reverse("plan_import_review", args=[draft.pk]), data)
    assert response.status_code == 302
    assert Plan.objects.get().title == "Tiêu đề sửa tay"


@pytest.mark.parametrize("name, content, fragment", [
    ("hong.json", b"{ not json", "lỗi cú pháp"),
    ("trong.docx", b"", "trống"),
    ("virus.exe", b"MZ\x90\x00", "chỉ nhận DOCX, PDF, XLSX"),
    ("khong-tieu-de.json", json.dumps({"plan": {"kind": "KẾ HOẠCH"}}).encode(), "không có tiêu đề"),
])
def test_bad_uploads_get_a_vietnamese_message_and_nothing_is_saved(login, users, tree, name, content, fragment):
    client = login(users["standing"])
    response = client.post(reverse("plan_import"), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert fragment in response.content.decode()
    assert not PlanImportDraft.objects.exists() and not Plan.objects.exists()


def test_over_the_size_limit(login, users, tree, settings):
    settings.THEODOI_MAX_UPLOAD_BYTES = 1000
    client = login(users["standing"])
    response = client.post(reverse("plan_import"), {"file": SimpleUploadedFile("lon.txt", b"a" * 2000)})
    assert response.status_code == 400 and "vượt giới hạn" in response.content.decode()


@pytest.mark.parametrize("role", ["binhlu_officer", "leader", "inspector"])
def test_only_the_standing_agency_imports(login, users, tree, role):
    client = login(users[role])
    assert client.get(reverse("plan_import")).status_code == 403
    response = upload_json(client, gold("004"))
    assert response.status_code == 403 and not PlanImportDraft.objects.exists()


def test_a_draft_is_private_to_its_author(login, users, tree):
    from theodoi.accounts.models import Role, User

    client = login(users["standing"])
    upload_json(client, gold("004"))
    draft = PlanImportDraft.objects.get()
    other = User.objects.create_user("thuongtruc2", role=Role.STANDING, unit=tree["khcn"])
    client = login(other)
    assert client.get(reverse("plan_import_review", args=[draft.pk])).status_code == 404


def test_template_download(login, users, tree):
    client = login(users["standing"])
    response = client.get(reverse("plan_import_template"))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('mau-nhap-ke-hoach.xlsx"')
    assert response.content[:2] == b"PK"
