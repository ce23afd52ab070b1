"""Reading the audit trail, scoped to what the user may see."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .models import AuditEvent


def history_for(user, *, object_type: str, object_id, unit_ids: list[int] | None = None) -> QuerySet[AuditEvent]:
    """Events of one object. Unit users see them only through units they belong to."""
    events = AuditEvent.objects.filter(object_type=object_type, object_id=str(object_id))
    if getattr(user, "sees_all", False):
        return events.select_related("actor")
    allowed = unit_ids or []
    if not allowed:
        return events.none()
    cond = Q()
    for uid in allowed:
        cond |= Q(unit_scope__contains=f"/{uid}/")
    return events.filter(cond).select_related("actor")
