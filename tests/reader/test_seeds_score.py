"""The five seed plans read with field F1 >= 0.99 against their hand-checked gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from theodoi.reader import read_file

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
GOLD = sorted((SEEDS / "gold").glob("*.json"))


def test_seed_copies_present():
    assert len(GOLD) == 5


def test_overall_f1(scorer):
    total = scorer.Tally()
    for gold_path in GOLD:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = read_file(SEEDS / f"{gold_path.stem}.txt").plan
        total.merge(scorer.score(gold, pred))
    _p, _r, f1 = total.f1()
    assert f1 >= 0.99, f"overall field F1 {f1:.3f}"


@pytest.mark.parametrize("gold_path", GOLD, ids=[g.stem for g in GOLD])
def test_each_seed(scorer, gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pred = read_file(SEEDS / f"{gold_path.stem}.txt").plan
    _p, _r, f1 = scorer.score(gold, pred).f1()
    assert f1 >= 0.97, f"{gold_path.stem}: field F1 {f1:.3f}"
