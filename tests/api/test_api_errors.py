"""Bad input answers 4xx with a Vietnamese message, and nothing changes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from seedfiles import gold
from theodoi.audit.models import AuditEvent
from theodoi.plans.models import Plan, Task
from theodoi.units.models import Unit


@pytest.fixture
def counts():
    def _counts():
        return (Plan.objects.count(), Task.objects.count(), Unit.objects.count(), AuditEvent.objects.count())
    return _counts


def test_malformed_json_is_400_and_changes_nothing(api, users, seeded, counts):
    before = counts()
    response = api(users["standing"]).post(reverse("api-plan-import"), data='{"plan": {"title": "x",',
                                           content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "parse_error" and body["detail"].startswith("Nội dung gửi lên không phải JSON")
    assert counts() == before


def test_wrong_content_type_is_415(api, users, seeded):
    response = api(users["standing"]).post(reverse("api-plan-import"), data="plan", content_type="text/plain")
    assert response.status_code == 415 and "application/json" in response.json()["detail"]


@pytest.mark.parametrize(("body", "words"), [
    ([1, 2, 3], "thiếu mục “plan”"),
    ({"plan": "không phải đối tượng"}, "plan phải là một đối tượng"),
    ({"plan": {"title": ""}}, "không có tiêu đề"),
    ({"plan": {"title": "KH"}, "targets": "abc"}, "“targets” phải là danh sách"),
    ({"plan": {"title": "KH"}, "targets": [{"text": "A", "value": "nhiều"}]}, "phải là số"),
    ({"plan": {"title": "KH"}, "tasks": [{"text": "A", "deadline": {"kind": "sometime"}}]}, "không hợp lệ"),
    ({"plan": {"title": "KH", "date": "31/12/2025"}}, "không phải ngày hợp lệ"),
    ({"plan": {"title": "KH", "kind": "K" * 81}}, "dài quá 80 ký tự"),
    ({"plan": {"title": "KH"}, "targets": [{"text": "A", "value": 1e30}]}, "quá lớn"),
    ({"plan": {"title": "KH"}, "tasks": [{"text": "A", "lead": ["x" * 301]}]}, "dài quá 300"),
    ({"plan": {"title": "KH\x00"}}, "NUL"),
])
def test_wrong_types_are_400_with_the_place(api, users, seeded, counts, body, words):
    before = counts()
    response = api(users["standing"]).post(reverse("api-plan-import"), body, format="json")
    assert response.status_code == 400, response.json()
    assert words in response.json()["detail"]
    assert counts() == before


def test_duplicate_plan_is_409_and_changes_nothing(api, users, seeded, counts):
    before = counts()
    response = api(users["standing"]).post(reverse("api-plan-import"), gold("004"), format="json")
    assert response.status_code == 409
    assert "đã có trong hệ thống" in response.json()["detail"]
    assert counts() == before


@pytest.mark.parametrize("name", ["api-plan-detail", "api-plan-json", "api-plan-history", "api-task-detail",
                                  "api-task-history", "api-target-detail", "api-indicator-detail",
                                  "api-unit-detail", "api-unit-history"])
def test_unknown_ids_are_404_in_vietnamese(api, users, seeded, name):
    response = api(users["admin"]).get(reverse(name, args=[987654]))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert response.json()["detail"].startswith("Không tìm thấy")


@pytest.mark.parametrize(("name", "params", "field"), [
    ("api-task-list", {"due_from": "hôm qua"}, "due_from"),
    ("api-task-list", {"plan": "abc"}, "plan"),
    ("api-task-list", {"role": "boss"}, "role"),
    ("api-plan-list", {"date_from": "2025-12-31", "date_to": "2025-01-01"}, "non_field_errors"),
    ("api-target-list", {"year_from": "99999"}, "year_from"),
    ("api-unit-list", {"kind": "galaxy"}, "kind"),
])
def test_bad_filters_are_400(api, users, seeded, name, params, field):
    response = api(users["standing"]).get(reverse(name), params)
    assert response.status_code == 400
    body = response.json()
    assert field in body["errors"] and not body["detail"].isascii()


def test_page_out_of_range_is_404_json(api, users, seeded):
    response = api(users["standing"]).get(reverse("api-plan-list"), {"page": 99})
    assert response.status_code == 404 and response.json()["detail"] == "Trang không hợp lệ."


def test_method_not_allowed_is_json(api, users, seeded):
    response = api(users["standing"]).delete(reverse("api-plan-detail", args=[seeded["002"].pk]))
    assert response.status_code == 405 and not response.json()["detail"].isascii()
