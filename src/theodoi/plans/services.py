"""Writes on plans: import from plan JSON, update on request, assign units.

Every public function takes keyword-only arguments, runs in one transaction and
writes its audit event in that transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from rapidfuzz import process

from theodoi.audit.services import record
from theodoi.reader.planjson import normalise_plan
from theodoi.units.models import Unit
from theodoi.units.services import find_unit, resolve_agency
from theodoi.vntext import fold

from .errors import DuplicatePlan
from .keys import content_hash, indicator_key, indicator_similarity, number_key, year_in
from .models import (
    Assignment,
    AssignmentRole,
    DeadlineKind,
    Indicator,
    Plan,
    PlanLink,
    Target,
    Task,
)

INDICATOR_MATCH_CUTOFF = 88


@dataclass
class ImportResult:
    plan: Plan
    created: bool
    targets: int = 0
    tasks: int = 0
    pending_units: list[Unit] = field(default_factory=list)

    @property
    def summary(self) -> str:
        verb = "Đã lưu" if self.created else "Đã cập nhật"
        text = f"{verb} {self.plan.label}: {self.targets} chỉ tiêu, {self.tasks} nhiệm vụ."
        if self.pending_units:
            names = ", ".join(u.name for u in self.pending_units)
            text += f" {len(self.pending_units)} tên cơ quan chưa khớp đơn vị nào (chờ xác nhận): {names}."
        return text


class _UnitResolver:
    """Resolves printed agency names once per import, remembering new pending units."""

    def __init__(self, actor, context: Unit | None) -> None:
        self.actor = actor
        self.context = context
        self.cache: dict[str, Unit] = {}
        self.created: list[Unit] = []

    def __call__(self, name: str) -> Unit:
        key = fold(name)
        if key not in self.cache:
            before = find_unit(name, context=self.context)
            unit = before or resolve_agency(actor=self.actor, name=name, context=self.context)
            if before is None:
                self.created.append(unit)
            self.cache[key] = unit
        return self.cache[key]


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _match_indicators(targets: list[dict]) -> list[Indicator]:
    """Find or create the indicator each target measures (fuzzy, per unit of measure)."""
    existing = list(Indicator.objects.all().only("id", "key", "unit_of_measure", "name"))
    by_id = {ind.pk: ind for ind in existing}
    choices = {ind.pk: ind.key for ind in existing}
    result = []
    for t in targets:
        key = indicator_key(t["text"]) or fold(t["text"])
        match = process.extractOne(key, choices, scorer=indicator_similarity,
                                   score_cutoff=INDICATOR_MATCH_CUTOFF) if choices else None
        indicator = by_id[match[2]] if match else None
        if indicator is not None and t.get("unit") and indicator.unit_of_measure and (
            fold(indicator.unit_of_measure) != fold(t["unit"])
        ):
            indicator = None
        if indicator is None:
            indicator = Indicator.objects.create(
                name=t["text"][:500], key=key[:500], unit_of_measure=t.get("unit") or "",
            )
            by_id[indicator.pk] = indicator
            choices[indicator.pk] = key
        result.append(indicator)
    return result


def _split_code(code: str | None) -> tuple[str, str]:
    """'III.4' -> ('III', '4'); '2.3.1' stays whole (its section is not a numeral)."""
    if code and "." in code:
        head, _, _rest = code.partition(".")
        if head and all(ch in "IVXLC" for ch in head.upper()):
            return head, code
    return "", code or ""


def _header_fields(plan_json: dict) -> dict:
    p = plan_json["plan"]
    return {
        "kind": p.get("kind") or "KẾ HOẠCH",
        "number": p.get("number") or "",
        "number_key": number_key(p.get("number")),
        "date": _date(p.get("date")),
        "place": p.get("place") or "",
        "issuer": p.get("issuer") or "",
        "title": p["title"],
        "references": p.get("references") or [],
    }


def _search_text(plan_json: dict) -> str:
    p = plan_json["plan"]
    parts = [p.get("number"), p.get("title"), p.get("issuer"), p.get("kind")]
    parts += [t["text"] for t in plan_json["targets"]]
    parts += [t["text"] for t in plan_json["tasks"]]
    return fold(" \n ".join(x for x in parts if x))


def find_duplicate(plan_json: dict) -> Plan | None:
    """The plan already stored under the same number, or with the same content if unnumbered."""
    key = number_key(plan_json["plan"].get("number"))
    if key:
        return Plan.objects.filter(number_key=key).first()
    return Plan.objects.filter(number_key="", content_hash=content_hash(plan_json)).first()


def _link_parents(plan: Plan, numbers: list[str]) -> None:
    PlanLink.objects.filter(plan=plan).delete()
    links = []
    for pos, number in enumerate(numbers):
        key = number_key(number)
        if not key or key == plan.number_key:
            continue
        parent = Plan.objects.filter(number_key=key).first()
        links.append(PlanLink(plan=plan, number=number, number_key=key, parent=parent, position=pos))
    PlanLink.objects.bulk_create(links, ignore_conflicts=True)
    if plan.number_key:
        # Plans already in the system that carry this one out now point at it.
        PlanLink.objects.filter(number_key=plan.number_key, parent__isnull=True).update(parent=plan)


TARGET_FIELDS = ["indicator", "position", "group", "code", "text", "unit", "comparator", "value",
                 "value_max", "qualitative", "year"]
TASK_FIELDS = ["position", "section_code", "section_title", "code", "text", "output", "deadline_raw",
               "deadline_kind", "due_date", "recurrence"]


def _build_targets(plan: Plan, plan_json: dict) -> list[Target]:
    year_default = year_in(plan.title) or (plan.date.year if plan.date else None)
    indicators = _match_indicators(plan_json["targets"])
    return [
        Target(
            plan=plan, indicator=indicator, position=pos, group=t.get("group") or "",
            code=t.get("code") or "", text=t["text"], unit=t.get("unit") or "",
            comparator=t.get("comparator") or "", value=_decimal(t.get("value")),
            value_max=_decimal(t.get("value_max")), qualitative=t.get("qualitative") or "",
            year=year_in(t.get("group")) or year_default,
        )
        for pos, (t, indicator) in enumerate(zip(plan_json["targets"], indicators, strict=True))
    ]


def _build_tasks(plan: Plan, plan_json: dict) -> list[Task]:
    tasks = []
    for pos, t in enumerate(plan_json["tasks"]):
        deadline = t.get("deadline") or {}
        section, code = _split_code(t.get("code"))
        tasks.append(Task(
            plan=plan, position=pos, section_code=section,
            section_title=t.get("section_title") or "", code=code, text=t["text"],
            output=t.get("output") or "", deadline_raw=deadline.get("raw") or "",
            deadline_kind=deadline.get("kind") or DeadlineKind.NONE,
            due_date=_date(deadline.get("due")), recurrence=deadline.get("every") or "",
        ))
    return tasks


def _pair_existing(new: list, old: list) -> dict[int, object]:
    """Pair rows of a new reading with stored rows: same code and text, then code, then text.

    Keeping a row's identity across an update keeps its reports and history.
    Returns {index in new: stored row}.
    """
    pairs: dict[int, object] = {}
    used: set[int] = set()
    keys = [
        lambda r: (r.code, fold(r.text)),
        lambda r: (r.code,) if r.code else None,
        lambda r: (fold(r.text),),
    ]
    for key in keys:
        index: dict = {}
        for row in old:
            k = key(row)
            if row.pk not in used and k is not None:
                index.setdefault(k, []).append(row)
        for i, row in enumerate(new):
            if i in pairs:
                continue
            candidates = index.get(key(row)) or []
            while candidates and candidates[0].pk in used:
                candidates.pop(0)
            if candidates:
                pairs[i] = candidates.pop(0)
                used.add(pairs[i].pk)
    return pairs


def _wanted_assignments(plan: Plan, plan_json: dict, targets: list[Target], tasks: list[Task],
                        resolve: _UnitResolver) -> list[Assignment]:
    wanted = []
    for target, t in zip(targets, plan_json["targets"], strict=True):
        for pos, name in enumerate(t.get("lead") or []):
            wanted.append(Assignment(target=target, unit=resolve(name), role=AssignmentRole.LEAD,
                                     raw_name=name[:300], position=pos))
        if not t.get("lead") and plan.issuing_unit_id:
            # A target that names nobody is the issuing body's own commitment.
            wanted.append(Assignment(target=target, unit=plan.issuing_unit,
                                     role=AssignmentRole.LEAD, raw_name=""))
    for task, t in zip(tasks, plan_json["tasks"], strict=True):
        for pos, name in enumerate(t.get("lead") or []):
            wanted.append(Assignment(task=task, unit=resolve(name), role=AssignmentRole.LEAD,
                                     raw_name=name[:300], position=pos))
        for pos, name in enumerate(t.get("support") or []):
            wanted.append(Assignment(task=task, unit=resolve(name), role=AssignmentRole.PARTNER,
                                     raw_name=name[:300], position=100 + pos))
    _dedupe_assignments(wanted)
    return wanted


def _sync_rows(model, new: list, old: list, fields: list[str]) -> None:
    """Update paired rows in place, create the new ones, delete the vanished ones."""
    pairs = _pair_existing(new, old)
    for i, stored in pairs.items():
        new[i].pk = stored.pk
    kept = {stored.pk for stored in pairs.values()}
    model.objects.filter(pk__in=[r.pk for r in old if r.pk not in kept]).delete()
    model.objects.bulk_update([new[i] for i in pairs], fields, batch_size=500)
    model.objects.bulk_create([r for i, r in enumerate(new) if i not in pairs])


def _save_children(plan: Plan, plan_json: dict, resolve: _UnitResolver, *, updating: bool) -> tuple[int, int]:
    """Store targets, tasks and assignments; on update keep the identity of unchanged rows."""
    targets = _build_targets(plan, plan_json)
    tasks = _build_tasks(plan, plan_json)
    if updating:
        _sync_rows(Target, targets, list(plan.targets.all()), TARGET_FIELDS)
        _sync_rows(Task, tasks, list(plan.tasks.all()), TASK_FIELDS)
    else:
        # bulk_create sets primary keys on PostgreSQL and SQLite (RETURNING).
        Target.objects.bulk_create(targets)
        Task.objects.bulk_create(tasks)
    wanted = _wanted_assignments(plan, plan_json, targets, tasks, resolve)
    if updating:
        now = timezone.now()
        current = {
            (a.task_id, a.target_id, a.unit_id, a.role): a
            for a in Assignment.objects.filter(Q(task__plan=plan) | Q(target__plan=plan),
                                               ended_at__isnull=True)
        }
        keep = set()
        fresh = []
        for a in wanted:
            key = (a.task.pk if a.task else None, a.target.pk if a.target else None, a.unit.pk, a.role)
            if key in current:
                keep.add(current[key].pk)
            else:
                fresh.append(a)
        # Assignments the amended plan no longer makes are closed, not deleted: history stays.
        Assignment.objects.filter(pk__in=[a.pk for a in current.values() if a.pk not in keep]).update(
            ended_at=now, end_reason="Kế hoạch được cập nhật")
        wanted = fresh
    Assignment.objects.bulk_create(wanted)
    return len(targets), len(tasks)


def _dedupe_assignments(assignments: list[Assignment]) -> None:
    """Two printed names resolving to one unit give one assignment (lead wins over partner)."""
    seen: dict[tuple, Assignment] = {}
    keep = []
    for a in assignments:
        key = (id(a.task) if a.task else None, id(a.target) if a.target else None, a.unit.pk)
        if key in seen:
            continue
        seen[key] = a
        keep.append(a)
    assignments[:] = keep


def import_plan(
    *,
    actor,
    data: dict,
    update: bool = False,
    source_name: str = "",
    source_bytes: bytes | None = None,
    source_kind: str = "",
    is_public: bool = False,
) -> ImportResult:
    """Save a plan from plan JSON (validated here) in one transaction.

    A plan already present (same number, or same content when unnumbered)
    raises ``DuplicatePlan`` unless ``update`` is true, in which case its
    header, targets and tasks are replaced by the new reading.
    """
    plan_json = normalise_plan(data)
    stored_name = None
    try:
        with transaction.atomic():
            existing = find_duplicate(plan_json)
            if existing and not update:
                raise DuplicatePlan(
                    f"{existing.label} đã có trong hệ thống (nhập ngày "
                    f"{existing.created_at:%d/%m/%Y}). Không tạo bản trùng; chọn “cập nhật” "
                    f"nếu muốn thay bằng nội dung mới.",
                    existing_id=existing.pk,
                )
            fields = _header_fields(plan_json)
            fields["content_hash"] = content_hash(plan_json)
            fields["search_text"] = _search_text(plan_json)
            issuer_unit = find_unit(fields["issuer"]) if fields["issuer"] else None
            if existing:
                plan = existing
                before = {k: str(getattr(plan, k)) for k in fields if k != "search_text"}
                for key, value in fields.items():
                    setattr(plan, key, value)
                plan.issuing_unit = issuer_unit or plan.issuing_unit
                plan.save()
                changes = {k: [before[k], str(getattr(plan, k))] for k in before
                           if before[k] != str(getattr(plan, k)) and k != "content_hash"}
            else:
                plan = Plan.objects.create(
                    **fields, issuing_unit=issuer_unit, is_public=is_public,
                    created_by=actor if getattr(actor, "is_authenticated", False) else None,
                    source_kind=source_kind,
                )
                changes = {"title": [None, plan.title], "number": [None, plan.number]}
            if source_bytes is not None:
                plan.source_file.save(source_name or "plan", ContentFile(source_bytes), save=False)
                stored_name = plan.source_file.name
                plan.source_name = source_name
                plan.source_kind = source_kind
                plan.save(update_fields=["source_file", "source_name", "source_kind"])
            _link_parents(plan, plan_json["plan"].get("implements") or [])
            resolver = _UnitResolver(actor, context=issuer_unit)
            n_targets, n_tasks = _save_children(plan, plan_json, resolver, updating=existing is not None)
            record(
                actor=actor, action="update" if existing else "import", obj=plan,
                object_repr=plan.label, changes=changes,
                message=f"{n_targets} chỉ tiêu, {n_tasks} nhiệm vụ"
                + (f"; tệp gốc: {source_name}" if source_name else ""),
            )
            return ImportResult(plan=plan, created=existing is None, targets=n_targets,
                                tasks=n_tasks, pending_units=resolver.created)
    except BaseException:
        if stored_name:
            # The row is rolled back; do not leave its file behind.
            Plan.source_file.field.storage.delete(stored_name)
        raise
