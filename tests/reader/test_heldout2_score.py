"""The second, blind held-out set (eight plans) (written independently of the reader) read with field F1 >= 0.97.

These documents were never tuned on line by line: a fix must be a general rule about
how plans are written (see the first held-out set's NOTES.md), and this test only
guards the overall score, as the project's goal for unseen documents.
"""

from __future__ import annotations

import json
from pathlib import Path

from theodoi.reader import read_file

HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout2"
GOLD = sorted((HELDOUT / "gold").glob("*.json"))


def _doc(gold_path: Path) -> Path:
    return next(p for p in HELDOUT.iterdir() if p.stem == gold_path.stem and p.suffix in (".txt", ".md"))


def test_heldout_present():
    assert len(GOLD) == 8


def test_heldout_overall_f1(scorer):
    total = scorer.Tally()
    for gold_path in GOLD:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        total.merge(scorer.score(gold, read_file(_doc(gold_path)).plan))
    _p, _r, f1 = total.f1()
    assert f1 >= 0.97, f"overall field F1 {f1:.3f}"
