"""Read a deadline cell ("Thời gian hoàn thành") into kind / due / every.

The forms are those of plan-format.md. Matching works on the folded text (no
diacritics, lower case, one dash style) so that "Quí", "Quý" and "QUÝ" read
alike; ``raw`` keeps the text as printed. A span ("2026 - 2030",
"Quý IV/2025 - Quý II/2026") is read as its end, which is the last dated
atom found left to right.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from theodoi.vntext import collapse_spaces, nfc

from .fastfold import fold

_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEAR = r"((?:19|20)\d\d)"

# One alternation, tried left to right, most specific first, so that a date is
# never read as a month plus a stray number, and "quy iv-2025" is one quarter.
_ATOM_RE = re.compile(
    r"(?P<date>\b(?P<d>[0-3]?\d)\s*[/.\-]\s*(?P<m>[01]?\d)\s*[/.\-]\s*(?P<y>(?:19|20)\d\d)\b)"
    r"|(?P<dlong>\bngay\s+(?P<d2>[0-3]?\d)\s+thang\s+(?P<m2>[01]?\d)\s*(?:nam|/|-)\s*(?P<y2>(?:19|20)\d\d)\b)"
    r"|(?P<half>\b(?:0?6)\s+thang\s+(?P<hpos>dau|cuoi)\s+(?:nam\s+)?(?P<hy>(?:19|20)\d\d)\b)"
    r"|(?P<quarter>\bqu[yi]\s*(?P<q>iv|iii|ii|i|[1-4])\b\s*(?:(?:/|-|nam)\s*)?(?P<qy>(?:19|20)\d\d)\b)"
    r"|(?P<month>\bthang\s*(?P<m3>[01]?\d)\s*(?:(?:/|-|nam)\s*)?(?P<y3>(?:19|20)\d\d)\b)"
    r"|(?P<bare_month>(?<![\d/.\-])(?P<m4>[01]?\d)\s*[/\-]\s*(?P<y4>(?:19|20)\d\d)\b)"
    r"|(?P<year>(?<![\d/.\-])" + _YEAR + r"\b(?![/.\-]\d))"
)

_RECURRING = (
    (re.compile(r"\b(?:0?6|sau)\s+thang\s*(?:mot|1|01)?\s*(?:lan|/\s*lan)\b|\bnua\s+nam\b"
                r"|\b(?:hang|hang)\s+(?:0?6)\s+thang\b|\bdinh\s+ky\s+(?:0?6)\s+thang\b"), "half-yearly"),
    (re.compile(r"\bhang\s+thang\b|\bthang\s*/\s*lan\b|\bmoi\s+thang\b"), "monthly"),
    (re.compile(r"\bhang\s+quy\b|\bmoi\s+quy\b|\bquy\s*/\s*lan\b"), "quarterly"),
    (re.compile(r"\bhang\s+nam\b|\bmoi\s+nam\b|\bnam\s*/\s*lan\b|\bcac\s+nam\s+tiep\s+theo\b"
                r"|\bnhung\s+nam\s+tiep\s+theo\b"), "yearly"),
    (re.compile(r"\bthuong\s+xuyen\b|\blien\s+tuc\b"), "continuous"),
)


_YEAR_SPAN_RE = re.compile(r"\b((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)\b")


def _last_day(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _iso(year: int, month: int, day: int) -> str | None:
    if not (1 <= month <= 12) or not (1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _atom(m: re.Match) -> tuple[str, str] | None:
    """(kind, due) of one matched atom, or None when its numbers are impossible."""
    if m.group("date"):
        due = _iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        return ("date", due) if due else None
    if m.group("dlong"):
        due = _iso(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        return ("date", due) if due else None
    if m.group("half"):
        month = 6 if m.group("hpos") == "dau" else 12
        return "month", _last_day(int(m.group("hy")), month)
    if m.group("quarter"):
        q = m.group("q")
        quarter = _ROMAN_Q.get(q) or int(q)
        return "quarter", _last_day(int(m.group("qy")), quarter * 3)
    if m.group("month"):
        month = int(m.group("m3"))
        return ("month", _last_day(int(m.group("y3")), month)) if 1 <= month <= 12 else None
    if m.group("bare_month"):
        month = int(m.group("m4"))
        return ("month", _last_day(int(m.group("y4")), month)) if 1 <= month <= 12 else None
    if m.group("year"):
        return "year", f"{int(m.group('year')):04d}-12-31"
    return None


def _recurrence(folded: str) -> str | None:
    for pattern, every in _RECURRING:
        if pattern.search(folded):
            return every
    return None


def parse_deadline(raw: str | None) -> dict:
    """Return {"raw", "kind", "due", "every"} for a deadline as printed.

    ``kind`` is "none" both for a blank cell and for a phrase that names no
    time at all (the caller may warn about the latter: raw is kept).
    """
    text = collapse_spaces(nfc(raw)) if raw else ""
    text = text.strip(" ;,")
    if not text:
        return {"raw": None, "kind": "none", "due": None, "every": None}
    folded = _YEAR_SPAN_RE.sub(r"\1 - \2", fold(text))
    atoms = [a for a in (_atom(m) for m in _ATOM_RE.finditer(folded)) if a]
    every = _recurrence(folded)
    # "Thường xuyên", "Hằng năm (trước 15/12)": a recurring phrase that opens
    # the cell wins over the dates that qualify it.
    if every and (not atoms or _starts_recurring(folded) or _ONWARD_RE.search(folded)):
        return {"raw": text, "kind": "recurring", "due": None, "every": every}
    if atoms:
        kind, due = atoms[-1]
        return {"raw": text, "kind": kind, "due": due, "every": None}
    return {"raw": text, "kind": "none", "due": None, "every": None}


# "Năm 2026 và các năm tiếp theo": from that year on, every year.
_ONWARD_RE = re.compile(r"\bva\s+(?:cac|nhung)\s+nam\s+tiep\s+theo\b")
_RECUR_START_RE = re.compile(r"^(?:nhiem vu\s+)?(?:thuong xuyen|hang|dinh ky|moi|lien tuc|0?6 thang)")


def _starts_recurring(folded: str) -> bool:
    return bool(_RECUR_START_RE.match(folded))


_QUICK_RE = re.compile(r"\d|xuyên|[Hh][àằ]ng|tục|[Đđ]ịnh kỳ|lần|[Mm]ỗi")


@lru_cache(maxsize=16384)
def is_deadline(text: str | None) -> bool:
    """True when the whole text reads as a deadline phrase (used to find cells)."""
    if not text or len(text) > 60 or not _QUICK_RE.search(text):
        return False
    return looks_like_deadline_phrase(text) and parse_deadline(text)["kind"] != "none"


# A deadline cell is short and made of time words; task text that merely
# mentions "năm 2025" is not one.
_PHRASE_RE = re.compile(
    r"^(?:(?:(?:nhiem vu\s+)?thuong xuyen|lien tuc|hang|dinh ky|moi|truoc|cham nhat|den|tu|trong|"
    r"hoan thanh|quy|qui|thang|nam|ngay|giai doan|cuoi|dau|0?6 thang)(?![a-z])"
    r"|\d{1,2}\s*[/.\-]\s*\d|(?:19|20)\d\d\b)"
)


def looks_like_deadline_phrase(text: str) -> bool:
    folded = fold(text)
    if not _PHRASE_RE.match(folded):
        return False
    words = folded.split()
    return len(words) <= 10
