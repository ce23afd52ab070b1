"""Cut the lines of one flattened table row into its cells.

Text extracted from a PDF table often loses the cell borders: the cells of a
row come one after another, in column order, each wrapped over several lines,
with nothing between them, and sometimes a cell is glued to the end of the
previous cell's last line ("... khoa học và công nghệ Phòng Văn hóa – Xã hội").

The cut is an alignment of lines to columns in order (each column takes a
run of consecutive lines, possibly none), chosen to maximise how well each
line fits its column: agency columns want lines that open with an agency
head word (or continue one), deadline columns want a deadline phrase, unit
and value columns want short cells, text columns want prose. Scores are per
line and summed with prefix sums, so a row costs O(lines² × columns) cheap
steps.
"""

from __future__ import annotations

import re

from .agencies import is_incomplete, looks_like_agency, owner_line, starts_like_agency
from .deadlines import is_deadline
from .fastfold import fold
from .vnchars import LOWER, UPPER

NEG = -1e9
_LINK_END_RE = re.compile(
    r"\b(?:với|của|thuộc|cho|và|tại|đến|gửi|trình|về|giữa|cùng|theo|bởi|qua|từ|là|các|những|trong|"
    r"bằng|như|nhằm|để|vào|hoặc|đề xuất|kiến nghị|tham mưu|(?<=\S )báo cáo)\s*$",
    re.IGNORECASE,
)
_TERMINAL_RE = re.compile(r"[.;:!?]['\"”’)]*\s*$")
_BULLET_START_RE = re.compile(r"^\s*[-–+•*]\s*")
_GLUED_DEADLINE_RE = re.compile(
    r"(?<=\S)\s+((?:Nhiệm vụ thường\s*xuyên|Thường xuyên|Hằng (?:tháng|quý|năm)|Hàng (?:tháng|quý|năm)"
    r"|(?:Trước|Chậm nhất)?\s*(?:ngày\s*)?\d{1,2}/\d{1,2}/\d{4}|Tháng \d{1,2}[/\-]\d{4}"
    r"|Quý [IV\d]{1,3}[/\-]\d{4}|Năm \d{4}(?:\s*-\s*\d{4})?|\d{4}\s*-\s*\d{4})\s*)$"
)
_GLUE_AGENCY_RE = re.compile(
    r"(?<=\S)\s+(?=(?:Phòng|Sở|Trung tâm|UBND|Ủy ban|Uỷ ban|Văn phòng|VP|Ban|Công an|Đảng ủy|Đảng uỷ|"
    r"Các|Bộ Chỉ huy|Kho bạc|Ngân hàng|Viễn thông|Doanh nghiệp|Tỉnh đoàn|Hội|Đài|Báo|Chi cục|"
    r"Bưu điện|Điện lực|Thanh tra|Mặt trận|Ủy ban MTTQ|Cục|Tổng cục|Vụ|Khoa|Bảo tàng|Viện|Bệnh viện|"
    r"Trường|Hiệp hội|Liên hiệp|Viettel|VNPT|MobiFone)\s)"
)
# An owner body named by itself ("của Bộ", "của Sở") is not waiting for a name when a
# department head follows: "... thông tin của Bộ Cục Chuyển đổi số" glues two cells.
_OWNER_END_RE = re.compile(r"\b(?:Bộ|Sở)\s*$")
_DEPARTMENT_START_RE = re.compile(r"^(?:Cục|Tổng cục|Vụ|Văn phòng|Phòng|Trung tâm|Chi cục|Khoa|Viện)\s")
# A sentence ends and an agency follows on the same line: "... bảo đảm an toàn, bảo mật. Văn
# phòng Tỉnh ủy". The word before the stop is lower case, so "TP. Hồ Chí Minh" is not cut.
_SENTENCE_STOP_RE = re.compile(r"(?<=[a-zà-ỹđ]{2}\.)\s+(?=\S)")
_NUMBERISH_RE = re.compile(r"\d")
# A verb whose object follows: "Thành lập" + "Trung tâm giám sát ..." is one sentence.
_GOVERNING_END_RE = re.compile(
    r"\b(?:thành lập|kiện toàn|củng cố|nâng cấp|xây dựng|hình thành|sáp nhập|hợp nhất|giải thể|"
    r"đầu tư|vận hành|duy trì|hỗ trợ|giao|chỉ đạo|phát triển|thí điểm|đưa|chuyển)\s*$", re.IGNORECASE)
_VALUE_RE = re.compile(r"^[\s≥≤><=~+\-–]*(?:tối thiểu|tối đa|ít nhất|trên|dưới|đạt|khoảng)?\s*[\d.,]+")


_HEAD_END_RE = re.compile(
    r"\b(?:Đảng ủy|Đảng uỷ|Văn phòng|Ban|Sở|Phòng|Trung tâm|Ủy ban|Uỷ ban|Cục|Vụ|Bộ|Chi cục)\s*$")
_GLUED_VALUE_RE = re.compile(
    r"(?<=\S)\s+((?:≥|≤|>=|<=|>|<|=)\s*\d[\d.,]*\s*%?"
    r"|(?:(?:[Tt]ối thiểu|[Tt]ối đa|[Íí]t nhất|[Kk]hông quá|[Kk]hông dưới)\s+)?\d[\d.,]*(?:\s*-\s*\d[\d.,]*)?\s*%?)\s*$")
# A unit before a glued value: "%", "% GRDP", "Người", "Mô hình", "Vấn đề lớn".
_GLUED_UNIT_RE = re.compile(
    rf"(?<=\S)\s+(%(?:\s*GRDP|\s*GDP)?|{UPPER}[^\s\d%]*(?:\s{LOWER}[^\s\d%]*){{0,2}})\s*$")


# Units of measure a target table prints in its unit column (folded). A line that is one
# of these, or ends with one after the indicator text, holds the unit cell.
KNOWN_UNITS = frozenset((
    "%", "% grdp", "% gdp", "% nsnn", "diem", "nguoi", "luot", "luot nguoi", "doanh nghiep", "trung tam",
    "he thong", "mo hinh", "van bang", "sang che", "hang", "mbps", "gbps", "csdl", "gio", "ngay", "thang",
    "nam", "ho", "ho gia dinh", "xa", "don vi", "co so", "san pham", "nen tang", "dien dan", "bai",
    "tin bai", "lop", "khoa hoc", "de an", "du an", "chuong trinh", "ty dong", "trieu dong", "km",
    "tram", "tram bts", "cong trinh", "van ban", "ho so", "thu tuc", "dich vu", "ung dung", "tai khoan",
    "lan", "cuoc", "chi bo", "dang vien", "to chuc", "cong thong tin", "duong truyen", "may tinh",
    "hop tac xa", "nhiem vu", "sang kien", "giai phap", "ket noi", "co quan", "bo", "so", "thiet bi",
    "phan mem", "cong", "trang", "nguoi/vien chuc", "so luong", "ty le", "chi so", "don",
))


def is_unit_text(text: str) -> bool:
    return " ".join(fold(text).split()) in KNOWN_UNITS


_TAIL_UNIT_RE = re.compile(
    rf"(?:(?<={LOWER})|(?<=[\d)]))\s+(%(?:\s*(?:GRDP|GDP|NSNN))?|{UPPER}{LOWER}*(?:\s{LOWER}+)?)\s*$")
_VALUE_ONLY_RE = re.compile(r"(?:≥|≤|>=|<=|>|<|=)?\s*\d[\d.,]*(?:\s*-\s*\d[\d.,]*)?\s*%?")


def _cut_tail(head: str, targets: bool = False, agency: bool = True) -> tuple[str, str] | None:
    """One cell glued at the end of ``head``: a deadline phrase, an agency name, a value."""
    if not targets:
        m = _GLUED_DEADLINE_RE.search(head)
        if m and len(head[: m.start()].split()) >= 2:
            return head[: m.start()], m.group(1).strip()
    stop = _agency_after_stop(head) if agency else None
    if stop:
        return stop
    if starts_like_agency(head) or len(head.split()) < 3 or not agency:
        if not targets:
            return None
    else:
        # The shortest agency tail that is a whole name ("... cấp tỉnh Đảng ủy Công an tỉnh").
        for gm in reversed(list(_GLUE_AGENCY_RE.finditer(head))):
            before, after = head[: gm.start()], head[gm.end():]
            # A quoted or bracketed name closes the text: '... ứng dụng "Thanh niên' / 'Nam" Ban ...'.
            closed = before.rstrip().endswith(('"', "”", ")")) and len(before.split()) == 1
            if ((len(before.split()) >= 2 or closed) and not _LINK_END_RE.search(before)
                    and not _GOVERNING_END_RE.search(before)
                    and (not _HEAD_END_RE.search(before)
                         or _OWNER_END_RE.search(before) and _DEPARTMENT_START_RE.match(after))
                    and not before.rstrip().endswith((",", ";", "-", "–"))
                    and 2 <= len(after.split()) <= 12 and looks_like_agency(after)):
                return before, after
    if targets:
        if _VALUE_ONLY_RE.fullmatch(head.strip()):
            return None  # "10 - 15" is one range, not "10 -" and "15"
        m = _GLUED_VALUE_RE.search(head)
        if (m and len(head[: m.start()].split()) >= 2 and not head[: m.start()].rstrip().endswith(("-", "–"))
                and not _BOUND_END_RE.fullmatch(head[: m.start()])):
            return head[: m.start()], m.group(1).strip()
    return None


def _agency_after_stop(head: str) -> tuple[str, str] | None:
    """The agency cell after the last full stop of a prose cell ("... tạo. Đảng ủy UBND tỉnh")."""
    stops = list(_SENTENCE_STOP_RE.finditer(head))
    if not stops:
        return None
    before, after = head[: stops[-1].start()], head[stops[-1].end():]
    if 1 <= len(after.split()) <= 12 and starts_like_agency(after) and looks_like_agency(after):
        return before, after
    return None


# A deadline cell between two other cells of one line ("Các sở, ngành Quý II/2026 Quyết định
# công bố", "Tháng 7/2026 Nghị quyết của"): a deadline phrase, then a capital opening the next cell.
_MID_DEADLINE_RE = re.compile(
    r"(?:^|(?<=\S)\s+)((?:Nhiệm vụ thường\s*xuyên|Thường xuyên|Hằng (?:tháng|quý|năm)|Hàng (?:tháng|quý|năm)"
    r"|(?:Trước|Chậm nhất)\s*(?:ngày\s*)?\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{1,2}/\d{4}|Tháng \d{1,2}[/\-]\d{4}"
    r"|Quý [IV\d]{1,3}[/\-]\d{4}|Năm \d{4}(?:\s*-\s*\d{4})?|20\d\d(?:\s*-\s*20\d\d)?))"
    rf"\s+(?={UPPER})"
)
_BEFORE_DEADLINE_LINK_RE = re.compile(r"(?:\b(?:năm|giai đoạn|từ|đến|ngày|số|trước|sau|trong)|[\d/\-–,(])\s*$",
                                      re.IGNORECASE)


def _split_mid_deadline(line: str) -> list[str]:
    m = _MID_DEADLINE_RE.search(line)
    if not m:
        return [line]
    before, after = line[: m.start()].strip(), line[m.end():].strip()
    if before and (_BEFORE_DEADLINE_LINK_RE.search(before) or _LINK_END_RE.search(before)):
        return [line]
    return [p for p in (before, m.group(1).strip(), *_split_mid_deadline(after)) if p]


_BOUND_END_RE = re.compile(r"\s*(?:≥|≤|>=|<=|>|<|[Tt]ối thiểu|[Tt]ối đa|[Íí]t nhất|[Kk]hông quá|[Kk]hông dưới)\s*$")


def _join_wrapped_units(lines: list[str]) -> list[str]:
    """A narrow unit column wraps its cell: "Doanh" / "nghiệp ≥ 5 Sở A" is "Doanh nghiệp ≥ 5 Sở A";
    a bound word left at a line's end belongs to the figure opening the next ("... Đơn Tối
    thiểu" / "10 Sở A")."""
    out: list[str] = []
    for line in lines:
        if out:
            prev = out[-1].strip()
            first = line.split()[0] if line.split() else ""
            if (len(prev.split()) == 1 and prev[:1].isupper() and first[:1].islower()
                    and is_unit_text(f"{prev} {first}")):
                out[-1] = f"{prev} {first}"
                rest = line.strip()[len(first):].strip()
                if rest:
                    out.append(rest)
                continue
            bm = _BOUND_END_RE.search(prev)
            if bm and first[:1].isdigit() and len(prev[: bm.start()].split()) >= 1:
                out[-1] = prev[: bm.start()]
                out.append(f"{prev[bm.start():].strip()} {line.strip()}")
                continue
        out.append(line)
    return out


def split_glued(lines: list[str], targets: bool = False) -> list[str]:
    """Split cells glued to the end of a line ("... dân cư Quý IV/2025 Công an xã";
    in a target table "... trên địa bàn tỉnh % ≥ 70 Đảng ủy UBND tỉnh"), and a deadline
    glued between two cells of a task row."""
    if not targets:
        lines = [p for line in lines for p in _split_mid_deadline(line)]
    else:
        lines = _join_wrapped_units(lines)
    out: list[str] = []
    for line in lines:
        tails: list[str] = []
        head = line
        for _ in range(3):
            cut = _cut_tail(head, targets, agency=not (targets and tails))
            if not cut:
                break
            head, tail = cut
            tails.insert(0, tail)
            if targets and _VALUE_ONLY_RE.fullmatch(tail):
                um = _GLUED_UNIT_RE.search(head)
                if um and len(head[: um.start()].split()) >= 2:
                    head = head[: um.start()]
                    tails.insert(0, um.group(1).strip())
                break
        if targets and not tails:
            um = _TAIL_UNIT_RE.search(head)
            if um and len(head[: um.start()].split()) >= 1 and is_unit_text(um.group(1)):
                head, tails = head[: um.start()], [um.group(1).strip()]  # "... trên địa bàn tỉnh %"
        out.extend(p for p in (head, *tails) if p.strip())
    return out


def self_ag_prev(f: _Features, k: int) -> bool:
    return k > 0 and f.ag[k - 1]


# An agency name that ends on its level word waits for its place name on the next line:
# "- Bảo hiểm xã hội tỉnh" / "Thái Nguyên", "UBND huyện" / "Điện Biên Đông".
_LEVEL_END_RE = re.compile(r"\b(?:tỉnh|thành phố|xã|phường|huyện|quận|thị xã|thị trấn|khu vực|vùng)\s*$")
_PLACE_RE = re.compile(rf"^{UPPER}\S*(?:\s+{UPPER}\S*){{0,3}}\s*[,;.]?$")


def _continues_name(prev: str, line: str, before: list[str]) -> bool:
    """A line that is part of the agency name above it: inside its open bracket
    ("thuộc 4 khối (Đảng, UBND," / "HĐND, MTTQ) tỉnh"), a bracketed note after it
    ("(Cơ quan Thường trực Ban"), or its owner ("Tỉnh ủy")."""
    if _BULLET_START_RE.match(line):
        return False
    if line.startswith("("):
        return True
    if owner_line(prev, line):
        return True
    # Count brackets back to the last bullet or blank: the open bracket of this cell.
    depth = 0
    for text in reversed(before):
        depth += text.count("(") - text.count(")")
        if _BULLET_START_RE.match(text) or starts_like_agency(text):
            break
    return depth > 0


class _Features:
    __slots__ = ("ag", "cont", "dl", "words", "digits", "place")

    def __init__(self, lines: list[str]) -> None:
        n = len(lines)
        self.ag = [False] * n
        self.cont = [False] * n
        self.dl = [False] * n
        self.words = [len(x.split()) for x in lines]
        self.digits = [bool(_NUMBERISH_RE.search(x)) for x in lines]
        self.place = [False] * n
        for k, line in enumerate(lines):
            prev = lines[k - 1] if k else ""
            linked = bool(prev) and bool(_LINK_END_RE.search(prev)) and not _BULLET_START_RE.match(line)
            # "các ngành, lĩnh vực quan trọng." after an unfinished prose line continues it.
            if (not linked and prev and line[:1].islower() and not self_ag_prev(self, k)
                    and not _TERMINAL_RE.search(prev)):
                linked = True
            self.ag[k] = (not linked and self.words[k] <= 16 and starts_like_agency(line)
                          and looks_like_agency(line))
            body = _BULLET_START_RE.sub("", line)
            self.cont[k] = bool(k) and not _BULLET_START_RE.match(line) and bool(body) and (
                body[0].islower() or is_incomplete(prev))
            if k and (self.ag[k - 1] or self.cont[k - 1]) and _continues_name(prev, line, lines[:k]):
                self.ag[k], self.cont[k] = False, True
            self.dl[k] = self.words[k] <= 8 and is_deadline(line)
            # "Thái Nguyên" after "- Bảo hiểm xã hội tỉnh": the place name of that agency.
            self.place[k] = bool(
                k and (self.ag[k - 1] or self.place[k - 1] or self.cont[k - 1]) and not self.ag[k]
                and not self.dl[k] and _LEVEL_END_RE.search(prev) and _PLACE_RE.match(line)
                and not _BULLET_START_RE.match(line))
            if self.place[k]:
                self.cont[k] = True
        # An agency head word opening a sentence ("Trung tâm Đổi mới sáng tạo" / "được đưa vào
        # hoạt động") is a product or a task, not an agency: read it with its continuation lines.
        for k in range(n):
            if not self.ag[k]:
                continue
            j = k + 1
            while j < n and lines[j][:1].islower() and not _BULLET_START_RE.match(lines[j]):
                j += 1
            if j > k + 1 and not looks_like_agency(" ".join(lines[k:j])):
                self.ag[k] = False


def _line_score(role: str, f: _Features, k: int) -> float:
    if role == "text":
        return -2.0 if (f.ag[k] or f.dl[k]) else 1.0
    if role == "output":
        return -2.0 if (f.ag[k] or f.dl[k] or f.place[k]) else 0.8
    if role in ("lead", "support"):
        if f.ag[k]:
            return 2.0 if role == "support" else -1.0
        if f.place[k]:
            return 1.0
        if f.cont[k]:
            return 0.5
        return -2.5
    if role == "note":
        return -0.6
    return -0.4


def segment(lines: list[str], roles: list[str]) -> list[list[str]]:
    """Assign lines to columns in order; returns one list of lines per role."""
    n, c = len(lines), len(roles)
    if c == 0:
        return []
    f = _Features(lines)
    prefix: list[list[float]] = []
    for role in roles:
        acc = [0.0]
        for k in range(n):
            acc.append(acc[-1] + _line_score(role, f, k))
        prefix.append(acc)
    joined_cache: dict[tuple[int, int], str] = {}

    def joined(i: int, j: int) -> str:
        key = (i, j)
        if key not in joined_cache:
            joined_cache[key] = " ".join(lines[i:j])
        return joined_cache[key]

    def run_score(ci: int, i: int, j: int) -> float:
        role = roles[ci]
        if i == j:
            return -3.0 if role == "text" else 0.0
        length = j - i
        if role == "deadline":
            if length > 4:
                return NEG
            # A deadline wraps only mid-phrase: "Nhiệm vụ thường" / "xuyên".
            for k in range(i + 1, j):
                if not (lines[k][:1].islower() or lines[k][:1].isdigit()
                        or lines[k - 1].rstrip().endswith(("-", "–", "đến"))):
                    return -6.0 * length
            return 3.0 * length if is_deadline(joined(i, j)) else -6.0 * length
        if role == "unit":
            if length > 2:
                return NEG
            text = joined(i, j)
            if lines[i][:1].islower():
                return -4.0 * length  # "bàn huyện" continues the indicator text
            if is_unit_text(text):
                return 3.0  # "Trung tâm", "Doanh" / "nghiệp"
            ok = (len(text.split()) <= 4 and not _VALUE_RE.match(text) and not looks_like_agency(text)
                  and not any(f.ag[i:j]))
            return 2.0 if ok else -4.0 * length
        if role == "value":
            if length > 4:
                return NEG
            # A value cell wraps only mid-phrase: "≤ 15 cả nước;" / "≤ 3 trong" / "vùng",
            # "Đạt mức trung" / "bình khá của" / "cả nước".
            for k in range(i + 1, j):
                if not (lines[k][:1].islower() or lines[k - 1].rstrip().endswith((";", ",", "-", "–"))):
                    return NEG if length > 2 else -3.0 * length
            text = joined(i, j)
            # A value cell opens with a number or a capital; "%" is a unit, but after a unit
            # line a unit-like word is the result ("Nền tảng" / "Ứng dụng").
            if lines[i][:1].islower() or (is_unit_text(text) and not _VALUE_RE.match(text)
                                          and not (i and is_unit_text(lines[i - 1]))):
                return -4.0 * length
            ok = (bool(_VALUE_RE.match(text)) or len(text.split()) <= 5) and not any(f.ag[i:j])
            return 2.0 if ok else -3.0 * length
        score = prefix[ci][j] - prefix[ci][i]
        if role in ("lead", "support"):
            first = _line_score(role, f, i)
            score += (2.0 if f.ag[i] else -6.0) - first
            if f.ag[i]:
                score += 1.5 if role == "lead" else 0.5  # a named agency beats an empty cell
        elif role == "text":
            score += 1.0
        if role in ("text", "output") and lines[i][:1].islower():
            score -= 2.5  # a cell opens with a capital: this line continues the cell before
        return score

    best = [[NEG] * (n + 1) for _ in range(c + 1)]
    back = [[0] * (n + 1) for _ in range(c + 1)]
    best[0][0] = 0.0
    for ci in range(c):
        row_prev, row = best[ci], best[ci + 1]
        limit = 4 if roles[ci] in ("deadline", "unit", "value") else n
        for j in range(n + 1):
            top, arg = NEG, j
            for i in range(max(0, j - limit), j + 1):
                base = row_prev[i]
                if base <= NEG:
                    continue
                s = base + run_score(ci, i, j)
                if s > top:
                    top, arg = s, i
            row[j] = top
            back[ci + 1][j] = arg
    cells: list[list[str]] = [[] for _ in roles]
    j = n
    for ci in range(c, 0, -1):
        i = back[ci][j]
        cells[ci - 1] = lines[i:j]
        j = i
    return cells
