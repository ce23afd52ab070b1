"""Writes on the unit tree: create, resolve names from documents, confirm, merge."""

from __future__ import annotations

import re

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from theodoi.audit.services import record

from .matching import match_key
from .models import Unit, UnitAlias, UnitKind, UnitLevel

LEVEL_SUFFIX = re.compile(r"\s+(xa|phuong|tinh)$")


class UnitError(Exception):
    """A unit operation that cannot be done; ``message`` is Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def find_unit(name: str, *, context: Unit | None = None) -> Unit | None:
    """The unit a printed name designates, or None.

    With a ``context`` (the issuing unit of the plan being read), a name that
    several units share ("Phòng Văn hóa – Xã hội" exists in every commune) is
    taken from inside that context's subtree first.
    """
    key = match_key(name)
    if not key:
        return None
    # Units and aliases are both stored under their match key.
    candidates = list(
        Unit.objects.filter(Q(key=key) | Q(pk__in=UnitAlias.objects.filter(key=key).values("unit_id")))
    )
    if not candidates:
        # "Phòng Kinh tế xã", "VP HĐND-UBND xã": the trailing level word only says
        # the unit is the local one; retry without it inside the context.
        stripped = LEVEL_SUFFIX.sub("", key)
        if stripped != key:
            return find_unit(stripped, context=context)
        return None
    # Follow mergers to the living successor.
    resolved = []
    for unit in candidates:
        seen = set()
        while unit.successor_id and unit.pk not in seen:
            seen.add(unit.pk)
            unit = unit.successor
        resolved.append(unit)
    if context is not None:
        inside = [u for u in resolved if u.path.startswith(context.path)]
        if inside:
            return min(inside, key=lambda u: u.depth)
        local = [u for u in resolved if u.parent_id is None or u.depth <= 2]
        if local:
            return local[0]
    return min(resolved, key=lambda u: (u.pending, u.depth))


@transaction.atomic
def create_unit(
    *,
    actor,
    name: str,
    parent: Unit | None = None,
    kind: str = UnitKind.OTHER,
    level: str = UnitLevel.PROVINCE,
    short_name: str = "",
    aliases: list[str] | tuple[str, ...] = (),
    pending: bool = False,
    is_active: bool = True,
) -> Unit:
    unit = Unit.objects.create(
        name=name.strip(), parent=parent, kind=kind, level=level,
        short_name=short_name, pending=pending, is_active=is_active,
    )
    for alias in aliases:
        add_alias(unit=unit, alias=alias)
    record(
        actor=actor, action="create", obj=unit, unit_ids=[unit.pk],
        changes={"name": [None, unit.name], "parent": [None, str(parent) if parent else None]},
        message="Tạo đơn vị chờ xác nhận từ văn bản" if pending else "",
    )
    return unit


def add_alias(*, unit: Unit, alias: str) -> UnitAlias | None:
    """Attach another name to a unit; ignored when it is already the unit's own key."""
    key = match_key(alias)
    if not key or key == unit.key:
        return None
    existing = UnitAlias.objects.filter(key=key).first()
    if existing:
        return existing
    return UnitAlias.objects.create(unit=unit, alias=alias.strip())


@transaction.atomic
def resolve_agency(*, actor, name: str, context: Unit | None = None) -> Unit:
    """The unit for a printed agency name; an unknown name becomes a pending unit, never dropped."""
    unit = find_unit(name, context=context)
    if unit is not None:
        return unit
    parent = context if context is not None and context.kind in (UnitKind.COMMUNE, UnitKind.WARD) else None
    level = UnitLevel.COMMUNE if parent is not None else UnitLevel.PROVINCE
    return create_unit(
        actor=actor, name=name, parent=parent, pending=True, level=level,
        kind=UnitKind.COMMUNE_OFFICE if parent is not None else UnitKind.OTHER,
    )


@transaction.atomic
def merge_units(*, actor, source: Unit, target: Unit, reason: str = "") -> int:
    """Merge ``source`` into ``target``: open assignments move, history stays.

    Each open assignment of the source is closed (end reason names the merger)
    and a new one is opened for the target pointing back at it, so the record
    of who held a task when is never rewritten. Returns the number moved.
    """
    from theodoi.plans.models import Assignment

    if source.pk == target.pk:
        raise UnitError("Không thể gộp một đơn vị vào chính nó.")
    if target.path.startswith(source.path):
        raise UnitError("Không thể gộp một đơn vị vào đơn vị cấp dưới của nó.")
    if not target.is_active:
        raise UnitError(f"Đơn vị nhận “{target}” không còn hoạt động.")
    now = timezone.now()
    reason_text = reason or f"Sáp nhập vào {target.name}"
    moved = 0
    open_assignments = list(
        Assignment.objects.select_for_update().filter(unit=source, ended_at__isnull=True)
    )
    for old in open_assignments:
        old.ended_at = now
        old.end_reason = reason_text
        old.save(update_fields=["ended_at", "end_reason"])
        duplicate = Assignment.objects.filter(
            task_id=old.task_id, target_id=old.target_id, unit=target,
            role=old.role, ended_at__isnull=True,
        ).exists()
        if not duplicate:
            Assignment.objects.create(
                task_id=old.task_id, target_id=old.target_id, unit=target, role=old.role,
                raw_name=old.raw_name, position=old.position, transferred_from=old,
            )
            moved += 1
    # Names that meant the source now mean the target.
    add_alias(unit=target, alias=source.name)
    UnitAlias.objects.filter(unit=source).update(unit=target)
    for child in Unit.objects.filter(parent=source):
        child.parent = target
        child.save()
    was_pending = source.pending
    source.successor = target
    source.is_active = False
    source.pending = False
    source.save()
    from theodoi.accounts.models import User

    User.objects.filter(unit=source).update(unit=target)
    record(
        actor=actor, action="merge", obj=source, unit_ids=[source.pk, target.pk],
        changes={"successor": [None, target.name], "is_active": [True, False]},
        message=(
            f"{'Xác nhận tên chờ xác nhận là' if was_pending else 'Gộp vào'} {target.name}; "
            f"chuyển {moved} phân công đang mở."
        ),
    )
    return moved


@transaction.atomic
def confirm_unit(*, actor, unit: Unit, parent: Unit | None = None, kind: str | None = None) -> Unit:
    """Accept a pending unit as a real unit of the tree."""
    before = {"pending": unit.pending, "parent": str(unit.parent) if unit.parent else None}
    unit.pending = False
    if parent is not None:
        unit.parent = parent
    if kind:
        unit.kind = kind
    unit.save()
    record(
        actor=actor, action="confirm", obj=unit, unit_ids=[unit.pk],
        changes={"pending": [before["pending"], False],
                 "parent": [before["parent"], str(unit.parent) if unit.parent else None]},
    )
    return unit
