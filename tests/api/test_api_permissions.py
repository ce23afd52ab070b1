"""Every API object, read as another unit: 404 (never its data); writes need the right role."""

from __future__ import annotations

import pytest
from django.urls import reverse

from seedfiles import gold
from theodoi.plans.models import Plan


def _objects(seeded, tree):
    """One object of each kind that only Bình Lư (and province-wide roles) may read."""
    plan = seeded["002"]  # Bình Lư's commune plan: Tân Uyên takes no part
    task = plan.tasks.first()
    target = plan.targets.first() or seeded["003"].targets.first()
    indicator_id = seeded["003"].targets.first().indicator_id
    return {
        "api-plan-detail": plan.pk, "api-plan-json": plan.pk, "api-plan-history": plan.pk,
        "api-task-detail": task.pk, "api-task-history": task.pk,
        "api-target-detail": target.pk, "api-indicator-detail": indicator_id,
        "api-unit-detail": tree["binhlu"].pk, "api-unit-history": tree["binhlu"].pk,
    }


@pytest.mark.parametrize("name", ["api-plan-detail", "api-plan-json", "api-plan-history", "api-task-detail",
                                  "api-task-history", "api-target-detail", "api-indicator-detail",
                                  "api-unit-detail", "api-unit-history"])
def test_another_unit_gets_404_on_every_object(api, users, seeded, tree, name):
    pk = _objects(seeded, tree)[name]
    assert api(users["leader"]).get(reverse(name, args=[pk])).status_code == 200
    response = api(users["tanuyen_officer"]).get(reverse(name, args=[pk]))
    assert response.status_code == 404
    assert response.json()["detail"].startswith("Không tìm thấy")


def test_lists_never_show_another_units_rows(api, users, seeded, tree):
    client = api(users["tanuyen_officer"])
    plans = client.get(reverse("api-plan-list"), {"page_size": 500}).json()["results"]
    assert seeded["002"].pk not in {p["id"] for p in plans}
    tasks = client.get(reverse("api-task-list"), {"plan": seeded["002"].pk}).json()
    assert tasks["count"] == 0
    tasks = client.get(reverse("api-task-list"), {"unit": tree["binhlu"].pk}).json()
    assert tasks["count"] == 0
    units = client.get(reverse("api-unit-list"), {"page_size": 500}).json()["results"]
    assert {u["id"] for u in units} == {tree["tanuyen"].pk, tree["tanuyen_vhxh"].pk}
    indicators = client.get(reverse("api-indicator-list")).json()
    assert indicators["count"] == 0


def test_own_unit_sees_its_own(api, users, seeded, tree):
    client = api(users["binhlu_officer"])
    assert client.get(reverse("api-plan-detail", args=[seeded["002"].pk])).status_code == 200
    assert client.get(reverse("api-plan-detail", args=[seeded["003"].pk])).status_code == 404
    tasks = client.get(reverse("api-task-list"), {"page_size": 500}).json()
    assert tasks["count"] == 37  # as the home page ("việc của tôi") counts them


@pytest.mark.parametrize("role", ["binhlu_officer", "binhlu_head", "leader", "inspector"])
def test_only_standing_and_admin_import(api, users, tree, role):
    response = api(users[role]).post(reverse("api-plan-import"), gold("003"), format="json")
    assert response.status_code == 403
    assert "thường trực" in response.json()["detail"]
    assert not Plan.objects.exists()


@pytest.mark.parametrize("role", ["standing", "admin"])
def test_standing_and_admin_may_import(api, users, tree, role):
    response = api(users[role]).post(reverse("api-plan-import"), gold("003"), format="json")
    assert response.status_code == 201


def test_session_login_works_and_needs_csrf_for_writes(users, seeded):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(users["standing"])
    assert client.get(reverse("api-plan-list")).status_code == 200
    response = client.post(reverse("api-plan-import"), gold("003"), format="json")
    assert response.status_code == 403  # a page elsewhere cannot post with the user's cookie
