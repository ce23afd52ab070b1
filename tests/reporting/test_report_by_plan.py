"""A unit with many tasks fills its report plan by plan; saving one plan leaves the others intact."""

from __future__ import annotations

import pytest
from django.urls import reverse

from theodoi.reporting import services, views
from theodoi.reporting.models import TaskReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_plan_tasks(tree, vhxh_tasks):
    """The office's first seed task, and a task of a second plan it also leads."""
    from theodoi.plans.models import Assignment, Plan, Task

    other = Plan.objects.create(number="99/KH-UBND", title="Kế hoạch chuyển đổi số của xã năm 2026",
                                content_hash="test-by-plan")
    task = Task.objects.create(plan=other, position=1, code="1", text="Số hóa hồ sơ hộ tịch của xã")
    Assignment.objects.create(task=task, unit=tree["binhlu_vhxh"], role="lead")
    assert vhxh_tasks[0].plan_id != other.pk
    return [vhxh_tasks[0], task]


def test_big_form_opens_on_the_first_plan_with_a_plan_menu(client, users, tree, period, vhxh_tasks,
                                                          two_plan_tasks, monkeypatch):
    monkeypatch.setattr(views, "SPLIT_FORM_OVER", 1)
    first, second = two_plan_tasks
    report = services.open_report(actor=users["binhlu_head"], period=period, unit=tree["binhlu_vhxh"])
    client.force_login(users["binhlu_officer"])
    url = reverse("report_detail", args=[report.pk])
    html = client.get(url).content.decode()
    assert f'id="nv-{first.pk}"' in html and f'id="nv-{second.pk}"' not in html
    assert f"?ke-hoach={second.plan_id}" in html and "?ke-hoach=tat-ca" in html
    html = client.get(url, {"ke-hoach": second.plan_id}).content.decode()
    assert f'id="nv-{second.pk}"' in html and f'id="nv-{first.pk}"' not in html
    html = client.get(url, {"ke-hoach": "tat-ca"}).content.decode()
    assert f'id="nv-{first.pk}"' in html and f'id="nv-{second.pk}"' in html


def test_saving_one_plan_keeps_the_other_plans_answers(client, users, tree, period, two_plan_tasks,
                                                       monkeypatch):
    monkeypatch.setattr(views, "SPLIT_FORM_OVER", 1)
    first, second = two_plan_tasks
    head = users["binhlu_head"]
    report = services.open_report(actor=head, period=period, unit=tree["binhlu_vhxh"])
    services.save_report(actor=head, report=report, targets={},
                         tasks={first.pk: {"status": "ongoing", "progress": 30, "is_lead": True}})
    client.force_login(users["binhlu_officer"])
    url = reverse("report_detail", args=[report.pk])
    p = f"t{second.pk}"
    response = client.post(f"{url}?ke-hoach={second.plan_id}",
                           {f"{p}-status": "ongoing", f"{p}-progress": "80", "action": "save"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert response["Location"].endswith(f"?ke-hoach={second.plan_id}")
    items = {i.task_id: (i.status, i.progress) for i in TaskReport.objects.filter(report=report)}
    assert items == {first.pk: ("ongoing", 30), second.pk: ("ongoing", 80)}


def test_a_task_of_a_plan_not_shown_cannot_be_written(client, users, tree, period, two_plan_tasks,
                                                      monkeypatch):
    monkeypatch.setattr(views, "SPLIT_FORM_OVER", 1)
    first, second = two_plan_tasks
    report = services.open_report(actor=users["binhlu_head"], period=period, unit=tree["binhlu_vhxh"])
    client.force_login(users["binhlu_officer"])
    url = reverse("report_detail", args=[report.pk])
    p = f"t{first.pk}"
    client.post(f"{url}?ke-hoach={second.plan_id}", {f"{p}-status": "done", "action": "save"})
    assert not TaskReport.objects.filter(report=report, task=first).exists()
