"""Sending notifications: an in-app row per user, and an e-mail once the transaction commits."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone

from .models import Notification


def notify(*, users: Iterable, kind: str, title: str, body: str = "", url: str = "",
           dedupe_key: str = "", email: bool = True) -> list[Notification]:
    """Notify ``users``. With ``dedupe_key``, users already notified under that key are skipped.

    Call inside the caller's transaction: rows roll back with it and e-mails
    leave only after commit.
    """
    users = [u for u in users if u is not None and u.is_active]
    if dedupe_key:
        done = set(Notification.objects.filter(
            dedupe_key=dedupe_key, user__in=[u.pk for u in users]).values_list("user_id", flat=True))
        users = [u for u in users if u.pk not in done]
    rows = Notification.objects.bulk_create([
        Notification(user=u, kind=kind, title=title[:300], body=body, url=url, dedupe_key=dedupe_key)
        for u in users
    ])
    recipients = [u.email for u in users if u.email]
    if email and recipients:
        link = f"\n\n{settings.THEODOI_SITE_URL.rstrip('/')}{url}" if url else ""
        messages = [(f"[theodoi] {title}", f"{body}{link}", settings.DEFAULT_FROM_EMAIL, [r])
                    for r in recipients]
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))
    return rows


def mark_read(*, user, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read (all when ``ids`` is None)."""
    rows = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    return rows.update(read_at=timezone.now())
