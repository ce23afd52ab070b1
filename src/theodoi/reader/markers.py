"""Item markers at the start of a paragraph: "I.", "1.", "1.1.", "(1).", "a)", "-".

Vietnamese administrative documents number their parts with Roman numerals
("I.", "II-"), then Arabic ("1.", "2."), then sub-levels ("1.1.", "2.3.1"),
then letters ("a)", "b)"), then dashes and plus signs; targets are often
numbered "(1)", "(2)". A marker's kind tells its level in that hierarchy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

_MARKER_RE = re.compile(
    r"^\s*(?:"
    r"(?P<roman>[IVXL]{1,6})\s*[.\-–:)]\s*(?=\S)"
    r"|\((?P<paren>\d{1,3}|[a-zđ])\)\s*[.:]?\s*"
    r"|(?P<multi>\d{1,3}(?:\.\d{1,3}){1,4})\.?(?=\s|$)\s*"
    r"|(?P<num>\d{1,3})\s*(?P<numend>[.)])(?!\d)\s*(?=\S|$)"
    r"|(?P<letter>[a-zđ])\s*[).]\s+"
    r"|(?P<bullet>[-–—+•*●▪◦·■□➢✓](?=\s|[A-ZĐÀ-Ỹa-zà-ỹ0-9(]))\s*"
    r")"
)
_TABLE_NO_RE = re.compile(
    r"^\s*(?P<no>[IVXL]{1,6}|\d{1,3}(?:\.\d{1,3}){0,4}|[A-ZĐ]|[a-zđ])\s*[.):]?\s*(?:\s(?P<rest>.*))?$"
)


@dataclass
class Marker:
    kind: str  # roman | num | multi | paren | letter | bullet
    label: str | None  # as printed, without brackets and dots: "II", "1", "1.2", "a"
    rest: str  # the paragraph text after the marker
    closer: str = ""  # ")" for "1)" and "a)", "." for "1." and "a.": two styles are two levels

    @property
    def level(self) -> int:
        """Rank in the usual hierarchy; lower is higher."""
        if self.kind == "roman":
            return 1
        if self.kind == "num":
            return 2
        if self.kind == "multi":
            return 1 + (self.label or "").count(".") + 1
        if self.kind == "paren":
            return 6
        if self.kind == "letter":
            return 7
        return 8


def roman_to_int(text: str) -> int | None:
    text = text.upper()
    if not text or any(ch not in _ROMAN_VALUES for ch in text):
        return None
    total, prev = 0, 0
    for ch in reversed(text):
        value = _ROMAN_VALUES[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total if total > 0 else None


def parse_marker(text: str) -> Marker | None:
    """The marker that opens ``text``, or None."""
    m = _MARKER_RE.match(text)
    if not m:
        return None
    rest = text[m.end():].strip()
    if m.group("roman"):
        roman = m.group("roman")
        if roman_to_int(roman) is None:
            return None
        # "V.v." or "L." followed by lower case is not a heading.
        if rest and rest[0].islower():
            return None
        return Marker("roman", roman, rest)
    if m.group("paren"):
        return Marker("paren", m.group("paren"), rest)
    if m.group("multi"):
        label = m.group("multi")
        # "2.000 doanh nghiệp", "1.5 lần": a number, not a marker.
        if rest and (rest[0].islower() or rest[0] in "%"):
            return None
        return Marker("multi", label, rest)
    if m.group("num"):
        # "2025." or "25%." are not markers; "15. Có" is.
        if rest and rest[0] in "%/":
            return None
        return Marker("num", m.group("num"), rest, m.group("numend"))
    if m.group("letter"):
        return Marker("letter", m.group("letter"), rest)
    if m.group("bullet"):
        return Marker("bullet", None, rest)
    return None


def parse_row_number(text: str) -> tuple[str, str] | None:
    """A table row's number and the text glued after it ("4 Quan tâm ..." -> ("4", "Quan tâm ...")).

    The number is returned without brackets or trailing dots.
    """
    t = text.strip().strip("()")
    m = _TABLE_NO_RE.match(t)
    if not m:
        return None
    no = m.group("no")
    rest = (m.group("rest") or "").strip()
    return no.rstrip("."), rest


def is_roman(label: str | None) -> bool:
    return bool(label) and roman_to_int(label) is not None and label.isupper()
