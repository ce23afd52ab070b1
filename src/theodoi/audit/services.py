"""Writing audit events. Called by every service inside its own transaction."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable
from typing import Any

from django.db import models

from .models import AuditEvent


def _plain(value: Any) -> Any:
    """A JSON-safe, human-readable form of a field value."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "name") and hasattr(value, "url"):  # FieldFile
        return value.name or ""
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """Field values of ``obj`` to diff later with ``diff``."""
    return {f: _plain(getattr(obj, f)) for f in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields that changed."""
    return {
        key: [before.get(key), after.get(key)]
        for key in after
        if before.get(key) != after.get(key)
    }


def scope_for(unit_ids: Iterable[int]) -> str:
    return "".join(f"/{uid}/" for uid in sorted(set(unit_ids)))


def record(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    object_type: str | None = None,
    object_id: Any = None,
    object_repr: str | None = None,
    changes: dict | None = None,
    unit_ids: Iterable[int] = (),
    message: str = "",
) -> AuditEvent:
    """Write one audit event. Must run inside the caller's transaction."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = obj.pk if object_id is None else object_id
        object_repr = object_repr if object_repr is not None else str(obj)
    user = actor if getattr(actor, "is_authenticated", False) else None
    label = ""
    if user is not None:
        label = f"{user.get_full_name() or getattr(user, 'full_name', '') or user.username} ({user.username})"
    elif isinstance(actor, str):
        label = actor
    return AuditEvent.objects.create(
        actor=user,
        actor_label=label or "hệ thống",
        action=action,
        object_type=object_type or "",
        object_id=str(object_id or ""),
        object_repr=(object_repr or "")[:300],
        unit_scope=scope_for(unit_ids),
        changes=changes or {},
        message=message,
    )
