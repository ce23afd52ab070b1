"""Vietnamese text helpers shared by the reader and the web app (no Django).

Folding rule: NFC, strip combining marks, map đ/Đ explicitly (đ has no
combining mark, so NFD-stripping alone would keep it), unify dashes,
lower-case, collapse white space.
"""

from __future__ import annotations

import re
import unicodedata

DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_SPACE_RE = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Unicode NFC form."""
    return unicodedata.normalize("NFC", text)


def collapse_spaces(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    return _SPACE_RE.sub(" ", text).strip()


def strip_marks(text: str) -> str:
    """Remove Vietnamese diacritics: 'Phủ sóng Đà' -> 'Phu song Da'."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


def fold(text: str | None) -> str:
    """Search key: no marks, no case, one dash style, single spaces."""
    if not text:
        return ""
    return collapse_spaces(strip_marks(nfc(text)).translate(DASHES).lower())


def name_key(text: str | None) -> str:
    """Key for matching agency names: fold(), then drop punctuation around words."""
    folded = fold(text)
    folded = re.sub(r"\s*-\s*", "-", folded)
    folded = re.sub(r"[\"'“”‘’.,;:()\[\]]", " ", folded)
    return collapse_spaces(folded)
