"""Saving plans from plan JSON: assignments, duplicates, bad input leaves nothing behind."""

from __future__ import annotations

import copy

import pytest

from seedfiles import gold
from theodoi.audit.models import AuditEvent
from theodoi.plans.errors import DuplicatePlan
from theodoi.plans.models import Assignment, Plan, PlanLink, Target, Task
from theodoi.plans.services import import_plan
from theodoi.reader.errors import InvalidPlanJSON
from theodoi.units.models import Unit


def counts() -> tuple[int, ...]:
    return (Plan.objects.count(), Target.objects.count(), Task.objects.count(),
            Assignment.objects.count(), Unit.objects.count(), AuditEvent.objects.count())


def test_commune_plan_tasks_are_assigned_to_the_commune_offices(tree):
    result = import_plan(actor="test", data=gold("002"))
    plan = result.plan
    assert (result.targets, result.tasks) == (12, 37)
    task = plan.tasks.get(code="III.5")
    lead = task.assignments.get(role="lead")
    # "Phòng Kinh tế" exists in several communes: the plan's issuer (UBND xã Bình Lư) decides.
    assert lead.unit == tree["binhlu_kt"]
    assert plan.issuing_unit == tree["binhlu"]
    assert task.deadline_kind == "date" and str(task.due_date) == "2025-09-30"
    assert plan.tasks.get(code="I.1").recurrence == "continuous"
    assert task.section_code == "III"


def test_targets_naming_no_agency_fall_to_the_issuing_unit(tree):
    plan = import_plan(actor="test", data=gold("002")).plan
    target = plan.targets.get(code="1")
    lead = target.assignments.get()
    assert lead.unit == tree["binhlu"] and lead.raw_name == ""
    # 003 names its leads: no implicit assignment is added.
    plan = import_plan(actor="test", data=gold("003")).plan
    assert plan.targets.get(code="13").assignments.count() == 3


def test_unknown_agency_becomes_pending_unit_never_dropped(tree):
    result = import_plan(actor="test", data=gold("002"))
    names = {u.name for u in result.pending_units}
    assert "Các cơ quan, đơn vị" in names
    pending = Unit.objects.get(name="Các cơ quan, đơn vị")
    assert pending.pending and pending.parent == tree["binhlu"]
    # Every printed agency of every task is kept as an assignment.
    for task_json, task in zip(gold("002")["tasks"], result.plan.tasks.order_by("position"), strict=True):
        assert task.assignments.filter(role="lead").count() == len(task_json["lead"])


def test_same_agency_in_other_spelling_matches_the_unit(tree):
    data = copy.deepcopy(gold("002"))
    data["plan"]["title"] = "Kế hoạch thử"
    data["tasks"] = data["tasks"][:1]
    data["tasks"][0]["lead"] = ["phong van hoa - xa hoi"]  # no marks, ASCII dash, lower case
    plan = import_plan(actor="test", data=data).plan
    assert plan.tasks.get().assignments.get(role="lead").unit == tree["binhlu_vhxh"]


def test_same_number_is_not_duplicated_and_database_is_unchanged(tree):
    import_plan(actor="test", data=gold("004"))
    before = counts()
    with pytest.raises(DuplicatePlan) as exc:
        import_plan(actor="test", data=gold("004"))
    assert "đã có trong hệ thống" in exc.value.message
    assert counts() == before


def test_unnumbered_plan_with_same_content_is_not_duplicated(tree):
    import_plan(actor="test", data=gold("000"))
    with pytest.raises(DuplicatePlan):
        import_plan(actor="test", data=gold("000"))
    assert Plan.objects.count() == 1


def test_update_on_request_replaces_content_and_keeps_the_plan(tree):
    plan = import_plan(actor="test", data=gold("004")).plan
    data = copy.deepcopy(gold("004"))
    data["targets"] = data["targets"][:3]
    data["plan"]["title"] = "tiêu đề đã sửa"
    result = import_plan(actor="test", data=data, update=True)
    assert result.plan.pk == plan.pk and not result.created
    plan.refresh_from_db()
    assert plan.title == "tiêu đề đã sửa" and plan.targets.count() == 3
    event = AuditEvent.objects.filter(object_type="plans.plan", action="update").get()
    assert event.changes["title"][1] == "tiêu đề đã sửa"


@pytest.mark.parametrize("data, fragment", [
    ({"plan": {"kind": "KẾ HOẠCH"}, "targets": [], "tasks": []}, "không có tiêu đề"),
    ({"hello": 1}, "thiếu mục “plan”"),
    ({"plan": {"title": "x"}, "targets": [{"text": "a", "value": "nhiều"}]}, "phải là số"),
    ({"plan": {"title": "x"}, "tasks": [{"text": ""}]}, "Thiếu nội dung bắt buộc"),
    ({"plan": {"title": "x", "date": "31/12/2025"}}, "không phải ngày hợp lệ"),
])
def test_bad_plan_json_gives_vietnamese_message_and_changes_nothing(tree, data, fragment):
    before = counts()
    with pytest.raises(InvalidPlanJSON) as exc:
        import_plan(actor="test", data=data)
    assert fragment in exc.value.message
    assert counts() == before


def test_failure_midway_rolls_back_everything(tree, monkeypatch):
    from theodoi.plans import services

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.Assignment.objects, "bulk_create", boom)
    before = counts()
    with pytest.raises(RuntimeError):
        import_plan(actor="test", data=gold("002"), source_name="a.txt", source_bytes=b"abc")
    assert counts() == before


def test_cascade_links_resolve_in_both_import_orders(tree):
    child = copy.deepcopy(gold("000"))
    child["plan"]["implements"] = ["11-KH/TU"]
    child_plan = import_plan(actor="test", data=child).plan
    link = PlanLink.objects.get(plan=child_plan)
    assert link.parent is None  # parent not in the system yet: kept as a number
    parent = import_plan(actor="test", data=gold("004")).plan
    link.refresh_from_db()
    assert link.parent == parent


def test_one_indicator_many_targets_across_plans(tree):
    import_plan(actor="test", data=gold("004"))  # 5G ≥ 45% (2025)
    import_plan(actor="test", data=gold("003"))  # 5G ≥ 70 (2026)
    t2025 = Target.objects.get(plan__number="11-KH/TU", text__startswith="Tỷ lệ phủ sóng 5G")
    t2026 = Target.objects.get(plan__number="29-KH/TU", text__startswith="Tỷ lệ người dân được phủ sóng 5G")
    assert t2025.indicator_id == t2026.indicator_id
    assert (t2025.year, t2026.year) == (2025, 2026)
    assert (float(t2025.value), float(t2026.value)) == (45.0, 70.0)


def test_import_writes_audit_event_with_actor(users, tree):
    plan = import_plan(actor=users["standing"], data=gold("004")).plan
    event = AuditEvent.objects.get(object_type="plans.plan", object_id=str(plan.pk))
    assert event.actor == users["standing"] and event.action == "import"
    assert "21 chỉ tiêu" in event.message


def test_update_keeps_the_identity_of_unchanged_tasks_and_closes_dropped_assignments(tree):
    data = copy.deepcopy(gold("002"))
    data["plan"]["number"] = "99/KH-UBND"
    plan = import_plan(actor="test", data=data).plan
    kept = plan.tasks.get(code="III.5")
    dropped = plan.tasks.get(code="V.12")
    data["tasks"] = [t for t in data["tasks"] if t["code"] != "V.12"]
    for t in data["tasks"]:
        if t["code"] == "III.5":
            t["lead"] = ["Phòng Văn hóa – Xã hội"]  # the amendment moves the lead
            t["output"] = "Đề án đã sửa"
    import_plan(actor="test", data=data, update=True)
    kept.refresh_from_db()
    assert kept.output == "Đề án đã sửa"  # same row, updated in place
    assert not Task.objects.filter(pk=dropped.pk).exists()
    old_lead = Assignment.objects.get(task=kept, unit=tree["binhlu_kt"])
    assert old_lead.ended_at is not None and old_lead.end_reason == "Kế hoạch được cập nhật"
    assert Assignment.objects.get(task=kept, role="lead", ended_at__isnull=True).unit == tree["binhlu_vhxh"]
    assert plan.tasks.count() == 36
