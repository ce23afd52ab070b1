"""Paths of the copied seed documents and their gold readings (no dependency on ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
GOLD = SEEDS / "gold"


def gold(stem: str) -> dict:
    """The hand-checked plan JSON of a seed document (prefix of its file name is enough)."""
    path = next(GOLD.glob(f"{stem}*.json"))
    return json.loads(path.read_text(encoding="utf-8"))


def seed_document(stem: str) -> Path:
    return next(SEEDS.glob(f"{stem}*.txt"))
