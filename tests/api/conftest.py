"""API fixtures: a DRF client authenticated with a user's token; stored files under a temporary
media root; the tasks Bình Lư's Phòng Kinh tế leads."""

from __future__ import annotations

import pytest


@pytest.fixture
def api():
    """``api(user)`` → an APIClient sending ``Authorization: Token …`` for that user."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    def _client(user=None):
        client = APIClient()
        if user is not None:
            token, _ = Token.objects.get_or_create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return _client


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def kt_tasks(seeded):
    """III.5 and III.6 of Bình Lư's plan, led by its Phòng Kinh tế."""
    return list(seeded["002"].tasks.filter(code__in=["III.5", "III.6"]).order_by("position"))
