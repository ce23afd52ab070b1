"""Automatic list numbers of a DOCX (w:numPr), which python-docx does not render.

Plan tables often number their rows with Word's automatic numbering, so
without this the row "1.1" would reach the interpreter as an empty cell.
Supported: decimal (multi-level "%1.%2."), decimalZero, upper/lower Roman,
upper/lower letter, bullets, start values, startOverride, isLgl, and styles
that carry a numPr (with basedOn inheritance). Counters are kept per
abstract numbering definition, as Word does for list instances that share
one, and restart when a w:num with a startOverride is first used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

W_VAL = qn("w:val")


def to_roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def to_letter(n: int) -> str:
    # Word's letter numbering: A..Z, then AA..ZZ, AAA... (repeat, not base 26).
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return to_roman(n)
    if fmt == "lowerRoman":
        return to_roman(n).lower()
    if fmt == "upperLetter":
        return to_letter(n)
    if fmt == "lowerLetter":
        return to_letter(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _bullet(text: str) -> str:
    # Bullets drawn from Symbol/Wingdings use private-use code points.
    if not text or any("\uf000" <= ch <= "\uf0ff" for ch in text):
        return "•"
    return text


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = " "
    is_lgl: bool = False


@dataclass
class NumInstance:
    abstract_id: str
    overrides: dict[int, int] = field(default_factory=dict)  # ilvl -> start


def _val(el, tag: str, default: str | None = None) -> str | None:
    child = el.find(qn(tag)) if el is not None else None
    if child is None:
        return default
    return child.get(W_VAL, default)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Numbering:
    def __init__(self) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, NumInstance] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.starts: dict[str, dict[int, int]] = {}  # restarted levels per abstract
        self.seen_nums: set[str] = set()

    @classmethod
    def from_document(cls, document) -> Numbering:
        self = cls()
        numbering_el = None
        for rel in document.part.rels.values():
            if rel.reltype.endswith("/numbering") and not rel.is_external:
                numbering_el = rel.target_part.element
                break
        if numbering_el is not None:
            self._load_numbering(numbering_el)
        try:
            styles_el = document.styles.element
        except Exception:  # a document without a styles part
            styles_el = None
        if styles_el is not None:
            self._load_styles(styles_el)
        return self

    def _load_numbering(self, root) -> None:
        for abstract in root.iterchildren(qn("w:abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in abstract.iterchildren(qn("w:lvl")):
                ilvl = _int(lvl.get(qn("w:ilvl")), 0)
                suff = _val(lvl, "w:suff", "tab")
                levels[ilvl] = Level(
                    start=_int(_val(lvl, "w:start"), 1),
                    fmt=_val(lvl, "w:numFmt", "decimal") or "decimal",
                    text=_val(lvl, "w:lvlText", "") or "",
                    suffix="" if suff == "nothing" else " ",
                    is_lgl=lvl.find(qn("w:isLgl")) is not None,
                )
            self.abstracts[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.iterchildren(qn("w:num")):
            inst = NumInstance(abstract_id=_val(num, "w:abstractNumId", "") or "")
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = _val(override, "w:startOverride")
                if start is not None:
                    inst.overrides[_int(override.get(qn("w:ilvl")), 0)] = _int(start, 1)
            self.nums[num.get(qn("w:numId"))] = inst

    def _load_styles(self, root) -> None:
        raw: dict[str, tuple[str | None, int | None, str | None]] = {}
        for style in root.iterchildren(qn("w:style")):
            sid = style.get(qn("w:styleId"))
            ppr = style.find(qn("w:pPr"))
            numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
            num_id = _val(numpr, "w:numId")
            ilvl = _val(numpr, "w:ilvl")
            raw[sid] = (num_id, _int(ilvl, 0) if ilvl is not None else None, _val(style, "w:basedOn"))
        for sid in raw:
            seen: set[str] = set()
            current: str | None = sid
            num_id, ilvl = None, None
            while current in raw and current not in seen:
                seen.add(current)
                n, lv, based = raw[current]
                num_id = num_id or n
                ilvl = ilvl if ilvl is not None else lv
                if num_id is not None:
                    break
                current = based
            if num_id is not None:
                self.style_num[sid] = (num_id, ilvl or 0)

    def label(self, p) -> str:
        """The number/bullet Word would draw before paragraph ``p``, with its suffix."""
        ppr = p.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = _val(numpr, "w:numId")
        ilvl_s = _val(numpr, "w:ilvl")
        if num_id is None:
            style = _val(ppr, "w:pStyle")
            if style is None or style not in self.style_num:
                return ""
            num_id, style_lvl = self.style_num[style]
            ilvl = _int(ilvl_s, style_lvl)
        else:
            ilvl = _int(ilvl_s, 0)
        inst = self.nums.get(num_id)
        if num_id == "0" or inst is None:
            return ""
        levels = self.abstracts.get(inst.abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(inst.abstract_id, {})
        starts = self.starts.setdefault(inst.abstract_id, {})
        if num_id not in self.seen_nums:
            self.seen_nums.add(num_id)
            for lv, start in inst.overrides.items():
                counters.pop(lv, None)
                starts[lv] = start

        def start_of(lv: int) -> int:
            return starts.get(lv, levels.get(lv, Level()).start)

        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start_of(ilvl)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            return _bullet(level.text) + level.suffix
        text = level.text
        for lv in range(8, -1, -1):
            token = f"%{lv + 1}"
            if token not in text:
                continue
            value = counters.get(lv, start_of(lv))
            fmt = "decimal" if level.is_lgl else levels.get(lv, Level()).fmt
            text = text.replace(token, format_number(value, fmt))
        return (text + level.suffix) if text else ""
