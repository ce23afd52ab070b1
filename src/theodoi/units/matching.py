"""Turning an agency name as printed into a lookup key, and proposing close units.

Keys are insensitive to case, spacing, dash style and diacritics
(``theodoi.vntext.name_key``); common abbreviations are expanded so that
"UBND tỉnh" and "Ủy ban nhân dân tỉnh" meet.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from theodoi.vntext import name_key

# Folded abbreviation -> folded full form. Order matters: longer first.
ABBREVIATIONS: list[tuple[str, str]] = [
    (r"\bvp hdnd-ubnd\b", "van phong hdnd va ubnd"),
    (r"\bhdnd-ubnd\b", "hdnd va ubnd"),
    (r"\bubnd\b", "uy ban nhan dan"),
    (r"\bhdnd\b", "hoi dong nhan dan"),
    (r"\bmttq\b", "mat tran to quoc"),
    (r"\bmttqvn\b", "mat tran to quoc viet nam"),
    (r"\bvp\b", "van phong"),
    (r"\bkh&cn\b", "khoa hoc va cong nghe"),
    (r"\bkhcn\b", "khoa hoc va cong nghe"),
    (r"\bbcd\b", "ban chi dao"),
    (r"\bttg\b", "to giup viec"),
    (r"\bbchqs\b", "bo chi huy quan su"),
    (r"\bdu\b", "dang uy"),
    (r"\btu\b", "tinh uy"),
    (r"\bvh-xh\b", "van hoa-xa hoi"),
    (r"\blhpn\b", "lien hiep phu nu"),
]
_ABBREV_RE = [(re.compile(p), full) for p, full in ABBREVIATIONS]


def match_key(name: str | None) -> str:
    """The key under which a unit name or alias is looked up."""
    key = name_key(name)
    key = key.replace(" - ", "-")
    for pattern, full in _ABBREV_RE:
        key = pattern.sub(full, key)
    key = re.sub(r"\s*&\s*", " va ", key)
    return " ".join(key.split())


def closest(name: str, choices: dict[int, str], *, limit: int = 5, cutoff: float = 60) -> list[tuple[int, float]]:
    """Unit ids whose key is closest to ``name``, best first, with a 0-100 score."""
    query = match_key(name)
    found = process.extract(query, choices, scorer=fuzz.token_sort_ratio, limit=limit, score_cutoff=cutoff)
    return [(key, score) for _value, score, key in found]
