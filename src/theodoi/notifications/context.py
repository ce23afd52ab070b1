"""The bell: unread notifications count on every page (one query)."""

from __future__ import annotations

from django.http import HttpRequest


def bell(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from .models import Notification

    return {"nav_unread": Notification.objects.filter(user=user, read_at__isnull=True).count()}
