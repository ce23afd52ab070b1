"""Ranking score of a unit and its band. Pure Python; the weights come from settings.

score = 100 × (w_c × on-time completion rate + w_r × on-time reporting rate) / (w_c + w_r)
        − min(penalty × overdue tasks, penalty cap), clamped to 0–100.

A rate that cannot be computed (no task due yet, no report expected yet) drops
out and the remaining weight carries the score, so a unit is not punished for
having nothing due. A unit with neither rate has no score and no band.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

DEFAULT = {
    "completion_weight": 0.6,
    "reporting_weight": 0.4,
    "overdue_penalty": 2.0,
    "overdue_penalty_max": 20.0,
    "bands": [(80.0, "Tốt"), (65.0, "Khá"), (50.0, "Trung bình"), (0.0, "Yếu")],
    "reporting_periods": 6,
}
BAND_CSS = {"Tốt": "ok", "Khá": "info", "Trung bình": "warn", "Yếu": "bad"}


@dataclass(frozen=True)
class Scoring:
    completion_weight: float
    reporting_weight: float
    overdue_penalty: float
    overdue_penalty_max: float
    bands: tuple[tuple[float, str], ...]
    reporting_periods: int

    @classmethod
    def from_settings(cls, conf: Mapping | None = None) -> Scoring:
        merged = {**DEFAULT, **(conf or {})}
        bands = tuple(sorted(((float(lo), str(name)) for lo, name in merged["bands"]), reverse=True))
        return cls(completion_weight=float(merged["completion_weight"]),
                   reporting_weight=float(merged["reporting_weight"]),
                   overdue_penalty=float(merged["overdue_penalty"]),
                   overdue_penalty_max=float(merged["overdue_penalty_max"]),
                   bands=bands, reporting_periods=max(1, int(merged["reporting_periods"])))


def current() -> Scoring:
    from django.conf import settings

    return Scoring.from_settings(getattr(settings, "THEODOI_RANKING", None))


def score(*, completion_rate: float | None, reporting_rate: float | None, overdue: int,
          scoring: Scoring) -> float | None:
    """The unit's score out of 100 (one decimal), or None when neither rate exists."""
    parts = [(scoring.completion_weight, completion_rate), (scoring.reporting_weight, reporting_rate)]
    parts = [(w, r) for w, r in parts if r is not None and w > 0]
    weight = sum(w for w, _ in parts)
    if not parts or weight <= 0:
        return None
    base = 100.0 * sum(w * r for w, r in parts) / weight
    penalty = min(scoring.overdue_penalty * overdue, scoring.overdue_penalty_max)
    return round(max(0.0, min(100.0, base - penalty)), 1)


def band(value: float | None, bands: Sequence[tuple[float, str]]) -> str:
    """The name of the first band (best first) whose lower bound ``value`` reaches."""
    if value is None:
        return ""
    for low, name in sorted(bands, reverse=True):
        if value >= low:
            return name
    return bands[-1][1] if bands else ""
