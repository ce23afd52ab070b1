"""Keys for finding the same plan, indicator or number again, whatever the spelling."""

from __future__ import annotations

import hashlib
import json
import re

from rapidfuzz import fuzz

from theodoi.vntext import fold

_NUMBER_SPACES = re.compile(r"\s*([-/])\s*")
_YEAR = re.compile(r"\bn[aă]m\s+(20\d\d)\b", re.IGNORECASE)
_INDICATOR_NOISE = re.compile(
    r"(≥|≤|>=|<=|\$[^$]*\$|\d+([.,]\d+)?\s*%?|\b(co|toi thieu|toi da|it nhat|khong duoi|"
    r"khong qua|dat|tren|duoi|khoang|phan dau|huong toi|dam bao|tang|so)\b)"
)


def number_key(number: str | None) -> str:
    """'57 - NQ/TW' and '57-NQ/TW' and '57-nq/tw' give the same key."""
    if not number:
        return ""
    return _NUMBER_SPACES.sub(r"\1", fold(number)).replace(" ", "").upper()


def content_hash(plan_json: dict) -> str:
    """Identity of an unnumbered plan: its title and the texts of its targets and tasks."""
    payload = {
        "title": fold(plan_json["plan"].get("title")),
        "targets": [fold(t.get("text")) for t in plan_json.get("targets", [])],
        "tasks": [fold(t.get("text")) for t in plan_json.get("tasks", [])],
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()


# Words that change how a target is phrased, not what it measures.
_INDICATOR_STOPWORDS = frozenset(
    ["ty", "le", "nguoi", "dan", "duoc", "co", "cua", "cac", "trong", "va", "cho", "voi", "phan", "dau", "dat", "toi", "thieu", "it", "nhat"]
)
_AREA = re.compile(r"\b(tren )?dia ban( (toan )?(tinh|xa))?\b")
LEVEL_WORDS = frozenset({"xa", "tinh"})


def indicator_key(text: str) -> str:
    """What a target measures, without its bound: '5G ≥ 45%' and '5G tối thiểu 70%' meet."""
    folded = fold(text)
    folded = _INDICATOR_NOISE.sub(" ", folded)
    folded = re.sub(r"[^\w\s]", " ", folded)
    folded = _AREA.sub(" ", folded)
    return " ".join(w for w in folded.split() if w not in _INDICATOR_STOPWORDS)


def indicator_similarity(a: str, b: str, **_kwargs) -> float:
    """0-100 likeness of two indicator keys; 0 when they name different levels (xã vs tỉnh)."""
    levels_a = LEVEL_WORDS.intersection(a.split())
    levels_b = LEVEL_WORDS.intersection(b.split())
    if levels_a and levels_b and not levels_a & levels_b:
        return 0.0
    return (fuzz.token_sort_ratio(a, b) + fuzz.token_set_ratio(a, b)) / 2


def year_in(text: str | None) -> int | None:
    """The last 'năm YYYY' in a text (a plan title or a group heading)."""
    if not text:
        return None
    found = _YEAR.findall(text)
    return int(found[-1]) if found else None
