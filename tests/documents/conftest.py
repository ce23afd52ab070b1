"""The document renderers are plain Python: these tests run without Django
(``pytest -p no:django tests/documents``), so the suite-wide Django fixtures are
replaced by no-ops here."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def fast_password_hasher():
    """Overrides tests/conftest.py's fixture, which needs pytest-django's ``settings``."""
    yield
