"""Which units a user may see: everything for province-wide roles, else their subtree."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from theodoi.units.models import Unit


def sees_all(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "sees_all", False))


def visible_unit_ids(user) -> set[int] | None:
    """Ids of the units whose data ``user`` may read; ``None`` means all of them.

    Cached on the user object for the request, so scoping costs one query.
    """
    if sees_all(user):
        return None
    cached = getattr(user, "_visible_unit_ids", None)
    if cached is not None:
        return cached
    ids: set[int] = set()
    unit = getattr(user, "unit", None) if getattr(user, "is_authenticated", False) else None
    if unit is not None:
        ids = set(Unit.objects.filter(path__startswith=unit.path).values_list("pk", flat=True))
    user._visible_unit_ids = ids
    return ids


def unit_filter(user, field: str = "unit") -> Q:
    """A Q limiting a queryset's ``field`` (a Unit FK path) to the user's visible units."""
    ids = visible_unit_ids(user)
    if ids is None:
        return Q()
    return Q(**{f"{field}__in": ids})


def visible_units(user) -> QuerySet[Unit]:
    return Unit.objects.filter(unit_filter(user, "pk"))
