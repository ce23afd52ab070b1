"""Plan JSON out of and into theodoi, so a plan moves between installations unchanged.

The export is the plan-format.md shape (``plan``, ``targets``, ``tasks``) with
what theodoi adds, in extra keys that ``reader.planjson.normalise_plan`` keeps:

- ``theodoi``: where the file comes from (format version, plan id);
- per target and task, ``lead_units`` / ``support_units``: one entry per name of
  ``lead`` / ``support``, in the same order, ``{"id", "name", "path_names"}``:
  the unit the printed name was resolved to in the exporting installation, with
  the names of its ancestors from the root. Ids only mean something in the
  installation that wrote them; ``path_names`` let another installation find
  the same unit again;
- per target ``indicator`` and ``year``; per task ``status`` once reporting exists.

Import goes through ``plans.services.import_plan`` (validation, duplicates,
indicators, audit). Printed names are resolved there as for any document; where
a printed name would not reach the unit that ``path_names`` designates here
(a unit renamed or merged in one installation only), the name of that unit is
passed instead and the printed name is put back on the assignment afterwards.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction

from theodoi.plans.models import Assignment, Plan, Target, Task
from theodoi.plans.services import ImportResult, import_plan
from theodoi.reader.errors import InvalidPlanJSON
from theodoi.reader.planjson import normalise_plan
from theodoi.units.matching import match_key
from theodoi.units.models import Unit
from theodoi.units.services import find_unit

FORMAT = "theodoi-plan-json/1"


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    value = value.normalize()
    return int(value) if value == value.to_integral_value() else float(value)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


class _UnitRefs:
    """``{"id", "name", "path_names"}`` of units, reading all ancestors in one query."""

    def __init__(self, units: list[Unit]) -> None:
        ids: set[int] = set()
        for unit in units:
            ids.update(int(p) for p in unit.path.strip("/").split("/") if p)
        self.names = dict(Unit.objects.filter(pk__in=ids).values_list("pk", "name"))

    def __call__(self, unit: Unit) -> dict[str, Any]:
        path_ids = [int(p) for p in unit.path.strip("/").split("/") if p]
        return {
            "id": unit.pk,
            "name": unit.name,
            "path_names": [self.names.get(i, unit.name if i == unit.pk else "") for i in path_ids],
        }


def _open(assignments: list[Assignment], role: str) -> list[Assignment]:
    return sorted(
        (a for a in assignments if a.role == role and a.ended_at is None),
        key=lambda a: (a.position, a.pk),
    )


def export_plan_json(plan: Plan, *, statuses: dict[int, str] | None = None) -> dict[str, Any]:
    """The plan as plan JSON with theodoi's extensions. A fixed number of queries."""
    targets = list(
        Target.objects.filter(plan=plan).select_related("indicator")
        .prefetch_related("assignments__unit").order_by("position")
    )
    tasks = list(
        Task.objects.filter(plan=plan).prefetch_related("assignments__unit").order_by("position")
    )
    units = [a.unit for obj in (*targets, *tasks) for a in obj.assignments.all()]
    if plan.issuing_unit_id:
        units.append(plan.issuing_unit)
    ref = _UnitRefs(units)
    implements = list(plan.parent_links.order_by("position").values_list("number", flat=True))

    out_targets = []
    for t in targets:
        leads = _open(list(t.assignments.all()), "lead")
        out_targets.append({
            "code": t.code or None,
            "group": t.group or None,
            "text": t.text,
            "unit": t.unit or None,
            "comparator": t.comparator or None,
            "value": _number(t.value),
            "value_max": _number(t.value_max),
            "qualitative": t.qualitative or None,
            "lead": [a.raw_name or a.unit.name for a in leads],
            "lead_units": [ref(a.unit) for a in leads],
            "indicator": ({"id": t.indicator_id, "name": t.indicator.name,
                           "unit_of_measure": t.indicator.unit_of_measure or None}
                          if t.indicator_id else None),
            "year": t.year,
        })
    out_tasks = []
    for t in tasks:
        assignments = list(t.assignments.all())
        leads, partners = _open(assignments, "lead"), _open(assignments, "partner")
        item = {
            "code": t.code or None,
            "section_title": t.section_title or None,
            "text": t.text,
            "lead": [a.raw_name or a.unit.name for a in leads],
            "support": [a.raw_name or a.unit.name for a in partners],
            "output": t.output or None,
            "deadline": {
                "raw": t.deadline_raw or None,
                "kind": t.deadline_kind,
                "due": _iso(t.due_date),
                "every": t.recurrence or None,
            },
            "lead_units": [ref(a.unit) for a in leads],
            "support_units": [ref(a.unit) for a in partners],
        }
        if statuses is not None and t.pk in statuses:
            item["status"] = statuses[t.pk]
        out_tasks.append(item)
    return {
        "theodoi": {"format": FORMAT, "plan_id": plan.pk},
        "plan": {
            "kind": plan.kind,
            "number": plan.number or None,
            "date": _iso(plan.date),
            "place": plan.place or None,
            "issuer": plan.issuer or None,
            "title": plan.title,
            "implements": implements,
            "references": list(plan.references or []),
            "issuer_unit": ref(plan.issuing_unit) if plan.issuing_unit_id else None,
            "is_public": plan.is_public,
        },
        "targets": out_targets,
        "tasks": out_tasks,
    }


def find_by_path(path_names: list[str]) -> Unit | None:
    """The unit reached by walking ``path_names`` from a root, matching names by key."""
    parent: Unit | None = None
    for name in path_names:
        key = match_key(name)
        candidates = Unit.objects.filter(key=key, parent=parent)
        unit = candidates.filter(successor__isnull=True).first() or candidates.first()
        if unit is None:
            return None
        parent = unit
    if parent is not None:
        seen: set[int] = set()
        while parent.successor_id and parent.pk not in seen:  # merged: the living successor
            seen.add(parent.pk)
            parent = parent.successor
    return parent


def _ref_unit(ref: Any) -> Unit | None:
    if not isinstance(ref, dict):
        return None
    path = ref.get("path_names")
    if isinstance(path, list) and path and all(isinstance(n, str) and n for n in path):
        return find_by_path(path)
    return None


def _rewrite_names(items: list[dict], names_key: str, refs_key: str,
                   context: Unit | None) -> dict[tuple[int, int], str]:
    """Replace printed names that would miss their unit here; return the originals."""
    restored: dict[tuple[int, int], str] = {}
    for i, item in enumerate(items):
        names, refs = item.get(names_key) or [], item.get(refs_key)
        if not isinstance(refs, list) or len(refs) != len(names):
            continue
        new_names = list(names)
        for j, (name, ref) in enumerate(zip(names, refs, strict=True)):
            wanted = _ref_unit(ref)
            if wanted is None or find_unit(name, context=context) == wanted:
                continue
            if find_unit(wanted.name, context=context) == wanted:
                new_names[j] = wanted.name
                restored[(i, j)] = name
        item[names_key] = new_names
    return restored


# Column sizes of the plan tables: a longer value is refused with a message here,
# instead of being cut silently (SQLite) or failing in the database (PostgreSQL).
PLAN_LIMITS = {"kind": 80, "number": 80, "place": 120, "issuer": 300}
TARGET_LIMITS = {"group": 300, "code": 30, "unit": 80, "qualitative": 500}
TASK_LIMITS = {"section_title": 500, "code": 30}
NAME_LIMIT = 300
NUMBER_LIMIT = 10**15  # DecimalField(max_digits=20, decimal_places=4)


def _check(value: Any, limit: int, where: str) -> None:
    if isinstance(value, str) and len(value) > limit:
        raise InvalidPlanJSON(f"{where} dài quá {limit} ký tự.")


def _check_characters(value: Any, where: str = "plan JSON") -> None:
    """NUL and lone surrogates are valid JSON but cannot be stored (PostgreSQL, UTF-8)."""
    if isinstance(value, str):
        if "\x00" in value:
            raise InvalidPlanJSON(f"{where} chứa ký tự không hợp lệ (NUL).")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidPlanJSON(f"{where} chứa ký tự Unicode không hợp lệ.") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_characters(key, where)
            _check_characters(item, f"{where}.{key}" if isinstance(key, str) and key.isascii() else where)
    elif isinstance(value, list):
        for item in value:
            _check_characters(item, where)


def _check_text(value: Any, where: str) -> None:
    _check(value, 10**6, where)


def check_limits(plan_json: dict) -> None:
    """Refuse values the database cannot hold; messages name the faulty place."""
    _check_characters(plan_json)
    plan = plan_json["plan"]
    for key, limit in PLAN_LIMITS.items():
        _check(plan.get(key), limit, f"plan.{key}")
    _check_text(plan.get("title"), "plan.title")
    for key in ("implements", "references"):
        for number in plan.get(key) or []:
            _check(number, 80, f"plan.{key}")
    for i, t in enumerate(plan_json["targets"]):
        where = f"chỉ tiêu thứ {i + 1}"
        for key, limit in TARGET_LIMITS.items():
            _check(t.get(key), limit, f"{where}.{key}")
        _check_text(t.get("text"), f"{where}.text")
        for key in ("value", "value_max"):
            if t.get(key) is not None and not abs(t[key]) < NUMBER_LIMIT:
                raise InvalidPlanJSON(f"{where}.{key} quá lớn.")
        for name in t.get("lead") or []:
            _check(name, NAME_LIMIT, f"{where}.lead")
    for i, t in enumerate(plan_json["tasks"]):
        where = f"nhiệm vụ thứ {i + 1}"
        for key, limit in TASK_LIMITS.items():
            _check(t.get(key), limit, f"{where}.{key}")
        _check_text(t.get("text"), f"{where}.text")
        _check_text(t.get("output"), f"{where}.output")
        _check((t.get("deadline") or {}).get("raw"), 200, f"{where}.deadline.raw")
        for key in ("lead", "support"):
            for name in t.get(key) or []:
                _check(name, NAME_LIMIT, f"{where}.{key}")


def import_plan_json(*, actor, data: Any, update: bool = False,
                     is_public: bool | None = None) -> ImportResult:
    """Save plan JSON (from theodoi or from a document reading) in one transaction.

    ``is_public`` overrides the file's own ``plan.is_public`` when given.
    """
    plan_json = normalise_plan(data)  # raises InvalidPlanJSON with a Vietnamese message
    check_limits(plan_json)
    if is_public is None:
        is_public = bool(plan_json["plan"].get("is_public"))
    with transaction.atomic():
        issuer = plan_json["plan"].get("issuer")
        context = find_unit(issuer) if issuer else None
        fixes = {
            ("targets", "lead"): _rewrite_names(plan_json["targets"], "lead", "lead_units", context),
            ("tasks", "lead"): _rewrite_names(plan_json["tasks"], "lead", "lead_units", context),
            ("tasks", "partner"): _rewrite_names(plan_json["tasks"], "support", "support_units", context),
        }
        result = import_plan(actor=actor, data=plan_json, update=update, is_public=is_public,
                             source_kind="json")
        if any(fixes.values()):
            _restore_printed_names(result.plan, fixes)
    return result


def _restore_printed_names(plan: Plan, fixes: dict[tuple[str, str], dict[tuple[int, int], str]]) -> None:
    """Put the names as printed back on assignments whose unit was found by its path."""
    rows = Assignment.objects.filter(task__plan=plan) | Assignment.objects.filter(target__plan=plan)
    for a in rows.select_related("task", "target"):
        kind = "targets" if a.target_id else "tasks"
        item = a.target if a.target_id else a.task
        pos = a.position - 100 if a.role == "partner" else a.position
        printed = fixes.get((kind, a.role), {}).get((item.position, pos))
        if printed and printed != a.raw_name:
            a.raw_name = printed[:300]
            a.save(update_fields=["raw_name"])
