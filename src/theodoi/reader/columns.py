"""Recognise table columns by their Vietnamese header words.

Roles: ``no`` (STT), ``text`` (task content or indicator), ``lead``,
``support``, ``output``, ``deadline``, ``unit``, ``value``, ``note``,
``other`` (a known column that feeds no field: budget, baseline ...).
Matching is on folded text (no diacritics, lower case), longest phrase first,
so "Đơn vị chủ trì" is a lead column and "Đơn vị tính" a unit column.
"""

from __future__ import annotations

import re

from .fastfold import fold

# (folded phrase, role). Order does not matter: the longest match wins.
_PHRASES: list[tuple[str, str]] = [
    ("stt", "no"), ("tt", "no"), ("so tt", "no"), ("so thu tu", "no"), ("ma so", "no"),
    ("noi dung nhiem vu", "text"), ("nhiem vu", "text"), ("noi dung", "text"),
    ("ten nhiem vu", "text"), ("noi dung cong viec", "text"), ("nhiem vu, giai phap", "text"),
    ("nhiem vu giai phap", "text"), ("cong viec", "text"), ("noi dung thuc hien", "text"),
    ("ten de an, nhiem vu", "text"), ("nhiem vu cu the", "text"), ("noi dung hoat dong", "text"),
    ("hoat dong", "text"), ("ten chi tieu", "text"), ("noi dung chi tieu", "text"),
    ("chi tieu", "text"), ("chi tieu cu the", "text"), ("muc tieu, chi tieu", "text"),
    ("ten nhiem vu/chi tieu", "text"), ("chi so", "text"), ("ten chi so", "text"),
    ("co quan chu tri", "lead"), ("don vi chu tri", "lead"), ("chu tri", "lead"),
    ("co quan thuc hien", "lead"), ("don vi thuc hien", "lead"), ("co quan, don vi chu tri", "lead"),
    ("co quan chu tri theo doi, danh gia", "lead"), ("co quan chu tri theo doi", "lead"),
    ("co quan theo doi", "lead"), ("don vi theo doi", "lead"), ("co quan chu tri thuc hien", "lead"),
    ("don vi chu tri thuc hien", "lead"), ("co quan, don vi thuc hien", "lead"),
    ("trach nhiem thuc hien", "lead"), ("co quan phu trach", "lead"), ("don vi phu trach", "lead"),
    ("co quan chiu trach nhiem", "lead"), ("co quan, don vi chu tri thuc hien", "lead"),
    ("co quan phoi hop", "support"), ("don vi phoi hop", "support"), ("phoi hop", "support"),
    ("co quan, don vi phoi hop", "support"), ("co quan phoi hop thuc hien", "support"),
    ("don vi phoi hop thuc hien", "support"),
    ("san pham", "output"), ("ket qua du kien", "output"), ("san pham dau ra", "output"),
    ("san pham du kien", "output"), ("ket qua dau ra", "output"), ("hinh thuc san pham", "output"),
    ("ket qua/san pham", "output"), ("san pham/ket qua", "output"), ("du kien san pham", "output"),
    ("san pham, ket qua", "output"), ("ket qua, san pham", "output"), ("yeu cau san pham", "output"),
    ("thoi gian hoan thanh", "deadline"), ("thoi han", "deadline"), ("thoi gian thuc hien", "deadline"),
    ("tien do", "deadline"), ("thoi gian", "deadline"), ("thoi han hoan thanh", "deadline"),
    ("moc thoi gian", "deadline"), ("tien do thuc hien", "deadline"), ("tien do hoan thanh", "deadline"),
    ("thoi diem hoan thanh", "deadline"), ("thoi gian bat dau", "other"),
    ("don vi tinh", "unit"), ("don vi", "unit"), ("dvt", "unit"), ("don vi do", "unit"),
    ("ket qua", "value"), ("gia tri", "value"), ("muc tieu", "value"), ("gia tri muc tieu", "value"),
    ("chi tieu phan dau", "value"), ("muc phan dau", "value"), ("ke hoach", "value"),
    ("muc tieu den nam", "value"), ("chi tieu nam", "value"), ("nam", "value"),
    ("ghi chu", "note"),
    ("kinh phi", "other"), ("nguon kinh phi", "other"), ("du toan", "other"), ("hien trang", "other"),
    ("thuc hien nam", "other"), ("uoc thuc hien", "other"), ("ket qua thuc hien", "other"),
    ("tinh hinh thuc hien", "other"), ("nguon von", "other"), ("co so phap ly", "other"),
    ("linh vuc", "other"),
]
_PHRASE_ROLE = dict(_PHRASES)
_MAX_WORDS = max(len(p.split()) for p, _ in _PHRASES)
_PUNCT_RE = re.compile(r"[()\[\]*:.;]")
_YEARISH_RE = re.compile(r"\b(?:19|20)\d\d\b")


def _norm(cell: str) -> str:
    text = fold(cell).replace("\n", " ")
    text = _PUNCT_RE.sub(" ", text)
    text = re.sub(r"\s*,\s*", ", ", text)
    text = re.sub(r"\s*/\s*", "/", text)
    return " ".join(text.split()).strip(" ,")


def classify_header(cell: str | None, loose: bool = True) -> str | None:
    """Role of one header cell, or None when it is no known header.

    ``loose`` lets keyword families decide cells no known phrase covers; a line
    of running text that might open a header is tested with ``loose=False``."""
    if not cell or not cell.strip():
        return None
    text = _norm(cell)
    if not text or len(text) > 80:
        return None
    if text in _PHRASE_ROLE:
        return _PHRASE_ROLE[text]
    words = text.split()
    # Longest known phrase at the start: "co quan chu tri theo doi, danh gia (1)".
    for n in range(min(len(words), _MAX_WORDS + 1), 0, -1):
        head = " ".join(words[:n])
        if head in _PHRASE_ROLE:
            role = _PHRASE_ROLE[head]
            rest = words[n:]
            # "Chỉ tiêu năm 2026", "Kết quả đến năm 2030": a value column.
            if role in ("text", "value") and rest and _YEARISH_RE.search(" ".join(rest)):
                return "value"
            if len(rest) > 6:
                return None
            if rest and loose and not _NOT_HEADER_RE.search(cell.strip().strip("*_ ")):
                # Only the opening words are a known phrase ("Đơn vị chủ quản", "Kết quả
                # (sản phẩm)"): the keyword families read the whole cell.
                return _family_role(text) or role
            return role
    # "Năm 2025" is a value column; "Đến năm 2030", "Giai đoạn 2026-2027" alone are group rows.
    if _YEARISH_RE.fullmatch(text) or re.fullmatch(r"nam \d{4}", text):
        return "value"
    if not loose or _NOT_HEADER_RE.search(cell.strip().strip("*_ ")):
        return None
    return _family_role(text)


# A numbered heading ("II. NỘI DUNG", "1. Mục tiêu") or a sentence ("... nhiệm vụ.") is no header cell.
_NOT_HEADER_RE = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)\-–:]\s*\S|[.;!?]$")


# Keyword families, tried in order on the folded header text (anywhere in it), for
# header cells no known phrase covers: "Nhiệm vụ/giải pháp", "Đơn vị tham gia phối hợp",
# "Mốc hoàn thành", "Kế hoạch năm 2026". Earlier families win ("Đơn vị chủ trì thực
# hiện" is a lead column before "thực hiện" is read; "Chỉ tiêu năm 2026" is a value).
def _kw(*alts: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(alts) + r")(?![a-z0-9])")


_FAMILIES: list[tuple[str, re.Pattern[str]]] = [
    ("note", _kw("ghi chu")),
    ("other", _kw("kinh phi", "nguon von", "du toan", "hien trang", "uoc thuc hien", "ket qua thuc hien",
                  "tinh hinh thuc hien", "co so phap ly", "thuc hien nam", "thoi gian bat dau", "linh vuc",
                  "nam truoc", "ky truoc", "thuc trang")),
    ("unit", _kw("don vi tinh", "dvt", "don vi do", "don vi do luong")),
    ("lead", _kw("chu tri", "chu quan", "phu trach", "chiu trach nhiem", "dau moi")),
    ("support", _kw("phoi hop", "tham gia", "cung thuc hien")),
    # "Cơ quan thực hiện", "Đơn vị theo dõi", "Khoa/phòng theo dõi"
    ("lead", _kw("co quan", "don vi", "trach nhiem", "theo doi")),
    ("deadline", _kw("thoi gian", "thoi han", "tien do", "moc", "thoi diem", "lo trinh")),
    ("output", _kw("san pham", "dau ra", "ket qua du kien", "ket qua can dat", "yeu cau dat")),
    ("value", re.compile(r"(?<![a-z])(?:chi tieu|chi so|ket qua|muc tieu|gia tri|ke hoach|nam)\b.*\b(?:19|20)\d\d\b")),
    ("text", _kw("ten chi tieu", "noi dung chi tieu", "chi tieu", "chi so", "ten chi so")),
    ("text", _kw("nhiem vu", "noi dung", "giai phap", "hoat dong", "cong viec", "de an", "du an",
                 "chuong trinh", "ten")),
    ("value", _kw("muc tieu", "ke hoach", "gia tri", "ket qua", "muc phan dau", "phan dau")),
    ("no", re.compile(r"^(?:s ?tt|tt|so tt|so thu tu|thu tu|ma so|ma)$")),
]
# Cells that read as a body cell, not a header: an agency, a time phrase, a label with its value.
_BODY_CELL_RE = re.compile(
    r"^(?:so|phong|ubnd|uy ban|bo|cuc|vu|trung tam|cac|ban|van phong|cong an|hang|thuong xuyen|"
    r"nhiem vu thuong xuyen|quy|thang|truoc|den|giai doan|trong|tam nhin|tu)\b|:\s*\S")


def _family_role(text: str) -> str | None:
    bare = re.sub(r"\([^)]*\)", " ", text).replace("/", " ").replace(",", " ").replace("-", " ")
    bare = " ".join(bare.split())
    if not bare or len(bare.split()) > 10 or _BODY_CELL_RE.search(bare):
        return None
    for role, pattern in _FAMILIES:
        if pattern.search(bare):
            return role
    return None


def scan_header_phrases(text: str) -> list[tuple[str, str]] | None:
    """Split a header written on one line ("TT Nội dung nhiệm vụ Cơ quan chủ trì ...").

    Returns [(role, phrase as folded)] when nearly every word belongs to a
    known phrase, else None.
    """
    words = _norm(text).split()
    if len(words) < 3:
        return None
    out: list[tuple[str, str]] = []
    i = matched = 0
    while i < len(words):
        for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            if phrase in _PHRASE_ROLE:
                out.append((_PHRASE_ROLE[phrase], phrase))
                i += n
                matched += n
                break
        else:
            if i == 0:
                return None  # a header row opens with a header word, not a title ("PHỤ LỤC I: ...")
            if out and _YEARISH_RE.fullmatch(words[i]):
                matched += 1
                out[-1] = ("value", out[-1][1] + " " + words[i])
            i += 1
    if matched < 0.8 * len(words):
        return None
    return out


_PERIOD_HEAD_RE = re.compile(
    r"^(?:giai doan|den nam|nam|den|thoi ky|muc tieu)?\s*(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?$")


def resolve_roles(labels: list[str | None], cells: list[str] | None = None) -> list[str | None]:
    """Settle ambiguous roles across a whole header row.

    "Chỉ tiêu" is the indicator column unless another column already holds
    the text ("Nội dung", "Tên chỉ tiêu"), in which case it is the value.
    "Kết quả" after a task table's lead/deadline columns is its output.
    A period cell ("Giai đoạn 2025 - 2030", "Đến năm 2030") is a group row on
    its own, but in a header row beside an indicator column and no value
    column it heads the values set for that period.
    """
    roles = list(labels)
    if cells and "text" in roles and "value" not in roles:
        for i, (r, c) in enumerate(zip(roles, cells, strict=False)):
            if r is None and c and _PERIOD_HEAD_RE.match(_norm(c)):
                roles[i] = "value"
                break
    text_cols = [i for i, r in enumerate(roles) if r == "text"]
    if len(text_cols) > 1:
        for i in text_cols[1:]:
            roles[i] = "value"
    has_value = "value" in roles
    has_deadline = "deadline" in roles
    if (not has_value and not has_deadline and "unit" in roles and "text" in roles
            and roles.count("output") == 1):
        # "Chỉ tiêu | Đơn vị tính | Kết quả cần đạt": beside a unit column and with no
        # deadline, the "result to reach" is the target's value, not a task's product.
        roles[roles.index("output")] = "value"
        has_value = True
    if has_value and has_deadline and "output" not in roles:
        # A task table's "Kết quả" column is its product.
        for i, r in enumerate(roles):
            if r == "value":
                roles[i] = "output"
                break
    return roles


def table_kind(roles: list[str | None]) -> str | None:
    """"targets" when there is an indicator and a value, "tasks" for content + lead."""
    if "text" not in roles:
        return None
    if "value" in roles or ("unit" in roles and "deadline" not in roles):
        return "targets"
    if "lead" in roles or "support" in roles or "deadline" in roles:
        return "tasks"
    return None


def header_score(cells: list[str]) -> int:
    """Number of cells that read as known headers."""
    return sum(1 for c in cells if classify_header(c))
