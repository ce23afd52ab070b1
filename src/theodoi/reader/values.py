"""Read a target's comparator, value and unit, from a result cell or from prose.

"≥ 70" -> (">=", 70); "100" -> ("=", 100); "3-5" -> ("range", 3, 5);
"Duy trì" -> ("qualitative", "Duy trì"); "tối thiểu 45%" -> (">=", 45, "%");
"đạt 6,5% GRDP" -> ("=", 6.5, "% GRDP"); "09/33 bản" -> ("=", 9, "bản").
Numbers use the Vietnamese decimal comma; a dot followed by three digits is a
thousands separator ("2.000"), otherwise a decimal point ("0.65").
"""

from __future__ import annotations

import re

from theodoi.vntext import collapse_spaces

_NUM = r"\d+(?:[.,]\d+)*"
_GE_WORDS = r"tối thiểu|ít nhất|không dưới|không thấp hơn|trên|lớn hơn|từ|hơn|vượt"
_LE_WORDS = r"tối đa|không quá|không vượt quá|dưới|nhỏ hơn|thấp hơn|ít hơn|giảm xuống dưới"
_RANGE_RE = re.compile(rf"(?:từ\s+)?(?P<lo>{_NUM})\s*(?P<u1>%)?\s*(?:-|–|—|đến|tới)\s*(?P<hi>{_NUM})\s*(?P<u2>%)?",
                       re.IGNORECASE)
# "Khoảng 30", "Xấp xỉ 50": an approximate figure is still the value to reach.
_APPROX_RE = re.compile(r"^(?:khoảng|xấp xỉ|gần|ước đạt|đạt)\s+(?=\d)", re.IGNORECASE)
# "90% trở lên", "0,85 trở lên", "5 ngày trở xuống": the bound comes after the number.
_UPWARD_RE = re.compile(
    rf"(?P<num>{_NUM})\s*(?:%\s*)?(?:[^\s\d,.;:()%]+\s+){{0,2}}?trở\s+(?P<dir>lên|xuống)\b", re.IGNORECASE)
# Words after a number that are not its unit.
_NOT_UNITS = frozenset(("trở", "vào", "trong", "so", "và", "tại", "của", "đến", "trên", "dưới", "cả", "toàn"))
_SYM_RE = re.compile(rf"(?P<op>≥|≤|>=|<=|>|<|=|~)\s*(?P<num>{_NUM})")
_WORD_RE = re.compile(
    rf"(?<!\w)(?P<op>{_GE_WORDS}|{_LE_WORDS})(?:\s+(?:mức|là|đạt|bằng|khoảng))?\s+(?P<num>{_NUM})(?!\s*[/\-]\s*\d)",
    re.IGNORECASE,
)
_PROSE_RANGE_RE = re.compile(
    rf"(?:(?P<tu>\btừ)\s+)?(?P<lo>{_NUM})\s*(?P<u1>%)?\s*(?:-|–|—|đến|tới)\s*(?P<hi>{_NUM})\s*(?P<u2>%)?",
    re.IGNORECASE,
)
# Units of two words; otherwise the one word after the number is the unit.
_TWO_WORD_UNITS = ("doanh nghiệp", "sản phẩm", "công trình", "sáng kiến", "mô hình", "bài báo",
                   "nhiệm vụ", "dự án", "tổ chức", "cán bộ", "người dân", "hộ gia đình", "lượt người",
                   "hợp tác xã", "cơ sở", "đơn vị", "thủ tục", "hồ sơ", "ngày làm việc", "giờ làm việc",
                   "điểm truy cập", "trạm BTS", "quốc gia", "tài khoản", "nền tảng", "diễn đàn", "trung tâm",
                   "hệ thống", "văn bằng", "sáng chế", "chi bộ", "đảng viên", "cuộc thi",
                   "hội nghị", "hội thảo", "chương trình", "đề án", "tin bài", "giải pháp", "ứng dụng",
                   "dịch vụ", "cơ sở dữ liệu", "phần mềm", "thiết bị", "công trình", "làng nghề",
                   "chuyên khoa", "lượt truy cập", "câu lạc bộ", "đội hình", "đội tuyển", "nhóm nghiên cứu",
                   "điểm cầu", "lớp học", "khóa học", "bài viết", "phòng thí nghiệm", "tổ công nghệ",
                   "công chức", "viên chức", "tiêu chuẩn")
_STRONG_WORDS = {"tối thiểu", "ít nhất", "không dưới", "không thấp hơn", "tối đa", "không quá",
                 "không vượt quá", "lớn hơn", "nhỏ hơn", "thấp hơn", "ít hơn", "giảm xuống dưới", "vượt"}
_REACH_BEFORE_RE = re.compile(r"\b(?:đạt|là|ở mức|phấn đấu|duy trì)\s*$", re.IGNORECASE)
_PCT_RE = re.compile(rf"(?<![\w/.,])(?P<num>{_NUM})\s*%")
_REACH_RE = re.compile(rf"\b(?:đạt|là|bằng|khoảng|chiếm)\s+(?:mức\s+)?(?P<num>{_NUM})(?!\s*[/\-]\s*\d)",
                       re.IGNORECASE)  # "Khoảng 300 hộ ..." opens an item
_HAVE_COUNT_RE = re.compile(rf"^\s*(?:phấn đấu|bảo đảm|đảm bảo)?\s*(?:(?:có|xây dựng|hình thành|thu hút|hoàn thành|"
                            rf"số hóa|số hoá|đào tạo|bồi dưỡng|tổ chức|hỗ trợ|cấp|phát triển|triển khai)\s+){{1,2}}"
                            rf"(?:(?:thêm|ít nhất|tối thiểu)\s+)?(?P<num>{_NUM})(?!\s*[/\-%]|\s*\d|[^\W\d_])", re.IGNORECASE)
_FRACTION_RE = re.compile(r"(?<![\w/.,])(?P<num>\d+)\s*/\s*(?P<den>\d+)\s+(?P<unit>[^\s,.;:()]+)")
_BARE_RE = re.compile(rf"^\s*(?P<num>{_NUM})\s*(?P<rest>.*)$")
_UNIT_AFTER_PCT_RE = re.compile(r"^\s*%\s*(?P<acr>GRDP|GDP|NSNN|NSĐP)\b")
_YEARLIKE_RE = re.compile(r"^(?:19|20)\d\d$")
_GE_SET = set(_GE_WORDS.split("|"))
# A result written as a sentence, with no number: "Hạ tầng số: đạt mức tiên tiến của khu vực."
# (what is measured, a colon, the result) or "... đạt mức khá trở lên".
_RESULT_VERBS = (r"(?:đạt|duy trì|giữ vững|nằm trong|thuộc nhóm|vươn lên|xếp loại|xếp hạng|trở thành|"
                 r"hoàn thành|được công nhận|ở mức)")
_LABELLED_RESULT_RE = re.compile(
    rf"^[^:]{{3,160}}:\s*(?P<res>{_RESULT_VERBS}\b.*?)[.;]?\s*$", re.IGNORECASE | re.DOTALL)
_LEVEL_RESULT_RE = re.compile(r"(?<!\w)(?P<res>(?:đạt|ở|thuộc)\s+(?:mức|nhóm|loại|chuẩn)\s.*?)[.;]?\s*$",
                              re.IGNORECASE | re.DOTALL)


# A target with no figure whose result is a state: "Duy trì vận hành ổn định ...",
# "Hệ thống camera ... được kết nối về Trung tâm ...", "Giải thưởng ... được duy trì hằng năm".
# The verb opens the sentence or follows "được".
_STATE_VERBS = r"(?:duy trì|kết nối|nâng cấp|hoàn thiện|đưa vào vận hành|vận hành)"
_STATE_VERB_RE = re.compile(
    rf"(?:^\s*|(?<!\w)được\s+)(?P<verb>{_STATE_VERBS})(?!\w)", re.IGNORECASE)


def to_number(text: str) -> float | int | None:
    t = text.strip()
    if not t:
        return None
    if "," in t and "." in t:
        t = t.replace(".", "").replace(",", ".")
    elif "," in t:
        parts = t.split(",")
        t = t.replace(",", ".") if len(parts) == 2 else t.replace(",", "")
    elif t.count(".") > 1 or re.fullmatch(r"\d{1,3}\.\d{3}", t) and not t.startswith("0"):
        t = t.replace(".", "")
    try:
        value = float(t)
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


def _op(word: str) -> str:
    w = word.lower()
    if w in ("≥", ">=", ">"):
        return ">="
    if w in ("≤", "<=", "<"):
        return "<="
    if w in ("=", "~"):
        return "="
    return ">=" if w in _GE_SET else "<="


def _pct_unit(text: str, end: int) -> str | None:
    m = _UNIT_AFTER_PCT_RE.match(text[end:])
    if m:
        return f"% {m.group('acr')}"
    if text[end:].lstrip().startswith("%"):
        return "%"
    return None


def read_value_cell(cell: str | None) -> dict:
    """A table's result cell: comparator, value, value_max, qualitative, unit (from a % sign)."""
    out = {"comparator": None, "value": None, "value_max": None, "qualitative": None, "unit": None}
    text = collapse_spaces(cell or "")
    if not text or text in ("-", "–", "x", "X"):
        return out
    first = re.split(r";|\n", text)[0].strip()
    rm = _RANGE_RE.match(first)
    if rm and (rm.end() == len(first) or not re.search(r"\d", first[rm.end():])):
        lo, hi = to_number(rm.group("lo")), to_number(rm.group("hi"))
        if lo is not None and hi is not None and lo < hi and not _YEARLIKE_RE.match(rm.group("hi")):
            out.update(comparator="range", value=lo, value_max=hi)
            if rm.group("u1") or rm.group("u2"):
                out["unit"] = "%"
            return out
    sm = _SYM_RE.search(first)
    if sm and sm.start() <= 3:
        out.update(comparator=_op(sm.group("op")), value=to_number(sm.group("num")))
        out["unit"] = _pct_unit(first, sm.end())
        return out
    wm = _WORD_RE.match(first)
    if wm:
        out.update(comparator=_op(wm.group("op")), value=to_number(wm.group("num")))
        out["unit"] = _pct_unit(first, wm.end())
        return out
    bare = _APPROX_RE.sub("", first)
    bm = _BARE_RE.match(bare)
    if bm and len(bm.group("rest").split()) <= 3:
        out.update(comparator=_upward(bare, "="), value=to_number(bm.group("num")))
        out["unit"] = _pct_unit(bare, bm.end("num"))
        return out
    if re.search(r"\d", first):
        got = read_prose_value(first)
        if got["comparator"]:
            return got
    out.update(comparator="qualitative", qualitative=text)
    return out


def _upward(text: str, op: str, num_start: int = 0) -> str:
    """``op`` turned into a bound by a following "trở lên" / "trở xuống"."""
    m = _UPWARD_RE.match(text, num_start) if num_start else _UPWARD_RE.search(text)
    if not m or op not in ("=", ">=", "<="):
        return op
    return ">=" if m.group("dir").lower() == "lên" else "<="


# "cơ sở dữ liệu" before "cơ sở": the longest compound printed wins.
_UNITS_LONGEST_FIRST = tuple(sorted(set(_TWO_WORD_UNITS), key=len, reverse=True))


def _noun_unit(text: str, end: int) -> str | None:
    """The unit word(s) printed after a number: "5 ngày làm việc" -> "ngày làm việc"."""
    rest = text[end:].lstrip()
    low = rest.lower()
    for unit in _UNITS_LONGEST_FIRST:
        if low.startswith(unit.lower()) and (len(low) == len(unit) or not low[len(unit)].isalnum()):
            return rest[: len(unit)]
    m = re.match(r"([^\s,.;:()%]+)", rest)
    if not m or m.group(1)[:1].isdigit() or m.group(1).lower() in _NOT_UNITS:
        return None
    return m.group(1)


_CLOSING_RE = re.compile(r"^\s*(?:[^\s\d,.;:()]+(?:\s+[^\s\d,.;:()]+)?)?\s*[.;]?\s*$")


def _closing_bound(text: str, m: re.Match) -> bool:
    """"... trung bình dưới 60 phút.": a weak bound word is a bound when its number and unit
    close the sentence and no other figure comes before (not "trên 01 vạn dân", "dưới 16 tuổi")."""
    rest = text[m.end():]
    return (bool(_CLOSING_RE.match(rest)) and not re.search(r"\d", text[: m.start()])
            and "tuổi" not in rest and "dân" not in rest)


def read_prose_value(text: str) -> dict:
    """The first measurable value in a target sentence; all None when it has none."""
    out = {"comparator": None, "value": None, "value_max": None, "qualitative": None, "unit": None}
    cands: list[tuple[int, str, float | int | None, str | None]] = []
    ranges: dict[int, tuple[float | int | None, float | int | None, str | None]] = {}
    for m in _PROSE_RANGE_RE.finditer(text):
        lo, hi = to_number(m.group("lo")), to_number(m.group("hi"))
        pct = m.group("u1") or m.group("u2")
        before, after = text[max(0, m.start() - 1): m.start()], text[m.end(): m.end() + 1]
        if (lo is None or hi is None or lo >= hi or _YEARLIKE_RE.match(m.group("hi"))
                or _YEARLIKE_RE.match(m.group("lo")) or before in "/.," and before
                or after in "/" and after):
            continue
        if m.group("u2"):
            unit = _pct_unit(text, m.start("u2")) or "%"  # "15-17% GRDP"
        elif pct:
            unit = _pct_unit(text, m.start("u1")) or "%"
        else:
            unit = _noun_unit(text, m.end())
        cands.append((m.start(), "range", lo, unit))
        ranges[m.start()] = (lo, hi, unit)
    for m in _SYM_RE.finditer(text):
        if any(s <= m.start() <= s + 8 for s in ranges):
            continue
        # "≥ 90%", "≤ 20 ngày", "≥ 1.500 hồ sơ": the percentage, else the noun after the number.
        unit = _pct_unit(text, m.end()) or _noun_unit(text, m.end())
        cands.append((m.start(), _op(m.group("op")), to_number(m.group("num")), unit))
    for m in _WORD_RE.finditer(text):
        unit = _pct_unit(text, m.end())
        word = " ".join(m.group("op").lower().split())
        if any(s <= m.start("num") <= s + 8 for s in ranges):
            continue
        # "trên 01 vạn dân", "từ 14 tuổi": a bound only with a percentage or a comparative word.
        if unit is None:
            # "đạt trên 0,75 điểm": a weak word is a bound after a verb of result.
            if (word not in _STRONG_WORDS and not _REACH_BEFORE_RE.search(text[: m.start()])
                    and not _closing_bound(text, m)):
                continue
            unit = _noun_unit(text, m.end())
        cands.append((m.start(), _op(word), to_number(m.group("num")), unit))
    for m in _PCT_RE.finditer(text):
        num = to_number(m.group("num"))
        if any(c[0] <= m.start() <= c[0] + 25 and (c[2] == num or c[1] == "range") for c in cands):
            continue
        cands.append((m.start(), "=", to_number(m.group("num")), _pct_unit(text, m.end("num"))))
    if not cands:
        for m in _FRACTION_RE.finditer(text):
            if m.group("num") == m.group("den") and re.match(r"\s*(?:" + _STATE_VERBS + r")(?!\w)", text, re.I):
                break  # "Duy trì ... tại 16/16 thôn": every one of them, the result is the state
            cands.append((m.start(), "=", to_number(m.group("num")), m.group("unit")))
            break
    if not cands:
        m = _REACH_RE.search(text)
        if m and not _YEARLIKE_RE.match(m.group("num")):
            rest = text[m.end():].split()
            unit = _noun_unit(text, m.end()) or (rest[0].strip(".,;") if rest else None)
            cands.append((m.start(), "=", to_number(m.group("num")), unit or None))
    if not cands:
        # "Phấn đấu có 12 sản phẩm OCOP ...": a count the plan aims to have.
        m = _HAVE_COUNT_RE.search(text)
        if m and not _YEARLIKE_RE.match(m.group("num")):
            unit = _noun_unit(text, m.end())
            if unit:
                cands.append((m.start(), "=", to_number(m.group("num")), unit))
    if not cands:
        qm = _LABELLED_RESULT_RE.match(text) or _LEVEL_RESULT_RE.search(text)
        if qm:
            out.update(comparator="qualitative", qualitative=qm.group("res").strip())
        else:
            vm = _STATE_VERB_RE.search(text)
            if vm:
                verb = collapse_spaces(vm.group("verb"))
                out.update(comparator="qualitative", qualitative=verb[:1].upper() + verb[1:].lower())
        return out
    cands.sort(key=lambda c: c[0])
    pos, op, value, unit = cands[0]
    num_at = re.compile(_NUM).search(text, pos)
    if num_at:
        op = _upward(text, op, num_at.start())
    out.update(comparator=op, value=value, unit=unit)
    if op == "range":
        out["value_max"] = ranges[pos][1]
    return out
