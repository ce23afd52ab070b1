"""Template context shared by every page: the navigation for the user's role."""

from __future__ import annotations

from django.http import HttpRequest


def nav(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from theodoi.units.models import Unit

    pending = 0
    if user.is_superuser or user.role == "admin":
        pending = Unit.objects.filter(pending=True).count()
    return {
        "nav_can_manage": user.manages_plans,
        "nav_is_admin": user.is_superuser or user.role == "admin",
        "nav_pending_units": pending,
    }
