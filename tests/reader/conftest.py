"""Shared helpers for the reader tests: plain Python, no Django needed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fast_password_hasher():
    """Overrides the project-wide autouse fixture, which needs Django's settings."""
    return None


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "tests" / "fixtures" / "seeds"


@pytest.fixture(scope="session")
def scorer():
    """The project's scorer (tools/score_import.py), imported as a module."""
    spec = importlib.util.spec_from_file_location("score_import", ROOT / "tools" / "score_import.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
