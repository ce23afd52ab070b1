"""Held-out sets of other provinces', ministries' and communes' plans (tests/fixtures/heldoutN,
written independently of the reader, with hand-made gold) read with field F1 >= 0.97.

Each set was scored blind first (see its SCORE.txt); fixes made since are general rules
about how plans are written, and this test guards the overall score per set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from theodoi.reader import read_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SETS = {"heldout2": 8, "heldout3": 8, "heldout4": 8, "heldout5": 5, "heldout6": 6, "heldout7": 6, "heldout8": 6, "heldout9": 6, "heldout10": 8, "heldout11": 8}


def _doc(folder: Path, gold_path: Path) -> Path:
    return next(p for p in folder.iterdir() if p.stem == gold_path.stem and p.suffix in (".txt", ".md"))


@pytest.mark.parametrize(("name", "size"), SETS.items())
def test_heldout_set_overall_f1(scorer, name, size):
    folder = FIXTURES / name
    golds = sorted((folder / "gold").glob("*.json"))
    assert len(golds) == size
    total = scorer.Tally()
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        total.merge(scorer.score(gold, read_file(_doc(folder, gold_path)).plan))
    _p, _r, f1 = total.f1()
    assert f1 >= 0.97, f"{name}: overall field F1 {f1:.3f}"
