"""Read endpoints: tokens, plans with targets and tasks, tasks, targets, indicators, units, history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from theodoi.plans.models import Task


def test_token_from_username_and_password(api, users):
    response = api().post(reverse("api-token"), {"username": "thuongtruc", "password": "matkhau-thu-nghiem"},
                          format="json")
    assert response.status_code == 200
    token = response.json()["token"]
    me = api().get(reverse("api-me"), HTTP_AUTHORIZATION=f"Token {token}")
    assert me.status_code == 200 and me.json()["role"] == "standing"


def test_wrong_password_is_400_in_vietnamese(api, users):
    response = api().post(reverse("api-token"), {"username": "thuongtruc", "password": "sai"}, format="json")
    assert response.status_code == 400
    assert response.json()["detail"] == "Tên đăng nhập hoặc mật khẩu không đúng."


def test_no_token_is_401_json(api, seeded):
    response = api().get(reverse("api-plan-list"))
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert "Authorization" in response.json()["detail"] or "xác thực" in response.json()["detail"]
    bad = api().get(reverse("api-plan-list"), HTTP_AUTHORIZATION="Token khong-phai-ma")
    assert bad.status_code == 401


def test_revoked_token_no_longer_works(api, users):
    client = api(users["standing"])
    assert client.delete(reverse("api-token-revoke")).status_code == 204
    assert client.get(reverse("api-me")).status_code == 401


def test_plan_list_is_paginated_and_filtered(api, users, seeded, tree):
    client = api(users["standing"])
    data = client.get(reverse("api-plan-list"), {"page_size": 2}).json()
    assert data["count"] == 5 and data["pages"] == 3 and len(data["results"]) == 2
    assert data["next"] and data["previous"] is None
    found = client.get(reverse("api-plan-list"), {"q": "phu song 5g"}).json()["results"]
    assert {p["number"] for p in found} >= {"11-KH/TU", "29-KH/TU"}
    by_unit = client.get(reverse("api-plan-list"), {"unit": tree["binhlu"].pk}).json()["results"]
    assert seeded["002"].pk in {p["id"] for p in by_unit}
    dated = client.get(reverse("api-plan-list"), {"date_from": "2025-10-01", "date_to": "2025-12-31"}).json()
    assert all("2025-10-01" <= p["date"] <= "2025-12-31" for p in dated["results"])


def test_plan_detail_has_targets_tasks_and_unit_ids(api, users, seeded, tree):
    data = api(users["leader"]).get(reverse("api-plan-detail", args=[seeded["002"].pk])).json()
    assert data["n_tasks"] == len(data["tasks"]) == seeded["002"].tasks.count()
    task = next(t for t in data["tasks"] if t["code"] == "III.5")
    assert [a["unit_id"] for a in task["leads"]] == [tree["binhlu_kt"].pk]
    assert task["leads"][0]["role"] == "lead" and task["deadline"]["kind"]
    assert data["implements"] and "number" in data["implements"][0]
    plan3 = api(users["leader"]).get(reverse("api-plan-detail", args=[seeded["003"].pk])).json()
    assert any(t["value"] == 70 for t in plan3["targets"])


def test_task_list_filters(api, users, seeded, tree):
    client = api(users["standing"])
    plan = seeded["002"]
    by_plan = client.get(reverse("api-task-list"), {"plan": plan.pk, "page_size": 500}).json()
    assert by_plan["count"] == plan.tasks.count()
    by_unit = client.get(reverse("api-task-list"), {"unit": tree["binhlu_kt"].pk, "role": "lead"}).json()
    assert {t["code"] for t in by_unit["results"]} == {"III.5", "III.6"}
    ranged = client.get(reverse("api-task-list"), {"due_from": "2025-07-01", "due_to": "2025-12-31",
                                                   "page_size": 500}).json()
    expected = Task.objects.filter(due_date__range=("2025-07-01", "2025-12-31")).count()
    assert ranged["count"] == expected > 0
    assert all("2025-07-01" <= t["deadline"]["due"] <= "2025-12-31" for t in ranged["results"])


def test_task_detail_and_target_detail(api, users, seeded):
    client = api(users["standing"])
    task = seeded["002"].tasks.first()
    data = client.get(reverse("api-task-detail", args=[task.pk])).json()
    assert data["id"] == task.pk and data["assignments"]
    target = seeded["003"].targets.first()
    data = client.get(reverse("api-target-detail", args=[target.pk])).json()
    assert data["plan_id"] == seeded["003"].pk and data["indicator_id"] == target.indicator_id


def test_indicator_has_targets_across_plans(api, users, seeded):
    target = seeded["004"].targets.get(text__startswith="Tỷ lệ phủ sóng 5G")
    data = api(users["leader"]).get(reverse("api-indicator-detail", args=[target.indicator_id])).json()
    assert {t["plan_number"] for t in data["targets"]} >= {"11-KH/TU", "29-KH/TU"}
    listing = api(users["leader"]).get(reverse("api-indicator-list"), {"q": "5G"}).json()
    assert target.indicator_id in {i["id"] for i in listing["results"]}


def test_unit_tree_in_tree_order(api, users, tree):
    data = api(users["leader"]).get(reverse("api-unit-list"), {"page_size": 500}).json()
    ids = [u["id"] for u in data["results"]]
    assert ids[0] == tree["province"].pk
    binhlu = next(u for u in data["results"] if u["id"] == tree["binhlu_kt"].pk)
    assert binhlu["path_ids"] == [tree["province"].pk, tree["binhlu"].pk, tree["binhlu_kt"].pk]
    children = api(users["leader"]).get(reverse("api-unit-list"), {"parent": tree["binhlu"].pk}).json()
    assert {u["id"] for u in children["results"]} == {tree["binhlu_vhxh"].pk, tree["binhlu_kt"].pk}


def test_history_of_plan_and_unit(api, users, seeded, tree):
    client = api(users["standing"])
    events = client.get(reverse("api-plan-history", args=[seeded["002"].pk])).json()["results"]
    assert events and events[0]["action"] == "import"
    events = client.get(reverse("api-unit-history", args=[tree["binhlu"].pk])).json()["results"]
    assert events[0]["action"] == "create"
    own = api(users["binhlu_officer"]).get(reverse("api-unit-history", args=[tree["binhlu"].pk]))
    assert own.status_code == 200 and own.json()["count"] == 1


def test_openapi_document_and_docs_are_served_without_cdn(client, db):
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    doc = schema.json()
    assert doc["info"]["title"] == "theodoi API"
    assert "/api/plans/{id}/plan-json" in doc["paths"] and "/api/plans/import" in doc["paths"]
    docs = client.get("/api/docs/")
    html = docs.content.decode()
    assert docs.status_code == 200 and "/api/docs/assets/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert client.get("/api/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/api/docs/assets/..%2Fsettings.py").status_code == 404


@pytest.mark.parametrize("name", ["api-plan-list", "api-task-list", "api-target-list",
                                  "api-indicator-list", "api-unit-list"])
def test_lists_cost_a_fixed_number_of_queries(api, users, seeded, name, django_assert_max_num_queries):
    client = api(users["standing"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse(name), {"page_size": 500})
    assert response.status_code == 200
