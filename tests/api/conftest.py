"""API fixtures: a DRF client authenticated with a user's token."""

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
